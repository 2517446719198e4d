package grading

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// PlainTextFalseAlarmMax bounds how often the markup and English-passage
// rules may fire on edited Indonesian news, which has neither.
const PlainTextFalseAlarmMax = 0.002

// realNewsTexts returns the news passages of ../shared/data: FacQA's
// passages and idner-news-2k's sentences, each a text of its own.
func realNewsTexts(t *testing.T) []string {
	t.Helper()
	shared := sharedDir(t)
	var texts []string
	fq, err := os.Open(filepath.Join(shared, "data", "facqa", "facqa.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer fq.Close()
	sc := bufio.NewScanner(fq)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	seen := map[string]bool{}
	for sc.Scan() {
		var row struct{ Passage string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		if !seen[row.Passage] {
			seen[row.Passage] = true
			texts = append(texts, row.Passage)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"train", "dev", "test"} {
		data, err := os.ReadFile(filepath.Join(shared, "data", "idner-news-2k", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, sent := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n\n") {
			var words []string
			for _, ln := range strings.Split(sent, "\n") {
				if fs := strings.Fields(ln); len(fs) >= 2 {
					words = append(words, fs[0])
				}
			}
			if len(words) > 0 {
				texts = append(texts, strings.Join(words, " "))
			}
		}
	}
	return texts
}

// TestPlainTextRulesOnRealNews: edited news carries no markup and no English
// passage, so each finding of those rules there is a false alarm.
func TestPlainTextRulesOnRealNews(t *testing.T) {
	texts := realNewsTexts(t)
	flagged := 0
	for _, text := range texts {
		f := newField(FieldIsi, text)
		g := &grader{head: newField(FieldJudul, ""), body: f}
		cn := g.costNotes(CritStruktur)
		g.checkMarkup(cn)
		g.checkEnglish(f)
		if len(g.findings) > 0 {
			flagged++
			for _, fd := range g.findings {
				t.Logf("%s: %q", fd.Rule, fd.Passage("", text))
			}
		}
	}
	rate := float64(flagged) / float64(max(len(texts), 1))
	t.Logf("%d news texts, %d with a markup or English-passage finding (%.2f %%)", len(texts), flagged, 100*rate)
	if len(texts) < 3000 || rate > PlainTextFalseAlarmMax {
		t.Errorf("%d of %d news texts flagged; at most %.1f %% allowed", flagged, len(texts), 100*PlainTextFalseAlarmMax)
	}
}
