package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/notice"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// The release the review tests grade: it has findings (a vague time word, a
// non-standard word) and passages that occur more than once.
const (
	rvHeadline = "Posyandu Keliling Sasar 120 Balita di Mekarsari"
	rvBody     = `SUKAMAJU – Dinas Kesehatan Kabupaten Sukamaju menggelar posyandu keliling di Balai Desa Mekarsari, Senin (9/3/2026) pukul 08.00 WIB, untuk menjangkau balita yang belum ditimbang.

Petugas mendatangi Balai Desa Mekarsari dengan membawa timbangan. Sasaran penimbangan hari itu 120 balita. Warga di himbau membawa buku KIA.

"Kami datang agar tidak ada balita yang terlewat," kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat.`
)

// reviewCase is a fixture with the test course, a cohort and one sent release.
type reviewCase struct {
	*fixture
	cohort  domain.Cohort
	sub     domain.Submission
	version domain.SubmissionVersion
	report  grading.Report
	seeded  int // trainees seedWaiting added
}

func newReviewCase(t testing.TB, db *store.DB) *reviewCase {
	t.Helper()
	f := newFixture(t, db)
	f.withCourse()
	rc := &reviewCase{fixture: f, cohort: f.enrollTrainee()}
	rc.sub, rc.version, rc.report = rc.send(f.users[domain.RolePeserta], rvHeadline, rvBody)
	return rc
}

// send stores a sent release the way the practice page does: a draft, then
// Submit with the grader's real report.
func (rc *reviewCase) send(u domain.User, headline, body string) (domain.Submission, domain.SubmissionVersion, grading.Report) {
	rc.t.Helper()
	return rc.sendEdited(u, headline, body, nil)
}

