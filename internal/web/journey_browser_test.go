package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestBrowserReturnReviseApproveCertificate is the loop of issue 13 in
// Chromium at 360 px: the trainee sends (ticking "Saya yakin"); the
// facilitator comments on a passage and returns it; the trainee opens the
// practice from the Beranda and finds the decision, the general comment and
// the passage comment on the writing page itself, revises there and sends
// again; the facilitator approves; the certificate is issued and shown.
func TestBrowserReturnReviseApproveCertificate(t *testing.T) {
	ctx := browsertest.New(t)
	cc := newCertCase(t, testkit.SQLite(t))
	cc.completeAllBut(tcPractice)
	f := cc.fixture
	page := f.ts.URL + practiceURL
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return strings.Join(strings.Fields(s), " ")
	}
	logout := func() {
		t.Helper()
		if err := chromedp.Do(ctx, clickAndWait(chromedp.Search(`//button[normalize-space()="Keluar"]`))); err != nil {
			t.Fatalf("logout: %v", err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740)); err != nil {
		t.Fatal(err)
	}

	// Trainee sends version 1; the box must be ticked first.
	browserLogin(t, ctx, f, domain.RolePeserta)
	first := goodBody + "\n\nSilahkan warga datang ke balai desa."
	err := chromedp.Do(ctx,
		chromedp.Navigate(page),
		chromedp.WaitVisible(chromedp.CSS("#judul")),
		chromedp.SendKeys(chromedp.CSS("#judul"), goodHeadline),
		setTextarea("#isi", first),
		clickAndWait(chromedp.CSS("#kirim")),
	)
	if err != nil {
		t.Fatalf("send without the box: %v", err)
	}
	if s := text(".error-summary"); !strings.Contains(s, "Saya yakin") {
		t.Fatalf("sending without \"Saya yakin\" said %q", s)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#isi"))); !strings.Contains(v, "Silahkan warga") {
		t.Fatal("the text was lost when sending was refused")
	}
	err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#yakin-kirim")), clickAndWait(chromedp.CSS("#kirim")), chromedp.WaitVisible(chromedp.CSS(".report")))
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	if !strings.Contains(text("main"), "Rilis terkirim sebagai versi 1") {
		t.Fatal("version 1 not sent")
	}
	logout()

	// Facilitator: a comment on a passage, then "Kembalikan untuk revisi" with a general comment.
	browserLogin(t, ctx, f, domain.RoleFasilitator)
	err = chromedp.Do(ctx,
		chromedp.Navigate(f.ts.URL+"/penilaian"),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
		clickAndWait(chromedp.CSS("table.queue tbody a")),
		chromedp.WaitVisible(chromedp.CSS("#kutipan")),
		chromedp.SetValue(chromedp.CSS("#komentar-bagian"), "isi"),
		chromedp.SendKeys(chromedp.CSS("#kutipan"), "Silahkan warga"),
		chromedp.SendKeys(chromedp.CSS("#komentar-isi"), "Tulis Silakan, bukan Silahkan."),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Tambah komentar"]`)),
		chromedp.WaitVisible(chromedp.CSS("#komentar-umum")),
		chromedp.SendKeys(chromedp.CSS("#komentar-umum"), "Perbaiki ejaan pada paragraf terakhir."),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Kembalikan untuk revisi"]`)),
	)
	if err != nil {
		t.Fatalf("comment and return: %v", err)
	}
	logout()

	// Trainee: the Beranda says Dikembalikan; the writing page carries the words.
	browserLogin(t, ctx, f, domain.RolePeserta)
	if !strings.Contains(text("main"), "Dikembalikan") {
		t.Fatalf("Beranda does not show the returned release: %q", text("main"))
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("#catatan-fasilitator"))); err != nil {
		t.Fatalf("the writing page shows no facilitator's notes: %v", err)
	}
	browsertest.Screenshot(t, ctx, "latihan-dikembalikan-360")
	notes := text("#catatan-fasilitator")
	for _, want := range []string{"Dikembalikan", "Perbaiki ejaan pada paragraf terakhir.", "Komentar K1", "Silahkan warga", "Tulis Silakan, bukan Silahkan."} {
		if !strings.Contains(notes, want) {
			t.Errorf("the notes on the writing page lack %q: %q", want, notes)
		}
	}
	if ro, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#isi").readOnly`)); ro {
		t.Fatal("the returned text cannot be revised on the page with the notes")
	}
	err = chromedp.Do(ctx,
		setTextarea("#isi", strings.Replace(first, "Silahkan", "Silakan", 1)),
		chromedp.Click(chromedp.CSS("#yakin-kirim")), clickAndWait(chromedp.CSS("#kirim")),
		chromedp.WaitVisible(chromedp.CSS(".report")),
	)
	if err != nil {
		t.Fatalf("revise and send: %v", err)
	}
	if !strings.Contains(text("main"), "Rilis terkirim sebagai versi 2") {
		t.Fatal("version 2 not sent")
	}
	logout()

	// Facilitator approves version 2.
	browserLogin(t, ctx, f, domain.RoleFasilitator)
	err = chromedp.Do(ctx,
		chromedp.Navigate(f.ts.URL+"/penilaian"),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
		clickAndWait(chromedp.CSS("table.queue tbody a")),
		chromedp.WaitVisible(chromedp.CSS("#komentar-umum")),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Setujui"]`)),
	)
	if err != nil {
		t.Fatalf("approve: %v", err)
	}
	logout()

	// Trainee: the certificate is there.
	browserLogin(t, ctx, f, domain.RolePeserta)
	err = chromedp.Do(ctx,
		clickAndWait(chromedp.Search(`//nav//a[normalize-space()="Sertifikat"]`)),
		chromedp.WaitVisible(chromedp.CSS(".cert-card")),
	)
	if err != nil {
		t.Fatalf("open Sertifikat: %v", err)
	}
	browsertest.Screenshot(t, ctx, "sertifikat-setelah-revisi")
	cert := cc.certificate()
	if card := text(".cert-card"); !strings.Contains(card, cert.Number) || !strings.Contains(card, "Berlaku") {
		t.Fatalf("certificate card: %q", card)
	}
}

