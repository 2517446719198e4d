-- +goose Up
-- The interface language a user chose on the account page: 'id' or 'en';
-- '' follows the browser's Accept-Language.
ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT '' CHECK (lang IN ('', 'id', 'en'));

-- +goose Down
ALTER TABLE users DROP COLUMN lang;