// sendEdited is send with the grader's report changed by edit before it is stored.
func (rc *reviewCase) sendEdited(u domain.User, headline, body string, edit func(*grading.Report)) (domain.Submission, domain.SubmissionVersion, grading.Report) {
	t := rc.t
	t.Helper()
	ctx := context.Background()
	e, err := rc.db.EnrollmentForCourse(ctx, u.ID, tcCourse)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := rc.db.EnsureSubmission(ctx, e.ID, u.ID, tcCourse, tcPractice)
	if err != nil {
		t.Fatal(err)
	}
	it := rc.srv.cfg.Catalog.Course(tcCourse).Item(tcPractice)
	rep := grading.Grade(grading.Input{Headline: headline, Body: body, Brief: it.Practice.Brief,
		Now: time.Date(2026, 3, 9, 14, 0, 0, 0, WIB), Weights: it.Practice.Rubric})
	if edit != nil {
		edit(&rep)
	}
	js, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	key := make([]byte, 8)
	rand.Read(key)
	v, _, err := rc.db.Submit(ctx, domain.SubmitInput{SubmissionID: sub.ID, LockVersion: sub.LockVersion, SubmitKey: hex.EncodeToString(key),
		Headline: headline, Body: body, ReportJSON: string(js), GraderVersion: rep.GraderVersion, AutoScore: rep.Score,
		MaxAttempts: it.Practice.MaxAttempts, ItemHash: it.Hash, Notify: []int64{rc.users[domain.RoleFasilitator].ID}})
	if err != nil {
		t.Fatal(err)
	}
	sub, err = rc.db.Submission(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	return sub, v, rep
}

func (rc *reviewCase) url(suffix string) string {
	return "/penilaian/" + strconv.FormatInt(rc.sub.ID, 10) + suffix
}

// newUser creates another user of the fixture's region and logs them in.
func (f *fixture) newUser(role domain.Role, email, name string, opd *int64) (domain.User, *client) {
	f.t.Helper()
	hash, err := testPasswordHash()
	if err != nil {
		f.t.Fatal(err)
	}
	u, err := f.db.CreateUser(context.Background(), nil, domain.NewUser{RegionID: f.users[domain.RoleAdmin].RegionID, OPDID: opd,
		Email: email, Name: name, Role: role, PasswordHash: hash})
	if err != nil {
		f.t.Fatal(err)
	}
	c := f.client()
	if p := c.login(email, testPassword); p.status != 303 {
		f.t.Fatalf("login %s: %d", email, p.status)
	}
	return u, c
}

// decisionValues is the rubric form as the page hands it out, untouched.
func decisionValues(p page) url.Values {
	v := url.Values{}
	p.doc.Find(`#form-keputusan input[type=hidden], #form-keputusan input[type=number], #form-keputusan textarea`).Each(func(_ int, s *goquery.Selection) {
		name, _ := s.Attr("name")
		if s.Is("textarea") {
			v.Set(name, s.Text())
		} else {
			v.Set(name, s.AttrOr("value", ""))
		}
	})
	return v
}

func queueRows(p page) []string {
	var out []string
	p.doc.Find("table.queue tbody tr").Each(func(_ int, s *goquery.Selection) { out = append(out, strings.Join(strings.Fields(s.Text()), " ")) })
	return out
}

func TestReviewQueueFiltersAndAccess(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		ctx := context.Background()
		fac := rc.as(domain.RoleFasilitator)

		q := fac.get("/penilaian")
		rows := queueRows(q)
		if q.status != 200 || len(rows) != 1 {
			t.Fatalf("queue: %d, rows %q", q.status, rows)
		}
		for _, want := range []string{"Uji Peserta", "Dinas Kesehatan", "Rilis Posyandu", "Angkatan Uji", "Menunggu penilaian", strconv.Itoa(rc.version.AutoScore)} {
			if !strings.Contains(rows[0], want) {
				t.Errorf("queue row lacks %q: %q", want, rows[0])
			}
		}
		if href := q.doc.Find("table.queue tbody a").AttrOr("href", ""); href != rc.url("") {
			t.Errorf("row link = %q", href)
		}
		if nav := q.text(`nav.nav a[href="/penilaian"]`); nav != "Antrean penilaian (1)" {
			t.Errorf("nav = %q", nav)
		}
		for _, id := range []string{"saring-angkatan", "saring-opd", "saring-status"} {
			if q.doc.Find(`label[for=`+id+`]`).Length() != 1 || q.doc.Find(`select#`+id).Length() != 1 {
				t.Errorf("filter %s lacks its label or select", id)
			}
		}
		// The new submission's notification stays until it is marked read (issue 13).
		if !strings.Contains(q.text(".notices"), "mengirim versi 1 dari latihan “Rilis Posyandu”") {
			t.Errorf("notification missing: %q", q.text(".notices"))
		}
		if again := fac.get("/penilaian"); !strings.Contains(again.text(".notices"), "mengirim versi 1 dari latihan “Rilis Posyandu”") {
			t.Error("the notification vanished after one view")
		}

		filters := map[string]int{
			"?status=menunggu":                                 1,
			"?status=dinilai":                                  0,
			"?opd=" + strconv.FormatInt(rc.opd.ID, 10):         1,
			"?opd=" + strconv.FormatInt(rc.other.ID, 10):       0,
			"?angkatan=" + strconv.FormatInt(rc.cohort.ID, 10): 1,
			"?angkatan=999999":                                 0,
			"?status=bukan-status&opd=x":                       1,
		}
		for qs, want := range filters {
			p := fac.get("/penilaian" + qs)
			if got := len(queueRows(p)); p.status != 200 || got != want {
				t.Errorf("%s: %d rows (status %d), want %d", qs, got, p.status, want)
			}
		}
		if p := fac.get("/penilaian?status=dinilai"); !strings.Contains(p.text(".empty"), "cocok dengan saringan") {
			t.Errorf("empty filtered queue says %q", p.text(".empty"))
		}
		if sel := fac.get("/penilaian?status=menunggu").doc.Find(`#saring-status option[selected]`).AttrOr("value", ""); sel != "menunggu" {
			t.Errorf("chosen filter not kept: %q", sel)
		}

		// Admins see the whole region.
		adm := rc.as(domain.RoleAdmin)
		if a := adm.get("/penilaian"); len(queueRows(a)) != 1 || a.text(`nav.nav a[href="/penilaian"]`) != "Antrean penilaian (1)" {
			t.Errorf("admin queue: %d rows, nav %q", len(queueRows(a)), a.text(`nav.nav a[href="/penilaian"]`))
		}

		// A facilitator of another cohort: empty queue, and the submission does not exist for them.
		_, other := rc.newUser(domain.RoleFasilitator, "fasilitator-lain@sukamaju.test", "Fasilitator Lain", nil)
		if p := other.get("/penilaian"); len(queueRows(p)) != 0 || p.text(`nav.nav a[href="/penilaian"]`) != "Antrean penilaian (0)" {
			t.Errorf("other facilitator sees %d rows, nav %q", len(queueRows(p)), p.text(`nav.nav a[href="/penilaian"]`))
		}
		if p := other.get(rc.url("")); p.status != 404 || strings.Contains(p.body, "Balai Desa Mekarsari") {
			t.Errorf("other facilitator on the review page: %d", p.status)
		}
		if p := other.post(rc.url("/komentar"), url.Values{"field": {"isi"}, "quote": {"Mekarsari"}, "body": {"x"}}); p.status != 404 {
			t.Errorf("other facilitator commenting: %d", p.status)
		}
		if p := other.post(rc.url("/keputusan"), url.Values{"decision": {"approved"}, "lock_version": {"1"}, "version_id": {"1"}}); p.status != 404 {
			t.Errorf("other facilitator deciding: %d", p.status)
		}
		if p := fac.get("/penilaian/999999"); p.status != 404 {
			t.Errorf("unknown submission: %d", p.status)
		}
		// Trainees and agency heads are refused by role.
		for _, r := range []domain.Role{domain.RolePeserta, domain.RolePimpinanOPD} {
			c := rc.as(r)
			for _, p := range []string{"/penilaian", rc.url("")} {
				if got := c.get(p).status; got != 403 {
					t.Errorf("%s on %s: %d, want 403", r, p, got)
				}
			}
			if got := c.post(rc.url("/keputusan"), url.Values{"decision": {"approved"}}).status; got != 403 {
				t.Errorf("%s deciding: %d", r, got)
			}
		}
		if got := rc.client().get("/penilaian").status; got != 303 {
			t.Errorf("anonymous queue: %d", got)
		}
		// Nothing above changed the submission.
		if s, _ := db.Submission(ctx, rc.sub.ID); s.State != domain.SubSubmitted {
			t.Fatalf("state after refused requests: %s", s.State)
		}

		// Opening the review page moves it to "Sedang dinilai".
		if p := fac.get(rc.url("")); p.status != 200 {
			t.Fatalf("review page: %d", p.status)
		}
		if s, _ := db.Submission(ctx, rc.sub.ID); s.State != domain.SubInReview {
			t.Fatalf("state after opening: %s", s.State)
		}
		if p := fac.get("/penilaian?status=dinilai"); len(queueRows(p)) != 1 || !strings.Contains(queueRows(p)[0], "Sedang dinilai") {
			t.Errorf("in-review filter: %q", queueRows(p))
		}
	})
}

