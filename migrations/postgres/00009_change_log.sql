-- +goose Up
-- Every process caches some per-user reads (internal/store/changes.go). These
-- triggers tell all of them which users' copies are stale: NOTIFY on channel
-- bimtek_changes_<schema> with the user id ('0' for every user), sent in the changing
-- transaction and delivered only when it commits, whichever code made the
-- change. SQLite keeps the same ids in a change_log table instead.

-- +goose StatementBegin
-- change_notify_user sends the user id held in column TG_ARGV[0] of the old
-- and the new row. Identical notices of one transaction are sent once.
CREATE FUNCTION change_notify_user() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    uid TEXT;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        uid := to_jsonb(OLD) ->> TG_ARGV[0];
        IF uid IS NOT NULL THEN
            PERFORM pg_notify('bimtek_changes_' || current_schema(), uid);
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        uid := to_jsonb(NEW) ->> TG_ARGV[0];
        IF uid IS NOT NULL THEN
            PERFORM pg_notify('bimtek_changes_' || current_schema(), uid);
        END IF;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
-- change_notify_enrollment names the trainee of the row's enrollment (progress).
CREATE FUNCTION change_notify_enrollment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('bimtek_changes_' || current_schema(), e.user_id::text) FROM enrollments e WHERE e.id = OLD.enrollment_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM pg_notify('bimtek_changes_' || current_schema(), e.user_id::text) FROM enrollments e WHERE e.id = NEW.enrollment_id;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
-- change_notify_cohort names every trainee of the row's cohort (live sessions).
CREATE FUNCTION change_notify_cohort() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('bimtek_changes_' || current_schema(), e.user_id::text) FROM enrollments e WHERE e.cohort_id = OLD.cohort_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM pg_notify('bimtek_changes_' || current_schema(), e.user_id::text) FROM enrollments e WHERE e.cohort_id = NEW.cohort_id;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION change_notify_everyone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('bimtek_changes_' || current_schema(), '0');
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE TRIGGER change_notify_sessions AFTER UPDATE OF user_id, data OR DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION change_notify_user('user_id');
CREATE TRIGGER change_notify_users AFTER UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION change_notify_user('id');
CREATE TRIGGER change_notify_enrollments AFTER INSERT OR UPDATE OR DELETE ON enrollments
    FOR EACH ROW EXECUTE FUNCTION change_notify_user('user_id');
CREATE TRIGGER change_notify_progress AFTER INSERT OR UPDATE OR DELETE ON progress
    FOR EACH ROW EXECUTE FUNCTION change_notify_enrollment();
CREATE TRIGGER change_notify_submissions AFTER INSERT OR UPDATE OF state, user_id OR DELETE ON submissions
    FOR EACH ROW EXECUTE FUNCTION change_notify_user('user_id');
CREATE TRIGGER change_notify_notifications AFTER INSERT OR UPDATE OF user_id, read_at OR DELETE ON notifications
    FOR EACH ROW EXECUTE FUNCTION change_notify_user('user_id');
CREATE TRIGGER change_notify_attendance AFTER INSERT OR UPDATE OR DELETE ON attendance
    FOR EACH ROW EXECUTE FUNCTION change_notify_user('user_id');
CREATE TRIGGER change_notify_certificates AFTER INSERT OR UPDATE OR DELETE ON certificates
    FOR EACH ROW EXECUTE FUNCTION change_notify_user('user_id');
CREATE TRIGGER change_notify_live_sessions AFTER INSERT OR UPDATE OR DELETE ON live_sessions
    FOR EACH ROW EXECUTE FUNCTION change_notify_cohort();
CREATE TRIGGER change_notify_cohorts AFTER UPDATE OR DELETE ON cohorts
    FOR EACH STATEMENT EXECUTE FUNCTION change_notify_everyone();
CREATE TRIGGER change_notify_courses AFTER UPDATE OF title, removed_at ON courses
    FOR EACH STATEMENT EXECUTE FUNCTION change_notify_everyone();

-- +goose Down
DROP TRIGGER change_notify_courses ON courses;
DROP TRIGGER change_notify_cohorts ON cohorts;
DROP TRIGGER change_notify_live_sessions ON live_sessions;
DROP TRIGGER change_notify_certificates ON certificates;
DROP TRIGGER change_notify_attendance ON attendance;
DROP TRIGGER change_notify_notifications ON notifications;
DROP TRIGGER change_notify_submissions ON submissions;
DROP TRIGGER change_notify_progress ON progress;
DROP TRIGGER change_notify_enrollments ON enrollments;
DROP TRIGGER change_notify_users ON users;
DROP TRIGGER change_notify_sessions ON sessions;
DROP FUNCTION change_notify_everyone();
DROP FUNCTION change_notify_cohort();
DROP FUNCTION change_notify_enrollment();
DROP FUNCTION change_notify_user();
