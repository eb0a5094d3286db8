package io.nearcast.sim.load;

/**
 * One run of the raw, gateway and paced phases. A value that was not measured (e.g. a histogram
 * without observations) is NaN and printed as {@code null}.
 *
 * @param rawPerSec       messages per second the broker delivered to the trivial subscriber
 * @param rawArrived      messages that reached the trivial subscriber (of {@code messages} published)
 * @param rawBehind       published but not yet arrived when the last one was published
 * @param gatewayPerSec   sightings per second the server accepted (and so handed on)
 * @param gatewayAccepted sightings accepted in the gateway phase (of {@code messages} published)
 * @param gatewayReceived messages that reached the server in the gateway phase; fewer than published means the broker dropped some
 * @param gatewayBehind   published but not yet accepted when the last one was published
 * @param pacedPerSec     the publish rate achieved in the paced phase (target: half of rawPerSec)
 * @param pacedMessages   messages published in the paced phase
 * @param drainMs         from the last paced publish until the server had handled all of them; NaN if it never did
 * @param handling        the server's receipt-to-handed-on time in the paced phase
 * @param rejected        messages or sightings the server rejected during the run: the benchmark's own are all valid, so
 *                        anything here came from another client publishing to scanner topics on the same broker
 */
public record RunResult(double rawPerSec, long rawArrived, long rawBehind, double gatewayPerSec, long gatewayAccepted, long gatewayReceived,
                        long gatewayBehind, double pacedPerSec, long pacedMessages, double drainMs, Handling handling,
                        long rejected) {

    /** Percentiles read from the MQTT handling histogram's bucket deltas, in ms (bucket upper bounds). */
    public record Handling(double p50, double p99, double max, long count) {

        static final Handling NONE = new Handling(Double.NaN, Double.NaN, Double.NaN, 0);

        static Handling of(Histogram delta) {
            if (delta.count() == 0) {
                return NONE;
            }
            return new Handling(delta.percentile(0.5) * 1000, delta.percentile(0.99) * 1000, delta.percentile(1.0) * 1000, delta.count());
        }

        String toJson() {
            return "{\"p50\":" + Json.number(p50, 3) + ",\"p99\":" + Json.number(p99, 3) + ",\"max\":" + Json.number(max, 3)
                    + ",\"count\":" + count + "}";
        }
    }

    double ratio() {
        return gatewayPerSec / rawPerSec;
    }

    /** Whether every published message arrived: at the raw subscriber, and accepted or handled by the server. */
    boolean allArrived(long messages) {
        return rawArrived >= messages && gatewayAccepted >= messages && handling.count() >= pacedMessages;
    }

    String toJson() {
        return "{\"rawPerSec\":" + Json.number(rawPerSec, 0) + ",\"gatewayPerSec\":" + Json.number(gatewayPerSec, 0)
                + ",\"ratio\":" + Json.number(ratio(), 3) + ",\"pacedPerSec\":" + Json.number(pacedPerSec, 0)
                + ",\"handlingMs\":" + handling.toJson() + ",\"drainMs\":" + Json.number(drainMs, 0)
                + ",\"rawArrived\":" + rawArrived + ",\"rawBehind\":" + rawBehind
                + ",\"gatewayReceived\":" + gatewayReceived + ",\"gatewayAccepted\":" + gatewayAccepted + ",\"gatewayBehind\":" + gatewayBehind
                + ",\"pacedMessages\":" + pacedMessages + ",\"rejected\":" + rejected + "}";
    }
}
