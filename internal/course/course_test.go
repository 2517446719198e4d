package course

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"testing/fstest"
)

func mustLoad(t *testing.T, fsys fstest.MapFS) *Catalog {
	t.Helper()
	cat, probs := Load(fsys, "courses")
	for _, p := range probs {
		t.Errorf("unexpected problem: %s", p)
	}
	if len(probs) > 0 {
		t.FailNow()
	}
	return cat
}

func TestLoadValidCourse(t *testing.T) {
	fsys := validFS()
	cat := mustLoad(t, fsys)

	if got, want := cat.Stats(), (Stats{Courses: 1, Modules: 2, Lessons: 3, Quizzes: 1, Practices: 1}); got != want {
		t.Fatalf("Stats()=%+v, want %+v", got, want)
	}
	c := cat.Course("admin-medsos-opd")
	if c == nil {
		t.Fatal("Course(admin-medsos-opd)=nil")
	}
	if cat.Course("tidak-ada") != nil {
		t.Error("Course of an unknown id is not nil")
	}
	if c.Title != "Admin Media Sosial OPD" || c.Hours != 32 || c.Dir != "courses/admin-medsos-opd" || c.File != fxCourse {
		t.Errorf("course = %q, %d h, dir %q, file %q", c.Title, c.Hours, c.Dir, c.File)
	}
	wantCert := Certificate{
		Title:          "Sertifikat Kompetensi Admin Media Sosial OPD",
		ValidityMonths: 24,
		Requirements:   Requirements{Lessons: RequireAll, Quizzes: RequireAll, Practices: RequireNone, Attendance: 2},
	}
	if c.Certificate != wantCert {
		t.Errorf("Certificate=%+v, want %+v", c.Certificate, wantCert)
	}
	if got := c.Hash; got != sha(fsys[fxCourse].Data) {
		t.Errorf("course hash %s is not the sha256 of course.yaml", got)
	}

	if len(c.Modules) != 2 {
		t.Fatalf("%d modules, want 2", len(c.Modules))
	}
	m1, m2 := c.Modules[0], c.Modules[1]
	if m1.ID != "keterbukaan-informasi" || m1.Order != 1 || m2.ID != "menulis-rilis" || m2.Order != 2 {
		t.Errorf("modules = %s/%d, %s/%d", m1.ID, m1.Order, m2.ID, m2.Order)
	}
	if c.Module("menulis-rilis") != m2 {
		t.Error("Module(menulis-rilis) is not the second module")
	}
	if got, want := m1.Minutes(), 13; got != want {
		t.Errorf("module 1 minutes=%d, want %d", got, want)
	}
	if got, want := c.Minutes(), 19; got != want {
		t.Errorf("course minutes=%d, want %d", got, want)
	}

	type row struct {
		id    string
		kind  Kind
		mod   string
		order int
		file  string
	}
	want := []row{
		{"kewajiban-informasi", KindLesson, "keterbukaan-informasi", 1, fxLesson1},
		{"peran-ppid", KindLesson, "keterbukaan-informasi", 2, fxLesson2},
		{"kuis-keterbukaan-informasi", KindQuiz, "keterbukaan-informasi", 3, fxQuiz},
		{"rilis-vaksinasi-keliling", KindPractice, "keterbukaan-informasi", 4, fxPractice},
		{"menulis-judul", KindLesson, "menulis-rilis", 1, fxLesson3},
	}
	if len(c.Items) != len(want) {
		t.Fatalf("%d items, want %d", len(c.Items), len(want))
	}
	for i, w := range want {
		it := c.Items[i]
		got := row{it.ID, it.Kind, it.ModuleID, it.Order, it.File}
		if got != w {
			t.Errorf("item %d = %+v, want %+v", i, got, w)
		}
		if it.Index != i || it.CourseID != c.ID || c.Item(it.ID) != it {
			t.Errorf("item %s: index %d, course %q, lookup %p", it.ID, it.Index, it.CourseID, c.Item(it.ID))
		}
		if it.Hash != sha(fsys[it.File].Data) {
			t.Errorf("item %s: hash is not the sha256 of its file", it.ID)
		}
		if (it.Lesson != nil) != (it.Kind == KindLesson) || (it.Quiz != nil) != (it.Kind == KindQuiz) || (it.Practice != nil) != (it.Kind == KindPractice) {
			t.Errorf("item %s: content does not match kind %s", it.ID, it.Kind)
		}
	}
	if c.Prev(c.Items[0]) != nil || c.Next(c.Items[0]) != c.Items[1] || c.Prev(c.Items[4]) != c.Items[3] || c.Next(c.Items[4]) != nil {
		t.Error("Prev/Next do not follow course order")
	}
	if got := c.Items[0].Title; got != "Mengapa OPD Wajib Membuka Informasi" {
		t.Errorf("lesson title=%q", got)
	}
}

