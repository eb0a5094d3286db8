package io.nearcast.sim.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of the Prometheus text format (0.0.4) the benchmark reads: one sample per line,
 * {@code name{label="value",...} value [timestamp]}; comments and blank lines are skipped.
 */
public final class PrometheusText {

    /** One line of the exposition. */
    public record Sample(String name, Map<String, String> labels, double value) {

        boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** @throws IllegalArgumentException naming the line that is not a sample */
    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                samples.add(sample(trimmed));
            }
        }
        return new PrometheusText(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Sum over the samples of that name whose labels include all the given ones; 0 when there are none. */
    public double sum(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.has(labels)).mapToDouble(Sample::value).sum();
    }

    /** The samples of that name summed per value of one label (samples without the label are left out). */
    public Map<String, Double> byLabel(String name, String label) {
        Map<String, Double> values = new TreeMap<>();
        samples.stream().filter(s -> s.name().equals(name) && s.labels().containsKey(label))
                .forEach(s -> values.merge(s.labels().get(label), s.value(), Double::sum));
        return values;
    }

    /** The cumulative buckets {@code <name>_bucket{le=...}} of a histogram with the given labels. */
    public Histogram histogram(String name, Map<String, String> labels) {
        Map<Double, Double> buckets = new TreeMap<>();
        samples.stream().filter(s -> s.name().equals(name + "_bucket") && s.has(labels) && s.labels().containsKey("le"))
                .forEach(s -> buckets.merge(number(s.labels().get("le")), s.value(), Double::sum));
        return Histogram.of(buckets);
    }

    private static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = labels(line, i + 1, labels);
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        if (name.isEmpty() || rest[0].isEmpty()) {
            throw new IllegalArgumentException("not a Prometheus sample: " + line);
        }
        return new Sample(name, labels, number(rest[0]));
    }

    /** Reads {@code a="x",b="y"}} from {@code i}; returns the index after the closing brace. */
    private static int labels(String line, int i, Map<String, String> labels) {
        while (true) {
            while (i < line.length() && (line.charAt(i) == ',' || line.charAt(i) == ' ')) {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '}') {
                return i + 1;
            }
            int equals = line.indexOf('=', i);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                throw new IllegalArgumentException("bad labels in Prometheus sample: " + line);
            }
            String label = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            for (; j < line.length() && line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\' && j + 1 < line.length()) {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            if (j >= line.length()) {
                throw new IllegalArgumentException("unterminated label value in Prometheus sample: " + line);
            }
            labels.put(label, value.toString());
            i = j + 1;
        }
    }

    static double number(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
