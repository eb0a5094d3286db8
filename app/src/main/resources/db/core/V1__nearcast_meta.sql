-- Facts about this installation that must survive restarts, e.g. the master key's check value.
CREATE TABLE nearcast_meta (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    value      VARCHAR(512) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
