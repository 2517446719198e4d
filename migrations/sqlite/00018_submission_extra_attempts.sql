-- +goose Up
-- A facilitator who takes back a rejection ("Buka kembali") may give the
-- trainee one more attempt than the practice allows: extra_attempts counts
-- those, added to the practice's max_attempts when a version is sent.
ALTER TABLE submissions ADD COLUMN extra_attempts INTEGER NOT NULL DEFAULT 0 CHECK (extra_attempts >= 0);

-- +goose Down
ALTER TABLE submissions DROP COLUMN extra_attempts;
