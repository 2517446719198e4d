package store_test

import (
	"context"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

var tokenFormat = regexp.MustCompile(`^bmt_[A-Za-z0-9_-]{43}$`)

func mustAdmin(t *testing.T, db *store.DB, regionID int64, email string) domain.User {
	t.Helper()
	u, err := db.CreateUser(context.Background(), nil, domain.NewUser{RegionID: regionID, Email: email, Name: "Admin " + email, Role: domain.RoleAdmin, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestAPITokenCreateAndLookup(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := mustRegion(t, db)
		admin := mustAdmin(t, db, r.ID, "admin@x.id")
		clock := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
		expires := clock.Add(48 * time.Hour)
		tok, plain, err := db.CreateAPIToken(ctx, domain.NewAPIToken{RegionID: r.ID, Name: "  Sistem SIPD  ", ExpiresAt: &expires, CreatedBy: admin.ID, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		if !tokenFormat.MatchString(plain) {
			t.Fatalf("token %q does not have the form bmt_ + 43 base64url characters", plain)
		}
		if got, want := tok.Prefix, plain[:8]; got != want {
			t.Errorf("prefix = %q, want %q", got, want)
		}
		if tok.TokenHash != store.HashAPIToken(plain) || len(tok.TokenHash) != 64 || strings.Contains(tok.TokenHash, plain[4:]) {
			t.Errorf("stored hash %q is not the SHA-256 of the token", tok.TokenHash)
		}
		if tok.Name != "Sistem SIPD" || tok.CreatedBy != admin.ID || tok.ExpiresAt == nil || !tok.ExpiresAt.Equal(expires) {
			t.Errorf("created token = %+v", tok)
		}
		_, plain2, err := db.CreateAPIToken(ctx, domain.NewAPIToken{RegionID: r.ID, Name: "Dasbor pimpinan", CreatedBy: admin.ID})
		if err != nil || plain2 == plain {
			t.Fatalf("second token: %q, %v", plain2, err)
		}

		got, err := db.APITokenByHash(ctx, store.HashAPIToken(plain), clock)
		if err != nil || got.ID != tok.ID {
			t.Fatalf("lookup: %+v %v", got, err)
		}
		if _, err := db.APITokenByHash(ctx, store.HashAPIToken(plain+"x"), clock); !errors.Is(err, store.ErrAPITokenUnknown) {
			t.Errorf("unknown token: err = %v", err)
		}
		// The expiry instant itself is already too late.
		got, err = db.APITokenByHash(ctx, tok.TokenHash, expires)
		if !errors.Is(err, store.ErrAPITokenExpired) || got.ID != tok.ID || got.ExpiresAt == nil {
			t.Errorf("expired token: %+v %v", got, err)
		}
		if _, err := db.APITokenByHash(ctx, tok.TokenHash, expires.Add(-time.Second)); err != nil {
			t.Errorf("a second before expiry: %v", err)
		}

		audit, err := db.AuditFor(ctx, "api_token", itoa(tok.ID), 10)
		if err != nil || len(audit) != 1 || audit[0].Action != "api_token.create" || strings.Contains(audit[0].AfterJSON, plain) {
			t.Fatalf("audit of creation: %+v %v", audit, err)
		}
	})
}

func TestAPITokenInvalidInput(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := mustRegion(t, db)
		admin := mustAdmin(t, db, r.ID, "admin@x.id")
		past := time.Now().Add(-time.Hour)
		for name, in := range map[string]domain.NewAPIToken{
			"short name":   {RegionID: r.ID, Name: " ab ", CreatedBy: admin.ID},
			"long name":    {RegionID: r.ID, Name: strings.Repeat("n", store.APITokenNameMax+1), CreatedBy: admin.ID},
			"past expiry":  {RegionID: r.ID, Name: "Sistem", ExpiresAt: &past, CreatedBy: admin.ID},
			"expiry equal": {RegionID: r.ID, Name: "Sistem", ExpiresAt: &past, CreatedBy: admin.ID, Now: past},
		} {
			if _, _, err := db.CreateAPIToken(ctx, in); domain.ErrorCode(err) != domain.CodeInvalid {
				t.Errorf("%s: err = %v, want invalid", name, err)
			}
		}
		if _, n, _ := db.ListAPITokens(ctx, r.ID, 10, 0); n != 0 {
			t.Errorf("refused tokens were stored: %d", n)
		}
	})
}

func TestAPITokenRevoke(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := mustRegion(t, db)
		admin := mustAdmin(t, db, r.ID, "admin@x.id")
		other, err := db.EnsureRegion(ctx, "kota-lain", "Pemerintah Kota Lain", "LAIN")
		if err != nil {
			t.Fatal(err)
		}
		otherAdmin := mustAdmin(t, db, other.ID, "admin@lain.id")
		tok, plain, err := db.CreateAPIToken(ctx, domain.NewAPIToken{RegionID: r.ID, Name: "Sistem SIPD", CreatedBy: admin.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.RevokeAPIToken(ctx, otherAdmin.ID, other.ID, tok.ID); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("revoke from another region: err = %v, want not found", err)
		}
		revoked, err := db.RevokeAPIToken(ctx, admin.ID, r.ID, tok.ID)
		if err != nil || revoked.RevokedAt == nil {
			t.Fatalf("revoke: %+v %v", revoked, err)
		}
		_, err = db.RevokeAPIToken(ctx, admin.ID, r.ID, tok.ID)
		if domain.ErrorCode(err) != domain.CodeConflict || !strings.Contains(err.Error(), `“Sistem SIPD”`) ||
			!strings.Contains(err.Error(), "sudah dicabut pada") || !strings.Contains(err.Error(), "WIB") {
			t.Fatalf("second revoke: err = %v, want a conflict saying when", err)
		}
		// Revoked wins over every other state, even for a token that also expired.
		if _, err := db.APITokenByHash(ctx, store.HashAPIToken(plain), time.Now().AddDate(10, 0, 0)); !errors.Is(err, store.ErrAPITokenRevoked) {
			t.Errorf("lookup of a revoked token: err = %v", err)
		}
		audit, err := db.AuditFor(ctx, "api_token", itoa(tok.ID), 10)
		if err != nil || len(audit) != 2 || audit[0].Action != "api_token.revoke" || audit[0].ActorID == nil || *audit[0].ActorID != admin.ID {
			t.Fatalf("audit: %+v %v", audit, err)
		}
		if _, err := db.RevokeAPIToken(ctx, admin.ID, r.ID, 999999); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("revoke unknown id: %v", err)
		}
	})
}

