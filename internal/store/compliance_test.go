package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// complianceWorld is a region with a course, a running cohort and an admin.
type complianceWorld struct {
	db     *store.DB
	region domain.Region
	admin  domain.User
	cohort domain.Cohort
	now    time.Time
	n      int
}

func newComplianceWorld(t *testing.T, db *store.DB) *complianceWorld {
	t.Helper()
	ctx := context.Background()
	w := &complianceWorld{db: db, now: time.Date(2026, 4, 16, 2, 0, 0, 0, time.UTC)}
	w.region = mustRegion(t, db)
	w.admin = cwUser(t, db, w.region.ID, nil, "admin@kepatuhan.test", "Admin Kepatuhan", domain.RoleAdmin)
	fac := cwUser(t, db, w.region.ID, nil, "fasil@kepatuhan.test", "Fasilitator", domain.RoleFasilitator)
	row := store.CourseRow{ID: "kursus-uji", Title: "Kursus Uji", Hours: 4, ContentHash: "h", Items: []store.ItemRow{
		{CourseID: "kursus-uji", ItemID: "materi", Kind: "lesson", Title: "Materi", ModuleID: "m", Position: 1, ContentHash: "h"},
		{CourseID: "kursus-uji", ItemID: "kuis", Kind: "quiz", Title: "Kuis", ModuleID: "m", Position: 2, ContentHash: "h"},
	}}
	if _, err := db.SyncCourses(ctx, []store.CourseRow{row}); err != nil {
		t.Fatal(err)
	}
	var err error
	day := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	if w.cohort, err = db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: w.region.ID, CourseID: "kursus-uji", Name: "Angkatan Kepatuhan",
		StartsOn: day, EndsOn: day.AddDate(0, 6, 0), FacilitatorIDs: []int64{fac.ID}}); err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *complianceWorld) opd(t *testing.T, name, kind string) domain.OPD {
	t.Helper()
	o, err := w.db.CreateOPD(context.Background(), w.admin.ID, w.region.ID, domain.OPDInput{Name: name, Kind: kind})
	if err != nil {
		t.Fatalf("create OPD %s: %v", name, err)
	}
	return o
}

func (w *complianceWorld) account(t *testing.T, o domain.OPD, handle string) domain.SocialAccount {
	t.Helper()
	a, err := w.db.AddSocialAccount(context.Background(), w.admin.ID, w.region.ID, o.ID,
		compliance.AccountInput{Platform: "instagram", Handle: handle, URL: "https://instagram.com/" + handle})
	if err != nil {
		t.Fatalf("add account %s: %v", handle, err)
	}
	return a
}

