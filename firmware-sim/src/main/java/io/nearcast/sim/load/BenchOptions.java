package io.nearcast.sim.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Options of {@code bench-ingest}: {@code --mqtt <url>}, {@code --server-jar <path>},
 * {@code --messages <n>}, {@code --devices <n>}, {@code --runs <n>}, as {@code --name value} or
 * {@code --name=value}.
 */
public record BenchOptions(String mqtt, Path serverJar, int messages, int devices, int runs) {

    public static final String USAGE = "bench-ingest [--mqtt tcp://127.0.0.1:1883] [--server-jar app/target/nearcast.jar]"
            + " [--messages 50000] [--devices 4] [--runs 1]";

    public static BenchOptions defaults() {
        return new BenchOptions("tcp://127.0.0.1:1883", Path.of("app/target/nearcast.jar"), 50_000, 4, 1);
    }

    /** @throws IllegalArgumentException for an unknown option, a missing value or a number below 1 */
    public static BenchOptions parse(String... args) {
        BenchOptions options = defaults();
        Iterator<String> it = Arrays.asList(args).iterator();
        while (it.hasNext()) {
            String arg = it.next();
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (!name.matches("--(mqtt|server-jar|messages|devices|runs)")) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (equals < 0 && !it.hasNext()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = equals > 0 ? arg.substring(equals + 1) : it.next();
            options = switch (name) {
                case "--mqtt" -> new BenchOptions(value, options.serverJar, options.messages, options.devices, options.runs);
                case "--server-jar" -> new BenchOptions(options.mqtt, Path.of(value), options.messages, options.devices, options.runs);
                case "--messages" -> new BenchOptions(options.mqtt, options.serverJar, count(name, value), options.devices, options.runs);
                case "--devices" -> new BenchOptions(options.mqtt, options.serverJar, options.messages, count(name, value), options.runs);
                default -> new BenchOptions(options.mqtt, options.serverJar, options.messages, options.devices, count(name, value));
            };
        }
        return options;
    }

    private static int count(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least 1, not '" + value + "'");
    }
}
