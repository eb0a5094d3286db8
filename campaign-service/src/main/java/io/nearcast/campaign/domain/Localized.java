package io.nearcast.campaign.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A text in German and/or English (at least one). {@link #in} falls back to the other language
 * when the wanted one is missing.
 */
public record Localized(Map<Language, String> texts) {

    public Localized {
        Objects.requireNonNull(texts, "texts");
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a text needs at least one language");
        }
        texts = Collections.unmodifiableMap(new EnumMap<>(texts));
    }

    public static Localized of(Language language, String text) {
        return new Localized(Map.of(language, text));
    }

    public String in(Language language) {
        String text = texts.get(language);
        return text != null ? text : texts.values().iterator().next();
    }

    /** The languages Nearcast's content comes in. */
    public enum Language {
        DE("de"), EN("en");

        private final String tag;

        Language(String tag) {
            this.tag = tag;
        }

        /** The BCP 47 tag. */
        public String tag() {
            return tag;
        }

        public static java.util.Optional<Language> ofTag(String tag) {
            for (Language language : values()) {
                if (language.tag.equalsIgnoreCase(tag)) {
                    return java.util.Optional.of(language);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
