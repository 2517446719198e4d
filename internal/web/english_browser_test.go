package web

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// indonesianUIWords are words of the interface that an English page must not
// show outside the course's content and the grader's findings.
var indonesianUIWords = []string{
	"Simpan", "Kirim", "Keluar", "Beranda", "Pemberitahuan", "Periksa", "Kembali", "Masuk", "Kursus", "Materi", "Kuis",
	"Latihan", "Nilai", "Anda", "Belum", "Selesai", "Sertifikat", "Jadwal", "Akun", "Bahasa", "sandi", "Temuan", "Kriteria",
	"Unsur", "Ringkasan", "Bobot", "Judul", "Isi", "rilis", "kesempatan", "dari", "untuk", "yang", "dengan", "atau", "tidak",
	"sudah", "belum", "dan", "pukul", "Januari", "Februari", "Maret", "Mei", "Juni", "Juli", "Agustus", "Oktober", "Desember",
	"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Tandai", "Lanjut", "Sebelumnya", "Berikutnya",
}

// contentSelectors hold text that stays Indonesian in the English interface:
// the course's own words (lessons, the fact sheet, quiz questions), the
// trainee's text and the grader's findings and summaries (they teach
// Indonesian writing), form fields, and code: literal values a file must
// hold as they are (the import's peran and admin_medsos values).
const contentSelectors = `script, style, textarea, input, select, code, .prose, .brief, .write-brief, .instructions, .findings, .marked,
	.report td.wide, .w5 tbody td:last-child, .grader-summary, .insight tbody th, .insight-suggestion strong, .question legend, .choice, .explain, .passage, .comment-body, .general`

// pageCheck reads what a person sees on the page outside the content above,
// and checks the page's markup: lang="en", one main and one h1, unique ids,
// every reference (label for, aria-labelledby, aria-describedby, #links) to
// an id that exists, no aria-labelledby on an element without a role that
// takes a name, and landmark names used once.
const pageCheck = `(() => {
  const problems = [];
  if (document.documentElement.lang !== "en") problems.push("html lang=" + document.documentElement.lang);
  if (document.querySelectorAll("main").length !== 1) problems.push("main elements: " + document.querySelectorAll("main").length);
  if (document.querySelectorAll("h1").length !== 1) problems.push("h1 elements: " + document.querySelectorAll("h1").length);
  const ids = {};
  document.querySelectorAll("[id]").forEach(e => { if (ids[e.id]) problems.push("duplicate id " + e.id); ids[e.id] = true; });
  const ref = (id, what) => { if (id && !document.getElementById(id)) problems.push(what + " points to missing id " + id); };
  document.querySelectorAll("label[for]").forEach(e => ref(e.htmlFor, "label"));
  document.querySelectorAll("[aria-labelledby],[aria-describedby]").forEach(e => {
    ["aria-labelledby", "aria-describedby"].forEach(a => (e.getAttribute(a) || "").split(/\s+/).forEach(id => ref(id, a)));
  });
  document.querySelectorAll("a[href^='#']").forEach(e => { const id = decodeURIComponent(e.getAttribute("href").slice(1)); if (id) ref(id, "link"); });
  document.querySelectorAll("div[aria-labelledby]:not([role]), span[aria-labelledby]:not([role])").forEach(e => problems.push("aria-labelledby without a role on " + e.outerHTML.slice(0, 80)));
  const names = {};
  document.querySelectorAll("nav[aria-label], [role=region][aria-labelledby], section[aria-labelledby], nav[aria-labelledby], aside[aria-label]").forEach(e => {
    const name = (e.getAttribute("aria-label") || (document.getElementById(e.getAttribute("aria-labelledby")) || {}).textContent || "").trim();
    const key = (e.getAttribute("role") || e.tagName) + ":" + name;
    if (name && names[key]) problems.push("landmark name used twice: " + key);
    names[key] = true;
  });
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll(%q).forEach(e => e.remove());
  copy.querySelectorAll("[aria-label]").forEach(e => e.insertAdjacentText("beforeend", " " + e.getAttribute("aria-label") + " "));
  return {problems: problems, text: copy.textContent.replace(/\s+/g, " ")};
})()`

type pageReport struct {
	Problems []string `json:"problems"`
	Text     string   `json:"text"`
}

