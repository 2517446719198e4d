package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/coursesync"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// enrollTrainee opens a running cohort of the test course with the fixture's
// trainee in it and the fixture's facilitator facilitating it.
func (f *fixture) enrollTrainee() domain.Cohort {
	f.t.Helper()
	ctx := context.Background()
	now := time.Now()
	c, err := f.db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: f.users[domain.RolePeserta].RegionID, CourseID: tcCourse,
		Name: "Angkatan Uji", StartsOn: now.AddDate(0, 0, -3), EndsOn: now.AddDate(0, 1, 0),
		FacilitatorIDs: []int64{f.users[domain.RoleFasilitator].ID}})
	if err != nil {
		f.t.Fatal(err)
	}
	if _, err := f.db.Enroll(ctx, nil, c.ID, []int64{f.users[domain.RolePeserta].ID}); err != nil {
		f.t.Fatal(err)
	}
	return c
}

const lessonURL = "/kursus/" + tcCourse + "/materi/"

func TestLessonProgress(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)

		home := c.get("/beranda")
		if !strings.Contains(home.text(".course-card"), "0% selesai") || home.doc.Find(`.course-card a[href="`+lessonURL+tcLesson1+`"]`).Length() != 1 {
			t.Fatalf("beranda before: %q", home.text(".course-card"))
		}
		p := c.get(lessonURL + tcLesson1)
		if p.status != 200 || p.text("main h1") != "Materi Pertama tentang Keterbukaan Informasi" || !strings.Contains(p.body, "4 menit") {
			t.Fatalf("lesson: %d %q", p.status, p.text("main h1"))
		}
		if src, _ := p.doc.Find(".prose img").Attr("src"); src != "/kursus-aset/"+tcCourse+"/01-dasar/img/bagan.svg" {
			t.Errorf("image src = %q", src)
		}
		if href, _ := p.doc.Find(`.prose a`).Attr("href"); href != lessonURL+tcLesson2 {
			t.Errorf("internal link = %q", href)
		}
		if p.doc.Find(`a[rel=next]`).AttrOr("href", "") != lessonURL+tcLesson2 {
			t.Error("no link to the next item")
		}
		if got := c.get("/kursus/" + tcCourse).doc.Find(".state-sedang").Length(); got != 1 {
			t.Errorf("opened lesson should be 'sedang', %d items are", got)
		}
		// The state in words says what is going on ("Sedang" alone was unclear, new-user report).
		if got := p.text(".badge-sedang"); got != "Sedang dipelajari" {
			t.Errorf("an opened lesson's status reads %q", got)
		}
		c.get(lessonURL + tcQuiz)
		course := c.get("/kursus/" + tcCourse)
		if got := course.text(".state-sedang .badge"); got != "Sedang dipelajariSedang dikerjakan" {
			t.Errorf("the course page names an opened lesson and quiz %q", got)
		}
		btn := p.doc.Find(`form[action="` + lessonURL + tcLesson1 + `/selesai"] button`)
		if strings.TrimSpace(btn.Text()) != "Tandai selesai" {
			t.Fatalf("no Tandai selesai button")
		}
		done := c.post(lessonURL+tcLesson1+"/selesai", nil)
		if done.status != 303 || !strings.HasPrefix(done.header.Get("Location"), lessonURL+tcLesson2) {
			t.Fatalf("mark done: %d → %s", done.status, done.header.Get("Location"))
		}
		// The next lesson says once that this one was marked (?selesai= was in the address and said nothing).
		if next := c.get(done.header.Get("Location")); next.text(`#pesan[data-sekali="selesai"]`) != "Materi “Materi Pertama tentang Keterbukaan Informasi” ditandai selesai." {
			t.Errorf("after Tandai selesai the next lesson says %q", next.text("#pesan"))
		}
		again := c.get(lessonURL + tcLesson1)
		if !strings.Contains(again.text(".done-note"), "sudah Anda tandai selesai") {
			t.Error("a done lesson still offers the button")
		}
		home = c.get("/beranda")
		// The percentage says what it counts, so it does not read against the
		// checklist's "Materi selesai: … dari …" (QA item 15).
		if !strings.Contains(home.text(".course-card"), "25% selesai (1 dari 4 item kursus: materi, kuis, dan latihan)") || !strings.Contains(home.text(".course-card"), "Materi Kedua") {
			t.Fatalf("beranda after one of four items: %q", home.text(".course-card"))
		}
		// Asset served; anything not referenced by a lesson is not.
		if a := c.get("/kursus-aset/" + tcCourse + "/01-dasar/img/bagan.svg"); a.status != 200 || a.header.Get("Content-Type") != "image/svg+xml" {
			t.Errorf("asset: %d %s", a.status, a.header.Get("Content-Type"))
		}
		if a := c.get("/kursus-aset/" + tcCourse + "/01-dasar/kuis.quiz.yaml"); a.status != 404 {
			t.Errorf("quiz file served as an asset: %d", a.status)
		}
		// Marking a quiz "done" is not a thing.
		if p := c.post(lessonURL+tcQuiz+"/selesai", nil); p.status != 404 {
			t.Errorf("selesai on a quiz: %d", p.status)
		}
	})
}

