package io.nearcast.app.runtime;

import io.nearcast.app.config.ConfigurationError;
import io.nearcast.app.config.PortRequest;
import io.nearcast.app.config.Setting;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which port a listener binds. An explicit port is used as given (binding fails clearly
 * if it is taken). A default port that is taken falls back to a free one, with a warning: a
 * laptop that already runs Mosquitto on 1883 still starts Nearcast with one command.
 */
public final class PortChoice {

    private static final Logger LOG = LoggerFactory.getLogger(PortChoice.class);

    /** Which transport the port is for; TCP and UDP ports are separate namespaces. */
    public enum Transport { TCP, UDP }

    private PortChoice() {
    }

    /**
     * @return the port to bind: the request's port, or 0 (any free port) for a taken default
     * @throws ConfigurationError when an explicitly requested port is taken
     */
    public static int choose(Setting setting, PortRequest request, Transport transport) {
        if (request.isAnyFree() || isFree(request.port(), transport)) {
            return request.port();
        }
        if (request.explicit()) {
            throw portTaken(setting, request.port(), null);
        }
        LOG.warn("{} not set and port {} ({}) is in use: using a free port instead (set {} to insist on a port)",
                setting.variable(), request.port(), transport, setting.variable());
        return 0;
    }

    /** The error for a listener that could not bind its port. */
    public static ConfigurationError portTaken(Setting setting, int port, Throwable cause) {
        return new ConfigurationError(setting, "port " + port + " is already in use (pick another, or 0 for any free port)", cause);
    }

    /** True when a listener failed because its address could not be bound (port taken or not permitted). */
    static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    static boolean isFree(int port, Transport transport) {
        try {
            if (transport == Transport.TCP) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.setReuseAddress(true);
                    socket.bind(new InetSocketAddress(port));
                }
            } else {
                try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(port))) {
                    socket.getLocalPort();
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
