-- +goose Up
-- Compliance counters (DESIGN.md §10), kept by triggers in the same
-- transaction as every change that moves them, whichever code makes it, so
-- the region dashboard reads narrow rows instead of joining accounts, users
-- and certificates over a whole region on every view.
--
-- admin_certs has one row per designated admin (an active trainee of an OPD
-- with is_designated_admin): cert_until is the latest valid_until among their
-- unrevoked certificates. "Holds a valid certificate at now" is then
-- cert_until > now, so expiry needs no job and is right at any moment.
CREATE TABLE admin_certs (
    user_id     BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    region_id   BIGINT NOT NULL REFERENCES regions (id),
    opd_id      BIGINT NOT NULL REFERENCES opds (id),
    cert_until  TIMESTAMPTZ
);
CREATE INDEX admin_certs_opd_idx ON admin_certs (opd_id, cert_until);
CREATE INDEX admin_certs_region_idx ON admin_certs (region_id, cert_until);

-- opd_stats has one row per OPD: its names and kind (copied, so the region
-- table sorts and filters without a join), its accounts, its designated
-- admins and the latest cert_until among them.
CREATE TABLE opd_stats (
    opd_id             BIGINT PRIMARY KEY REFERENCES opds (id) ON DELETE CASCADE,
    region_id          BIGINT NOT NULL REFERENCES regions (id),
    name               TEXT NOT NULL,
    short_name         TEXT NOT NULL DEFAULT '',
    kind               TEXT NOT NULL,
    accounts           INTEGER NOT NULL DEFAULT 0 CHECK (accounts >= 0),
    designated_admins  INTEGER NOT NULL DEFAULT 0 CHECK (designated_admins >= 0),
    cert_until         TIMESTAMPTZ,
    last_activity_at   TIMESTAMPTZ
);
CREATE INDEX opd_stats_region_kind_idx ON opd_stats (region_id, kind);
CREATE INDEX opd_stats_region_name_idx ON opd_stats (region_id, name);

-- certified_months keeps the dashboard chart's past months: how many
-- designated admins held a valid certificate at each month end. A month that
-- has ended does not change when certificates are issued or revoked later;
-- the triggers drop the months a backdated change or a new designation touches.
CREATE TABLE certified_months (
    region_id  BIGINT NOT NULL REFERENCES regions (id),
    month_end  TIMESTAMPTZ NOT NULL,
    admins     INTEGER NOT NULL CHECK (admins >= 0),
    PRIMARY KEY (region_id, month_end)
);

