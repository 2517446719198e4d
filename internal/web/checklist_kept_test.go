package web

import (
	"bytes"
	"slices"
	"testing"

	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestKeptChecklistFollowsEveryShownField: a checklist that differs in any
// field the section shows gets its own rendering, the template's.
func TestKeptChecklistFollowsEveryShownField(t *testing.T) {
	f := newFixture(t, testkit.SQLite(t))
	base := checklist{Summary: "Persyaratan sertifikat: 1 dari 3 terpenuhi.", Todo: "Yang perlu Anda lakukan: hubungi fasilitator.",
		Lines: []checkLine{{Label: "Materi selesai: 1 dari 2", State: checkOpen, Badge: "Belum", Notes: []string{"a"}},
			{Label: "Masa angkatan berakhir besok.", State: checkInfo, Badge: "Batas waktu"}}}
	variants := []func(*checklist){
		func(*checklist) {},
		func(c *checklist) { c.Complete = true },
		func(c *checklist) { c.Blocked = true },
		func(c *checklist) { c.Summary = "Semua persyaratan sertifikat terpenuhi." },
		func(c *checklist) { c.Todo = "" },
		func(c *checklist) { c.Lines[0].Label = "Kuis lulus: 1 dari 2" },
		func(c *checklist) { c.Lines[0].State = checkMet },
		func(c *checklist) { c.Lines[0].Badge = "Terpenuhi" },
		func(c *checklist) { c.Lines[0].Notes = nil },
		func(c *checklist) { c.Lines[0].Notes = []string{"a", "b"} },
		func(c *checklist) { c.Lines[0].Notes = []string{"ab"} },
		func(c *checklist) { c.Lines[1].Label, c.Lines[1].Notes = "", []string{"Masa angkatan berakhir besok."} },
		func(c *checklist) { c.Lines = c.Lines[:1] },
	}
	for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
		for round := 0; round < 2; round++ { // the second round is served from the kept ones
			for i, change := range variants {
				cl := base
				cl.Lines = slices.Clone(base.Lines)
				for j := range cl.Lines {
					cl.Lines[j].Notes = slices.Clone(cl.Lines[j].Notes)
				}
				change(&cl)
				got, err := f.srv.checklistHTML(l, cl)
				if err != nil {
					t.Fatal(err)
				}
				var want bytes.Buffer
				tm, _ := f.srv.tmpl.page(l, "course")
				if err := tm.ExecuteTemplate(&want, "course_checklist", cl); err != nil {
					t.Fatal(err)
				}
				if string(got) != want.String() {
					t.Errorf("%s, variant %d, round %d: kept\n%s\ntemplate\n%s", l, i, round, got, want.String())
				}
			}
		}
	}
}
