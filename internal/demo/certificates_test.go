package demo

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/coursesync"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

func TestSeedCertificates(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		cat, _, err := coursesync.Load("")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := coursesync.Sync(ctx, db, cat); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		_, certs, err := Seed(ctx, db, cat, now)
		if err != nil {
			t.Fatal(err)
		}
		want := []certify.Status{certify.Valid, certify.Expired, certify.Revoked}
		if len(certs) != len(want) {
			t.Fatalf("%d demo certificates, want one per status: %+v", len(certs), certs)
		}
		for i, c := range certs {
			v, err := db.CertificateByCode(ctx, c.Code)
			if err != nil {
				t.Fatalf("demo certificate %s: %v", c.Code, err)
			}
			if c.Status != want[i] || v.StatusAt(now) != want[i] || v.Number != c.Number {
				t.Errorf("certificate %d: %s (%s), want %s", i, c.Status, v.StatusAt(now), want[i])
			}
			if _, err := certify.ParseCode(c.Code); err != nil {
				t.Errorf("code %s: %v", c.Code, err)
			}
		}
		trainee, err := db.UserByEmail(ctx, "peserta@"+mailDomain)
		if err != nil {
			t.Fatal(err)
		}
		if own, _ := db.CertificatesOfUser(ctx, trainee.ID); len(own) != 0 {
			t.Fatalf("the demo trainee is mid-course and must hold no certificate, has %d", len(own))
		}
		total := func() int {
			n, err := db.CountCertificates(ctx, domain.CertificateFilter{RegionID: trainee.RegionID, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := total(); n != pilotHolders+regularHolders {
			t.Fatalf("%d certificates seeded, want %d", n, pilotHolders+regularHolders)
		}
		soon, err := db.CountCertificates(ctx, domain.CertificateFilter{RegionID: trainee.RegionID, Now: now.Add(certify.ReminderWindow), Status: certify.Expired})
		if err != nil {
			t.Fatal(err)
		}
		if soon != pilotHolders {
			t.Errorf("want the last pilot certificate to run out within 60 days: %d of %d expired by then", soon, pilotHolders)
		}
		// Seeding again adds nothing and names the same certificates.
		_, again, err := Seed(ctx, db, cat, now)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(again) != fmt.Sprint(certs) || total() != pilotHolders+regularHolders {
			t.Fatalf("second seed: %+v then %+v, %d certificates", certs, again, total())
		}
	})
}

func TestSeedWithoutCourseContentHasNoCertificates(t *testing.T) {
	db := testkit.SQLite(t)
	_, certs, err := Seed(context.Background(), db, nil, time.Now())
	if err != nil || len(certs) != 0 {
		t.Fatalf("without courses: %v %+v", err, certs)
	}
}
