package io.nearcast.gateway.domain.ingest;

/** Where accepted tag scans go (the touchpoint service). Must not block for long; must not throw for valid input. */
@FunctionalInterface
public interface ScanSink {

    void accept(TapScan scan);
}
