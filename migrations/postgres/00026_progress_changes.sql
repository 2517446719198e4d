-- +goose Up
-- A trainee's progress and submission rows are read only by the cached copy
-- of their progress (internal/web, trainee cache), not by their session,
-- Beranda lists or unread count. Their notices say so ('p' before the user
-- id), so a lesson marked done or a release sent drops that copy alone and the
-- next page reads six things again instead of eleven.

-- +goose StatementBegin
CREATE FUNCTION change_notify_progress_enrollment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('bimtek_changes_' || current_schema(), 'p' || e.user_id::text) FROM enrollments e WHERE e.id = OLD.enrollment_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM pg_notify('bimtek_changes_' || current_schema(), 'p' || e.user_id::text) FROM enrollments e WHERE e.id = NEW.enrollment_id;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION change_notify_progress_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.user_id IS NOT NULL THEN
        PERFORM pg_notify('bimtek_changes_' || current_schema(), 'p' || OLD.user_id::text);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.user_id IS NOT NULL THEN
        PERFORM pg_notify('bimtek_changes_' || current_schema(), 'p' || NEW.user_id::text);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

DROP TRIGGER change_notify_progress ON progress;
CREATE TRIGGER change_notify_progress AFTER INSERT OR UPDATE OR DELETE ON progress
    FOR EACH ROW EXECUTE FUNCTION change_notify_progress_enrollment();
DROP TRIGGER change_notify_submissions ON submissions;
CREATE TRIGGER change_notify_submissions AFTER INSERT OR UPDATE OF state, user_id OR DELETE ON submissions
    FOR EACH ROW EXECUTE FUNCTION change_notify_progress_user();

-- +goose Down
DROP TRIGGER change_notify_submissions ON submissions;
CREATE TRIGGER change_notify_submissions AFTER INSERT OR UPDATE OF state, user_id OR DELETE ON submissions
    FOR EACH ROW EXECUTE FUNCTION change_notify_user('user_id');
DROP TRIGGER change_notify_progress ON progress;
CREATE TRIGGER change_notify_progress AFTER INSERT OR UPDATE OR DELETE ON progress
    FOR EACH ROW EXECUTE FUNCTION change_notify_enrollment();
DROP FUNCTION change_notify_progress_user();
DROP FUNCTION change_notify_progress_enrollment();