// trainee creates a peserta of o, designated or not.
func (w *complianceWorld) trainee(t *testing.T, o domain.OPD, designated bool) domain.User {
	t.Helper()
	w.n++
	id := o.ID
	u, err := w.db.CreateUser(context.Background(), nil, domain.NewUser{RegionID: w.region.ID, OPDID: &id,
		Email: fmt.Sprintf("peserta%d@kepatuhan.test", w.n), Name: fmt.Sprintf("Peserta %d", w.n), Role: domain.RolePeserta,
		IsDesignatedAdmin: designated, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// certificate enrolls u in a new cohort and places a certificate valid until until.
func (w *complianceWorld) certificate(t *testing.T, u domain.User, issued, until time.Time, revoked *time.Time) int64 {
	t.Helper()
	ctx := context.Background()
	w.n++
	day := issued.AddDate(0, 0, -30)
	co, err := w.db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: w.region.ID, CourseID: "kursus-uji", Name: fmt.Sprintf("Angkatan %d", w.n),
		StartsOn: day, EndsOn: day.AddDate(0, 1, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.Enroll(ctx, nil, co.ID, []int64{u.ID}); err != nil {
		t.Fatal(err)
	}
	ens, err := w.db.EnrollmentsOfUser(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	var enrollment int64
	for _, e := range ens {
		if e.CohortID == co.ID {
			enrollment = e.ID
		}
	}
	reason := ""
	if revoked != nil {
		reason = "data tidak benar"
	}
	id, err := w.db.SeedCertificateAt(ctx, store.CertificateSeed{EnrollmentID: enrollment, IssuedAt: issued, ValidUntil: until, RevokedAt: revoked, Reason: reason})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (w *complianceWorld) row(t *testing.T, o domain.OPD, at time.Time) store.ComplianceRow {
	t.Helper()
	r, err := w.db.OPDCompliance(context.Background(), w.region.ID, o.ID, at)
	if err != nil {
		t.Fatalf("OPDCompliance(%s): %v", o.Name, err)
	}
	return r
}

// checkCounters proves the trigger-kept counters equal a recount from scratch.
func (w *complianceWorld) checkCounters(t *testing.T, step string) {
	t.Helper()
	ctx := context.Background()
	read := func() []store.ComplianceRow {
		var rows []store.ComplianceRow
		err := w.db.EachComplianceRow(ctx, store.ComplianceFilter{RegionID: w.region.ID, Sort: "nama"}, w.now, func(r store.ComplianceRow) error {
			rows = append(rows, r)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	kept := read()
	if _, err := w.db.RefreshOPDStats(ctx, w.region.ID); err != nil {
		t.Fatal(err)
	}
	if recounted := read(); !reflect.DeepEqual(kept, recounted) {
		t.Fatalf("%s: counters kept by the triggers differ from a recount:\n kept      %+v\n recounted %+v", step, kept, recounted)
	}
}

func expectStatus(t *testing.T, r store.ComplianceRow, status compliance.Status, reasons ...string) {
	t.Helper()
	res := r.Result()
	if r.Status != status || res.Status != status || !reflect.DeepEqual(res.Reasons, reasons) {
		t.Fatalf("%s: SQL status %q, rule %q %q; want %q %q (row %+v)", r.Name, r.Status, res.Status, res.Reasons, status, reasons, r)
	}
}

func TestComplianceFollowsEveryChange(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newComplianceWorld(t, db)
		dinkes := w.opd(t, "Dinas Kesehatan", "dinas")
		bpbd := w.opd(t, "Badan Penanggulangan Bencana Daerah", "badan")
		expectStatus(t, w.row(t, dinkes, w.now), compliance.NotYet, compliance.ReasonNoAccount, compliance.ReasonNoAdmin, compliance.ReasonNoCertified)

		acc := w.account(t, dinkes, "dinkes.sukamaju")
		expectStatus(t, w.row(t, dinkes, w.now), compliance.Partial, compliance.ReasonNoAdmin, compliance.ReasonNoCertified)
		w.checkCounters(t, "account added")

		rina := w.trainee(t, dinkes, false)
		if r := w.row(t, dinkes, w.now); r.DesignatedAdmins != 0 {
			t.Fatalf("a trainee who is not designated counts as admin: %+v", r)
		}
		if _, err := db.SetDesignatedAdmin(ctx, w.admin.ID, w.region.ID, dinkes.ID, rina.ID, true); err != nil {
			t.Fatal(err)
		}
		expectStatus(t, w.row(t, dinkes, w.now), compliance.Partial, compliance.ReasonNoCertified)

		// A certificate that ended last month does not count; a valid one does,
		// until the very moment it ends, with no job run in between.
		w.certificate(t, rina, w.now.AddDate(-1, -1, 0), w.now.AddDate(0, -1, 0), nil)
		expectStatus(t, w.row(t, dinkes, w.now), compliance.Partial, compliance.ReasonNoCertified)
		until := w.now.AddDate(0, 1, 0)
		certID := w.certificate(t, rina, w.now.AddDate(-1, 1, 0), until, nil)
		r := w.row(t, dinkes, w.now)
		expectStatus(t, r, compliance.Complies)
		if r.CertifiedAdmins != 1 || r.Expiring != 1 {
			t.Fatalf("certified %d expiring %d, want 1 and 1 (ends within 60 days)", r.CertifiedAdmins, r.Expiring)
		}
		if r := w.row(t, dinkes, until.Add(-time.Second)); r.Status != compliance.Complies {
			t.Fatalf("a second before the end: %q", r.Status)
		}
		if r := w.row(t, dinkes, until); r.Status != compliance.Partial || r.CertifiedAdmins != 0 {
			t.Fatalf("at the end: %q with %d certified", r.Status, r.CertifiedAdmins)
		}
		w.checkCounters(t, "certificates placed")

		// Revoking (by any code path) withdraws it at once.
		if err := db.ExecComplianceTest(ctx, `UPDATE certificates SET revoked_at = ?, revoke_reason = 'salah data' WHERE id = ?`, w.now, certID); err != nil {
			t.Fatal(err)
		}
		expectStatus(t, w.row(t, dinkes, w.now), compliance.Partial, compliance.ReasonNoCertified)
		w.certificate(t, rina, w.now.AddDate(0, 0, -1), w.now.AddDate(1, 0, 0), nil)
		expectStatus(t, w.row(t, dinkes, w.now), compliance.Complies)

		// Moving the admin to another OPD moves the admin and the certificate.
		if err := db.ExecComplianceTest(ctx, `UPDATE users SET opd_id = ? WHERE id = ?`, bpbd.ID, rina.ID); err != nil {
			t.Fatal(err)
		}
		expectStatus(t, w.row(t, dinkes, w.now), compliance.Partial, compliance.ReasonNoAdmin, compliance.ReasonNoCertified)
		expectStatus(t, w.row(t, bpbd, w.now), compliance.Partial, compliance.ReasonNoAccount)
		w.checkCounters(t, "admin moved")

		// Deactivating the account or withdrawing the designation ends it too.
		if err := db.ExecComplianceTest(ctx, `UPDATE users SET active = FALSE WHERE id = ?`, rina.ID); err != nil {
			t.Fatal(err)
		}
		expectStatus(t, w.row(t, bpbd, w.now), compliance.NotYet, compliance.ReasonNoAccount, compliance.ReasonNoAdmin, compliance.ReasonNoCertified)
		if err := db.ExecComplianceTest(ctx, `UPDATE users SET active = TRUE WHERE id = ?`, rina.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetDesignatedAdmin(ctx, w.admin.ID, w.region.ID, bpbd.ID, rina.ID, false); err != nil {
			t.Fatal(err)
		}
		expectStatus(t, w.row(t, bpbd, w.now), compliance.NotYet, compliance.ReasonNoAccount, compliance.ReasonNoAdmin, compliance.ReasonNoCertified)

		if _, err := db.RemoveSocialAccount(ctx, w.admin.ID, w.region.ID, dinkes.ID, acc.ID); err != nil {
			t.Fatal(err)
		}
		expectStatus(t, w.row(t, dinkes, w.now), compliance.NotYet, compliance.ReasonNoAccount, compliance.ReasonNoAdmin, compliance.ReasonNoCertified)
		w.checkCounters(t, "all withdrawn")

		// Kind changes reach the table.
		if _, err := db.UpdateOPD(ctx, w.admin.ID, w.region.ID, bpbd.ID, domain.OPDInput{Name: "BPBD Sukamaju", Kind: "lainnya"}); err != nil {
			t.Fatal(err)
		}
		if r := w.row(t, bpbd, w.now); r.Kind != "lainnya" || r.Name != "BPBD Sukamaju" {
			t.Fatalf("after rename: %+v", r)
		}
	})
}

func TestComplianceActivity(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newComplianceWorld(t, db)
		o := w.opd(t, "Dinas Sosial", "dinas")
		u := w.trainee(t, o, true)
		if r := w.row(t, o, w.now); r.LastActivityAt != nil {
			t.Fatalf("activity before any: %v", r.LastActivityAt)
		}
		if _, err := db.Enroll(ctx, nil, w.cohort.ID, []int64{u.ID}); err != nil {
			t.Fatal(err)
		}
		e, err := db.EnrollmentForCourse(ctx, u.ID, "kursus-uji")
		if err != nil {
			t.Fatal(err)
		}
		before := time.Now().UTC().Add(-time.Second)
		if err := db.SetItemState(ctx, e.ID, "kursus-uji", "materi", "h", domain.StateDone); err != nil {
			t.Fatal(err)
		}
		r := w.row(t, o, w.now)
		if r.LastActivityAt == nil || r.LastActivityAt.Before(before) {
			t.Fatalf("last activity after a lesson: %v", r.LastActivityAt)
		}
		first := *r.LastActivityAt
		if _, err := db.RecordQuizAttempt(ctx, domain.QuizAttempt{EnrollmentID: e.ID, CourseID: "kursus-uji", ItemID: "kuis", ContentHash: "h",
			Correct: 1, Total: 1, Score: 100, PassScore: 60, Passed: true}, map[string][]string{"q": {"a"}}, 0); err != nil {
			t.Fatal(err)
		}
		if r := w.row(t, o, w.now); r.LastActivityAt == nil || r.LastActivityAt.Before(first) {
			t.Fatalf("last activity after a quiz: %v (was %v)", r.LastActivityAt, first)
		}
		w.checkCounters(t, "activity")
	})
}

func TestComplianceSQLMatchesTheRule(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		w := newComplianceWorld(t, db)
		want := map[compliance.Status]int{}
		for mask := 0; mask < 8; mask++ {
			accounts, admin, certified := mask&1 != 0, mask&2 != 0, mask&4 != 0
			o := w.opd(t, fmt.Sprintf("OPD kombinasi %d", mask), "dinas")
			if accounts {
				w.account(t, o, fmt.Sprintf("akun%d", mask))
			}
			u := w.trainee(t, o, admin)
			if certified {
				// A certificate of a trainee who is not designated must not count.
				w.certificate(t, u, w.now.AddDate(0, -2, 0), w.now.AddDate(1, 0, 0), nil)
			}
			r := w.row(t, o, w.now)
			res := compliance.Evaluate(compliance.Counts{Accounts: b2i(accounts), DesignatedAdmins: b2i(admin), CertifiedAdmins: b2i(admin && certified)})
			if r.Status != res.Status || r.Result().Status != res.Status {
				t.Errorf("accounts=%v admin=%v certified=%v: SQL %q, rule %q", accounts, admin, certified, r.Status, res.Status)
			}
			want[res.Status]++
		}
		tally, err := db.ComplianceTally(context.Background(), w.region.ID, w.now)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range compliance.Statuses {
			if got := tally.Count(s, ""); got != want[s] {
				t.Errorf("tally %s = %d, want %d", s, got, want[s])
			}
		}
		if tally.Count("", "dinas") != 8 || tally.Count("", "badan") != 0 {
			t.Errorf("tally by kind: %+v", tally.Cells)
		}
	})
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestCompliancePageFilterSortAndStream(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newComplianceWorld(t, db)
		// Five OPDs: two complying, one partly, two not yet.
		names := []string{"Dinas Arsip", "Badan Bencana", "Kecamatan Cikadu", "Dinas Pangan", "Inspektorat"}
		kinds := []string{"dinas", "badan", "kecamatan", "dinas", "inspektorat"}
		opds := map[string]domain.OPD{}
		for i, n := range names {
			opds[n] = w.opd(t, n, kinds[i])
		}
		for _, n := range []string{"Dinas Arsip", "Badan Bencana"} {
			w.account(t, opds[n], "akun"+strings.ReplaceAll(strings.ToLower(n), " ", ""))
			u := w.trainee(t, opds[n], true)
			w.certificate(t, u, w.now.AddDate(0, -1, 0), w.now.AddDate(0, 11, 0), nil)
		}
		w.trainee(t, opds["Badan Bencana"], true) // a second admin, not certified
		w.account(t, opds["Dinas Pangan"], "pangan")
		w.account(t, opds["Dinas Pangan"], "pangan2")

		page := func(f store.ComplianceFilter, limit, offset int) []string {
			t.Helper()
			f.RegionID = w.region.ID
			rows, err := db.CompliancePage(ctx, f, w.now, limit, offset)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, r := range rows {
				out = append(out, r.Name)
			}
			return out
		}
		cases := []struct {
			name string
			f    store.ComplianceFilter
			want []string
		}{
			{"default: worst first", store.ComplianceFilter{}, []string{"Inspektorat", "Kecamatan Cikadu", "Dinas Pangan", "Badan Bencana", "Dinas Arsip"}},
			{"status desc", store.ComplianceFilter{Sort: "status", Desc: true}, []string{"Badan Bencana", "Dinas Arsip", "Dinas Pangan", "Inspektorat", "Kecamatan Cikadu"}},
			{"name", store.ComplianceFilter{Sort: "nama"}, []string{"Badan Bencana", "Dinas Arsip", "Dinas Pangan", "Inspektorat", "Kecamatan Cikadu"}},
			{"name desc", store.ComplianceFilter{Sort: "nama", Desc: true}, []string{"Kecamatan Cikadu", "Inspektorat", "Dinas Pangan", "Dinas Arsip", "Badan Bencana"}},
			{"kind", store.ComplianceFilter{Sort: "jenis"}, []string{"Badan Bencana", "Dinas Arsip", "Dinas Pangan", "Inspektorat", "Kecamatan Cikadu"}},
			{"accounts desc", store.ComplianceFilter{Sort: "akun", Desc: true}, []string{"Dinas Pangan", "Badan Bencana", "Dinas Arsip", "Inspektorat", "Kecamatan Cikadu"}},
			{"admins desc", store.ComplianceFilter{Sort: "admin", Desc: true}, []string{"Badan Bencana", "Dinas Arsip", "Dinas Pangan", "Inspektorat", "Kecamatan Cikadu"}},
			{"certified desc", store.ComplianceFilter{Sort: "sertifikat", Desc: true}, []string{"Badan Bencana", "Dinas Arsip", "Dinas Pangan", "Inspektorat", "Kecamatan Cikadu"}},
			{"activity: none last", store.ComplianceFilter{Sort: "aktivitas", Desc: true}, []string{"Badan Bencana", "Dinas Arsip", "Dinas Pangan", "Inspektorat", "Kecamatan Cikadu"}},
			{"only complying", store.ComplianceFilter{Status: compliance.Complies, Sort: "nama"}, []string{"Badan Bencana", "Dinas Arsip"}},
			{"only not yet", store.ComplianceFilter{Status: compliance.NotYet}, []string{"Inspektorat", "Kecamatan Cikadu"}},
			{"only dinas", store.ComplianceFilter{Kind: "dinas", Sort: "nama"}, []string{"Dinas Arsip", "Dinas Pangan"}},
			{"dinas partly", store.ComplianceFilter{Kind: "dinas", Status: compliance.Partial}, []string{"Dinas Pangan"}},
			{"nothing matches", store.ComplianceFilter{Kind: "rsud"}, nil},
		}
		for _, tc := range cases {
			if got := page(tc.f, 50, 0); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
			}
		}
		// Pages of two never overlap and cover everything.
		var all []string
		for off := 0; off < 6; off += 2 {
			all = append(all, page(store.ComplianceFilter{Sort: "akun"}, 2, off)...)
		}
		sorted := append([]string(nil), all...)
		sort.Strings(sorted)
		if len(all) != 5 || !reflect.DeepEqual(sorted, []string{"Badan Bencana", "Dinas Arsip", "Dinas Pangan", "Inspektorat", "Kecamatan Cikadu"}) {
			t.Errorf("pages: %q", all)
		}
		// The page's certified counts agree with the full table's.
		rows, err := db.CompliancePage(ctx, store.ComplianceFilter{RegionID: w.region.ID, Sort: "nama"}, w.now, 50, 0)
		if err != nil {
			t.Fatal(err)
		}
		var streamed []store.ComplianceRow
		err = db.EachComplianceRow(ctx, store.ComplianceFilter{RegionID: w.region.ID, Sort: "nama"}, w.now, func(r store.ComplianceRow) error {
			streamed = append(streamed, r)
			return nil
		})
		if err != nil || !reflect.DeepEqual(rows, streamed) {
			t.Fatalf("page and stream differ (%v):\n%+v\n%+v", err, rows, streamed)
		}
		if rows[0].Name != "Badan Bencana" || rows[0].CertifiedAdmins != 1 || rows[0].DesignatedAdmins != 2 {
			t.Fatalf("Badan Bencana: %+v", rows[0])
		}
		// A callback error stops the stream after that row.
		calls := 0
		stop := errors.New("berhenti")
		err = db.EachComplianceRow(ctx, store.ComplianceFilter{RegionID: w.region.ID}, w.now, func(store.ComplianceRow) error {
			calls++
			if calls == 2 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || calls != 2 {
			t.Fatalf("stream did not stop: %v after %d rows", err, calls)
		}
		// Another region sees none of these.
		far, err := db.EnsureRegion(ctx, "kota-jauh", "Pemerintah Kota Jauh", "JAU")
		if err != nil {
			t.Fatal(err)
		}
		if rows, err := db.CompliancePage(ctx, store.ComplianceFilter{RegionID: far.ID}, w.now, 50, 0); err != nil || len(rows) != 0 {
			t.Fatalf("other region: %v %v", rows, err)
		}
		if _, err := db.OPDCompliance(ctx, far.ID, opds["Dinas Arsip"].ID, w.now); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("OPD of another region: %v", err)
		}
	})
}

func TestComplianceFilterRefusesUnknownValues(t *testing.T) {
	t.Parallel()
	db := testkit.SQLite(t)
	cases := []struct {
		f    store.ComplianceFilter
		want string
	}{
		{store.ComplianceFilter{Status: "lulus"}, `status “lulus” tidak dikenal; pilih memenuhi, sebagian, atau belum`},
		{store.ComplianceFilter{Kind: "kementerian"}, `jenis OPD “kementerian” tidak dikenal`},
		{store.ComplianceFilter{Sort: "o.name; DROP TABLE opds"}, `urutan “o.name; DROP TABLE opds” tidak dikenal; pilih salah satu dari nama, jenis, status, akun, admin, sertifikat, aktivitas`},
	}
	for _, tc := range cases {
		_, err := db.CompliancePage(context.Background(), tc.f, time.Now(), 10, 0)
		if domain.ErrorCode(err) != domain.CodeInvalid || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.f, err, tc.want)
		}
		err = db.EachComplianceRow(context.Background(), tc.f, time.Now(), func(store.ComplianceRow) error { return nil })
		if domain.ErrorCode(err) != domain.CodeInvalid {
			t.Errorf("stream %+v: %v", tc.f, err)
		}
	}
}

func TestExpiringAndMonthlyCertified(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newComplianceWorld(t, db)
		o := w.opd(t, "Dinas Perhubungan", "dinas")
		soon := w.trainee(t, o, true)
		renewed := w.trainee(t, o, true)
		later := w.trainee(t, o, true)
		revoked := w.trainee(t, o, true)
		notAdmin := w.trainee(t, o, false)
		w.certificate(t, soon, w.now.AddDate(-1, 0, 10), w.now.AddDate(0, 0, 10), nil)
		// Renewed: the old one ends soon, but a newer one runs on, so not "expiring".
		w.certificate(t, renewed, w.now.AddDate(-1, 0, 20), w.now.AddDate(0, 0, 20), nil)
		w.certificate(t, renewed, w.now.AddDate(0, 0, -5), w.now.AddDate(1, 0, -5), nil)
		w.certificate(t, later, w.now.AddDate(0, -3, 0), w.now.AddDate(0, 9, 0), nil)
		rev := w.now.AddDate(0, -1, 0)
		w.certificate(t, revoked, w.now.AddDate(0, -6, 0), w.now.AddDate(0, 0, 15), &rev)
		w.certificate(t, notAdmin, w.now.AddDate(0, -6, 0), w.now.AddDate(0, 0, 15), nil)

		c, err := db.CertifiedAdmins(ctx, w.region.ID, w.now)
		if err != nil || c.Certified != 3 || c.Expiring != 1 {
			t.Fatalf("region counts = %+v (%v), want 3 certified, 1 expiring", c, err)
		}
		r := w.row(t, o, w.now)
		if r.CertifiedAdmins != 3 || r.Expiring != 1 || r.DesignatedAdmins != 4 {
			t.Fatalf("row %+v: want 3 certified, 1 expiring, 4 designated", r)
		}
		ends := func() []time.Time {
			return []time.Time{w.now.AddDate(0, -7, 0), w.now.AddDate(0, -2, 0), w.now.AddDate(0, 0, -1), w.now.AddDate(0, 1, 0)}
		}
		monthly := func(step string, want []int) {
			t.Helper()
			got, err := db.CertifiedAtMonthEnds(ctx, w.region.ID, ends(), w.now)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: certified at month ends = %v, want %v", step, got, want)
			}
		}
		// 7 months ago: soon and renewed held one. 2 months ago: soon, renewed,
		// later, revoked (revoked a month ago). Yesterday: soon, renewed, later.
		// In a month: renewed (the new one) and later.
		monthly("counted", []int{2, 4, 3, 2})
		monthly("from the cache", []int{2, 4, 3, 2})
		var cached int
		if err := db.CountForComplianceTest(ctx, "certified_months", &cached); err != nil || cached != 3 {
			t.Fatalf("%d months cached (%v), want the 3 past ones", cached, err)
		}
		// Revoking now leaves the past alone; the month to come drops "later".
		w.certificate(t, later, w.now.AddDate(0, -3, 0).Add(time.Hour), w.now.AddDate(0, 9, 0), nil)
		monthly("a second certificate for later", []int{2, 4, 3, 2})
		if err := db.ExecComplianceTest(ctx, `UPDATE certificates SET revoked_at = ?, revoke_reason = 'salah' WHERE user_id = ?`, w.now, later.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.CountForComplianceTest(ctx, "certified_months", &cached); err != nil || cached != 3 {
			t.Fatalf("revoking now dropped cached months: %d left (%v)", cached, err)
		}
		monthly("later revoked now", []int{2, 4, 3, 1})
		// A backdated certificate (an import) changes the past: recounted.
		w.certificate(t, notAdmin, w.now.AddDate(0, -8, 0), w.now.AddDate(0, 4, 0), nil)
		monthly("backdated, not an admin", []int{2, 4, 3, 1})
		if _, err := db.SetDesignatedAdmin(ctx, w.admin.ID, w.region.ID, o.ID, notAdmin.ID, true); err != nil {
			t.Fatal(err)
		}
		monthly("designated", []int{3, 5, 4, 2})
	})
}

