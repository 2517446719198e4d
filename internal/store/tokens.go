package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

// APITokenPrefix starts every API token, so a leaked one is easy to recognise
// (and to find with secret scanners).
const APITokenPrefix = "bmt_"

// Limits of an API token's name, and how much of it the list shows.
const (
	APITokenNameMin = 3
	APITokenNameMax = 100
	// apiTokenPrefixLen is how much of the token the list shows.
	apiTokenPrefixLen = 8
)

// Errors of APITokenByHash. The token is returned along with ErrAPITokenRevoked
// and ErrAPITokenExpired so the caller can say since when.
var (
	ErrAPITokenUnknown = domain.Errorf(domain.CodeNotFound, "token tidak dikenal")
	ErrAPITokenRevoked = domain.Errorf(domain.CodeForbidden, "token sudah dicabut")
	ErrAPITokenExpired = domain.Errorf(domain.CodeForbidden, "token kedaluwarsa")
)

// HashAPIToken is the stored form of a token: SHA-256 in hex. A token carries
// 256 random bits, so a fast unsalted hash is enough; a slow one would only
// make every API call slow.
func HashAPIToken(plain string) string {
	sum := sha256.Sum256([]byte(plain))
	return hex.EncodeToString(sum[:])
}

// CreateAPIToken stores a new token and returns it with its plaintext, which
// exists only in this return value: show it once. The creation is audit-logged.
// A name outside APITokenNameMin–APITokenNameMax characters or an expiry not
// in the future is CodeInvalid.
func (db *DB) CreateAPIToken(ctx context.Context, in domain.NewAPIToken) (domain.APIToken, string, error) {
	var tok domain.APIToken
	name := strings.TrimSpace(in.Name)
	if n := utf8.RuneCountInString(name); n < APITokenNameMin || n > APITokenNameMax {
		return tok, "", domain.Errort(domain.CodeInvalid, "nama token harus {{.Min}}–{{.Max}} karakter; sekarang {{.N}}", map[string]any{"Min": APITokenNameMin, "Max": APITokenNameMax, "N": n})
	}
	t := now()
	clock := in.Now
	if clock.IsZero() {
		clock = t
	}
	var expires *time.Time
	if in.ExpiresAt != nil {
		if !in.ExpiresAt.After(clock) {
			return tok, "", domain.Errorf(domain.CodeInvalid, "tanggal kedaluwarsa token harus di masa depan")
		}
		e := in.ExpiresAt.UTC().Truncate(time.Microsecond)
		expires = &e
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return tok, "", fmt.Errorf("membuat token acak: %w", err)
	}
	plain := APITokenPrefix + base64.RawURLEncoding.EncodeToString(secret)
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &tok, db.q(`INSERT INTO api_tokens (region_id, name, token_hash, prefix, created_by, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`), in.RegionID, name, HashAPIToken(plain), plain[:apiTokenPrefixLen], in.CreatedBy, t, expires)
		if err != nil {
			return fmt.Errorf("menyimpan token API: %w", err)
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &in.CreatedBy, Action: "api_token.create", ObjectType: "api_token",
			ObjectID: fmt.Sprint(tok.ID), After: map[string]any{"name": tok.Name, "prefix": tok.Prefix, "expires_at": tok.ExpiresAt}})
	})
	if err != nil {
		return domain.APIToken{}, "", err
	}
	return tok, plain, nil
}

// APITokenByHash finds the token with this hash and checks it at time at:
// ErrAPITokenUnknown when there is none, ErrAPITokenRevoked (checked first: a
// revocation is deliberate) or ErrAPITokenExpired with the token itself.
func (db *DB) APITokenByHash(ctx context.Context, hash string, at time.Time) (domain.APIToken, error) {
	var tok domain.APIToken
	err := db.getHot(ctx, &tok, `SELECT t.*, COALESCE(u.lang, '') AS owner_lang FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by WHERE t.token_hash = ?`, hash)
	if errors.Is(notFound(err), errNotFound) {
		return tok, ErrAPITokenUnknown
	}
	if err != nil {
		return tok, fmt.Errorf("membaca token API: %w", err)
	}
	switch {
	case tok.RevokedAt != nil:
		return tok, ErrAPITokenRevoked
	case tok.Expired(at):
		return tok, ErrAPITokenExpired
	}
	return tok, nil
}

