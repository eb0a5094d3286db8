package io.nearcast.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One decision about a consenting shopper and its short explanation: each campaign the trigger
 * reached, in priority order, with its verdict; at most {@link #MAX_VERDICTS} are kept and
 * {@code unlisted} counts the rest.
 *
 * @param offerId the offer it made, if any
 */
public record Decision(String id, String shopperId, String storeId, Optional<String> zoneId, TriggerType trigger, Instant at,
                       List<Verdict> verdicts, int unlisted, Optional<String> offerId) {

    public static final int MAX_VERDICTS = 16;

    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(zoneId, "zoneId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(at, "at");
        verdicts = List.copyOf(verdicts);
        Objects.requireNonNull(offerId, "offerId");
        if (verdicts.size() > MAX_VERDICTS || unlisted < 0) {
            throw new IllegalArgumentException("at most " + MAX_VERDICTS + " verdicts are kept");
        }
    }

    /** The explanation as one line, e.g. {@code cmp_a:cap-per-day cmp_b:chosen cmp_c:outranked (+3 more)}. */
    public String explanation() {
        StringBuilder text = new StringBuilder();
        for (Verdict verdict : verdicts) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(verdict);
        }
        if (unlisted > 0) {
            text.append(" (+").append(unlisted).append(" more)");
        }
        return text.toString();
    }

    /** Reads {@link #explanation()} back (the verdicts; {@code unlisted} is stored beside). */
    public static List<Verdict> parseVerdicts(String explanation) {
        String listed = explanation.replaceFirst(" \\(\\+\\d+ more\\)$", "");
        if (listed.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(listed.split(" ")).map(Decision::parseVerdict).toList();
    }

    private static Verdict parseVerdict(String text) {
        int colon = text.lastIndexOf(':');
        String campaign = text.substring(0, colon);
        String outcome = text.substring(colon + 1);
        if (outcome.equals("chosen")) {
            return Verdict.chosen(campaign);
        }
        for (BlockReason reason : BlockReason.values()) {
            if (reason.wireName().equals(outcome)) {
                return Verdict.blocked(campaign, reason);
            }
        }
        throw new IllegalArgumentException("unknown verdict: " + text);
    }
}
