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
    user_id     INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    region_id   INTEGER NOT NULL REFERENCES regions (id),
    opd_id      INTEGER NOT NULL REFERENCES opds (id),
    cert_until  TIMESTAMP
);
CREATE INDEX admin_certs_opd_idx ON admin_certs (opd_id, cert_until);
CREATE INDEX admin_certs_region_idx ON admin_certs (region_id, cert_until);

-- opd_stats has one row per OPD: its names and kind (copied, so the region
-- table sorts and filters without a join), its accounts, its designated
-- admins and the latest cert_until among them.
CREATE TABLE opd_stats (
    opd_id             INTEGER PRIMARY KEY REFERENCES opds (id) ON DELETE CASCADE,
    region_id          INTEGER NOT NULL REFERENCES regions (id),
    name               TEXT NOT NULL,
    short_name         TEXT NOT NULL DEFAULT '',
    kind               TEXT NOT NULL,
    accounts           INTEGER NOT NULL DEFAULT 0 CHECK (accounts >= 0),
    designated_admins  INTEGER NOT NULL DEFAULT 0 CHECK (designated_admins >= 0),
    cert_until         TIMESTAMP,
    last_activity_at   TIMESTAMP
);
CREATE INDEX opd_stats_region_kind_idx ON opd_stats (region_id, kind);
CREATE INDEX opd_stats_region_name_idx ON opd_stats (region_id, name);

-- certified_months keeps the dashboard chart's past months: how many
-- designated admins held a valid certificate at each month end. A month that
-- has ended does not change when certificates are issued or revoked later;
-- the triggers drop the months a backdated change or a new designation touches.
-- SQLite has one writer, so recounting inside the triggers cannot race.
CREATE TABLE certified_months (
    region_id  INTEGER NOT NULL REFERENCES regions (id),
    month_end  TIMESTAMP NOT NULL,
    admins     INTEGER NOT NULL CHECK (admins >= 0),
    PRIMARY KEY (region_id, month_end)
);

-- +goose StatementBegin
CREATE TRIGGER opd_stats_opd_insert AFTER INSERT ON opds
BEGIN
    INSERT INTO opd_stats (opd_id, region_id, name, short_name, kind) VALUES (NEW.id, NEW.region_id, NEW.name, NEW.short_name, NEW.kind);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_opd_update AFTER UPDATE OF region_id, name, short_name, kind ON opds
BEGIN
    UPDATE opd_stats SET region_id = NEW.region_id, name = NEW.name, short_name = NEW.short_name, kind = NEW.kind WHERE opd_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_account_insert AFTER INSERT ON social_accounts
BEGIN
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id),
        cert_until = (SELECT MAX(ac.cert_until) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id)
    WHERE opd_id IN (NEW.opd_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_account_update AFTER UPDATE OF opd_id, removed_at ON social_accounts
BEGIN
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id),
        cert_until = (SELECT MAX(ac.cert_until) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id)
    WHERE opd_id IN (OLD.opd_id, NEW.opd_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_account_delete AFTER DELETE ON social_accounts
BEGIN
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id),
        cert_until = (SELECT MAX(ac.cert_until) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id)
    WHERE opd_id IN (OLD.opd_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_user_insert AFTER INSERT ON users
BEGIN
    DELETE FROM admin_certs WHERE user_id = NEW.id;
    INSERT INTO admin_certs (user_id, region_id, opd_id, cert_until)
    SELECT u.id, u.region_id, u.opd_id,
           (SELECT MAX(c.valid_until) FROM certificates c WHERE c.user_id = u.id AND c.revoked_at IS NULL)
    FROM users u
    WHERE u.id = NEW.id AND u.opd_id IS NOT NULL AND u.role = 'peserta' AND u.is_designated_admin AND u.active;
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id),
        cert_until = (SELECT MAX(ac.cert_until) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id)
    WHERE opd_id IN (NEW.opd_id);
    DELETE FROM certified_months WHERE region_id = NEW.region_id AND NEW.is_designated_admin;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_user_update AFTER UPDATE OF region_id, opd_id, role, is_designated_admin, active ON users
BEGIN
    DELETE FROM admin_certs WHERE user_id = NEW.id;
    INSERT INTO admin_certs (user_id, region_id, opd_id, cert_until)
    SELECT u.id, u.region_id, u.opd_id,
           (SELECT MAX(c.valid_until) FROM certificates c WHERE c.user_id = u.id AND c.revoked_at IS NULL)
    FROM users u
    WHERE u.id = NEW.id AND u.opd_id IS NOT NULL AND u.role = 'peserta' AND u.is_designated_admin AND u.active;
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id),
        cert_until = (SELECT MAX(ac.cert_until) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id)
    WHERE opd_id IN (OLD.opd_id, NEW.opd_id);
    -- Who counts as an admin changed: the chart's past months are recounted.
    DELETE FROM certified_months WHERE region_id IN (OLD.region_id, NEW.region_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_user_delete AFTER DELETE ON users
BEGIN
    DELETE FROM admin_certs WHERE user_id = OLD.id;
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id),
        cert_until = (SELECT MAX(ac.cert_until) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id)
    WHERE opd_id IN (OLD.opd_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_certificate_insert AFTER INSERT ON certificates
BEGIN
    UPDATE admin_certs SET cert_until = (SELECT MAX(c.valid_until) FROM certificates c WHERE c.user_id = admin_certs.user_id AND c.revoked_at IS NULL)
    WHERE user_id = NEW.user_id;
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id),
        cert_until = (SELECT MAX(ac.cert_until) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id)
    WHERE opd_id IN (SELECT opd_id FROM users WHERE id = NEW.user_id);
    DELETE FROM certified_months WHERE region_id = NEW.region_id AND month_end >= NEW.issued_at;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_certificate_update AFTER UPDATE OF user_id, region_id, issued_at, valid_until, revoked_at ON certificates