func TestAPITokenConcurrentRevoke(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := mustRegion(t, db)
		admin := mustAdmin(t, db, r.ID, "admin@x.id")
		tok, _, err := db.CreateAPIToken(ctx, domain.NewAPIToken{RegionID: r.ID, Name: "Sistem SIPD", CreatedBy: admin.ID})
		if err != nil {
			t.Fatal(err)
		}
		const n = 4
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = db.RevokeAPIToken(ctx, admin.ID, r.ID, tok.ID)
			}()
		}
		wg.Wait()
		ok, conflicts := 0, 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case domain.ErrorCode(err) == domain.CodeConflict:
				conflicts++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}
		if ok != 1 || conflicts != n-1 {
			t.Fatalf("%d revocations succeeded and %d conflicted, want 1 and %d", ok, conflicts, n-1)
		}
		audit, _ := db.AuditFor(ctx, "api_token", itoa(tok.ID), 10)
		if len(audit) != 2 {
			t.Fatalf("audit has %d entries, want creation and one revocation", len(audit))
		}
	})
}

func TestAPITokenListAndTouch(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := mustRegion(t, db)
		admin := mustAdmin(t, db, r.ID, "admin@x.id")
		other, _ := db.EnsureRegion(ctx, "kota-lain", "Pemerintah Kota Lain", "LAIN")
		otherAdmin := mustAdmin(t, db, other.ID, "admin@lain.id")
		var ids []int64
		for _, name := range []string{"Pertama", "Kedua", "Ketiga"} {
			tok, _, err := db.CreateAPIToken(ctx, domain.NewAPIToken{RegionID: r.ID, Name: name, CreatedBy: admin.ID})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, tok.ID)
		}
		if _, _, err := db.CreateAPIToken(ctx, domain.NewAPIToken{RegionID: other.ID, Name: "Milik wilayah lain", CreatedBy: otherAdmin.ID}); err != nil {
			t.Fatal(err)
		}
		page1, total, err := db.ListAPITokens(ctx, r.ID, 2, 0)
		if err != nil || total != 3 || len(page1) != 2 {
			t.Fatalf("list: %d rows of %d, %v", len(page1), total, err)
		}
		if page1[0].Name != "Ketiga" || page1[1].Name != "Kedua" || page1[0].CreatorName != admin.Name {
			t.Errorf("list is not newest first with creator: %+v", page1)
		}
		page2, _, _ := db.ListAPITokens(ctx, r.ID, 2, 2)
		if len(page2) != 1 || page2[0].Name != "Pertama" {
			t.Errorf("second page: %+v", page2)
		}

		at := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
		steps := []struct {
			at    time.Time
			wrote bool
		}{{at, true}, {at.Add(30 * time.Second), false}, {at.Add(59 * time.Second), false}, {at.Add(time.Minute), true}, {at.Add(time.Minute + time.Second), false}}
		for i, s := range steps {
			wrote, err := db.TouchAPIToken(ctx, ids[0], s.at)
			if err != nil || wrote != s.wrote {
				t.Fatalf("touch %d at %s: wrote=%v err=%v, want %v", i, s.at.Format(time.TimeOnly), wrote, err, s.wrote)
			}
		}
		tok, err := db.APIToken(ctx, r.ID, ids[0])
		if err != nil || tok.LastUsedAt == nil || !tok.LastUsedAt.Equal(at.Add(time.Minute)) {
			t.Fatalf("last used: %+v %v", tok.LastUsedAt, err)
		}
		if tok.NeedsTouch(at.Add(90*time.Second)) || !tok.NeedsTouch(at.Add(2*time.Minute)) {
			t.Error("NeedsTouch does not follow the one-minute rule")
		}
		if _, err := db.APIToken(ctx, other.ID, ids[0]); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("token read from another region: %v", err)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
