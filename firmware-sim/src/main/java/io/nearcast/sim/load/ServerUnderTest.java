package io.nearcast.sim.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The all-in-one server jar as a child process on a fresh data directory in a temp dir, its
 * output (stdout and stderr) copied to {@code server.log} beside it. {@link #close} stops it with
 * SIGTERM and deletes the temp dir.
 */
final class ServerUnderTest implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Nearcast ready http=(\\d+) mqtt=(\\S+) coap=(\\S+) coaps=(\\d+)");
    private static final Pattern PROBLEM = Pattern.compile("^\\S+ +(WARN|ERROR)\\b.*");
    private static final long READY_TIMEOUT_S = 60;
    private static final int TAIL_LINES = 40;

    private final Process process;
    private final Path tempDir;
    private final Path log;
    private final PrintStream progress;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> problems = new ArrayList<>();
    private final CompletableFuture<Integer> httpPort = new CompletableFuture<>();
    private final Thread copier;

    private ServerUnderTest(Process process, Path tempDir, PrintStream progress) {
        this.process = process;
        this.tempDir = tempDir;
        this.log = tempDir.resolve("server.log");
        this.progress = progress;
        this.copier = new Thread(this::copyOutput, "server-output");
        copier.setDaemon(true);
        copier.start();
    }

    /**
     * Starts the jar against an external broker and waits for its ready line.
     *
     * @param environment further {@code NEARCAST_*} variables; every other inherited one is dropped
     */
    static ServerUnderTest start(Path jar, String broker, String adminToken, Map<String, String> environment, PrintStream progress)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no server jar at " + jar.toAbsolutePath() + " (build it: mvn -B -q install -DskipTests)");
        }
        Path tempDir = Files.createTempDirectory("nearcast-bench-");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toAbsolutePath().toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("NEARCAST_")); // a developer's own configuration stays out
        env.put("NEARCAST_DATA_DIR", tempDir.resolve("data").toString());
        env.put("NEARCAST_HTTP_PORT", "0");
        env.put("NEARCAST_COAP_PORT", "0");
        env.put("NEARCAST_MQTT_URL", broker);
        env.put("NEARCAST_ADMIN_TOKEN", adminToken);
        env.putAll(environment);
        progress.println("[bench] starting " + jar + " (data and server.log in " + tempDir + ")");
        ServerUnderTest server = new ServerUnderTest(builder.start(), tempDir, progress);
        try {
            int port = server.httpPort.get(READY_TIMEOUT_S, TimeUnit.SECONDS);
            progress.println("[bench] server ready, http=" + port);
            return server;
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof TimeoutException ? "no ready line within " + READY_TIMEOUT_S + " s" : e.getCause().getMessage();
            server.showTail();
            server.close();
            throw new IllegalStateException("the server did not start: " + why);
        }
    }

    int httpPort() {
        return httpPort.join();
    }

    /** Prints the last lines of the server's output to the progress stream. */
    void showTail() {
        List<String> lines;
        synchronized (tail) {
            lines = List.copyOf(tail);
        }
        progress.println("[bench] last " + lines.size() + " lines of " + log + ":");
        lines.forEach(line -> progress.println("  | " + line));
    }

    /** Stops the server (SIGTERM, then SIGKILL after 30 s), reports its WARN/ERROR lines, deletes the temp dir. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                progress.println("[bench] server ignored SIGTERM for 30 s; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            copier.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress.println("[bench] server exited with " + (process.isAlive() ? "(still running)" : process.exitValue()));
        synchronized (tail) {
            progress.println("[bench] server log: " + problems.size() + " WARN/ERROR lines" + (problems.isEmpty() ? "" : ", the first ones:"));
            problems.stream().limit(20).forEach(line -> progress.println("  | " + line));
        }
        deleteRecursively(tempDir);
    }

    private void copyOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                file.println(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                    if (PROBLEM.matcher(line).matches()) {
                        problems.add(line);
                    }
                }
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    httpPort.complete(Integer.parseInt(ready.group(1)));
                }
            }
        } catch (IOException e) {
            httpPort.completeExceptionally(e);
        }
        if (!httpPort.isDone()) {
            boolean exited = false;
            try {
                exited = process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            httpPort.completeExceptionally(new IllegalStateException("the server's output ended (exit code "
                    + (exited ? process.exitValue() : "unknown") + ") before its ready line"));
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