BEGIN
    UPDATE admin_certs SET cert_until = (SELECT MAX(c.valid_until) FROM certificates c WHERE c.user_id = admin_certs.user_id AND c.revoked_at IS NULL)
    WHERE user_id = OLD.user_id;
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id),
        cert_until = (SELECT MAX(ac.cert_until) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id)
    WHERE opd_id IN (SELECT opd_id FROM users WHERE id = OLD.user_id);
    UPDATE admin_certs SET cert_until = (SELECT MAX(c.valid_until) FROM certificates c WHERE c.user_id = admin_certs.user_id AND c.revoked_at IS NULL)
    WHERE user_id = NEW.user_id;
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id),
        cert_until = (SELECT MAX(ac.cert_until) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id)
    WHERE opd_id IN (SELECT opd_id FROM users WHERE id = NEW.user_id);
    -- The chart's cached months from the first moment this change touches on
    -- are dropped: nothing, for a certificate revoked now.
    DELETE FROM certified_months WHERE
        CASE WHEN NEW.user_id = OLD.user_id AND NEW.region_id = OLD.region_id AND NEW.issued_at = OLD.issued_at AND NEW.valid_until = OLD.valid_until
             THEN region_id = NEW.region_id AND month_end >= MIN(COALESCE(OLD.revoked_at, '9999'), COALESCE(NEW.revoked_at, '9999'))
             ELSE (region_id = OLD.region_id AND month_end >= OLD.issued_at) OR (region_id = NEW.region_id AND month_end >= NEW.issued_at)
        END;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_certificate_delete AFTER DELETE ON certificates
BEGIN
    UPDATE admin_certs SET cert_until = (SELECT MAX(c.valid_until) FROM certificates c WHERE c.user_id = admin_certs.user_id AND c.revoked_at IS NULL)
    WHERE user_id = OLD.user_id;
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id),
        cert_until = (SELECT MAX(ac.cert_until) FROM admin_certs ac WHERE ac.opd_id = opd_stats.opd_id)
    WHERE opd_id IN (SELECT opd_id FROM users WHERE id = OLD.user_id);
    DELETE FROM certified_months WHERE region_id = OLD.region_id AND month_end >= OLD.issued_at;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_version_insert AFTER INSERT ON submission_versions
BEGIN
    UPDATE opd_stats SET last_activity_at = NEW.created_at
    WHERE opd_id = (SELECT u.opd_id FROM submissions s JOIN users u ON u.id = s.user_id WHERE s.id = NEW.submission_id) AND (last_activity_at IS NULL OR last_activity_at < NEW.created_at);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_quiz_insert AFTER INSERT ON quiz_attempts
BEGIN
    UPDATE opd_stats SET last_activity_at = NEW.created_at
    WHERE opd_id = (SELECT u.opd_id FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.id = NEW.enrollment_id) AND (last_activity_at IS NULL OR last_activity_at < NEW.created_at);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_progress_insert AFTER INSERT ON progress
BEGIN
    UPDATE opd_stats SET last_activity_at = NEW.updated_at
    WHERE opd_id = (SELECT u.opd_id FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.id = NEW.enrollment_id) AND (last_activity_at IS NULL OR last_activity_at < NEW.updated_at);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_progress_update AFTER UPDATE OF updated_at ON progress
BEGIN
    UPDATE opd_stats SET last_activity_at = NEW.updated_at
    WHERE opd_id = (SELECT u.opd_id FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.id = NEW.enrollment_id) AND (last_activity_at IS NULL OR last_activity_at < NEW.updated_at);
END;
-- +goose StatementEnd

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
DROP TRIGGER opd_stats_progress_update;
DROP TRIGGER opd_stats_progress_insert;
DROP TRIGGER opd_stats_quiz_insert;
DROP TRIGGER opd_stats_version_insert;
DROP TRIGGER opd_stats_certificate_delete;
DROP TRIGGER opd_stats_certificate_update;
DROP TRIGGER opd_stats_certificate_insert;
DROP TRIGGER opd_stats_user_delete;
DROP TRIGGER opd_stats_user_update;
DROP TRIGGER opd_stats_user_insert;
DROP TRIGGER opd_stats_account_delete;
DROP TRIGGER opd_stats_account_update;
DROP TRIGGER opd_stats_account_insert;
DROP TRIGGER opd_stats_opd_update;
DROP TRIGGER opd_stats_opd_insert;
DROP TABLE certified_months;
DROP TABLE opd_stats;
DROP TABLE admin_certs;
