package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;

/** Port: the append-only record of registry changes. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** Newest first. */
    Page<AuditEntry> list(PageRequest request);
}
