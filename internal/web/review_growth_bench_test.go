package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// BenchmarkReviewGrowth measures the facilitator's queue and a review page
// with N releases waiting for review in the facilitator's cohort (N = 10,
// 1,000, 10,000; BIMTEK_BENCH_WAITING overrides), under the 64-connection
// load of BenchmarkPages, for the cost-growth table in the README:
//
//	go test ./internal/web -run '^$' -bench ReviewGrowth -benchtime 3s
func BenchmarkReviewGrowth(b *testing.B) {
	TuneRuntime()
	sizes := []int{10, 1000, 10000}
	if v := os.Getenv("BIMTEK_BENCH_WAITING"); v != "" {
		sizes = nil
		for _, s := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n < 1 {
				b.Fatalf("BIMTEK_BENCH_WAITING: %q", v)
			}
			sizes = append(sizes, n)
		}
	}
	for _, n := range sizes {
		start := time.Now()
		rc := newReviewCase(b, testkit.SQLite(b))
		rc.seedWaiting(b, n-1)
		b.Logf("%d releases waiting, seeded in %v", n, time.Since(start).Round(time.Millisecond))
		fac := rc.as(domain.RoleFasilitator)
		fac.get(rc.url("")) // opened once; later views write nothing
		u, _ := url.Parse(rc.ts.URL)
		cookies := fac.http.Jar.Cookies(u)
		b.Run(fmt.Sprintf("%d/queue", n), func(b *testing.B) { hammer(b, rc.ts.URL+"/penilaian", cookies) })
		b.Run(fmt.Sprintf("%d/review", n), func(b *testing.B) { hammer(b, rc.ts.URL+rc.url(""), cookies) })
	}
}

// seedWaiting adds n trainees to the review case's cohort, each with a
// release sent and waiting, sent after the ones before.
func (rc *reviewCase) seedWaiting(b testing.TB, n int) {
	b.Helper()
	ctx := context.Background()
	it := rc.srv.cfg.Catalog.Course(tcCourse).Item(tcPractice)
	js, err := json.Marshal(rc.report)
	if err != nil {
		b.Fatal(err)
	}
	trainee := rc.users[domain.RolePeserta]
	first := rc.seeded
	rc.seeded += n
	for lo := first; lo < first+n; lo += 1000 {
		batch := make([]domain.NewUser, 0, 1000)
		for i := lo; i < min(first+n, lo+1000); i++ {
			batch = append(batch, domain.NewUser{RegionID: trainee.RegionID, OPDID: trainee.OPDID, Email: fmt.Sprintf("antre%05d-%d@sukamaju.test", i, rc.cohort.ID),
				Name: fmt.Sprintf("Peserta Antre %d", i), Role: domain.RolePeserta, PasswordHash: "!"})
		}
		us, err := rc.db.CreateUsers(ctx, nil, batch)
		if err != nil {
			b.Fatal(err)
		}
		ids := make([]int64, len(us))
		for i, u := range us {
			ids[i] = u.ID
		}
		if _, err := rc.db.Enroll(ctx, nil, rc.cohort.ID, ids); err != nil {
			b.Fatal(err)
		}
		for _, u := range us {
			e, err := rc.db.EnrollmentForCourse(ctx, u.ID, tcCourse)
			if err != nil {
				b.Fatal(err)
			}
			sub, err := rc.db.EnsureSubmission(ctx, e.ID, u.ID, tcCourse, tcPractice)
			if err != nil {
				b.Fatal(err)
			}
			if _, _, err := rc.db.Submit(ctx, domain.SubmitInput{SubmissionID: sub.ID, LockVersion: sub.LockVersion, SubmitKey: "kunci",
				Headline: rvHeadline, Body: rvBody, ReportJSON: string(js), GraderVersion: grading.Version, AutoScore: rc.report.Score,
				MaxAttempts: it.Practice.MaxAttempts, ItemHash: it.Hash}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestQueueCountInNavigation: the navigation counts releases waiting in
// either state up to the cap, for the facilitator and the region's admin, and
// says "99+" past it.
func TestQueueCountInNavigation(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		ctx := context.Background()
		fac := rc.as(domain.RoleFasilitator)
		fac.get(rc.url("")) // opening it puts the first release in review
		if s, err := rc.db.Submission(ctx, rc.sub.ID); err != nil || s.State != domain.SubInReview {
			t.Fatalf("first release: %v %v", s.State, err)
		}
		rc.seedWaiting(t, 2)
		for _, u := range []*client{fac, rc.as(domain.RoleAdmin)} {
			if nav := u.get("/penilaian").text(`nav.nav a[href="/penilaian"]`); nav != "Antrean penilaian (3)" {
				t.Errorf("one in review and two sent: nav %q", nav)
			}
		}
		rc.seedWaiting(t, store.QueueCountCap)
		if got, err := rc.db.QueueCount(ctx, rc.cohort.RegionID, 0); err != nil || got != store.QueueCountCap {
			t.Errorf("past the cap: %d %v", got, err)
		}
		if nav := fac.get("/penilaian").text(`nav.nav a[href="/penilaian"]`); nav != fmt.Sprintf("Antrean penilaian (%d+)", store.QueueCountCap-1) {
			t.Errorf("past the cap: nav %q", nav)
		}
	})
}
