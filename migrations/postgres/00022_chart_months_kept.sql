-- +goose Up
-- The chart's cached months (certified_months) count designated admins
-- holding a certificate at each month end. A change to a user moves them
-- only when someone with certificates becomes or stops being a designated
-- admin, or moves region as one; a new user holds none yet. Before, every
-- edit of a user (a name, the same role again) and every new designated
-- admin dropped the region's months, and the next dashboard view recounted
-- twelve months over all its certificates (0.45 s at national scale).

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION opd_stats_on_user() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was_admin BOOLEAN;
    is_admin  BOOLEAN;
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
        was_admin := OLD.opd_id IS NOT NULL AND OLD.role = 'peserta' AND OLD.is_designated_admin AND OLD.active;
        is_admin := NEW.opd_id IS NOT NULL AND NEW.role = 'peserta' AND NEW.is_designated_admin AND NEW.active;
        IF (was_admin OR is_admin) AND (was_admin <> is_admin OR OLD.region_id <> NEW.region_id)
           AND EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = NEW.id) THEN
            -- Who counts as an admin changed: the chart's past months are recounted.
            DELETE FROM certified_months WHERE region_id IN (OLD.region_id, NEW.region_id);
        END IF;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION opd_stats_on_user() RETURNS trigger LANGUAGE plpgsql AS $$
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
        PERFORM opd_stats_refresh(LEAST(OLD.opd_id, NEW.opd_id));
        PERFORM opd_stats_refresh(GREATEST(OLD.opd_id, NEW.opd_id));
    END IF;
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM certified_months WHERE region_id IN (OLD.region_id, NEW.region_id);
    END IF;
    IF TG_OP = 'INSERT' AND NEW.is_designated_admin THEN
        DELETE FROM certified_months WHERE region_id = NEW.region_id;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd
