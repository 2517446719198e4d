package store_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

func TestRegionSignerSaveAndRead(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := mustRegion(t, db)
		admin := mustAdmin(t, db, r.ID, "admin@x.id")
		s, err := db.RegionSigner(ctx, r.ID, true)
		if err != nil || s.Version != 0 || s.Name != "" || s.Emblem != nil {
			t.Fatalf("nothing set yet: %+v %v", s, err)
		}
		png := []byte("\x89PNG pretend image bytes")
		s, err = db.SaveRegionSigner(ctx, domain.SignerInput{ActorID: admin.ID, RegionID: r.ID, Name: "  Drs. Bambang Sutrisno, M.Si. ",
			NIP: "19700817 199503 1 002", Title: "Kepala Dinas Kominfo", Emblem: png, EmblemType: "PNG"})
		if err != nil {
			t.Fatal(err)
		}
		if s.Version != 1 || s.Name != "Drs. Bambang Sutrisno, M.Si." || s.NIP != "197008171995031002" || s.EmblemBytes != len(png) ||
			s.EmblemType != "PNG" || s.UpdatedByName != admin.Name || s.Emblem != nil {
			t.Errorf("after the first save: %+v", s)
		}
		full, err := db.RegionSigner(ctx, r.ID, true)
		if err != nil || !bytes.Equal(full.Emblem, png) {
			t.Fatalf("emblem read back: %q %v", full.Emblem, err)
		}
		// A save without a new file keeps the emblem; removing it clears it.
		if s, err = db.SaveRegionSigner(ctx, domain.SignerInput{ActorID: admin.ID, RegionID: r.ID, Version: 1, Name: "Sri Wahyuni",
			Title: "Bupati Sukamaju"}); err != nil || s.Version != 2 || s.NIP != "" || s.EmblemBytes != len(png) {
			t.Fatalf("second save: %+v %v", s, err)
		}
		if s, err = db.SaveRegionSigner(ctx, domain.SignerInput{ActorID: admin.ID, RegionID: r.ID, Version: 2, Name: "Sri Wahyuni",
			Title: "Bupati Sukamaju", RemoveEmblem: true}); err != nil || s.EmblemBytes != 0 || s.EmblemType != "" {
			t.Fatalf("emblem removed: %+v %v", s, err)
		}
		// A form shown before the last save changes nothing.
		_, err = db.SaveRegionSigner(ctx, domain.SignerInput{ActorID: admin.ID, RegionID: r.ID, Version: 2, Name: "Orang Lain", Title: "Sekda"})
		if domain.ErrorCode(err) != domain.CodeConflict || !strings.Contains(err.Error(), "baru saja diubah oleh admin lain") {
			t.Fatalf("stale save: %v", err)
		}
		if s, _ = db.RegionSigner(ctx, r.ID, false); s.Name != "Sri Wahyuni" || s.Version != 3 {
			t.Errorf("after the stale save: %+v", s)
		}
		entries, err := db.AuditFor(ctx, "region", fmt.Sprint(r.ID), 10)
		if err != nil || len(entries) != 3 {
			t.Fatalf("audit: %d entries, %v", len(entries), err)
		}
		if e := entries[2]; e.Action != "region.signer" || *e.ActorID != admin.ID || !strings.Contains(e.AfterJSON, "197008171995031002") ||
			!strings.Contains(e.AfterJSON, fmt.Sprintf(`"%d byte, sha256 `, len(png))) || !strings.Contains(e.BeforeJSON, `"name":""`) {
			t.Errorf("first audit entry: %+v", e)
		}
		// Clearing every field removes the official.
		if s, err = db.SaveRegionSigner(ctx, domain.SignerInput{ActorID: admin.ID, RegionID: r.ID, Version: 3}); err != nil || s.Name != "" {
			t.Fatalf("official removed: %+v %v", s, err)
		}
	})
}

func TestRegionSignerRefusesBadInput(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := mustRegion(t, db)
		admin := mustAdmin(t, db, r.ID, "admin@x.id")
		for name, c := range map[string]struct {
			in    domain.SignerInput
			field string
			want  string
		}{
			"no name":      {domain.SignerInput{NIP: "197008171995031002", Title: "Kepala Dinas"}, "nama", "Nama pejabat wajib diisi"},
			"no title":     {domain.SignerInput{Name: "Bambang"}, "jabatan", "Jabatan wajib diisi"},
			"short NIP":    {domain.SignerInput{Name: "Bambang", NIP: "19700817199503100", Title: "Kepala"}, "nip", "NIP terdiri atas 18 angka; yang tertulis 17 angka."},
			"long name":    {domain.SignerInput{Name: strings.Repeat("a", 201), Title: "Kepala"}, "nama", "paling banyak 200 karakter; saat ini 201"},
			"emblem type":  {domain.SignerInput{Name: "B", Title: "K", Emblem: []byte("GIF89a"), EmblemType: "GIF"}, "lambang", "PNG atau JPEG"},
			"emblem large": {domain.SignerInput{Name: "B", Title: "K", Emblem: make([]byte, store.EmblemMaxBytes+1), EmblemType: "PNG"}, "lambang", "512 KB"},
		} {
			c.in.ActorID, c.in.RegionID = admin.ID, r.ID
			_, err := db.SaveRegionSigner(ctx, c.in)
			de, ok := err.(*domain.Error)
			if !ok || de.Code != domain.CodeInvalid || len(de.Fields) == 0 || de.Fields[0].Field != c.field || !strings.Contains(de.Fields[0].Message, c.want) {
				t.Errorf("%s: %#v, want %s: %q", name, err, c.field, c.want)
			}
		}
		if s, _ := db.RegionSigner(ctx, r.ID, false); s.Version != 0 {
			t.Errorf("a refused save stored %+v", s)
		}
	})
}