func TestReviewQueuePaginates(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	rc := &reviewCase{fixture: f, cohort: f.enrollTrainee()}
	ctx := context.Background()
	rc.send(f.users[domain.RolePeserta], rvHeadline, rvBody)
	opd := f.other.ID
	for i := 0; i < queuePageSize+2; i++ {
		u, err := f.db.CreateUser(ctx, nil, domain.NewUser{RegionID: f.users[domain.RoleAdmin].RegionID, OPDID: &opd,
			Email: fmt.Sprintf("peserta%02d@sukamaju.test", i), Name: fmt.Sprintf("Peserta %02d", i), Role: domain.RolePeserta, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.db.Enroll(ctx, nil, rc.cohort.ID, []int64{u.ID}); err != nil {
			t.Fatal(err)
		}
		rc.send(u, rvHeadline, rvBody)
	}
	fac := f.as(domain.RoleFasilitator)
	p1 := fac.get("/penilaian")
	if got := len(queueRows(p1)); got != queuePageSize || !strings.Contains(p1.text(".pager"), "Halaman 1 dari 2") {
		t.Fatalf("page 1: %d rows, pager %q", got, p1.text(".pager"))
	}
	// Oldest first: the fixture's trainee sent first.
	if !strings.Contains(queueRows(p1)[0], "Uji Peserta") {
		t.Errorf("first row = %q", queueRows(p1)[0])
	}
	for _, qs := range []string{"?halaman=2", "?halaman=99"} {
		p := fac.get("/penilaian" + qs)
		if got := len(queueRows(p)); got != 3 || !strings.Contains(p.text(".pager"), "Halaman 2 dari 2") {
			t.Errorf("%s: %d rows, pager %q", qs, got, p.text(".pager"))
		}
	}
	// The filter survives paging.
	p := fac.get("/penilaian?opd=" + strconv.FormatInt(opd, 10))
	if next := p.doc.Find(`.pager a[rel=next]`).AttrOr("href", ""); !strings.Contains(next, "opd="+strconv.FormatInt(opd, 10)) {
		t.Errorf("next link drops the filter: %q", next)
	}
	if nav := p.text(`nav.nav a[href="/penilaian"]`); nav != fmt.Sprintf("Antrean penilaian (%d)", queuePageSize+3) {
		t.Errorf("nav = %q", nav)
	}
}

func TestReviewPageShowsReleaseRubricAndBrief(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		p := rc.as(domain.RoleFasilitator).get(rc.url(""))
		if p.status != 200 || p.text("main h1") != "Penilaian rilis: Rilis Posyandu" {
			t.Fatalf("review page: %d %q", p.status, p.text("main h1"))
		}
		if len(rc.report.Findings) == 0 {
			t.Fatal("the test release should have findings")
		}
		marks := p.doc.Find(`.review-text[data-field=isi] mark.hl`)
		if marks.Length() == 0 || p.doc.Find(`.review-text[data-field=isi] .ref-temuan`).Length() == 0 {
			t.Fatalf("no highlighted findings in the body")
		}
		// The text shown is the text sent, escaped, without the reference numbers.
		clone := p.doc.Find(`.review-text[data-field=isi]`).Clone()
		clone.Find(".ref").Remove()
		if got := clone.Text(); got != rvBody {
			t.Fatalf("marked body differs from the release:\n%q\n%q", got, rvBody)
		}
		if got := p.doc.Find(`ol.findings > li`).Length(); got != len(rc.report.Findings) {
			t.Errorf("findings listed %d, report has %d", got, len(rc.report.Findings))
		}
		if !strings.Contains(p.text(".brief"), "Balai Desa Mekarsari") || !strings.Contains(p.text(".brief"), "dr. Rahmat Hidayat") {
			t.Errorf("brief: %q", p.text(".brief"))
		}
		// Rubric: one labelled number input per criterion, filled with the automatic score.
		for _, cr := range rc.report.Criteria {
			in := p.doc.Find(`#form-keputusan input#nilai-` + cr.ID)
			if in.AttrOr("type", "") != "number" || in.AttrOr("value", "") != strconv.Itoa(cr.Score) || in.AttrOr("min", "") != "0" || in.AttrOr("max", "") != "100" {
				t.Errorf("score input %s: %v", cr.ID, in.Nodes)
			}
			if p.doc.Find(`label[for=nilai-`+cr.ID+`]`).Length() != 1 || p.doc.Find(`label[for=alasan-`+cr.ID+`]`).Length() != 1 {
				t.Errorf("criterion %s lacks a label", cr.ID)
			}
		}
		var buttons []string
		p.doc.Find(`#form-keputusan button[name=decision]`).Each(func(_ int, s *goquery.Selection) {
			buttons = append(buttons, strings.TrimSpace(s.Text())+"="+s.AttrOr("value", ""))
		})
		if strings.Join(buttons, ",") != "Hitung nilai akhir=hitung,Setujui=approved,Kembalikan untuk revisi=returned,Tolak=rejected" {
			t.Errorf("buttons: %v", buttons)
		}
		v := decisionValues(p)
		if v.Get("version_id") != strconv.FormatInt(rc.version.ID, 10) || v.Get("lock_version") != strconv.Itoa(rc.sub.LockVersion) {
			t.Errorf("hidden fields: %v", v)
		}
		if href := p.doc.Find(`a[href="/latihan/` + strconv.FormatInt(rc.sub.ID, 10) + `/versi/1"]`).Length(); href != 1 {
			t.Error("no link to version 1")
		}
		if src := p.doc.Find(`script[src^="/static/review.js"]`).Length(); src != 1 {
			t.Error("review.js is not loaded")
		}
		if p.doc.Find("script:not([src])").Length() != 0 {
			t.Error("inline script on the review page")
		}
	})
}

