package io.nearcast.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Zone index against PostGIS in one run: {@link ZoneIndexBenchmark#lookup} (one thread) and
 * {@link PostgisCoversBenchmark} (one and two client threads, and its {@code SELECT 1} round-trip
 * baseline) on the same 10,000 store-like zones and query points, then one JSON line on standard output with the figures, JMH's 99.9 % errors,
 * the ratios, the load average before and after, and the versions. JMH's own report goes to
 * standard error.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.nearcast.benchmarks.PostgisComparison
 * [JMH options, e.g. -i 5 -r 5]}; the database is {@code NEARCAST_IT_PG_URL} (default
 * {@value PostgisZones#DEFAULT_URL}).
 */
public final class PostgisComparison {

    private static final String ZONES = "10000";

    private PostgisComparison() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, SQLException, IOException {
        String versions = versions(PostgisCoversBenchmark.databaseUrl());
        String loadBefore = loadAverage();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(ZoneIndexBenchmark.class.getName() + ".lookup$")
                .include(PostgisCoversBenchmark.class.getName() + ".(lookup|roundTripBaseline)")
                .param("zones", ZONES)
                .build();
        Collection<RunResult> results = new Runner(options, OutputFormatFactory.createFormatInstance(System.err, VerboseMode.NORMAL)).run();
        Result<?> index = primary(results, "ZoneIndexBenchmark.lookup");
        Result<?> postgis = primary(results, "PostgisCoversBenchmark.lookup");
        Result<?> postgisTwo = primary(results, "PostgisCoversBenchmark.lookupTwoClients");
        Result<?> roundTrip = primary(results, "PostgisCoversBenchmark.roundTripBaseline");
        System.out.println(String.format(Locale.ROOT,
                "{\"benchmark\":\"zone-index-vs-postgis\",\"started\":\"%s\",\"finished\":\"%s\",\"zones\":%s,\"points\":%d,"
                        + "\"unit\":\"lookups/s\",\"zoneIndex1Thread\":%s,\"postgis1Client\":%s,\"postgis2Clients\":%s,\"selectOne1Client\":%s,"
                        + "\"ratio1Thread\":%.1f,\"ratioVs2Clients\":%.1f,\"loadBefore\":\"%s\",\"loadAfter\":\"%s\","
                        + "\"cpus\":%d,\"jdk\":\"%s\",%s}",
                started, Instant.now().truncatedTo(ChronoUnit.SECONDS), ZONES, StoreLikeZones.POINTS,
                figure(index), figure(postgis), figure(postgisTwo), figure(roundTrip),
                index.getScore() / postgis.getScore(), index.getScore() / postgisTwo.getScore(),
                loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"), versions));
    }

    private static Result<?> primary(Collection<RunResult> results, String benchmark) {
        return results.stream()
                .filter(run -> run.getParams().getBenchmark().endsWith(benchmark))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + benchmark + ": did a JMH option exclude it?"))
                .getPrimaryResult();
    }

    private static String figure(Result<?> result) {
        return String.format(Locale.ROOT, "{\"score\":%.0f,\"error\":%.0f}", result.getScore(), result.getScoreError());
    }

    /** PostgreSQL, PostGIS and GEOS versions, as JSON members. */
    private static String versions(String url) throws SQLException {
        try {
            PostgisZones.ensureExtension(url);
        } catch (PostgisZones.Unavailable e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_setting('server_version'), postgis_lib_version(), postgis_geos_version()")) {
            row.next();
            return String.format("\"postgresql\":\"%s\",\"postgis\":\"%s\",\"geos\":\"%s\"", row.getString(1), row.getString(2), row.getString(3));
        }
    }

    /** The 1, 5 and 15 minute load averages. */
    private static String loadAverage() throws IOException {
        Path proc = Path.of("/proc/loadavg");
        if (Files.isReadable(proc)) {
            String[] fields = Files.readString(proc).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
