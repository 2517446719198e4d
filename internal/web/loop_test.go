package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/brief"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// squash joins a selection's text into single-spaced words.
func squash(p page, sel string) string {
	return strings.Join(strings.Fields(p.doc.Find(sel).Text()), " ")
}

// decide posts the facilitator's decision form with changes applied.
func (rc *reviewCase) decide(fac *client, changes map[string]string) page {
	rc.t.Helper()
	v := decisionValues(fac.get(rc.url("")))
	for k, x := range changes {
		v.Set(k, x)
	}
	return fac.post(rc.url("/keputusan"), v)
}

// TestRejectIsConfirmed: "Tolak" says what it does next to the button and
// needs "Saya yakin"; without it nothing is decided and the typed words stay.
func TestRejectIsConfirmed(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		fac := rc.as(domain.RoleFasilitator)
		p := fac.get(rc.url(""))
		if warn := squash(p, "#tolak-akibat"); !strings.Contains(warn, "kecuali fasilitator membukanya kembali") || !strings.Contains(warn, "sisa kesempatan 2 dari 3") {
			t.Errorf("warning beside Tolak: %q", warn)
		}
		if p.doc.Find(`#form-keputusan input[type=checkbox]#yakin-tolak`).Length() != 1 || p.doc.Find(`label[for=yakin-tolak]`).Text() != "Saya yakin akan menolak rilis ini" {
			t.Error("no labelled \"Saya yakin\" box")
		}
		r := rc.decide(fac, map[string]string{"decision": "rejected", "umum": "Data tidak sesuai lembar fakta.", "nilai-faktual": "10", "alasan-faktual": "Angka salah."})
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(squash(r, ".error-summary"), "Saya yakin") ||
			r.doc.Find(`.error-summary a[href="#yakin-tolak"]`).Length() != 1 {
			t.Fatalf("reject without confirmation: %d %q", r.status, squash(r, ".error-summary"))
		}
		// The browser lands on the refusal, not on the page's top: the
		// form's address names the summary, as on every refusing form.
		if a, _ := r.doc.Find("#form-keputusan").Attr("action"); !strings.HasSuffix(a, "#galat") || r.doc.Find("#galat.error-summary").Length() != 1 {
			t.Errorf("the decision form (%q) does not lead to its error summary", a)
		}
		if got := decisionValues(r); got.Get("umum") != "Data tidak sesuai lembar fakta." || got.Get("nilai-faktual") != "10" || got.Get("alasan-faktual") != "Angka salah." {
			t.Errorf("typed words not kept: %v", got)
		}
		if s, _ := db.Submission(context.Background(), rc.sub.ID); s.State != domain.SubInReview {
			t.Fatalf("state after an unconfirmed Tolak: %s", s.State)
		}
		r = rc.decide(fac, map[string]string{"decision": "rejected", "umum": "Data tidak sesuai lembar fakta.", "yakin-tolak": "1"})
		if r.status != http.StatusSeeOther {
			t.Fatalf("confirmed reject: %d %q", r.status, squash(r, ".error-summary"))
		}
		if s, _ := db.Submission(context.Background(), rc.sub.ID); s.State != domain.SubRejected {
			t.Fatalf("state after Tolak: %s", s.State)
		}
	})
}

