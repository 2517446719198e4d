package web

import (
	"encoding/json"
	"html/template"
	"io/fs"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/i18n"
	assets "github.com/bimtek/bimtek/web"
)

// templateRuns parses every template file as the renderer does and returns
// each text run a person reads, with the files it is in.
func templateRuns(t *testing.T) map[string][]string {
	t.Helper()
	r := &renderer{hashes: map[string]string{}}
	runs := map[string][]string{}
	files, err := fs.Glob(assets.Templates, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		tm, err := template.New("x").Funcs(r.funcs(i18n.ID)).ParseFS(assets.Templates, f)
		if err != nil {
			t.Fatal(err)
		}
		tr := &i18n.Translator{Seen: func(run i18n.Run) {
			if fs := runs[run.ID]; len(fs) == 0 || fs[len(fs)-1] != f {
				runs[run.ID] = append(fs, f)
			}
		}}
		for _, x := range tm.Templates() {
			if err := tr.Tree(x.Tree); err != nil {
				t.Fatal(err)
			}
		}
	}
	return runs
}

// goTexts are the texts Go writes into every page (header, navigation, footer).
var goTexts = []string{
	"Admin Media Sosial OPD", "Masuk", "Keluar", "Navigasi utama", "bimbingan teknis admin media sosial OPD", "versi",
	"Beranda", "Jadwal", "Sertifikat", "Kepatuhan OPD", "OPD", "Pengguna", "Angkatan", "Antrean penilaian",
	"Kesesuaian nilai", "Token API", "Akun saya", "Pemberitahuan",
	"Ikuti bahasa peramban", "Bahasa tampilan disimpan.", "Pilih salah satu bahasa yang tersedia.",
}

// TestEnglishCoverage fails on any text a person reads in a template (or in
// the page frame written in Go) that web/i18n/en.json does not translate,
// and on translations that lose or invent an action. The failure lists the
// missing entries ready to paste into the file.
func TestEnglishCoverage(t *testing.T) {
	t.Parallel()
	cat := loadCatalog(t)
	runs := templateRuns(t)
	for _, s := range append(goTexts, goLabels()...) {
		runs[s] = append(runs[s], "Go")
	}
	var missing []string
	for id, files := range runs {
		en, ok := cat.Lookup(id)
		if !ok {
			missing = append(missing, id)
			continue
		}
		checkActions(t, files[0], id, en)
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		var b strings.Builder
		for _, id := range missing {
			k, _ := json.Marshal(id)
			b.WriteString("  " + string(k) + ": \"\",   // " + strings.Join(runs[id], ", ") + "\n")
		}
		if os.Getenv("BIMTEK_I18N_MISSING") != "" {
			if err := os.WriteFile(os.Getenv("BIMTEK_I18N_MISSING"), []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Errorf("%d texts have no English in web/i18n/en.json; add them (the Indonesian text is the key):\n%s", len(missing), b.String())
	}
	t.Logf("%d texts, all translated", len(runs))
}

// goLabels are the labels Go gives the domain's values, which pages show
// through stateLabel and the other label functions or a field ending in Label.
func goLabels() []string {
	var out []string
	for _, r := range domain.Roles {
		out = append(out, r.Label())
	}
	for _, k := range domain.OPDKinds {
		out = append(out, k.Label)
	}
	for _, s := range []string{domain.StateNotStarted, domain.StateStarted, domain.StateDone, domain.StatePassed} {
		for _, k := range []course.Kind{course.KindLesson, course.KindQuiz, course.KindPractice} {
			out = append(out, domain.ItemStateLabel(string(k), s))
		}
	}
	for _, s := range []string{domain.AttendPresent, domain.AttendExcused, domain.AttendAbsent, ""} {
		out = append(out, domain.AttendanceLabel(s))
	}
	for _, s := range []domain.SubmissionState{domain.SubDraft, domain.SubSubmitted, domain.SubInReview, domain.SubReturned, domain.SubApproved, domain.SubRejected} {
		out = append(out, s.Label())
	}
	for _, s := range []domain.EnrollmentStatus{domain.EnrollmentActive, domain.EnrollmentFinished, domain.EnrollmentLeft} {
		out = append(out, enrollmentLabel(s))
	}
	for _, k := range []course.Kind{course.KindLesson, course.KindQuiz, course.KindPractice} {
		out = append(out, k.Label())
	}
	for _, s := range compliance.Statuses {
		out = append(out, s.Label())
	}
	for _, s := range []compliance.CertificateStatus{compliance.CertValid, compliance.CertExpired, compliance.CertRevoked} {
		out = append(out, s.Label())
	}
	for _, s := range []certify.Status{certify.Valid, certify.Expired, certify.Revoked} {
		out = append(out, s.Label())
	}
	for _, p := range compliance.Platforms {
		out = append(out, p.Label)
	}
	for _, c := range []string{grading.Crit5W1H, grading.CritAktual, grading.CritFaktual, grading.CritPenting, grading.CritMenarik, grading.CritStruktur, grading.CritBahasa} {
		out = append(out, grading.CriterionLabel(c))
	}
	for _, m := range []map[string]string{bandLabels, severityLabels, fieldLabels} {
		for _, l := range m {
			out = append(out, l)
		}
	}
	for _, e := range elementLabels {
		out = append(out, e.Label)
	}
	return out
}

// emptyAllowed are pieces of a sentence whose English says it elsewhere.
var emptyAllowed = map[string]bool{}

func loadCatalog(t *testing.T) *i18n.Catalog {
	t.Helper()
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// checkActions fails when the English of id loses or invents one of its
// actions ({{.N}}), adds or drops markup, or is empty.
func checkActions(t *testing.T, where, id, en string) {
	t.Helper()
	var actions []string
	for rest := id; ; {
		i := strings.Index(rest, "{{")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "}}")
		if j < 0 {
			break
		}
		actions = append(actions, rest[i:i+j+2])
		rest = rest[i+j+2:]
	}
	if _, _, err := i18n.SplitActions(en, actions); err != nil {
		t.Errorf("%s: %q: %v", where, id, err)
	}
	if strings.Count(en, "<") != strings.Count(id, "<") {
		t.Errorf("%s: the English of %q adds or drops markup: %q", where, id, en)
	}
	if strings.TrimSpace(en) == "" && !emptyAllowed[id] {
		t.Errorf("%s: %q has an empty translation", where, id)
	}
}

// writeMissing writes missing entries to $BIMTEK_I18N_MISSING, when set.
func writeMissing(t *testing.T, lines []string) {
	t.Helper()
	if path := os.Getenv("BIMTEK_I18N_MISSING"); path != "" {
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
