package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// The cohort page tells the facilitator which criteria and which kinds of
// findings the cohort's releases miss most, by week, with links to the
// releases, and suggests what to cover in the next live session.
func TestCohortInsight(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		rc := &reviewCase{fixture: f, cohort: f.enrollTrainee()}
		fac := f.as(domain.RoleFasilitator)
		page := fmt.Sprintf("/fasilitator/angkatan/%d", rc.cohort.ID)
		if p := fac.get(page); p.doc.Find("#wawasan").Length() != 0 {
			t.Fatal("insight shown before any release was sent")
		}
		rc.sub, _, _ = rc.sendEdited(f.users[domain.RolePeserta], rvHeadline, rvBody, func(r *grading.Report) {
			for i := range r.Criteria {
				if r.Criteria[i].ID == grading.CritFaktual {
					r.Criteria[i].Score = 40
				}
			}
			r.Findings = append(r.Findings,
				grading.Finding{Criterion: grading.CritStruktur, Severity: grading.SevPeringatan, Field: "isi", Message: "Teras berita 52 kata; usahakan di bawah 35 kata.", Topic: grading.TopicJudulTeras},
				grading.Finding{Criterion: grading.CritStruktur, Severity: grading.SevPeringatan, Field: "isi", Message: "Teras berita 48 kata; usahakan di bawah 35 kata.", Topic: grading.TopicJudulTeras})
		})
		f.clock.now = time.Now() // the week of the release just sent
		p := fac.get(page)
		if p.status != http.StatusOK || p.doc.Find("#wawasan").Length() != 1 {
			t.Fatalf("cohort page: %d, insight %d", p.status, p.doc.Find("#wawasan").Length())
		}
		row := p.doc.Find(`#wawasan-kriteria`).NextFiltered(".table-wrap").Find("tbody tr").First()
		cells := strings.Fields(row.Text())
		if !strings.Contains(row.Text(), "Faktual") || len(cells) < 3 || row.Find(fmt.Sprintf(`a[href="/penilaian/%d"]`, rc.sub.ID)).Length() != 1 {
			t.Fatalf("criteria row: %q", row.Text())
		}
		kinds := p.text("#wawasan-temuan + .table-wrap")
		if !strings.Contains(kinds, "Struktur: Teras berita … kata; usahakan di bawah … kata") || strings.Contains(kinds, "52 kata") {
			t.Fatalf("finding kinds (figures left out, one kind for both): %q", kinds)
		}
		if got := p.text(".insight-suggestion"); !strings.HasPrefix(got, "Bahas di sesi tatap muka berikutnya:") {
			t.Fatalf("suggestion: %q", got)
		}
		// This week's column counts the release.
		weeks := p.doc.Find(`#wawasan-kriteria`).NextFiltered(".table-wrap").Find("thead th")
		if weeks.Length() != 3+insightWeeks+1 {
			t.Fatalf("%d header cells", weeks.Length())
		}
		if last := strings.TrimSpace(row.Find("td").Eq(2 + insightWeeks - 1).Text()); last != "1" {
			t.Fatalf("this week's count %q", last)
		}
	})
}

// findingKind leaves out figures and quoted passages and keeps the first sentence.
func TestFindingKind(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Teras berita 52 kata; usahakan di bawah 35 kata agar pembaca langsung menangkap intinya.": "Teras berita … kata; usahakan di bawah … kata agar pembaca langsung menangkap intinya",
		"Tulis “di sampaikan” serangkai. Imbuhan di- ditulis serangkai dengan kata kerja.":         "Tulis “…” serangkai",
		"Angka 1.240 warga tidak sesuai lembar fakta (1.420).":                                     "Angka … warga tidak sesuai lembar fakta (…)",
	} {
		if got := findingKind(grading.Finding{Message: in}); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}