func TestReviewCommentAnchoredByQuote(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		ctx := context.Background()
		fac := rc.as(domain.RoleFasilitator)
		fac.get(rc.url(""))

		// Without JavaScript: the passage typed, first occurrence wins.
		r := fac.post(rc.url("/komentar"), url.Values{"field": {"isi"}, "quote": {"Balai  Desa\nMekarsari"}, "body": {"Sebutkan alamat lengkapnya."}})
		if r.status != 303 || r.header.Get("Location") != rc.url("?pesan=komentar#komentar-1") {
			t.Fatalf("comment: %d %s %s", r.status, r.header.Get("Location"), r.text(".field-error"))
		}
		cs, _ := db.Comments(ctx, rc.version.ID)
		first := strings.Index(rvBody, "Balai Desa Mekarsari")
		wantStart := utf8.RuneCountInString(rvBody[:first]) // the dash before it is one rune, three bytes
		if len(cs) != 1 || cs[0].Start != wantStart || cs[0].End != wantStart+20 || cs[0].Quote != "Balai Desa Mekarsari" || cs[0].Field != "isi" {
			t.Fatalf("stored comment: %+v, want start %d", cs, wantStart)
		}
		// With offsets from review.js: the second "balita" is the one chosen.
		runes := []rune(rvBody)
		second := 0
		for i, n := 0, 0; i+6 <= len(runes); i++ {
			if string(runes[i:i+6]) == "balita" {
				if n++; n == 2 {
					second = i
					break
				}
			}
		}
		r = fac.post(rc.url("/komentar"), url.Values{"field": {"isi"}, "quote": {"balita"}, "start": {strconv.Itoa(second)}, "end": {strconv.Itoa(second + 6)},
			"body": {"<b>Angka</b> ini perlu sumber."}})
		if r.status != 303 {
			t.Fatalf("comment with offsets: %d %s", r.status, r.text(".field-error"))
		}
		// Offsets that do not match the quote fall back to the occurrence nearest to them.
		r = fac.post(rc.url("/komentar"), url.Values{"field": {"judul"}, "quote": {"120 Balita"}, "start": {"0"}, "end": {"3"}, "body": {"Judul bagus."}})
		if r.status != 303 {
			t.Fatalf("headline comment: %d %s", r.status, r.text(".field-error"))
		}
		cs, _ = db.Comments(ctx, rc.version.ID)
		if len(cs) != 3 || cs[0].Field != "judul" || cs[0].Quote != "120 Balita" || cs[2].Start != second {
			t.Fatalf("comments: %+v", cs)
		}

		p := fac.get(rc.url(""))
		if got := p.text(`.review-text[data-field=isi] #sorot-komentar-2`); got != "Balai Desa Mekarsari" {
			t.Errorf("comment 2 highlight = %q", got)
		}
		if got := p.text(`.review-text[data-field=judul] mark.komentar`); got != "120 Balita" {
			t.Errorf("headline comment highlight = %q", got)
		}
		if !strings.Contains(p.text("#komentar-3"), "<b>Angka</b> ini perlu sumber.") || p.doc.Find("#komentar-3 b").Length() != 0 {
			t.Errorf("comment body not shown as text: %q", p.text("#komentar-3"))
		}

		// Unknown passage: 422, the field marked, everything typed kept.
		bad := fac.post(rc.url("/komentar"), url.Values{"field": {"isi"}, "quote": {"Pantai Anyer"}, "body": {"Tempat ini tidak ada di lembar fakta."}})
		if bad.status != 422 || !strings.Contains(bad.text("#kutipan-error"), "tidak ditemukan") || bad.doc.Find(".has-error #kutipan").Length() != 1 {
			t.Fatalf("unknown quote: %d %q", bad.status, bad.text(".field-error"))
		}
		if bad.text("#kutipan") != "Pantai Anyer" || bad.text("#komentar-isi") != "Tempat ini tidak ada di lembar fakta." {
			t.Errorf("typed input lost: %q / %q", bad.text("#kutipan"), bad.text("#komentar-isi"))
		}
		if bad.doc.Find(`.error-summary a[href="#kutipan"]`).Length() != 1 {
			t.Error("no error summary link")
		}
		for name, form := range map[string]url.Values{
			"empty body":    {"field": {"isi"}, "quote": {"Mekarsari"}, "body": {"  "}},
			"no passage":    {"field": {"isi"}, "body": {"Komentar tanpa kutipan."}},
			"unknown field": {"field": {"tanggal"}, "quote": {"Mekarsari"}, "body": {"x"}},
			"wrong field":   {"field": {"judul"}, "quote": {"Balai Desa"}, "body": {"x"}},
		} {
			if p := fac.post(rc.url("/komentar"), form); p.status != 422 || p.doc.Find(".field-error").Length() == 0 {
				t.Errorf("%s: %d", name, p.status)
			}
		}
		if cs, _ := db.Comments(ctx, rc.version.ID); len(cs) != 3 {
			t.Fatalf("refused comments were stored: %d", len(cs))
		}
	})
}

