/**
 * Shoppers and what they allow: pseudonymous shoppers, the append-only consent ledger, the one
 * processing policy every component asks before it touches personal data, and the personal-data
 * SPI through which export, erasure and retention reach every component that stores such data.
 * Plain Java; adapters live in {@code io.nearcast.privacy.jdbc} and the app.
 */
package io.nearcast.privacy.domain;
