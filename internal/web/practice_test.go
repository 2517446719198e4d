package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

const practiceURL = lessonURL + tcPractice

const goodHeadline = "Dinkes Sukamaju Gelar Posyandu Keliling di Mekarsari"

const goodBody = `SUKAMAJU – Dinas Kesehatan Kabupaten Sukamaju menggelar posyandu keliling di Balai Desa Mekarsari, Senin (9/3/2026), untuk menjangkau balita yang belum ditimbang.

Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat, mengatakan petugas mendatangi balai desa dengan membawa timbangan dan buku KIA. Sasaran penimbangan hari itu 120 balita.

"Kami datang agar tidak ada balita yang terlewat," kata Rahmat.`

// releaseForm posts the writing form as the browser would, with the page's hidden fields.
func writeForm(p page, headline, body string) url.Values {
	v := url.Values{"judul": {headline}, "isi": {body}, "yakin-kirim": {"1"}}
	for _, name := range []string{"lock_version", "kunci"} {
		v.Set(name, p.doc.Find(`input[name=`+name+`]`).AttrOr("value", ""))
	}
	return v
}

func TestPracticeWriteCheckSubmit(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		p := c.get(practiceURL)
		if p.status != 200 || p.doc.Find(`label[for=judul]`).Text() != "Judul" || p.doc.Find(`label[for=isi]`).Text() != "Isi rilis" {
			t.Fatalf("writing page: %d", p.status)
		}
		for _, b := range []string{"Simpan draf", "Periksa", "Kirim rilis"} {
			if p.doc.Find(`button:contains("`+b+`")`).Length() != 1 {
				t.Errorf("button %q missing", b)
			}
		}
		ids := map[string]bool{}
		p.doc.Find("[id]").Each(func(_ int, e *goquerySelection) {
			if id := e.AttrOr("id", ""); ids[id] {
				t.Errorf("id %q appears twice on the writing page", id)
			} else {
				ids[id] = true
			}
		})
		if !strings.Contains(p.text("main"), "sisa kesempatan mengirim: 3 dari 3") || !strings.Contains(p.text(".brief"), "dr. Rahmat Hidayat") {
			t.Fatalf("attempts or brief missing: %q", p.text(".muted"))
		}
		// Save a draft without JavaScript; it comes back on the page.
		d := c.post(practiceURL+"/draf", writeForm(p, "Judul sementara", "SUKAMAJU – draf awal"))
		if d.status != 303 {
			t.Fatalf("draft: %d", d.status)
		}
		p = c.get(practiceURL)
		if p.doc.Find("#judul").AttrOr("value", "") != "Judul sementara" || !strings.Contains(p.text("#isi"), "draf awal") {
			t.Fatal("draft not shown back")
		}
		// Autosave answers JSON.
		req, _ := http.NewRequest(http.MethodPost, f.ts.URL+practiceURL+"/draf", strings.NewReader(url.Values{"judul": {"J"}, "isi": {"I"}, CSRFField: {c.csrf()}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		if r := c.do(req); r.status != 200 || !strings.Contains(r.body, "saved_at") {
			t.Fatalf("autosave: %d %s", r.status, r.body)
		}
		// Bad input: specific messages, the text kept.
		bad := c.post(practiceURL+"/periksa", writeForm(p, "", ""))
		if bad.status != 422 || !strings.Contains(bad.text(".error-summary"), "Judul wajib diisi.") || !strings.Contains(bad.text(".error-summary"), "Isi rilis wajib diisi.") {
			t.Fatalf("empty: %d %q", bad.status, bad.text(".error-summary"))
		}
		long := strings.Repeat("kata ", 4001)
		bad = c.post(practiceURL+"/kirim", writeForm(p, goodHeadline, long))
		if bad.status != 422 || !strings.Contains(bad.text(".error-summary"), "20.000") || len(bad.text("#isi")) < 20000 {
			t.Fatalf("too long: %d %q", bad.status, bad.text(".error-summary"))
		}
		// Periksa: the report, no attempt used; HTML in the text stays text.
		withHTML := goodBody + "\n\nSilahkan warga datang. <script>alert(1)</script> <b>tebal</b>"
		// Post/redirect/get: the text becomes the draft, the page of the draft shows the report.
		posted := c.post(practiceURL+"/periksa", writeForm(p, goodHeadline, withHTML))
		if posted.status != 303 || posted.header.Get("Location") != practiceURL+"?periksa=1#laporan-judul" {
			t.Fatalf("periksa: %d %q", posted.status, posted.header.Get("Location"))
		}
		chk := c.get(practiceURL + "?periksa=1")
		if chk.status != 200 || chk.doc.Find(".report").Length() != 1 || !strings.Contains(chk.text("#isi"), "<script>alert(1)</script>") {
			t.Fatalf("periksa page: %d", chk.status)
		}
		if chk.doc.Find("main script").Length() != 0 || chk.doc.Find(".marked-body b").Length() != 0 || !strings.Contains(chk.text(".marked-body"), "<script>alert(1)</script>") {
			t.Fatal("pasted HTML was rendered as HTML")
		}
		if chk.doc.Find("svg.bars title").Text() != "Grafik nilai per kriteria" || !strings.Contains(chk.doc.Find("svg.bars desc").Text(), "5W1H") {
			t.Fatal("chart or its text equivalent missing")
		}
		if chk.doc.Find("table.w5 tbody tr").Length() != 6 {
			t.Fatal("5W1H table should have six rows")
		}
		if n := chk.doc.Find(".findings .finding").Length(); n == 0 || chk.doc.Find(`.marked mark.hl`).Length() == 0 {
			t.Fatalf("findings %d, highlights %d", n, chk.doc.Find(`.marked mark.hl`).Length())
		}
		// every highlighted finding is linked from the text and back
		chk.doc.Find(".findings .finding a[href^='#sorot-']").Each(func(_ int, a *goquerySelection) {
			if chk.doc.Find(a.AttrOr("href", "")).Length() != 1 {
				t.Errorf("finding link %s has no target", a.AttrOr("href", ""))
			}
		})
		if !strings.Contains(chk.text("main"), "sisa kesempatan mengirim: 3 dari 3") {
			t.Fatal("Periksa used an attempt")
		}
		// Kirim rilis spends an attempt: without "Saya yakin" nothing is sent and the text stays.
		p = c.get(practiceURL)
		if p.doc.Find(`#form-rilis input[type=checkbox]#yakin-kirim`).Length() != 1 || p.text(`label[for=yakin-kirim]`) != "Saya yakin akan mengirim rilis ini" {
			t.Error("no labelled \"Saya yakin\" box beside Kirim rilis")
		}
		unsure := writeForm(p, goodHeadline, goodBody+" Belum yakin.")
		unsure.Del("yakin-kirim")
		r := c.post(practiceURL+"/kirim", unsure)
		if r.status != 422 || !strings.Contains(r.text(".error-summary"), "Saya yakin") || r.text(".error-summary h2") != "Rilis belum terkirim" ||
			!strings.Contains(r.text("#isi"), "Belum yakin.") || r.doc.Find("#yakin-kirim[aria-invalid=true]").Length() != 1 {
			t.Fatalf("send without \"Saya yakin\": %d %q", r.status, r.text(".error-summary"))
		}
		// What was refused is said once (the tester counted the sentence three
		// times), and the page names its own address for the script to show
		// instead of …/kirim, which a reload would post again.
		if n := strings.Count(r.text("main"), "Centang “Saya yakin"); n != 1 || r.doc.Find(".error-summary").Length() != 1 || r.doc.Find(".field-error").Length() != 0 {
			t.Errorf("the refusal is said %d times in %d boxes and %d field messages", n, r.doc.Find(".error-summary").Length(), r.doc.Find(".field-error").Length())
		}
		if a := r.doc.Find("main").AttrOr("data-alamat", ""); a != practiceURL {
			t.Errorf("the refused send names the address %q, want %q", a, practiceURL)
		}
		if p := c.get(practiceURL); !strings.Contains(p.text("main"), "sisa kesempatan mengirim: 3 dari 3") {
			t.Fatal("an unconfirmed send used an attempt")
		}
		// Kirim rilis; the same form twice (double click) makes one version.
		form := writeForm(p, goodHeadline, goodBody)
		sent := c.post(practiceURL+"/kirim", form)
		again := c.post(practiceURL+"/kirim", form)
		if sent.status != 303 || again.status != 303 || sent.header.Get("Location") != again.header.Get("Location") {
			t.Fatalf("double submit: %d %s / %d %s", sent.status, sent.header.Get("Location"), again.status, again.header.Get("Location"))
		}
		ver := c.get(sent.header.Get("Location"))
		if ver.status != 200 || !strings.Contains(ver.text("main"), "Rilis terkirim sebagai versi 1") || ver.doc.Find(".report").Length() != 1 {
			t.Fatalf("version page: %d %q", ver.status, ver.text(".notice"))
		}
		if ver.doc.Find(`[data-sekali~="terkirim"]`).Length() != 1 {
			t.Error("the version page's one-time message does not name ?terkirim for the script to take out of the address")
		}
		p = c.get(practiceURL)
		if !strings.Contains(p.text("main"), "sisa kesempatan mengirim: 2 dari 3") || p.doc.Find("#riwayat").Length() != 1 ||
			p.doc.Find("#isi[readonly]").Length() != 1 {
			t.Fatalf("after submit: %q", p.text(".muted"))
		}
		// After sending, the status under the text says what happened, not
		// when the draft was saved (new-user report).
		if st := p.text("#status-draf"); strings.Contains(st, "Draf") || !strings.HasPrefix(st, "Versi 1 terkirim ") || !strings.HasSuffix(st, "menunggu penilaian fasilitator.") {
			t.Errorf("status under the text after sending: %q", st)
		}
		// A second tab with the old form: refused, text kept, no new version.
		stale := c.post(practiceURL+"/kirim", writeForm(p, goodHeadline, goodBody+" Tambahan."))
		if stale.status != 409 || !strings.Contains(stale.text(".error-summary"), "sudah dikirim") || !strings.Contains(stale.text("#isi"), "Tambahan.") {
			t.Fatalf("second tab: %d %q", stale.status, stale.text(".error-summary"))
		}
		sub, err := db.SubmissionFor(context.Background(), 1, tcPractice)
		if err != nil || sub.Versions != 1 || sub.State != domain.SubSubmitted {
			t.Fatalf("submission: %+v %v", sub, err)
		}
		vs, _ := db.Versions(context.Background(), sub.ID)
		var rep map[string]any
		if err := json.Unmarshal([]byte(vs[0].ReportJSON), &rep); err != nil || rep["grader_version"] == "" || vs[0].GraderVersion == "" {
			t.Fatalf("stored report: %v %v", err, vs[0].GraderVersion)
		}
		// The facilitator was told; another trainee cannot see the version.
		if n, _ := db.Notifications(context.Background(), f.users[domain.RoleFasilitator].ID, 5); len(n) != 1 {
			t.Fatalf("facilitator notifications: %d", len(n))
		}
		if got := f.as(domain.RoleFasilitator).get(sent.header.Get("Location")).status; got != 200 {
			t.Fatalf("facilitator of the cohort on the version: %d", got)
		}
		if got := f.as(domain.RolePimpinanOPD).get(sent.header.Get("Location")).status; got != 404 {
			t.Fatalf("pimpinan on a submission: %d", got)
		}
	})
}

func TestPracticeReturnReviseDiffAndBeranda(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	ctx := context.Background()
	c := f.as(domain.RolePeserta)
	p := c.get(practiceURL)
	c.post(practiceURL+"/kirim", writeForm(p, goodHeadline, goodBody))
	sub, _ := f.db.SubmissionFor(ctx, 1, tcPractice)
	vs, _ := f.db.Versions(ctx, sub.ID)
	if _, err := f.db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: vs[0].ID, LockVersion: sub.LockVersion,
		ReviewerID: f.users[domain.RoleFasilitator].ID, Decision: domain.DecisionReturn, General: "Tambahkan jadwal posyandu berikutnya.",
		FinalScore: 70, Scores: allScores(vs[0].AutoScore)}); err != nil {
		t.Fatal(err)
	}
	home := c.get("/beranda")
	if !strings.Contains(home.text("#kabar + ul"), "dikembalikan") || !strings.Contains(home.text(".course-card"), "Dikembalikan") {
		t.Fatalf("beranda after return: %q / %q", home.text("#kabar + ul"), home.text(".course-card"))
	}
	if !strings.Contains(c.get("/kursus/"+tcCourse).text(".items"), "Dikembalikan") {
		t.Fatal("course page does not show the returned state")
	}
	p = c.get(practiceURL)
	if p.doc.Find("#isi[readonly]").Length() != 0 {
		t.Fatal("returned release is not editable")
	}
	revised := strings.Replace(goodBody, "120 balita.", "120 balita. Posyandu berikutnya digelar Senin (16/3/2026).", 1)
	if r := c.post(practiceURL+"/kirim", writeForm(p, goodHeadline, revised)); r.status != 303 || !strings.HasSuffix(r.header.Get("Location"), "/versi/2?terkirim=1") {
		t.Fatalf("resubmit: %d %s", r.status, r.header.Get("Location"))
	}
	diff := c.get("/latihan/" + strconv.FormatInt(sub.ID, 10) + "/beda?dari=1&ke=2")
	if diff.status != 200 || !strings.Contains(diff.text(".diff ins"), "Posyandu berikutnya") {
		t.Fatalf("diff: %d %q", diff.status, diff.text(".diff"))
	}
	if bad := c.get("/latihan/" + strconv.FormatInt(sub.ID, 10) + "/beda?dari=1&ke=9"); bad.status != 400 {
		t.Fatalf("diff with a missing version: %d", bad.status)
	}
	v1 := c.get("/latihan/" + strconv.FormatInt(sub.ID, 10) + "/versi/1")
	if !strings.Contains(v1.text(".review-result"), "Tambahkan jadwal posyandu berikutnya.") {
		t.Fatal("the facilitator's comment is not on the version page")
	}
}

