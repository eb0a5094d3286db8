package io.nearcast.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real peer programs tests run against (Debian packages; {@code .ci/run} installs them). On a
 * laptop without them the tests are skipped with a visible message, in CI they fail.
 */
public enum ExternalTool {
    COAP_CLIENT("/usr/bin/coap-client-openssl", "libcoap3-bin"),
    /** The Mosquitto 2 broker, started by tests as a private process on a free port. */
    MOSQUITTO("/usr/sbin/mosquitto", "mosquitto"),
    /** Writes Mosquitto password files ({@code -b <file> <user> <password>}). */
    MOSQUITTO_PASSWD("/usr/bin/mosquitto_passwd", "mosquitto"),
    /** Mosquitto's admin tool; {@code dynsec init <file> <admin> <password>} writes a dynamic-security file. */
    MOSQUITTO_CTRL("/usr/bin/mosquitto_ctrl", "mosquitto");

    private final String path;
    private final String debianPackage;

    ExternalTool(String path, String debianPackage) {
        this.path = path;
        this.debianPackage = debianPackage;
    }

    public boolean isInstalled() {
        return Files.isExecutable(Path.of(path));
    }

    public String debianPackage() {
        return debianPackage;
    }

    public String path() {
        return path;
    }

    /** What a run printed (stdout and stderr together) and how it ended. */
    public record Result(int exitCode, String output) {
    }

    /** Runs the tool with a 30 s limit. */
    public Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(path);
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(path + " did not finish within 30 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }
}
