-- +goose Up
-- A notification is stored as what happened: a kind and its parameters (a
-- JSON object of ids and the few values the words need), and is put into
-- words only when shown or mailed (internal/notice). Rows written before keep
-- their finished text in legacy_message and legacy_link and are shown as
-- written; their kind comes from the old label (and, for decisions, from the
-- state word in the text). The columns change in place, so the change_notify
-- trigger (00009) stays; it does not fire for this UPDATE, which touches
-- neither user_id nor read_at.
ALTER TABLE notifications RENAME COLUMN message TO legacy_message;
ALTER TABLE notifications ALTER COLUMN legacy_message SET DEFAULT '';
ALTER TABLE notifications RENAME COLUMN link TO legacy_link;
ALTER TABLE notifications ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
UPDATE notifications SET kind = CASE
        WHEN legacy_message = '' THEN 'legacy'
        WHEN kind = 'kiriman_baru' THEN 'submission_sent'
        WHEN kind = 'keputusan' AND legacy_message LIKE '% disetujui (nilai %).' THEN 'submission_approved'
        WHEN kind = 'keputusan' AND legacy_message LIKE '% dikembalikan (nilai %).' THEN 'submission_returned'
        WHEN kind = 'keputusan' AND legacy_message LIKE '% ditolak (nilai %).' THEN 'submission_rejected'
        WHEN kind = 'sertifikat' THEN 'certificate_issued'
        WHEN kind = 'sertifikat_dicabut' THEN 'certificate_revoked'
        ELSE 'legacy'
    END;

-- +goose Down
-- Every row is kept. Rows written since hold no text (Go makes it), so they
-- come back with a general sentence.
UPDATE notifications SET
    kind = CASE kind
        WHEN 'submission_sent' THEN 'kiriman_baru'
        WHEN 'submission_approved' THEN 'keputusan'
        WHEN 'submission_returned' THEN 'keputusan'
        WHEN 'submission_rejected' THEN 'keputusan'
        WHEN 'certificate_issued' THEN 'sertifikat'
        WHEN 'certificate_revoked' THEN 'sertifikat_dicabut'
        ELSE 'pemberitahuan'
    END,
    legacy_message = CASE WHEN legacy_message <> '' THEN legacy_message ELSE 'Ada pemberitahuan untuk Anda.' END;
ALTER TABLE notifications DROP COLUMN params;
ALTER TABLE notifications RENAME COLUMN legacy_link TO link;
ALTER TABLE notifications ALTER COLUMN legacy_message DROP DEFAULT;
ALTER TABLE notifications RENAME COLUMN legacy_message TO message;