func TestSocialAccountsAndDesignation(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newComplianceWorld(t, db)
		o := w.opd(t, "Dinas Kominfo", "dinas")
		other := w.opd(t, "Dinas Lain", "dinas")
		if _, err := db.CreateOPD(ctx, w.admin.ID, w.region.ID, domain.OPDInput{Name: "Dinas Kominfo", Kind: "dinas"}); domain.ErrorCode(err) != domain.CodeConflict ||
			!strings.Contains(err.Error(), "OPD bernama Dinas Kominfo sudah terdaftar") {
			t.Fatalf("duplicate OPD: %v", err)
		}
		if _, err := db.CreateOPD(ctx, w.admin.ID, w.region.ID, domain.OPDInput{Name: "Dinas Baru", Kind: "kementerian"}); domain.ErrorCode(err) != domain.CodeInvalid {
			t.Fatalf("unknown kind: %v", err)
		}
		in := compliance.AccountInput{Platform: "instagram", Handle: "@kominfo", URL: "https://instagram.com/kominfo"}
		a, err := db.AddSocialAccount(ctx, w.admin.ID, w.region.ID, o.ID, in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddSocialAccount(ctx, w.admin.ID, w.region.ID, o.ID, in); domain.ErrorCode(err) != domain.CodeConflict ||
			!strings.Contains(err.Error(), "akun Instagram @kominfo sudah terdaftar untuk OPD ini") {
			t.Fatalf("duplicate account: %v", err)
		}
		bad := compliance.AccountInput{Platform: "instagram", Handle: "@x", URL: "bukan alamat"}
		if _, err := db.AddSocialAccount(ctx, w.admin.ID, w.region.ID, o.ID, bad); domain.ErrorCode(err) != domain.CodeInvalid {
			t.Fatalf("invalid account: %v", err)
		}
		far, _ := db.EnsureRegion(ctx, "kota-jauh", "Pemerintah Kota Jauh", "JAU")
		if _, err := db.AddSocialAccount(ctx, w.admin.ID, far.ID, o.ID, in); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("account for another region's OPD: %v", err)
		}
		if _, err := db.RemoveSocialAccount(ctx, w.admin.ID, w.region.ID, other.ID, a.ID); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("removing through another OPD: %v", err)
		}
		if _, err := db.RemoveSocialAccount(ctx, w.admin.ID, w.region.ID, o.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.RemoveSocialAccount(ctx, w.admin.ID, w.region.ID, o.ID, a.ID); domain.ErrorCode(err) != domain.CodeConflict ||
			!strings.Contains(err.Error(), "sudah dihapus sebelumnya") {
			t.Fatalf("removing twice: %v", err)
		}
		in.URL = "https://www.instagram.com/kominfo.baru"
		back, err := db.AddSocialAccount(ctx, w.admin.ID, w.region.ID, o.ID, in)
		if err != nil || back.ID != a.ID || back.URL != in.URL || back.RemovedAt != nil {
			t.Fatalf("re-adding a removed account: %+v %v", back, err)
		}
		if list, err := db.SocialAccounts(ctx, o.ID); err != nil || len(list) != 1 {
			t.Fatalf("accounts: %v %v", list, err)
		}
		audit, err := db.AuditFor(ctx, "opd", fmt.Sprint(o.ID), 10)
		if err != nil || len(audit) != 4 || audit[0].Action != "social_account.add" || audit[1].Action != "social_account.remove" || audit[3].Action != "opd.create" {
			t.Fatalf("audit of the OPD: %+v %v", audit, err)
		}

		peserta := w.trainee(t, o, false)
		outsider := w.trainee(t, other, false)
		fac := cwUser(t, db, w.region.ID, &o.ID, "fasil2@kepatuhan.test", "Fasilitator Kominfo", domain.RoleFasilitator)
		errCases := []struct {
			name       string
			user       int64
			designated bool
			code       domain.Code
			msg        string
		}{
			{"user of another OPD", outsider.ID, true, domain.CodeNotFound, "data tidak ditemukan"},
			{"no such user", 999999, true, domain.CodeNotFound, "data tidak ditemukan"},
			{"a facilitator", fac.ID, true, domain.CodeInvalid, "Fasilitator Kominfo berperan Fasilitator; hanya peserta yang dapat ditunjuk"},
			{"not designated yet", peserta.ID, false, domain.CodeConflict, "memang bukan admin media sosial yang ditunjuk"},
		}
		for _, tc := range errCases {
			if _, err := db.SetDesignatedAdmin(ctx, w.admin.ID, w.region.ID, o.ID, tc.user, tc.designated); domain.ErrorCode(err) != tc.code || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("%s: %v, want %q", tc.name, err, tc.msg)
			}
		}
		if _, err := db.SetDesignatedAdmin(ctx, w.admin.ID, w.region.ID, o.ID, peserta.ID, true); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetDesignatedAdmin(ctx, w.admin.ID, w.region.ID, o.ID, peserta.ID, true); domain.ErrorCode(err) != domain.CodeConflict ||
			!strings.Contains(err.Error(), "sudah menjadi admin media sosial yang ditunjuk") {
			t.Fatalf("designating twice: %v", err)
		}
		entries, err := db.AuditFor(ctx, "user", fmt.Sprint(peserta.ID), 5)
		if err != nil || len(entries) < 2 || entries[0].Action != "user.designate" || entries[0].ActorID == nil || *entries[0].ActorID != w.admin.ID ||
			entries[0].BeforeJSON != fmt.Sprintf(`{"designated_admin":false,"opd_id":%d}`, o.ID) || entries[0].AfterJSON != fmt.Sprintf(`{"designated_admin":true,"opd_id":%d}`, o.ID) {
			t.Fatalf("designation audit: %+v %v", entries, err)
		}
		if n, err := db.CountOPDTrainees(ctx, o.ID); err != nil || n != 1 {
			t.Fatalf("trainees of the OPD: %d %v", n, err)
		}
		w.checkCounters(t, "designation")
	})
}

