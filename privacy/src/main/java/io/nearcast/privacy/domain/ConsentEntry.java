package io.nearcast.privacy.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the consent ledger: a purpose granted or revoked at a time, from a source (the
 * app, a kiosk, an operator acting on a request) after the shopper saw a version of the notice.
 * Entries are only ever appended.
 */
public record ConsentEntry(ShopperId shopperId, Purpose purpose, boolean granted, Instant at, String source, String noticeVersion) {

    public ConsentEntry {
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(noticeVersion, "noticeVersion");
    }
}