func TestLessonRendering(t *testing.T) {
	cat := mustLoad(t, validFS())
	c := cat.Course("admin-medsos-opd")
	l := c.Item("kewajiban-informasi").Lesson
	if l.Minutes != 8 {
		t.Errorf("Minutes=%d, want 8", l.Minutes)
	}
	// heading (2) + paragraph (12) + "Sumber: JDIH." (2) + table (5) = 21; the image alt is not running text.
	if got, want := l.Words, 21; got != want {
		t.Errorf("Words=%d, want %d", got, want)
	}
	for _, want := range []string{
		`<h1 id="kewajiban-informasi">Kewajiban informasi</h1>`,
		`href="/kursus/admin-medsos-opd/materi/peran-ppid"`,
		`href="/kursus/admin-medsos-opd/materi/menulis-judul#contoh"`,
		`src="/kursus-aset/admin-medsos-opd/01-keterbukaan-informasi/img/kalender.svg"`,
		`alt="Kalender konten mingguan OPD"`,
		`href="https://jdih.example.go.id/uu-14-2008"`,
		`target="_blank"`,
		`<table>`,
		`<td>Laporan keuangan</td>`,
	} {
		if !strings.Contains(l.HTML, want) {
			t.Errorf("HTML lacks %s:\n%s", want, l.HTML)
		}
	}
	if strings.Contains(l.HTML, ".md") {
		t.Errorf("HTML still links to a .md file:\n%s", l.HTML)
	}
	wantLinks := []Link{{Target: "peran-ppid", Line: 8}, {Target: "menulis-judul", Fragment: "contoh", Line: 9}}
	if len(l.Links) != len(wantLinks) {
		t.Fatalf("Links=%+v, want %+v", l.Links, wantLinks)
	}
	for i := range wantLinks {
		if l.Links[i] != wantLinks[i] {
			t.Errorf("Links[%d]=%+v, want %+v", i, l.Links[i], wantLinks[i])
		}
	}
	if got, want := c.Assets["01-keterbukaan-informasi/img/kalender.svg"], fxImage; got != want || len(c.Assets) != 1 {
		t.Errorf("Assets=%v, want only the calendar image", c.Assets)
	}
	if !strings.Contains(l.Markdown, "Badan publik wajib") || strings.Contains(l.Markdown, "minutes:") {
		t.Errorf("Markdown is not the body after the front matter: %q", l.Markdown)
	}
}

func TestLoadWithHooks(t *testing.T) {
	cat, probs := LoadWith(validFS(), "courses", Options{
		ItemURL:  func(course string, it *Item) string { return "/k/" + course + "/" + string(it.Kind) + "/" + it.ID },
		AssetURL: func(course, p string) string { return "/a/" + p },
	})
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	html := cat.Course("admin-medsos-opd").Item("kewajiban-informasi").Lesson.HTML
	for _, want := range []string{`href="/k/admin-medsos-opd/lesson/peran-ppid"`, `src="/a/01-keterbukaan-informasi/img/kalender.svg"`} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %s:\n%s", want, html)
		}
	}
}

