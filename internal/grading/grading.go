package grading

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// Input is one release to grade.
type Input struct {
	Headline string
	Body     string
	// Brief is the practice's facts sheet; nil grades the text on its own.
	Brief *Brief
	// Now is the time of writing: the year of dates written without one and
	// the publishing deadline are judged against it. The zero time skips
	// those two checks.
	Now time.Time
	// Weights overrides DefaultWeights per criterion id; criteria left out keep
	// their default weight. See ValidateWeights.
	Weights map[string]int
}

// Penalties per finding for criteria scored by deduction: a wrong fact costs
// more than two warnings, an info nothing.
var severityPenalty = map[string]int{SevInfo: 0, SevSaran: 5, SevPeringatan: 15, SevKesalahan: 35}

// Rule costs that replace the severity penalty for a few findings that undo a
// large part of their criterion.
const (
	// CostNoSource: without any attributed statement nothing in the release
	// can be checked, which is half of what faktual asks.
	CostNoSource = 40
	// CostNoQuote: a release without a voice reads like an announcement.
	CostNoQuote = 20
	// CostCeremonyOpening: the first words decide whether anyone reads on.
	CostCeremonyOpening = 20
	// CostLeadTooLong is the base cost of an overlong lead; every word past
	// MaxLeadWords adds one point, up to CostLeadTooLongMax.
	CostLeadTooLong    = 15
	CostLeadTooLongMax = 50
)

// grader holds the analysis of one input while the criteria run.
type grader struct {
	in       Input
	head     *field
	body     *field
	lead     extract.Span // the lead the 5W1H and ceremony checks read (see field.lead)
	leadPara extract.Span // the written lead, the first paragraph whole: what the lead rules measure
	hasLead  bool
	dl       dateline
	dateline int // rune offset where the lead's text starts after its dateline (== lead.Start without one)
	st       Stats
	findings []Finding
	extra    map[string]int // rule costs beyond the severity penalty, per criterion

	bahasaNotes []string       // kinds of language problems found, in order, for the summary
	bahasaNote  string         // the kind of the language finding being added
	bahasaCost  map[string]int // points lost per kind of language problem
	elements    map[string]Element
	names       map[string]bool // lower-case words used as names (nameWord), once asked
	words       map[string]bool // lower-case words of headline and body (verbOfText), once asked
	keTargets   map[string]bool // lower-case words written after a separate "ke" in the release or sheet, once asked
	sheetSaid   map[string]bool // lower-case words of the sheet's quotes, once asked
	lowered     *string         // headline and body in lower case (lowerText), once asked
}

// lowerText is the headline and the body in lower case, joined by a line
// break, for the checks that look for a phrase anywhere in the release.
func (g *grader) lowerText() string {
	if g.lowered == nil {
		s := strings.ToLower(g.head.text + "\n" + g.body.text)
		g.lowered = &s
	}
	return *g.lowered
}

// sheetQuoteHas reports whether a quote of the practice's sheet holds the
// lower-case word w.
func (g *grader) sheetQuoteHas(w string) bool {
	if g.sheetSaid == nil {
		g.sheetSaid = map[string]bool{}
		if g.in.Brief != nil {
			for _, q := range g.in.Brief.Kutipan {
				for _, t := range tokenize(q.Teks, len([]rune(q.Teks))) {
					g.sheetSaid[t.lower] = true
				}
			}
		}
	}
	return g.sheetSaid[w]
}

