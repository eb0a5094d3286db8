package io.nearcast.app.mqtt;

import io.nearcast.kernel.domain.Topic;
import io.nearcast.kernel.domain.Unavailable;
import io.nearcast.privacy.domain.ShopperAccounts;
import io.nearcast.privacy.domain.ShopperId;
import io.nearcast.registry.domain.BrokerAccounts;
import io.nearcast.registry.domain.Device;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device and shopper-app accounts on an external Mosquitto, kept by its dynamic-security plugin:
 * one client per device (user name = device id) or shopper (user name = shopper id, password =
 * shopper token), each with a role of its own. A device may publish below its topic prefix and
 * subscribe to its rejects topic; a shopper app may publish its sightings and subscribe to its
 * offers; nothing else (the plugin denies publishing and subscribing by default). Mosquitto ends
 * a client's sessions itself when its password changes or it is disabled or deleted.
 */
public final class MosquittoAccounts implements BrokerAccounts, ShopperAccounts {

    /** The role Nearcast's own account gets: read and write every Nearcast topic. */
    static final String SERVICE_ROLE = "nearcast-service";

    private static final Logger LOG = LoggerFactory.getLogger(MosquittoAccounts.class);

    private final DynamicSecurity dynsec;

    public MosquittoAccounts(DynamicSecurity dynsec) {
        this.dynsec = dynsec;
    }

    /**
     * Gives Nearcast's own account (already in the plugin's admin role) the right to publish on
     * Nearcast's topics; idempotent, run at every start before Nearcast's other connections open.
     * Mosquitto disconnects every session of an account whose roles change, this one included, so
     * the role is added only when missing and then confirmed by asking again after the reconnect.
     *
     * @throws Unavailable when the broker refuses or does not confirm within {@code patience}
     */
    public void grantServiceRole(String serviceUsername, Duration patience) throws InterruptedException {
        List<DynamicSecurity.Result> created = dynsec.execute(List.of(DynsecCommand.createRole(SERVICE_ROLE, List.of(
                new DynsecCommand.Acl("publishClientSend", "nearcast/v1/#", true),
                new DynsecCommand.Acl("subscribePattern", "nearcast/v1/#", true)))));
        requireSuccess(created.get(0), "already exists");
        if (hasServiceRole(serviceUsername)) {
            return;
        }
        try {
            requireSuccess(dynsec.execute(List.of(DynsecCommand.addClientRole(serviceUsername, SERVICE_ROLE))).get(0), "already");
        } catch (Unavailable kickedBeforeTheAnswer) {
            LOG.info("Mosquitto ended the dynamic-security session while adding role {}; confirming after the reconnect", SERVICE_ROLE);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            try {
                if (hasServiceRole(serviceUsername)) {
                    return;
                }
            } catch (Unavailable stillReconnecting) {
                // asked again below until the deadline
            }
        }
        throw new Unavailable("account " + serviceUsername + " did not get role " + SERVICE_ROLE + " within " + patience.toSeconds() + " s", null);
    }

    private boolean hasServiceRole(String serviceUsername) {
        DynamicSecurity.Result client = dynsec.execute(List.of(DynsecCommand.getClient(serviceUsername))).get(0);
        requireSuccess(client, null);
        return client.clientRoles().contains(SERVICE_ROLE);
    }

    @Override
    public void provision(Device device, String mqttPassword) {
        List<DynamicSecurity.Result> results = dynsec.execute(List.of(
                DynsecCommand.createRole(role(device), List.of(
                        new DynsecCommand.Acl("publishClientSend", device.topicPrefix() + "#", true),
                        new DynsecCommand.Acl("publishClientSend", Topic.STORE_CONTEXT.format(device.storeId().value()), true),
                        new DynsecCommand.Acl("subscribeLiteral", device.rejectsTopic(), true))),
                DynsecCommand.createClient(device.mqttUsername(), mqttPassword, role(device))));
        try {
            results.forEach(result -> requireSuccess(result, null));
        } catch (Unavailable e) {
            removeQuietly(device, e);
            throw e;
        }
    }

    @Override
    public void changePassword(Device device, String mqttPassword) {
        requireSuccess(dynsec.execute(List.of(DynsecCommand.setClientPassword(device.mqttUsername(), mqttPassword))).get(0), null);
    }

    @Override
    public void setEnabled(Device device, boolean enabled) {
        DynsecCommand command = enabled ? DynsecCommand.enableClient(device.mqttUsername()) : DynsecCommand.disableClient(device.mqttUsername());
        requireSuccess(dynsec.execute(List.of(command)).get(0), null);
    }

    @Override
    public void remove(Device device) {
        List<DynamicSecurity.Result> results = dynsec.execute(List.of(
                DynsecCommand.deleteClient(device.mqttUsername()), DynsecCommand.deleteRole(role(device))));
        requireSuccess(results.get(0), "not found");
        requireSuccess(results.get(1), "not found");
    }

    /** Mosquitto already ended them: it kicks a client whose password changed or that was disabled or deleted. */
    @Override
    public void endSessions(Device device) {
    }

    @Override
    public void provision(ShopperId shopper, String token) {
        String role = "nearcast-shopper-" + shopper.value();
        List<DynamicSecurity.Result> results = dynsec.execute(List.of(
                DynsecCommand.createRole(role, List.of(
                        new DynsecCommand.Acl("publishClientSend", Topic.SHOPPER_SIGHTINGS.format(shopper.value()), true),
                        new DynsecCommand.Acl("subscribeLiteral", Topic.SHOPPER_OFFERS.format(shopper.value()), true),
                        new DynsecCommand.Acl("subscribeLiteral", Topic.SHOPPER_REJECTS.format(shopper.value()), true))),
                DynsecCommand.createClient(shopper.value(), token, role)));
        try {
            results.forEach(result -> requireSuccess(result, null));
        } catch (Unavailable e) {
            try {
                remove(shopper);
            } catch (Unavailable cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Deletes the shopper's client (Mosquitto disconnects it) and role; returns 1 if the client existed. */
    @Override
    public long remove(ShopperId shopper) {
        List<DynamicSecurity.Result> results = dynsec.execute(List.of(
                DynsecCommand.deleteClient(shopper.value()), DynsecCommand.deleteRole("nearcast-shopper-" + shopper.value())));
        requireSuccess(results.get(0), "not found");
        requireSuccess(results.get(1), "not found");
        return results.get(0).error().isEmpty() ? 1 : 0;
    }

    static String role(Device device) {
        return "nearcast-device-" + device.id();
    }

    private void removeQuietly(Device device, Unavailable cause) {
        try {
            remove(device);
        } catch (Unavailable e) {
            cause.addSuppressed(e);
        }
    }

    /** @param tolerated an error text that still counts as success (e.g. "already exists"), or null */
    private static void requireSuccess(DynamicSecurity.Result result, String tolerated) {
        if (result.error().isPresent() && (tolerated == null || !result.failedWith(tolerated))) {
            throw new Unavailable("the broker refused " + result.command() + ": " + result.error().get(), null);
        }
    }
}
