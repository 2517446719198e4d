package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestBrowserPimpinanSeesOwnOPD: the pimpinan OPD logs in through the real
// form and lands on their OPD with its status, accounts and admins; another
// OPD's page is "not found" and shows nothing of it; the page fits a phone.
func TestBrowserPimpinanSeesOwnOPD(t *testing.T) {
	ctx := browsertest.New(t)
	w := newComplianceWorld(t, testkit.SQLite(t))
	browserLogin(t, ctx, w.fixture, domain.RolePimpinanOPD)
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#status-judul"))); err != nil {
		t.Fatalf("the pimpinan's Beranda is not their OPD page: %v", err)
	}
	browsertest.Screenshot(t, ctx, "opd-pimpinan")
	h1, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1")))
	status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#status-judul .status")))
	main, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if h1 != "Dinas Kesehatan" || status != "Memenuhi" {
		t.Fatalf("Beranda: h1 %q, status %q", h1, status)
	}
	for _, want := range []string{"@dinkes.sukamaju", "Uji Peserta", "Berlaku", "Sertifikat yang berakhir dalam 60 hari"} {
		if !strings.Contains(main, want) {
			t.Errorf("the OPD page lacks %q", want)
		}
	}
	if width, err := chromedp.Run(ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth")); err != nil || width > 360 {
		t.Errorf("the OPD page is %d px wide on a 360 px screen (%v)", width, err)
	}
	// The Beranda is the OPD page: the navigation has no second link to it
	// ("OPD saya" duplicated the Beranda), and its own address still opens it.
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("nav a")).map(function (a) { return a.textContent.trim() + " " + a.getAttribute("href"); })`))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range links {
		if strings.Contains(l, "OPD saya") || strings.Contains(l, fmt.Sprintf("/opd/%d", w.opd.ID)) {
			t.Errorf("the pimpinan's navigation links the Beranda's page again: %q", links)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%s/opd/%d", w.ts.URL, w.opd.ID)), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
		t.Fatal(err)
	}
	if h1, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1"))); h1 != "Dinas Kesehatan" {
		t.Fatalf("the OPD's own address shows %q", h1)
	}
	// Another OPD: the same page as an address that does not exist.
	for _, other := range []int64{w.other.ID, w.dinsos.ID} {
		if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("%s/opd/%d", w.ts.URL, other)), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
			t.Fatal(err)
		}
		h1, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1")))
		body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
		if h1 != "Halaman tidak ditemukan" || strings.Contains(body, "Badan Penanggulangan") || strings.Contains(body, "Dinas Sosial") {
			t.Fatalf("another OPD's page: h1 %q", h1)
		}
	}
	browsertest.Screenshot(t, ctx, "opd-lain-404")
}

// TestBrowserAdminFiltersDashboard: the admin opens Kepatuhan OPD from the
// navigation, filters the table by status through its form, and the page
// (charts, tables) fits a 360 px phone screen.
func TestBrowserAdminFiltersDashboard(t *testing.T) {
	ctx := browsertest.New(t)
	w := newComplianceWorld(t, testkit.SQLite(t))
	browserLogin(t, ctx, w.fixture, domain.RoleAdmin)
	err := chromedp.Do(ctx,
		clickAndWait(chromedp.Search(`//nav//a[normalize-space()="Kepatuhan OPD"]`)),
		chromedp.WaitVisible(chromedp.CSS(".compliance-table")),
	)
	if err != nil {
		t.Fatalf("open the dashboard: %v", err)
	}
	browsertest.Screenshot(t, ctx, "kepatuhan")
	if width, err := chromedp.Run(ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth")); err != nil || width > 360 {
		t.Errorf("the dashboard is %d px wide on a 360 px screen (%v)", width, err)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#f-status"), "belum"),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Terapkan saringan"]`)),
	)
	if err != nil {
		t.Fatalf("filter: %v", err)
	}
	rows, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".compliance-table tbody tr").length`))
	table, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".compliance-table tbody")))
	if rows != 1 || !strings.Contains(table, "Badan Penanggulangan Bencana Daerah") {
		t.Fatalf("filtered by Belum: %d rows: %q", rows, table)
	}
	href, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('a[href^="/kepatuhan/unduh.csv"]').getAttribute("href")`))
	if href != "/kepatuhan/unduh.csv?status=belum" {
		t.Errorf("Unduh CSV link %q", href)
	}
}