// Grade scores a release. It is pure and deterministic: the same input gives
// the same report, byte for byte once marshalled.
func Grade(in Input) Report {
	g := &grader{in: in, head: newField(FieldJudul, in.Headline), body: newField(FieldIsi, in.Body)}
	var tag extract.Span
	g.lead, tag, g.hasLead = g.body.lead()
	g.leadPara, _, _ = g.body.writtenLead()
	if in.Brief != nil {
		// A practice's instructions call the first paragraph the lead; a
		// trainee's one-paragraph body has not lost its breaks, it lacks them.
		g.lead = g.leadPara
	}
	g.dateline = g.lead.Start
	switch {
	case tag.End > tag.Start:
		// the dateline stands in a paragraph of its own before the lead
		if g.dl = findDateline(g.body, tag); !g.dl.found {
			g.dl = dateline{found: true, caps: false, start: tag.Start, end: tag.End, textStart: g.lead.Start}
		}
		g.dl.textStart = g.lead.Start
	case g.hasLead:
		g.dl = findDateline(g.body, g.lead)
		if g.dl.found {
			g.dateline = g.dl.textStart
		}
	}
	g.st = g.stats()

	weights := effectiveWeights(in.Weights)
	results := map[string]result{
		Crit5W1H:     g.grade5W1H(),
		CritAktual:   g.gradeAktual(),
		CritFaktual:  g.gradeFaktual(),
		CritPenting:  g.gradePenting(),
		CritMenarik:  g.gradeMenarik(),
		CritStruktur: g.gradeStruktur(),
		CritBahasa:   g.gradeBahasa(),
	}

	rep := Report{GraderVersion: Version, Elements: g.elements, Stats: g.st}
	var sum, wsum float64
	for _, id := range CriterionIDs {
		res := results[id]
		w := weights[id]
		rep.Criteria = append(rep.Criteria, CriterionScore{ID: id, Label: criterionLabels[id], Score: res.score, Weight: w, Summary: res.summary})
		sum += float64(res.score * w)
		wsum += float64(w)
	}
	if wsum > 0 {
		rep.Score = int(math.Round(sum / wsum))
	}
	limit, _ := TotalCap(g.findings)
	rep.Score = capScore(rep.Score, limit)
	rep.Band = reportBand(rep.Score, g.findings)
	agreeOnFixes(g.findings)
	sortFindings(g.findings)
	rep.Findings = g.findings
	if rep.Findings == nil {
		rep.Findings = []Finding{}
	}
	return rep
}

// result is one criterion's score and summary sentence.
type result struct {
	score   int
	summary string
}

// rules returns the practice's requirements, or nil without any.
func (g *grader) rules() *Requirements {
	if g.in.Brief == nil {
		return nil
	}
	return g.in.Brief.Ketentuan
}

func (g *grader) add(f Finding) {
	f.Topic = topicOf(f)
	g.findings = append(g.findings, f)
	if f.Criterion == CritBahasa && g.bahasaNote != "" {
		if g.bahasaCost == nil {
			g.bahasaCost = map[string]int{}
		}
		g.bahasaCost[g.bahasaNote] += severityPenalty[f.Severity]
	}
}

// addCost adds a finding whose rule costs cost points instead of its
// severity's penalty.
func (g *grader) addCost(f Finding, cost int) {
	g.add(f)
	if g.extra == nil {
		g.extra = map[string]int{}
	}
	g.extra[f.Criterion] += cost - severityPenalty[f.Severity]
}

// silentCost charges a criterion for a defect another finding tells.
func (g *grader) silentCost(crit string, cost int) {
	if g.extra == nil {
		g.extra = map[string]int{}
	}
	g.extra[crit] += cost
}

// quotesFolded reports a practice release with no direct quote at all: the
// requirement of attributed quotes tells that once, so neither the missing
// quote nor the missing source is a finding of its own (their costs stay).
func (g *grader) quotesFolded() bool {
	r := g.rules()
	return r != nil && r.AttributedQuotes > 0 && len(g.body.quotes) == 0 && len(g.body.toks) > 0
}

// deduct scores a criterion as 100 minus the penalties of its findings.
func (g *grader) deduct(crit string) int {
	return clamp(100-g.penaltyOf(crit), 0, 100)
}

// penaltyOf sums the penalties of a criterion's findings.
func (g *grader) penaltyOf(crit string) int {
	p := g.extra[crit]
	for _, f := range g.findings {
		if f.Criterion == crit {
			p += severityPenalty[f.Severity]
		}
	}
	return p
}

// counts returns how many findings of crit there are per severity.
func (g *grader) counts(crit string) map[string]int {
	c := map[string]int{}
	for _, f := range g.findings {
		if f.Criterion == crit {
			c[f.Severity]++
		}
	}
	return c
}

// costNotes collects a criterion's summary notes with the points each cost:
// note is called right after the findings it names were added, so the
// penalty gained since the previous note is the note's cost.
type costNotes struct {
	g     *grader
	crit  string
	mark  int
	from  int // findings before this index were named by a note
	items []string
}

func (g *grader) costNotes(crit string) *costNotes { return &costNotes{g: g, crit: crit} }

// note records label with the points lost since the previous note.
func (c *costNotes) note(label string) {
	p := c.g.penaltyOf(c.crit)
	if d := p - c.mark; d > 0 {
		label += fmt.Sprintf(" (−%d)", d)
	}
	c.mark = p
	c.from = len(c.g.findings)
	c.items = append(c.items, label)
}

