package io.nearcast.broker.domain;

/**
 * MQTT topic filter semantics (MQTT 5.0 §4.7): {@code +} matches one level, {@code #} the rest
 * (including the parent level), other levels match literally. Pure and thread-safe.
 */
public final class TopicFilters {

    private static final String SHARE_PREFIX = "$share/";

    private TopicFilters() {
    }

    /** Whether a concrete topic matches a filter. Topics starting with {@code $} never match a leading wildcard. */
    public static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length) {
                return false;
            }
            if (!f[i].equals("+") && !f[i].equals(t[i])) {
                return false;
            }
        }
        return f.length == t.length;
    }

    /**
     * Whether every topic the {@code requested} filter can match is also matched by {@code allowed}:
     * a client allowed {@code a/+/c} may subscribe to {@code a/b/c} or {@code a/+/c}, not to {@code a/#}.
     */
    public static boolean covers(String allowed, String requested) {
        String[] a = allowed.split("/", -1);
        String[] r = requested.split("/", -1);
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals("#")) {
                return true;
            }
            if (i >= r.length || r[i].equals("#")) {
                return false;
            }
            if (!a[i].equals("+") && (r[i].equals("+") || !a[i].equals(r[i]))) {
                return false;
            }
        }
        return a.length == r.length;
    }

    /** The filter inside a shared subscription ({@code $share/<group>/<filter>}), or the filter itself. */
    public static String withoutSharePrefix(String filter) {
        if (!filter.startsWith(SHARE_PREFIX)) {
            return filter;
        }
        int groupEnd = filter.indexOf('/', SHARE_PREFIX.length());
        return groupEnd < 0 ? "" : filter.substring(groupEnd + 1);
    }

    /** Whether a subscription filter is well-formed: wildcards stand alone in their level, {@code #} only last. */
    public static boolean isValidFilter(String filter) {
        if (filter.isEmpty() || filter.indexOf('\u0000') >= 0) {
            return false;
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return false;
            }
            if (level.contains("+") && !level.equals("+")) {
                return false;
            }
        }
        return true;
    }
}
