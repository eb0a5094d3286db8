package io.nearcast.app.runtime;

import java.util.OptionalInt;

/**
 * The ports Nearcast ended up listening on, printed as the contract's single ready line.
 *
 * @param http  HTTP port
 * @param mqtt  embedded broker port, or empty when an external broker is used
 * @param coap  plain CoAP over UDP port; empty when plain CoAP is off (printed {@code coap=off})
 * @param coaps CoAP over DTLS port
 */
public record ReadyLine(int http, OptionalInt mqtt, OptionalInt coap, int coaps) {

    @Override
    public String toString() {
        String broker = mqtt.isPresent() ? Integer.toString(mqtt.getAsInt()) : "external";
        String plain = coap.isPresent() ? Integer.toString(coap.getAsInt()) : "off";
        return "Nearcast ready http=" + http + " mqtt=" + broker + " coap=" + plain + " coaps=" + coaps;
    }
}
