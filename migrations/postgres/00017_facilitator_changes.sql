-- +goose Up
-- A trainee's cached checklist names the facilitators of their cohort to
-- contact (internal/web, trainee cache). Assigning or removing a facilitator,
-- or correcting a facilitator's name, touches none of the trainee's rows, so
-- these triggers notify the cohort's trainees as well (channel as in 00009).

CREATE TRIGGER change_notify_cohort_facilitators AFTER INSERT OR DELETE ON cohort_facilitators
    FOR EACH ROW EXECUTE FUNCTION change_notify_cohort();

-- +goose StatementBegin
-- change_notify_facilitated names every trainee of the cohorts the row's user facilitates.
CREATE FUNCTION change_notify_facilitated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('bimtek_changes_' || current_schema(), e.user_id::text)
        FROM cohort_facilitators f JOIN enrollments e ON e.cohort_id = f.cohort_id WHERE f.user_id = NEW.id;
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE TRIGGER change_notify_facilitator_name AFTER UPDATE OF name ON users
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION change_notify_facilitated();

-- +goose Down
DROP TRIGGER change_notify_facilitator_name ON users;
DROP FUNCTION change_notify_facilitated();
DROP TRIGGER change_notify_cohort_facilitators ON cohort_facilitators;
