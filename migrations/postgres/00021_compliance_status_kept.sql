-- +goose Up
-- The compliance status, certified and expiring admins of each OPD are kept
-- on its opd_stats row for the span of time they hold (status_from ≤ now <
-- status_to, in Unix microseconds), so the dashboard filters, sorts and pages
-- on indexed columns instead of evaluating every OPD of a region per view.
-- A change to an OPD's counts sets status_to to 0; a read recounts the rows
-- whose span does not hold its moment (store.freshenStatus). status is NULL
-- until first counted.
ALTER TABLE opd_stats ADD COLUMN status TEXT;
ALTER TABLE opd_stats ADD COLUMN status_rank INTEGER;
ALTER TABLE opd_stats ADD COLUMN certified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE opd_stats ADD COLUMN expiring INTEGER NOT NULL DEFAULT 0;
ALTER TABLE opd_stats ADD COLUMN status_from BIGINT NOT NULL DEFAULT 0;
ALTER TABLE opd_stats ADD COLUMN status_to BIGINT NOT NULL DEFAULT 0;
CREATE INDEX opd_stats_status_to_idx ON opd_stats (region_id, status_to);
CREATE INDEX opd_stats_status_from_idx ON opd_stats (region_id, status_from);
CREATE INDEX opd_stats_rank_idx ON opd_stats (region_id, status_rank, name, opd_id);
CREATE INDEX opd_stats_kind_status_idx ON opd_stats (region_id, kind, status);

-- compliance_tally holds, per region, kind and status, changes to the number
-- of OPDs and their certified and expiring admins: every change of a counted
-- opd_stats row adds its rows here (inserts only, so concurrent changes never
-- wait on one shared counter); their sums are the dashboard's counts, and a
-- read folds them into one row per group now and then.
CREATE TABLE compliance_tally (
    region_id  BIGINT NOT NULL,
    kind       TEXT NOT NULL,
    status     TEXT NOT NULL,
    opds       INTEGER NOT NULL,
    certified  INTEGER NOT NULL,
    expiring   INTEGER NOT NULL
);
CREATE INDEX compliance_tally_region_idx ON compliance_tally (region_id);

-- +goose StatementBegin
CREATE FUNCTION opd_stats_status_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE opd_stats SET status_to = 0 WHERE opd_id = NEW.opd_id;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION compliance_tally_on_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.region_id = NEW.region_id AND OLD.kind = NEW.kind AND OLD.status IS NOT DISTINCT FROM NEW.status
       AND OLD.certified = NEW.certified AND OLD.expiring = NEW.expiring THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.status IS NOT NULL THEN
        INSERT INTO compliance_tally (region_id, kind, status, opds, certified, expiring)
        VALUES (OLD.region_id, OLD.kind, OLD.status, -1, -OLD.certified, -OLD.expiring);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status IS NOT NULL THEN
        INSERT INTO compliance_tally (region_id, kind, status, opds, certified, expiring)
        VALUES (NEW.region_id, NEW.kind, NEW.status, 1, NEW.certified, NEW.expiring);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE TRIGGER opd_stats_status_stale AFTER UPDATE OF accounts, designated_admins, cert_until ON opd_stats
    FOR EACH ROW EXECUTE FUNCTION opd_stats_status_stale();
CREATE TRIGGER compliance_tally_stats AFTER INSERT OR DELETE OR UPDATE OF region_id, kind, status, certified, expiring ON opd_stats
    FOR EACH ROW EXECUTE FUNCTION compliance_tally_on_stats();

-- +goose Down
DROP TRIGGER compliance_tally_stats ON opd_stats;
DROP TRIGGER opd_stats_status_stale ON opd_stats;
DROP FUNCTION compliance_tally_on_stats();
DROP FUNCTION opd_stats_status_stale();
DROP TABLE compliance_tally;
DROP INDEX opd_stats_kind_status_idx;
DROP INDEX opd_stats_rank_idx;
DROP INDEX opd_stats_status_from_idx;
DROP INDEX opd_stats_status_to_idx;
ALTER TABLE opd_stats DROP COLUMN status_to;
ALTER TABLE opd_stats DROP COLUMN status_from;
ALTER TABLE opd_stats DROP COLUMN expiring;
ALTER TABLE opd_stats DROP COLUMN certified;
ALTER TABLE opd_stats DROP COLUMN status_rank;
ALTER TABLE opd_stats DROP COLUMN status;
