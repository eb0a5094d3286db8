package io.nearcast.benchmarks;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The PostGIS side of {@link ZoneIndexBenchmark}: the same {@link StoreLikeZones} (10,000 by
 * default) and the same 4,096 query points, answered by PostgreSQL through {@link PostgisZones}'s
 * lookup (GiST indexes, {@code ST_Covers} for polygons, {@code ST_DWithin} on the sphere for
 * circles), each client thread on one JDBC connection with one reused prepared statement. A
 * lookup includes the round trip over loopback TCP and the sorting of the ids, as a service asking
 * its database would pay; {@link #roundTripBaseline} measures that floor alone ({@code SELECT 1}).
 * {@code PostgresPostgisAgreementTest} shows that the answers are the
 * same as the index's.
 *
 * <p>Reads the database from {@code NEARCAST_IT_PG_URL} (default {@value PostgisZones#DEFAULT_URL});
 * creates the {@code postgis} extension if missing, loads the zones into a private schema and
 * drops it at the end. Fails when PostGIS is not installed ({@value PostgisZones#INSTALL_HINT}).
 * {@link PostgisComparison} runs it together with the index and prints the ratio.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PostgisCoversBenchmark {

    /** The zones in PostGIS, shared by all client threads. */
    @State(Scope.Benchmark)
    public static class Tables {

        @Param({"10000"})
        public int zones;

        StoreLikeZones data;
        PostgisZones postgis;

        @Setup(Level.Trial)
        public void load() throws SQLException, PostgisZones.Unavailable {
            String url = databaseUrl();
            PostgisZones.ensureExtension(url);
            data = new StoreLikeZones(zones);
            postgis = PostgisZones.load(url, data.zones);
        }

        @TearDown(Level.Trial)
        public void drop() throws SQLException {
            postgis.close();
        }
    }

    /** One client: its own connection and prepared statement, and its place in the query points. */
    @State(Scope.Thread)
    public static class Client {

        PostgisZones.Lookup lookup;
        int next;

        @Setup(Level.Trial)
        public void connect(Tables tables) throws SQLException {
            lookup = tables.postgis.openLookup();
        }

        @TearDown(Level.Trial)
        public void disconnect() throws SQLException {
            lookup.close();
        }
    }

    @Benchmark
    @Threads(1)
    public List<String> lookup(Tables tables, Client client) throws SQLException {
        return lookupNext(tables, client);
    }

    /** Two client threads, two connections (two PostgreSQL backends): the machine's two cores. */
    @Benchmark
    @Threads(2)
    public List<String> lookupTwoClients(Tables tables, Client client) throws SQLException {
        return lookupNext(tables, client);
    }

    /** The baseline: a prepared {@code SELECT 1} on the same kind of connection, one thread. */
    @Benchmark
    @Threads(1)
    public int roundTripBaseline(Client client) throws SQLException {
        return client.lookup.roundTrip();
    }

    private static List<String> lookupNext(Tables tables, Client client) throws SQLException {
        int i = client.next++ & (StoreLikeZones.POINTS - 1);
        return client.lookup.zonesCovering(tables.data.lats[i], tables.data.lons[i]);
    }

    static String databaseUrl() {
        String url = System.getenv("NEARCAST_IT_PG_URL");
        return url == null || url.isBlank() ? PostgisZones.DEFAULT_URL : url.trim();
    }
}
