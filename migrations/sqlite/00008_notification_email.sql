-- +goose Up
-- E-mail copies of in-app notifications (an outbox): a worker claims unsent
-- rows, sends them through SMTP when configured, and retries a few times.
ALTER TABLE notifications ADD COLUMN emailed_at TIMESTAMP;
ALTER TABLE notifications ADD COLUMN email_attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX notifications_outbox_idx ON notifications (emailed_at, id);

-- +goose Down
DROP INDEX notifications_outbox_idx;
ALTER TABLE notifications DROP COLUMN email_attempts;
ALTER TABLE notifications DROP COLUMN emailed_at;
