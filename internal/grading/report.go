package grading

import (
	"sort"
	"strings"
)

// Version identifies the rule set; it is stored with every report so a score
// can be traced to the rules that produced it. Bump it on any rule change.
const Version = "1.86.0"

// Criterion identifiers, as in the report JSON.
const (
	Crit5W1H     = "5w1h"
	CritAktual   = "aktual"
	CritFaktual  = "faktual"
	CritPenting  = "penting"
	CritMenarik  = "menarik"
	CritStruktur = "struktur"
	CritBahasa   = "bahasa"
)

// CriterionIDs lists the criteria in report order.
var CriterionIDs = []string{Crit5W1H, CritAktual, CritFaktual, CritPenting, CritMenarik, CritStruktur, CritBahasa}

// criterionLabels are the names a trainee reads.
var criterionLabels = map[string]string{
	Crit5W1H:     "5W1H",
	CritAktual:   "Aktual",
	CritFaktual:  "Faktual",
	CritPenting:  "Penting",
	CritMenarik:  "Menarik",
	CritStruktur: "Struktur",
	CritBahasa:   "Bahasa",
}

// DefaultWeights are the weights of DESIGN.md §8. 5W1H and faktual weigh most
// because a release that leaves the reader's questions open or states wrong
// facts fails its purpose whatever its style.
var DefaultWeights = map[string]int{
	Crit5W1H:     25,
	CritFaktual:  20,
	CritMenarik:  15,
	CritAktual:   10,
	CritPenting:  10,
	CritStruktur: 10,
	CritBahasa:   10,
}

// Bands of the total score.
const (
	BandSangatBaik     = "sangat_baik"     // score ≥ BandSangatBaikMin
	BandBaik           = "baik"            // score ≥ BandBaikMin
	BandCukup          = "cukup"           // score ≥ BandCukupMin
	BandPerluPerbaikan = "perlu_perbaikan" // below BandCukupMin

	// A release with any kesalahan finding is at best BandCukup, whatever its score.
	BandSangatBaikMin = 85
	BandBaikMin       = 70
	BandCukupMin      = 55
)

// DefaultPassScore is the pass mark when a practice item does not set one.
const DefaultPassScore = 70

// Severities, from mildest to most serious.
const (
	SevInfo       = "info"       // worth knowing, costs nothing
	SevSaran      = "saran"      // a suggestion that would improve the text
	SevPeringatan = "peringatan" // a weakness an editor would send back
	SevKesalahan  = "kesalahan"  // an error: wrong fact, wrong date
)

var severityRank = map[string]int{SevInfo: 0, SevSaran: 1, SevPeringatan: 2, SevKesalahan: 3}

// SeverityRank orders severities: info 0 < saran 1 < peringatan 2 < kesalahan 3.
// An unknown severity ranks -1.
func SeverityRank(sev string) int {
	if r, ok := severityRank[sev]; ok {
		return r
	}
	return -1
}

// Field names of a release.
const (
	FieldJudul = "judul" // the headline
	FieldIsi   = "isi"   // the body
)

// Report is the grader's verdict on one release (DESIGN.md §8).
type Report struct {
	GraderVersion string             `json:"grader_version"`
	Score         int                `json:"score"`
	Band          string             `json:"band"`
	Criteria      []CriterionScore   `json:"criteria"`
	Elements      map[string]Element `json:"elements"`
	Stats         Stats              `json:"stats"`
	Findings      []Finding          `json:"findings"`
}

// CriterionScore is the score of one criterion.
type CriterionScore struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Score   int    `json:"score"`
	Weight  int    `json:"weight"`
	Summary string `json:"summary"`
}

// Element tells whether a 5W1H question is answered, and whether in the lead.
type Element struct {
	Found  bool   `json:"found"`
	InLead bool   `json:"in_lead"`
	Spans  []Span `json:"spans"`
}

