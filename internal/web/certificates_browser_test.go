package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestBrowserCertificateJourney: a trainee with one lesson left marks it
// done, finds the certificate under Sertifikat and opens its verification
// page (Berlaku); an admin revokes it through the form; the verification page
// then says Dicabut.
func TestBrowserCertificateJourney(t *testing.T) {
	ctx := browsertest.New(t)
	cc := newCertCase(t, testkit.SQLite(t))
	cc.completeAllBut(tcLesson2)
	browserLogin(t, ctx, cc.fixture, domain.RolePeserta)

	err := chromedp.Do(ctx,
		chromedp.Navigate(cc.ts.URL+lessonURL+tcLesson2),
		chromedp.WaitVisible(chromedp.CSS(".prose")),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Tandai selesai"]`)),
		clickAndWait(chromedp.Search(`//nav//a[normalize-space()="Sertifikat"]`)),
		chromedp.WaitVisible(chromedp.CSS(".cert-card")),
	)
	if err != nil {
		t.Fatalf("mark the last lesson done and open Sertifikat: %v", err)
	}
	browsertest.Screenshot(t, ctx, "sertifikat-peserta")
	cert := cc.certificate()
	card, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".cert-card")))
	if !strings.Contains(card, cert.Number) || !strings.Contains(card, "Berlaku") || !strings.Contains(card, "Unduh PDF") {
		t.Fatalf("certificate card: %q", card)
	}
	if err := chromedp.Do(ctx, clickAndWait(chromedp.Search(`//a[normalize-space()="Lihat halaman verifikasi"]`)),
		chromedp.WaitVisible(chromedp.CSS(".cert-status"))); err != nil {
		t.Fatalf("open the verification page: %v", err)
	}
	browsertest.Screenshot(t, ctx, "verifikasi-berlaku")
	if status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".cert-status-label"))); status != "Berlaku" {
		t.Fatalf("verification status %q, want Berlaku", status)
	}
	if width, err := chromedp.Run(ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth")); err != nil || width > 360 {
		t.Errorf("verification page is %d px wide on a 360 px screen (%v)", width, err)
	}

	// The admin, in the same browser after the trainee logs out.
	err = chromedp.Do(ctx,
		chromedp.Navigate(cc.ts.URL+"/beranda"),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Keluar"]`)),
	)
	if err != nil {
		t.Fatalf("log out: %v", err)
	}
	browserLogin(t, ctx, cc.fixture, domain.RoleAdmin)
	err = chromedp.Do(ctx,
		chromedp.Navigate(cc.ts.URL+"/admin/sertifikat"),
		chromedp.WaitVisible(chromedp.CSS("table")),
		clickAndWait(chromedp.Search(`//a[normalize-space()="`+cert.Number+`"]`)),
		chromedp.WaitVisible(chromedp.CSS("#alasan")),
		chromedp.SendKeys(chromedp.CSS("#alasan"), "Rilis latihan terbukti menyalin siaran pers OPD lain."),
		chromedp.Click(chromedp.CSS("#yakin")),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Cabut sertifikat"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatalf("revoke through the form: %v", err)
	}
	browsertest.Screenshot(t, ctx, "admin-sertifikat-dicabut")
	if status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".cert-status-label"))); status != "Dicabut" {
		t.Fatalf("admin page after revoking: %q", status)
	}
	err = chromedp.Do(ctx, chromedp.Navigate(cc.ts.URL+"/verifikasi/"+cert.Code), chromedp.WaitVisible(chromedp.CSS(".cert-status")))
	if err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, "verifikasi-dicabut")
	status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".cert-status-label")))
	text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".cert-status")))
	if status != "Dicabut" || !strings.Contains(text, "telah dicabut pada") {
		t.Fatalf("verification after revoking: %q / %q", status, text)
	}
}
