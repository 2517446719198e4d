package grading

import (
	"strings"
	"testing"
)

// TestMutationsOverRange: a body over the practice's word range breaks its
// rule, so it is a peringatan naming the range and the excess, and the
// further over, the lower the score (QA 35). Both sound sets stay clean.
func TestMutationsOverRange(t *testing.T) {
	for id, p := range loadPractices(t) {
		hi := p.brief.Ketentuan.BodyWords[1]
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			sound := Grade(p.input(h, b))
			for _, f := range sound.Findings {
				if f.Rule == "rilis-panjang-ketentuan" {
					t.Errorf("%s %s: sound release drew %s: %s", set, id, f.Severity, f.Message)
				}
			}
			_, other := releaseFile(t, map[string]string{"sound": "sound2", "sound2": "sound"}[set], id)
			extra := strings.Split(other, "\n\n")[2:]
			prev := sound.Score
			for _, n := range []int{1, 3} {
				longer := b
				for i := 0; i < n; i++ {
					longer += "\n\n" + strings.Join(extra, "\n\n")
				}
				in := p.input(h, longer)
				rep := Grade(in)
				if rep.Stats.Words <= hi {
					t.Fatalf("%s %s: %d words is not over %d", set, id, rep.Stats.Words, hi)
				}
				f := mustFindMsg(t, rep, in, CritStruktur, SevPeringatan, "", "ketentuan latihan")
				if f.Rule != "rilis-panjang-ketentuan" || !strings.Contains(f.Message, countWord(rep.Stats.Words)) {
					t.Errorf("%s %s: %s %q", set, id, f.Rule, f.Message)
				}
				if rep.Score >= prev {
					t.Errorf("%s %s: %d words scored %d, not below %d", set, id, rep.Stats.Words, rep.Score, prev)
				}
				prev = rep.Score
			}
		}
	}
}
