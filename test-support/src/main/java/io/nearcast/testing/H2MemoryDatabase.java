package io.nearcast.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A private in-memory H2 database with the options the server uses for H2. It lives until
 * {@link #close()}, however many connections come and go.
 */
public final class H2MemoryDatabase implements AutoCloseable {

    private static final String SERVER_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final JdbcDataSource dataSource = new JdbcDataSource();

    public H2MemoryDatabase() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        // DB_CLOSE_DELAY=-1: an in-memory database would otherwise vanish with its last connection
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + SERVER_OPTIONS);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
