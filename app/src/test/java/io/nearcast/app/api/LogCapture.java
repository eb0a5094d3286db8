package io.nearcast.app.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Everything logged in this JVM during one test (the in-JVM server included), for tests that
 * prove a secret is never logged. Register with {@code @RegisterExtension final LogCapture logs = new LogCapture();}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.list.clear();
        appender.start();
        root().addAppender(appender);
        LoggerFactory.getLogger(LogCapture.class).info("log capture started");
        if (appender.list.isEmpty()) {
            throw new IllegalStateException("the log capture sees nothing: is Logback the SLF4J binding and INFO enabled?");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root().detachAppender(appender);
    }

    /** The formatted messages and the text of any attached exceptions, in order. */
    public List<String> lines() {
        return appender.list.stream()
                .map(event -> event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()))
                .toList();
    }

    /** Events at WARN or above, or carrying an exception: what an ingest must never produce for bad input. */
    public List<String> problems() {
        return appender.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN) || event.getThrowableProxy() != null)
                .map(event -> event.getLevel() + " " + event.getFormattedMessage())
                .toList();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
