-- +goose Up
-- More of the region table's pages read in the order of an index with
-- LIMIT: by status worst last (status_rank DESC with ties by name and id:
-- 13 ms at national scale, an incremental sort of the 7,658 complying OPDs),
-- and filtered by kind in the default order (it scanned the rank index until
-- 50 of the kind turned up). The index on (region_id, kind) is the new
-- one's prefix.
DROP INDEX opd_stats_region_kind_idx;
CREATE INDEX opd_stats_rank_desc_idx ON opd_stats (region_id, status_rank DESC, name, opd_id);
CREATE INDEX opd_stats_kind_rank_idx ON opd_stats (region_id, kind, status_rank, name, opd_id);

-- +goose Down
DROP INDEX opd_stats_kind_rank_idx;
DROP INDEX opd_stats_rank_desc_idx;
CREATE INDEX opd_stats_region_kind_idx ON opd_stats (region_id, kind);
