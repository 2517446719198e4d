-- +goose Up
-- Nothing to do: PostgreSQL's activity triggers now run at commit (see its
-- 00025). SQLite runs one write transaction at a time, so no other trainee
-- waits for the OPD's row inside one.
SELECT 1;

-- +goose Down
SELECT 1;