func TestSanitizedHTML(t *testing.T) {
	fsys := validFS()
	edit(t, fsys, fxLesson2, "PPID mengelola", "<script>alert(1)</script>\n\nPPID <b onclick=\"x()\">mengelola</b>")
	cat, probs := Load(fsys, "courses")
	if len(probs) != 3 { // the script block and the two inline tags are reported
		t.Errorf("problems=%v, want 3 raw-HTML reports", probs)
	}
	html := cat.Course("admin-medsos-opd").Item("peran-ppid").Lesson.HTML
	for _, bad := range []string{"<script", "onclick", "alert("} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML contains %s:\n%s", bad, html)
		}
	}
}

func TestQuizContent(t *testing.T) {
	cat := mustLoad(t, validFS())
	it := cat.Course("admin-medsos-opd").Item("kuis-keterbukaan-informasi")
	q := it.Quiz
	if it.Title != "Kuis Modul 1" || q.PassScore != 70 || len(q.Questions) != 3 {
		t.Fatalf("quiz %q pass %d with %d questions", it.Title, q.PassScore, len(q.Questions))
	}
	single, multi, tf := q.Questions[0], q.Questions[1], q.Questions[2]
	if single.ID != "dasar-hukum" || single.Type != Single || len(single.Options) != 3 || single.Line != 5 {
		t.Errorf("single = %+v", single)
	}
	if got := strings.Join(single.Answers, "|"); got != "UU Nomor 14 Tahun 2008" {
		t.Errorf("single answers=%q", got)
	}
	if got := strings.Join(multi.Answers, "|"); multi.Type != Multiple || got != "Berkala|Serta-merta" {
		t.Errorf("multiple %s answers=%q", multi.Type, got)
	}
	if tf.Type != TrueFalse || !tf.Truth || tf.Options != nil || tf.Explanation != "PPID pelaksana ada di OPD." {
		t.Errorf("true_false = %+v", tf)
	}
	if got := tf.Choices(); len(got) != 2 || got[0] != (Choice{"true", "Benar"}) || got[1] != (Choice{"false", "Salah"}) {
		t.Errorf("true_false Choices()=%v", got)
	}
	if got := single.Choices(); len(got) != 3 || got[1].Value != "UU Nomor 11 Tahun 2008" {
		t.Errorf("single Choices()=%v", got)
	}
}

func TestQuizScore(t *testing.T) {
	cat := mustLoad(t, validFS())
	q := cat.Course("admin-medsos-opd").Item("kuis-keterbukaan-informasi").Quiz
	tests := []struct {
		name    string
		answers map[string][]string
		correct int
		score   int
		passed  bool
	}{
		{"all right", map[string][]string{
			"dasar-hukum": {"UU Nomor 14 Tahun 2008"}, "jenis-informasi": {"Serta-merta", "Berkala"}, "ppid-opd": {"true"},
		}, 3, 100, true},
		{"multiple needs every answer", map[string][]string{
			"dasar-hukum": {"UU Nomor 14 Tahun 2008"}, "jenis-informasi": {"Berkala"}, "ppid-opd": {"true"},
		}, 2, 66, false},
		{"multiple rejects an extra option", map[string][]string{
			"jenis-informasi": {"Berkala", "Serta-merta", "Rahasia pribadi"},
		}, 0, 0, false},
		{"single rejects two picks", map[string][]string{
			"dasar-hukum": {"UU Nomor 14 Tahun 2008", "UU Nomor 11 Tahun 2008"},
		}, 0, 0, false},
		{"duplicates do not count twice", map[string][]string{
			"jenis-informasi": {"Berkala", "Berkala"},
		}, 0, 0, false},
		{"wrong true_false", map[string][]string{"ppid-opd": {"false"}}, 0, 0, false},
		{"nothing answered", nil, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := q.Score(tt.answers)
			if r.Correct != tt.correct || r.Score != tt.score || r.Passed != tt.passed || r.Total != 3 {
				t.Errorf("Score()=%+v, want correct %d score %d passed %v", r, tt.correct, tt.score, tt.passed)
			}
		})
	}
}

