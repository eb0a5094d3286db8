package io.nearcast.app.ingest;

import io.micronaut.json.JsonMapper;
import io.nearcast.gateway.domain.ingest.CborException;
import io.nearcast.gateway.domain.ingest.CborJson;
import io.micronaut.serde.exceptions.SerdeException;
import io.nearcast.gateway.domain.ingest.Reject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a device's message body into its wire record, or says precisely why not: over the size
 * limit ({@code payload-too-large}), CBOR that is not well-formed (the transcoder's
 * {@code cbor-…} reason), not JSON at all ({@code payload-not-json}), or JSON whose fields have
 * the wrong types ({@code payload-schema}, naming the field). CBOR (RFC 8949) is transcoded to
 * JSON first, so both forms take the same path. Thread-safe.
 */
final class Payloads {

    /** A step of Micronaut Serde's reference path: {@code ["rssi"]} or {@code [0]}. */
    private static final Pattern STEP = Pattern.compile("\\[\"(\\w{1,64})\"\\]|\\[(\\d{1,6})\\]");

    private final JsonMapper json;
    private final int maxBytes;

    Payloads(JsonMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    /** What reading a body gave: the record, or the reject that tells the device what was wrong. */
    sealed interface Read<T> {
    }

    record Value<T>(T value) implements Read<T> {
    }

    record Refused<T>(Reject reject) implements Read<T> {
    }

    <T> Read<T> read(byte[] body, boolean cbor, Class<T> type, String shape) {
        if (body.length > maxBytes) {
            return new Refused<>(new Reject("payload-too-large", "message has " + body.length + " bytes; at most " + maxBytes));
        }
        byte[] text = body;
        if (cbor) {
            try {
                text = CborJson.transcode(body).getBytes(StandardCharsets.UTF_8);
            } catch (CborException e) {
                return new Refused<>(new Reject(e.reason(), e.getMessage()));
            }
        }
        try {
            T value = json.readValue(text, type);
            if (value == null) {
                return new Refused<>(new Reject("payload-schema", "the message must be a JSON object: " + shape));
            }
            return new Value<>(value);
        } catch (IOException | RuntimeException e) {
            return new Refused<>(whyNot(text, e, shape));
        }
    }

    /** Tells malformed JSON from well-formed JSON of the wrong shape; the second is worth naming the field. */
    private Reject whyNot(byte[] text, Exception failure, String shape) {
        try {
            json.readValue(text, Object.class);
        } catch (IOException | RuntimeException notJson) {
            return new Reject("payload-not-json", "the message is not " + (text.length == 0 ? "anything (empty)" : "JSON") + "; expected " + shape);
        }
        String field = failure instanceof SerdeException serde ? fieldPath(serde) : "";
        String problem = field.isEmpty() ? "the JSON has the wrong shape" : "field '" + field + "' has the wrong type or range";
        return new Reject("payload-schema", problem + "; expected " + shape);
    }

    /** The failing field as the device wrote it, e.g. {@code sightings[0].rssi}; empty if unknown. */
    static String fieldPath(SerdeException failure) {
        Matcher step = STEP.matcher(failure.getPathAsString());
        StringBuilder path = new StringBuilder();
        while (step.find()) {
            if (step.group(1) != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.group(1));
            } else {
                path.append('[').append(step.group(2)).append(']');
            }
        }
        return path.toString();
    }
}
