-- +goose Up
-- Compliance counters per OPD (DESIGN.md §10), so the region dashboard reads
-- one narrow row per OPD instead of joining accounts, users and certificates
-- over the whole region on every view. Triggers keep them in the same
-- transaction as every change that moves them, whichever code makes it.
-- cert_until is the latest valid_until among the unrevoked certificates of
-- the OPD's designated admins: "has a valid certificate" is cert_until > now,
-- so expiry needs no job and is right at any moment.
CREATE TABLE opd_stats (
    opd_id             BIGINT PRIMARY KEY REFERENCES opds (id) ON DELETE CASCADE,
    region_id          BIGINT NOT NULL REFERENCES regions (id),
    kind               TEXT NOT NULL,
    accounts           INTEGER NOT NULL DEFAULT 0 CHECK (accounts >= 0),
    designated_admins  INTEGER NOT NULL DEFAULT 0 CHECK (designated_admins >= 0),
    cert_until         TIMESTAMPTZ,
    last_activity_at   TIMESTAMPTZ
);
CREATE INDEX opd_stats_region_kind_idx ON opd_stats (region_id, kind);

-- The designated admins of an OPD, and the region's certificates by expiry
-- (the dashboard's "expiring within 60 days" and monthly chart).
CREATE INDEX users_designated_idx ON users (opd_id) WHERE is_designated_admin;
CREATE INDEX certificates_region_valid_idx ON certificates (region_id, valid_until);

-- +goose StatementBegin
-- opd_stats_refresh recounts one OPD. It locks the row first: under READ
-- COMMITTED the recount that follows then sees every transaction that changed
-- the same OPD before us, so two concurrent changes cannot both count stale.
CREATE FUNCTION opd_stats_refresh(p_opd BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF p_opd IS NULL THEN
        RETURN;
    END IF;
    PERFORM 1 FROM opd_stats WHERE opd_id = p_opd FOR UPDATE;
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = p_opd AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM users u
            WHERE u.opd_id = p_opd AND u.role = 'peserta' AND u.is_designated_admin AND u.active),
        cert_until = (SELECT MAX(c.valid_until) FROM users u JOIN certificates c ON c.user_id = u.id
            WHERE u.opd_id = p_opd AND u.role = 'peserta' AND u.is_designated_admin AND u.active AND c.revoked_at IS NULL)
    WHERE opd_id = p_opd;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION opd_stats_on_opd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO opd_stats (opd_id, region_id, kind) VALUES (NEW.id, NEW.region_id, NEW.kind);
    ELSE
        UPDATE opd_stats SET region_id = NEW.region_id, kind = NEW.kind WHERE opd_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION opd_stats_on_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM opd_stats_refresh(OLD.opd_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.opd_id IS DISTINCT FROM OLD.opd_id) THEN
        PERFORM opd_stats_refresh(NEW.opd_id);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION opd_stats_on_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM opd_stats_refresh(OLD.opd_id);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.opd_id IS DISTINCT FROM OLD.opd_id) THEN
        PERFORM opd_stats_refresh(NEW.opd_id);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION opd_stats_on_certificate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM opd_stats_refresh((SELECT opd_id FROM users WHERE id = OLD.user_id));
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.user_id <> OLD.user_id) THEN
        PERFORM opd_stats_refresh((SELECT opd_id FROM users WHERE id = NEW.user_id));
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
-- opd_stats_on_activity moves an OPD's last activity forward when one of its
-- users finishes an item, sends a quiz or sends a release version.
CREATE FUNCTION opd_stats_on_activity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_opd BIGINT;
    v_at  TIMESTAMPTZ;
BEGIN
    IF TG_TABLE_NAME = 'submission_versions' THEN
        SELECT u.opd_id INTO v_opd FROM submissions s JOIN users u ON u.id = s.user_id WHERE s.id = NEW.submission_id;
        v_at := NEW.created_at;
    ELSIF TG_TABLE_NAME = 'quiz_attempts' THEN
        SELECT u.opd_id INTO v_opd FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.id = NEW.enrollment_id;
        v_at := NEW.created_at;
    ELSE
        SELECT u.opd_id INTO v_opd FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.id = NEW.enrollment_id;
        v_at := NEW.updated_at;
    END IF;
    IF v_opd IS NOT NULL THEN
        UPDATE opd_stats SET last_activity_at = v_at
        WHERE opd_id = v_opd AND (last_activity_at IS NULL OR last_activity_at < v_at);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE TRIGGER opd_stats_opd AFTER INSERT OR UPDATE OF region_id, kind ON opds
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_opd();
CREATE TRIGGER opd_stats_account AFTER INSERT OR DELETE OR UPDATE OF opd_id, removed_at ON social_accounts
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_account();
CREATE TRIGGER opd_stats_user AFTER INSERT OR DELETE OR UPDATE OF opd_id, role, is_designated_admin, active ON users
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_user();
CREATE TRIGGER opd_stats_certificate AFTER INSERT OR DELETE OR UPDATE OF user_id, valid_until, revoked_at ON certificates
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_certificate();
CREATE TRIGGER opd_stats_version AFTER INSERT ON submission_versions
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_activity();
CREATE TRIGGER opd_stats_quiz AFTER INSERT ON quiz_attempts
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_activity();
CREATE TRIGGER opd_stats_progress AFTER INSERT OR UPDATE OF updated_at ON progress
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_activity();

-- Rows for the OPDs that exist already, counted from scratch.
INSERT INTO opd_stats (opd_id, region_id, kind) SELECT id, region_id, kind FROM opds;
UPDATE opd_stats SET
    accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
    designated_admins = (SELECT COUNT(*) FROM users u
        WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active),
    cert_until = (SELECT MAX(c.valid_until) FROM users u JOIN certificates c ON c.user_id = u.id
        WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active AND c.revoked_at IS NULL),
    last_activity_at = (SELECT MAX(t) FROM (
        SELECT MAX(p.updated_at) AS t FROM progress p JOIN enrollments e ON e.id = p.enrollment_id JOIN users u ON u.id = e.user_id WHERE u.opd_id = opd_stats.opd_id
        UNION ALL
        SELECT MAX(q.created_at) FROM quiz_attempts q JOIN enrollments e ON e.id = q.enrollment_id JOIN users u ON u.id = e.user_id WHERE u.opd_id = opd_stats.opd_id
        UNION ALL
        SELECT MAX(v.created_at) FROM submission_versions v JOIN submissions s ON s.id = v.submission_id JOIN users u ON u.id = s.user_id WHERE u.opd_id = opd_stats.opd_id
    ) AS activity);

-- +goose Down
DROP TRIGGER opd_stats_progress ON progress;
DROP TRIGGER opd_stats_quiz ON quiz_attempts;
DROP TRIGGER opd_stats_version ON submission_versions;
DROP TRIGGER opd_stats_certificate ON certificates;
DROP TRIGGER opd_stats_user ON users;
DROP TRIGGER opd_stats_account ON social_accounts;
DROP TRIGGER opd_stats_opd ON opds;
DROP FUNCTION opd_stats_on_activity();
DROP FUNCTION opd_stats_on_certificate();
DROP FUNCTION opd_stats_on_user();
DROP FUNCTION opd_stats_on_account();
DROP FUNCTION opd_stats_on_opd();
DROP FUNCTION opd_stats_refresh(BIGINT);
DROP INDEX certificates_region_valid_idx;
DROP INDEX users_designated_idx;
DROP TABLE opd_stats;
