package grading

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// DiPrepositionFalseAlarmMax bounds how often prefixDi may take the
// preposition di for the passive prefix in edited news: idner-news-2k tags
// every token, so each "di" tagged ADP is a preposition. The one "di" the
// rule flags there ("yang akan di evaluasi") is a real error of the source,
// tagged ADP by the annotators.
const DiPrepositionFalseAlarmMax = 0.005

func TestPrefixDiOnRealNews(t *testing.T) {
	shared := sharedDir(t)
	total, flagged := 0, 0
	for _, name := range []string{"train", "dev", "test"} {
		data, err := os.ReadFile(filepath.Join(shared, "data", "idner-news-2k", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, sent := range strings.Split(string(data), "\n\n") {
			var words, tags []string
			for _, ln := range strings.Split(sent, "\n") {
				if fs := strings.Fields(ln); len(fs) >= 2 {
					words, tags = append(words, fs[0]), append(tags, fs[1])
				}
			}
			tagAt := map[int]string{} // rune offset of each word → its tag
			pos := 0
			for i, w := range words {
				tagAt[pos] = tags[i]
				pos += len([]rune(w)) + 1
			}
			f := newField(FieldIsi, strings.Join(words, " "))
			g := &grader{head: f, body: f}
			for i, tk := range f.toks {
				if tk.lower != "di" || tagAt[tk.start] != "ADP" || i+1 >= len(f.toks) {
					continue
				}
				total++
				if g.prefixDi(f, i) {
					flagged++
					t.Logf("taken for the prefix: %s %s", tk.text, f.toks[i+1].text)
				}
			}
		}
	}
	rate := float64(flagged) / float64(max(total, 1))
	t.Logf("idner-news-2k: %d prepositions di, %d taken for the prefix di- (%.2f %%)", total, flagged, 100*rate)
	if total < 500 || rate > DiPrepositionFalseAlarmMax {
		t.Errorf("%d of %d prepositions taken for the prefix; at most %.1f %% allowed", flagged, total, 100*DiPrepositionFalseAlarmMax)
	}
}
