package io.nearcast.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Mosquitto process for tests, run from a copy of one of the example configurations in
 * {@code mqtt-config/mosquitto/} in which only the machine-specific lines are replaced: a free
 * port on 127.0.0.1, a persistence directory inside a work directory, and whatever file paths the
 * caller names (password file, ACL, dynamic-security file). Never uses port 1883, which the
 * machine's own Mosquitto may hold.
 *
 * <p>Not thread-safe; one test class starts and closes it.
 */
public final class MosquittoProcess implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path conf;
    private final int port;
    private final Path log;
    private volatile Process process;

    private MosquittoProcess(Path conf, int port, Path log) {
        this.conf = conf;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Mosquitto and waits until it accepts TCP connections.
     *
     * @param workDir      an empty directory the broker's files go to
     * @param exampleConf  the example configuration to copy
     * @param replacements directive to value, for lines of the example to replace (each must occur once);
     *                     {@code listener} and {@code persistence_location} are replaced here
     * @throws IllegalStateException if the example lacks a line to replace, or the broker does not
     *                               listen within 10 s (message carries its log)
     */
    public static MosquittoProcess start(Path workDir, Path exampleConf, Map<String, String> replacements)
            throws IOException, InterruptedException {
        Path data = Files.createDirectories(workDir.resolve("data"));
        int port = freePort();
        Map<String, String> all = new LinkedHashMap<>(replacements);
        all.put("listener", port + " " + HOST);
        all.put("persistence_location", data + "/");
        Path conf = workDir.resolve("mosquitto.conf");
        Files.write(conf, privateCopy(Files.readAllLines(exampleConf), all));

        MosquittoProcess broker = new MosquittoProcess(conf, port, workDir.resolve("mosquitto.log"));
        broker.launch();
        return broker;
    }

    /**
     * Stops the broker gracefully (SIGTERM: Mosquitto writes its persistence file, keeping
     * sessions and queued QoS 1 messages) and starts it again on the same port.
     */
    public void restart() throws IOException, InterruptedException {
        close();
        launch();
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(ExternalTool.MOSQUITTO.path(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitListening();
    }

    /** Writes a Mosquitto password file with {@code mosquitto_passwd -b}, one line per user. */
    public static Path writePasswordFile(Path file, Map<String, String> users) throws IOException, InterruptedException {
        Files.createFile(file);
        for (Map.Entry<String, String> user : users.entrySet()) {
            ExternalTool.Result result = ExternalTool.MOSQUITTO_PASSWD.run("-b", file.toString(), user.getKey(), user.getValue());
            if (result.exitCode() != 0) {
                throw new IllegalStateException("mosquitto_passwd failed for " + user.getKey() + ": " + result.output());
            }
        }
        return file;
    }

    /** The address for MQTT clients, e.g. {@code tcp://127.0.0.1:40123}. */
    public String uri() {
        return "tcp://" + HOST + ":" + port;
    }

    /** What the broker logged so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the broker, forcibly after 5 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * The example's lines with each named directive's value replaced, plus a {@code user} line:
     * started as root, Mosquitto would otherwise switch to the {@code mosquitto} user, which
     * cannot read the test's private directory (as any other user the line has no effect).
     */
    private static List<String> privateCopy(List<String> example, Map<String, String> replacements) {
        List<String> copy = new ArrayList<>();
        Map<String, Integer> found = new LinkedHashMap<>();
        for (String line : example) {
            String directive = line.strip().split("\\s+", 2)[0];
            if (replacements.containsKey(directive)) {
                found.merge(directive, 1, Integer::sum);
                copy.add(directive + " " + replacements.get(directive));
            } else {
                copy.add(line);
            }
        }
        for (String directive : replacements.keySet()) {
            if (found.getOrDefault(directive, 0) != 1) {
                throw new IllegalStateException("example configuration must have exactly one '" + directive + "' line");
            }
        }
        copy.add("user " + System.getProperty("user.name"));
        return copy;
    }

    /** A port that was free a moment ago (bound on 0, then released). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ":\n" + log());
            }
            if (accepts()) {
                return;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("mosquitto did not listen on " + uri() + " within " + START_TIMEOUT + ":\n" + log());
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