// Span is a passage of a field; Start and End are rune offsets, End exclusive.
type Span struct {
	Field string `json:"field"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Stats are counts over the body (and the headline for HeadlineWords).
type Stats struct {
	Words            int     `json:"words"`
	Sentences        int     `json:"sentences"`
	Paragraphs       int     `json:"paragraphs"`
	LeadWords        int     `json:"lead_words"`
	HeadlineWords    int     `json:"headline_words"`
	AvgSentenceWords float64 `json:"avg_sentence_words"`
}

// Finding is one remark on a passage. Start and End are rune offsets into the
// field; an empty span (Start == End) is a remark on the text as a whole.
type Finding struct {
	Criterion string `json:"criterion"`
	// Rule is the stable id of the defect class (Rules): findings of one
	// rule share it whatever their message.
	Rule       string `json:"rule"`
	Severity   string `json:"severity"`
	Field      string `json:"field"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion,omitempty"`
	// Topic names what the course teaches about the rule (Topics); a course
	// lesson lists the topics it teaches, so a report can link the lesson.
	Topic string `json:"topic,omitempty"`
}

// Topics of the course's lessons on writing a release, as findings name them.
const (
	Topic5W1H        = "5w1h"              // the six questions and where they are answered
	TopicNilaiBerita = "nilai-berita"      // aktual, faktual, penting: time, facts, public interest
	TopicPiramida    = "piramida-terbalik" // dateline, structure, length
	TopicJudulTeras  = "judul-dan-teras"   // headline and lead
	TopicKutipan     = "kutipan"           // quotes and attribution
	TopicEjaan       = "ejaan"             // EYD V spelling and punctuation
)

// Topics lists every topic a finding may name.
var Topics = []string{Topic5W1H, TopicNilaiBerita, TopicPiramida, TopicJudulTeras, TopicKutipan, TopicEjaan}

// topicOf names the topic of a finding: quotes and sources have their own
// lesson (by the rule, not the message: a note on length that mentions
// quotes is about the pyramid), the lead's length its own with the
// headline; otherwise the criterion decides.
func topicOf(f Finding) string {
	if strings.HasPrefix(f.Rule, "kutipan-") || strings.HasPrefix(f.Rule, "narasumber-") {
		return TopicKutipan
	}
	switch f.Criterion {
	case Crit5W1H:
		return Topic5W1H
	case CritMenarik:
		return TopicJudulTeras
	case CritStruktur:
		if strings.HasPrefix(f.Message, "Teras berita") && !strings.Contains(f.Message, "dateline") {
			return TopicJudulTeras
		}
		return TopicPiramida
	case CritBahasa:
		return TopicEjaan
	}
	return TopicNilaiBerita
}

// Passage returns the text a finding points at, given the graded headline and
// body. Offsets outside the field give "".
func (f Finding) Passage(headline, body string) string {
	text := body
	if f.Field == FieldJudul {
		text = headline
	}
	return runeSlice(text, f.Start, f.End)
}

// Passes reports whether the total reaches passScore (DefaultPassScore when 0).
func (r Report) Passes(passScore int) bool {
	if passScore <= 0 {
		passScore = DefaultPassScore
	}
	return r.Score >= passScore
}

// bandFor maps a total score to its band.
func bandFor(score int) string {
	switch {
	case score >= BandSangatBaikMin:
		return BandSangatBaik
	case score >= BandBaikMin:
		return BandBaik
	case score >= BandCukupMin:
		return BandCukup
	default:
		return BandPerluPerbaikan
	}
}

// fieldOrder puts the headline before the body, in reading order.
func fieldOrder(f string) int {
	if f == FieldJudul {
		return 0
	}
	return 1
}

// sortFindings puts findings in reading order: the headline's before the
// body's, by where their passage starts, and at one place the most severe
// first; then criterion and the rest, so that equal inputs always give
// byte-equal reports. Remarks on the whole text (an empty span at 0) come
// first in their field.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if fa, fb := fieldOrder(a.Field), fieldOrder(b.Field); fa != fb {
			return fa < fb
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.Severity != b.Severity {
			return SeverityRank(a.Severity) > SeverityRank(b.Severity)
		}
		if a.Criterion != b.Criterion {
			return a.Criterion < b.Criterion
		}
		if a.End != b.End {
			return a.End < b.End
		}
		if a.Message != b.Message {
			return a.Message < b.Message
		}
		return a.Suggestion < b.Suggestion
	})
}

// CriterionLabel returns the name a trainee reads for a criterion id.
func CriterionLabel(id string) string {
	if l, ok := criterionLabels[id]; ok {
		return l
	}
	return id
}
