-- +goose Up
-- A notification is stored as what happened: a kind and its parameters (a
-- JSON object of ids and the few values the words need), and is put into
-- words only when shown or mailed (internal/notice). Rows written before keep
-- their finished text in legacy_message and legacy_link and are shown as
-- written; their kind comes from the old label (and, for decisions, from the
-- state word in the text). SQLite cannot change a column's constraints in
-- place, so the table is rebuilt; dropping it drops its change_log triggers
-- (00009), which are made again below exactly as they were.
CREATE TABLE notifications_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    kind            TEXT NOT NULL,
    params          TEXT NOT NULL DEFAULT '{}',
    legacy_message  TEXT NOT NULL DEFAULT '',
    legacy_link     TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    read_at         TIMESTAMP,
    emailed_at      TIMESTAMP,
    email_attempts  INTEGER NOT NULL DEFAULT 0
);

INSERT INTO notifications_new (id, user_id, kind, legacy_message, legacy_link, created_at, read_at, emailed_at, email_attempts)
SELECT id, user_id,
    CASE
        WHEN message = '' THEN 'legacy'
        WHEN kind = 'kiriman_baru' THEN 'submission_sent'
        WHEN kind = 'keputusan' AND message LIKE '% disetujui (nilai %).' THEN 'submission_approved'
        WHEN kind = 'keputusan' AND message LIKE '% dikembalikan (nilai %).' THEN 'submission_returned'
        WHEN kind = 'keputusan' AND message LIKE '% ditolak (nilai %).' THEN 'submission_rejected'
        WHEN kind = 'sertifikat' THEN 'certificate_issued'
        WHEN kind = 'sertifikat_dicabut' THEN 'certificate_revoked'
        ELSE 'legacy'
    END,
    message, link, created_at, read_at, emailed_at, email_attempts
FROM notifications;

-- Ids go on from where the old table's counter stood, not from the largest id kept.
DELETE FROM sqlite_sequence WHERE name = 'notifications_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'notifications_new', seq FROM sqlite_sequence WHERE name = 'notifications';

DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at);
CREATE INDEX notifications_outbox_idx ON notifications (emailed_at, id);

-- +goose StatementBegin
CREATE TRIGGER change_log_notifications_insert AFTER INSERT ON notifications
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_notifications_update AFTER UPDATE OF user_id, read_at ON notifications
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_notifications_delete AFTER DELETE ON notifications
BEGIN
    INSERT INTO change_log (user_id) SELECT OLD.user_id WHERE OLD.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose Down
-- Every row is kept. Rows written since hold no text (Go makes it), so they
-- come back with a general sentence.
CREATE TABLE notifications_old (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    kind            TEXT NOT NULL,
    message         TEXT NOT NULL,
    link            TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    read_at         TIMESTAMP,
    emailed_at      TIMESTAMP,
    email_attempts  INTEGER NOT NULL DEFAULT 0
);

INSERT INTO notifications_old (id, user_id, kind, message, link, created_at, read_at, emailed_at, email_attempts)
SELECT id, user_id,
    CASE kind
        WHEN 'submission_sent' THEN 'kiriman_baru'
        WHEN 'submission_approved' THEN 'keputusan'
        WHEN 'submission_returned' THEN 'keputusan'
        WHEN 'submission_rejected' THEN 'keputusan'
        WHEN 'certificate_issued' THEN 'sertifikat'
        WHEN 'certificate_revoked' THEN 'sertifikat_dicabut'
        ELSE 'pemberitahuan'
    END,
    CASE WHEN legacy_message <> '' THEN legacy_message ELSE 'Ada pemberitahuan untuk Anda.' END,
    legacy_link, created_at, read_at, emailed_at, email_attempts
FROM notifications;

DELETE FROM sqlite_sequence WHERE name = 'notifications_old';
INSERT INTO sqlite_sequence (name, seq) SELECT 'notifications_old', seq FROM sqlite_sequence WHERE name = 'notifications';

DROP TABLE notifications;
ALTER TABLE notifications_old RENAME TO notifications;
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at);
CREATE INDEX notifications_outbox_idx ON notifications (emailed_at, id);

-- +goose StatementBegin
CREATE TRIGGER change_log_notifications_insert AFTER INSERT ON notifications
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_notifications_update AFTER UPDATE OF user_id, read_at ON notifications
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_notifications_delete AFTER DELETE ON notifications
BEGIN
    INSERT INTO change_log (user_id) SELECT OLD.user_id WHERE OLD.user_id IS NOT NULL;
END;
-- +goose StatementEnd
