-- +goose Up
-- Compliance counters per OPD (DESIGN.md §10), so the region dashboard reads
-- one narrow row per OPD instead of joining accounts, users and certificates
-- over the whole region on every view. Triggers keep them in the same
-- transaction as every change that moves them, whichever code makes it.
-- cert_until is the latest valid_until among the unrevoked certificates of
-- the OPD's designated admins: "has a valid certificate" is cert_until > now,
-- so expiry needs no job and is right at any moment. SQLite has one writer,
-- so recounting inside the trigger cannot race.
CREATE TABLE opd_stats (
    opd_id             INTEGER PRIMARY KEY REFERENCES opds (id) ON DELETE CASCADE,
    region_id          INTEGER NOT NULL REFERENCES regions (id),
    kind               TEXT NOT NULL,
    accounts           INTEGER NOT NULL DEFAULT 0 CHECK (accounts >= 0),
    designated_admins  INTEGER NOT NULL DEFAULT 0 CHECK (designated_admins >= 0),
    cert_until         TIMESTAMP,
    last_activity_at   TIMESTAMP
);
CREATE INDEX opd_stats_region_kind_idx ON opd_stats (region_id, kind);

-- The designated admins of an OPD, and the region's certificates by expiry
-- (the dashboard's "expiring within 60 days" and monthly chart).
CREATE INDEX users_designated_idx ON users (opd_id) WHERE is_designated_admin;
CREATE INDEX certificates_region_valid_idx ON certificates (region_id, valid_until);

-- +goose StatementBegin
CREATE TRIGGER opd_stats_opd_insert AFTER INSERT ON opds
BEGIN
    INSERT INTO opd_stats (opd_id, region_id, kind) VALUES (NEW.id, NEW.region_id, NEW.kind);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_opd_update AFTER UPDATE OF region_id, kind ON opds
BEGIN
    UPDATE opd_stats SET region_id = NEW.region_id, kind = NEW.kind WHERE opd_id = NEW.id;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_account_insert AFTER INSERT ON social_accounts
BEGIN
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM users u
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active),
        cert_until = (SELECT MAX(c.valid_until) FROM users u JOIN certificates c ON c.user_id = u.id
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active AND c.revoked_at IS NULL)
    WHERE opd_id IN (NEW.opd_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_account_update AFTER UPDATE OF opd_id, removed_at ON social_accounts
BEGIN
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM users u
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active),
        cert_until = (SELECT MAX(c.valid_until) FROM users u JOIN certificates c ON c.user_id = u.id
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active AND c.revoked_at IS NULL)
    WHERE opd_id IN (OLD.opd_id, NEW.opd_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_account_delete AFTER DELETE ON social_accounts
BEGIN
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM users u
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active),
        cert_until = (SELECT MAX(c.valid_until) FROM users u JOIN certificates c ON c.user_id = u.id
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active AND c.revoked_at IS NULL)
    WHERE opd_id IN (OLD.opd_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_user_insert AFTER INSERT ON users
    WHEN NEW.opd_id IS NOT NULL
BEGIN
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM users u
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active),
        cert_until = (SELECT MAX(c.valid_until) FROM users u JOIN certificates c ON c.user_id = u.id
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active AND c.revoked_at IS NULL)
    WHERE opd_id IN (NEW.opd_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_user_update AFTER UPDATE OF opd_id, role, is_designated_admin, active ON users
BEGIN
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM users u
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active),
        cert_until = (SELECT MAX(c.valid_until) FROM users u JOIN certificates c ON c.user_id = u.id
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active AND c.revoked_at IS NULL)
    WHERE opd_id IN (OLD.opd_id, NEW.opd_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_user_delete AFTER DELETE ON users
    WHEN OLD.opd_id IS NOT NULL
BEGIN
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM users u
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active),
        cert_until = (SELECT MAX(c.valid_until) FROM users u JOIN certificates c ON c.user_id = u.id
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active AND c.revoked_at IS NULL)
    WHERE opd_id IN (OLD.opd_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_certificate_insert AFTER INSERT ON certificates
BEGIN
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM users u
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active),
        cert_until = (SELECT MAX(c.valid_until) FROM users u JOIN certificates c ON c.user_id = u.id
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active AND c.revoked_at IS NULL)
    WHERE opd_id IN (SELECT opd_id FROM users WHERE id = NEW.user_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_certificate_update AFTER UPDATE OF user_id, valid_until, revoked_at ON certificates
BEGIN
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM users u
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active),
        cert_until = (SELECT MAX(c.valid_until) FROM users u JOIN certificates c ON c.user_id = u.id
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active AND c.revoked_at IS NULL)
    WHERE opd_id IN (SELECT opd_id FROM users WHERE id IN (OLD.user_id, NEW.user_id));
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER opd_stats_certificate_delete AFTER DELETE ON certificates
BEGIN
    UPDATE opd_stats SET
        accounts = (SELECT COUNT(*) FROM social_accounts a WHERE a.opd_id = opd_stats.opd_id AND a.removed_at IS NULL),
        designated_admins = (SELECT COUNT(*) FROM users u
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active),
        cert_until = (SELECT MAX(c.valid_until) FROM users u JOIN certificates c ON c.user_id = u.id
            WHERE u.opd_id = opd_stats.opd_id AND u.role = 'peserta' AND u.is_designated_admin AND u.active AND c.revoked_at IS NULL)
    WHERE opd_id IN (SELECT opd_id FROM users WHERE id = OLD.user_id);
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
DROP INDEX certificates_region_valid_idx;
DROP INDEX users_designated_idx;
DROP TABLE opd_stats;