// TestRejectedPracticeStartsAgain: the trainee sees why and what next; while
// attempts remain "Mulai lagi dari awal" gives an empty, sendable draft with
// the rejected version kept in the history; when none remain the page says
// only a facilitator can reopen it and the restart is refused.
func TestRejectedPracticeStartsAgain(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		ctx := context.Background()
		fac := rc.as(domain.RoleFasilitator)
		trainee := rc.as(domain.RolePeserta)
		reject := func() {
			t.Helper()
			if r := rc.decide(fac, map[string]string{"decision": "rejected", "umum": "Rilis ini menyalin berita lain.", "yakin-tolak": "1"}); r.status != http.StatusSeeOther {
				t.Fatalf("reject: %d %q", r.status, squash(r, ".error-summary"))
			}
		}
		reject()

		p := trainee.get(practiceURL)
		fb := squash(p, "#catatan-fasilitator")
		for _, want := range []string{"Ditolak", "Uji Fasilitator", "Rilis ini menyalin berita lain.", "Langkah berikutnya", "sisa kesempatan mengirim 2 dari 3", "tetap tersimpan di riwayat"} {
			if !strings.Contains(fb, want) {
				t.Errorf("feedback lacks %q: %q", want, fb)
			}
		}
		form := p.doc.Find(`#catatan-fasilitator form[action="` + practiceURL + `/mulai-lagi"]`)
		if form.Length() != 1 || strings.TrimSpace(form.Find("button").Text()) != "Mulai lagi dari awal" {
			t.Fatal("no \"Mulai lagi dari awal\" form")
		}
		r := trainee.post(practiceURL+"/mulai-lagi", nil)
		if r.status != http.StatusSeeOther || r.header.Get("Location") != practiceURL+"?mulai=lagi" {
			t.Fatalf("restart: %d %q", r.status, r.header.Get("Location"))
		}
		p = trainee.get(practiceURL + "?mulai=lagi")
		if !strings.Contains(p.text(".notice"), "Versi yang ditolak tetap tersimpan") {
			t.Errorf("notice: %q", p.text(".notice"))
		}
		if p.doc.Find("#judul").AttrOr("value", "x") != "" || p.doc.Find("#isi").Text() != "" || p.doc.Find("#isi[readonly]").Length() != 0 || p.doc.Find("#kirim").Length() != 1 {
			t.Fatal("the fresh start is not an empty, editable text with \"Kirim rilis\"")
		}
		if hist := squash(p, "section[aria-labelledby=riwayat] tbody"); !strings.Contains(hist, "Versi 1") || !strings.Contains(hist, "Ditolak") {
			t.Errorf("history after the restart: %q", hist)
		}
		// A repeated click (or a refresh of the POST) changes nothing once restarted.
		if _, err := db.SaveDraft(ctx, rc.sub.ID, "Judul baru", "Teks baru"); err != nil {
			t.Fatal(err)
		}
		if r := trainee.post(practiceURL+"/mulai-lagi", nil); r.status != http.StatusSeeOther {
			t.Fatalf("second restart: %d", r.status)
		}
		if s, _ := db.Submission(ctx, rc.sub.ID); s.DraftBody != "Teks baru" {
			t.Fatalf("a second restart emptied the new draft: %q", s.DraftBody)
		}
		// Sending from the fresh page makes version 2.
		r = trainee.post(practiceURL+"/kirim", writeForm(p, rvHeadline, rvBody))
		if r.status != http.StatusSeeOther || !strings.HasSuffix(strings.SplitN(r.header.Get("Location"), "?", 2)[0], "/versi/2") {
			t.Fatalf("send after restart: %d %q %q", r.status, r.header.Get("Location"), squash(r, ".error-summary"))
		}

		// Use up the attempts: version 2 and 3 rejected.
		reject()
		if r := trainee.post(practiceURL+"/mulai-lagi", nil); r.status != http.StatusSeeOther {
			t.Fatalf("restart 2: %d", r.status)
		}
		rc.send(rc.users[domain.RolePeserta], rvHeadline, rvBody)
		reject()
		p = trainee.get(practiceURL)
		fb = squash(p, "#catatan-fasilitator")
		if !strings.Contains(fb, "Hanya fasilitator yang dapat membukanya kembali") || p.doc.Find(`form[action$="/mulai-lagi"]`).Length() != 0 {
			t.Errorf("no attempts left: %q", fb)
		}
		r = trainee.post(practiceURL+"/mulai-lagi", nil)
		if r.status != http.StatusConflict || !strings.Contains(squash(r, ".error-summary"), "hanya fasilitator") {
			t.Fatalf("restart without attempts: %d %q", r.status, squash(r, ".error-summary"))
		}
		if s, _ := db.Submission(ctx, rc.sub.ID); s.State != domain.SubRejected || s.Versions != 3 {
			t.Fatalf("after the refused restart: %s, %d versions", s.State, s.Versions)
		}
	})
}

// TestReturnedFeedbackOnWritingPage: after "Kembalikan untuk revisi" the
// writing page, where the trainee revises, shows the general comment, every
// changed score with its reason and the comments on passages.
func TestReturnedFeedbackOnWritingPage(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		fac := rc.as(domain.RoleFasilitator)
		fac.get(rc.url(""))
		if r := fac.post(rc.url("/komentar"), url.Values{"field": {"isi"}, "quote": {"di himbau"}, "body": {"Tulis \"diimbau\", serangkai."}}); r.status != http.StatusSeeOther {
			t.Fatalf("comment: %d %q", r.status, squash(r, ".error-summary"))
		}
		r := rc.decide(fac, map[string]string{"decision": "returned", "umum": "Teras sudah baik; rapikan ejaan.",
			"nilai-bahasa": "40", "alasan-bahasa": "Dua kata tidak baku dalam satu paragraf."})
		if r.status != http.StatusSeeOther {
			t.Fatalf("return: %d %q", r.status, squash(r, ".error-summary"))
		}
		p := rc.as(domain.RolePeserta).get(practiceURL)
		fb := squash(p, "#catatan-fasilitator")
		for _, want := range []string{"Dikembalikan", "Teras sudah baik; rapikan ejaan.", "Bahasa", "40", "Dua kata tidak baku dalam satu paragraf.",
			"“di himbau”", "Tulis \"diimbau\", serangkai.", "Perbaiki teks", "sisa kesempatan mengirim: 2 dari 3"} {
			if !strings.Contains(fb, want) {
				t.Errorf("writing page feedback lacks %q: %q", want, fb)
			}
		}
		if p.doc.Find("#catatan-fasilitator tbody tr").Length() != 1 {
			t.Errorf("only the changed score is listed: %q", squash(p, "#catatan-fasilitator table"))
		}
		if p.doc.Find("#isi[readonly]").Length() != 0 || p.doc.Find("#kirim").Length() != 1 {
			t.Error("the returned text cannot be revised on the page that shows the feedback")
		}
	})
}

