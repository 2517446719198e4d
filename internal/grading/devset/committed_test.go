package devset

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestCommittedSet checks the embedded annotations: at least 60 articles, the
// same ids everywhere (Load), gold equal to the annotators wherever they
// agree, and a rule in the gold note for every cell where they differ.
func TestCommittedSet(t *testing.T) {
	s, err := Committed()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Manifest); n < 60 {
		t.Fatalf("%d articles, want at least 60", n)
	}
	for _, e := range s.Manifest {
		if !strings.HasPrefix(e.Address, "http") {
			t.Errorf("%s: address %q", e.ID, e.Address)
		}
	}
	disputed := map[Cell]bool{}
	for _, c := range Disagreements(s.A, s.B, s.IDs()) {
		disputed[c] = true
	}
	if len(disputed) == 0 {
		t.Fatal("no disagreement between A and B: the files are not independent")
	}
	for _, id := range s.IDs() {
		a, gold := s.A.Rows[id], s.Gold.Rows[id]
		for _, seg := range []string{Lead, Article} {
			for i := range Elements {
				col := Column(seg, i)
				note := gold.NoteFor(col)
				switch {
				case disputed[Cell{id, col}] && note == "":
					t.Errorf("%s %s: A and B differ and the gold note names no rule", id, col)
				case !disputed[Cell{id, col}] && note != "":
					t.Errorf("%s %s: note %q on a cell A and B agree on", id, col, note)
				case !disputed[Cell{id, col}] && gold.Get(seg, i) != a.Get(seg, i):
					t.Errorf("%s %s: gold %v differs from the agreed label", id, col, gold.Get(seg, i))
				}
			}
		}
	}
}

// TestGoldNotesCiteRulesOfTheGuide checks that every rule a gold note cites is
// a numbered rule of the guide in doc.go.
func TestGoldNotesCiteRulesOfTheGuide(t *testing.T) {
	s, err := Committed()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	rule := regexp.MustCompile(`^[TEGSAKWMB][0-9]+$`)
	for _, id := range s.IDs() {
		for _, item := range strings.Split(s.Gold.Rows[id].Note, ";") {
			_, rules, ok := strings.Cut(item, ":")
			if !ok {
				continue
			}
			for _, r := range strings.Split(rules, ",") {
				r = strings.TrimSpace(r)
				if !rule.MatchString(r) {
					t.Errorf("%s: %q is not a rule number", id, r)
					continue
				}
				if !regexp.MustCompile(`(?m)^// ` + r + `( \(settlement\))?\. `).Match(doc) {
					t.Errorf("%s cites %s, which doc.go does not define", id, r)
				}
			}
		}
	}
}