// summary is ok when nothing was noted, else what cost the points.
func (c *costNotes) summary(ok string) string {
	if p := c.g.penaltyOf(c.crit); p > c.mark {
		c.items = append(c.items, fmt.Sprintf("%s (−%d)", c.rest(), p-c.mark))
		c.mark = p
	}
	if len(c.items) == 0 {
		return ok
	}
	return "Poin berkurang karena " + joinID(c.items) + "."
}

// rest names the findings no note named: the labels of their rules above
// saran (a trainee reads what cost the points), "saran lain" for the rest.
func (c *costNotes) rest() string {
	var labels []string
	saran := false
	for _, f := range c.g.findings[min(c.from, len(c.g.findings)):] {
		if f.Criterion != c.crit {
			continue
		}
		r, ok := RuleByID(f.Rule)
		if f.Severity == SevSaran || f.Severity == SevInfo || !ok {
			saran = saran || f.Severity == SevSaran
			continue
		}
		if l := lowerHeading(r.Label); !slices.Contains(labels, l) {
			labels = append(labels, l)
		}
	}
	if saran || len(labels) == 0 {
		labels = append(labels, "saran lain")
	}
	return joinID(labels)
}

// lowerHeading writes a rule's heading inside a sentence: its first letter
// in lower case unless the first word is an acronym ("KTP-el", "OPD").
func lowerHeading(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == len(s) {
		return strings.ToLower(s)
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// tally describes a criterion's findings in a few words, for summaries.
func (g *grader) tally(crit string) string {
	c := g.counts(crit)
	var parts []string
	for _, sev := range []string{SevKesalahan, SevPeringatan, SevSaran} {
		if c[sev] > 0 {
			parts = append(parts, countWord(c[sev])+" "+sev)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return joinID(parts)
}

// joinID joins words the Indonesian way: "a", "a dan b", "a, b, dan c".
func joinID(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	case 2:
		return parts[0] + " dan " + parts[1]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ", dan " + parts[len(parts)-1]
}

// effectiveWeights applies an override to the defaults; negative weights count
// as 0, and an override that zeroes everything falls back to the defaults.
func effectiveWeights(override map[string]int) map[string]int {
	w := make(map[string]int, len(DefaultWeights))
	total := 0
	for _, id := range CriterionIDs {
		v := DefaultWeights[id]
		if o, ok := override[id]; ok {
			v = max(o, 0)
		}
		w[id] = v
		total += v
	}
	if total == 0 {
		return DefaultWeights
	}
	return w
}

// ValidateWeights checks a weight override from a practice item: known
// criterion ids, no negative weight, and a positive total.
func ValidateWeights(w map[string]int) error {
	total := 0
	for k, v := range w {
		if _, ok := DefaultWeights[k]; !ok {
			return fmt.Errorf("bobot %q tidak dikenal; yang boleh: %s", k, strings.Join(CriterionIDs, ", "))
		}
		if v < 0 {
			return fmt.Errorf("bobot %s tidak boleh negatif", k)
		}
		total += v
	}
	if len(w) > 0 && total == 0 {
		return errors.New("jumlah bobot harus lebih dari 0")
	}
	return nil
}

// stats counts words, sentences and paragraphs of the body.
func (g *grader) stats() Stats {
	s := Stats{
		Words:         len(g.body.toks),
		Sentences:     len(g.body.sents),
		Paragraphs:    len(g.body.paras),
		HeadlineWords: len(g.head.toks),
	}
	if g.hasLead {
		lo, hi := g.body.tokRange(g.dateline, g.leadPara.End)
		s.LeadWords = hi - lo
	}
	if s.Sentences > 0 {
		s.AvgSentenceWords = math.Round(float64(s.Words)/float64(s.Sentences)*10) / 10
	}
	return s
}

// ErrEmptyRelease and ErrNoBody are SplitRelease's errors.
var (
	ErrEmptyRelease = errors.New("rilis kosong: tulis judul di baris pertama, lalu isi rilis di bawahnya")
	ErrNoBody       = errors.New("isi rilis kosong: setelah judul di baris pertama, tulis isi rilis di baris berikutnya")
	ErrNotText      = errors.New("berkas bukan teks UTF-8; simpan rilis sebagai teks biasa (.txt)")
)

// SplitRelease splits a release written as plain text: the first non-empty
// line is the headline, the rest the body. Line endings become "\n" and a
// byte-order mark is dropped, so offsets refer to the returned strings.
// Errors: ErrNotText (not UTF-8 or binary), ErrEmptyRelease, ErrNoBody.
func SplitRelease(text string) (headline, body string, err error) {
	if !utf8.ValidString(text) || strings.ContainsRune(text, 0) {
		return "", "", ErrNotText
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.TrimLeft(text, " \t\n")
	if strings.TrimSpace(text) == "" {
		return "", "", ErrEmptyRelease
	}
	headline, body, _ = strings.Cut(text, "\n")
	headline = strings.TrimSpace(headline)
	body = strings.TrimSpace(body)
	if body != "" && leadLike(headline) {
		// The first line is the lead, not a headline: the release has none.
		headline, body = "", strings.TrimSpace(text)
	}
	if body == "" {
		return "", "", ErrNoBody
	}
	return headline, body, nil
}

// LeadLikeWords: a first line this long is a paragraph, not a headline;
// the longest headlines of real regional news run to about 20 words.
const LeadLikeWords = 25

// leadLike tells a line that is a lead paragraph, not a headline: it opens
// with a dateline ("SUKAMAJU – …") and runs past a headline's length, or it
// is as long as a lead, or it is a long sentence ending with a full stop.
func leadLike(line string) bool {
	words := len(strings.Fields(line))
	switch {
	case words >= LeadLikeWords:
		return true
	case words > MaxHeadlineWords && leadDateline.MatchString(line):
		return true
	case words > 16 && strings.HasSuffix(line, "."):
		return true
	}
	return false
}

// leadDateline matches the capitals and dash that open a lead.
var leadDateline = regexp.MustCompile(`^[A-Z][A-Z .,]{2,40}\s*[–—-]\s`)

// dateline is the place line that opens a lead ("SUKAMAJU – ").
type dateline struct {
	found     bool
	caps      bool // written in capitals, as it should be
	start     int  // the place names: [start, end)
	end       int
	textStart int // where the lead's own text begins
}

// maxDatelineRunes bounds the search for the dash: a dateline is a few words.
const maxDatelineRunes = 60

// maxDatelineWords is the most words a dateline carries
// ("KRAKATAURADIO.COM, PANDEGLANG" has two).
const maxDatelineWords = 5

// findDateline looks for capitalised place words followed by a dash at the
// start of the lead.
func findDateline(f *field, lead extract.Span) dateline {
	limit := min(lead.End, lead.Start+maxDatelineRunes)
	for p := lead.Start + 1; p < limit; p++ {
		r := f.at(p)
		if r == '\n' || r == '.' && !isAlnum(f.at(p+1)) {
			break
		}
		isDash := r == '–' || r == '—' || (r == '-' && (f.at(p-1) == ' ' || f.at(p+1) == ' '))
		if !isDash {
			continue
		}
		lo, hi := f.tokRange(lead.Start, p)
		if hi-lo == 0 || hi-lo > maxDatelineWords {
			break
		}
		d := dateline{found: true, caps: true, start: f.toks[lo].start, end: f.toks[hi-1].end}
		for _, t := range f.toks[lo:hi] {
			if !t.capital {
				return dateline{}
			}
			if !t.allCaps {
				d.caps = false
			}
		}
		q := p + 1
		for q < lead.End && (f.at(q) == ' ' || f.at(q) == '\t') {
			q++
		}
		d.textStart = q
		return d
	}
	return dateline{}
}

// decimalID writes a number with one decimal and the Indonesian decimal comma.
func decimalID(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", ",", 1)
}

// Caps of the total. The weighted mean alone lets a strong release hide one
// fatal flaw; an editor would not.
const (
	// ErrorCap: a release with any kesalahan (a wrong fact, a missing event
	// date, a quote the source never said) needs revising before it can be
	// published, so its total stays below BandBaikMin, which is also the
	// default pass mark.
	ErrorCap = BandBaikMin - 1
	// UnderHalfCap: a body under half the words the practice asks for has
	// not done the task; its total stays in perlu_perbaikan.
	UnderHalfCap = BandCukupMin - 1
	// WarningCap: a peringatan is what an editor would send back, so a
	// release with one is not "sangat baik", however good the rest.
	WarningCap = BandSangatBaikMin - 1
	// ManyWarnings: from this many kinds of peringatan (distinct rules) on,
	// the release goes back for revision like one with a kesalahan: its
	// total is capped at ErrorCap, at most cukup. One or three things to
	// fix leave a good release; four different ones do not.
	ManyWarnings = 4
	// ManyErrors: from this many kesalahan on, the release cannot be
	// mended by an edit and its total falls below cukup. Each kesalahan
	// past the first lowers the cap by ErrorStep, so that ManyErrors of
	// them reach UnderHalfCap and more keep lowering it.
	ManyErrors = 4
	ErrorStep  = (ErrorCap - UnderHalfCap) / (ManyErrors - 1)
)

// warningRules counts the distinct rules of the peringatan findings: three
// split prefixes are one habit to fix, not three.
func warningRules(fs []Finding) int {
	seen := map[string]bool{}
	for _, f := range fs {
		if f.Severity == SevPeringatan {
			seen[f.Rule] = true
		}
	}
	return len(seen)
}

// errorCount counts the kesalahan a reader would meet: findings on one
// passage ("Kamis (16/4/2027)" as a wrong weekday and as a date against the
// sheet) are one error, a remark on the whole text one per rule.
func errorCount(fs []Finding) int {
	type key struct {
		field      string
		start, end int
		rule       string
	}
	seen := map[key]bool{}
	for _, f := range fs {
		if f.Severity != SevKesalahan {
			continue
		}
		k := key{f.Field, f.Start, f.End, ""}
		if f.Start == f.End {
			k.rule = f.Rule
		}
		seen[k] = true
	}
	return len(seen)
}

// sendBacks counts what sends a release back for revision: each kesalahan,
// peringatan of ManyWarnings kinds or more (one), and a body far below the
// practice's range (one).
func sendBacks(fs []Finding) int {
	n := errorCount(fs)
	if warningRules(fs) >= ManyWarnings {
		n++
	}
	if slices.ContainsFunc(fs, func(f Finding) bool { return f.Rule == "rilis-jauh-pendek" }) {
		n++
	}
	return n
}

// TotalCap is the highest total a release with these findings may score
// (doc.go, "The scale"), and the kind of finding that sets it: "kesalahan"
// for what sends the release back (ErrorCap for one, ErrorStep less for
// each more), "peringatan" for WarningCap or many kinds of peringatan,
// "separuh" for a body under half the required words (UnderHalfCap); 100
// and "" without a cap.
func TotalCap(fs []Finding) (limit int, kind string) {
	limit = 100
	if hasSeverity(fs, SevPeringatan) {
		limit, kind = WarningCap, SevPeringatan
	}
	if n := sendBacks(fs); n > 0 {
		limit = max(ErrorCap-ErrorStep*(n-1), 0)
		kind = SevKesalahan
		if !hasSeverity(fs, SevKesalahan) {
			kind = SevPeringatan
		}
	}
	if slices.ContainsFunc(fs, func(f Finding) bool { return f.Rule == "rilis-kurang-separuh" }) && UnderHalfCap <= limit {
		limit, kind = UnderHalfCap, "separuh"
	}
	return limit, kind
}

// capScore scales the total into the range its findings allow (TotalCap).
// Scaling rather than clipping keeps the order: two defects still cost
// more than one.
func capScore(score, limit int) int {
	return int(math.Round(float64(score) * float64(limit) / 100))
}

// agreeOnFixes makes findings on one passage suggest one fix: where a
// passage contradicts the facts sheet, the sheet's fix is the one ("Kamis
// (16/4/2027)" is not mended by another weekday when the sheet says
// Kamis (16/4/2026)).
func agreeOnFixes(fs []Finding) {
	for i, a := range fs {
		if a.Criterion != CritFaktual || !strings.HasSuffix(a.Rule, "-bertentangan") || a.Suggestion == "" {
			continue
		}
		for j := range fs {
			b := &fs[j]
			if j == i || b.Field != a.Field || b.Start != a.Start || b.End != a.End || b.Suggestion == "" || b.Suggestion == a.Suggestion {
				continue
			}
			b.Suggestion = a.Suggestion
			b.Message += fmt.Sprintf(" Lembar fakta menyebut \"%s\" untuk bagian ini, jadi perbaikannya mengikuti lembar fakta.", a.Suggestion)
		}
	}
}

// reportBand is the band of a total, capped at cukup when any finding is a
// kesalahan: a wrong fact or date cannot be published as is, whatever else is good.
func reportBand(score int, fs []Finding) string {
	b := bandFor(score)
	if hasError(fs) && (b == BandSangatBaik || b == BandBaik) {
		return BandCukup
	}
	return b
}

// hasError reports whether any finding is a kesalahan.
func hasError(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SevKesalahan {
			return true
		}
	}
	return false
}

// hasSeverity reports whether any finding has severity sev.
func hasSeverity(fs []Finding, sev string) bool {
	for _, f := range fs {
		if f.Severity == sev {
			return true
		}
	}
	return false
}