func TestLearningAccess(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	// Not enrolled yet: the course is invisible to the trainee.
	c := f.as(domain.RolePeserta)
	for _, p := range []string{"/kursus/" + tcCourse, lessonURL + tcLesson1, lessonURL + tcQuiz, "/kursus/tidak-ada", lessonURL + "tidak-ada"} {
		if got := c.get(p).status; got != 404 {
			t.Errorf("%s for a trainee not enrolled: %d, want 404", p, got)
		}
	}
	if got := c.post(lessonURL+tcLesson1+"/selesai", nil).status; got != 404 {
		t.Errorf("selesai without enrollment: %d", got)
	}
	f.enrollTrainee()
	if got := c.get(lessonURL + "tidak-ada").status; got != 404 {
		t.Errorf("unknown item: %d", got)
	}
	// Staff preview: the page, no form, no progress written.
	fac := f.as(domain.RoleFasilitator)
	p := fac.get(lessonURL + tcLesson1)
	if p.status != 200 || p.doc.Find(`form[action$="/selesai"]`).Length() != 0 {
		t.Errorf("facilitator preview: %d, form present: %v", p.status, p.doc.Find(`form[action$="/selesai"]`).Length())
	}
	if got := fac.post(lessonURL+tcLesson1+"/selesai", nil).status; got != 403 {
		t.Errorf("facilitator marking done: %d, want 403", got)
	}
	if got := f.as(domain.RolePimpinanOPD).get(lessonURL + tcLesson1).status; got != 403 {
		t.Errorf("pimpinan on a lesson: %d, want 403", got)
	}
	if got := fac.get("/jadwal").status; got != 403 {
		t.Errorf("facilitator on trainee schedule: %d", got)
	}
}

func quizForm(uu, teras string, nilai ...string) url.Values {
	v := url.Values{}
	if uu != "" {
		v.Set("q-uu", uu)
	}
	if teras != "" {
		v.Set("q-teras", teras)
	}
	for _, n := range nilai {
		v.Add("q-nilai", n)
	}
	return v
}