// TestBrowserRejectedShowsTheWayOn: after "Tolak" (confirmed with "Saya
// yakin"), the trainee's writing page says the release was rejected, why, and
// what comes next with the attempts left; "Mulai lagi dari awal" gives an
// empty, editable draft while the rejected version stays in the history.
func TestBrowserRejectedShowsTheWayOn(t *testing.T) {
	ctx := browsertest.New(t)
	rc := newReviewCase(t, testkit.SQLite(t))
	f := rc.fixture
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return strings.Join(strings.Fields(s), " ")
	}
	browserLogin(t, ctx, f, domain.RoleFasilitator)
	err := chromedp.Do(ctx,
		chromedp.Navigate(f.ts.URL+rc.url("")),
		chromedp.WaitVisible(chromedp.CSS("#komentar-umum")),
		chromedp.SendKeys(chromedp.CSS("#komentar-umum"), "Rilis ini tidak memakai data lembar fakta."),
		chromedp.Click(chromedp.CSS("#yakin-tolak")),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Tolak"]`)),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Keluar"]`)),
	)
	if err != nil {
		t.Fatalf("reject: %v", err)
	}
	browserLogin(t, ctx, f, domain.RolePeserta)
	if err := chromedp.Do(ctx, chromedp.Navigate(f.ts.URL+practiceURL), chromedp.WaitVisible(chromedp.CSS("#langkah-berikutnya"))); err != nil {
		t.Fatalf("the writing page says nothing about what comes next: %v", err)
	}
	browsertest.Screenshot(t, ctx, "latihan-ditolak")
	notes, next := text("#catatan-fasilitator"), text("#langkah-berikutnya")
	if !strings.Contains(notes, "Ditolak") || !strings.Contains(notes, "Rilis ini tidak memakai data lembar fakta.") {
		t.Errorf("the decision or its reason is missing: %q", notes)
	}
	if !strings.Contains(next, "sisa kesempatan mengirim 2 dari 3") {
		t.Errorf("what comes next: %q", next)
	}
	err = chromedp.Do(ctx, clickAndWait(chromedp.Search(`//button[normalize-space()="Mulai lagi dari awal"]`)), chromedp.WaitVisible(chromedp.CSS("#isi")))
	if err != nil {
		t.Fatalf("start again: %v", err)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.CSS("#isi"))); v != "" {
		t.Errorf("the fresh start is not empty: %q", v)
	}
	if ro, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#isi").readOnly`)); ro {
		t.Error("the fresh start cannot be written")
	}
	if !strings.Contains(text("#riwayat ~ .table-wrap"), "Ditolak") {
		t.Errorf("the rejected version left the history: %q", text("#riwayat ~ .table-wrap"))
	}
}
