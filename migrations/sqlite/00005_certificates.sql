-- +goose Up
-- Official social-media accounts of each OPD (DESIGN.md §10).
CREATE TABLE social_accounts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    opd_id      INTEGER NOT NULL REFERENCES opds (id),
    platform    TEXT NOT NULL CHECK (platform IN ('instagram', 'facebook', 'x', 'youtube', 'tiktok', 'website')),
    handle      TEXT NOT NULL CHECK (length(handle) BETWEEN 1 AND 200),
    url         TEXT NOT NULL CHECK (url LIKE 'https://%' OR url LIKE 'http://%'),
    verified    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP NOT NULL,
    removed_at  TIMESTAMP,
    UNIQUE (opd_id, platform, handle)
);
CREATE INDEX social_accounts_opd_idx ON social_accounts (opd_id);

-- Certificates: one per completed enrollment, so recertification in a later
-- cohort adds a new certificate and keeps the old one as history.
CREATE TABLE certificates (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    region_id          INTEGER NOT NULL REFERENCES regions (id),
    user_id            INTEGER NOT NULL REFERENCES users (id),
    enrollment_id      INTEGER NOT NULL UNIQUE REFERENCES enrollments (id),
    course_id          TEXT NOT NULL REFERENCES courses (id),
    year               INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    seq                INTEGER NOT NULL CHECK (seq >= 1),
    number             TEXT NOT NULL UNIQUE,
    code               TEXT NOT NULL UNIQUE CHECK (length(code) >= 10),
    issued_at          TIMESTAMP NOT NULL,
    valid_until        TIMESTAMP NOT NULL,
    revoked_at         TIMESTAMP,
    revoked_by         INTEGER REFERENCES users (id),
    revoke_reason      TEXT NOT NULL DEFAULT '',
    CHECK (valid_until > issued_at),
    CHECK (revoked_at IS NULL OR length(revoke_reason) > 0),
    UNIQUE (region_id, year, seq)
);
CREATE INDEX certificates_user_idx ON certificates (user_id, valid_until);
CREATE INDEX certificates_valid_until_idx ON certificates (valid_until);

-- The last certificate number handed out per region and year; bumped in the
-- same transaction as the insert, so a failed issue leaves no gap.
CREATE TABLE certificate_counters (
    region_id  INTEGER NOT NULL REFERENCES regions (id),
    year       INTEGER NOT NULL,
    last_seq   INTEGER NOT NULL CHECK (last_seq >= 0),
    PRIMARY KEY (region_id, year)
);

-- +goose Down
DROP TABLE certificate_counters;
DROP TABLE certificates;
DROP TABLE social_accounts;
