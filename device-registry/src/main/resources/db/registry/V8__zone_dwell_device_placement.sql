-- A zone's dwell time and where in-store devices are placed.
-- Plain SQL that runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.

-- Seconds in the zone after which a shopper's visit counts as a dwell; NULL: the geofence
-- service's default applies.
ALTER TABLE registry_zone ADD COLUMN dwell_seconds INTEGER NULL;
ALTER TABLE registry_zone ADD CONSTRAINT registry_zone_dwell CHECK (dwell_seconds BETWEEN 1 AND 86400);

-- The zone a scanner, NFC reader or kiosk is placed in, if any. The key includes the store, so
-- the database itself refuses a device placed in another store's zone (a NULL zone_id is not
-- checked), and a zone cannot be deleted while a device is placed in it.
ALTER TABLE registry_zone ADD CONSTRAINT registry_zone_store_and_id UNIQUE (store_id, id);
ALTER TABLE registry_device ADD COLUMN zone_id VARCHAR(36) NULL;
ALTER TABLE registry_device ADD CONSTRAINT registry_device_zone
    FOREIGN KEY (store_id, zone_id) REFERENCES registry_zone (store_id, id);

-- PostgreSQL does not index the referencing side of a foreign key by itself.
CREATE INDEX registry_device_by_zone ON registry_device (zone_id);
