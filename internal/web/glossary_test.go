package web

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/notice"
)

// glossaryAvoid reads the "hindari" column of README.md's Glosarium: the
// words the interface must not use, with the term to use instead.
func glossaryAvoid(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "\n## Glosarium\n")
	if !ok {
		t.Fatal("README.md has no \"## Glosarium\" section")
	}
	section, _, _ := strings.Cut(rest, "\n## ")
	avoid := map[string]string{}
	rows := 0
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		if len(cells) != 4 || strings.HasPrefix(strings.TrimSpace(cells[0]), "---") || strings.TrimSpace(cells[0]) == "konsep" {
			continue
		}
		rows++
		for _, w := range strings.Split(cells[3], ",") {
			if w = strings.TrimSpace(w); w != "" && w != "—" {
				avoid[w] = strings.TrimSpace(cells[1])
			}
		}
	}
	if rows < 10 || len(avoid) < 4 {
		t.Fatalf("the Glosarium has %d rows and %d words to avoid; the table was not read", rows, len(avoid))
	}
	return avoid
}

// TestGlossaryWordsOnly: no text a person reads — in a template, the
// navigation and labels Go writes, any message Go writes (forms, errors, the
// e-mail's greeting and footer: goMessageDirs), or any notification — uses a
// word the Glosarium says to avoid (notifikasi, filter, butir, surel, …), so
// one concept has one word everywhere.
func TestGlossaryWordsOnly(t *testing.T) {
	t.Parallel()
	avoid := glossaryAvoid(t)
	texts := map[string][]string{}
	for id, files := range templateRuns(t) {
		texts[id] = files
	}
	for _, s := range append(goTexts, goLabels()...) {
		texts[s] = append(texts[s], "Go")
	}
	for s, where := range goMessages(t) {
		texts[s] = append(texts[s], where)
	}
	p := domain.NoticeParams{SubmissionID: 1, Version: 1, Trainee: "Rina", CourseID: "k", ItemID: "p", ItemTitle: "Posyandu", Score: 70,
		Number: "BMT/1", CourseTitle: "Admin Media Sosial OPD", Reason: "Aula dipakai", SessionTopic: "Praktik", SessionWhen: "besok",
		CohortName: "Angkatan I", SessionPlace: "Aula", PrevTopic: "Praktik lama", PrevWhen: "lusa", PrevPlace: "Pendopo"}
	for _, k := range domain.NoticeKinds {
		x := notice.Render(domain.Notification{Kind: k, Params: p}, i18n.ID)
		texts[x.Subject] = append(texts[x.Subject], "notice "+string(k))
		texts[x.Message] = append(texts[x.Message], "notice "+string(k))
	}
	for w, use := range avoid {
		re := regexp.MustCompile(`(?i)(^|[^\pL])` + regexp.QuoteMeta(w) + `($|[^\pL])`)
		for text, where := range texts {
			if re.MatchString(text) {
				t.Errorf("%s: %q uses %q; the Glosarium says %s", where[0], text, w, use)
			}
		}
	}
}

// countFields are the names of values that print a number: a run that
// begins with one of them begins with a numeral.
var countFields = regexp.MustCompile(`^(N|Unread|Done|Correct|Missed|Matching|Left|Used|Met|Days|Percent|Remaining|Hours|Max|Min|KB|\w*(Total|Count))$`)

// TestNoSentenceOpensWithANumeral: the README writing rule (EYD V) — a
// sentence in a template or a Go message does not open with a count
// ("{{.Unread}} pemberitahuan belum dibaca." reads "Ada 3 pemberitahuan …").
// Fragments without a full stop (a cell's "2 dari 3 terpenuhi") are not
// sentences.
func TestNoSentenceOpensWithANumeral(t *testing.T) {
	t.Parallel()
	texts := templateRuns(t)
	for s, where := range goMessages(t) {
		texts[s] = append(texts[s], where)
	}
	lead := regexp.MustCompile(`^\{\{-?\s*(?:ribuan\s+|len\s+)?[$\w.]*?\.?(\w+)\s*-?\}\}`)
	for text, where := range texts {
		m := lead.FindStringSubmatch(text)
		if m == nil || !countFields.MatchString(m[1]) {
			continue
		}
		if strings.HasSuffix(strings.TrimSpace(text), ".") || strings.Contains(text, ". ") {
			t.Errorf("%s: %q opens a sentence with a numeral; begin with a word (Ada …, Sebanyak …)", where[0], text)
		}
	}
}