func TestQuizFailExplainRetakePass(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		quiz := lessonURL + tcQuiz
		p := c.get(quiz)
		if p.doc.Find("fieldset.question").Length() != 3 || !strings.Contains(p.body, "nilai lulus 100") {
			t.Fatalf("quiz page: %d questions", p.doc.Find("fieldset.question").Length())
		}
		if p.doc.Find(`input[type=checkbox][name=q-nilai]`).Length() != 3 || p.doc.Find(`input[type=radio][name=q-teras]`).Length() != 2 {
			t.Fatal("wrong controls for multiple / true_false")
		}
		// Missing answers: 422, what was chosen stays chosen, the gaps are marked.
		miss := c.post(quiz+"/kuis", quizForm("UU Nomor 11 Tahun 2008", "", "aktual"))
		if miss.status != 422 || !strings.Contains(miss.text(".error-summary"), "Pertanyaan 3 belum dijawab") {
			t.Fatalf("missing answer: %d %q", miss.status, miss.text(".error-summary"))
		}
		if miss.doc.Find(`input[name=q-uu][value="UU Nomor 11 Tahun 2008"][checked]`).Length() != 1 ||
			miss.doc.Find(`input[name=q-nilai][value=aktual][checked]`).Length() != 1 {
			t.Fatal("given answers were not kept")
		}
		if miss.doc.Find("fieldset.has-error").Length() != 1 {
			t.Fatal("the unanswered question is not marked")
		}
		if atts, _ := db.QuizAttempts(context.Background(), 1, tcQuiz, 10); len(atts) != 0 {
			t.Fatal("an incomplete quiz was stored as an attempt")
		}
		// A wrong answer fails; the answers are withheld until the trainee
		// passes, and the retake starts blank.
		fail := c.post(quiz+"/kuis", quizForm("UU Nomor 11 Tahun 2008", "false", "aktual", "faktual"))
		if fail.status != 303 {
			t.Fatalf("submit: %d", fail.status)
		}
		res := c.get(fail.header.Get("Location"))
		if !strings.Contains(res.text("#hasil"), "Belum lulus: nilai 66") || !strings.Contains(res.text("#hasil .withheld"), "ditampilkan setelah Anda lulus") {
			t.Fatalf("fail result: %q", res.text("#hasil"))
		}
		if strings.Contains(res.body, "UU 14/2008 adalah Undang-Undang Keterbukaan Informasi Publik.") || strings.Contains(res.body, "Jawaban yang benar:") ||
			res.doc.Find(".q-wrong, .q-right").Length() != 0 {
			t.Fatal("a failed attempt reveals the correct answers")
		}
		if n := res.doc.Find("form.quiz input[checked]").Length(); n != 0 {
			t.Fatalf("the retake form keeps %d earlier choices", n)
		}
		if !strings.Contains(res.text("#kesempatan"), "Kesempatan ke-2 dari 3") {
			t.Fatalf("attempts line: %q", res.text("#kesempatan"))
		}
		if got := c.get("/kursus/" + tcCourse).doc.Find(".state-lulus").Length(); got != 0 {
			t.Fatal("a failed quiz shows as lulus")
		}
		// Retake and pass: now the review shows every answer with its explanation.
		pass := c.post(quiz+"/kuis", quizForm("UU Nomor 14 Tahun 2008", "false", "aktual", "faktual"))
		res = c.get(pass.header.Get("Location"))
		if !strings.Contains(res.text("#hasil"), "Lulus: nilai 100") {
			t.Fatalf("pass result: %q", res.text("#hasil"))
		}
		if !strings.Contains(res.text(".answer-review"), "UU 14/2008 adalah Undang-Undang Keterbukaan Informasi Publik.") ||
			res.doc.Find(".answer-review .q-right").Length() != 3 {
			t.Fatalf("review after passing: %q", res.text(".answer-review"))
		}
		if res.doc.Find("#riwayat").Length() != 1 || res.doc.Find("table tbody tr").Length() != 2 {
			t.Fatal("attempt history should list both attempts")
		}
		// Once passed, the first attempt's review is open too.
		if first := c.get(fail.header.Get("Location")); first.doc.Find(".answer-review .q-wrong").Length() != 1 {
			t.Fatalf("first attempt after passing: %d wrong marked", first.doc.Find(".answer-review .q-wrong").Length())
		}
		if got := c.get("/kursus/" + tcCourse).doc.Find(".state-lulus").Length(); got != 1 {
			t.Fatal("passed quiz not shown as lulus")
		}
		// Failing afterwards does not take the pass away.
		c.post(quiz+"/kuis", quizForm("UU Nomor 11 Tahun 2008", "true", "panjang"))
		if got := c.get("/kursus/" + tcCourse).doc.Find(".state-lulus").Length(); got != 1 {
			t.Fatal("a later failed attempt undid the pass")
		}
		// Three attempts used: no form, and a fourth is refused with nothing stored.
		if p := c.get(quiz); p.doc.Find("form.quiz").Length() != 0 || !strings.Contains(p.text("#kesempatan"), "3 dari 3 kesempatan") {
			t.Fatalf("after the last attempt: form %d, %q", p.doc.Find("form.quiz").Length(), p.text("#kesempatan"))
		}
		if p := c.post(quiz+"/kuis", quizForm("UU Nomor 14 Tahun 2008", "false", "aktual", "faktual")); p.status != http.StatusConflict ||
			!strings.Contains(p.text("#ditolak"), "tidak disimpan") {
			t.Fatalf("a fourth attempt: %d %q", p.status, p.text("#ditolak"))
		}
		if atts, _ := db.QuizAttempts(context.Background(), 1, tcQuiz, 10); len(atts) != 3 {
			t.Fatalf("%d attempts stored, want 3", len(atts))
		}
		// Another trainee cannot read this trainee's attempt.
		if other := f.as(domain.RoleFasilitator).get(fail.header.Get("Location")); strings.Contains(other.body, "nilai 66") {
			t.Fatal("facilitator preview shows a trainee's attempt")
		}
	})
}

