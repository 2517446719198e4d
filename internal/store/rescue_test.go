package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestRescuedTextBoundToBrowserRateAndSwept: rescued text goes back only to
// the browser and page that wrote it, once, as the draft; a browser keeps one
// row per page; one address leaves at most RescuesPerHour rows; a draft saved
// after the rescue wins; expired rows are swept.
func TestRescuedTextBoundToBrowserRateAndSwept(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupRace(t, db)
		sub, err := db.EnsureSubmission(ctx, s.enrollment, s.trainee.ID, raceCourse, practiceID(0))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveDraft(ctx, sub.ID, "Judul lama", "Isi lama"); err != nil {
			t.Fatal(err)
		}
		if err := db.AgeDraftSaved(ctx, sub.ID, time.Minute); err != nil {
			t.Fatal(err)
		}
		const page = "/kursus/k/materi/latihan"
		take := func(browser, path string) domain.RescueTaken {
			t.Helper()
			got, err := db.TakeRescueIntoDraft(ctx, browser, path, sub.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		r := domain.Rescue{ID: "id-1", Path: page, Headline: "Judul", Body: "Isi pertama", Browser: "peramban-a", Address: "10.0.0.1"}
		if id, ok, err := db.RescueText(ctx, r); !ok || err != nil || id != "id-1" {
			t.Fatalf("rescue: %q %v %v", id, ok, err)
		}
		r.ID, r.Body = "id-2", "Isi kedua"
		if id, ok, err := db.RescueText(ctx, r); !ok || err != nil || id != "id-1" {
			t.Fatalf("second rescue of the page: %q %v %v; want it to replace id-1", id, ok, err)
		}
		if n, err := db.RescuedTextCount(ctx); n != 1 || err != nil {
			t.Fatalf("%d rows after two rescues of one page by one browser, %v", n, err)
		}
		if got := take("peramban-b", page); got.Outcome != domain.RescueNone {
			t.Fatalf("another browser took the text: %+v", got)
		}
		if got := take("peramban-a", "/kursus/k/materi/lain"); got.Outcome != domain.RescueNone {
			t.Fatalf("another page took the text: %+v", got)
		}
		got := take("peramban-a", page)
		if got.Outcome != domain.RescueDrafted || got.Body != "Isi kedua" || got.BeforeBody != "Isi lama" {
			t.Fatalf("take: %+v", got)
		}
		if d, err := db.Submission(ctx, sub.ID); err != nil || d.DraftHeadline != "Judul" || d.DraftBody != "Isi kedua" {
			t.Fatalf("draft after take: %q %q %v", d.DraftHeadline, d.DraftBody, err)
		}
		if got := take("peramban-a", page); got.Outcome != domain.RescueNone {
			t.Fatalf("taken twice: %+v", got)
		}

		// A draft saved after the rescue is newer: it stays, the rescue goes.
		r.Body = "Isi tertinggal"
		if _, ok, err := db.RescueText(ctx, r); !ok || err != nil {
			t.Fatal(ok, err)
		}
		if err := db.AgeRescuedTexts(ctx, time.Minute); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveDraft(ctx, sub.ID, "Judul", "Isi terbaru"); err != nil {
			t.Fatal(err)
		}
		if got := take("peramban-a", page); got.Outcome != domain.RescueOlder {
			t.Fatalf("rescue older than the draft: %+v", got)
		}
		if d, _ := db.Submission(ctx, sub.ID); d.DraftBody != "Isi terbaru" {
			t.Fatalf("an older rescue replaced the draft: %q", d.DraftBody)
		}

		for i := range store.RescuesPerHour {
			r.ID, r.Browser = fmt.Sprintf("batas-%d", i), fmt.Sprintf("peramban-%d", i)
			if _, ok, err := db.RescueText(ctx, r); !ok || err != nil {
				t.Fatalf("rescue %d: %v %v", i, ok, err)
			}
		}
		r.ID, r.Browser = "satu-lagi", "peramban-lain"
		if _, ok, err := db.RescueText(ctx, r); ok || err != nil {
			t.Fatalf("rescue over the hourly limit: kept=%v %v", ok, err)
		}
		r.ID, r.Browser = "ganti", "peramban-0"
		if _, ok, err := db.RescueText(ctx, r); !ok || err != nil {
			t.Fatalf("a browser replacing its own row over the limit: kept=%v %v", ok, err)
		}
		r.ID, r.Browser, r.Address = "satu-lagi", "peramban-lain", "10.0.0.2"
		if _, ok, err := db.RescueText(ctx, r); !ok || err != nil {
			t.Fatalf("another address: %v %v", ok, err)
		}
		if err := db.AgeRescuedTexts(ctx, store.RescueLifetime+time.Minute); err != nil {
			t.Fatal(err)
		}
		if has, err := db.HasRescuedText(ctx, "peramban-lain", page); has || err != nil {
			t.Fatalf("expired text still offered: %v %v", has, err)
		}
		if got := take("peramban-lain", page); got.Outcome != domain.RescueNone {
			t.Fatalf("expired text given back: %+v", got)
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
