/**
 * Who may connect to Nearcast's MQTT broker and which topics each client may use. Plain Java:
 * the same policy backs the embedded broker's extension and the generated Mosquitto ACLs.
 */
package io.nearcast.broker.domain;
