-- +goose Up
-- The region table filtered by kind and status and sorted by certified
-- admins, either way (ties by name and id, as every sort), reads its page in
-- the order of an index with LIMIT instead of sorting every matching OPD
-- (1,538 at national scale: 2.5 ms → 0.12 ms). They replace the index on
-- (region_id, kind, status), their prefix.
DROP INDEX opd_stats_kind_status_idx;
CREATE INDEX opd_stats_certified_idx ON opd_stats (region_id, kind, status, certified, name, opd_id);
CREATE INDEX opd_stats_certified_desc_idx ON opd_stats (region_id, kind, status, certified DESC, name, opd_id);

-- +goose Down
DROP INDEX opd_stats_certified_desc_idx;
DROP INDEX opd_stats_certified_idx;
CREATE INDEX opd_stats_kind_status_idx ON opd_stats (region_id, kind, status);
