package io.nearcast.registry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.registry.domain.AuditEntry;
import io.nearcast.registry.domain.AuditLog;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every {@link AuditLog} on a database must do; run against H2 and PostgreSQL. */
@Timeout(60)
abstract class AuditLogContract {

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123456Z");

    private AuditLog audit;

    /** A fresh database (or schema) with the registry's tables, for one test. */
    abstract DataSource freshDataSource() throws Exception;

    @BeforeEach
    void createLog() throws Exception {
        audit = new JdbcAuditLog(freshDataSource());
    }

    @Test
    void readsBackEveryFieldOfARecordedEntry() {
        AuditEntry entry = new AuditEntry(T0, "token:1b4e28ba-2fa1-11d2-883f-0016d3cca427", "create",
                "store/7c9e6679-7425-40de-944b-e07fc1f90ae7", "name=Café Mitte 🛒, timezone=Europe/Berlin");

        audit.record(entry);

        assertThat(audit.list(PageRequest.first()).items()).containsExactly(entry);
    }

    @Test
    void readsBackTheTimeTruncatedToMicroseconds() {
        audit.record(entry("create", Instant.parse("2024-03-01T10:15:30.123456789Z")));

        assertThat(audit.list(PageRequest.first()).items().get(0).at()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
    }

    @Test
    void listsNewestFirstInPagesEvenWithinOneMicrosecond() {
        AuditEntry first = entry("create", T0);
        AuditEntry second = entry("update", T0);
        AuditEntry third = entry("delete", T0);
        List.of(first, second, third).forEach(audit::record);

        Page<AuditEntry> page0 = audit.list(new PageRequest(0, 2));
        Page<AuditEntry> page1 = audit.list(new PageRequest(1, 2));

        assertThat(page0).isEqualTo(new Page<>(List.of(third, second), 0, 2, 3));
        assertThat(page1).isEqualTo(new Page<>(List.of(first), 1, 2, 3));
    }

    @Test
    void listsNothingWhenNothingWasRecorded() {
        assertThat(audit.list(PageRequest.first())).isEqualTo(new Page<>(List.of(), 0, PageRequest.DEFAULT_SIZE, 0));
    }

    @Test
    void keepsASummaryThatFillsItsColumnWhole() {
        String summary = "x".repeat(JdbcAuditLog.MAX_SUMMARY);

        audit.record(new AuditEntry(T0, "admin", "create", "token/1", summary));

        assertThat(audit.list(PageRequest.first()).items().get(0).summary()).isEqualTo(summary);
    }

    @Test
    void cutsAnOverlongSummaryInsteadOfFailingTheChange() {
        // GIVEN the summary Tokens writes for a staff token scoped to 100 stores (about 3,700 characters)
        String summary = "role=staff, stores=" + String.join(" ", Collections.nCopies(100, "7c9e6679-7425-40de-944b-e07fc1f90ae7"));

        audit.record(new AuditEntry(T0, "admin", "create", "token/1", summary));

        String stored = audit.list(PageRequest.first()).items().get(0).summary();
        assertThat(stored).hasSize(JdbcAuditLog.MAX_SUMMARY).endsWith("…");
        assertThat(summary).startsWith(stored.substring(0, stored.length() - 1));
    }

    @Test
    void neverCutsACharacterInHalf() {
        String summary = "🛒".repeat(JdbcAuditLog.MAX_SUMMARY);

        audit.record(new AuditEntry(T0, "admin", "create", "store/1", summary));

        String stored = audit.list(PageRequest.first()).items().get(0).summary();
        assertThat(stored).isEqualTo("🛒".repeat(499) + "…");
    }

    private static AuditEntry entry(String action, Instant at) {
        return new AuditEntry(at, "admin", action, "store/" + action, "summary of " + action);
    }
}
