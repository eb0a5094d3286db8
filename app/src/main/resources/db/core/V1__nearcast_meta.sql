-- Facts about this installation that must survive restarts, e.g. the master key's check value.
CREATE TABLE nearcast_meta (
    meta_key   VARCHAR(64)  NOT NULL PRIMARY KEY,
    meta_value VARCHAR(512) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
