-- +goose Up
-- A trainee's cached checklist names the facilitators of their cohort to
-- contact (internal/web, trainee cache). Assigning or removing a facilitator,
-- or correcting a facilitator's name, touches none of the trainee's rows, so
-- these triggers name the cohort's trainees in change_log (00009) as well.

-- +goose StatementBegin
CREATE TRIGGER change_log_cohort_facilitators_insert AFTER INSERT ON cohort_facilitators
BEGIN
    INSERT INTO change_log (user_id) SELECT user_id FROM enrollments WHERE cohort_id = NEW.cohort_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_cohort_facilitators_delete AFTER DELETE ON cohort_facilitators
BEGIN
    INSERT INTO change_log (user_id) SELECT user_id FROM enrollments WHERE cohort_id = OLD.cohort_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER change_log_facilitator_name AFTER UPDATE OF name ON users
WHEN OLD.name IS NOT NEW.name
BEGIN
    INSERT INTO change_log (user_id)
        SELECT e.user_id FROM cohort_facilitators f JOIN enrollments e ON e.cohort_id = f.cohort_id WHERE f.user_id = NEW.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER change_log_facilitator_name;
DROP TRIGGER change_log_cohort_facilitators_delete;
DROP TRIGGER change_log_cohort_facilitators_insert;
