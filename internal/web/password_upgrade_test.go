package web

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/crypto/argon2"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// todaysHash is the prefix of a hash made with today's argon2id parameters.
const todaysHash = "$argon2id$v=19$m=19456,t=2,p=1$"

// An account imported with a first password (fast hash) can log in, but every
// page sends it to set a password of its own; that one is stored with
// argon2id and the account is free.
func TestFirstLoginForcesThePasswordChange(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		first := auth.GeneratePassword()
		hash, err := auth.HashFirstPassword(first)
		if err != nil {
			t.Fatal(err)
		}
		opd := f.opd.ID
		u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: f.users[domain.RoleAdmin].RegionID, OPDID: &opd,
			Email: "impor@sukamaju.test", Name: "Peserta Impor", Role: domain.RolePeserta, PasswordHash: hash})
		if err != nil {
			t.Fatal(err)
		}
		c := f.client()
		p := c.login(u.Email, first)
		if p.status != http.StatusSeeOther || p.header.Get("Location") != firstPasswordPage {
			t.Fatalf("first login: %d to %q, want 303 to %q", p.status, p.header.Get("Location"), firstPasswordPage)
		}
		for _, path := range []string{"/beranda", "/jadwal", "/kursus/apa-saja", "/sertifikat"} {
			if p := c.get(path); p.status != http.StatusSeeOther || p.header.Get("Location") != firstPasswordPage {
				t.Errorf("GET %s before the change: %d to %q", path, p.status, p.header.Get("Location"))
			}
		}
		if p := c.apiCall(http.MethodPost, "/api/v1/grade", apiGoodRequest, CSRFHeader, c.csrf()); p.status != http.StatusForbidden || !strings.Contains(p.body, "kata sandi awal") {
			t.Errorf("the API through the session before the change: %d %s", p.status, p.body)
		}
		acct := c.get("/akun")
		if acct.status != http.StatusOK || !strings.Contains(acct.body, "kata sandi awal") {
			t.Fatalf("account page: %d, notice missing", acct.status)
		}
		if p := c.post("/akun/kata-sandi", url.Values{"current": {first}, "new": {"sandi-milik-sendiri"}, "confirm": {"sandi-milik-sendiri"}}); p.status != http.StatusSeeOther {
			t.Fatalf("change: %d %s", p.status, p.text(".field-error"))
		}
		after, err := db.UserByEmail(ctx, u.Email)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(after.PasswordHash, todaysHash) {
			t.Fatalf("hash after the change %q is not argon2id with today's parameters", after.PasswordHash)
		}
		if p := c.get("/beranda"); p.status != http.StatusOK {
			t.Fatalf("Beranda after the change: %d", p.status)
		}
		if p := c.apiCall(http.MethodPost, "/api/v1/grade", apiGoodRequest, CSRFHeader, c.csrf()); p.status != http.StatusOK {
			t.Errorf("the API after the change: %d %s", p.status, p.body)
		}
		if p := f.client().login(u.Email, first); p.status != http.StatusUnauthorized {
			t.Fatalf("the first password after the change: %d, want 401", p.status)
		}
	})
}

// A hash made with the earlier parameters (32 MiB, 2 lanes) logs in, is
// replaced by one with today's on that login, and the session stays.
func TestLoginRehashesOldParameters(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		salt := []byte("garam-enam-belas")
		b64 := base64.RawStdEncoding
		old := "$argon2id$v=19$m=32768,t=2,p=2$" + b64.EncodeToString(salt) + "$" +
			b64.EncodeToString(argon2.IDKey([]byte(testPassword), salt, 2, 32*1024, 2, 32))
		trainee := f.users[domain.RolePeserta]
		if err := db.ReplacePasswordHash(ctx, trainee.ID, trainee.PasswordHash, old); err != nil {
			t.Fatal(err)
		}
		c := f.client()
		if p := c.login(trainee.Email, testPassword); p.status != http.StatusSeeOther || p.header.Get("Location") != "/beranda" {
			t.Fatalf("login with the old hash: %d to %q", p.status, p.header.Get("Location"))
		}
		u, err := db.UserByEmail(ctx, trainee.Email)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(u.PasswordHash, todaysHash) {
			t.Fatalf("hash after the login %q, want today's parameters", u.PasswordHash)
		}
		if p := c.get("/beranda"); p.status != http.StatusOK {
			t.Fatalf("Beranda after the rehash: %d", p.status)
		}
		if p := f.client().login(trainee.Email, testPassword); p.status != http.StatusSeeOther {
			t.Fatalf("login with the new hash: %d", p.status)
		}
	})
}
