-- +goose Up
-- The chart's cached months (certified_months) count designated admins
-- holding a certificate at each month end. A change to a user moves them
-- only when someone with certificates becomes or stops being a designated
-- admin, or moves region as one; a new user holds none yet. Before, every
-- edit of a user (a name, the same role again) and every new designated
-- admin dropped the region's months, and the next dashboard view recounted
-- twelve months over all its certificates.
DROP TRIGGER opd_stats_user_insert;
DROP TRIGGER opd_stats_user_update;
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
    DELETE FROM certified_months WHERE region_id IN (OLD.region_id, NEW.region_id)
        AND ((OLD.opd_id IS NOT NULL AND OLD.role = 'peserta' AND OLD.is_designated_admin AND OLD.active)
             OR (NEW.opd_id IS NOT NULL AND NEW.role = 'peserta' AND NEW.is_designated_admin AND NEW.active))
        AND ((OLD.opd_id IS NOT NULL AND OLD.role = 'peserta' AND OLD.is_designated_admin AND OLD.active)
             IS NOT (NEW.opd_id IS NOT NULL AND NEW.role = 'peserta' AND NEW.is_designated_admin AND NEW.active)
             OR OLD.region_id <> NEW.region_id)
        AND EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = NEW.id);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER opd_stats_user_insert;
DROP TRIGGER opd_stats_user_update;
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
    DELETE FROM certified_months WHERE region_id IN (OLD.region_id, NEW.region_id);
END;
-- +goose StatementEnd
