package grading

import (
	"regexp"
	"strings"
	"testing"
)

// A quotation over two paragraphs. Until 1.81.0 the convention of a long
// quotation (its first paragraph left open, the next opening with a new
// quotation mark, the attribution in the first or the last) drew
// kutipan-tanpa-atribusi peringatan; one quotation left without any
// attribution drew it once per paragraph; a quote paragraph right after
// the speaker's attributed quote drew the same peringatan as a quote from
// nowhere, where the course's split quote (“…,” kata Asep. “…”) keeps the
// speaker in one paragraph: now a saran naming the speaker.

// quoteParagraph matches a sound release's quote paragraph: maybe a
// sentence introducing the speaker, two sentences of quote, then the
// attribution.
var quoteParagraph = regexp.MustCompile(`(?m)^((?:[^"\n]+\. )?)"([^"]+?\.) ([^"]+?)," (kata|ujar|tutur) ([^"\n]+)\.$`)

// twoParagraphQuotes rewrites every quote paragraph of a release with fn
// (first sentence, the rest, verb of saying, attribution, opening and
// closing marks); it returns the edits. An introducing sentence stays
// unless drop.
func twoParagraphQuotes(body string, drop bool, fn func(s1, s2, verb, attr, op, cl string) string) []edit {
	var eds []edit
	for _, m := range quoteParagraph.FindAllStringSubmatch(body, -1) {
		for _, marks := range [][2]string{{`"`, `"`}, {"“", "”"}} {
			intro := m[1]
			if drop {
				intro = ""
			}
			eds = append(eds, edit{m[0], intro + fn(m[2], m[3], m[4], m[5], marks[0], marks[1]), strings.TrimSuffix(m[2], ".")})
		}
	}
	return eds
}

// speakerSubject writes an attribution as the subject of "mengatakan".
func speakerSubject(attr string) string {
	if strings.Contains(attr, ",") {
		return attr + ", mengatakan, "
	}
	return attr + " mengatakan, "
}

func TestQuoteParagraphs(t *testing.T) {
	forms := map[string]func(s1, s2, verb, attr, op, cl string) string{
		// attribution in the first paragraph, which is left open
		"first": func(s1, s2, verb, attr, op, cl string) string {
			return speakerSubject(attr) + op + s1 + "\n\n" + op + s2 + "." + cl
		},
		// attribution in the last paragraph
		"last": func(s1, s2, verb, attr, op, cl string) string {
			return op + s1 + "\n\n" + op + s2 + "," + cl + " " + verb + " " + attr + "."
		},
	}
	practices := loadPractices(t)
	applied := map[string]int{}
	for id, p := range practices {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			base := Grade(p.input(h, b))
			baseRules := map[string]bool{}
			for _, f := range base.Findings {
				baseRules[f.Rule] = true
			}
			for name, fn := range forms {
				for _, e := range twoParagraphQuotes(b, false, fn) {
					applied[name]++
					in := p.input(h, strings.Replace(b, e.old, e.new, 1))
					for _, f := range Grade(in).Findings {
						if SeverityRank(f.Severity) > SeverityRank(SevInfo) && !baseRules[f.Rule] {
							t.Errorf("%s %s %s: false alarm %s %s %q: %s", set, id, name, f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
						}
					}
				}
			}
			// Defects: no attribution anywhere (one finding for the
			// quotation), and a new quote paragraph after the speaker's
			// attributed one (a saran naming the speaker).
			defects := []struct {
				name, sev string
				count     int
				drop      bool
				fn        func(s1, s2, verb, attr, op, cl string) string
			}{
				{"none", SevPeringatan, 1, true, func(s1, s2, verb, attr, op, cl string) string { return op + s1 + "\n\n" + op + s2 + "." + cl }},
				{"next paragraph", SevSaran, 1, false, func(s1, s2, verb, attr, op, cl string) string {
					return op + strings.TrimSuffix(s1, ".") + "," + cl + " " + verb + " " + attr + ".\n\n" + op + s2 + "." + cl
				}},
			}
			for _, d := range defects {
				for _, e := range twoParagraphQuotes(b, d.drop, d.fn) {
					applied[d.name]++
					in := p.input(h, strings.Replace(b, e.old, e.new, 1))
					rep := Grade(in)
					var hits []Finding
					for _, f := range rep.Findings {
						if f.Rule == "kutipan-tanpa-atribusi" {
							hits = append(hits, f)
						}
					}
					if len(hits) != d.count {
						t.Errorf("%s %s %s %q: %d kutipan-tanpa-atribusi, want %d:\n%s", set, id, d.name, e.new, len(hits), d.count, dump(rep, in))
						continue
					}
					if hits[0].Severity != d.sev {
						t.Errorf("%s %s %s: %s, want %s", set, id, d.name, hits[0].Severity, d.sev)
					}
					if base.Score-rep.Score < severityDrop[d.sev] {
						t.Errorf("%s %s %s: score %d → %d", set, id, d.name, base.Score, rep.Score)
					}
					if d.sev == SevSaran && !strings.Contains(hits[0].Message, "tambah ") {
						t.Errorf("%s %s %s: the saran names no speaker: %s", set, id, d.name, hits[0].Message)
					}
				}
			}
		}
	}
	for _, name := range []string{"first", "last", "none", "next paragraph"} {
		if applied[name] < 16 {
			t.Errorf("%s: applied %d times, want each practice's quotes on both sets", name, applied[name])
		}
	}
}
