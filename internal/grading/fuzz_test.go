package grading

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzGrade checks the grader's contract on arbitrary text: no panic, every
// offset within its field, span texts equal to the field slice, valid UTF-8,
// and the same JSON when grading twice.
func FuzzGrade(f *testing.F) {
	f.Add(goodHeadline, withLead(), int64(0))
	f.Add("KEGIATAN!!!", "Dalam rangka  rapat ,dimana di sampaikan dikantor.", int64(86400))
	f.Add("Judul.", "“Kutipan tanpa akhir", int64(-1))
	f.Add("", "\n\n\n", int64(1))
	f.Add("a", "SUKAMAJU – Rabu (31/2) jam 09.00, kata dr. Asep. \"Ya?\" 0812-0000-1234 dinkes.go.id Kab.Sukamaju", int64(3))
	f.Add("Dİ Diİ", "dİkantor İ", int64(5))
	// The eval releases make good seeds when the shared folder is there.
	if shared, err := findShared(); err == nil {
		cases, _ := filepath.Glob(filepath.Join(shared, "eval", "cases", "*", "release.txt"))
		for _, p := range cases {
			if data, err := os.ReadFile(p); err == nil {
				if h, b, err := SplitRelease(string(data)); err == nil {
					f.Add(h, b, int64(0))
				}
			}
		}
	}
	brief, err := ParseBrief([]byte(factsBrief))
	if err != nil {
		f.Fatalf("ParseBrief: %v", err)
	}

	ruled := *brief
	ruled.Ketentuan = &Requirements{BodyWords: [2]int{250, 400}, HeadlineWords: [2]int{5, 12}, LeadMaxWords: 35, Dateline: "SUKAMAJU", AttributedQuotes: 2, QuotesFromBrief: true, ThousandsSeparator: true}
	f.Add("Diskominfo Latih Admin", "Pelatihan di laksanakan bagi belasan peserta dari seribu dua ratus 1240 warga, \"Informasi yang cepat tidak merugikan,\" kata Siti. \"Kutipan lain.\"", int64(3))

	f.Fuzz(func(t *testing.T, headline, body string, shift int64) {
		in := Input{Headline: headline, Body: body, Now: testNow.Add(time.Duration(shift%1e6) * time.Hour)}
		switch {
		case shift%3 == 0:
			in.Brief = &ruled
		case shift%2 == 0:
			in.Brief = brief
		}
		rep := Grade(in)
		fields := map[string]string{FieldJudul: headline, FieldIsi: body}
		checkSpan := func(what, field string, start, end int) {
			text, ok := fields[field]
			if !ok {
				t.Fatalf("%s: unknown field %q", what, field)
			}
			if n := utf8.RuneCountInString(text); start < 0 || end < start || end > n {
				t.Fatalf("%s: span [%d,%d) outside %s of %d runes", what, start, end, field, n)
			}
		}
		for _, fd := range rep.Findings {
			checkSpan("finding "+fd.Message, fd.Field, fd.Start, fd.End)
			if fd.Message == "" || SeverityRank(fd.Severity) < 0 {
				t.Fatalf("finding without message or severity: %+v", fd)
			}
			p := fd.Passage(headline, body)
			if utf8.ValidString(headline) && utf8.ValidString(body) && !utf8.ValidString(p) {
				t.Fatalf("finding passage %q is not valid UTF-8", p)
			}
		}
		for id, el := range rep.Elements {
			for _, s := range el.Spans {
				checkSpan("element "+id, s.Field, s.Start, s.End)
				if want := runeSlice(fields[s.Field], s.Start, s.End); s.Text != want {
					t.Fatalf("element %s span text %q, field slice %q", id, s.Text, want)
				}
				if utf8.ValidString(fields[s.Field]) && !utf8.ValidString(s.Text) {
					t.Fatalf("element %s span text %q is not valid UTF-8", id, s.Text)
				}
			}
		}
		if rep.Score < 0 || rep.Score > 100 || rep.Band != reportBand(rep.Score, rep.Findings) {
			t.Fatalf("score %d band %q", rep.Score, rep.Band)
		}
		a, err := json.Marshal(rep)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		b, _ := json.Marshal(Grade(in))
		if !bytes.Equal(a, b) {
			t.Fatalf("grading twice gave different JSON")
		}
	})
}
