-- A store's opening hours in its own time zone, encoded by the domain's OpeningHours
-- ("MON=08:00-20:00;SAT=09:00-14:00|2026-12-25"); NULL when not given.

ALTER TABLE registry_store ADD COLUMN opening_hours VARCHAR(4000) NULL;