func TestReviewDecisionValidationKeepsInput(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		ctx := context.Background()
		fac := rc.as(domain.RoleFasilitator)
		base := decisionValues(fac.get(rc.url("")))

		with := func(changes map[string]string) url.Values {
			v := url.Values{}
			for k, x := range base {
				v[k] = append([]string(nil), x...)
			}
			for k, x := range changes {
				v.Set(k, x)
			}
			return v
		}
		cases := []struct {
			name    string
			form    url.Values
			field   string // the input marked
			message string
			kept    map[string]string
		}{
			{"above 100", with(map[string]string{"nilai-faktual": "101", "alasan-faktual": "Terlalu tinggi?", "decision": "approved"}),
				"nilai-faktual", "di antara 0 dan 100", map[string]string{"nilai-faktual": "101", "alasan-faktual": "Terlalu tinggi?"}},
			{"not a number", with(map[string]string{"nilai-bahasa": "abc", "umum": "Komentar umum saya.", "decision": "approved"}),
				"nilai-bahasa", "bilangan bulat", map[string]string{"nilai-bahasa": "abc", "umum": "Komentar umum saya."}},
			{"negative", with(map[string]string{"nilai-aktual": "-5", "decision": "approved"}), "nilai-aktual", "di antara 0 dan 100", nil},
			{"no reason", with(map[string]string{"nilai-5w1h": "10", "decision": "returned", "umum": "Perbaiki teras."}),
				"alasan-5w1h", "Tuliskan alasan mengubah nilai 5W1H", map[string]string{"nilai-5w1h": "10", "umum": "Perbaiki teras."}},
			{"return without any comment", with(map[string]string{"decision": "returned"}), "komentar-umum", "tulis komentar umum", nil},
			{"reject without a reason", with(map[string]string{"decision": "rejected"}), "komentar-umum", "alasan penolakan", nil},
			{"no decision", with(map[string]string{"decision": "lulus"}), "keputusan", "Pilih salah satu keputusan", nil},
		}
		for _, tc := range cases {
			p := fac.post(rc.url("/keputusan"), tc.form)
			if p.status != 422 {
				t.Errorf("%s: status %d", tc.name, p.status)
				continue
			}
			if !strings.Contains(p.text(".error-summary"), tc.message) || p.doc.Find(`.error-summary a[href="#`+tc.field+`"]`).Length() != 1 {
				t.Errorf("%s: summary %q", tc.name, p.text(".error-summary"))
			}
			if p.doc.Find("#"+tc.field).Length() == 0 || (tc.field != "keputusan" && p.doc.Find(".has-error #"+tc.field).Length() != 1) {
				t.Errorf("%s: field %s not marked", tc.name, tc.field)
			}
			got := decisionValues(p)
			for k, want := range tc.kept {
				if got.Get(k) != want {
					t.Errorf("%s: %s = %q, want %q (kept)", tc.name, k, got.Get(k), want)
				}
			}
		}
		// "Hitung nilai akhir" shows the weighted final score and decides nothing.
		h := fac.post(rc.url("/keputusan"), with(map[string]string{"nilai-faktual": "0", "alasan-faktual": "Angka keliru.", "decision": "hitung"}))
		want := weightedWith(rc.report, "faktual", 0)
		if h.status != 200 || h.text("#nilai-akhir") != strconv.Itoa(want) {
			t.Errorf("hitung: %d, final %q, want %d", h.status, h.text("#nilai-akhir"), want)
		}
		if rs, _ := db.ReviewsOf(ctx, rc.sub.ID); len(rs) != 0 {
			t.Fatalf("a refused form stored a review: %+v", rs)
		}
		if s, _ := db.Submission(ctx, rc.sub.ID); s.State != domain.SubInReview || s.LockVersion != rc.sub.LockVersion {
			t.Fatalf("submission changed: %+v", s)
		}
	})
}

// weightedWith is the report's total with one criterion's score replaced,
// computed here independently of the handler: the weighted mean, scaled into
// the grader's cap when the report's total was capped.
func weightedWith(r grading.Report, id string, score int) int {
	sum, wsum := 0.0, 0.0
	for _, c := range r.Criteria {
		s := c.Score
		if c.ID == id {
			s = score
		}
		sum += float64(s * c.Weight)
		wsum += float64(c.Weight)
	}
	mean := math.Round(sum / wsum)
	if n := newCapNote(r); n != nil {
		return int(math.Round(mean * float64(n.Limit) / 100))
	}
	return int(mean)
}

