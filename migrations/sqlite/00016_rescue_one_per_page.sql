-- +goose Up
-- A browser keeps at most one rescued text per practice page: a later rescue
-- (the next autosave tick, the beacon when the tab is hidden, "Kirim rilis")
-- replaces the earlier one. Of duplicates written before, the newest stays.
DELETE FROM rescued_texts WHERE EXISTS (
    SELECT 1 FROM rescued_texts n
    WHERE n.browser = rescued_texts.browser AND n.path = rescued_texts.path
      AND (n.created_at > rescued_texts.created_at OR (n.created_at = rescued_texts.created_at AND n.id > rescued_texts.id)));
CREATE UNIQUE INDEX rescued_texts_browser_path_idx ON rescued_texts (browser, path);

-- +goose Down
DROP INDEX rescued_texts_browser_path_idx;
