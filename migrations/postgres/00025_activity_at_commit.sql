-- +goose Up
-- A trainee's activity (an item's progress, a quiz attempt, a release
-- version) moves last_activity_at on their OPD's opd_stats row (00007). The
-- row is shared by the OPD's trainees, and an ordinary AFTER trigger takes it
-- at the statement, so every other trainee of the OPD who did something waited
-- until the writing transaction's later statements and commit had made their
-- round trips. Deferred to the commit, the row is held only while the
-- transaction commits; the value set is the same.
DROP TRIGGER opd_stats_version ON submission_versions;
DROP TRIGGER opd_stats_quiz ON quiz_attempts;
DROP TRIGGER opd_stats_progress ON progress;
CREATE CONSTRAINT TRIGGER opd_stats_version AFTER INSERT ON submission_versions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION opd_stats_on_activity();
CREATE CONSTRAINT TRIGGER opd_stats_quiz AFTER INSERT ON quiz_attempts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION opd_stats_on_activity();
CREATE CONSTRAINT TRIGGER opd_stats_progress AFTER INSERT OR UPDATE OF updated_at ON progress
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION opd_stats_on_activity();

-- +goose Down
DROP TRIGGER opd_stats_progress ON progress;
DROP TRIGGER opd_stats_quiz ON quiz_attempts;
DROP TRIGGER opd_stats_version ON submission_versions;
CREATE TRIGGER opd_stats_version AFTER INSERT ON submission_versions
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_activity();
CREATE TRIGGER opd_stats_quiz AFTER INSERT ON quiz_attempts
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_activity();
CREATE TRIGGER opd_stats_progress AFTER INSERT OR UPDATE OF updated_at ON progress
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_activity();
