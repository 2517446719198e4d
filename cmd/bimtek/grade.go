package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/bimtek/bimtek/internal/grading"
)

const gradeUsage = `Penggunaan: bimtek grade [--json] [--brief BERKAS | --practice BERKAS] [--now RFC3339] BERKAS|-

Menilai satu rilis. Baris pertama yang tidak kosong adalah judul, sisanya isi rilis.
Tulis - sebagai BERKAS untuk membaca dari masukan standar.

Opsi:
  --json          keluaran JSON (skema Report di web/static/openapi.yaml), bukan laporan teks
  --brief BERKAS  lembar fakta YAML latihan untuk memeriksa kecocokan fakta
  --practice BERKAS
                  berkas latihan *.practice.yaml: lembar fakta, ketentuan, dan bobot rubriknya,
                  dinilai seperti di aplikasi (waktu penulisan bawaan: sore hari kegiatan)
  --now WAKTU     waktu penulisan dalam format RFC 3339, misalnya 2026-03-10T16:00:00+07:00
                  (bawaan: waktu sekarang)
`

// maxReleaseBytes bounds what grade reads: a release is a few kilobytes, and
// a runaway pipe should not exhaust memory.
const maxReleaseBytes = 4 << 20

// runGrade implements "bimtek grade". Exit codes: 0 graded, 1 output could not
// be written, 2 bad input (one Indonesian line on stderr).
func runGrade(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("grade", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // our own one-line messages replace flag's English ones
	asJSON := fs.Bool("json", false, "")
	briefPath := fs.String("brief", "", "")
	practicePath := fs.String("practice", "", "")
	nowText := fs.String("now", "", "")

	// Accept flags before and after the file name.
	var files []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, gradeUsage)
				return 0
			}
			return fail(stderr, flagMessage(err))
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		files = append(files, rest[0])
		rest = rest[1:]
	}
	if len(files) != 1 {
		return fail(stderr, "sebutkan tepat satu berkas rilis (atau - untuk masukan standar); lihat bimtek grade --help")
	}

	if *briefPath != "" && *practicePath != "" {
		return fail(stderr, "pilih salah satu: --brief atau --practice")
	}
	now := time.Now()
	var weights map[string]int
	var brief *grading.Brief
	if *practicePath != "" {
		var err error
		if brief, weights, err = readPractice(*practicePath); err != nil {
			return fail(stderr, err.Error())
		}
		if ev, ok := brief.EventDate(); ok {
			// The web app assumes a practice release is written on the afternoon of the event.
			now = time.Date(ev.Year(), ev.Month(), ev.Day(), 17, 0, 0, 0, time.FixedZone("WIB", 7*3600))
		}
	}
	if *nowText != "" {
		t, err := time.Parse(time.RFC3339, *nowText)
		if err != nil {
			return fail(stderr, fmt.Sprintf("nilai --now %q tidak valid; gunakan format RFC 3339, misalnya 2026-03-10T16:00:00+07:00", *nowText))
		}
		now = t
	}

	if *briefPath != "" {
		data, err := os.ReadFile(*briefPath)
		if err != nil {
			return fail(stderr, fmt.Sprintf("berkas brief %s tidak dapat dibaca: %s", *briefPath, osReason(err)))
		}
		if brief, err = grading.ParseBrief(data); err != nil {
			return fail(stderr, fmt.Sprintf("brief %s: %v", *briefPath, err))
		}
	}

	text, name, err := readRelease(files[0], stdin)
	if err != nil {
		return fail(stderr, err.Error())
	}
	// Split the raw text so binary input is still refused, then normalise
	// both parts so offsets refer to the text printed back.
	headline, body, err := grading.SplitRelease(text)
	if err == nil {
		headline = strings.TrimSpace(grading.NormalizeText(headline))
		if body = strings.TrimSpace(grading.NormalizeText(body)); body == "" {
			err = grading.ErrNoBody
		}
	}
	if err != nil {
		return fail(stderr, fmt.Sprintf("%s: %v", name, err))
	}

	rep := grading.Grade(grading.Input{Headline: headline, Body: body, Brief: brief, Now: now, Weights: weights})
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(rep)
	} else {
		err = writeTextReport(stdout, rep, headline, body)
	}
	if err != nil {
		fmt.Fprintf(stderr, "bimtek grade: laporan gagal ditulis: %v\n", err)
		return 1
	}
	return 0
}