// TestRegionSignerConcurrentSaves: admins saving the same form at once —
// first saves and later saves alike — store exactly one of them per round,
// with one audit entry each; the others get the conflict, never an error.
func TestRegionSignerConcurrentSaves(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r := mustRegion(t, db)
		admin := mustAdmin(t, db, r.ID, "admin@x.id")
		const rounds, writers = 6, 8
		for round := range rounds {
			var wg sync.WaitGroup
			results := make([]error, writers)
			for w := range writers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, results[w] = db.SaveRegionSigner(ctx, domain.SignerInput{ActorID: admin.ID, RegionID: r.ID, Version: int64(round),
						Name: fmt.Sprintf("Pejabat %d-%d", round, w), NIP: "19700817 199503 1 002", Title: "Kepala Dinas",
						Emblem: []byte(fmt.Sprintf("img %d %d", round, w)), EmblemType: "JPG"})
				}()
			}
			wg.Wait()
			saved := -1
			for w, err := range results {
				switch {
				case err == nil && saved >= 0:
					t.Fatalf("round %d: writers %d and %d both saved over version %d", round, saved, w, round)
				case err == nil:
					saved = w
				case domain.ErrorCode(err) != domain.CodeConflict:
					t.Fatalf("round %d, writer %d: %v", round, w, err)
				}
			}
			if saved < 0 {
				t.Fatalf("round %d: nobody saved", round)
			}
			s, err := db.RegionSigner(ctx, r.ID, true)
			if err != nil || s.Version != int64(round+1) || s.Name != fmt.Sprintf("Pejabat %d-%d", round, saved) ||
				string(s.Emblem) != fmt.Sprintf("img %d %d", round, saved) {
				t.Fatalf("round %d: stored %q v%d emblem %q, want writer %d's (%v)", round, s.Name, s.Version, s.Emblem, saved, err)
			}
		}
		entries, err := db.AuditFor(ctx, "region", fmt.Sprint(r.ID), 100)
		if err != nil || len(entries) != rounds {
			t.Errorf("%d audit entries for %d saves (%v)", len(entries), rounds, err)
		}
	})
}

// A certificate keeps the signing official and emblem of the day it was
// issued; migration 00020 gives the certificates issued before it the
// setting current at the migration. Both engines.
func TestCertificatesKeepTheirSigner(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newComplianceWorld(t, db)
		o := w.opd(t, "Dinas Kesehatan", "dinas")
		signerOf := func(cert int64) domain.RegionSigner {
			t.Helper()
			v, err := db.CertificateByID(ctx, cert)
			if err != nil {
				t.Fatal(err)
			}
			s, err := db.CertificateSigner(ctx, v.SignerID, true)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		issue := func() int64 { return w.certificate(t, w.trainee(t, o, true), w.now, w.now.AddDate(1, 0, 0), nil) }

		before := issue() // no official set yet
		png := []byte("\x89PNG lambang lama")
		if _, err := db.SaveRegionSigner(ctx, domain.SignerInput{ActorID: w.admin.ID, RegionID: w.region.ID, Name: "Drs. Bambang Sutrisno, M.Si.",
			NIP: "197008171995031002", Title: "Kepala Dinas Kominfo", Emblem: png, EmblemType: "PNG"}); err != nil {
			t.Fatal(err)
		}
		if s := signerOf(before); s.Name != "" || s.Emblem != nil {
			t.Errorf("a certificate issued before any setting took the later one: %+v", s)
		}
		underBambang := issue()

		// The migration, replayed: every certificate then gets the setting current at that moment.
		if err := db.MigrateToForTest(ctx, 19); err != nil {
			t.Fatalf("down to 00019: %v", err)
		}
		if err := db.MigrateToForTest(ctx, 20); err != nil {
			t.Fatalf("up to 00020: %v", err)
		}
		for _, id := range []int64{before, underBambang} {
			if s := signerOf(id); s.Name != "Drs. Bambang Sutrisno, M.Si." || s.NIP != "197008171995031002" || !bytes.Equal(s.Emblem, png) {
				t.Errorf("certificate %d after the migration: %+v", id, s)
			}
		}

		if _, err := db.SaveRegionSigner(ctx, domain.SignerInput{ActorID: w.admin.ID, RegionID: w.region.ID, Version: 1, Name: "Sri Wahyuni, S.H.",
			Title: "Bupati Sukamaju", RemoveEmblem: true}); err != nil {
			t.Fatal(err)
		}
		underSri := issue()
		if s := signerOf(underBambang); s.Name != "Drs. Bambang Sutrisno, M.Si." || s.Title != "Kepala Dinas Kominfo" || !bytes.Equal(s.Emblem, png) || s.EmblemType != "PNG" {
			t.Errorf("the old certificate follows today's official: %+v", s)
		}
		if s := signerOf(underSri); s.Name != "Sri Wahyuni, S.H." || s.NIP != "" || s.Title != "Bupati Sukamaju" || s.Emblem != nil || s.EmblemBytes != 0 {
			t.Errorf("the new certificate: %+v", s)
		}
		if cur, _ := db.RegionSigner(ctx, w.region.ID, false); cur.Name != "Sri Wahyuni, S.H." || cur.Version != 2 {
			t.Errorf("the region's setting: %+v", cur)
		}
	})
}
