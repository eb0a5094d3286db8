package io.nearcast.app.ingest;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * The CoAP edge's one error mapping (CONTRACT §4): a reject reason to its response code. Every
 * other reason is a problem with the request's content: 4.00 with the diagnostic payload.
 */
final class CoapCodes {

    private CoapCodes() {
    }

    static ResponseCode forReason(String reason) {
        return switch (reason) {
            case "unknown-device", "device-unnamed" -> ResponseCode.UNAUTHORIZED;
            case "payload-too-large" -> ResponseCode.REQUEST_ENTITY_TOO_LARGE;
            case "rate-limited" -> ResponseCode.TOO_MANY_REQUESTS;
            case "unsupported-content-format" -> ResponseCode.UNSUPPORTED_CONTENT_FORMAT;
            default -> ResponseCode.BAD_REQUEST;
        };
    }
}