// fail prints one line and returns the bad-input exit code.
func fail(stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "bimtek grade: %s\n", msg)
	return 2
}

// flagMessage turns the flag package's English errors into Indonesian.
func flagMessage(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return fmt.Sprintf("opsi %s tidak dikenal; opsi yang ada: --json, --brief, --practice, --now", name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return fmt.Sprintf("opsi %s memerlukan nilai", name)
	}
	return fmt.Sprintf("opsi tidak valid (%s); lihat bimtek grade --help", msg)
}

// osReason explains a file error in Indonesian.
func osReason(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "berkas tidak ditemukan"
	case errors.Is(err, os.ErrPermission):
		return "tidak ada izin membaca berkas"
	}
	return err.Error()
}

// readRelease reads the release from a file or, for "-", from stdin, and
// returns it with a name for messages.
func readRelease(path string, stdin io.Reader) (string, string, error) {
	var r io.Reader = stdin
	name := "masukan standar"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return "", "", fmt.Errorf("berkas rilis %s tidak dapat dibuka: %s", path, osReason(err))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return "", "", fmt.Errorf("%s adalah folder, bukan berkas rilis", path)
		}
		r, name = f, path
	}
	data, err := io.ReadAll(io.LimitReader(r, maxReleaseBytes+1))
	if err != nil {
		return "", "", fmt.Errorf("%s tidak dapat dibaca: %w", name, err)
	}
	if len(data) > maxReleaseBytes {
		return "", "", fmt.Errorf("%s lebih dari %d MB; rilis biasanya hanya beberapa kilobita", name, maxReleaseBytes>>20)
	}
	return string(data), name, nil
}

// severityLabel is how a severity reads in the text report.
var severityLabel = map[string]string{
	grading.SevInfo:       "INFO",
	grading.SevSaran:      "SARAN",
	grading.SevPeringatan: "PERINGATAN",
	grading.SevKesalahan:  "KESALAHAN",
}

// bandLabel is how a band reads in the text report.
var bandLabel = map[string]string{
	grading.BandSangatBaik:     "sangat baik",
	grading.BandBaik:           "baik",
	grading.BandCukup:          "cukup",
	grading.BandPerluPerbaikan: "perlu perbaikan",
}

// elementLabel names the 5W1H rows of the text report.
var elementLabel = map[string]string{
	"siapa": "Siapa", "apa": "Apa", "kapan": "Kapan", "di_mana": "Di mana", "mengapa": "Mengapa", "bagaimana": "Bagaimana",
}

// maxPassageRunes shortens long quoted passages in the text report.
const maxPassageRunes = 90

