package io.nearcast.app.runtime;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into an orderly shutdown that ends with exit code 0 (the JVM's default
 * handling would exit with 143/130 and race the shutdown against running hooks).
 */
public final class ShutdownSignal {

    private final CountDownLatch requested = new CountDownLatch(1);

    private ShutdownSignal() {
    }

    /** Installs handlers for TERM and INT. */
    public static ShutdownSignal install() {
        ShutdownSignal signal = new ShutdownSignal();
        Signal.handle(new Signal("TERM"), received -> signal.request());
        Signal.handle(new Signal("INT"), received -> signal.request());
        return signal;
    }

    /** A signal that only {@link #request()} triggers; for tests. */
    public static ShutdownSignal manual() {
        return new ShutdownSignal();
    }

    public void request() {
        requested.countDown();
    }

    /** Blocks until shutdown is requested. */
    public void await() {
        boolean interrupted = false;
        while (requested.getCount() > 0) {
            try {
                requested.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
