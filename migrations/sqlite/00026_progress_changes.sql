-- +goose Up
-- A trainee's progress and submission rows are read only by the cached copy
-- of their progress (internal/web, trainee cache), not by their session,
-- Beranda lists or unread count. Their change_log rows say so (progress 1),
-- so a lesson marked done or a release sent drops that copy alone. As on
-- PostgreSQL (its notices carry 'p' before the user id).
ALTER TABLE change_log ADD COLUMN progress INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER change_log_progress_insert;
-- +goose StatementBegin
CREATE TRIGGER change_log_progress_insert AFTER INSERT ON progress
BEGIN
    INSERT INTO change_log (user_id, progress) SELECT user_id, 1 FROM enrollments WHERE id = NEW.enrollment_id;
END;
-- +goose StatementEnd

DROP TRIGGER change_log_progress_update;
-- +goose StatementBegin
CREATE TRIGGER change_log_progress_update AFTER UPDATE ON progress
BEGIN
    INSERT INTO change_log (user_id, progress) SELECT user_id, 1 FROM enrollments WHERE id = NEW.enrollment_id;
END;
-- +goose StatementEnd

DROP TRIGGER change_log_progress_delete;
-- +goose StatementBegin
CREATE TRIGGER change_log_progress_delete AFTER DELETE ON progress
BEGIN
    INSERT INTO change_log (user_id, progress) SELECT user_id, 1 FROM enrollments WHERE id = OLD.enrollment_id;
END;
-- +goose StatementEnd

DROP TRIGGER change_log_submissions_insert;
-- +goose StatementBegin
CREATE TRIGGER change_log_submissions_insert AFTER INSERT ON submissions
BEGIN
    INSERT INTO change_log (user_id, progress) SELECT NEW.user_id, 1 WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

DROP TRIGGER change_log_submissions_update;
-- +goose StatementBegin
CREATE TRIGGER change_log_submissions_update AFTER UPDATE OF state, user_id ON submissions
BEGIN
    INSERT INTO change_log (user_id, progress) SELECT NEW.user_id, 1 WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

DROP TRIGGER change_log_submissions_delete;
-- +goose StatementBegin
CREATE TRIGGER change_log_submissions_delete AFTER DELETE ON submissions
BEGIN
    INSERT INTO change_log (user_id, progress) SELECT OLD.user_id, 1 WHERE OLD.user_id IS NOT NULL;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER change_log_progress_insert;
-- +goose StatementBegin
CREATE TRIGGER change_log_progress_insert AFTER INSERT ON progress
BEGIN
    INSERT INTO change_log (user_id) SELECT user_id FROM enrollments WHERE id = NEW.enrollment_id;
END;
-- +goose StatementEnd

DROP TRIGGER change_log_progress_update;
-- +goose StatementBegin
CREATE TRIGGER change_log_progress_update AFTER UPDATE ON progress
BEGIN
    INSERT INTO change_log (user_id) SELECT user_id FROM enrollments WHERE id = NEW.enrollment_id;
END;
-- +goose StatementEnd

DROP TRIGGER change_log_progress_delete;
-- +goose StatementBegin
CREATE TRIGGER change_log_progress_delete AFTER DELETE ON progress
BEGIN
    INSERT INTO change_log (user_id) SELECT user_id FROM enrollments WHERE id = OLD.enrollment_id;
END;
-- +goose StatementEnd

DROP TRIGGER change_log_submissions_insert;
-- +goose StatementBegin
CREATE TRIGGER change_log_submissions_insert AFTER INSERT ON submissions
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

DROP TRIGGER change_log_submissions_update;
-- +goose StatementBegin
CREATE TRIGGER change_log_submissions_update AFTER UPDATE OF state, user_id ON submissions
BEGIN
    INSERT INTO change_log (user_id) SELECT NEW.user_id WHERE NEW.user_id IS NOT NULL;
END;
-- +goose StatementEnd

DROP TRIGGER change_log_submissions_delete;
-- +goose StatementBegin
CREATE TRIGGER change_log_submissions_delete AFTER DELETE ON submissions
BEGIN
    INSERT INTO change_log (user_id) SELECT OLD.user_id WHERE OLD.user_id IS NOT NULL;
END;
-- +goose StatementEnd

ALTER TABLE change_log DROP COLUMN progress;