// writeTextReport prints the report for a person at a terminal.
func writeTextReport(w io.Writer, rep grading.Report, headline, body string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Nilai: %d/100 (%s)\n", rep.Score, bandLabel[rep.Band])
	fmt.Fprintf(&b, "Versi penilai: %s\n\n", rep.GraderVersion)

	b.WriteString("Kriteria\n")
	for _, c := range rep.Criteria {
		fmt.Fprintf(&b, "  %-9s %3d  (bobot %2d)  %s\n", c.Label, c.Score, c.Weight, c.Summary)
	}

	b.WriteString("\n5W1H         ditemukan  di teras  contoh\n")
	for _, id := range []string{"siapa", "apa", "kapan", "di_mana", "mengapa", "bagaimana"} {
		el := rep.Elements[id]
		example := ""
		if len(el.Spans) > 0 {
			example = fmt.Sprintf("%q", shorten(el.Spans[0].Text, 50))
		}
		fmt.Fprintf(&b, "  %-10s %-10s %-9s %s\n", elementLabel[id], yaTidak(el.Found), yaTidak(el.InLead), example)
	}

	s := rep.Stats
	avg := strings.Replace(fmt.Sprintf("%.1f", s.AvgSentenceWords), ".", ",", 1) // Indonesian decimal comma
	fmt.Fprintf(&b, "\nStatistik: %d kata, %d kalimat, %d paragraf; teras %d kata; judul %d kata; rata-rata %s kata per kalimat\n",
		s.Words, s.Sentences, s.Paragraphs, s.LeadWords, s.HeadlineWords, avg)

	if len(rep.Findings) == 0 {
		b.WriteString("\nTidak ada temuan. Bagus!\n")
	} else {
		fmt.Fprintf(&b, "\nTemuan (%d)\n", len(rep.Findings))
		inHeadline, inBody := newRuneIndex(headline), newRuneIndex(body)
		for i, f := range rep.Findings {
			where := "isi"
			if f.Field == grading.FieldJudul {
				where = "judul"
			}
			fmt.Fprintf(&b, "%2d. [%s] %s, %s", i+1, severityLabel[f.Severity], f.Criterion, where)
			text := inBody
			if f.Field == grading.FieldJudul {
				text = inHeadline
			}
			if p := text.slice(f.Start, f.End); p != "" {
				fmt.Fprintf(&b, ": %q", shorten(p, maxPassageRunes))
			}
			fmt.Fprintf(&b, "\n    %s\n", f.Message)
			if f.Suggestion != "" {
				fmt.Fprintf(&b, "    Perbaikan: %s\n", f.Suggestion)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// runeIndex slices text by rune offsets in constant time. Finding.Passage
// walks the text from its start for every finding, which made the report of a
// long release with many findings quadratic (4 MB: about a minute).
type runeIndex struct {
	text  string
	bytes []int // byte offset of each rune, then len(text)
}

func newRuneIndex(text string) runeIndex {
	ix := runeIndex{text: text, bytes: make([]int, 0, len(text)+1)}
	for i := range text {
		ix.bytes = append(ix.bytes, i)
	}
	ix.bytes = append(ix.bytes, len(text))
	return ix
}

// slice returns the runes [start, end), or "" when they are not in the text,
// as Finding.Passage does.
func (ix runeIndex) slice(start, end int) string {
	if start < 0 || end < start || end >= len(ix.bytes) {
		return ""
	}
	return ix.text[ix.bytes[start]:ix.bytes[end]]
}

func yaTidak(v bool) string {
	if v {
		return "ya"
	}
	return "tidak"
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// readPractice reads the brief (with its ketentuan) and the rubric weights of
// a practice file. The file is checked as far as grading needs; "bimtek
// courses check" checks the rest.
func readPractice(path string) (*grading.Brief, map[string]int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("berkas latihan %s tidak dapat dibaca: %s", path, osReason(err))
	}
	var doc struct {
		Brief  yaml.Node      `yaml:"brief"`
		Rubric map[string]int `yaml:"rubric"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, fmt.Errorf("latihan %s: YAML tidak dapat dibaca: %w", path, err)
	}
	if doc.Brief.Kind == 0 {
		return nil, nil, fmt.Errorf("latihan %s tidak memuat brief", path)
	}
	raw, err := yaml.Marshal(&doc.Brief)
	if err != nil {
		return nil, nil, fmt.Errorf("latihan %s: %w", path, err)
	}
	b, err := grading.ParseBrief(raw)
	if err != nil {
		return nil, nil, fmt.Errorf("brief pada latihan %s: %v", path, err)
	}
	if err := grading.ValidateWeights(doc.Rubric); err != nil {
		return nil, nil, fmt.Errorf("rubric pada latihan %s: %w", path, err)
	}
	return b, doc.Rubric, nil
}
