package io.nearcast.privacy.domain;

/**
 * Port: shopper apps' accounts on the MQTT broker (user name = shopper id, password = token;
 * publish only its sightings, subscribe only to its offers). The embedded broker asks the
 * registry at every CONNECT, so there only sessions end; an external Mosquitto keeps accounts of
 * its own (dynamic security). A method that throws {@code Unavailable} changed nothing.
 */
public interface ShopperAccounts {

    void provision(ShopperId shopper, String token);

    /** Removes the account and ends its sessions; returns how many accounts or sessions went. */
    long remove(ShopperId shopper);
}
