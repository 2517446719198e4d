-- +goose Up
-- Tokens that agency systems send as "Authorization: Bearer …". Only the
-- SHA-256 of the secret is kept, so a copy of the database cannot be used to
-- call the API; the prefix lets an admin recognise a token in the list.
CREATE TABLE api_tokens (
    id            BIGSERIAL PRIMARY KEY,
    region_id     BIGINT NOT NULL REFERENCES regions (id),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    token_hash    TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    prefix        TEXT NOT NULL CHECK (length(prefix) = 8),
    created_by    BIGINT NOT NULL REFERENCES users (id),
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ
);
CREATE INDEX api_tokens_region_idx ON api_tokens (region_id, created_at);

-- +goose Down
DROP TABLE api_tokens;