func allScores(auto int) []domain.ReviewScore {
	var out []domain.ReviewScore
	for _, k := range []string{"5w1h", "aktual", "faktual", "penting", "menarik", "struktur", "bahasa"} {
		out = append(out, domain.ReviewScore{Criterion: k, AutoScore: auto, FinalScore: auto})
	}
	return out
}

func TestExpiredSessionKeepsTheRelease(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	c := f.as(domain.RolePeserta)
	p := c.get(practiceURL)
	f.clock.now = f.clock.now.Add(auth.SessionIdle + time.Minute)
	r := c.post(practiceURL+"/kirim", writeForm(p, goodHeadline, goodBody))
	loc := r.header.Get("Location")
	if r.status != 303 || !strings.Contains(loc, "pulihkan") || !strings.Contains(loc, "sesi=berakhir") {
		t.Fatalf("expired submit: %d → %s", r.status, loc)
	}
	form := c.get(loc)
	back := form.doc.Find("input[name=kembali]").AttrOr("value", "")
	in := c.post("/masuk", url.Values{"email": {f.users[domain.RolePeserta].Email}, "password": {testPassword}, "kembali": {back}})
	page := c.get(in.header.Get("Location"))
	if !strings.Contains(page.text(".notice"), "sudah dipulihkan") || page.doc.Find("#judul").AttrOr("value", "") != goodHeadline || !strings.Contains(page.text("#isi"), "posyandu keliling") {
		t.Fatalf("text not offered back: %q", page.text(".notice"))
	}
	// The rescued text is given once.
	if again := c.get(in.header.Get("Location")); strings.Contains(again.text(".notice"), "dipulihkan") {
		t.Fatal("rescued text offered twice")
	}
}