func TestReviewTwoFacilitatorsConflict(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		ctx := context.Background()
		second, fac2 := rc.newUser(domain.RoleFasilitator, "fasilitator-dua@sukamaju.test", "Dewi Fasilitator", nil)
		if err := db.AddFacilitator(ctx, nil, rc.cohort.ID, second.ID); err != nil {
			t.Fatal(err)
		}
		fac1 := rc.as(domain.RoleFasilitator)
		form1 := decisionValues(fac1.get(rc.url("")))
		form2 := decisionValues(fac2.get(rc.url("")))

		form1.Set("nilai-faktual", "40")
		form1.Set("alasan-faktual", "Jumlah balita tidak disebut sumbernya.")
		form1.Set("umum", "Rilis sudah baik.")
		form1.Set("decision", "approved")
		if r := fac1.post(rc.url("/keputusan"), form1); r.status != 303 || r.header.Get("Location") != "/penilaian?pesan=approved" {
			t.Fatalf("first decision: %d %s %s", r.status, r.header.Get("Location"), r.text(".error-summary"))
		}
		// The same click arriving twice is not a conflict.
		if r := fac1.post(rc.url("/keputusan"), form1); r.status != 303 {
			t.Errorf("double click: %d", r.status)
		}
		form2.Set("umum", "Teras terlalu panjang; ringkas.")
		form2.Set("decision", "returned")
		r := fac2.post(rc.url("/keputusan"), form2)
		if r.status != 409 {
			t.Fatalf("second decision: %d", r.status)
		}
		msg := r.text(".conflict")
		for _, want := range []string{"Fasilitator lain sudah memberi keputusan", "tidak ada yang tertimpa", "Disetujui", "Uji Fasilitator", "Kembalikan untuk revisi"} {
			if !strings.Contains(msg, want) {
				t.Errorf("conflict message lacks %q: %q", want, msg)
			}
		}
		if r.text("#komentar-anda") != "Teras terlalu panjang; ringkas." {
			t.Errorf("the second facilitator's comment is not offered back: %q", r.text("#komentar-anda"))
		}
		if r.doc.Find("#form-keputusan").Length() != 0 {
			t.Error("the conflict page still offers the decision form")
		}

		// The database holds the first decision only.
		rs, _ := db.ReviewsOf(ctx, rc.sub.ID)
		rev, ok := rs[rc.version.ID]
		if len(rs) != 1 || !ok || rev.ReviewerID != rc.users[domain.RoleFasilitator].ID || rev.Decision != domain.DecisionApprove ||
			rev.GeneralComment != "Rilis sudah baik." {
			t.Fatalf("reviews: %+v", rs)
		}
		if want := weightedWith(rc.report, "faktual", 40); rev.FinalScore != want {
			t.Errorf("final score %d, want %d", rev.FinalScore, want)
		}
		scores, _ := db.ReviewScores(ctx, rev.ID)
		if len(scores) != len(rc.report.Criteria) {
			t.Fatalf("scores: %+v", scores)
		}
		for _, sc := range scores {
			if sc.Criterion == "faktual" && (sc.FinalScore != 40 || sc.Reason != "Jumlah balita tidak disebut sumbernya.") {
				t.Errorf("faktual score: %+v", sc)
			}
		}
		s, _ := db.Submission(ctx, rc.sub.ID)
		if s.State != domain.SubApproved {
			t.Fatalf("state: %s", s.State)
		}
		// Approval passes the practice; the trainee is told, with a link to the practice page.
		e, _ := db.EnrollmentForCourse(ctx, rc.users[domain.RolePeserta].ID, tcCourse)
		if states, _ := db.ItemStates(ctx, e.ID); states[tcPractice] != domain.StatePassed {
			t.Errorf("progress: %q", states[tcPractice])
		}
		notes, _ := db.Notifications(ctx, rc.users[domain.RolePeserta].ID, 5)
		if len(notes) != 1 || !strings.Contains(notice.Render(notes[0], i18n.ID).Message, "disetujui") || notice.Render(notes[0], i18n.ID).Link != lessonURL+tcPractice {
			t.Errorf("trainee notification: %+v", notes)
		}
		// Audit: the decision and the changed score, with who and why.
		dec, _ := db.AuditFor(ctx, "submission", strconv.FormatInt(rc.sub.ID, 10), 10)
		if len(dec) != 1 || dec[0].Action != "review.decide" || *dec[0].ActorID != rc.users[domain.RoleFasilitator].ID || !strings.Contains(dec[0].AfterJSON, "approved") {
			t.Errorf("decision audit: %+v", dec)
		}
		sc, _ := db.AuditFor(ctx, "submission_version", strconv.FormatInt(rc.version.ID, 10), 10)
		if len(sc) != 1 || sc[0].Action != "review.score" || sc[0].Reason != "Jumlah balita tidak disebut sumbernya." || !strings.Contains(sc[0].AfterJSON, "40") {
			t.Errorf("score audit: %+v", sc)
		}

		// Afterwards: out of the queue, the page shows the decision, no form.
		q := fac1.get("/penilaian?pesan=approved")
		if len(queueRows(q)) != 0 || !strings.Contains(q.text(".flash"), "disetujui") || q.text(`nav.nav a[href="/penilaian"]`) != "Antrean penilaian (0)" {
			t.Errorf("queue after the decision: %d rows, flash %q", len(queueRows(q)), q.text(".flash"))
		}
		p := fac2.get(rc.url(""))
		if p.status != 200 || !strings.Contains(p.text(".decided h2"), "Disetujui") || p.doc.Find("#form-keputusan, #form-komentar").Length() != 0 {
			t.Errorf("decided page: %d %q", p.status, p.text(".decided"))
		}
		if c := fac2.post(rc.url("/komentar"), url.Values{"field": {"isi"}, "quote": {"Mekarsari"}, "body": {"Terlambat."}}); c.status != 409 {
			t.Errorf("comment after the decision: %d", c.status)
		}
	})
}

