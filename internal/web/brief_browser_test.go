package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/coursesync"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// Long unbroken tokens as real fact sheets have them: a map link, an
// address for registration, a hashtag, a long title.
const (
	longLink    = "https://peta.sukamajukab.go.id/tempat/balai-desa-mekarsari-kecamatan-cibodas-kabupaten-sukamaju"
	longEmail   = "pendaftaran.posyandu.keliling.mekarsari@dinaskesehatan.sukamajukab.go.id"
	longHashtag = "#PosyanduKelilingMekarsariSehatBersamaSukamajuHebat2026"
)

// briefFitJS lists what of the fact sheet does not fit: the page wider than
// the viewport, the sheet's card outside the viewport, any part of the sheet
// outside its card or wider than its own box (clipped or scrolled), and a
// value (dd) given less than 60 % of the list's width.
const briefFitJS = `(function () {
  var out = [], W = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > W) out.push("halaman " + document.documentElement.scrollWidth + " px, layar " + W + " px");
  var card = document.querySelector("section.brief");
  if (!card) return ["tidak ada lembar fakta"];
  var c = card.getBoundingClientRect();
  if (c.left < -0.5 || c.right > W + 0.5) out.push("kartu di " + Math.round(c.left) + "–" + Math.round(c.right) + " px, layar " + W + " px");
  card.querySelectorAll("*").forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width === 0) return;
    var what = e.tagName.toLowerCase() + " “" + e.textContent.trim().slice(0, 40) + "”";
    if (r.left < c.left - 0.5 || r.right > c.right + 0.5) out.push(what + " di " + Math.round(r.left) + "–" + Math.round(r.right) + " px, kartu " + Math.round(c.left) + "–" + Math.round(c.right) + " px");
    if (getComputedStyle(e).display !== "inline" && e.scrollWidth > e.clientWidth + 1) out.push(what + " terpotong: isi " + e.scrollWidth + " px, kotak " + e.clientWidth + " px");
  });
  // Values get most of the card: a narrow column of values beside wide labels
  // breaks every fact into lines of two words.
  var inner = card.querySelector("dl.facts").getBoundingClientRect().width;
  card.querySelectorAll("dl.facts > dd").forEach(function (d) {
    var w = d.getBoundingClientRect().width;
    if (w < 0.6 * inner) out.push("dd “" + d.textContent.trim().slice(0, 30) + "” hanya " + Math.round(w) + " px dari " + Math.round(inner) + " px");
  });
  return out;
})()`

// TestBrowserFactSheetFits: on the writing page at 360 px (and 1280 px) a
// fact sheet with long unbroken tokens (a link, an email, a hashtag, a long
// title) stays inside its card and the viewport: the page does not scroll
// sideways, nothing in the sheet is cut off, the long tokens wrap, and in the
// narrow column beside the text at 1280 px the values keep most of the card's
// width (labels above them, not a wide label column).
func TestBrowserFactSheetFits(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	fsys := testCourseFiles()
	p := fsys["kursus-uji/01-dasar/latihan.practice.yaml"]
	yaml := string(p.Data)
	for old, long := range map[string]string{
		"jabatan: Kepala Dinas Kesehatan Kabupaten Sukamaju":     "jabatan: Kepala Dinas Kesehatan, Pengendalian Penduduk, dan Keluarga Berencana Kabupaten Sukamaju",
		"di_mana: Balai Desa Mekarsari":                          "di_mana: Balai Desa Mekarsari (" + longLink + ")",
		"bagaimana: Petugas mendatangi balai desa":               "bagaimana: Petugas mendatangi balai desa; daftar lewat " + longEmail,
		"teks: Kami datang agar tidak ada balita yang terlewat.": `teks: "Kami datang agar tidak ada balita yang terlewat. ` + longHashtag + `"`,
	} {
		if !strings.Contains(yaml, old) {
			t.Fatalf("the test practice no longer has %q", old)
		}
		yaml = strings.Replace(yaml, old, long, 1)
	}
	p.Data = []byte(yaml)
	cat, problems := course.Load(fsys, ".")
	if len(problems) > 0 {
		t.Fatalf("course with long facts invalid: %v", problems)
	}
	if _, err := coursesync.Sync(context.Background(), f.db, cat); err != nil {
		t.Fatal(err)
	}
	f.srv.cfg.Catalog, f.srv.cfg.CourseFS = cat, fsys
	f.enrollTrainee()
	browserLogin(t, ctx, f, domain.RolePeserta)
	for _, width := range []int64{360, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(f.ts.URL+practiceURL),
			chromedp.WaitVisible(chromedp.CSS("section.brief dl.facts"))); err != nil {
			t.Fatalf("practice page at %d px: %v", width, err)
		}
		sheet, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("section.brief").innerText`))
		if err != nil {
			t.Fatal(err)
		}
		for _, long := range []string{longLink, longEmail, longHashtag} {
			if !strings.Contains(strings.Join(strings.Fields(sheet), ""), long) {
				t.Fatalf("the fact sheet at %d px does not show %q:\n%s", width, long, sheet)
			}
		}
		bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](briefFitJS))
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range bad {
			t.Errorf("fact sheet at %d px: %s", width, b)
		}
		browsertest.Screenshot(t, ctx, fmt.Sprintf("lembar-fakta-%d", width))
	}
}

// tableWrapFitJS lists every table that is wider than its scrolling card, and
// the page wider than the viewport.
const tableWrapFitJS = `(function () {
  var out = [], W = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > W) out.push("halaman " + document.documentElement.scrollWidth + " px, layar " + W + " px");
  document.querySelectorAll(".table-wrap").forEach(function (w) {
    if (w.scrollWidth > w.clientWidth + 1) out.push("tabel " + (w.getAttribute("aria-labelledby") || "") + " " + w.scrollWidth + " px dalam kartu " + w.clientWidth + " px");
  });
  return out;
})()`

// TestBrowserImportColumnsFit: the import page's table of CSV columns, with
// its example address and values in code, is read whole at 360 px: no part
// of it is scrolled out of its card.
func TestBrowserImportColumnsFit(t *testing.T) {
	ctx := browsertest.New(t)
	f := newFixture(t, testkit.SQLite(t))
	browserLogin(t, ctx, f, domain.RoleAdmin)
	for _, width := range []int64{360, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(f.ts.URL+"/admin/pengguna/impor"),
			chromedp.WaitVisible(chromedp.CSS("#kolom-csv"))); err != nil {
			t.Fatalf("import page at %d px: %v", width, err)
		}
		bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](tableWrapFitJS))
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range bad {
			t.Errorf("import page at %d px: %s", width, b)
		}
		browsertest.Screenshot(t, ctx, fmt.Sprintf("impor-%d", width))
	}
}
