package io.nearcast.sim;

import io.nearcast.sim.load.BenchOptions;
import io.nearcast.sim.load.BenchResult;
import io.nearcast.sim.load.IngestBenchmark;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar nearcast-sim.jar <command> [options]}. The one command so far is
 * {@code bench-ingest}; its result is one JSON line on stdout, progress goes to stderr.
 * Exit codes: 0 measured (the JSON's {@code complete} tells whether every message reached the
 * server), 1 the benchmark could not run (server, broker or subscriber failed), 64 usage error.
 */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 64;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("bench-ingest")) {
            err.println(args.length == 0 ? "no command given" : "unknown command '" + args[0] + "'");
            return usage(err);
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return usage(err);
        }
        try {
            BenchResult result = new IngestBenchmark(options, err).run();
            out.println(result.toJson());
            return OK;
        } catch (Exception e) {
            err.println("bench-ingest failed: " + e);
            return FAILED;
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar nearcast-sim.jar " + BenchOptions.USAGE);
        return USAGE;
    }
}