// TestConcurrentChangesKeepCounters adds accounts and designations to one OPD
// from many goroutines at once: on PostgreSQL the triggers must lock before
// recounting, or two transactions each count without the other's row.
func TestConcurrentChangesKeepCounters(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newComplianceWorld(t, db)
		o := w.opd(t, "Dinas Ramai", "dinas")
		var trainees []domain.User
		for i := 0; i < 8; i++ {
			trainees = append(trainees, w.trainee(t, o, false))
		}
		var wg sync.WaitGroup
		errs := make(chan error, 16)
		for i := 0; i < 8; i++ {
			wg.Add(2)
			go func(i int) {
				defer wg.Done()
				_, err := db.AddSocialAccount(ctx, w.admin.ID, w.region.ID, o.ID,
					compliance.AccountInput{Platform: "website", Handle: fmt.Sprintf("situs %d", i), URL: fmt.Sprintf("https://situs%d.sukamajukab.go.id", i)})
				errs <- err
			}(i)
			go func(i int) {
				defer wg.Done()
				_, err := db.SetDesignatedAdmin(ctx, w.admin.ID, w.region.ID, o.ID, trainees[i].ID, true)
				errs <- err
			}(i)
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		r := w.row(t, o, w.now)
		if r.Accounts != 8 || r.DesignatedAdmins != 8 {
			t.Fatalf("after 8 concurrent adds each: %d accounts, %d admins", r.Accounts, r.DesignatedAdmins)
		}
	})
}