// TestSyncKeepsProgress edits a lesson, changes the quiz and removes an item,
// then checks that progress, past attempts and history survive.
func TestSyncKeepsProgress(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		c.post(lessonURL+tcLesson1+"/selesai", nil)
		c.post(lessonURL+tcQuiz+"/kuis", quizForm("UU Nomor 14 Tahun 2008", "false", "aktual", "faktual"))

		files := testCourseFiles()
		files["kursus-uji/01-dasar/01-satu.md"].Data = []byte(strings.Replace(string(files["kursus-uji/01-dasar/01-satu.md"].Data),
			"wajib membuka informasi", "wajib membuka dan memperbarui informasi", 1))
		files["kursus-uji/01-dasar/kuis.quiz.yaml"].Data = []byte(strings.Replace(string(files["kursus-uji/01-dasar/kuis.quiz.yaml"].Data),
			"pass_score: 100", "pass_score: 60", 1))
		files["kursus-uji/01-dasar/module.yaml"].Data = []byte(strings.Replace(string(files["kursus-uji/01-dasar/module.yaml"].Data),
			"  - lesson: 02-dua.md\n", "", 1))
		delete(files, "kursus-uji/01-dasar/02-dua.md")
		cat, problems := course.Load(fstest.MapFS(files), ".")
		if len(problems) > 0 {
			// the first lesson links to the removed one: drop that link too
			files["kursus-uji/01-dasar/01-satu.md"].Data = []byte(strings.Replace(string(files["kursus-uji/01-dasar/01-satu.md"].Data),
				" Lanjutkan ke [materi kedua](02-dua.md).", "", 1))
			cat, problems = course.Load(fstest.MapFS(files), ".")
			if len(problems) > 0 {
				t.Fatalf("edited course invalid: %v", problems)
			}
		}
		st, err := coursesync.Sync(context.Background(), db, cat)
		if err != nil {
			t.Fatal(err)
		}
		if st.Updated != 3 || st.Removed != 1 || st.Added != 0 {
			t.Errorf("sync stats = %+v, want 3 updated (lesson, quiz, positions), 1 removed", st)
		}
		f.srv.cfg.Catalog = cat
		page := c.get("/kursus/" + tcCourse)
		if page.doc.Find(".state-selesai").Length() != 1 || page.doc.Find(".state-lulus").Length() != 1 {
			t.Fatalf("progress lost after sync: selesai %d lulus %d", page.doc.Find(".state-selesai").Length(), page.doc.Find(".state-lulus").Length())
		}
		items, _ := db.CourseItems(context.Background(), tcCourse)
		removed := 0
		for _, it := range items {
			if it.RemovedAt != nil {
				removed++
				if it.ItemID != tcLesson2 {
					t.Errorf("wrong item removed: %s", it.ItemID)
				}
			}
		}
		if removed != 1 || len(items) != 4 {
			t.Errorf("removed item's row should stay: %d rows, %d removed", len(items), removed)
		}
		atts, err := db.QuizAttempts(context.Background(), 1, tcQuiz, 10)
		if err != nil || len(atts) != 1 || atts[0].PassScore != 100 || atts[0].Score != 100 {
			t.Fatalf("past attempt rewritten: %+v %v", atts, err)
		}
		// The old attempt's details are not re-scored against the new quiz.
		res := c.get(lessonURL + tcQuiz + "?percobaan=" + strconv.FormatInt(atts[0].ID, 10))
		if res.doc.Find("#hasil").Length() != 0 || !strings.Contains(res.text("#riwayat + .table-wrap"), "100") {
			t.Errorf("old attempt shown against the changed quiz")
		}
	})
}

func TestScheduleShowsSessions(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	co := f.enrollTrainee()
	start := time.Now().Add(48 * time.Hour).Truncate(time.Hour)
	if _, err := f.db.CreateLiveSession(context.Background(), nil, domain.LiveSession{CohortID: co.ID, Topic: "Praktik menulis rilis",
		StartsAt: start, EndsAt: start.Add(3 * time.Hour), Place: "Aula Setda", Speaker: "Kabag Prokopim"}); err != nil {
		t.Fatal(err)
	}
	c := f.as(domain.RolePeserta)
	p := c.get("/jadwal")
	if p.status != http.StatusOK || !strings.Contains(p.text("main"), "Praktik menulis rilis") || !strings.Contains(p.text("main"), "WIB") ||
		!strings.Contains(p.text("main"), "Belum dicatat") {
		t.Fatalf("schedule: %d %q", p.status, p.text("main"))
	}
	if !strings.Contains(c.get("/beranda").text("#sesi + ul"), "Praktik menulis rilis") {
		t.Error("upcoming session missing from the Beranda")
	}
}