// TestSendRefusesFarTooShort: "Kirim rilis" on a few words spends no attempt;
// the text stays and the message says how many words are needed.
func TestSendRefusesFarTooShort(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		p := c.get(practiceURL)
		r := c.post(practiceURL+"/kirim", writeForm(p, goodHeadline, "Posyandu keliling hari ini."))
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("four words sent: %d", r.status)
		}
		msg := r.text("#masalah-isi")
		for _, want := range []string{"baru 4 kata", "sedikitnya 40 kata", "kesempatan mengirim tidak terbuang"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message lacks %q: %q", want, msg)
			}
		}
		if r.doc.Find(`.error-summary a[href="#isi"]`).Length() != 1 || r.doc.Find("#isi").Text() != "Posyandu keliling hari ini." {
			t.Error("no summary link to the body, or the text was not kept")
		}
		e, err := db.EnrollmentForCourse(context.Background(), f.users[domain.RolePeserta].ID, tcCourse)
		if err != nil {
			t.Fatal(err)
		}
		if sub, err := db.SubmissionFor(context.Background(), e.ID, tcPractice); !errors.Is(err, domain.ErrNotFound) && (err != nil || sub.Versions != 0) {
			t.Fatalf("a version was made: %+v %v", sub, err)
		}
		if r := c.post(practiceURL+"/kirim", writeForm(p, goodHeadline, goodBody)); r.status != http.StatusSeeOther {
			t.Fatalf("a full release: %d %q", r.status, r.text(".error-summary"))
		}
	})
}

// TestSendMinimumFollowsKetentuan: with a word range in the brief the floor
// is half its minimum; without one, minSendWords.
func TestSendMinimumFollowsKetentuan(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		rule  [2]int
		least int
		want  string
	}{
		{[2]int{250, 400}, 125, "latihan ini meminta 250–400 kata"},
		{[2]int{75, 150}, 38, "latihan ini meminta 75–150 kata"},
		{[2]int{}, minSendWords, "sedikitnya 40 kata"},
	} {
		p := &course.Practice{Brief: &brief.Brief{Ketentuan: &brief.Requirements{BodyWords: tc.rule}}}
		least, want := sendMinimum(i18n.ID, p)
		if least != tc.least || !strings.Contains(want, tc.want) {
			t.Errorf("%v: %d %q, want %d %q", tc.rule, least, want, tc.least, tc.want)
		}
	}
	if least, _ := sendMinimum(i18n.ID, &course.Practice{}); least != minSendWords {
		t.Errorf("no brief: %d", least)
	}
}

// TestAttendanceNotBeforeSession: a session that has not started has no
// attendance form, and a posted one is refused with nothing counted; once it
// has started the same form is saved.
func TestAttendanceNotBeforeSession(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newCourseFixture(t, db)
		co := openCohort(f, "Angkatan Jadwal")
		peserta := f.users[domain.RolePeserta]
		enroll(f, co, peserta)
		ls := openSession(f, co, "Sesi besok", f.clock.now.Add(24*time.Hour))
		path := fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", ls.ID)
		field := fmt.Sprintf("status-%d", peserta.ID)
		fac := f.as(domain.RoleFasilitator)

		p := fac.get(path)
		if p.status != http.StatusOK || !strings.Contains(p.text(".notice"), "belum berlangsung") || p.doc.Find(`form[action="`+path+`"]`).Length() != 0 {
			t.Fatalf("page of a coming session: %d %q, form shown: %d", p.status, p.text(".notice"), p.doc.Find(`form[action="`+path+`"]`).Length())
		}
		r := fac.post(path, url.Values{field: {domain.AttendPresent}})
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.text(".error-summary"), "Sesi ini belum berlangsung") {
			t.Fatalf("attendance of a coming session: %d %q", r.status, r.text(".error-summary"))
		}
		if n, _ := db.AttendedSessions(context.Background(), peserta.ID, co.ID); n != 0 {
			t.Fatalf("a coming session counts %d attended", n)
		}

		f.clock.now = ls.StartsAt.Add(time.Minute)
		fac = f.as(domain.RoleFasilitator)
		if r := fac.post(path, url.Values{field: {domain.AttendPresent}}); r.status != http.StatusSeeOther {
			t.Fatalf("attendance once the session started: %d %q", r.status, r.text(".error-summary"))
		}
		if n, _ := db.AttendedSessions(context.Background(), peserta.ID, co.ID); n != 1 {
			t.Fatalf("attended = %d, want 1", n)
		}
	})
}