// APIToken returns one token of a region; a token of another region is ErrNotFound.
func (db *DB) APIToken(ctx context.Context, regionID, id int64) (domain.APIToken, error) {
	var tok domain.APIToken
	err := db.r.GetContext(ctx, &tok, db.q(`SELECT * FROM api_tokens WHERE id = ? AND region_id = ?`), id, regionID)
	return tok, notFound(err)
}

// RevokeAPIToken revokes a token of the region, audit-logged with the actor.
// A token of another region is ErrNotFound; one already revoked is
// CodeConflict naming when it was revoked, and nothing changes.
func (db *DB) RevokeAPIToken(ctx context.Context, actorID, regionID, id int64) (domain.APIToken, error) {
	var tok domain.APIToken
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := tx.GetContext(ctx, &tok, db.q(`SELECT * FROM api_tokens WHERE id = ? AND region_id = ?`), id, regionID); err != nil {
			return notFound(err)
		}
		if tok.RevokedAt != nil {
			return tokenAlreadyRevoked(tok)
		}
		t := now()
		// The revoked_at guard makes a concurrent second revocation a no-op we can detect.
		res, err := tx.ExecContext(ctx, db.q(`UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`), t, id)
		if err != nil {
			return fmt.Errorf("mencabut token API: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if err := tx.GetContext(ctx, &tok, db.q(`SELECT * FROM api_tokens WHERE id = ?`), id); err != nil {
				return notFound(err)
			}
			return tokenAlreadyRevoked(tok)
		}
		tok.RevokedAt = &t
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &actorID, Action: "api_token.revoke", ObjectType: "api_token",
			ObjectID: fmt.Sprint(tok.ID), Before: map[string]any{"revoked_at": nil}, After: map[string]any{"revoked_at": t, "name": tok.Name, "prefix": tok.Prefix}})
	})
	return tok, err
}

// tokenWIB is the zone revocation times are written in for people to read.
var tokenWIB = time.FixedZone("WIB", 7*3600)

func tokenAlreadyRevoked(tok domain.APIToken) error {
	at := tok.RevokedAt.In(tokenWIB)
	return domain.Errort(domain.CodeConflict, "token “{{.Name}}” ({{.Prefix}}…) sudah dicabut pada {{.When}}; tidak ada yang diubah",
		map[string]any{"Name": tok.Name, "Prefix": tok.Prefix, "When": i18n.Moment(at)})
}

// ListAPITokens lists a region's tokens, newest first, one page at a time, with the total.
func (db *DB) ListAPITokens(ctx context.Context, regionID int64, limit, offset int) ([]domain.APITokenRow, int, error) {
	var total int
	if err := db.r.GetContext(ctx, &total, db.q(`SELECT COUNT(*) FROM api_tokens WHERE region_id = ?`), regionID); err != nil {
		return nil, 0, fmt.Errorf("menghitung token API: %w", err)
	}
	var out []domain.APITokenRow
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT t.*, u.name AS creator_name FROM api_tokens t JOIN users u ON u.id = t.created_by
		WHERE t.region_id = ? ORDER BY t.created_at DESC, t.id DESC LIMIT ? OFFSET ?`), regionID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("membaca token API: %w", err)
	}
	return out, total, nil
}

// TouchAPIToken records that the token was used at t, at most once a minute:
// the condition in the UPDATE keeps concurrent processes from writing more.
// It reports whether a row was written.
func (db *DB) TouchAPIToken(ctx context.Context, id int64, at time.Time) (bool, error) {
	at = at.UTC().Truncate(time.Microsecond)
	res, err := db.w.ExecContext(ctx, db.q(`UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)`),
		at, id, at.Add(-domain.APITokenTouchEvery))
	if err != nil {
		return false, fmt.Errorf("mencatat pemakaian token API: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}