func TestReviewReturnWithAnchoredCommentOnly(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		ctx := context.Background()
		fac := rc.as(domain.RoleFasilitator)
		fac.get(rc.url(""))
		if r := fac.post(rc.url("/komentar"), url.Values{"field": {"isi"}, "quote": {"di himbau"}, "body": {"Tulis: diimbau."}}); r.status != 303 {
			t.Fatalf("comment: %d %s", r.status, r.text(".field-error"))
		}
		form := decisionValues(fac.get(rc.url("")))
		form.Set("decision", "returned")
		if r := fac.post(rc.url("/keputusan"), form); r.status != 303 || r.header.Get("Location") != "/penilaian?pesan=returned" {
			t.Fatalf("return: %d %s %s", r.status, r.header.Get("Location"), r.text(".error-summary"))
		}
		s, _ := db.Submission(ctx, rc.sub.ID)
		if s.State != domain.SubReturned {
			t.Fatalf("state: %s", s.State)
		}
		notes, _ := db.Notifications(ctx, rc.users[domain.RolePeserta].ID, 5)
		if len(notes) != 1 || !strings.Contains(notice.Render(notes[0], i18n.ID).Message, "dikembalikan") {
			t.Errorf("trainee notification: %+v", notes)
		}
		// The trainee revises and sends version 2: it waits again, and the page links the diff.
		rc.sub, rc.version, rc.report = rc.send(rc.users[domain.RolePeserta], rvHeadline, strings.Replace(rvBody, "di himbau", "diimbau", 1))
		p := fac.get(rc.url(""))
		if p.status != 200 || p.doc.Find(`a[href="/latihan/`+strconv.FormatInt(rc.sub.ID, 10)+`/beda?dari=1&ke=2"]`).Length() != 1 {
			t.Fatalf("version 2 page: %d, diff link missing", p.status)
		}
		if !strings.Contains(p.text("table.versions"), "Dikembalikan") || p.doc.Find("ol.comments > li").Length() != 0 {
			t.Errorf("history %q / comments of the old version shown on the new one", p.text("table.versions"))
		}
	})
}

func TestFindQuote(t *testing.T) {
	t.Parallel()
	text := "Warga 😀 di Mekarsari datang. Mekarsari ramai;\nbalai desa penuh."
	cases := []struct {
		quote      string
		near       int
		start, end int
		ok         bool
	}{
		{"Mekarsari", -1, 11, 20, true},
		{"Mekarsari", 27, 29, 38, true},
		{"ramai; balai", -1, 39, 51, true},
		{"  Mekarsari  datang ", -1, 11, 27, true},
		{"mekarsari", -1, 0, 0, false},
		{"", -1, 0, 0, false},
		{"a.b", -1, 0, 0, false}, // not a pattern
	}
	for _, tc := range cases {
		s, e, ok := findQuote(text, tc.quote, tc.near)
		if ok != tc.ok || (ok && (s != tc.start || e != tc.end)) {
			t.Errorf("findQuote(%q, %d) = %d, %d, %v; want %d, %d, %v", tc.quote, tc.near, s, e, ok, tc.start, tc.end, tc.ok)
		}
	}
}

func TestFinalScoreWeighted(t *testing.T) {
	t.Parallel()
	scores := []domain.ReviewScore{{Criterion: "a", AutoScore: 80, FinalScore: 80}, {Criterion: "b", AutoScore: 70, FinalScore: 55}}
	w := map[string]int{"a": 3, "b": 1}
	if got := finalScore(scores, w, 0, 0); got != 74 { // 73.75
		t.Errorf("weighted = %d, want 74", got)
	}
	if got := finalScore(scores, map[string]int{}, 61, 0); got != 61 {
		t.Errorf("without weights = %d, want the automatic total", got)
	}
	// Capped at 69 (a kesalahan): the changed mean 74 is scaled, 74 × 69 / 100.
	if got := finalScore(scores, w, 53, grading.ErrorCap); got != 51 {
		t.Errorf("capped = %d, want 51", got)
	}
	// Nothing changed: the automatic total itself, cap included (mean 78, total 54).
	same := []domain.ReviewScore{{Criterion: "a", AutoScore: 80, FinalScore: 80}, {Criterion: "b", AutoScore: 70, FinalScore: 70}}
	if got := finalScore(same, w, 54, grading.ErrorCap); got != 54 {
		t.Errorf("unchanged = %d, want the automatic 54", got)
	}
}

// TestRejectKeepsTheGradersCap: the grader capped a release with a wrong
// figure at 53 (criteria mean 77, pass mark 70); the facilitator rejects
// without touching a score. The stored final score, the trainee's notice and
// the writing page say 53, never the uncapped 77. Both engines.
func TestRejectKeepsTheGradersCap(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		rc := &reviewCase{fixture: f, cohort: f.enrollTrainee()}
		var mean int
		rc.sub, rc.version, rc.report = rc.sendEdited(f.users[domain.RolePeserta], rvHeadline, rvBody, func(r *grading.Report) {
			sum, wsum := 0, 0
			for _, c := range r.Criteria {
				sum += c.Score * c.Weight
				wsum += c.Weight
			}
			mean = int(math.Round(float64(sum) / float64(wsum)))
			r.Findings = append(r.Findings, grading.Finding{Criterion: "faktual", Severity: grading.SevKesalahan, Field: "isi", Message: "Angka tidak sesuai lembar fakta."})
			r.Score = int(math.Round(float64(mean) * grading.ErrorCap / 100))
		})
		want := rc.report.Score
		if mean < 70 || want >= 70 {
			t.Fatalf("the case needs a passing mean and a failing capped total: mean %d, total %d", mean, want)
		}
		fac := rc.as(domain.RoleFasilitator)
		page := fac.get(rc.url(""))
		if got := page.text("#nilai-akhir"); got != strconv.Itoa(want) {
			t.Errorf("review page final %q, want %d", got, want)
		}
		if !strings.Contains(page.text("#form-keputusan"), "membatasi nilai rilis ini sampai 69") {
			t.Errorf("the rubric does not say the total is capped: %q", page.text("#form-keputusan"))
		}
		form := decisionValues(page)
		form.Set("decision", "rejected")
		form.Set("umum", "Angka peserta tidak sesuai lembar fakta.")
		form.Set("yakin-tolak", "1")
		if r := fac.post(rc.url("/keputusan"), form); r.status != http.StatusSeeOther {
			t.Fatalf("reject: %d %q", r.status, r.text(".error-summary"))
		}
		rs, err := db.ReviewsOf(context.Background(), rc.sub.ID)
		if err != nil || rs[rc.version.ID].FinalScore != want {
			t.Fatalf("stored final score %d (%v), want %d", rs[rc.version.ID].FinalScore, err, want)
		}
		ns, err := db.Notifications(context.Background(), f.users[domain.RolePeserta].ID, 20)
		if err != nil {
			t.Fatal(err)
		}
		told := ""
		for _, n := range ns {
			if n.Kind == domain.NoticeSubmissionRejected {
				told = notice.Render(n, i18n.ID).Message
			}
		}
		if !strings.Contains(told, fmt.Sprintf("(nilai %d)", want)) {
			t.Errorf("notice %q, want nilai %d", told, want)
		}
		if got := rc.as(domain.RolePeserta).get(practiceURL).text("#catatan-fasilitator"); !strings.Contains(got, fmt.Sprintf("nilai akhir %d", want)) {
			t.Errorf("writing page: %q", got)
		}
	})
}

