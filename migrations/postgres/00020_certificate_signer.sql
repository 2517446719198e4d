-- +goose Up
-- Every saved setting of a region's signing official and emblem is kept, and
-- a certificate points to the one in force when it was issued: it is a
-- document, so a later change of official never changes what it prints.
-- Certificates issued before this migration get the setting current now.
CREATE TABLE region_signer_versions (
    id           BIGSERIAL PRIMARY KEY,
    region_id    BIGINT NOT NULL REFERENCES regions (id),
    version      BIGINT NOT NULL CHECK (version >= 1),
    name         TEXT NOT NULL DEFAULT '',
    nip          TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    emblem       BYTEA,
    emblem_type  TEXT NOT NULL DEFAULT '' CHECK (emblem_type IN ('', 'PNG', 'JPG')),
    saved_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (region_id, version)
);
INSERT INTO region_signer_versions (region_id, version, name, nip, title, emblem, emblem_type, saved_at)
    SELECT region_id, version, name, nip, title, emblem, emblem_type, updated_at FROM region_signers;
ALTER TABLE certificates ADD COLUMN signer_id BIGINT REFERENCES region_signer_versions (id);
UPDATE certificates c SET signer_id = v.id FROM region_signers s
    JOIN region_signer_versions v ON v.region_id = s.region_id AND v.version = s.version
    WHERE s.region_id = c.region_id;

-- +goose Down
ALTER TABLE certificates DROP COLUMN signer_id;
DROP TABLE region_signer_versions;
