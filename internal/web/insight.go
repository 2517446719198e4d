package web

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/i18n"
)

// Facilitator insight: over a cohort's newest sent releases, which criteria
// the automatic reports score low most often and which kinds of findings
// recur (by the grader's rule: grading.Rules), week by week, with links to
// the releases, and from that a suggestion of what to cover in the next live
// session.

const (
	// insightVersions is how many of the newest versions the insight reads.
	insightVersions = 500
	// insightMissBelow: a criterion scored below this counts as missed.
	insightMissBelow = 70
	// insightWeeks is how many recent weeks the trend shows.
	insightWeeks = 4
	// insightTop is how many criteria and finding kinds are listed.
	insightTop = 5
	// insightLinks is how many releases each line links to.
	insightLinks = 3
)

// insightLink is one release that shows a miss.
type insightLink struct {
	Label, URL string
}

// insightLine is one criterion or kind of finding and how often it was missed.
type insightLine struct {
	Label    string
	Count    int   // versions (criteria) or findings (kinds)
	Trainees int   // distinct trainees
	Weeks    []int // per week of Weeks, oldest first
	Links    []insightLink
	topic    string
	ruled    bool // a finding kind named by its rule, not an old report's criterion
	trainees map[int64]bool
	subs     map[int64]bool
}

type cohortInsight struct {
	Versions   int
	Weeks      []string // "9 Nov" … the Monday of each week shown
	Criteria   []insightLine
	Findings   []insightLine
	Suggestion string
	LessonURL  string
	LessonName string
}

// insightReport is the part of a stored report the insight reads.
type insightReport struct {
	Criteria []struct {
		ID    string `json:"id"`
		Score int    `json:"score"`
	} `json:"criteria"`
	Findings []grading.Finding `json:"findings"`
}

// findingGroup is the kind a finding counts under: its rule (grading.Rules)
// with the rule's label, or, for a report stored before findings named their
// rule (or naming one this grader no longer knows), its criterion, marked as
// such. Messages are never the key: they quote the trainee's passage.
func findingGroup(l i18n.Lang, f grading.Finding) (key, label string, ruled bool) {
	crit := i18n.T(l, grading.CriterionLabel(f.Criterion))
	if r, ok := grading.RuleByID(f.Rule); ok {
		return "aturan:" + r.ID, i18n.T(l, grading.CriterionLabel(r.Criterion)) + ": " + i18n.T(l, r.Label), true
	}
	if f.Criterion == "" || grading.CriterionLabel(f.Criterion) == f.Criterion {
		return "lama", i18n.T(l, "Temuan dari laporan lama (jenisnya tidak tercatat)"), false
	}
	return "kriteria:" + f.Criterion, tfl(l, "{{.Criterion}}: temuan dari laporan lama (jenisnya tidak tercatat)", map[string]any{"Criterion": i18n.Phrase(crit)}), false
}