// BenchmarkReviewPages measures the queue and the review page of a
// facilitator under the same 64-connection load as BenchmarkPages.
//
//	go test ./internal/web -run '^$' -bench ReviewPages -benchtime 3s
func BenchmarkReviewPages(b *testing.B) {
	rc := newReviewCase(b, testkit.SQLite(b))
	fac := rc.as(domain.RoleFasilitator)
	fac.get(rc.url("")) // opened once; later views write nothing
	u, _ := url.Parse(rc.ts.URL)
	cookies := fac.http.Jar.Cookies(u)
	b.Run("queue", func(b *testing.B) { hammer(b, rc.ts.URL+"/penilaian", cookies) })
	b.Run("review", func(b *testing.B) { hammer(b, rc.ts.URL+rc.url(""), cookies) })
}

// TestQueueOfManyWaiting: with more releases waiting than the queue page
// counts, the page says “Lebih dari 200”, lists the oldest first across both
// waiting states (one opened for review, the rest sent), and pages stop at
// the counted ones.
func TestQueueOfManyWaiting(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		fac := rc.as(domain.RoleFasilitator)
		fac.get(rc.url("")) // the oldest is now in review
		rc.seedWaiting(t, store.QueueTotalCap+5)
		p := fac.get("/penilaian")
		if got := p.text("#jumlah-antrean"); !strings.HasPrefix(got, fmt.Sprintf("Lebih dari %d rilis dalam antrean.", store.QueueTotalCap)) {
			t.Fatalf("count: %q", got)
		}
		rows := p.doc.Find("table.queue tbody tr")
		if rows.Length() != queuePageSize || !strings.Contains(rows.First().Text(), rc.users[domain.RolePeserta].Name) ||
			!strings.Contains(rows.Eq(1).Text(), "Peserta Antre 0") || !strings.Contains(rows.Eq(2).Text(), "Peserta Antre 1") {
			t.Fatalf("first page: %d rows, %q / %q / %q", rows.Length(), rows.First().Text(), rows.Eq(1).Text(), rows.Eq(2).Text())
		}
		last := fac.get(fmt.Sprintf("/penilaian?halaman=%d", store.QueueTotalCap/queuePageSize+5)).doc.Find("table.queue tbody tr")
		want := fmt.Sprintf("Peserta Antre %d", store.QueueTotalCap-2)
		if last.Length() != queuePageSize || !strings.Contains(last.Last().Text(), want) {
			t.Fatalf("last page: %d rows, last %q, want %q", last.Length(), last.Last().Text(), want)
		}
	})
}

// TestApproveBelowPassScoreWarns: beside "Setujui" the page warns when the
// current final score is below the practice's pass score (QA item 9: releases
// scoring 55 against a pass mark of 70 were approved with no notice), and
// says nothing when it reaches it.
func TestApproveBelowPassScoreWarns(t *testing.T) {
	t.Parallel()
	rc := newReviewCase(t, testkit.SQLite(t))
	pass := rc.srv.cfg.Catalog.Course(tcCourse).Item(tcPractice).Practice.PassScore
	fac := rc.as(domain.RoleFasilitator)
	p := fac.get(rc.url(""))
	base := decisionValues(p)
	if got := p.doc.Find("#setujui-akibat").Length(); (rc.version.AutoScore < pass) != (got == 1) {
		t.Errorf("automatic score %d, pass score %d: warning shown %d times", rc.version.AutoScore, pass, got)
	}
	for _, cr := range rc.report.Criteria {
		base.Set("nilai-"+cr.ID, "0")
		base.Set("alasan-"+cr.ID, "Belum memenuhi.")
	}
	base.Set("decision", "hitung")
	h := fac.post(rc.url("/keputusan"), base)
	warn := h.text("#setujui-akibat")
	if h.status != 200 || !strings.Contains(warn, "Nilai akhir 0 di bawah nilai lulus latihan ini ("+strconv.Itoa(pass)+")") {
		t.Errorf("final score 0, pass score %d: status %d, warning %q", pass, h.status, warn)
	}
	if d, _ := h.doc.Find(`button[value=approved]`).Attr("aria-describedby"); d != "setujui-akibat" {
		t.Errorf("“Setujui” is not described by the warning: %q", d)
	}
}
