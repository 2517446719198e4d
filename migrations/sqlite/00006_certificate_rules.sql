-- +goose Up
-- Certificate requirements mirrored from course.yaml, so the store can decide
-- inside the completing transaction whether a certificate is due.
-- validity_months 0 means the course issues no certificate.
ALTER TABLE courses ADD COLUMN certificate_title TEXT NOT NULL DEFAULT '';
ALTER TABLE courses ADD COLUMN validity_months INTEGER NOT NULL DEFAULT 0 CHECK (validity_months BETWEEN 0 AND 120);
ALTER TABLE courses ADD COLUMN required_attendance INTEGER NOT NULL DEFAULT 0 CHECK (required_attendance >= 0);
ALTER TABLE course_items ADD COLUMN required BOOLEAN NOT NULL DEFAULT FALSE;

-- Public certificate lookups counted per address and minute, in the database
-- so every app process behind a load balancer sees the same counts.
CREATE TABLE lookup_limits (
    scope         TEXT NOT NULL,
    address       TEXT NOT NULL,
    window_start  TIMESTAMP NOT NULL,
    hits          INTEGER NOT NULL CHECK (hits >= 1),
    PRIMARY KEY (scope, address, window_start)
);
CREATE INDEX lookup_limits_window_idx ON lookup_limits (window_start);

-- The admins' certificate list, newest first within a region.
CREATE INDEX certificates_region_issued_idx ON certificates (region_id, issued_at);

-- +goose Down
DROP INDEX certificates_region_issued_idx;
DROP TABLE lookup_limits;
ALTER TABLE course_items DROP COLUMN required;
ALTER TABLE courses DROP COLUMN required_attendance;
ALTER TABLE courses DROP COLUMN validity_months;
ALTER TABLE courses DROP COLUMN certificate_title;
