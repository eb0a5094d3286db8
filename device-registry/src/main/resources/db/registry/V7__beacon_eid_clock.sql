-- An Eddystone-EID beacon counts time from its own epoch. To compute its current ephemeral id the
-- gateway needs that clock: eid_clock_offset is the beacon's time counter minus Unix time, in
-- seconds, measured when the beacon was registered (0 for a beacon that counts Unix seconds).
ALTER TABLE registry_beacon ADD COLUMN eid_clock_offset BIGINT NULL;
