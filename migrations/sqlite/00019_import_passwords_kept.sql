-- +goose Up
-- The first passwords of an import are no longer spent by one download (an
-- interrupted download lost them): they stay, sealed, for the admin who ran
-- the import until that admin says they are saved or passwords_until passes;
-- then they are wiped and passwords_wiped_at says when. Imports whose
-- passwords were already taken count as wiped at that download; those still
-- waiting get a day from now.
ALTER TABLE import_jobs ADD COLUMN passwords_until TIMESTAMP;
ALTER TABLE import_jobs ADD COLUMN passwords_wiped_at TIMESTAMP;
UPDATE import_jobs SET passwords_wiped_at = downloaded_at WHERE state = 'selesai' AND passwords = '';
UPDATE import_jobs SET passwords_until = datetime('now', '+1 day') WHERE state = 'selesai' AND passwords <> '';

-- +goose Down
ALTER TABLE import_jobs DROP COLUMN passwords_wiped_at;
ALTER TABLE import_jobs DROP COLUMN passwords_until;