// newCohortInsight works the insight out from the cohort's version reports
// (newest first) as of now; nil when there is nothing to say.
func newCohortInsight(l i18n.Lang, rows []domain.VersionReport, co *course.Course, now time.Time) *cohortInsight {
	lang := l
	if len(rows) == 0 {
		return nil
	}
	in := &cohortInsight{Versions: len(rows)}
	monday := func(t time.Time) time.Time {
		d := t.In(WIB)
		d = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, WIB)
		return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
	}
	thisWeek := monday(now)
	for w := insightWeeks - 1; w >= 0; w-- {
		d := thisWeek.AddDate(0, 0, -7*w)
		in.Weeks = append(in.Weeks, fmt.Sprintf("%d %s", d.Day(), months[d.Month()-1][:3]))
	}
	week := func(t time.Time) int { // index in Weeks, -1 when older
		n := int(thisWeek.Sub(monday(t)).Hours()/24) / 7
		if n < 0 || n >= insightWeeks {
			return -1
		}
		return insightWeeks - 1 - n
	}
	criteria, kinds := map[string]*insightLine{}, map[string]*insightLine{}
	ruledKinds := map[string]bool{}
	count := func(m map[string]*insightLine, key, label, topic string, r domain.VersionReport) {
		l := m[key]
		if l == nil {
			l = &insightLine{Label: label, topic: topic, Weeks: make([]int, insightWeeks), trainees: map[int64]bool{}, subs: map[int64]bool{}}
			m[key] = l
		}
		l.Count++
		l.trainees[r.UserID] = true
		if w := week(r.CreatedAt); w >= 0 {
			l.Weeks[w]++
		}
		if !l.subs[r.SubmissionID] && len(l.Links) < insightLinks {
			l.subs[r.SubmissionID] = true
			l.Links = append(l.Links, insightLink{Label: i18n.Tf(lang, "{{.Trainee}}, versi {{.N}}", map[string]any{"Trainee": r.Trainee, "N": r.Number}), URL: fmt.Sprintf("/penilaian/%d", r.SubmissionID)})
		}
	}
	for _, r := range rows {
		var rep insightReport
		if json.Unmarshal([]byte(r.ReportJSON), &rep) != nil {
			continue
		}
		for _, c := range rep.Criteria {
			if c.Score < insightMissBelow {
				count(criteria, c.ID, i18n.T(lang, grading.CriterionLabel(c.ID)), "", r)
			}
		}
		seen := map[string]bool{}
		for _, f := range rep.Findings {
			if f.Severity == grading.SevInfo {
				continue
			}
			k, label, ruled := findingGroup(lang, f)
			if seen[k] {
				continue // a kind counts once per version
			}
			seen[k] = true
			topic := ""
			if ruled {
				topic = f.Topic
				ruledKinds[k] = true
			}
			count(kinds, k, label, topic, r)
		}
	}
	top := func(m map[string]*insightLine) []insightLine {
		out := make([]insightLine, 0, len(m))
		for k, l := range m {
			l.Trainees = len(l.trainees)
			l.ruled = ruledKinds[k]
			out = append(out, *l)
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Count != out[j].Count {
				return out[i].Count > out[j].Count
			}
			return out[i].Label < out[j].Label
		})
		return out[:min(len(out), insightTop)]
	}
	in.Criteria, in.Findings = top(criteria), top(kinds)
	// The suggestion names a rule: an old report's "findings of a criterion"
	// says too little to plan a session on.
	var suggest *insightLine
	for i := range in.Findings {
		if in.Findings[i].ruled {
			suggest = &in.Findings[i]
			break
		}
	}
	switch {
	case suggest != nil:
		f := *suggest
		in.Suggestion = tfl(l, "Bahas di sesi tatap muka berikutnya: {{.Finding}} ({{.Count}} kali, pada {{.N}} peserta).", map[string]any{"Finding": f.Label, "Count": f.Count, "N": f.Trainees})
		if len(in.Criteria) > 0 {
			c := in.Criteria[0]
			in.Suggestion += " " + tfl(l, "Kriteria yang paling sering di bawah {{.Below}}: {{.Criterion}} ({{.Count}} dari {{.N}} rilis).", map[string]any{"Below": insightMissBelow, "Criterion": i18n.Phrase(c.Label), "Count": c.Count, "N": in.Versions})
		}
		if co != nil && f.topic != "" {
			for _, it := range co.Items {
				if it.Lesson != nil && contains(it.Lesson.Teaches, f.topic) {
					in.LessonName, in.LessonURL = it.Title, course.DefaultItemURL(co.ID, it)
					break
				}
			}
		}
	case len(in.Criteria) > 0:
		c := in.Criteria[0]
		in.Suggestion = tfl(l, "Bahas di sesi tatap muka berikutnya: kriteria {{.Criterion}}, di bawah {{.Below}} pada {{.Count}} dari {{.N}} rilis.", map[string]any{"Criterion": i18n.Phrase(c.Label), "Below": insightMissBelow, "Count": c.Count, "N": in.Versions})
	default:
		in.Suggestion = i18n.T(l, "Rilis angkatan ini belum menunjukkan kesalahan yang berulang.")
	}
	return in
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
