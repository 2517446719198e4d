package web

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/browsertest"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// selectPassageJS selects the runes [start, end) of a field's marked text the
// way a mouse would: a Range over the text nodes (which the highlights split
// and the reference numbers interrupt), then a mouseup on the container.
const selectPassageJS = `(function (field, start, end) {
  var c = document.querySelector('.review-text[data-field="' + field + '"]');
  var w = document.createTreeWalker(c, NodeFilter.SHOW_TEXT), pos = 0, r = document.createRange(), setS = false;
  while (w.nextNode()) {
    var t = w.currentNode;
    if (t.parentNode.closest(".ref")) continue;
    var n = Array.from(t.data).length;
    var units = function (k) { return Array.from(t.data).slice(0, k).join("").length; };
    if (!setS && start < pos + n) { r.setStart(t, units(start - pos)); setS = true; }
    if (setS && end <= pos + n) { r.setEnd(t, units(end - pos)); break; }
    pos += n;
  }
  var sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(r);
  var text = sel.toString(); // before mouseup: focusing the comment box moves the selection
  c.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
  return text;
})(%q, %d, %d)`

func TestBrowserReviewCommentAndReturn(t *testing.T) {
	ctx := browsertest.New(t)
	rc := newReviewCase(t, testkit.SQLite(t))
	const passage = "Balai Desa Mekarsari"
	// The second occurrence: the server's "first occurrence" fallback would
	// choose the other one, so a hit proves the offsets came from the selection.
	second := strings.Index(rvBody[strings.Index(rvBody, passage)+1:], passage) + strings.Index(rvBody, passage) + 1
	start := utf8.RuneCountInString(rvBody[:second])
	end := start + utf8.RuneCountInString(passage)

	browserLogin(t, ctx, rc.fixture, domain.RoleFasilitator)
	err := chromedp.Do(ctx,
		chromedp.Navigate(rc.ts.URL+"/penilaian"),
		chromedp.WaitVisible(chromedp.CSS("table.queue")),
	)
	if err != nil {
		t.Fatalf("queue: %v", err)
	}
	browsertest.Screenshot(t, ctx, "antrean-penilaian")
	nav, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`nav.nav a[href="/penilaian"]`)))
	if nav != "Antrean penilaian (1)" {
		t.Errorf("nav = %q", nav)
	}
	if err := chromedp.Do(ctx, clickAndWait(chromedp.CSS("table.queue tbody a")), chromedp.WaitVisible(chromedp.CSS(".review-text"))); err != nil {
		t.Fatalf("open the review page: %v", err)
	}

	// A different score first: the final score follows as it is typed, and
	// what was typed survives the reload after adding a comment.
	err = chromedp.Do(ctx,
		chromedp.Clear(chromedp.CSS("#nilai-faktual")),
		chromedp.SendKeys(chromedp.CSS("#nilai-faktual"), "0"),
	)
	if err != nil {
		t.Fatal(err)
	}
	final, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#nilai-akhir")))
	if wantFinal := weightedWith(rc.report, "faktual", 0); final != strconv.Itoa(wantFinal) {
		t.Errorf("live final score = %q, want %d", final, wantFinal)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#alasan-faktual"), "Sumber angka 120 balita tidak disebut."),
	)
	if err != nil {
		t.Fatal(err)
	}
	selected, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(selectPassageJS, "isi", start, end)))
	if err != nil || selected != passage {
		t.Fatalf("selection = %q, %v", selected, err)
	}
	type formState struct {
		Field, Quote, Start, End, Focus string
	}
	st, err := chromedp.Run(ctx, chromedp.Evaluate[formState](`({Field: document.getElementById("komentar-bagian").value,
		Quote: document.getElementById("kutipan").value, Start: document.getElementById("kutipan-awal").value,
		End: document.getElementById("kutipan-akhir").value, Focus: document.activeElement.id})`))
	if err != nil {
		t.Fatal(err)
	}
	want := formState{"isi", passage, strconv.Itoa(start), strconv.Itoa(end), "komentar-isi"}
	if st != want {
		t.Fatalf("review.js filled %+v, want %+v", st, want)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#komentar-isi"), "Nama tempat sudah disebut di teras; cukup sekali."),
		clickAndWait(chromedp.Search(`//button[normalize-space()="Tambah komentar"]`)),
		chromedp.WaitVisible(chromedp.CSS("mark.komentar")),
	)
	if err != nil {
		t.Fatalf("add comment: %v", err)
	}
	marked, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`.review-text[data-field=isi] mark.komentar`)))
	if marked != passage {
		t.Errorf("comment highlight = %q", marked)
	}
	kept, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[document.getElementById("nilai-faktual").value,
		document.getElementById("alasan-faktual").value, document.getElementById("nilai-akhir").value]`))
	if wantFinal := strconv.Itoa(weightedWith(rc.report, "faktual", 0)); strings.Join(kept, "|") != "0|Sumber angka 120 balita tidak disebut.|"+wantFinal {
		t.Errorf("typed rubric after the reload: %q", kept)
	}

	browsertest.Screenshot(t, ctx, "penilaian")
	width, err := chromedp.Run(ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth"))
	if err != nil || width > 360 {
		t.Errorf("review page is %d px wide on a 360 px screen (%v)", width, err)
	}
	err = chromedp.Do(ctx,
		clickAndWait(chromedp.Search(`//button[normalize-space()="Kembalikan untuk revisi"]`)),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if err != nil {
		t.Fatalf("return for revision: %v", err)
	}
	flash, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".flash")))
	if !strings.Contains(flash, "dikembalikan untuk revisi") {
		t.Errorf("flash = %q", flash)
	}

	db, bg := rc.db, context.Background()
	s, _ := db.Submission(bg, rc.sub.ID)
	if s.State != domain.SubReturned {
		t.Fatalf("state after returning: %s", s.State)
	}
	cs, _ := db.Comments(bg, rc.version.ID)
	if len(cs) != 1 || cs[0].Start != start || cs[0].End != end || cs[0].Quote != passage {
		t.Fatalf("comment stored: %+v, want %d–%d", cs, start, end)
	}
	rs, _ := db.ReviewsOf(bg, rc.sub.ID)
	scores, _ := db.ReviewScores(bg, rs[rc.version.ID].ID)
	for _, sc := range scores {
		if sc.Criterion == "faktual" && (sc.FinalScore != 0 || sc.Reason != "Sumber angka 120 balita tidak disebut.") {
			t.Errorf("faktual: %+v", sc)
		}
	}
}
