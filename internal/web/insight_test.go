package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
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
				grading.Finding{Criterion: grading.CritStruktur, Rule: "teras-panjang", Severity: grading.SevPeringatan, Field: "isi", Message: "Teras berita 52 kata; usahakan di bawah 35 kata.", Topic: grading.TopicJudulTeras},
				grading.Finding{Criterion: grading.CritStruktur, Rule: "teras-panjang", Severity: grading.SevPeringatan, Field: "isi", Message: "Teras berita 48 kata; usahakan di bawah 35 kata.", Topic: grading.TopicJudulTeras})
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
		if !strings.Contains(kinds, "Struktur: Teras terlalu panjang") || strings.Contains(kinds, "52 kata") {
			t.Fatalf("finding kinds (by rule, one kind for both): %q", kinds)
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

// sendStored sends a release of u whose stored report is rep; legacy stores
// it as a grader before 1.11.0 did, with no rule in any finding.
func (rc *reviewCase) sendStored(u domain.User, rep grading.Report, legacy bool) domain.Submission {
	t := rc.t
	t.Helper()
	ctx := context.Background()
	js, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	if legacy {
		js = regexp.MustCompile(`"rule":"[^"]*",`).ReplaceAll(js, nil)
		if bytes.Contains(js, []byte(`"rule"`)) || !json.Valid(js) {
			t.Fatalf("legacy report: %s", js)
		}
	}
	e, err := rc.db.EnrollmentForCourse(ctx, u.ID, tcCourse)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := rc.db.EnsureSubmission(ctx, e.ID, u.ID, tcCourse, tcPractice)
	if err != nil {
		t.Fatal(err)
	}
	it := rc.srv.cfg.Catalog.Course(tcCourse).Item(tcPractice)
	if _, _, err := rc.db.Submit(ctx, domain.SubmitInput{SubmissionID: sub.ID, LockVersion: sub.LockVersion, SubmitKey: fmt.Sprintf("simpan-%d", sub.ID),
		Headline: rvHeadline, Body: rvBody, ReportJSON: string(js), GraderVersion: rep.GraderVersion, AutoScore: rep.Score,
		MaxAttempts: it.Practice.MaxAttempts, ItemHash: it.Hash}); err != nil {
		t.Fatal(err)
	}
	return sub
}

// TestCohortInsightByRule: finding kinds are the grader's rules with their
// labels, whatever passage each message quotes, counted once per release,
// by week, with links to the releases; reports stored before findings named
// their rule are counted under their criterion as old reports, never by their
// message, and the suggestion names a rule. In English the labels are
// English. Both engines.
func TestCohortInsightByRule(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.withCourse()
		rc := &reviewCase{fixture: f, cohort: f.enrollTrainee()}
		ctx := context.Background()
		trainee := func(i int) domain.User {
			u, _ := f.newUser(domain.RolePeserta, fmt.Sprintf("peserta%d@sukamaju.test", i), fmt.Sprintf("Peserta Ke-%d", i), &f.opd.ID)
			if _, err := db.Enroll(ctx, nil, rc.cohort.ID, []int64{u.ID}); err != nil {
				t.Fatal(err)
			}
			return u
		}
		finding := func(crit, rule, msg string) grading.Finding {
			return grading.Finding{Criterion: crit, Rule: rule, Severity: grading.SevKesalahan, Field: "isi", Message: msg, Topic: grading.TopicKutipan}
		}
		report := func(fs ...grading.Finding) grading.Report {
			return grading.Report{GraderVersion: "uji", Score: 60, Criteria: []grading.CriterionScore{{ID: grading.CritFaktual, Score: 50}}, Findings: fs}
		}
		// New reports: one rule, different passages quoted.
		a := rc.sendStored(f.users[domain.RolePeserta], report(
			finding(grading.CritFaktual, "kutipan-diubah", "Kutipan “warga yang datang” berbeda dengan lembar fakta: “kami yang datang”."),
			finding(grading.CritFaktual, "kutipan-diubah", "Kutipan “demam itu biasa” berbeda dengan lembar fakta: “demam ringan itu biasa”."),
			finding(grading.CritBahasa, "dimana-serangkai", "Tulis “di mana” terpisah.")), false)
		b := rc.sendStored(trainee(1), report(
			finding(grading.CritFaktual, "kutipan-diubah", "Kutipan “kami semua hadir” berbeda dengan lembar fakta: “kami hadir”.")), false)
		// Old reports: no rule at all, or one this grader does not know.
		var old []domain.Submission
		for i := 2; i <= 4; i++ {
			old = append(old, rc.sendStored(trainee(i), report(
				finding(grading.CritBahasa, "kata-tidak-baku", fmt.Sprintf("Tulis “silakan”, bukan “silahkan%d”.", i)),
				finding(grading.CritBahasa, "kata-tidak-baku", "Tulis “imbauan”, bukan “himbauan”.")), true))
		}
		rc.sendStored(trainee(5), report(finding(grading.CritFaktual, "aturan-yang-tidak-ada", "Pesan “ganjil” dari penilai lain.")), false)
		f.clock.now = time.Now()

		p := f.as(domain.RoleFasilitator).get(fmt.Sprintf("/fasilitator/angkatan/%d", rc.cohort.ID))
		if p.status != http.StatusOK {
			t.Fatalf("cohort page: %d", p.status)
		}
		rows := map[string]*goquerySelection{}
		p.doc.Find("#wawasan-temuan + .table-wrap tbody tr").Each(func(_ int, r *goquerySelection) {
			rows[strings.TrimSpace(r.Find("th").Text())] = r
		})
		labels := make([]string, 0, len(rows))
		for l := range rows {
			labels = append(labels, l)
		}
		cells := func(label string) []string {
			r := rows[label]
			if r == nil {
				t.Fatalf("no row %q among %q", label, labels)
			}
			var out []string
			r.Find("td").Each(func(_ int, c *goquerySelection) { out = append(out, strings.TrimSpace(c.Text())) })
			return out
		}
		quote := cells("Faktual: Kutipan berbeda dengan aslinya")
		if quote[0] != "2" || quote[1] != "2" || quote[1+insightWeeks] != "2" {
			t.Errorf("quote rule: releases, trainees, this week = %q", quote)
		}
		r := rows["Faktual: Kutipan berbeda dengan aslinya"]
		for _, s := range []domain.Submission{a, b} {
			if r.Find(fmt.Sprintf(`a[href="/penilaian/%d"]`, s.ID)).Length() != 1 {
				t.Errorf("the quote rule does not link release %d", s.ID)
			}
		}
		if c := cells("Bahasa: “dimana” ditulis serangkai"); c[0] != "1" {
			t.Errorf("dimana rule: %q", c)
		}
		legacy := cells("Bahasa: temuan dari laporan lama (jenisnya tidak tercatat)")
		if legacy[0] != "3" || legacy[1] != "3" {
			t.Errorf("old reports under their criterion, once per release: %q", legacy)
		}
		for _, s := range old {
			if rows["Bahasa: temuan dari laporan lama (jenisnya tidak tercatat)"].Find(fmt.Sprintf(`a[href="/penilaian/%d"]`, s.ID)).Length() != 1 {
				t.Errorf("the old reports' row does not link release %d", s.ID)
			}
		}
		if c := cells("Faktual: temuan dari laporan lama (jenisnya tidak tercatat)"); c[0] != "1" {
			t.Errorf("an unknown rule: %q", c)
		}
		table := p.text("#wawasan-temuan + .table-wrap")
		for _, garbage := range []string{"warga yang datang", "kami semua hadir", "silahkan", "himbauan", "ganjil", "“…”", `"`} {
			if strings.Contains(table, garbage) {
				t.Errorf("the finding kinds show %q: %q", garbage, table)
			}
		}
		if len(rows) != 4 {
			t.Errorf("finding kinds %q, want 4", labels)
		}
		if s := p.text(".insight-suggestion"); !strings.Contains(s, "Kutipan berbeda dengan aslinya (2 kali, pada 2 peserta)") || strings.Contains(s, "laporan lama") {
			t.Errorf("suggestion: %q", s)
		}

		en := f.as(domain.RoleFasilitator)
		if r := en.post("/akun/bahasa", url.Values{"bahasa": {"en"}}); r.status != http.StatusSeeOther {
			t.Fatalf("choose English: %d", r.status)
		}
		table = en.get(fmt.Sprintf("/fasilitator/angkatan/%d", rc.cohort.ID)).text("#wawasan-temuan + .table-wrap")
		for _, want := range []string{"Accuracy: Quote differs from the original", "Language: “dimana” written as one word", "Language: finding from an old report (its kind was not recorded)"} {
			if !strings.Contains(table, want) {
				t.Errorf("English table lacks %q: %q", want, table)
			}
		}
	})
}

// TestRuleLabelsInEnglish: the insight shows every rule's label, so each has
// its English in web/i18n/en.json (a rule the grader adds fails here).
func TestRuleLabelsInEnglish(t *testing.T) {
	t.Parallel()
	cat := loadCatalog(t)
	for _, r := range grading.Rules {
		if _, ok := cat.Lookup(r.Label); !ok {
			t.Errorf("rule %s: %q has no English in web/i18n/en.json", r.ID, r.Label)
		}
	}
}