-- +goose StatementBegin
-- admin_cert_refresh rebuilds one user's admin_certs row. It locks the user
-- first (FOR NO KEY UPDATE does not wait for the key-share locks that foreign
-- key checks take), so two certificates issued to one person at once cannot
-- both write a stale value: the statements after the lock see the other.
CREATE FUNCTION admin_cert_refresh(p_user BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM users WHERE id = p_user FOR NO KEY UPDATE;
    DELETE FROM admin_certs WHERE user_id = p_user;
    INSERT INTO admin_certs (user_id, region_id, opd_id, cert_until)
    SELECT u.id, u.region_id, u.opd_id,
           (SELECT MAX(c.valid_until) FROM certificates c WHERE c.user_id = u.id AND c.revoked_at IS NULL)
    FROM users u
    WHERE u.id = p_user AND u.opd_id IS NOT NULL AND u.role = 'peserta' AND u.is_designated_admin AND u.active;
END $$;
-- +goose StatementEnd

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
        designated_admins = (SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = p_opd),
        cert_until = (SELECT MAX(ac.cert_until) FROM admin_certs ac WHERE ac.opd_id = p_opd)
    WHERE opd_id = p_opd;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION opd_stats_on_opd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO opd_stats (opd_id, region_id, name, short_name, kind) VALUES (NEW.id, NEW.region_id, NEW.name, NEW.short_name, NEW.kind);
    ELSE
        UPDATE opd_stats SET region_id = NEW.region_id, name = NEW.name, short_name = NEW.short_name, kind = NEW.kind WHERE opd_id = NEW.id;
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
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.opd_id IS DISTINCT FROM OLD.opd_id) THEN
        PERFORM opd_stats_refresh(NEW.opd_id);
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION opd_stats_on_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM admin_certs WHERE user_id = OLD.id;
        PERFORM opd_stats_refresh(OLD.opd_id);
        RETURN NULL;
    END IF;
    PERFORM admin_cert_refresh(NEW.id);
    IF TG_OP = 'INSERT' OR NEW.opd_id IS NOT DISTINCT FROM OLD.opd_id THEN
        PERFORM opd_stats_refresh(NEW.opd_id);
    ELSE
        -- Moved between OPDs: lock both in id order, so two people moving
        -- opposite ways at once cannot wait on each other.
        PERFORM opd_stats_refresh(LEAST(OLD.opd_id, NEW.opd_id));
        PERFORM opd_stats_refresh(GREATEST(OLD.opd_id, NEW.opd_id));
    END IF;
    IF TG_OP = 'UPDATE' THEN
        -- Who counts as an admin changed: the chart's past months are recounted.
        DELETE FROM certified_months WHERE region_id IN (OLD.region_id, NEW.region_id);
    END IF;
    IF TG_OP = 'INSERT' AND NEW.is_designated_admin THEN
        DELETE FROM certified_months WHERE region_id = NEW.region_id;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION opd_stats_on_certificate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM admin_cert_refresh(OLD.user_id);
        PERFORM opd_stats_refresh((SELECT opd_id FROM users WHERE id = OLD.user_id));
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.user_id <> OLD.user_id) THEN
        PERFORM admin_cert_refresh(NEW.user_id);
        PERFORM opd_stats_refresh((SELECT opd_id FROM users WHERE id = NEW.user_id));
    END IF;
    -- The chart's cached months from the first moment this change touches on
    -- are dropped: nothing, for a certificate issued or revoked now.
    IF TG_OP = 'UPDATE' AND NEW.user_id = OLD.user_id AND NEW.region_id = OLD.region_id
       AND NEW.issued_at = OLD.issued_at AND NEW.valid_until = OLD.valid_until THEN
        DELETE FROM certified_months WHERE region_id = NEW.region_id
            AND month_end >= LEAST(COALESCE(OLD.revoked_at, 'infinity'), COALESCE(NEW.revoked_at, 'infinity'));
    ELSE
        IF TG_OP <> 'INSERT' THEN
            DELETE FROM certified_months WHERE region_id = OLD.region_id AND month_end >= OLD.issued_at;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            DELETE FROM certified_months WHERE region_id = NEW.region_id AND month_end >= NEW.issued_at;
        END IF;
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

CREATE TRIGGER opd_stats_opd AFTER INSERT OR UPDATE OF region_id, name, short_name, kind ON opds
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_opd();
CREATE TRIGGER opd_stats_account AFTER INSERT OR DELETE OR UPDATE OF opd_id, removed_at ON social_accounts
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_account();
CREATE TRIGGER opd_stats_user AFTER INSERT OR DELETE OR UPDATE OF region_id, opd_id, role, is_designated_admin, active ON users
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_user();
CREATE TRIGGER opd_stats_certificate AFTER INSERT OR DELETE OR UPDATE OF user_id, region_id, issued_at, valid_until, revoked_at ON certificates
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_certificate();
CREATE TRIGGER opd_stats_version AFTER INSERT ON submission_versions
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_activity();
CREATE TRIGGER opd_stats_quiz AFTER INSERT ON quiz_attempts
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_activity();
CREATE TRIGGER opd_stats_progress AFTER INSERT OR UPDATE OF updated_at ON progress
    FOR EACH ROW EXECUTE FUNCTION opd_stats_on_activity();

-- Rows for what exists already, counted from scratch.
INSERT INTO admin_certs (user_id, region_id, opd_id, cert_until)
SELECT u.id, u.region_id, u.opd_id, (SELECT MAX(c.valid_until) FROM certificates c WHERE c.user_id = u.id AND c.revoked_at IS NULL)
FROM users u WHERE u.opd_id IS NOT NULL AND u.role = 'peserta' AND u.is_designated_admin AND u.active;
INSERT INTO opd_stats (opd_id, region_id, name, short_name, kind) SELECT id, region_id, name, short_name, kind FROM opds;
UPDATE opd_stats SET
    accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
    designated_admins = (SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id),
    cert_until = (SELECT MAX(ac.cert_until) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id),
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
DROP FUNCTION admin_cert_refresh(BIGINT);
DROP TABLE certified_months;
DROP TABLE opd_stats;
DROP TABLE admin_certs;
