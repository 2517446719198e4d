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
// navigation and labels Go writes, or any notification — uses a word the
// Glosarium says to avoid (notifikasi, filter, butir, surel, …), so one
// concept has one word everywhere.
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
	p := domain.NoticeParams{SubmissionID: 1, Version: 1, Trainee: "Rina", CourseID: "k", ItemID: "p", ItemTitle: "Posyandu", Score: 70,
		Number: "BMT/1", CourseTitle: "Admin Medsos", Reason: "Aula dipakai", SessionTopic: "Praktik", SessionWhen: "besok",
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
