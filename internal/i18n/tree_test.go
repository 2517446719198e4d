package i18n

import (
	"html/template"
	"strings"
	"testing"
)

func translated(t *testing.T, src string, en map[string]string, data any) (string, []Run) {
	t.Helper()
	tm := template.Must(template.New("p").Parse(src))
	var runs []Run
	tr := &Translator{Lookup: func(r Run) (string, bool) {
		if s, ok := en[r.Tag+": "+r.ID]; ok {
			return s, true
		}
		s, ok := en[r.ID]
		return s, ok
	}, Seen: func(r Run) { runs = append(runs, r) }}
	for _, x := range tm.Templates() {
		if err := tr.Tree(x.Tree); err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	if err := tm.Execute(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.String(), runs
}

func TestTreeTranslatesTextAndShownAttributes(t *testing.T) {
	en := map[string]string{
		"Akun saya":              "My account",
		"Sisa {{.N}} kesempatan": "{{.N}} attempts left",
		"Cari nama":              "Search by name",
		"Hapus {{.Name}}":        "Remove {{.Name}}",
		"Kata sandi sekarang":    "Current password",
		"Dari {{.A}} ke {{.B}}":  "To {{.B}} from {{.A}}",
		"Ya":                     "Yes",
		"Tidak":                  "No",
		"Simpan":                 "Save",
		"Logo":                   "Logo",
		"Judul":                  "Heading",
		"Angkatan":               "Cohort",
		"h2: Angkatan":           "Cohorts",
		"Nama {{.Name}} terlalu": "Name {{.Name}} too",
	}
	src := `<h1 class="judul" title="Akun saya">Akun saya</h1>
<p>Sisa {{.N}} kesempatan</p>
<input name="q" placeholder="Cari nama" value="Cari nama">
<button aria-label='Hapus {{.Name}}'>x</button>
<label for="current">Kata sandi sekarang</label>
<p>{{if .Y}}Ya{{else}}Tidak{{end}}</p>
<p>Dari {{.A}} ke {{.B}}</p>
<!-- Simpan --><script>var s = "Simpan";</script><style>p{content:"Simpan"}</style>
<img alt=Logo src="/x.png"><b>Simpan</b>
<h2>Angkatan</h2><dl><dt>Angkatan</dt></dl><h2><a href="/">x</a> Angkatan</h2>
{{define "x"}}Judul{{end}}`
	data := map[string]any{"N": 3, "Name": `<script>alert(1)</script>`, "Y": true, "A": "a&b", "B": "c"}
	got, runs := translated(t, src, en, data)
	for _, want := range []string{
		`<h1 class="judul" title="My account">My account</h1>`,
		`<p>3 attempts left</p>`,
		`placeholder="Search by name" value="Cari nama"`,
		`aria-label='Remove &lt;script&gt;alert(1)&lt;/script&gt;'`,
		`<label for="current">Current password</label>`,
		`<p>Yes</p>`,
		`<p>To c from a&amp;b</p>`,
		`<script>var s = "Simpan";</script>`,
		`content:"Simpan"`,
		`<img alt=Logo src="/x.png"><b>Save</b>`,
		`<h2>Cohorts</h2><dl><dt>Cohort</dt></dl><h2><a href="/">x</a> Cohort</h2>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	ids := map[string]bool{}
	for _, r := range runs {
		ids[r.ID] = true
	}
	for _, want := range []string{"Judul", "Sisa {{.N}} kesempatan", "Ya", "Tidak", "Hapus {{.Name}}"} {
		if !ids[want] {
			t.Errorf("run %q not found; found %v", want, ids)
		}
	}
	if ids["Simpan"] && strings.Count(got, "Save") != 1 {
		t.Errorf("script, style or comment text taken for a run:\n%s", got)
	}
}

func TestSplitActionsRefusesALostAction(t *testing.T) {
	if _, _, err := SplitActions("attempts left", []string{"{{.N}}"}); err == nil {
		t.Fatal("a translation without the run's action was accepted")
	}
	if _, _, err := SplitActions("{{.N}} of {{.M}}", []string{"{{.N}}"}); err == nil {
		t.Fatal("a translation with a foreign action was accepted")
	}
}

func TestNegotiate(t *testing.T) {
	for h, want := range map[string]Lang{
		"": ID, "en-US,en;q=0.9": EN, "id-ID,id;q=0.9,en;q=0.8": ID, "fr-FR": ID, "fr, en;q=0.5": EN, "garbage;;": ID, "en-GB": EN, "ms": ID,
	} {
		if got := Negotiate(h); got != want {
			t.Errorf("Negotiate(%q) = %s, want %s", h, got, want)
		}
	}
}
