package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// cohortWorld is a small region with people, one synced course and one cohort.
type cohortWorld struct {
	region, far   domain.Region
	opd, opd2     domain.OPD
	fac, fac2     domain.User
	alice, bob    domain.User // peserta of opd
	carol         domain.User // peserta of opd2
	farPeserta    domain.User // peserta of another region, same OPD name
	admin         domain.User
	cohort, other domain.Cohort
}

func cwUser(t *testing.T, db *store.DB, regionID int64, opd *int64, email, name string, role domain.Role) domain.User {
	t.Helper()
	u, err := db.CreateUser(context.Background(), nil, domain.NewUser{RegionID: regionID, OPDID: opd, Email: email, Name: name, Role: role, PasswordHash: "x"})
	if err != nil {
		t.Fatalf("create %s: %v", email, err)
	}
	return u
}

func newCohortWorld(t *testing.T, db *store.DB, items ...string) cohortWorld {
	t.Helper()
	ctx := context.Background()
	var w cohortWorld
	var err error
	w.region = mustRegion(t, db)
	if w.far, err = db.EnsureRegion(ctx, "kota-jauh", "Pemerintah Kota Jauh", "JAU"); err != nil {
		t.Fatal(err)
	}
	if w.opd, err = db.EnsureOPD(ctx, w.region.ID, "Dinas Pendidikan", "Disdik", "dinas"); err != nil {
		t.Fatal(err)
	}
	if w.opd2, err = db.EnsureOPD(ctx, w.region.ID, "Badan Kepegawaian Daerah", "BKD", "badan"); err != nil {
		t.Fatal(err)
	}
	farOPD, err := db.EnsureOPD(ctx, w.far.ID, "Dinas Pendidikan", "Disdik", "dinas")
	if err != nil {
		t.Fatal(err)
	}
	w.fac = cwUser(t, db, w.region.ID, nil, "fasil@uji.test", "Fajar Fasilitator", domain.RoleFasilitator)
	w.fac2 = cwUser(t, db, w.region.ID, nil, "fasil2@uji.test", "Ayu Fasilitator", domain.RoleFasilitator)
	cwUser(t, db, w.far.ID, nil, "fasil@jauh.test", "Fasilitator Jauh", domain.RoleFasilitator)
	w.admin = cwUser(t, db, w.region.ID, nil, "admin@uji.test", "Admin Uji", domain.RoleAdmin)
	w.alice = cwUser(t, db, w.region.ID, &w.opd.ID, "alice@uji.test", "Alice", domain.RolePeserta)
	w.bob = cwUser(t, db, w.region.ID, &w.opd.ID, "bob@uji.test", "Bob", domain.RolePeserta)
	cwUser(t, db, w.region.ID, &w.opd.ID, "pimpinan@uji.test", "Pimpinan Disdik", domain.RolePimpinanOPD)
	w.carol = cwUser(t, db, w.region.ID, &w.opd2.ID, "carol@uji.test", "Carol", domain.RolePeserta)
	w.farPeserta = cwUser(t, db, w.far.ID, &farOPD.ID, "dewi@jauh.test", "Dewi", domain.RolePeserta)

	row := store.CourseRow{ID: "kursus-uji", Title: "Kursus Uji", Hours: 4, ContentHash: "h"}
	for i, id := range items {
		row.Items = append(row.Items, store.ItemRow{CourseID: "kursus-uji", ItemID: id, Kind: "lesson", Title: id, ModuleID: "m", Position: i + 1, ContentHash: "h"})
	}
	if _, err := db.SyncCourses(ctx, []store.CourseRow{row}); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 4, 16, 0, 0, 0, 0, time.UTC)
	if w.cohort, err = db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: w.region.ID, CourseID: "kursus-uji", Name: "Angkatan I 2026",
		StartsOn: day, EndsOn: day.AddDate(0, 0, 14), FacilitatorIDs: []int64{w.fac.ID}}); err != nil {
		t.Fatal(err)
	}
	if w.other, err = db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: w.region.ID, CourseID: "kursus-uji", Name: "Angkatan II 2026",
		StartsOn: day.AddDate(0, 1, 0), EndsOn: day.AddDate(0, 1, 14), FacilitatorIDs: []int64{w.fac2.ID}}); err != nil {
		t.Fatal(err)
	}
	return w
}

