-- +goose Up
-- change_log tells every process which users' cached pages are stale
-- (internal/store/changes.go): triggers add a row in the same transaction as
-- the change, whichever code makes it, and app processes read the rows after
-- they commit. User 0 means every user. PostgreSQL sends the same ids
-- with NOTIFY instead, so it has no such table.
CREATE TABLE change_log (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id  INTEGER,
    at       TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX change_log_at_idx ON change_log (at);

-- +goose StatementBegin
CREATE TRIGGER change_log_sessions_update AFTER UPDATE OF user_id, data ON sessions
BEGIN
    INSERT INTO change_log (user_id) SELECT OLD.user_id WHERE OLD.user_id IS NOT NULL;
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_sessions_delete AFTER DELETE ON sessions
BEGIN
    INSERT INTO change_log (user_id) SELECT OLD.user_id WHERE OLD.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_users_update AFTER UPDATE ON users
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.id WHERE NEW.id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_users_delete AFTER DELETE ON users
BEGIN
    INSERT INTO change_log (user_id) SELECT OLD.id WHERE OLD.id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_enrollments_insert AFTER INSERT ON enrollments
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_enrollments_update AFTER UPDATE ON enrollments
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_enrollments_delete AFTER DELETE ON enrollments
BEGIN
    INSERT INTO change_log (user_id) SELECT OLD.user_id WHERE OLD.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_progress_insert AFTER INSERT ON progress
BEGIN
    INSERT INTO change_log (user_id) SELECT user_id FROM enrollments WHERE id = NEW.enrollment_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_progress_update AFTER UPDATE ON progress
BEGIN
    INSERT INTO change_log (user_id) SELECT user_id FROM enrollments WHERE id = NEW.enrollment_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_progress_delete AFTER DELETE ON progress
BEGIN
    INSERT INTO change_log (user_id) SELECT user_id FROM enrollments WHERE id = OLD.enrollment_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_submissions_insert AFTER INSERT ON submissions
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_submissions_update AFTER UPDATE OF state, user_id ON submissions
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_submissions_delete AFTER DELETE ON submissions
BEGIN
    INSERT INTO change_log (user_id) SELECT OLD.user_id WHERE OLD.user_id IS NOT NULL;
END;
-- +goose StatementEnd

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

-- +goose StatementBegin
CREATE TRIGGER change_log_attendance_insert AFTER INSERT ON attendance
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_attendance_update AFTER UPDATE ON attendance
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_attendance_delete AFTER DELETE ON attendance
BEGIN
    INSERT INTO change_log (user_id) SELECT OLD.user_id WHERE OLD.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_certificates_insert AFTER INSERT ON certificates
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_certificates_update AFTER UPDATE ON certificates
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_certificates_delete AFTER DELETE ON certificates
BEGIN
    INSERT INTO change_log (user_id) SELECT OLD.user_id WHERE OLD.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_live_sessions_insert AFTER INSERT ON live_sessions
BEGIN
    INSERT INTO change_log (user_id) SELECT user_id FROM enrollments WHERE cohort_id = NEW.cohort_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_live_sessions_update AFTER UPDATE ON live_sessions
BEGIN
    INSERT INTO change_log (user_id) SELECT user_id FROM enrollments WHERE cohort_id = NEW.cohort_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_live_sessions_delete AFTER DELETE ON live_sessions
BEGIN
    INSERT INTO change_log (user_id) SELECT user_id FROM enrollments WHERE cohort_id = OLD.cohort_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_cohorts_update AFTER UPDATE ON cohorts
BEGIN
    INSERT INTO change_log (user_id) VALUES (0);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_cohorts_delete AFTER DELETE ON cohorts
BEGIN
    INSERT INTO change_log (user_id) VALUES (0);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_courses_update AFTER UPDATE OF title, removed_at ON courses
BEGIN
    INSERT INTO change_log (user_id) VALUES (0);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER change_log_courses_update;
DROP TRIGGER change_log_cohorts_delete;
DROP TRIGGER change_log_cohorts_update;
DROP TRIGGER change_log_live_sessions_delete;
DROP TRIGGER change_log_live_sessions_update;
DROP TRIGGER change_log_live_sessions_insert;
DROP TRIGGER change_log_certificates_delete;
DROP TRIGGER change_log_certificates_update;
DROP TRIGGER change_log_certificates_insert;
DROP TRIGGER change_log_attendance_delete;
DROP TRIGGER change_log_attendance_update;
DROP TRIGGER change_log_attendance_insert;
DROP TRIGGER change_log_notifications_delete;
DROP TRIGGER change_log_notifications_update;
DROP TRIGGER change_log_notifications_insert;
DROP TRIGGER change_log_submissions_delete;
DROP TRIGGER change_log_submissions_update;
DROP TRIGGER change_log_submissions_insert;
DROP TRIGGER change_log_progress_delete;
DROP TRIGGER change_log_progress_update;
DROP TRIGGER change_log_progress_insert;
DROP TRIGGER change_log_enrollments_delete;
DROP TRIGGER change_log_enrollments_update;
DROP TRIGGER change_log_enrollments_insert;
DROP TRIGGER change_log_users_delete;
DROP TRIGGER change_log_users_update;
DROP TRIGGER change_log_sessions_delete;
DROP TRIGGER change_log_sessions_update;
DROP TABLE change_log;