// TestConcurrentStatusChangesKeepTheTally changes the statuses of many OPDs
// at the same moment (accounts added, admins designated and undesignated,
// certificates issued and revoked) while dashboards read the region at two
// moments, and then compares the kept statuses, the tally and the admin
// counts with a recount from scratch, at moments before, between and after
// the certificates' ends.
func TestConcurrentStatusChangesKeepTheTally(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newComplianceWorld(t, db)
		kinds := []string{"dinas", "badan", "kecamatan"}
		var opds []domain.OPD
		var trainees [][]domain.User
		var all []int64
		for i := 0; i < 9; i++ {
			o := w.opd(t, fmt.Sprintf("OPD Serentak %d", i), kinds[i%3])
			if i%3 == 0 {
				w.account(t, o, fmt.Sprintf("awal%d", i))
			}
			opds = append(opds, o)
			var us []domain.User
			for j := 0; j < 3; j++ {
				u := w.trainee(t, o, j == 0 && i%2 == 0)
				us = append(us, u)
				all = append(all, u.ID)
			}
			trainees = append(trainees, us)
		}
		// Two cohorts, every trainee in both: one certificate per enrollment.
		enrollments := map[int64][]int64{}
		for k := 0; k < 2; k++ {
			day := time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)
			co, err := db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: w.region.ID, CourseID: "kursus-uji", Name: fmt.Sprintf("Angkatan Serentak %d", k),
				StartsOn: day, EndsOn: day.AddDate(0, 1, 0)})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Enroll(ctx, nil, co.ID, all); err != nil {
				t.Fatal(err)
			}
		}
		for _, id := range all {
			ens, err := db.EnrollmentsOfUser(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range ens {
				enrollments[id] = append(enrollments[id], e.ID)
			}
		}
		// Ends spread around now: gone, within the warning window, beyond it.
		ends := []time.Time{w.now.AddDate(0, 0, -10), w.now.AddDate(0, 0, 20), w.now.AddDate(0, 0, 75), w.now.AddDate(1, 0, 0)}
		moments := []time.Time{w.now, w.now.AddDate(0, 0, 21), w.now.AddDate(0, 0, 16).Add(time.Hour), w.now.AddDate(0, 3, 0), w.now.AddDate(0, 0, -40)}

		check := func(step string) {
			t.Helper()
			for _, at := range moments {
				tally, err := db.ComplianceTally(ctx, w.region.ID, at)
				if err != nil {
					t.Fatal(err)
				}
				admins, err := db.CertifiedAdmins(ctx, w.region.ID, at)
				if err != nil {
					t.Fatal(err)
				}
				var rows []store.ComplianceRow
				if err := db.EachComplianceRow(ctx, store.ComplianceFilter{RegionID: w.region.ID}, at, func(r store.ComplianceRow) error {
					rows = append(rows, r)
					return nil
				}); err != nil {
					t.Fatal(err)
				}
				wantTally, wantAdmins, per, err := db.RecountComplianceForTest(ctx, w.region.ID, at)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(tally.Cells, wantTally.Cells) {
					t.Fatalf("%s, at %s: tally %v, recounted %v", step, at, tally.Cells, wantTally.Cells)
				}
				if admins != wantAdmins {
					t.Fatalf("%s, at %s: admins %+v, recounted %+v", step, at, admins, wantAdmins)
				}
				for _, r := range rows {
					got := store.RecountedOPD{Status: string(r.Status), Certified: r.CertifiedAdmins, Expiring: r.Expiring}
					if got != per[r.ID] {
						t.Fatalf("%s, at %s: %s kept %+v, recounted %+v", step, at, r.Name, got, per[r.ID])
					}
				}
				if len(rows) != len(per) {
					t.Fatalf("%s: %d rows, %d recounted", step, len(rows), len(per))
				}
			}
		}
		check("before")

		var certs sync.Map // user id → certificate ids
		run := func(step string, change func(i int) error) {
			t.Helper()
			var wg sync.WaitGroup
			errs := make(chan error, 64)
			stop := make(chan struct{})
			var readers sync.WaitGroup
			for r := 0; r < 3; r++ {
				readers.Add(1)
				go func(r int) {
					defer readers.Done()
					for {
						select {
						case <-stop:
							return
						default:
						}
						if _, err := db.ComplianceTally(ctx, w.region.ID, moments[r]); err != nil {
							errs <- err
							return
						}
						if _, err := db.CompliancePage(ctx, store.ComplianceFilter{RegionID: w.region.ID}, moments[r], 5, 0); err != nil {
							errs <- err
							return
						}
					}
				}(r)
			}
			for i := range opds {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					if err := change(i); err != nil {
						errs <- err
					}
				}(i)
			}
			wg.Wait()
			close(stop)
			readers.Wait()
			close(errs)
			for err := range errs {
				t.Fatalf("%s: %v", step, err)
			}
			check(step)
		}
		run("accounts, designations and certificates at once", func(i int) error {
			o := opds[i]
			if i%3 != 0 {
				if _, err := db.AddSocialAccount(ctx, w.admin.ID, w.region.ID, o.ID, compliance.AccountInput{Platform: "website",
					Handle: fmt.Sprintf("serentak %d", i), URL: fmt.Sprintf("https://serentak%d.sukamajukab.go.id", i)}); err != nil {
					return err
				}
			}
			for j, u := range trainees[i] {
				if j > 0 && (i+j)%2 == 0 {
					if _, err := db.SetDesignatedAdmin(ctx, w.admin.ID, w.region.ID, o.ID, u.ID, true); err != nil {
						return err
					}
				}
				for k, en := range enrollments[u.ID] {
					until := ends[(i+j+k)%len(ends)]
					id, err := db.SeedCertificateAt(ctx, store.CertificateSeed{EnrollmentID: en, IssuedAt: until.AddDate(-1, 0, 0), ValidUntil: until})
					if err != nil {
						return err
					}
					old, _ := certs.LoadOrStore(u.ID, []int64{})
					certs.Store(u.ID, append(old.([]int64), id))
				}
			}
			return nil
		})
		run("revocations and undesignations at once", func(i int) error {
			o := opds[i]
			for j, u := range trainees[i] {
				if designated := (j == 0 && i%2 == 0) || (j > 0 && (i+j)%2 == 0); designated && (i+j)%3 != 1 {
					if _, err := db.SetDesignatedAdmin(ctx, w.admin.ID, w.region.ID, o.ID, u.ID, false); err != nil {
						return err
					}
				}
				ids, _ := certs.Load(u.ID)
				for k, id := range ids.([]int64) {
					if (i+j+k)%2 == 0 {
						if err := db.ExecComplianceTest(ctx, `UPDATE certificates SET revoked_at = ?, revoke_reason = 'salah' WHERE id = ?`, w.now, id); err != nil {
							return err
						}
					}
				}
			}
			return nil
		})
	})
}

