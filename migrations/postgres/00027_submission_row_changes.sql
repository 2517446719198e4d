-- +goose Up
-- The practice page keeps a trainee's submission row, draft included
-- (internal/web, trainee cache). An update of the row that changes neither
-- its state nor its trainee (a draft saved, a rescued text taken) reached no
-- cache before; now it names the trainee with 'd' before the user id, which
-- drops that copy alone: their progress, session and Beranda stay.

-- +goose StatementBegin
CREATE FUNCTION change_notify_submission_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.user_id IS NOT NULL THEN
        PERFORM pg_notify('bimtek_changes_' || current_schema(), 'd' || NEW.user_id::text);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE TRIGGER change_notify_submission_rows AFTER UPDATE ON submissions
    FOR EACH ROW EXECUTE FUNCTION change_notify_submission_row();

-- +goose Down
DROP TRIGGER change_notify_submission_rows ON submissions;
DROP FUNCTION change_notify_submission_row();
