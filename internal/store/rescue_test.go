package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/store/storetest"
)

// TestRescuedTextBoundToBrowserRateAndSwept: rescued text goes back only to
// the browser and page that wrote it, once; one address leaves at most
// RescuesPerHour rows; expired rows are swept.
func TestRescuedTextBoundToBrowserRateAndSwept(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		const page = "/kursus/k/materi/latihan"
		r := store.Rescue{ID: "id-1", Path: page, Headline: "Judul", Body: "Isi", Browser: "peramban-a", Address: "10.0.0.1"}
		if ok, err := db.RescueText(ctx, r); !ok || err != nil {
			t.Fatalf("rescue: %v %v", ok, err)
		}
		if _, _, err := db.TakeRescuedText(ctx, "id-1", "peramban-b", page); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("another browser took the text: %v", err)
		}
		if _, _, err := db.TakeRescuedText(ctx, "id-1", "peramban-a", "/kursus/k/materi/lain"); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("another page took the text: %v", err)
		}
		if h, b, err := db.TakeRescuedText(ctx, "id-1", "peramban-a", page); err != nil || h != "Judul" || b != "Isi" {
			t.Fatalf("take: %q %q %v", h, b, err)
		}
		if _, _, err := db.TakeRescuedText(ctx, "id-1", "peramban-a", page); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("taken twice: %v", err)
		}
		for i := 0; i < store.RescuesPerHour; i++ {
			r.ID = fmt.Sprintf("batas-%d", i)
			if ok, err := db.RescueText(ctx, r); !ok || err != nil {
				t.Fatalf("rescue %d: %v %v", i, ok, err)
			}
		}
		r.ID = "satu-lagi"
		if ok, err := db.RescueText(ctx, r); ok || err != nil {
			t.Fatalf("rescue over the hourly limit: kept=%v %v", ok, err)
		}
		r.Address = "10.0.0.2"
		if ok, err := db.RescueText(ctx, r); !ok || err != nil {
			t.Fatalf("another address: %v %v", ok, err)
		}
		if err := db.AgeRescuedTexts(ctx, store.RescueLifetime+time.Minute); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.TakeRescuedText(ctx, "satu-lagi", "peramban-a", page); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("expired text given back: %v", err)
		}
		n, err := db.PruneRescuedTexts(ctx)
		if err != nil || n != store.RescuesPerHour+1 {
			t.Fatalf("pruned %d, %v; want %d", n, err, store.RescuesPerHour+1)
		}
		if left, err := db.RescuedTextCount(ctx); left != 0 || err != nil {
			t.Fatalf("%d rows left, %v", left, err)
		}
	})
}
