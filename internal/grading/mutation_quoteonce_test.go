package grading

import (
	"strings"
	"testing"
)

// A practice release without any direct quote. Until 1.83.0 one absence
// drew three peringatan: the practice's requirement of attributed quotes,
// kutipan-langsung-hilang and narasumber-hilang. The requirement now says
// it once, naming what is missing; the costs of the other two stay in
// their criteria, so the scores do not move.

// cutBody keeps the first n paragraphs of a body.
func cutBody(body string, n int) string {
	paras := strings.Split(body, "\n\n")
	return strings.Join(paras[:min(n, len(paras))], "\n\n")
}

func TestNoQuoteOnce(t *testing.T) {
	absence := map[string]bool{"kutipan-beratribusi-kurang": true, "kutipan-langsung-hilang": true, "narasumber-hilang": true}
	for id, p := range loadPractices(t) {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			cuts := map[string]string{"lead only": cutBody(b, 1), "lead and one paragraph": cutBody(b, 2)}
			for name, body := range cuts {
				if strings.ContainsAny(body, "\"“") {
					continue
				}
				in := p.input(h, body)
				rep := Grade(in)
				var got []Finding
				for _, f := range rep.Findings {
					if absence[f.Rule] {
						got = append(got, f)
					}
				}
				if len(got) != 1 || got[0].Rule != "kutipan-beratribusi-kurang" || got[0].Severity != SevPeringatan {
					t.Errorf("%s %s %s: want one kutipan-beratribusi-kurang peringatan, got:\n%s", set, id, name, dump(rep, in))
					continue
				}
				// An official reported without quotation marks is a
				// source: then only the quote is missing.
				noSource := strings.Contains(got[0].Message, "belum memuat pernyataan narasumber maupun kutipan langsung")
				if !noSource && !strings.Contains(got[0].Message, "belum memuat kutipan langsung") {
					t.Errorf("%s %s %s: the finding does not name what is missing: %s", set, id, name, got[0].Message)
				}
				crit := map[string]int{}
				for _, c := range rep.Criteria {
					crit[c.ID] = c.Score
				}
				if crit[CritMenarik] > 100-CostNoQuote || noSource && crit[CritFaktual] > 100-CostNoSource {
					t.Errorf("%s %s %s: the folded costs are gone: menarik %d, faktual %d", set, id, name, crit[CritMenarik], crit[CritFaktual])
				}
				if rep.Score >= 50 {
					t.Errorf("%s %s %s: a lead-sized release scored %d", set, id, name, rep.Score)
				}
			}
		}
	}
}

// TestNoQuoteIndirectSource: an official reported without quotation marks
// leaves only the missing direct quote, said once.
func TestNoQuoteIndirectSource(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := releaseFile(t, "sound2", pKTP)
	body := cutBody(b, 2) + "\n\nKepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju, Rina Marlinawati, mengatakan bahwa jarak menjadi hambatan terbesar."
	in := p.input(h, body)
	rep := Grade(in)
	n := 0
	for _, f := range rep.Findings {
		switch f.Rule {
		case "kutipan-beratribusi-kurang":
			n++
			if !strings.Contains(f.Message, "belum memuat kutipan langsung") {
				t.Errorf("the finding does not say the quote is missing: %s", f.Message)
			}
		case "kutipan-langsung-hilang", "narasumber-hilang":
			t.Errorf("%s beside the requirement:\n%s", f.Rule, dump(rep, in))
		}
	}
	if n != 1 {
		t.Errorf("%d kutipan-beratribusi-kurang, want 1:\n%s", n, dump(rep, in))
	}
}

// TestCatchUpIsManner: "pekan imunisasi kejar" in the lead names the
// service's format as "jemput bola" does, so a lead-sized immunisation
// release does not miss bagaimana; the flood lead, which names no format,
// still does.
func TestCatchUpIsManner(t *testing.T) {
	practices := loadPractices(t)
	for _, set := range []string{"sound", "sound2"} {
		for id, want := range map[string]bool{pImun: false, pBanjir: true} {
			h, b := releaseFile(t, set, id)
			in := practices[id].input(h, cutBody(b, 1))
			rep := Grade(in)
			missed := false
			for _, f := range rep.Findings {
				missed = missed || f.Rule == "unsur-5w1h-hilang" && strings.Contains(f.Message, "bagaimana")
			}
			if missed != want {
				t.Errorf("%s %s lead only: bagaimana missed %v, want %v:\n%s", set, id, missed, want, dump(rep, in))
			}
		}
	}
}
