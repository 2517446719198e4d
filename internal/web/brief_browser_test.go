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
// the viewport, the sheet's card outside the viewport, and any part of the
// sheet outside its card or wider than its own box (clipped or scrolled).
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
  return out;
})()`

// TestBrowserFactSheetFits: on the writing page at 360 px (and 1280 px) a
// fact sheet with long unbroken tokens (a link, an email, a hashtag, a long
// title) stays inside its card and the viewport: the page does not scroll
// sideways, nothing in the sheet is cut off, and the long tokens wrap.
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
