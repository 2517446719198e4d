package grading

import (
	"fmt"
	"math"
	"strings"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// elementWeights share the 5W1H score. Siapa, apa and kapan carry most: a
// reader who does not learn who did what and when has not got the news.
var elementWeights = map[string]int{
	extract.Siapa: 20, extract.Apa: 20, extract.Kapan: 20,
	extract.DiMana: 15, extract.Mengapa: 15, extract.Bagaimana: 10,
}

// OutsideLeadCredit is the share of an element's points kept when it is
// answered only after the lead: the inverted pyramid puts it in the lead.
const OutsideLeadCredit = 0.6

// leadElements are the questions the lead should answer; bagaimana may wait
// for the following paragraphs.
var leadElements = []string{extract.Siapa, extract.Apa, extract.Kapan, extract.DiMana, extract.Mengapa}

// elementQuestion names each element as the question a reader asks.
var elementQuestion = map[string]string{
	extract.Siapa: "siapa", extract.Apa: "apa", extract.Kapan: "kapan",
	extract.DiMana: "di mana", extract.Mengapa: "mengapa", extract.Bagaimana: "bagaimana",
}

// elementHint tells how to answer each element.
var elementHint = map[string]string{
	extract.Siapa:     "sebut pelaku atau instansinya beserta jabatan, misalnya \"Dinas Kesehatan Kabupaten Sukamaju\"",
	extract.Apa:       "tulis kegiatan atau peristiwanya dengan kata kerja, misalnya \"membuka layanan vaksinasi keliling\"",
	extract.DiMana:    "sebut tempatnya, misalnya \"di Balai Desa Mekarsari\"",
	extract.Mengapa:   "tulis tujuan atau alasannya, misalnya \"untuk menjangkau warga lansia\"",
	extract.Bagaimana: "jelaskan caranya, misalnya \"melalui tim keliling yang mendatangi balai desa\"",
}

// grade5W1H finds the 5W1H elements in headline and body and checks that the
// lead answers the main questions.
func (g *grader) grade5W1H() result {
	g.elements = make(map[string]Element, len(extract.ElementIDs))
	headEl, bodyEl := g.head.elements, g.body.elements

	// In an overlong lead, only the first MaxLeadWords words count as the
	// lead for scoring: answers past them are buried.
	leadCut := g.lead.End
	maxLead := g.leadMax()
	if lo, hi := g.body.tokRange(g.dateline, g.lead.End); hi-lo > maxLead {
		leadCut = g.body.toks[lo+maxLead].start
	}
	early := map[string]bool{}
	undated := false
	background := g.backgroundLead(bodyEl[extract.Apa])
	for _, id := range extract.ElementIDs {
		el := Element{Spans: []Span{}}
		for _, s := range headEl[id] {
			el.Spans = append(el.Spans, g.head.span(s.Start, s.End))
		}
		for _, s := range bodyEl[id] {
			el.Spans = append(el.Spans, g.body.span(s.Start, s.End))
			if background && id != extract.Siapa {
				continue
			}
			if g.hasLead && s.Start >= g.lead.Start && s.Start < g.lead.End {
				el.InLead = true
				early[id] = early[id] || s.Start < leadCut
			}
		}
		el.Found = len(el.Spans) > 0
		if id == extract.Kapan && el.Found && !g.hasEventDate() {
			// A time of day, a year or a weekly schedule is no date: aktual
			// reports the missing date, and the report must not show kapan
			// as answered by "pukul 08.00–15.00 WIB".
			el = Element{Spans: []Span{}}
			early[id] = false
			undated = true
		}
		g.elements[id] = el
	}

	var points float64
	var missing, outside, late []string
	lost := func(id string, share float64) string {
		return fmt.Sprintf("%s (−%d)", elementQuestion[id], int(math.Round(float64(elementWeights[id])*share)))
	}
	for _, id := range extract.ElementIDs {
		el := g.elements[id]
		w := float64(elementWeights[id])
		switch {
		case !el.Found && undated && id == extract.Kapan:
			// Aktual already reports the missing date at its passage.
			missing = append(missing, lost(id, 1))
		case !el.Found:
			missing = append(missing, lost(id, 1))
			sev := SevPeringatan
			if id == extract.Bagaimana {
				sev = SevSaran
			}
			g.add(g.body.finding("unsur-5w1h-hilang", sev, 0, 0,
				fmt.Sprintf("Rilis belum menjawab pertanyaan %s: %s.", elementQuestion[id], g.hint(id)), ""))
		case early[id] || id == extract.Bagaimana:
			points += w
		case el.InLead:
			points += w * OutsideLeadCredit
			late = append(late, lost(id, 1-OutsideLeadCredit))
			g.add(g.body.finding("teras-5w1h-terlambat", SevSaran, leadCut, g.lead.End,
				fmt.Sprintf("Teras berita baru menjawab %s (%s) setelah kata ke-%d; pembaca yang berhenti lebih awal tidak mendapatkannya. Ringkas teras agar jawaban itu muncul lebih dulu.",
					elementQuestion[id], g.firstSpanAfter(bodyEl[id], leadCut), maxLead), ""))
		default:
			points += w * OutsideLeadCredit
			outside = append(outside, lost(id, 1-OutsideLeadCredit))
			msg := fmt.Sprintf("Teras berita belum menjawab %s; jawabannya baru ada %s. Pindahkan ke teras, karena pembaca sering hanya membaca paragraf pertama.",
				elementQuestion[id], g.whereFound(headEl[id], bodyEl[id]))
			sev := SevSaran
			if g.sheetAnswers(id) {
				// The practice gives the answer and asks the lead to carry it.
				sev = SevPeringatan
				msg = fmt.Sprintf("Teras berita belum menjawab %s, padahal lembar fakta memberikan jawabannya dan ketentuan latihan meminta teras menjawabnya; jawabannya baru ada %s. Pindahkan ke teras, karena pembaca sering hanya membaca paragraf pertama.",
					elementQuestion[id], g.whereFound(headEl[id], bodyEl[id]))
			}
			g.add(g.body.finding("teras-5w1h-hilang", sev, g.dateline, g.lead.End, msg, ""))
		}
	}

	answered := 0
	for _, id := range leadElements {
		if early[id] {
			answered++
		}
	}
	sum := fmt.Sprintf("Teras berita menjawab %s dari %s pertanyaan utama (siapa, apa, kapan, di mana, mengapa).", countWord(answered), countWord(len(leadElements)))
	if len(late) > 0 {
		sum += fmt.Sprintf(" Baru terjawab setelah kata ke-%d teras: %s.", maxLead, joinID(late))
	}
	if len(outside) > 0 {
		sum += " Belum ada di teras: " + joinID(outside) + "."
	}
	if len(missing) > 0 {
		sum += " Belum terjawab sama sekali: " + joinID(missing) + "."
	}
	return result{score: int(math.Round(points)), summary: sum}
}

// sheetAnswers reports whether the practice's facts sheet answers a
// question of the lead: the practices ask the lead to answer siapa, apa,
// kapan, di mana and mengapa from the sheet.
func (g *grader) sheetAnswers(id string) bool {
	b := g.in.Brief
	if b == nil || b.Ketentuan == nil {
		return false
	}
	switch id {
	case extract.Siapa:
		return len(b.Siapa) > 0
	case extract.Apa:
		return strings.TrimSpace(b.Apa) != ""
	case extract.Kapan:
		return strings.TrimSpace(b.Kapan) != ""
	case extract.DiMana:
		return strings.TrimSpace(b.DiMana) != ""
	case extract.Mengapa:
		return strings.TrimSpace(b.Mengapa) != ""
	}
	return false
}

// copulas make a predicate that says what something is, not what happened.
var copulas = map[string]bool{"merupakan": true, "adalah": true, "ialah": true}

// backgroundLead tells a lead whose every event phrase is a copula ("Jalan
// desa merupakan program prioritas bupati"): it gives background and leaves
// the news for later (devset guide A3), so it answers no question of the
// event beyond naming people.
func (g *grader) backgroundLead(apa []extract.Span) bool {
	if !g.hasLead {
		return false
	}
	n := 0
	for _, s := range apa {
		if s.Start < g.lead.Start || s.Start >= g.lead.End {
			continue
		}
		w, _, _ := strings.Cut(strings.ToLower(s.Text), " ")
		if !copulas[w] {
			return false
		}
		n++
	}
	return n > 0
}

// quoteShort quotes a passage for a message, cut to a readable length.
func quoteShort(s string) string {
	const maxRunes = 60
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > maxRunes {
		return "“" + string(r[:maxRunes-1]) + "…”"
	}
	return "“" + string(r) + "”"
}

// firstSpanAfter quotes the first body span starting at or after pos.
func (g *grader) firstSpanAfter(spans []extract.Span, pos int) string {
	for _, s := range spans {
		if s.Start >= pos {
			return quoteShort(s.Text)
		}
	}
	return ""
}

// whereFound says where an element answered outside the lead first appears:
// "di paragraf 3: “Rabu (30/06)”" or "di judul: …".
func (g *grader) whereFound(head, body []extract.Span) string {
	for _, s := range body {
		for i, p := range g.body.paras {
			if s.Start >= p.Start && s.Start < p.End {
				return fmt.Sprintf("di paragraf %d: %s", i+1, quoteShort(s.Text))
			}
		}
	}
	if len(head) > 0 {
		return "di judul: " + quoteShort(head[0].Text)
	}
	return "di luar teras"
}

// hint tells how to answer an element; for kapan the example is a real date.
func (g *grader) hint(id string) string {
	if id == extract.Kapan {
		return fmt.Sprintf("tulis hari dan tanggal, misalnya \"%s\"", g.exampleDate())
	}
	return elementHint[id]
}

// hasEventDate reports whether the release names the event's day outside
// quotes: a day and month, or a weekday or relative day that is no weekly
// schedule — what aktual counts as a date.
func (g *grader) hasEventDate() bool {
	for _, f := range []*field{g.head, g.body} {
		for _, d := range f.dates {
			switch {
			case d.InQuote || d.Vague || vagueDay(d):
			case d.Day > 0 && d.Month > 0:
				return true
			case (d.Weekday >= 0 || d.Relative) && !recurring(f, d) && g.in.Brief == nil:
				return true // a practice asks for the date besides the day (gradeAktual)
			}
		}
	}
	return false
}
