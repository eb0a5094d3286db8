package io.nearcast.gateway.domain.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One tag-scan report ({@code {"ts","url"}}) through the gateway: the {@link Admission} gate, then
 * the time rules of {@link ReportCheck}, then the URL: present, at most {@value #MAX_URL_LENGTH}
 * characters of printable ASCII (a tag emits an NDEF URI record; anything else was not read from
 * a tag), an absolute {@code https} or {@code http} URL with a host. Accepted scans go to the
 * {@link ScanSink}; rejects are returned and counted. Thread-safe.
 */
public final class ScanIngest {

    /** An NTAG 424 DNA's NDEF file holds at most 256 bytes; 1024 leaves room for other tags. */
    static final int MAX_URL_LENGTH = 1024;

    private final Admission admission;
    private final ReportCheck check;
    private final ScanSink sink;
    private final IngestCounters counters;

    public ScanIngest(KnownDevices devices, DeviceRateLimits limits, RecentMessages recent, ReportCheck check, ScanSink sink,
                      IngestCounters counters) {
        this.admission = new Admission(devices, limits, recent, counters);
        this.check = check;
        this.sink = sink;
        this.counters = counters;
    }

    /** A report as the device sent it; fields may be missing. */
    public record ScanReport(String storeId, String deviceId, Long ts, String url) {
    }

    public ScannerIngest.Result handle(String messageKey, ScanReport report, long nowNanos) {
        Optional<ScannerIngest.Result> stopped = admission.stop(messageKey, report.storeId(), report.deviceId(), nowNanos);
        if (stopped.isPresent()) {
            return stopped.get();
        }
        Optional<Reject> problem = check.checkTime(report.ts()).or(() -> checkUrl(report.url()));
        if (problem.isPresent()) {
            admission.forget(messageKey); // a repeat gets the same answer, not "duplicate"
            counters.rejected(problem.get().reason());
            return new ScannerIngest.Result(0, false, List.of(problem.get()));
        }
        sink.accept(new TapScan(report.storeId(), report.deviceId(), report.url(), Instant.ofEpochMilli(report.ts())));
        counters.acceptedScan();
        return new ScannerIngest.Result(1, false, List.of());
    }

    /** A message refused before its content could be read (counted). */
    public ScannerIngest.Result refuse(Reject reject) {
        return admission.refuse(reject);
    }

    static Optional<Reject> checkUrl(String url) {
        if (url == null || url.isEmpty()) {
            return Optional.of(new Reject("url-missing", "url (the URL the tag emitted) is required"));
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of(new Reject("url-too-long", "url has " + url.length() + " characters; at most " + MAX_URL_LENGTH));
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return Optional.of(new Reject("url-invalid", "url has a space, control or non-ASCII character at index " + i));
            }
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                return Optional.of(new Reject("url-invalid", "url must be an absolute https or http URL with a host"));
            }
        } catch (URISyntaxException e) {
            return Optional.of(new Reject("url-invalid", "url is not a URI: " + e.getReason() + " at index " + e.getIndex()));
        }
        return Optional.empty();
    }
}