// TestChartMonthsKeptThroughUnrelatedUserChanges: the chart's cached months
// stay through edits of a user that leave who is a designated admin with
// certificates unchanged (a name, the same role again, a new designated
// admin, the designation of someone without certificates), and are dropped,
// and recounted right, when someone with a certificate is designated. Every
// step's months equal a count from scratch.
func TestChartMonthsKeptThroughUnrelatedUserChanges(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newComplianceWorld(t, db)
		o := w.opd(t, "Dinas Kominfo", "dinas")
		admin := w.trainee(t, o, true)
		holder := w.trainee(t, o, false)
		plain := w.trainee(t, o, false)
		w.certificate(t, admin, w.now.AddDate(0, -6, 0), w.now.AddDate(1, 0, 0), nil)
		w.certificate(t, holder, w.now.AddDate(0, -4, 0), w.now.AddDate(1, 0, 0), nil)
		ends := func() []time.Time {
			return []time.Time{w.now.AddDate(0, -5, 0), w.now.AddDate(0, -3, 0), w.now.AddDate(0, 0, -1)}
		}
		months := func(step string, want []int) {
			t.Helper()
			got, err := db.CertifiedAtMonthEnds(ctx, w.region.ID, ends(), w.now)
			if err != nil {
				t.Fatal(err)
			}
			var n int
			if err := db.CountForComplianceTest(ctx, "certified_months", &n); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) || n != 3 {
				t.Fatalf("%s: months %v (%d cached), want %v", step, got, n, want)
			}
			if err := db.ExecComplianceTest(ctx, `DELETE FROM certified_months`); err != nil {
				t.Fatal(err)
			}
			fresh, err := db.CertifiedAtMonthEnds(ctx, w.region.ID, ends(), w.now)
			if err != nil || !reflect.DeepEqual(fresh, got) {
				t.Fatalf("%s: kept months %v, counted afresh %v (%v)", step, got, fresh, err)
			}
		}
		cachedAfter := func(step string, want int) {
			t.Helper()
			var n int
			if err := db.CountForComplianceTest(ctx, "certified_months", &n); err != nil || n != want {
				t.Fatalf("%s: %d months cached (%v), want %d", step, n, err, want)
			}
		}
		months("counted", []int{1, 1, 1})
		if err := db.ExecComplianceTest(ctx, `UPDATE users SET name = 'Nama Baru', role = role, opd_id = opd_id, active = active WHERE id = ?`, admin.ID); err != nil {
			t.Fatal(err)
		}
		cachedAfter("a name edited", 3)
		w.trainee(t, o, true)
		cachedAfter("a new designated admin", 3)
		if _, err := db.SetDesignatedAdmin(ctx, w.admin.ID, w.region.ID, o.ID, plain.ID, true); err != nil {
			t.Fatal(err)
		}
		cachedAfter("someone without certificates designated", 3)
		months("kept", []int{1, 1, 1})
		if _, err := db.SetDesignatedAdmin(ctx, w.admin.ID, w.region.ID, o.ID, holder.ID, true); err != nil {
			t.Fatal(err)
		}
		cachedAfter("a certificate holder designated", 0)
		months("recounted", []int{1, 2, 2})
		if err := db.ExecComplianceTest(ctx, `UPDATE users SET active = ? WHERE id = ?`, false, admin.ID); err != nil {
			t.Fatal(err)
		}
		cachedAfter("an admin deactivated", 0)
		months("recounted again", []int{0, 1, 1})
	})
}
