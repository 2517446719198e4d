package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestCreateUsersRefusesBadTextAndIsAllOrNothing: a name or email outside the
// text rules is CodeInvalid (not a database error), and one bad account in a
// batch stores none of the batch, on both engines.
func TestCreateUsersRefusesBadTextAndIsAllOrNothing(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		region, err := db.EnsureRegion(ctx, "kabupaten-uji", "Pemerintah Kabupaten Uji", "UJI")
		if err != nil {
			t.Fatal(err)
		}
		user := func(email, name string) domain.NewUser {
			return domain.NewUser{RegionID: region.ID, Email: email, Name: name, Role: domain.RolePeserta, PasswordHash: "!uji"}
		}
		for _, bad := range []domain.NewUser{
			user("a@uji.test", strings.Repeat("n", 201)),
			user("b@uji.test", "Nama\x00NUL"),
			user("c@uji.test", "Nama \xff"),
			user(strings.Repeat("e", 5000)+"@uji.test", "Panjang"),
		} {
			if _, err := db.CreateUser(ctx, nil, bad); domain.ErrorCode(err) != domain.CodeInvalid {
				t.Errorf("CreateUser(%q, %q): %v; want CodeInvalid", clip(bad.Email), clip(bad.Name), err)
			}
		}
		if u, err := db.CreateUser(ctx, nil, user("emoji@uji.test", "  Ani 🚀  ")); err != nil || u.Name != "Ani 🚀" {
			t.Fatalf("emoji name: %q %v", u.Name, err)
		}
		batch := []domain.NewUser{user("satu@uji.test", "Satu"), user("dua@uji.test", "Dua"), user("tiga@uji.test", strings.Repeat("n", 201))}
		if _, err := db.CreateUsers(ctx, nil, batch); domain.ErrorCode(err) != domain.CodeInvalid {
			t.Fatalf("batch with a bad row: %v", err)
		}
		for _, nu := range batch[:2] {
			if _, err := db.UserByEmail(ctx, nu.Email); err == nil {
				t.Fatalf("%s stored although the batch failed", nu.Email)
			}
		}
		us, err := db.CreateUsers(ctx, nil, batch[:2])
		if err != nil || len(us) != 2 {
			t.Fatalf("good batch: %d, %v", len(us), err)
		}
	})
}

func clip(s string) string {
	if len(s) > 30 {
		return s[:30] + "…"
	}
	return s
}
