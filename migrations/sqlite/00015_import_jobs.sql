-- +goose Up
-- A bulk user import started from the admin's page. The checked file waits
-- here (state siap) until the admin starts it; a process then makes the
-- first passwords, counting done for the progress page, and stores every
-- account or none (selesai or gagal). The first passwords are kept sealed
-- (AES-GCM under a key from the server secret) until the admin downloads
-- them once; then they and the file's text are deleted.
CREATE TABLE import_jobs (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    region_id      INTEGER NOT NULL REFERENCES regions (id),
    admin_id       INTEGER NOT NULL REFERENCES users (id),
    file_name      TEXT NOT NULL DEFAULT '',
    csv_text       TEXT NOT NULL DEFAULT '',
    total          INTEGER NOT NULL CHECK (total >= 0),
    done           INTEGER NOT NULL DEFAULT 0 CHECK (done >= 0 AND done <= total),
    state          TEXT NOT NULL CHECK (state IN ('siap', 'berjalan', 'selesai', 'gagal')),
    problem        TEXT NOT NULL DEFAULT '',
    passwords      TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL,
    downloaded_at  TIMESTAMP
);
CREATE INDEX import_jobs_region_idx ON import_jobs (region_id, created_at);

-- +goose Down
DROP TABLE import_jobs;
