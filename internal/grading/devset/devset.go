package devset

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/bimtek/bimtek/internal/grading"
)

// MinClass is the fewest gold positives and the fewest gold negatives an
// element needs before its figures are held to the target: with fewer, one
// article moves balanced accuracy by 0.1 or more.
const MinClass = 5

// Target is the floor for kappa and balanced accuracy of the grader's lead
// decisions on every element with enough positives and negatives.
const Target = 0.85

// Label file names, in the cache's naming.
const (
	FileManifest = "manifest.tsv"
	FileA        = "labels.A.tsv"
	FileB        = "labels.B.tsv"
	FileGold     = "labels.gold.tsv"
)

//go:embed data/*.tsv
var committed embed.FS

// Set is the development set: the manifest and the three label files.
type Set struct {
	Manifest []Entry
	A, B     *LabelFile // the two annotators' files as handed in
	Gold     *LabelFile // settled labels, with the rules in Note
}

// Committed returns the set kept in this package (data/).
func Committed() (*Set, error) {
	sub, err := fs.Sub(committed, "data")
	if err != nil {
		return nil, fmt.Errorf("data tertanam: %w", err)
	}
	return Load(sub)
}

// Load reads a set from fsys (manifest.tsv and the three label files) and
// checks that every label file has exactly the manifest's ids.
func Load(fsys fs.FS) (*Set, error) {
	data, err := fs.ReadFile(fsys, FileManifest)
	if err != nil {
		return nil, fmt.Errorf("manifes: %w", err)
	}
	s := &Set{}
	if s.Manifest, err = ParseManifest(bytes.NewReader(data)); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name string
		dst  **LabelFile
	}{{FileA, &s.A}, {FileB, &s.B}, {FileGold, &s.Gold}} {
		data, err := fs.ReadFile(fsys, f.name)
		if err != nil {
			return nil, fmt.Errorf("berkas label: %w", err)
		}
		lf, err := ParseLabels(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		if err := sameIDs(s.Manifest, lf); err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		*f.dst = lf
	}
	return s, nil
}

// sameIDs checks that a label file labels exactly the manifest's articles.
func sameIDs(m []Entry, lf *LabelFile) error {
	in := map[string]bool{}
	for _, e := range m {
		in[e.ID] = true
		if _, ok := lf.Rows[e.ID]; !ok {
			return fmt.Errorf("id %s dari manifes tidak berlabel", e.ID)
		}
	}
	for _, id := range lf.IDs {
		if !in[id] {
			return fmt.Errorf("id %s tidak ada di manifes", id)
		}
	}
	return nil
}

// IDs returns the manifest's ids in order.
func (s *Set) IDs() []string {
	ids := make([]string, len(s.Manifest))
	for i, e := range s.Manifest {
		ids[i] = e.ID
	}
	return ids
}

// Texts are the cached articles found for a set.
type Texts struct {
	ByID    map[string]string
	Missing []string // ids without <id>.txt, in manifest order
}

// ErrNoCache is returned by ReadTexts when the folder does not exist.
var ErrNoCache = errors.New("folder cache tidak ada")

// ReadTexts reads <id>.txt for every id from dir. A missing file is listed in
// Missing, not an error; a folder that does not exist is ErrNoCache.
func ReadTexts(dir string, ids []string) (Texts, error) {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return Texts{}, fmt.Errorf("%s: %w", dir, ErrNoCache)
	}
	if err != nil {
		return Texts{}, fmt.Errorf("folder cache %s: %w", dir, err)
	}
	if !st.IsDir() {
		return Texts{}, fmt.Errorf("%s bukan folder", dir)
	}
	t := Texts{ByID: map[string]string{}}
	for _, id := range ids {
		data, err := os.ReadFile(filepath.Join(dir, id+".txt"))
		if errors.Is(err, fs.ErrNotExist) {
			t.Missing = append(t.Missing, id)
			continue
		}
		if err != nil {
			return Texts{}, fmt.Errorf("teks %s: %w", id, err)
		}
		t.ByID[id] = string(data)
	}
	return t, nil
}

