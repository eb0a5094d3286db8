package io.nearcast.app.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server ({@code nearcast.jar}) as a child process, run with the same Java as the
 * test, talked to only from outside: environment in, ready line and exit code out.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile(
            "Nearcast ready http=(\\d+) mqtt=(\\d+|external) coap=(\\d+|off) coaps=(\\d+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Matcher> ready = new CompletableFuture<>();
    private final List<Thread> drainers = new ArrayList<>();

    private ServerProcess(Process process) {
        this.process = process;
        drain(process.getInputStream(), stdout, true);
        drain(process.getErrorStream(), stderr, false);
    }

    /** Environment for a server on free ports with its own data directory, nothing external. */
    public static Map<String, String> isolated(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("NEARCAST_DATA_DIR", dataDir.toString());
        env.put("NEARCAST_HTTP_PORT", "0");
        env.put("NEARCAST_MQTT_PORT", "0");
        env.put("NEARCAST_COAP_PORT", "0");
        return env;
    }

    public static ServerProcess start(Map<String, String> environment) throws IOException {
        Path jar = Path.of(System.getProperty("nearcast.jar", "target/nearcast.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run 'mvn verify' (the jar is built in the package phase)");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx512m", "-jar", jar.toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("NEARCAST_"));
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start());
    }

    /** Waits for the ready line; fails with what the process printed if it never comes. */
    public Ports awaitReady() throws InterruptedException {
        try {
            Matcher m = ready.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            return new Ports(Integer.parseInt(m.group(1)), m.group(2), m.group(3), Integer.parseInt(m.group(4)));
        } catch (Exception e) {
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new AssertionError("no ready line within " + START_LIMIT.toSeconds() + " s; stdout=" + stdout + " stderr=" + stderr, e);
        }
    }

    /**
     * Sends SIGTERM and returns the exit code. Goes through the process handle because
     * {@link Process#destroy()} also closes our end of the output pipes, losing the shutdown log.
     */
    public int terminate() throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit();
    }

    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("process did not exit within 60 s; stdout=" + stdout);
        }
        return process.exitValue();
    }

    /** Standard error lines, once the process has exited. */
    public List<String> errorLines() throws InterruptedException {
        awaitExit();
        waitForDrainers();
        return List.copyOf(stderr);
    }

    public List<String> outputLines() throws InterruptedException {
        awaitExit();
        waitForDrainers();
        return List.copyOf(stdout);
    }

    public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private void drain(java.io.InputStream stream, List<String> into, boolean watchForReady) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    into.add(line);
                    Matcher m = READY.matcher(line);
                    if (watchForReady && m.find()) {
                        ready.complete(m);
                    }
                }
            } catch (IOException ignored) {
                // the process is gone; what was read is kept
            }
            ready.completeExceptionally(new IllegalStateException("output ended before the ready line"));
        }, "server-output");
        thread.setDaemon(true);
        thread.start();
        drainers.add(thread);
    }

    private void waitForDrainers() throws InterruptedException {
        for (Thread thread : drainers) {
            thread.join(5_000);
        }
    }

    /** The ports of the ready line; {@code mqtt} is a port number or {@code external}, {@code coap} a port number or {@code off}. */
    public record Ports(int http, String mqtt, String coap, int coaps) {
    }
}
