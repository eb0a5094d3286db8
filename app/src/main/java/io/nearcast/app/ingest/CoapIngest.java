package io.nearcast.app.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.nearcast.gateway.domain.ingest.Reject;
import io.nearcast.gateway.domain.ingest.ScanIngest;
import io.nearcast.gateway.domain.ingest.ScannerIngest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

/**
 * The gateway's CoAP resources (CONTRACT §4): {@code POST /v1/sightings} (the scanner report of
 * the MQTT topic) and {@code POST /v1/scans} (a tag scan {@code {"ts","url"}}), as JSON
 * (Content-Format 50, or none) or CBOR (60). The device is the DTLS PSK identity; on plain CoAP,
 * which is off unless configured, the request names it with {@code ?device=<id>}.
 *
 * <p>Answers: 2.04 when everything was accepted (or was a repeat); 2.04 with
 * {@code {"accepted","rejects"}} when some sightings were; otherwise the code of the first reject
 * ({@link CoapCodes}: 4.01 unknown device, 4.13 too large, 4.15 content format, 4.29 rate
 * limited, else 4.00) with the same JSON as diagnostic payload. Every outcome is counted.
 */
public final class CoapIngest {

    static final int JSON = MediaTypeRegistry.APPLICATION_JSON;
    static final int CBOR = MediaTypeRegistry.APPLICATION_CBOR;

    /** Which store an enabled device belongs to. */
    @FunctionalInterface
    public interface DeviceStores {
        Optional<String> activeStore(String deviceId);
    }

    private final ScannerIngest sightings;
    private final ScanIngest scans;
    private final DeviceStores stores;
    private final JsonMapper json;
    private final Payloads payloads;
    private final Timer handling;

    public CoapIngest(ScannerIngest sightings, ScanIngest scans, DeviceStores stores, JsonMapper json, int maxPayloadBytes, MeterRegistry meters) {
        this.sightings = sightings;
        this.scans = scans;
        this.stores = stores;
        this.json = json;
        this.payloads = new Payloads(json, maxPayloadBytes);
        this.handling = IngestMeters.handlingTimer(meters, "coap");
    }

    /** The {@code v1} resource with its two children, to add to the CoAP server. */
    public Resource resource() {
        CoapResource v1 = new CoapResource("v1");
        v1.add(new Post("sightings", this::sightings));
        v1.add(new Post("scans", this::scan));
        return v1;
    }

    /** A device that was authenticated (or, on plain CoAP, named) and found active. */
    private record Sender(String storeId, String deviceId) {
    }

    @FunctionalInterface
    private interface Handler {
        ScannerIngest.Result handle(Sender sender, byte[] body, boolean cbor);
    }

    private ScannerIngest.Result sightings(Sender sender, byte[] body, boolean cbor) {
        Payloads.Read<ScannerPayload> read = payloads.read(body, cbor, ScannerPayload.class, ScannerPayload.SHAPE);
        if (read instanceof Payloads.Value<ScannerPayload> value) {
            String key = ScannerIngest.messageKey("coap/" + sender.deviceId() + "/sightings", body);
            return sightings.handle(key, value.value().report(sender.storeId(), sender.deviceId()), System.nanoTime());
        }
        return sightings.refuse(((Payloads.Refused<ScannerPayload>) read).reject());
    }

    private ScannerIngest.Result scan(Sender sender, byte[] body, boolean cbor) {
        Payloads.Read<ScanPayload> read = payloads.read(body, cbor, ScanPayload.class, ScanPayload.SHAPE);
        if (read instanceof Payloads.Value<ScanPayload> value) {
            String key = ScannerIngest.messageKey("coap/" + sender.deviceId() + "/scans", body);
            return scans.handle(key, value.value().report(sender.storeId(), sender.deviceId()), System.nanoTime());
        }
        return scans.refuse(((Payloads.Refused<ScanPayload>) read).reject());
    }

    private final class Post extends CoapResource {
        private final Handler handler;

        Post(String name, Handler handler) {
            super(name);
            this.handler = handler;
            getAttributes().addContentType(JSON);
            getAttributes().addContentType(CBOR);
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            long started = System.nanoTime();
            ScannerIngest.Result result = handle(exchange);
            handling.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            respond(exchange, result);
        }

        private ScannerIngest.Result handle(CoapExchange exchange) {
            Optional<String> deviceId = deviceOf(exchange);
            if (deviceId.isEmpty()) {
                return sightings.refuse(new Reject("device-unnamed", "plain CoAP requests name their device with ?device=<id>; better use coaps with the device's PSK"));
            }
            Optional<String> storeId = stores.activeStore(deviceId.get());
            if (storeId.isEmpty()) {
                return sightings.refuse(new Reject("unknown-device", "no enabled device with this id"));
            }
            int format = exchange.getRequestOptions().getContentFormat();
            if (format != JSON && format != CBOR && format != MediaTypeRegistry.UNDEFINED) {
                return sightings.refuse(new Reject("unsupported-content-format",
                        "Content-Format " + format + "; send application/json (50) or application/cbor (60)"));
            }
            return handler.handle(new Sender(storeId.get(), deviceId.get()), exchange.getRequestPayload(), format == CBOR);
        }
    }

    /** The DTLS PSK identity; on plain CoAP the {@code device} query parameter. */
    private static Optional<String> deviceOf(CoapExchange exchange) {
        Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
        if (peer instanceof PreSharedKeyIdentity psk) {
            return Optional.of(psk.getIdentity());
        }
        if (peer != null) {
            return Optional.empty();
        }
        return exchange.getRequestOptions().getUriQuery().stream()
                .filter(query -> query.startsWith("device="))
                .map(query -> query.substring("device=".length()))
                .findFirst();
    }

    private void respond(CoapExchange exchange, ScannerIngest.Result result) {
        if (result.rejects().isEmpty()) {
            exchange.respond(ResponseCode.CHANGED);
            return;
        }
        ResponseCode code = result.accepted() > 0 ? ResponseCode.CHANGED : CoapCodes.forReason(result.rejects().get(0).reason());
        exchange.respond(code, diagnostic(result), JSON);
    }

    private byte[] diagnostic(ScannerIngest.Result result) {
        Reject first = result.rejects().get(0);
        List<RejectBody> all = result.rejects().stream().map(r -> new RejectBody(r.reason(), r.detail())).toList();
        try {
            return json.writeValueAsBytes(new Diagnostic(first.reason(), first.detail(), result.accepted(), all));
        } catch (IOException e) {
            return (first.reason() + ": " + first.detail()).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The diagnostic payload: the first reason at the top (what decided the code), then all of them. */
    @Serdeable
    record Diagnostic(String reason, String detail, int accepted, List<RejectBody> rejects) {
    }

    @Serdeable
    record RejectBody(String reason, String detail) {
    }
}
