package devset

import (
	"strings"
	"testing"
)

const header = "id\tlead_siapa\tlead_apa\tlead_kapan\tlead_di_mana\tlead_mengapa\tlead_bagaimana\t" +
	"article_siapa\tarticle_apa\tarticle_kapan\tarticle_di_mana\tarticle_mengapa\tarticle_bagaimana"

func TestParseLabels(t *testing.T) {
	in := header + "\tnote\n" +
		"x1\t1\t1\t0\t0\t0\t1\t1\t1\t1\t0\t1\t1\tlead_siapa: S2; lead_bagaimana: B4, G3\n" +
		"\n" + // blank lines are skipped
		"x2\t0\t0\t0\t0\t0\t0\t0\t1\t0\t0\t0\t0\n" // the note cell may be left out
	lf, err := ParseLabels(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(lf.IDs, ","); got != "x1,x2" {
		t.Fatalf("ids %s, want x1,x2", got)
	}
	x1 := lf.Rows["x1"]
	if want := [6]bool{true, true, false, false, false, true}; x1.Lead != want {
		t.Errorf("x1 lead %v, want %v", x1.Lead, want)
	}
	if want := [6]bool{true, true, true, false, true, true}; x1.Article != want {
		t.Errorf("x1 article %v, want %v", x1.Article, want)
	}
	if x1.NoteFor("lead_bagaimana") != "B4, G3" || x1.NoteFor("lead_siapa") != "S2" || x1.NoteFor("lead_apa") != "" {
		t.Errorf("x1 note %q: bagaimana %q, siapa %q, apa %q", x1.Note, x1.NoteFor("lead_bagaimana"), x1.NoteFor("lead_siapa"), x1.NoteFor("lead_apa"))
	}
	if !x1.Get(Article, 2) || x1.Get(Lead, 2) {
		t.Errorf("Get(kapan): lead %v article %v, want false true", x1.Get(Lead, 2), x1.Get(Article, 2))
	}
	if x2 := lf.Rows["x2"]; x2.Article != [6]bool{false, true} || x2.Note != "" {
		t.Errorf("x2 = %+v", x2)
	}
	if got := Column(Lead, 3); got != "lead_di_mana" {
		t.Errorf("Column = %s", got)
	}
}

func TestParseLabelsRefuses(t *testing.T) {
	row := "\t1\t1\t0\t0\t0\t0\t1\t1\t0\t0\t0\t0\n"
	cases := []struct{ name, in, want string }{
		{"empty", "", "kosong"},
		{"wrong header", strings.Replace(header, "lead_apa", "lead_what", 1) + "\n", "baris 1: kepala kolom"},
		{"note without header", header + "\nx1" + strings.TrimSuffix(row, "\n") + "\tS1\n", "baris 2: 14 kolom, seharusnya 13"},
		{"short row", header + "\nx1\t1\t1\n", "baris 2: 3 kolom"},
		{"value", header + "\nx1\t1\t1\t0\t0\t0\t?\t1\t1\t0\t0\t0\t0\n", `kolom lead_bagaimana: nilai "?"`},
		{"duplicate", header + "\nx1" + row + "x1" + row, "baris 3: id x1 muncul dua kali"},
		{"empty id", header + "\n " + row, "baris 2: id kosong"},
		{"lead without article (G4)", header + "\nx1\t1\t1\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\n", "lead_kapan bernilai 1 tetapi article_kapan 0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseLabels(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestParseManifest(t *testing.T) {
	in := "id\taddress\tquery\trank\tbody_truncated\n" +
		"d1\thttps://a.example/1\tbupati resmikan jalan\t1\t1\n" +
		"d2\thttps://a.example/2\tbupati resmikan jalan\t2\t0\n"
	m, err := ParseManifest(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{ID: "d1", Address: "https://a.example/1", Query: "bupati resmikan jalan", BodyTruncated: true},
		{ID: "d2", Address: "https://a.example/2", Query: "bupati resmikan jalan"},
	}
	if len(m) != len(want) || m[0] != want[0] || m[1] != want[1] {
		t.Fatalf("got %+v, want %+v", m, want)
	}

	for name, bad := range map[string]string{
		"no query column": "id\taddress\nd1\thttps://a.example/1\n",
		"empty address":   "id\taddress\tquery\nd1\t\tq\n",
		"duplicate":       "id\taddress\tquery\nd1\ta\tq\nd1\tb\tq\n",
		"empty":           "",
	} {
		if _, err := ParseManifest(strings.NewReader(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
