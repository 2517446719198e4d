-- +goose Up
-- The official who signs a region's certificates, and the region's emblem,
-- as the region's admin sets them. One row per region; name '' prints no
-- official. version is the optimistic lock of the admin form: a save names
-- the version it read and changes nothing when another save came first.
CREATE TABLE region_signers (
    region_id    BIGINT PRIMARY KEY REFERENCES regions (id),
    name         TEXT NOT NULL DEFAULT '',
    nip          TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    emblem       BYTEA,
    emblem_type  TEXT NOT NULL DEFAULT '' CHECK (emblem_type IN ('', 'PNG', 'JPG')),
    version      BIGINT NOT NULL CHECK (version >= 1),
    updated_by   BIGINT REFERENCES users (id),
    updated_at   TIMESTAMPTZ NOT NULL
);

-- +goose Down
DROP TABLE region_signers;