// TestVersionPageSaysWhichVersionWasDecided: an older version's decision is
// labelled with its version, apart from the current state of the release.
func TestVersionPageSaysWhichVersionWasDecided(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		fac := rc.as(domain.RoleFasilitator)
		if r := rc.decide(fac, map[string]string{"decision": "returned", "umum": "Rapikan ejaan."}); r.status != http.StatusSeeOther {
			t.Fatalf("return: %d", r.status)
		}
		rc.send(rc.users[domain.RolePeserta], rvHeadline, strings.Replace(rvBody, "di himbau", "diimbau", 1))
		if r := rc.decide(fac, map[string]string{"decision": "approved"}); r.status != http.StatusSeeOther {
			t.Fatalf("approve: %d %q", r.status, squash(r, ".error-summary"))
		}
		p := rc.as(domain.RolePeserta).get(fmt.Sprintf("/latihan/%d/versi/1", rc.sub.ID))
		text := squash(p, "main")
		for _, want := range []string{"Status rilis saat ini (versi terbaru: 2): Disetujui", "Keputusan fasilitator atas versi 1: Dikembalikan"} {
			if !strings.Contains(text, want) {
				t.Errorf("version 1 page lacks %q", want)
			}
		}
	})
}

// TestMarkersTellFindingsFromComments: in the text a finding's reference reads
// T1…, a comment's K1…, and the lists carry the same marks.
func TestMarkersTellFindingsFromComments(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		fac := rc.as(domain.RoleFasilitator)
		fac.get(rc.url(""))
		if r := fac.post(rc.url("/komentar"), url.Values{"field": {"isi"}, "quote": {"Balai Desa Mekarsari"}, "body": {"Cukup sekali."}}); r.status != http.StatusSeeOther {
			t.Fatalf("comment: %d", r.status)
		}
		p := fac.get(rc.url(""))
		if got := strings.TrimSpace(p.doc.Find(".ref-komentar").First().Text()); got != "K1" {
			t.Errorf("comment reference in the text = %q, want K1", got)
		}
		if got := strings.TrimSpace(p.doc.Find(".ref-temuan").First().Text()); !strings.HasPrefix(got, "T") {
			t.Errorf("finding reference in the text = %q, want T…", got)
		}
		if !strings.Contains(squash(p, "#komentar-1"), "Komentar K1") || !strings.HasPrefix(squash(p, "ol.findings > li"), "T1") {
			t.Errorf("lists: %q / %q", squash(p, "#komentar-1"), squash(p, "ol.findings > li"))
		}
	})
}

// TestDiffMarksWithoutColour: added and removed words carry visible marks.
func TestDiffMarksWithoutColour(t *testing.T) {
	t.Parallel()
	got := string(diffHTML("Warga di himbau datang.", "Warga diimbau datang pagi."))
	if !strings.Contains(got, `<ins><span class="diff-mark">[+</span>`) || !strings.Contains(got, `<del><span class="diff-mark">[−</span>`) {
		t.Fatalf("diff without marks: %s", got)
	}
}

// TestFormAnchorsExist: a form whose address names a place on the page
// (action="…#x", so a refusal or a result is in view after the POST) names one
// its template has. Catches a renamed id that would leave the browser at the top.
func TestFormAnchorsExist(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../../web/templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("templates: %v", err)
	}
	action := regexp.MustCompile(`<form[^>]*action="[^"#]*#([A-Za-z0-9_-]+)"`)
	checked := 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range action.FindAllSubmatch(b, -1) {
			checked++
			if !strings.Contains(string(b), `id="`+string(m[1])+`"`) {
				t.Errorf("%s: a form leads to #%s, which the template does not have", filepath.Base(file), m[1])
			}
		}
	}
	if checked < 3 {
		t.Fatalf("only %d anchored forms found", checked)
	}
}
