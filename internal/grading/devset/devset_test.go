package devset

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// fixture is a three-article set; the labels are invented.
func fixture() fstest.MapFS {
	manifest := "id\taddress\tquery\n" +
		"a1\thttps://x.example/1\tq\n" +
		"a2\thttps://x.example/2\tq\n" +
		"a3\thttps://x.example/3\tq\n"
	//                lead: si ap ka dm me ba   article: si ap ka dm me ba
	a := header + "\n" +
		"a1\t1\t1\t0\t0\t0\t0\t1\t1\t1\t0\t0\t0\n" +
		"a2\t1\t1\t1\t0\t0\t0\t1\t1\t1\t0\t0\t0\n" +
		"a3\t0\t1\t0\t0\t1\t0\t1\t1\t0\t0\t1\t0\n"
	b := header + "\n" +
		"a1\t1\t1\t0\t0\t0\t0\t1\t1\t1\t0\t0\t0\n" +
		"a2\t1\t1\t0\t0\t0\t0\t1\t1\t1\t0\t0\t1\n" +
		"a3\t0\t1\t0\t0\t1\t0\t1\t1\t0\t0\t1\t0\n"
	gold := header + "\tnote\n" +
		"a1\t1\t1\t0\t0\t0\t0\t1\t1\t1\t0\t0\t0\t\n" +
		"a2\t1\t1\t1\t0\t0\t0\t1\t1\t1\t0\t0\t0\tlead_kapan: K2; article_bagaimana: B6\n" +
		"a3\t0\t1\t0\t0\t1\t0\t1\t1\t0\t0\t1\t0\t\n"
	return fstest.MapFS{
		FileManifest: {Data: []byte(manifest)},
		FileA:        {Data: []byte(a)},
		FileB:        {Data: []byte(b)},
		FileGold:     {Data: []byte(gold)},
	}
}

func TestLoadChecksIDs(t *testing.T) {
	s, err := Load(fixture())
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.IDs(), ","); got != "a1,a2,a3" {
		t.Fatalf("ids %s", got)
	}
	if got := s.Gold.Rows["a2"].NoteFor("lead_kapan"); got != "K2" {
		t.Errorf("gold note for lead_kapan %q", got)
	}

	short := fixture()
	short[FileB] = &fstest.MapFile{Data: []byte(header + "\na1\t1\t1\t0\t0\t0\t0\t1\t1\t1\t0\t0\t0\n")}
	if _, err := Load(short); err == nil || !strings.Contains(err.Error(), "labels.B.tsv: id a2 dari manifes tidak berlabel") {
		t.Errorf("short B: err = %v", err)
	}
	extra := fixture()
	extra[FileA] = &fstest.MapFile{Data: append([]byte(nil), append(extra[FileA].Data, "a4\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"...)...)}
	if _, err := Load(extra); err == nil || !strings.Contains(err.Error(), "id a4 tidak ada di manifes") {
		t.Errorf("extra row: err = %v", err)
	}
	noGold := fixture()
	delete(noGold, FileGold)
	if _, err := Load(noGold); err == nil {
		t.Error("a set without gold labels loaded")
	}
}

func TestAgreementAndDisagreements(t *testing.T) {
	s, err := Load(fixture())
	if err != nil {
		t.Fatal(err)
	}
	cells := Disagreements(s.A, s.B, s.IDs())
	want := []Cell{{"a2", "lead_kapan"}, {"a2", "article_bagaimana"}}
	if !reflect.DeepEqual(cells, want) {
		t.Fatalf("disagreements %v, want %v", cells, want)
	}
	ag := Agreement(s.A, s.B, s.IDs())
	// lead_kapan: A says 0,1,0 and B 0,0,0: TP 0, FN 1, FP 0, TN 2.
	if got, want := ag[Lead][2], (Confusion{FN: 1, TN: 2}); got != want {
		t.Errorf("lead kapan %+v, want %+v", got, want)
	}
	// article_siapa is 1 everywhere on both sides.
	if got := ag[Article][0]; got != (Confusion{TP: 3}) || got.Kappa().OK {
		t.Errorf("article siapa %+v kappa %+v, want TP 3 and undefined kappa", got, got.Kappa())
	}
}

func TestReadTextsAndEvaluate(t *testing.T) {
	s, err := Load(fixture())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a1.txt", "Judul\n\nsiapa apa")
	write("a3.txt", "Judul\n\nrefuse")
	texts, err := ReadTexts(dir, s.IDs())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(texts.Missing, []string{"a2"}) || len(texts.ByID) != 2 {
		t.Fatalf("missing %v, read %d", texts.Missing, len(texts.ByID))
	}

	// A decider that answers siapa, apa and kapan whenever the text names them.
	decide := func(text string) ([6]bool, error) {
		if strings.Contains(text, "refuse") {
			return [6]bool{}, errors.New("tidak dapat dinilai")
		}
		return [6]bool{strings.Contains(text, "siapa"), strings.Contains(text, "apa"), true}, nil
	}
	ev := s.Evaluate(texts, decide)
	if ev.Articles != 1 || ev.Unusable["a3"] != "tidak dapat dinilai" || !reflect.DeepEqual(ev.Missing, []string{"a2"}) {
		t.Fatalf("articles %d, unusable %v, missing %v", ev.Articles, ev.Unusable, ev.Missing)
	}
	// a1's gold lead: siapa 1, apa 1, kapan 0. The decider says kapan 1.
	kapan := ev.Elements[2]
	if kapan.Element != "kapan" || kapan.Confusion != (Confusion{FP: 1}) || !reflect.DeepEqual(kapan.FalsePos, []string{"a1"}) {
		t.Errorf("kapan %+v", kapan)
	}
	if siapa := ev.Elements[0]; siapa.Confusion != (Confusion{TP: 1}) || siapa.Enough() {
		t.Errorf("siapa %+v enough %v", siapa, siapa.Enough())
	}

	if _, err := ReadTexts(filepath.Join(dir, "none"), s.IDs()); !errors.Is(err, ErrNoCache) {
		t.Errorf("missing folder: err = %v, want ErrNoCache", err)
	}
}

func TestEnoughAndMet(t *testing.T) {
	cases := []struct {
		c           Confusion
		enough, met bool
	}{
		{Confusion{TP: 5, TN: 5}, true, true},
		{Confusion{TP: 4, TN: 20}, false, true},
		// kappa 0.8 (po 0.9, pe 0.5), balanced accuracy 0.9: kappa misses.
		{Confusion{TP: 9, FN: 1, FP: 1, TN: 9}, true, false},
		// all negative decisions: balanced accuracy 0.5.
		{Confusion{FN: 5, TN: 50}, true, false},
	}
	for _, tc := range cases {
		r := ElementResult{Confusion: tc.c}
		if r.Enough() != tc.enough || r.Met() != tc.met {
			t.Errorf("%+v: enough %v met %v, want %v %v", tc.c, r.Enough(), r.Met(), tc.enough, tc.met)
		}
	}
}
