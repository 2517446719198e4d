package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const gradeTestRelease = `Diskominfo Sukamaju Latih 150 Admin Medsos Menulis Rilis

SUKAMAJU – Dinas Komunikasi dan Informatika (Diskominfo) Kabupaten Sukamaju melatih 150 admin media sosial dari 40 OPD menulis rilis berita di Aula Setda Kabupaten Sukamaju, Selasa (10/3/2026).

Kepala Diskominfo Sukamaju, Siti Nurhalimah, mengatakan pelatihan ini digelar agar setiap OPD mampu menyampaikan informasi kegiatan dengan cepat dan akurat.

"Informasi yang cepat tetapi salah akan merugikan masyarakat. Karena itu, periksa setiap fakta sebelum mengunggah," kata Siti.
`

const gradeTestBrief = `apa: Pelatihan penulisan rilis bagi admin media sosial OPD
siapa:
  - nama: Siti Nurhalimah
    jabatan: Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju
kapan: 2026-03-10
di_mana: Aula Setda Kabupaten Sukamaju
angka:
  - {nilai: 120, satuan: peserta, keterangan: admin media sosial}
publish_by_days: 1
`

const gradeTestNow = "--now=2026-03-10T16:00:00+07:00"

// writeTemp writes content into a file of a fresh temporary directory.
func writeTemp(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatalf("write %s: %v", p, err)
	}
	return p
}