// Decider gives an article's lead decisions, one per element of Elements.
type Decider func(text string) ([6]bool, error)

// GraderLead is the grader's lead decision: the text is split into headline
// and body exactly as "bimtek grade" splits a file, graded without a brief,
// and each element's in_lead is taken from the report.
func GraderLead(text string) ([6]bool, error) {
	headline, body, err := grading.SplitRelease(text)
	if err != nil {
		return [6]bool{}, err
	}
	rep := grading.Grade(grading.Input{Headline: headline, Body: body})
	var d [6]bool
	for i, e := range Elements {
		d[i] = rep.Elements[e].InLead
	}
	return d, nil
}

// ElementResult is one element's decisions against the gold lead labels.
type ElementResult struct {
	Element   string
	Confusion Confusion
	// FalsePos and FalseNeg are the ids the decision got wrong.
	FalsePos, FalseNeg []string
}

// Enough reports whether the gold labels have at least MinClass positives
// and MinClass negatives, so the element is held to the target.
func (r ElementResult) Enough() bool {
	return r.Confusion.Pos() >= MinClass && r.Confusion.Neg() >= MinClass
}

// Met reports whether both kappa and balanced accuracy reach Target.
func (r ElementResult) Met() bool {
	k, ba := r.Confusion.Kappa(), r.Confusion.BalancedAccuracy()
	return k.OK && ba.OK && k.V >= Target && ba.V >= Target
}

// Evaluation is the result of measuring a decider on the set's texts.
type Evaluation struct {
	Articles int // articles measured: labelled and with a usable text
	Missing  []string
	// Unusable are texts present but refused by the split (empty, not UTF-8),
	// with the reason; they are left out like missing ones.
	Unusable map[string]string
	Elements [6]ElementResult
}

// Evaluate runs decide on every text of the set present in texts and compares
// its lead decisions with the gold lead labels.
func (s *Set) Evaluate(texts Texts, decide Decider) Evaluation {
	ev := Evaluation{Missing: texts.Missing, Unusable: map[string]string{}}
	for i, e := range Elements {
		ev.Elements[i].Element = e
	}
	for _, id := range s.IDs() {
		text, ok := texts.ByID[id]
		if !ok {
			continue
		}
		d, err := decide(text)
		if err != nil {
			ev.Unusable[id] = err.Error()
			continue
		}
		ev.Articles++
		gold := s.Gold.Rows[id]
		for i := range Elements {
			r := &ev.Elements[i]
			r.Confusion.Add(gold.Lead[i], d[i])
			switch {
			case d[i] && !gold.Lead[i]:
				r.FalsePos = append(r.FalsePos, id)
			case !d[i] && gold.Lead[i]:
				r.FalseNeg = append(r.FalseNeg, id)
			}
		}
	}
	return ev
}

// Agreement compares two label files over the ids, per segment and element;
// a is the reference of each Confusion.
func Agreement(a, b *LabelFile, ids []string) map[string][6]Confusion {
	out := map[string][6]Confusion{}
	for _, seg := range []string{Lead, Article} {
		var cs [6]Confusion
		for _, id := range ids {
			la, lb := a.Rows[id], b.Rows[id]
			for i := range Elements {
				cs[i].Add(la.Get(seg, i), lb.Get(seg, i))
			}
		}
		out[seg] = cs
	}
	return out
}

// Cell is one label of one article, e.g. dev007 lead_mengapa.
type Cell struct {
	ID, Column string
}

// Disagreements lists the cells where a and b differ, in the order of ids
// and then of the label columns.
func Disagreements(a, b *LabelFile, ids []string) []Cell {
	var out []Cell
	for _, id := range ids {
		la, lb := a.Rows[id], b.Rows[id]
		for _, seg := range []string{Lead, Article} {
			for i := range Elements {
				if la.Get(seg, i) != lb.Get(seg, i) {
					out = append(out, Cell{id, Column(seg, i)})
				}
			}
		}
	}
	return out
}
