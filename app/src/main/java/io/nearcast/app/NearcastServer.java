package io.nearcast.app;

import io.micronaut.context.ApplicationContext;
import io.nearcast.app.config.ConfigurationError;
import io.nearcast.app.runtime.NearcastRuntime;
import io.nearcast.app.runtime.ReadyLine;
import io.nearcast.app.runtime.ShutdownSignal;
import java.io.PrintStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-in-one server: HTTP, MQTT broker (embedded unless external), CoAP and DTLS, database.
 *
 * <p>Exit codes: 0 after a shutdown on SIGTERM or SIGINT; 78 (EX_CONFIG) when a setting is
 * malformed or what it names cannot be used, with one line on standard error naming the
 * variable; 1 for any other start-up failure, also as one line.
 */
public final class NearcastServer {

    /** Exit code for a configuration problem, as in sysexits.h. */
    public static final int EXIT_CONFIG = 78;
    public static final int EXIT_FAILURE = 1;

    private static final Logger LOG = LoggerFactory.getLogger(NearcastServer.class);

    private NearcastServer() {
    }

    public static void main(String[] args) {
        ShutdownSignal signal = ShutdownSignal.install();
        int exitCode = run(args, signal, System.err);
        System.exit(exitCode);
    }

    /** Starts, waits for the shutdown signal, stops; returns the process exit code. */
    static int run(String[] args, ShutdownSignal signal, PrintStream errors) {
        ApplicationContext context = null;
        NearcastRuntime runtime = null;
        try {
            context = ApplicationContext.builder(NearcastServer.class).args(args).banner(false).start();
            runtime = context.getBean(NearcastRuntime.class);
            ReadyLine ready = runtime.start();
            LOG.info("{}", ready);
        } catch (Throwable failure) {
            close(runtime, context);
            return reportStartFailure(failure, errors);
        }
        signal.await();
        LOG.info("Shutting down");
        close(runtime, context);
        LOG.info("Nearcast stopped");
        return 0;
    }

    private static int reportStartFailure(Throwable failure, PrintStream errors) {
        LOG.debug("Start-up failed", failure);
        Optional<ConfigurationError> configuration = causeOfType(failure, ConfigurationError.class);
        if (configuration.isPresent()) {
            errors.println("Nearcast cannot start: " + configuration.get().getMessage());
            return EXIT_CONFIG;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        errors.println("Nearcast cannot start: " + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()));
        return EXIT_FAILURE;
    }

    private static void close(NearcastRuntime runtime, ApplicationContext context) {
        if (runtime != null) {
            runtime.stop();
        }
        if (context != null && context.isRunning()) {
            context.close();
        }
    }

    private static <T extends Throwable> Optional<T> causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
