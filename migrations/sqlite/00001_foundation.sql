-- +goose Up
CREATE TABLE regions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    code        TEXT NOT NULL UNIQUE,
    timezone    TEXT NOT NULL DEFAULT 'Asia/Jakarta' CHECK (timezone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
    created_at  TIMESTAMP NOT NULL
);

CREATE TABLE opds (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    region_id   INTEGER NOT NULL REFERENCES regions (id),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
    short_name  TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL CHECK (kind IN ('sekretariat', 'bagian', 'inspektorat', 'dinas', 'badan', 'satuan', 'rsud', 'kecamatan', 'kelurahan', 'lainnya')),
    created_at  TIMESTAMP NOT NULL,
    UNIQUE (region_id, name)
);

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    region_id            INTEGER NOT NULL REFERENCES regions (id),
    opd_id               INTEGER REFERENCES opds (id),
    email                TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role                 TEXT NOT NULL CHECK (role IN ('peserta', 'fasilitator', 'pimpinan_opd', 'admin')),
    is_designated_admin  BOOLEAN NOT NULL DEFAULT FALSE,
    password_hash        TEXT NOT NULL,
    active               BOOLEAN NOT NULL DEFAULT TRUE,
    created_at           TIMESTAMP NOT NULL,
    password_changed_at  TIMESTAMP NOT NULL,
    CHECK (role <> 'pimpinan_opd' OR opd_id IS NOT NULL)
);
CREATE INDEX users_opd_idx ON users (opd_id);

CREATE TABLE sessions (
    id            TEXT PRIMARY KEY,
    user_id       INTEGER REFERENCES users (id) ON DELETE CASCADE,
    data          TEXT NOT NULL DEFAULT '{}',
    created_at    TIMESTAMP NOT NULL,
    last_seen_at  TIMESTAMP NOT NULL,
    expires_at    TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE login_attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    email       TEXT NOT NULL,
    address     TEXT NOT NULL,
    success     BOOLEAN NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, created_at);
CREATE INDEX login_attempts_address_idx ON login_attempts (address, created_at);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_id     INTEGER REFERENCES users (id),
    action       TEXT NOT NULL,
    object_type  TEXT NOT NULL,
    object_id    TEXT NOT NULL,
    before_json  TEXT NOT NULL DEFAULT '',
    after_json   TEXT NOT NULL DEFAULT '',
    reason       TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id);

-- +goose Down
DROP TABLE audit_log;
DROP TABLE login_attempts;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE opds;
DROP TABLE regions;
