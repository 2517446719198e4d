package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Floors for the measurements on real Indonesian news (see the task notes).
const (
	floorNERSiapaF1  = 0.80
	floorNERDiManaF1 = 0.60
	floorFacQAKapan  = 0.90
	floorFacQADiMana = 0.75
)

type nerToken struct {
	text, tag string // tag: PER, LOC, ORG or "" (O)
}

// readCoNLL reads "token POS NER" lines (CRLF allowed), blank-line separated.
func readCoNLL(path string) ([][]nerToken, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	var out [][]nerToken
	var cur []nerToken
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if l == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		parts := strings.Split(l, " ")
		if len(parts) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 fields, got %d", path, line, len(parts))
		}
		tag := ""
		if n := parts[2]; len(n) > 2 && (n[0] == 'B' || n[0] == 'I') {
			tag = n[2:]
		}
		cur = append(cur, nerToken{parts[0], tag})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// prf holds token counts for precision and recall.
type prf struct{ tp, fp, fn int }

func (c prf) scores() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// inside tells whether the rune range [a, b) lies inside one of the spans.
func inside(spans []Span, a, b int) bool {
	for _, s := range spans {
		if s.Start <= a && b <= s.End {
			return true
		}
	}
	return false
}

func overlaps(spans []Span, a, b int) bool {
	for _, s := range spans {
		if s.Start < b && a < s.End {
			return true
		}
	}
	return false
}

// scoreNER runs Elements on every sentence (tokens joined by single spaces)
// and scores siapa against PER+ORG and di_mana against LOC, token by token.
func scoreNER(sents [][]nerToken) (siapa, diMana prf) {
	for _, s := range sents {
		var b strings.Builder
		starts := make([]int, len(s))
		pos := 0
		for i, t := range s {
			if i > 0 {
				b.WriteByte(' ')
				pos++
			}
			starts[i] = pos
			b.WriteString(t.text)
			pos += len([]rune(t.text))
		}
		el := Elements(b.String())
		for i, t := range s {
			a, e := starts[i], starts[i]+len([]rune(t.text))
			count(&siapa, inside(el[Siapa], a, e), t.tag == "PER" || t.tag == "ORG")
			count(&diMana, inside(el[DiMana], a, e), t.tag == "LOC")
		}
	}
	return siapa, diMana
}

func count(c *prf, pred, gold bool) {
	switch {
	case pred && gold:
		c.tp++
	case pred:
		c.fp++
	case gold:
		c.fn++
	}
}

func TestNERIdnerNews(t *testing.T) {
	path := filepath.Join(sharedDir(t), "data", "idner-news-2k", "test.txt")
	sents, err := readCoNLL(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) < 500 {
		t.Fatalf("read %d sentences from %s, want 509", len(sents), path)
	}
	siapa, diMana := scoreNER(sents)
	sp, sr, sf := siapa.scores()
	dp, dr, df := diMana.scores()
	t.Logf("idner-news-2k test (%d sentences), token level, span containment:", len(sents))
	t.Logf("  siapa   (PER+ORG): P=%.3f R=%.3f F1=%.3f  (tp=%d fp=%d fn=%d)", sp, sr, sf, siapa.tp, siapa.fp, siapa.fn)
	t.Logf("  di_mana (LOC):     P=%.3f R=%.3f F1=%.3f  (tp=%d fp=%d fn=%d)", dp, dr, df, diMana.tp, diMana.fp, diMana.fn)
	if sf < floorNERSiapaF1 {
		t.Errorf("siapa F1 %.3f below floor %.2f", sf, floorNERSiapaF1)
	}
	if df < floorNERDiManaF1 {
		t.Errorf("di_mana F1 %.3f below floor %.2f", df, floorNERDiManaF1)
	}
}

type facqaRow struct {
	Split       string  `json:"split"`
	Passage     string  `json:"passage"`
	Answer      string  `json:"answer"`
	QType       string  `json:"qtype"`
	AnswerSpans [][]int `json:"answer_spans"`
	Start       int     `json:"answer_token_start"`
	End         int     `json:"answer_token_end"`
}

func readFacQA(path string) ([]facqaRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	var out []facqaRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		var r facqaRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// facqaRecall checks, for rows of one qtype, that the answer's rune range
// overlaps a span of the element; it also returns the mean spans per passage.
func facqaRecall(rows []facqaRow, qtype, element string) (recall, meanSpans float64, n int, misses []string) {
	hit, spans := 0, 0
	for _, r := range rows {
		if r.QType != qtype {
			continue
		}
		n++
		toks := strings.Split(r.Passage, " ")
		pos := make([]int, len(toks)+1)
		p := 0
		for i, t := range toks {
			pos[i] = p
			p += len([]rune(t)) + 1
		}
		pos[len(toks)] = p
		a, e := pos[r.Start], pos[r.End]-1
		got := Elements(r.Passage)[element]
		spans += len(got)
		if overlaps(got, a, e) {
			hit++
		} else {
			misses = append(misses, fmt.Sprintf("%q in %q -> %q", r.Answer, r.Passage, texts(got)))
		}
	}
	if n == 0 {
		return 0, 0, 0, nil
	}
	return float64(hit) / float64(n), float64(spans) / float64(n), n, misses
}

func TestFacQA(t *testing.T) {
	rows, err := readFacQA(filepath.Join(sharedDir(t), "data", "facqa", "facqa.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	kr, km, kn, _ := facqaRecall(rows, "kapan", Kapan)
	dr, dm, dn, _ := facqaRecall(rows, "dimana", DiMana)
	t.Logf("FacQA (train+valid), answer overlaps a span of the element:")
	t.Logf("  kapan:  recall=%.3f over %d rows, mean kapan spans per passage %.2f", kr, kn, km)
	t.Logf("  dimana: recall=%.3f over %d rows, mean di_mana spans per passage %.2f", dr, dn, dm)
	if kn != 346 || dn != 202 {
		t.Fatalf("rows kapan=%d dimana=%d, want 346 and 202", kn, dn)
	}
	if kr < floorFacQAKapan {
		t.Errorf("kapan recall %.3f below floor %.2f", kr, floorFacQAKapan)
	}
	if dr < floorFacQADiMana {
		t.Errorf("dimana recall %.3f below floor %.2f", dr, floorFacQADiMana)
	}
}