func TestPracticeContent(t *testing.T) {
	cat := mustLoad(t, validFS())
	it := cat.Course("admin-medsos-opd").Item("rilis-vaksinasi-keliling")
	p := it.Practice
	if p.PassScore != 70 || p.MaxAttempts != 3 || p.Review != ReviewRequired {
		t.Errorf("practice rules = %d, %d, %s", p.PassScore, p.MaxAttempts, p.Review)
	}
	if p.Brief == nil || p.Brief.Kapan != "2026-03-09" || len(p.Brief.Siapa) != 1 || p.Brief.Siapa[0].Nama != "dr. Rahmat Hidayat" || p.Brief.PublishByDays != 1 {
		t.Errorf("brief = %+v", p.Brief)
	}
	if !strings.HasPrefix(string(p.BriefYAML), "apa: Vaksinasi keliling bagi lansia\n") {
		t.Errorf("BriefYAML is not the dedented brief:\n%s", p.BriefYAML)
	}
	if p.Rubric["5w1h"] != 25 || p.Rubric["struktur"] != 5 || len(p.Rubric) != 7 {
		t.Errorf("rubric = %v", p.Rubric)
	}
	if !strings.Contains(p.InstructionsHTML, `href="/kursus/admin-medsos-opd/materi/menulis-judul"`) || !strings.Contains(p.Instructions, "250–400 kata") {
		t.Errorf("instructions not rendered with links: %s", p.InstructionsHTML)
	}
	if len(p.Links) != 1 || p.Links[0].Line != 5 {
		t.Errorf("instruction links = %+v, want one at line 5", p.Links)
	}
}

func TestPracticeWithoutRubric(t *testing.T) {
	fsys := validFS()
	edit(t, fsys, fxPractice, "rubric:\n  5w1h: 25\n  faktual: 25\n  menarik: 15\n  aktual: 10\n  penting: 10\n  struktur: 5\n  bahasa: 10\n", "")
	cat := mustLoad(t, fsys)
	if r := cat.Course("admin-medsos-opd").Item("rilis-vaksinasi-keliling").Practice.Rubric; r != nil {
		t.Errorf("Rubric=%v, want nil without an override", r)
	}
}

func TestRequirementsDefault(t *testing.T) {
	fsys := validFS()
	edit(t, fsys, fxCourse, "  requirements:\n    lessons: all\n    quizzes: all\n    practices: none\n    attendance: 2\n", "")
	cat := mustLoad(t, fsys)
	want := Requirements{Lessons: RequireAll, Quizzes: RequireAll, Practices: RequireAll}
	if got := cat.Course("admin-medsos-opd").Certificate.Requirements; got != want {
		t.Errorf("Requirements=%+v, want %+v", got, want)
	}
}

func TestHashChangesWithContent(t *testing.T) {
	a := mustLoad(t, validFS()).Course("admin-medsos-opd")
	fsys := validFS()
	edit(t, fsys, fxLesson2, "setiap OPD", "setiap organisasi perangkat daerah")
	b := mustLoad(t, fsys).Course("admin-medsos-opd")
	if a.Item("peran-ppid").Hash == b.Item("peran-ppid").Hash {
		t.Error("hash of an edited lesson did not change")
	}
	if a.Item("kewajiban-informasi").Hash != b.Item("kewajiban-informasi").Hash {
		t.Error("hash of an unchanged lesson changed")
	}
}

func TestRenamedFileKeepsID(t *testing.T) {
	fsys := validFS()
	fsys["courses/admin-medsos-opd/02-menulis-rilis/01-judul-berita.md"] = fsys[fxLesson3]
	delete(fsys, fxLesson3)
	edit(t, fsys, fxMod2, "01-judul.md", "01-judul-berita.md")
	edit(t, fsys, fxLesson1, "../02-menulis-rilis/01-judul.md", "../02-menulis-rilis/01-judul-berita.md")
	edit(t, fsys, fxPractice, "../02-menulis-rilis/01-judul.md", "../02-menulis-rilis/01-judul-berita.md")
	c := mustLoad(t, fsys).Course("admin-medsos-opd")
	if it := c.Item("menulis-judul"); it == nil || !strings.HasSuffix(it.File, "01-judul-berita.md") {
		t.Errorf("renamed lesson = %+v", it)
	}
}

