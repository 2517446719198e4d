package web

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"sort"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/i18n"
)

// Annotation marks a passage of a field: a grader finding or a facilitator comment.
type Annotation struct {
	N        int    // reference number shown in the text and in the list
	Field    string // grading.FieldJudul or grading.FieldIsi
	Start    int    // rune offsets, End exclusive
	End      int
	Class    string // CSS class of the highlight (e.g. sev-peringatan, komentar)
	Prefix   string // id prefix: "temuan" for findings, "komentar" for comments
	Priority int    // higher wins the colour where passages overlap
}

// highlight renders text with the annotations of one field marked: each
// passage in a <mark> carrying its reference link, so every annotation can be
// reached with the keyboard from the text and back from the list. Overlapping
// passages are split at their boundaries. Everything is escaped.
func highlight(l i18n.Lang, text, field string, anns []Annotation) template.HTML {
	runes := []rune(text)
	var mine []Annotation
	cuts := map[int]bool{0: true, len(runes): true}
	for _, a := range anns {
		if a.Field != field || a.Start < 0 || a.End > len(runes) || a.Start >= a.End {
			continue
		}
		mine = append(mine, a)
		cuts[a.Start], cuts[a.End] = true, true
	}
	bounds := make([]int, 0, len(cuts))
	for c := range cuts {
		bounds = append(bounds, c)
	}
	sort.Ints(bounds)
	var b strings.Builder
	opened := map[int]bool{}
	for i := 0; i+1 < len(bounds); i++ {
		from, to := bounds[i], bounds[i+1]
		seg := html.EscapeString(string(runes[from:to]))
		var cover []Annotation
		for _, a := range mine {
			if a.Start <= from && a.End >= to {
				cover = append(cover, a)
			}
		}
		if len(cover) == 0 {
			b.WriteString(seg)
			continue
		}
		top := cover[0]
		for _, a := range cover[1:] {
			if a.Priority > top.Priority {
				top = a
			}
		}
		b.WriteString(`<mark class="hl ` + top.Class + `"`)
		if !opened[top.N*2+btoi(top.Prefix == "komentar")] {
			opened[top.N*2+btoi(top.Prefix == "komentar")] = true
			fmt.Fprintf(&b, ` id="sorot-%s-%d"`, top.Prefix, top.N)
		}
		b.WriteString(">" + seg + "</mark>")
		for _, a := range cover { // reference after the last piece of each passage
			if a.End == to {
				fmt.Fprintf(&b, `<a class="ref ref-%s" href="#%s-%d" aria-label="%s %d">%s%d</a>`, a.Prefix, a.Prefix, a.N, i18n.T(l, refLabel(a.Prefix)), a.N, refMark(a.Prefix), a.N)
			}
		}
	}
	return template.HTML(b.String())
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// refMark tells the two kinds of numbered passage apart in the text: T1… the
// grader's findings (temuan), K1… a facilitator's comments (komentar).
func refMark(prefix string) string {
	if prefix == "komentar" {
		return "K"
	}
	return "T"
}

func refLabel(prefix string) string {
	if prefix == "komentar" {
		return "Komentar"
	}
	return "Temuan"
}

// Labels of the grader's words.
var (
	bandLabels     = map[string]string{"sangat_baik": "Sangat baik", "baik": "Baik", "cukup": "Cukup", "perlu_perbaikan": "Perlu perbaikan"}
	severityLabels = map[string]string{grading.SevInfo: "Info", grading.SevSaran: "Saran", grading.SevPeringatan: "Peringatan", grading.SevKesalahan: "Kesalahan"}
	severityRank   = map[string]int{grading.SevInfo: 0, grading.SevSaran: 1, grading.SevPeringatan: 2, grading.SevKesalahan: 3}
	elementLabels  = []struct{ ID, Label string }{
		{"siapa", "Siapa"}, {"apa", "Apa"}, {"kapan", "Kapan"}, {"di_mana", "Di mana"}, {"mengapa", "Mengapa"}, {"bagaimana", "Bagaimana"},
	}
	fieldLabels = map[string]string{grading.FieldJudul: "Judul", grading.FieldIsi: "Isi rilis"}
)

// chartBarWidth is the length of a full bar in the criterion chart: the value
// label sits right-aligned after it, so "100" fits inside the 320-unit picture.
const chartBarWidth = 180

type criterionRow struct {
	grading.CriterionScore
	Bar int // bar length in chart units (0..chartBarWidth)
}

type elementRow struct {
	Label         string
	Found, InLead bool
	Example       string
}

type findingRow struct {
	grading.Finding
	N             int
	CriterionName string
	SeverityLabel string
	FieldLabel    string
	Passage       string
	HasSpan       bool
	// The course lesson that teaches the finding's rule, if any.
	LessonTitle, LessonURL string
}

// linkLessons points each finding at the lesson of co that teaches its topic.
func (rv *reportView) linkLessons(co *course.Course) {
	if co == nil {
		return
	}
	byTopic := map[string]*course.Item{}
	for _, it := range co.Items {
		if it.Lesson == nil {
			continue
		}
		for _, t := range it.Lesson.Teaches {
			if byTopic[t] == nil {
				byTopic[t] = it
			}
		}
	}
	for i := range rv.Findings {
		if it := byTopic[rv.Findings[i].Topic]; it != nil {
			rv.Findings[i].LessonTitle, rv.Findings[i].LessonURL = it.Title, course.DefaultItemURL(co.ID, it)
		}
	}
}

// reportView is a grader report arranged for a page.
type reportView struct {
	Report    grading.Report
	BandLabel string
	Criteria  []criterionRow
	ChartDesc string
	Elements  []elementRow
	Findings  []findingRow
	Headline  template.HTML
	Body      template.HTML
	Cap       *capNote // why the total is below the criteria's weighted mean; nil when it is not
	PassScore int      // the practice's; a band such as "Cukup" must not read as passing below it
}

// capNote explains a capped total: the weighted mean of the criterion scores
// (Mean) is scaled into 0–Limit because of a finding of Kind ("kesalahan",
// "peringatan", or "separuh" for a body under half the required words).
type capNote struct {
	Kind        string
	Mean, Limit int
	Score       int
}

// newCapNote works out which of the grader's caps made the total (doc.go,
// "The scale"); a trainee who sees criteria around 64 and a total of 44
// otherwise cannot tell why.
func newCapNote(r grading.Report) *capNote {
	var sum, wsum int
	for _, c := range r.Criteria {
		sum += c.Score * c.Weight
		wsum += c.Weight
	}
	if wsum == 0 {
		return nil
	}
	mean := int(math.Round(float64(sum) / float64(wsum)))
	if r.Score >= mean {
		return nil
	}
	scaled := func(limit int) int { return int(math.Round(float64(mean) * float64(limit) / 100)) }
	n := &capNote{Mean: mean, Score: r.Score}
	has := func(sev string) bool {
		for _, f := range r.Findings {
			if f.Severity == sev {
				return true
			}
		}
		return false
	}
	// The cap of the grader's own rule first; a stored report of an older
	// version was capped by the fixed caps below.
	if limit, kind := grading.TotalCap(r.Findings); limit < 100 && scaled(limit) == r.Score {
		n.Kind, n.Limit = kind, limit
		return n
	}
	switch {
	case has(grading.SevKesalahan) && scaled(grading.ErrorCap) == r.Score:
		n.Kind, n.Limit = "kesalahan", grading.ErrorCap
	case has(grading.SevPeringatan) && scaled(grading.WarningCap) == r.Score:
		n.Kind, n.Limit = "peringatan", grading.WarningCap
	case scaled(grading.UnderHalfCap) == r.Score:
		n.Kind, n.Limit = "separuh", grading.UnderHalfCap
	default:
		return nil
	}
	return n
}

func newReportView(l i18n.Lang, headline, body string, r grading.Report, extra ...Annotation) reportView {
	v := reportView{Report: r, BandLabel: bandLabels[r.Band], Cap: newCapNote(r)}
	labels := map[string]string{}
	var desc []string
	for _, c := range r.Criteria {
		labels[c.ID] = c.Label
		v.Criteria = append(v.Criteria, criterionRow{CriterionScore: c, Bar: (min(max(c.Score, 0), 100)*chartBarWidth + 50) / 100})
		desc = append(desc, fmt.Sprintf("%s %d", i18n.T(l, c.Label), c.Score))
	}
	v.ChartDesc = i18n.Tf(l, "Nilai per kriteria: {{.Scores}}.", map[string]any{"Scores": strings.Join(desc, ", ")})
	for _, e := range elementLabels {
		el := r.Elements[e.ID]
		row := elementRow{Label: e.Label, Found: el.Found, InLead: el.InLead}
		if len(el.Spans) > 0 {
			row.Example = el.Spans[0].Text
		}
		v.Elements = append(v.Elements, row)
	}
	anns := append([]Annotation(nil), extra...)
	for i, f := range r.Findings {
		row := findingRow{Finding: f, N: i + 1, CriterionName: labels[f.Criterion], SeverityLabel: severityLabels[f.Severity],
			FieldLabel: fieldLabels[f.Field], Passage: f.Passage(headline, body), HasSpan: f.End > f.Start}
		v.Findings = append(v.Findings, row)
		if row.HasSpan {
			anns = append(anns, Annotation{N: row.N, Field: f.Field, Start: f.Start, End: f.End, Class: "sev-" + f.Severity,
				Prefix: "temuan", Priority: severityRank[f.Severity]})
		}
	}
	v.Headline = highlight(l, headline, grading.FieldJudul, anns)
	v.Body = highlight(l, body, grading.FieldIsi, anns)
	return v
}

// diffHTML shows what changed from old to new, word by word, escaped.
func diffHTML(old, new string) template.HTML {
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMain(old, new, false))
	var b strings.Builder
	for _, d := range diffs {
		t := html.EscapeString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			b.WriteString(`<ins><span class="diff-mark">[+</span>` + t + `<span class="diff-mark">]</span></ins>`)
		case diffmatchpatch.DiffDelete:
			b.WriteString(`<del><span class="diff-mark">[−</span>` + t + `<span class="diff-mark">]</span></del>`)
		default:
			b.WriteString(t)
		}
	}
	return template.HTML(b.String())
}
