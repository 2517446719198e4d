package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestUniqueViolationsByDriverCode: a unique or primary-key violation is
// recognised by the driver's code, not its wording, and one that no store
// method turns into its own message reaches the caller as domain.ErrConflict.
func TestUniqueViolationsByDriverCode(t *testing.T) {
	t.Parallel()
	for _, msg := range []string{"UNIQUE constraint failed: users.email", `pq: duplicate key value violates unique constraint "users_email_key"`} {
		if store.IsUniqueViolation(errors.New(msg)) {
			t.Errorf("the text %q alone counts as a unique violation", msg)
		}
	}
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		at := time.Now().UTC()
		row := domain.Session{ID: "sesi-sama", Data: "{}", CreatedAt: at, LastSeenAt: at, ExpiresAt: at.Add(time.Hour)}
		if err := db.CreateSession(ctx, row); err != nil {
			t.Fatal(err)
		}
		err := db.CreateSession(ctx, row)
		if !store.IsUniqueViolation(err) || !errors.Is(err, domain.ErrConflict) || domain.ErrorCode(err) != domain.CodeConflict {
			t.Fatalf("a second row with the same primary key: %v, want domain.ErrConflict wrapping the driver's unique violation", err)
		}
		r := mustRegion(t, db)
		_, err = db.CreateUser(ctx, nil, domain.NewUser{RegionID: r.ID, Email: "panjang@x.id", Name: strings.Repeat("n", 300), Role: domain.RolePeserta, PasswordHash: "x"})
		if err == nil || store.IsUniqueViolation(err) {
			t.Fatalf("a CHECK violation (name over 200 characters): %v, want an error that is not a unique violation", err)
		}
		if _, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: r.ID, Email: "sama@x.id", Name: "Pertama", Role: domain.RolePeserta, PasswordHash: "x"}); err != nil {
			t.Fatal(err)
		}
		_, err = db.CreateUser(ctx, nil, domain.NewUser{RegionID: r.ID, Email: "SAMA@x.id", Name: "Kedua", Role: domain.RolePeserta, PasswordHash: "x"})
		if domain.ErrorCode(err) != domain.CodeConflict || !strings.Contains(err.Error(), "sudah terdaftar") {
			t.Fatalf("the same email twice: %v, want the conflict naming the email", err)
		}
	})
}