func cwIDs(us []domain.User) []int64 {
	out := []int64{}
	for _, u := range us {
		out = append(out, u.ID)
	}
	return out
}

func TestCohortExtraLookups(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newCohortWorld(t, db)

		facs, err := db.RegionFacilitators(ctx, w.region.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := cwIDs(facs), []int64{w.fac2.ID, w.fac.ID}; !reflect.DeepEqual(got, want) {
			t.Errorf("RegionFacilitators = %v, want %v (by name, this region only)", got, want)
		}
		if facs, _ := db.RegionFacilitators(ctx, w.region.ID, 1); len(facs) != 1 {
			t.Errorf("RegionFacilitators ignores its limit: %d", len(facs))
		}

		opds, err := db.RegionOPDs(ctx, w.region.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(opds) != 2 || opds[0].ID != w.opd2.ID || opds[1].ID != w.opd.ID {
			t.Errorf("RegionOPDs = %+v, want BKD then Disdik", opds)
		}

		peserta, err := db.ActivePesertaOfOPD(ctx, w.opd.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if want := []int64{w.alice.ID, w.bob.ID}; !reflect.DeepEqual(peserta, want) {
			t.Errorf("ActivePesertaOfOPD = %v, want %v (no pimpinan)", peserta, want)
		}

		found, err := db.RegionUsersByEmail(ctx, w.region.ID, []string{" ALICE@uji.test", "carol@uji.test", "dewi@jauh.test", "hantu@uji.test"})
		if err != nil {
			t.Fatal(err)
		}
		if len(found) != 2 || found["alice@uji.test"].ID != w.alice.ID || found["carol@uji.test"].ID != w.carol.ID {
			t.Errorf("RegionUsersByEmail = %v, want alice and carol only (other region hidden)", found)
		}
		if none, err := db.RegionUsersByEmail(ctx, w.region.ID, nil); err != nil || len(none) != 0 {
			t.Errorf("RegionUsersByEmail(nil) = %v, %v", none, err)
		}

		if n, err := db.CountCohorts(ctx, w.region.ID); err != nil || n != 2 {
			t.Errorf("CountCohorts = %d, %v; want 2", n, err)
		}
		if n, err := db.CountCohorts(ctx, w.far.ID); err != nil || n != 0 {
			t.Errorf("CountCohorts(far) = %d, %v; want 0", n, err)
		}
	})
}

func TestCohortMembersPageAndAttendance(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newCohortWorld(t, db, "satu", "dua", "tiga")
		if _, err := db.Enroll(ctx, nil, w.cohort.ID, []int64{w.alice.ID, w.bob.ID, w.carol.ID}); err != nil {
			t.Fatal(err)
		}
		if n, err := db.CountCohortMembers(ctx, w.cohort.ID); err != nil || n != 3 {
			t.Fatalf("CountCohortMembers = %d, %v; want 3", n, err)
		}
		first, err := db.CohortMembersPage(ctx, w.cohort.ID, 2, 0)
		if err != nil {
			t.Fatal(err)
		}
		second, err := db.CohortMembersPage(ctx, w.cohort.ID, 2, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(first) != 2 || len(second) != 1 || first[0].Name != "Alice" || first[1].Name != "Bob" || second[0].Name != "Carol" {
			t.Fatalf("pages = %+v / %+v", first, second)
		}
		// Alice finishes two items; then one of them leaves the course:
		// only the item still in the course counts.
		alice := first[0]
		for _, it := range []string{"satu", "dua"} {
			if err := db.SetItemState(ctx, alice.EnrollmentID, "kursus-uji", it, "h", domain.StateDone); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.SetItemState(ctx, alice.EnrollmentID, "kursus-uji", "tiga", "h", domain.StateStarted); err != nil {
			t.Fatal(err)
		}
		page, _ := db.CohortMembersPage(ctx, w.cohort.ID, 1, 0)
		if page[0].Done != 2 || page[0].OPDName != "Dinas Pendidikan" {
			t.Fatalf("alice: done %d opd %q, want 2 and Dinas Pendidikan", page[0].Done, page[0].OPDName)
		}
		row := store.CourseRow{ID: "kursus-uji", Title: "Kursus Uji", Hours: 4, ContentHash: "h2", Items: []store.ItemRow{
			{CourseID: "kursus-uji", ItemID: "satu", Kind: "lesson", Title: "satu", ModuleID: "m", Position: 1, ContentHash: "h"},
			{CourseID: "kursus-uji", ItemID: "tiga", Kind: "lesson", Title: "tiga", ModuleID: "m", Position: 2, ContentHash: "h"},
		}}
		if _, err := db.SyncCourses(ctx, []store.CourseRow{row}); err != nil {
			t.Fatal(err)
		}
		page, _ = db.CohortMembersPage(ctx, w.cohort.ID, 1, 0)
		if page[0].Done != 1 {
			t.Fatalf("after removing an item alice has %d done, want 1", page[0].Done)
		}

		// Two sessions, attendance taken on both.
		start := time.Date(2026, 4, 17, 2, 0, 0, 0, time.UTC)
		s1, err := db.CreateLiveSession(ctx, nil, domain.LiveSession{CohortID: w.cohort.ID, Topic: "Pembukaan", StartsAt: start, EndsAt: start.Add(2 * time.Hour), Place: "Aula"})
		if err != nil {
			t.Fatal(err)
		}
		s2, err := db.CreateLiveSession(ctx, nil, domain.LiveSession{CohortID: w.cohort.ID, Topic: "Praktik rilis", StartsAt: start.AddDate(0, 0, 3), EndsAt: start.AddDate(0, 0, 3).Add(time.Hour), Place: "Aula"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.MarkAttendance(ctx, w.fac.ID, s1.ID, map[int64]string{w.alice.ID: domain.AttendPresent, w.bob.ID: domain.AttendExcused, w.carol.ID: domain.AttendPresent}, time.Now()); err != nil {
			t.Fatal(err)
		}
		if err := db.MarkAttendance(ctx, w.fac.ID, s2.ID, map[int64]string{w.alice.ID: domain.AttendPresent, w.bob.ID: domain.AttendAbsent}, time.Now()); err != nil {
			t.Fatal(err)
		}
		counts, err := db.CohortAttendanceCounts(ctx, w.cohort.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[int64]int{w.alice.ID: 2, w.carol.ID: 1}; !reflect.DeepEqual(counts, want) {
			t.Errorf("CohortAttendanceCounts = %v, want %v", counts, want)
		}
		tallies, err := db.CohortSessionTallies(ctx, w.cohort.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]domain.AttendanceTally{s1.ID: {Present: 2, Excused: 1}, s2.ID: {Present: 1, Absent: 1}}
		if !reflect.DeepEqual(tallies, want) {
			t.Errorf("CohortSessionTallies = %+v, want %+v", tallies, want)
		}

		// The facilitator sees the sessions of their cohorts ending after "since" only.
		got, err := db.SessionsOfFacilitator(ctx, w.fac.ID, start.Add(3*time.Hour), 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != s2.ID || got[0].CohortName != "Angkatan I 2026" {
			t.Errorf("SessionsOfFacilitator = %+v, want only the second session", got)
		}
		if other, _ := db.SessionsOfFacilitator(ctx, w.fac2.ID, start.AddDate(-1, 0, 0), 10); len(other) != 0 {
			t.Errorf("a facilitator of another cohort sees %d sessions", len(other))
		}
	})
}