func TestCRLFAndBOM(t *testing.T) {
	fsys := validFS()
	f := fsys[fxLesson2]
	f.Data = append([]byte("\ufeff"), []byte(strings.ReplaceAll(string(f.Data), "\n", "\r\n"))...)
	c := mustLoad(t, fsys).Course("admin-medsos-opd")
	if it := c.Item("peran-ppid"); it == nil || it.Lesson.Minutes != 5 {
		t.Errorf("CRLF lesson = %+v", it)
	}
}

func TestProblemString(t *testing.T) {
	if got, want := (Problem{File: "a/b.md", Line: 3, Msg: "x"}).String(), "a/b.md:3: x"; got != want {
		t.Errorf("String()=%q, want %q", got, want)
	}
	if got, want := (Problem{File: "a", Msg: "x"}).String(), "a: x"; got != want {
		t.Errorf("String()=%q, want %q", got, want)
	}
}

func TestKindLabel(t *testing.T) {
	for k, want := range map[Kind]string{KindLesson: "Materi", KindQuiz: "Kuis", KindPractice: "Latihan"} {
		if got := k.Label(); got != want {
			t.Errorf("%s.Label()=%q, want %q", k, got, want)
		}
	}
}

func TestDefaultAssetURLEscapes(t *testing.T) {
	if got, want := DefaultAssetURL("c", "01-a/img/foto rapat.png"), "/kursus-aset/c/01-a/img/foto%20rapat.png"; got != want {
		t.Errorf("DefaultAssetURL=%q, want %q", got, want)
	}
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"kuis-1": true, "a": true, "abc-def-123": true,
		"": false, "Kuis": false, "kuis_1": false, "-kuis": false, "kuis-": false, "kuis--1": false, "kuis 1": false,
		strings.Repeat("a", 64): true, strings.Repeat("a", 65): false,
	} {
		if got := validID(id); got != want {
			t.Errorf("validID(%q)=%v, want %v", id, got, want)
		}
	}
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// A quiz without settings gets the defaults that make it measure something;
// written settings are read as written.
func TestQuizSettings(t *testing.T) {
	fsys := validFS()
	q := mustLoad(t, fsys).Courses[0].Item("kuis-keterbukaan-informasi").Quiz
	if q.MaxAttempts != DefaultQuizAttempts || !q.ShuffleQuestions || !q.ShuffleOptions || q.Reveal != RevealAfterPassing {
		t.Fatalf("defaults: %+v", *q)
	}
	edit(t, fsys, fxQuiz, "pass_score: 70\n", "pass_score: 70\nmax_attempts: 5\nshuffle_questions: false\nshuffle_options: false\nreveal_answers: after_last_attempt\n")
	q = mustLoad(t, fsys).Courses[0].Item("kuis-keterbukaan-informasi").Quiz
	if q.MaxAttempts != 5 || q.ShuffleQuestions || q.ShuffleOptions || q.Reveal != RevealAfterLast {
		t.Fatalf("written settings: %+v", *q)
	}
	for _, tc := range []struct {
		reveal Reveal
		passed bool
		used   int
		shown  bool
		left   int
	}{
		{RevealNever, true, 5, false, 0},
		{RevealAfterPassing, false, 5, false, 0},
		{RevealAfterPassing, true, 1, true, 4},
		{RevealAfterLast, false, 4, false, 1},
		{RevealAfterLast, false, 5, true, 0},
		{RevealAfterLast, true, 1, true, 4},
	} {
		q.Reveal = tc.reveal
		if got := q.Revealed(tc.passed, tc.used); got != tc.shown {
			t.Errorf("%s, passed %v, %d used: revealed %v", tc.reveal, tc.passed, tc.used, got)
		}
		if got := q.AttemptsLeft(tc.used); got != tc.left {
			t.Errorf("%d used of 5: %d left, want %d", tc.used, got, tc.left)
		}
	}
}
