-- The geofence service's tables. Plain SQL that runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.

-- Zone visits of consenting shoppers (personal data: exported, erased, purged after the retention
-- period). One row per visit, written from its enter, dwell and exit events.
CREATE TABLE geofence_visit (
    visit_id    VARCHAR(16)              NOT NULL PRIMARY KEY,
    shopper_id  VARCHAR(36)              NOT NULL,
    store_id    VARCHAR(36)              NOT NULL,
    zone_id     VARCHAR(36)              NOT NULL,
    entered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    dwelt_at    TIMESTAMP WITH TIME ZONE NULL,
    exited_at   TIMESTAMP WITH TIME ZONE NULL,
    dwell_ms    BIGINT                   NULL,
    exit_reason VARCHAR(20)              NULL
);

CREATE INDEX geofence_visit_by_shopper ON geofence_visit (shopper_id, entered_at);
CREATE INDEX geofence_visit_by_zone_hour ON geofence_visit (store_id, zone_id, entered_at);
CREATE INDEX geofence_visit_by_time ON geofence_visit (entered_at);

-- Anonymous statistics per zone and UTC hour; no shopper id, kept beyond erasure and retention.
-- Visits and dwell count in the hour the visit began. No foreign key to the registry: the
-- figures of a deleted zone stay readable.
CREATE TABLE geofence_zone_hour (
    store_id            VARCHAR(36)              NOT NULL,
    zone_id             VARCHAR(36)              NOT NULL,
    hour_start          TIMESTAMP WITH TIME ZONE NOT NULL,
    visits              BIGINT                   NOT NULL,
    unique_visitors     BIGINT                   NOT NULL,
    anonymous_sightings BIGINT                   NOT NULL,
    dwell_lt10s         BIGINT                   NOT NULL,
    dwell_10to30s       BIGINT                   NOT NULL,
    dwell_30to60s       BIGINT                   NOT NULL,
    dwell_1to2min       BIGINT                   NOT NULL,
    dwell_2to5min       BIGINT                   NOT NULL,
    dwell_5to10min      BIGINT                   NOT NULL,
    dwell_10to30min     BIGINT                   NOT NULL,
    dwell_ge30min       BIGINT                   NOT NULL,
    dwell_total_ms      BIGINT                   NOT NULL,
    PRIMARY KEY (store_id, zone_id, hour_start)
);

CREATE INDEX geofence_zone_hour_by_store_hour ON geofence_zone_hour (store_id, hour_start);
