package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Unavailable;

/**
 * Port: the MQTT broker's view of device accounts. An external Mosquitto keeps its own accounts
 * (dynamic-security plugin), which this port keeps in step with the registry; the embedded
 * broker reads credentials from the registry at every CONNECT, so there only
 * {@link #endSessions} has work to do. Every method returns only once the broker confirmed, and
 * a method that throws {@link Unavailable} changed nothing.
 *
 * <p>{@link Devices} changes the broker first and the registry second, then calls
 * {@link #endSessions} once the registry holds the change, so a device that reconnects at once
 * is judged by the new state.
 */
public interface BrokerAccounts {

    /** Creates the account: user name = device id, publish only below its prefix, subscribe only to its rejects topic. */
    void provision(Device device, String mqttPassword);

    /** Sets a new password (open sessions end at the latest with {@link #endSessions}). */
    void changePassword(Device device, String mqttPassword);

    /** Disabling refuses new connections; enabling allows them again. */
    void setEnabled(Device device, boolean enabled);

    /** Removes the account; removing an absent account is no error. */
    void remove(Device device);

    /** Ends the device's open sessions, after its access was revoked or its password changed. */
    void endSessions(Device device);
}
