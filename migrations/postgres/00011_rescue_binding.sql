-- +goose Up
-- Rescued text belongs to the browser that wrote it: browser holds the
-- SHA-256 of a random cookie of that browser, and the text is given back only
-- to a request carrying the cookie. address bounds how many rows one client
-- may leave behind. Rows written before have no browser and are dropped.
DELETE FROM rescued_texts;
ALTER TABLE rescued_texts ADD COLUMN browser TEXT NOT NULL DEFAULT '';
ALTER TABLE rescued_texts ADD COLUMN address TEXT NOT NULL DEFAULT '';
CREATE INDEX rescued_texts_address_idx ON rescued_texts (address, created_at);
CREATE INDEX rescued_texts_created_idx ON rescued_texts (created_at);

-- +goose Down
DROP INDEX rescued_texts_created_idx;
DROP INDEX rescued_texts_address_idx;
ALTER TABLE rescued_texts DROP COLUMN address;
ALTER TABLE rescued_texts DROP COLUMN browser;