// TestReportSaysBelowPassScore: a band such as "Cukup" reads as passing, so a
// report whose score is below the practice's pass score says so, on the
// writing page after Periksa and on the sent version; one at or above it
// does not. Both engines.
func TestReportSaysBelowPassScore(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		f.enrollTrainee()
		c := f.as(domain.RolePeserta)
		check := func(body string, wantNote bool) page {
			t.Helper()
			p := c.get(practiceURL)
			if r := c.post(practiceURL+"/periksa", writeForm(p, goodHeadline, body)); r.status != http.StatusSeeOther {
				t.Fatalf("periksa: %d", r.status)
			}
			chk := c.get(practiceURL + "?periksa=1")
			score, _ := strconv.Atoi(strings.Fields(strings.TrimPrefix(chk.text("#laporan-judul"), "Hasil pemeriksaan: nilai "))[0])
			note := chk.text("#di-bawah-lulus")
			if (note != "") != wantNote || wantNote && !strings.Contains(note, "belum mencapai nilai lulus latihan ini (70)") {
				t.Fatalf("score %d: note %q, want one %v", score, note, wantNote)
			}
			return chk
		}
		check(goodBody, false)
		// A figure against the sheet (a kesalahan) caps the total under the pass score.
		short := strings.Replace(goodBody, "120 balita", "210 balita", 1)
		p := check(short, true)
		r := c.post(practiceURL+"/kirim", writeForm(p, goodHeadline, short))
		if r.status != http.StatusSeeOther {
			t.Fatalf("kirim: %d %q", r.status, r.text(".error-summary"))
		}
		if v := c.get(strings.Split(r.header.Get("Location"), "?")[0]); v.text("#di-bawah-lulus") == "" {
			t.Errorf("the sent version's report does not say it is below the pass score: %q", v.text("#laporan-judul"))
		}
	})
}
