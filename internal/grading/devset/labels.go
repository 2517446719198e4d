package devset

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// Elements are the six questions, in the order of the label columns; the
// names are the keys of the grader report's elements.
var Elements = [6]string{extract.Siapa, extract.Apa, extract.Kapan, extract.DiMana, extract.Mengapa, extract.Bagaimana}

// Segments of an article that carry labels.
const (
	Lead    = "lead"
	Article = "article"
)

// Labels are one article's answers: Lead[i] and Article[i] say whether the
// lead and the whole article answer Elements[i].
type Labels struct {
	Lead    [6]bool
	Article [6]bool
	// Note is the gold file's note column: for each settled cell,
	// "column: rules", items separated by ";" (see NoteFor).
	Note string
}

// NoteFor returns the rules the note gives for one column, e.g. "K2" from
// "lead_kapan: K2; article_bagaimana: B4", or "" when it names none.
func (l Labels) NoteFor(column string) string {
	for _, item := range strings.Split(l.Note, ";") {
		col, rules, ok := strings.Cut(item, ":")
		if ok && strings.TrimSpace(col) == column {
			return strings.TrimSpace(rules)
		}
	}
	return ""
}

// Get returns the label of one segment and element index.
func (l Labels) Get(segment string, i int) bool {
	if segment == Lead {
		return l.Lead[i]
	}
	return l.Article[i]
}

// LabelFile is one parsed label file, rows in file order.
type LabelFile struct {
	IDs  []string
	Rows map[string]Labels
}

// labelHeader is the required header of a label file (without note).
func labelHeader() []string {
	h := []string{"id"}
	for _, seg := range []string{Lead, Article} {
		for _, e := range Elements {
			h = append(h, seg+"_"+e)
		}
	}
	return h
}

// Column names one label column, e.g. "lead_di_mana".
func Column(segment string, i int) string { return segment + "_" + Elements[i] }

// ParseLabels reads a label file in the format of the package docs ("Files"):
// tab-separated, a header row, 0/1 labels, an optional note column. It refuses
// a duplicate id, a value other than 0 or 1, and an article label 0 where the
// lead label is 1 (rule G4). Errors name the line, in Indonesian.
func ParseLabels(r io.Reader) (*LabelFile, error) {
	want := labelHeader()
	lf := &LabelFile{Rows: map[string]Labels{}}
	sc := bufio.NewScanner(r)
	line, withNote := 0, false
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
			got := strings.Split(text, "\t")
			if len(got) == len(want)+1 && got[len(want)] == "note" {
				withNote, got = true, got[:len(want)]
			}
			if strings.Join(got, "\t") != strings.Join(want, "\t") {
				return nil, fmt.Errorf("baris 1: kepala kolom harus %q (boleh ditambah kolom note)", strings.Join(want, " "))
			}
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		cells := strings.Split(text, "\t")
		if n := len(cells); n != len(want) && !(withNote && n == len(want)+1) {
			return nil, fmt.Errorf("baris %d: %d kolom, seharusnya %d", line, n, len(want))
		}
		id := strings.TrimSpace(cells[0])
		if id == "" {
			return nil, fmt.Errorf("baris %d: id kosong", line)
		}
		if _, dup := lf.Rows[id]; dup {
			return nil, fmt.Errorf("baris %d: id %s muncul dua kali", line, id)
		}
		var l Labels
		for k := 1; k < len(want); k++ {
			var v bool
			switch strings.TrimSpace(cells[k]) {
			case "1":
				v = true
			case "0":
			default:
				return nil, fmt.Errorf("baris %d (%s), kolom %s: nilai %q, seharusnya 0 atau 1", line, id, want[k], cells[k])
			}
			if k <= len(Elements) {
				l.Lead[k-1] = v
			} else {
				l.Article[k-1-len(Elements)] = v
			}
		}
		for i := range Elements {
			if l.Lead[i] && !l.Article[i] {
				return nil, fmt.Errorf("baris %d (%s): %s bernilai 1 tetapi %s 0; teras adalah bagian artikel (aturan G4)",
					line, id, Column(Lead, i), Column(Article, i))
			}
		}
		if len(cells) > len(want) {
			l.Note = strings.TrimSpace(cells[len(want)])
		}
		lf.IDs = append(lf.IDs, id)
		lf.Rows[id] = l
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("membaca berkas label: %w", err)
	}
	if line == 0 {
		return nil, fmt.Errorf("berkas label kosong: baris kepala kolom tidak ada")
	}
	return lf, nil
}

// Entry is one manifest row: where the article's page is and how to find it
// again. The manifest holds no article text.
type Entry struct {
	ID, Address, Query string
	// BodyTruncated: the stored page ended before the article did, so the
	// cached text holds only the complete paragraphs before that point.
	BodyTruncated bool
}

// ParseManifest reads the tab-separated manifest: a header naming at least
// the columns id, address and query (others, such as body_truncated, are
// optional), then one row per article.
func ParseManifest(r io.Reader) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	col := map[string]int{}
	var out []Entry
	seen := map[string]bool{}
	line := 0
	for sc.Scan() {
		line++
		cells := strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t")
		if line == 1 {
			for i, c := range cells {
				col[strings.TrimSpace(strings.TrimPrefix(c, "\uFEFF"))] = i
			}
			for _, need := range []string{"id", "address", "query"} {
				if _, ok := col[need]; !ok {
					return nil, fmt.Errorf("manifes baris 1: kolom %s tidak ada", need)
				}
			}
			continue
		}
		if strings.TrimSpace(strings.Join(cells, "")) == "" {
			continue
		}
		get := func(name string) string {
			i, ok := col[name]
			if !ok || i >= len(cells) {
				return ""
			}
			return strings.TrimSpace(cells[i])
		}
		e := Entry{ID: get("id"), Address: get("address"), Query: get("query"), BodyTruncated: get("body_truncated") == "1"}
		if e.ID == "" || e.Address == "" || e.Query == "" {
			return nil, fmt.Errorf("manifes baris %d: id, address, dan query wajib diisi", line)
		}
		if seen[e.ID] {
			return nil, fmt.Errorf("manifes baris %d: id %s muncul dua kali", line, e.ID)
		}
		seen[e.ID] = true
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("membaca manifes: %w", err)
	}
	if line == 0 {
		return nil, fmt.Errorf("manifes kosong: baris kepala kolom tidak ada")
	}
	return out, nil
}