// gradeRun calls runGrade with buffers.
func gradeRun(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runGrade(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestGradeTextReport(t *testing.T) {
	release := writeTemp(t, "rilis.txt", gradeTestRelease)
	code, out, errOut := gradeRun(t, "", gradeTestNow, release)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if errOut != "" {
		t.Errorf("stderr = %q, want nothing", errOut)
	}
	for _, want := range []string{"Nilai: ", "/100", "Kriteria", "5W1H", "Faktual", "Bahasa", "di teras", "Statistik:"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
}

func TestGradeTextReportShowsFindingWithPassageAndSuggestion(t *testing.T) {
	release := writeTemp(t, "rilis.txt", strings.Replace(gradeTestRelease, "Selasa (10/3/2026)", "Kamis (10/3/2026)", 1))
	code, out, errOut := gradeRun(t, "", release, gradeTestNow) // flag after the file works too
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"[KESALAHAN] aktual", `"Kamis (10/3/2026)"`, "Perbaikan: Selasa (10/3/2026)"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
}

func TestGradeJSONFromStdinWithBrief(t *testing.T) {
	brief := writeTemp(t, "brief.yaml", gradeTestBrief)
	code, out, errOut := gradeRun(t, gradeTestRelease, "--json", "--brief", brief, gradeTestNow, "-")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"grader_version", "score", "band", "criteria", "elements", "stats", "findings"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	criteria, _ := rep["criteria"].([]any)
	if len(criteria) != 7 {
		t.Fatalf("criteria = %d entries, want 7", len(criteria))
	}
	for _, c := range criteria {
		m := c.(map[string]any)
		for _, k := range []string{"id", "label", "score", "weight", "summary"} {
			if _, ok := m[k]; !ok {
				t.Errorf("criterion %v lacks %q", m["id"], k)
			}
		}
	}
	elements, _ := rep["elements"].(map[string]any)
	for _, id := range []string{"siapa", "apa", "kapan", "di_mana", "mengapa", "bagaimana"} {
		el, ok := elements[id].(map[string]any)
		if !ok {
			t.Errorf("elements lacks %q", id)
			continue
		}
		for _, k := range []string{"found", "in_lead", "spans"} {
			if _, ok := el[k]; !ok {
				t.Errorf("element %s lacks %q", id, k)
			}
		}
	}
	stats, _ := rep["stats"].(map[string]any)
	for _, k := range []string{"words", "sentences", "paragraphs", "lead_words", "headline_words", "avg_sentence_words"} {
		if _, ok := stats[k]; !ok {
			t.Errorf("stats lacks %q", k)
		}
	}
	// The brief says 120 participants: the release's 150 is a factual error.
	found := false
	for _, f := range rep["findings"].([]any) {
		m := f.(map[string]any)
		for _, k := range []string{"criterion", "severity", "field", "start", "end", "message"} {
			if _, ok := m[k]; !ok {
				t.Errorf("finding %v lacks %q", m, k)
			}
		}
		if m["criterion"] == "faktual" && m["severity"] == "kesalahan" && strings.HasPrefix(m["suggestion"].(string), "120") {
			found = true
		}
	}
	if !found {
		t.Errorf("no faktual kesalahan suggesting 120 in %s", out)
	}
}

func TestGradeBadInput(t *testing.T) {
	release := writeTemp(t, "rilis.txt", gradeTestRelease)
	empty := writeTemp(t, "kosong.txt", "  \n\n \n")
	binary := writeTemp(t, "gambar.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
	headlineOnly := writeTemp(t, "judul.txt", "Hanya Judul Tanpa Isi\n\n")
	badBrief := writeTemp(t, "brief.yaml", "apa: Pelatihan\nkapan: 10 Maret 2026\n")
	unknownKey := writeTemp(t, "brief2.yaml", "apa: Pelatihan\nkapan: 2026-03-10\ntempat: Aula\n")
	missing := filepath.Join(t.TempDir(), "tidak-ada.txt")

	cases := []struct {
		name  string
		stdin string
		args  []string
		want  string // part of the one stderr line
	}{
		{"empty file", "", []string{gradeTestNow, empty}, "kosong"},
		{"empty stdin", "", []string{gradeTestNow, "-"}, "kosong"},
		{"binary", "", []string{gradeTestNow, binary}, "UTF-8"},
		{"missing body", "", []string{gradeTestNow, headlineOnly}, "isi rilis kosong"},
		{"brief bad date", "", []string{gradeTestNow, "--brief", badBrief, release}, "baris 2: kapan harus berupa tanggal YYYY-MM-DD"},
		{"brief unknown key", "", []string{gradeTestNow, "--brief", unknownKey, release}, `baris 3: kunci "tempat" tidak dikenal`},
		{"brief missing", "", []string{gradeTestNow, "--brief", missing, release}, "tidak ditemukan"},
		{"bad now", "", []string{"--now", "kemarin", release}, "--now"},
		{"unknown flag", "", []string{"--warna", release}, "opsi -warna tidak dikenal"},
		{"flag without value", "", []string{release, "--brief"}, "memerlukan nilai"},
		{"missing file", "", []string{gradeTestNow, missing}, "tidak ditemukan"},
		{"no file", "", []string{gradeTestNow}, "tepat satu berkas"},
		{"two files", "", []string{gradeTestNow, release, release}, "tepat satu berkas"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := gradeRun(t, tc.stdin, tc.args...)
			if code != 2 {
				t.Fatalf("exit %d, want 2 (stdout %q, stderr %q)", code, out, errOut)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
			if n := strings.Count(errOut, "\n"); n != 1 || !strings.HasSuffix(errOut, "\n") {
				t.Errorf("stderr has %d lines, want exactly one: %q", n, errOut)
			}
			if !strings.Contains(errOut, tc.want) {
				t.Errorf("stderr = %q, want it to contain %q", errOut, tc.want)
			}
		})
	}
}

func TestGradeHelp(t *testing.T) {
	code, out, _ := gradeRun(t, "", "--help")
	if code != 0 || !strings.Contains(out, "Penggunaan: bimtek grade") {
		t.Fatalf("--help: exit %d, stdout %q", code, out)
	}
}

const ktpPractice = "../../courses/admin-medsos-opd/02-perencanaan-konten/rilis-jemput-bola-ktp-el.practice.yaml"

// TestGradePractice grades against a practice file as the web app does: its
// ketentuan apply, so a release of one paragraph cannot pass.
func TestGradePractice(t *testing.T) {
	leadOnly := "Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n\n" +
		"SUKAMAJU – Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) Kabupaten Sukamaju membuka layanan jemput bola perekaman KTP-el di Aula Kantor Kecamatan Cikadu, Kamis (16/4/2026), karena 1.240 warga Cikadu belum merekam data.\n"
	code, out, errOut := gradeRun(t, leadOnly, "--json", "--practice", ktpPractice, "-")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var rep struct {
		Score    int
		Band     string
		Criteria []struct {
			ID     string
			Weight int
		}
		Findings []struct{ Severity, Message string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Score > 54 || rep.Band != "perlu_perbaikan" {
		t.Errorf("lead-only release scored %d %s", rep.Score, rep.Band)
	}
	found := false
	for _, f := range rep.Findings {
		found = found || f.Severity == "kesalahan" && strings.Contains(f.Message, "kurang dari separuh")
	}
	if !found {
		t.Errorf("no finding on the length rule: %+v", rep.Findings)
	}
	for _, c := range rep.Criteria {
		if c.ID == "penting" && c.Weight != 15 {
			t.Errorf("penting weight %d; the practice's rubric says 15", c.Weight)
		}
	}

	if code, _, errOut := gradeRun(t, leadOnly, "--practice", ktpPractice, "--brief", ktpPractice, "-"); code != 2 || !strings.Contains(errOut, "pilih salah satu") {
		t.Errorf("--brief with --practice: exit %d, %q", code, errOut)
	}
	missing := filepath.Join(t.TempDir(), "tidak-ada.practice.yaml")
	if code, _, errOut := gradeRun(t, leadOnly, "--practice", missing, "-"); code != 2 || !strings.Contains(errOut, "tidak ditemukan") {
		t.Errorf("missing practice: exit %d, %q", code, errOut)
	}
}

// Invisible characters pasted from a word processor must not hide a split
// passive prefix: NBSP and a zero-width space are flagged like a plain space,
// and the quoted passage is the normalised text the offsets refer to.
func TestGradeNormalisesInvisibleCharacters(t *testing.T) {
	report := func(t *testing.T, variant string) string {
		t.Helper()
		release := strings.Replace(gradeTestRelease, "digelar agar", variant+" agar", 1)
		code, out, errOut := gradeRun(t, release, gradeTestNow, "-")
		if code != 0 {
			t.Fatalf("exit %d, stderr %q", code, errOut)
		}
		return out
	}
	const finding = `"di laksanakan"`
	for _, v := range []string{"di laksanakan", "di\u00a0laksanakan", "di\u200b laksanakan", "di\u2060\u00a0laksanakan", "di\ufeff laksa\u00adnakan"} {
		out := report(t, v)
		if !strings.Contains(out, finding) || !strings.Contains(out, "Perbaikan: dilaksanakan") {
			t.Errorf("%+q is not flagged like \"di laksanakan\":\n%s", v, out)
		}
	}
	if out := report(t, "dilaksanakan"); strings.Contains(out, finding) {
		t.Errorf("the joined form is flagged too:\n%s", out)
	}
}