// TestBrowserEnglishTraineeSeesNoIndonesian signs in as a trainee who chose
// English and walks the main pages (Beranda, course, lesson, quiz with its
// result, the writing page with a graded report, notifications, account):
// no Indonesian word of the interface is left outside the course's content
// and the grader's findings, the report says why its findings are
// Indonesian, and every page's markup passes the checks of pageCheck.
func TestBrowserEnglishTraineeSeesNoIndonesian(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	co := f.withCourse()
	f.enrollTrainee()
	trainee := f.users[domain.RolePeserta]
	bg := context.Background()
	if err := f.db.SetUserLang(bg, trainee.ID, "en"); err != nil {
		t.Fatal(err)
	}
	// Something in every list: a decision and a cancelled session.
	if err := f.db.Notify(bg, trainee.ID, domain.NoticeSubmissionApproved, domain.NoticeParams{CourseID: tcCourse, ItemID: tcPractice, ItemTitle: "Rilis Posyandu", Score: 81}); err != nil {
		t.Fatal(err)
	}
	if err := f.db.Notify(bg, trainee.ID, domain.NoticeLiveSessionCancelled, domain.NoticeParams{SessionTopic: "Praktik menulis", CohortName: "Angkatan Uji",
		SessionWhen: "Kamis, 16 April 2026, pukul 09.00–11.00 WIB"}); err != nil {
		t.Fatal(err)
	}
	// Names that are data, not interface: the course's titles, people, places.
	var data []string
	data = append(data, co.Title, co.Summary, co.Certificate.Title, "Rilis Posyandu", "Praktik menulis", "Angkatan Uji", "Pemerintah Kabupaten Sukamaju",
		f.opd.Name, f.opd.ShortName, trainee.Name, trainee.Email, goodHeadline)
	for _, m := range co.Modules {
		data = append(data, m.Title, m.Summary)
	}
	for _, it := range co.Items {
		data = append(data, it.Title)
	}
	for _, u := range f.users {
		data = append(data, u.Name)
	}
	sort.Slice(data, func(i, j int) bool { return len(data[i]) > len(data[j]) })
	words := regexp.MustCompile(`\b(` + strings.Join(indonesianUIWords, "|") + `)\b`)
	look := func(name string) string {
		t.Helper()
		r, err := chromedp.Run(ctx, chromedp.Evaluate[pageReport](strings.Replace(pageCheck, "%q", "`"+contentSelectors+"`", 1)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, p := range r.Problems {
			t.Errorf("%s: %s", name, p)
		}
		text := r.Text
		for _, d := range data {
			if d != "" {
				text = strings.ReplaceAll(text, d, " ")
			}
		}
		if leaks := words.FindAllString(text, -1); len(leaks) > 0 {
			t.Errorf("%s shows Indonesian %q in:\n%s", name, leaks, text)
		}
		return r.Text
	}

	browserLogin(t, ctx, f, domain.RolePeserta)
	look("Home")
	for _, pg := range []struct{ name, path string }{
		{"course", "/kursus/" + tcCourse},
		{"lesson", lessonURL + tcLesson1},
		{"quiz", lessonURL + tcQuiz},
		{"notifications", "/pemberitahuan"},
		{"account", "/akun"},
		{"schedule", "/jadwal"},
		{"certificates", "/sertifikat"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(f.ts.URL+pg.path), chromedp.WaitReady(chromedp.CSS("main"))); err != nil {
			t.Fatalf("%s: %v", pg.name, err)
		}
		text := look(pg.name)
		if pg.name == "notifications" {
			for _, want := range []string{"Practice “Rilis Posyandu” was approved (score 81).", "Thursday, 16 April 2026, at 09:00–11:00 WIB"} {
				if !strings.Contains(text, want) {
					t.Errorf("notifications lack %q:\n%s", want, text)
				}
			}
		}
	}
	// The quiz sent without answers: its messages are English too.
	if err := chromedp.Do(ctx, chromedp.Navigate(f.ts.URL+lessonURL+tcQuiz), chromedp.WaitReady(chromedp.CSS("main")),
		clickAndWait(chromedp.CSS(`.quiz button[type=submit]`))); err != nil {
		t.Fatalf("quiz: %v", err)
	}
	if text := look("quiz without answers"); !strings.Contains(text, "has not been answered") {
		t.Errorf("quiz without answers says:\n%s", text)
	}
	// The writing page, then Check: the graded report around Indonesian findings.
	err := chromedp.Do(ctx,
		chromedp.Navigate(f.ts.URL+practiceURL),
		chromedp.WaitVisible(chromedp.CSS("#judul")),
		chromedp.SendKeys(chromedp.CSS("#judul"), goodHeadline),
		setTextarea("#isi", goodBody+"\n\nSilahkan warga datang ke balai desa."),
	)
	if err != nil {
		t.Fatalf("writing page: %v", err)
	}
	look("practice")
	if counts, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#hitung-kata"))); !strings.HasSuffix(counts, " words") {
		t.Errorf("the script's word count reads %q", counts)
	}
	if err := chromedp.Do(ctx, clickAndWait(chromedp.Search(`//button[normalize-space()="Check"]`)), chromedp.WaitVisible(chromedp.CSS(".report"))); err != nil {
		t.Fatalf("check: %v", err)
	}
	text := look("practice report")
	for _, want := range []string{"Scores per criterion", "Timeliness", "The findings are written in Indonesian"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
	if findings, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".findings"))); !strings.Contains(findings, "Silahkan") {
		t.Errorf("the findings should stay Indonesian and quote the text: %q", findings)
	}
	browsertest.Screenshot(t, ctx, "english-report")
}
