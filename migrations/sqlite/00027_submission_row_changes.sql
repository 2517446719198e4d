-- +goose Up
-- The practice page keeps a trainee's submission row, draft included
-- (internal/web, trainee cache). An update of the row that changes neither
-- its state nor its trainee (a draft saved, a rescued text taken) reached no
-- cache before; now its change_log row says so (progress 2), which drops
-- that copy alone. As on PostgreSQL ('d' before the user id).

-- +goose StatementBegin
CREATE TRIGGER change_log_submission_rows_update AFTER UPDATE ON submissions
BEGIN
    INSERT INTO change_log (user_id, progress) SELECT NEW.user_id, 2 WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER change_log_submission_rows_update;
