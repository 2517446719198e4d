package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/grading/devset"
)

const devsetUsage = `Penggunaan: bimtek devset [--dir FOLDER] [--errors] [--disagreements]

Mengukur keputusan teras berita 5W1H penilai pada set pengembangan: berita pemerintah
daerah yang nyata, dilabeli dua penanda. Label dan manifes (id, alamat, kueri) tertanam
di program; teks berita tidak, karena dilindungi hak cipta: teks dibaca dari folder cache
di luar repositori (satu berkas <id>.txt per berita). Cara membangun kembali folder itu
ada di dokumentasi paket internal/grading/devset (go doc ./internal/grading/devset).

Opsi:
  --dir FOLDER      folder cache teks (bawaan: $BIMTEK_DEVSET_DIR, atau ~/.cache/bimtek-devset)
  --errors          tampilkan juga id berita yang keputusannya salah, per unsur
  --disagreements   tampilkan juga setiap label yang berbeda antara penanda A dan B
`

// devsetDir is the cache folder when --dir is not given.
func devsetDir(getenv func(string) string) string {
	if d := getenv("BIMTEK_DEVSET_DIR"); d != "" {
		return d
	}
	if d := getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "bimtek-devset")
	}
	return filepath.Join(getenv("HOME"), ".cache", "bimtek-devset")
}

// runDevset implements "bimtek devset". Exit codes: 0 report written (also
// when texts are missing: the report names them), 1 the embedded labels are
// broken or the report could not be written, 2 bad flags or no cache folder.
func runDevset(e env) int {
	fs := flag.NewFlagSet("devset", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dir := fs.String("dir", devsetDir(e.getenv), "")
	showErrors := fs.Bool("errors", false, "")
	showDiff := fs.Bool("disagreements", false, "")
	if err := fs.Parse(e.args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(e.stdout, devsetUsage)
			return 0
		}
		fmt.Fprintf(e.stderr, "bimtek devset: %s\n", strings.Replace(flagMessage(err), "--json, --brief, --now", "--dir, --errors, --disagreements", 1))
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "bimtek devset: argumen %q tidak dikenal; folder cache diberikan dengan --dir\n", fs.Arg(0))
		return 2
	}

	set, err := devset.Committed()
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek devset: label tertanam rusak: %v\n", err)
		return 1
	}
	texts, err := devset.ReadTexts(*dir, set.IDs())
	if errors.Is(err, devset.ErrNoCache) {
		fmt.Fprintf(e.stderr, "bimtek devset: folder cache %s tidak ada. Teks berita tidak disimpan di repositori; bangun kembali folder itu (lihat go doc ./internal/grading/devset, bagian \"Rebuilding the cache\") atau tunjuk folder lain dengan --dir.\n", *dir)
		return 2
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek devset: %v\n", err)
		return 2
	}
	ev := set.Evaluate(texts, devset.GraderLead)
	if err := writeDevsetReport(e.stdout, set, *dir, ev, *showErrors, *showDiff); err != nil {
		fmt.Fprintf(e.stderr, "bimtek devset: laporan gagal ditulis: %v\n", err)
		return 1
	}
	return 0
}

// decimal writes a figure with two decimals and the Indonesian decimal comma;
// an undefined figure is a dash.
func decimal(s devset.Stat) string {
	if !s.OK {
		return "–"
	}
	return strings.Replace(fmt.Sprintf("%.2f", s.V), ".", ",", 1)
}

// elementName is how an element reads in the devset report.
var elementName = map[string]string{
	"siapa": "siapa", "apa": "apa", "kapan": "kapan", "di_mana": "di mana", "mengapa": "mengapa", "bagaimana": "bagaimana",
}

func writeDevsetReport(w io.Writer, set *devset.Set, dir string, ev devset.Evaluation, showErrors, showDiff bool) error {
	var b strings.Builder
	ids := set.IDs()
	fmt.Fprintf(&b, "Set pengembangan 5W1H: %d berita dalam manifes; folder teks %s\n", len(ids), dir)
	if len(ev.Missing) == 0 && len(ev.Unusable) == 0 {
		fmt.Fprintf(&b, "Semua %d teks ada.\n", len(ids))
	}
	if len(ev.Missing) > 0 {
		fmt.Fprintf(&b, "TEKS TIDAK ADA (%d dari %d), tidak dihitung: %s\n", len(ev.Missing), len(ids), strings.Join(ev.Missing, ", "))
		b.WriteString("  Bangun kembali teks itu dari manifes (lihat go doc ./internal/grading/devset, bagian \"Rebuilding the cache\").\n")
	}
	if len(ev.Unusable) > 0 {
		fmt.Fprintf(&b, "TEKS TIDAK DAPAT DINILAI (%d), tidak dihitung:\n", len(ev.Unusable))
		for _, id := range ids {
			if why, ok := ev.Unusable[id]; ok {
				fmt.Fprintf(&b, "  %s: %s\n", id, why)
			}
		}
	}

	fmt.Fprintf(&b, "\nKeputusan teras berita penilai (versi %s) dibanding label emas, %d berita:\n", grading.Version, ev.Articles)
	fmt.Fprintf(&b, "%-10s %4s %8s %8s %17s %6s  %s\n", "unsur", "n", "positif", "negatif", "akurasi seimbang", "kappa", "target")
	judged, met := 0, 0
	for _, r := range ev.Elements {
		c := r.Confusion
		verdict := fmt.Sprintf("tidak dinilai (kurang dari %d positif atau %d negatif)", devset.MinClass, devset.MinClass)
		if r.Enough() {
			judged++
			verdict = "belum tercapai"
			if r.Met() {
				met++
				verdict = "tercapai"
			}
		}
		fmt.Fprintf(&b, "%-10s %4d %8d %8d %17s %6s  %s\n", elementName[r.Element], c.N(), c.Pos(), c.Neg(),
			decimal(c.BalancedAccuracy()), decimal(c.Kappa()), verdict)
	}
	target := strings.Replace(fmt.Sprintf("%.2f", devset.Target), ".", ",", 1)
	fmt.Fprintf(&b, "Target: kappa ≥ %s dan akurasi seimbang ≥ %s untuk setiap unsur yang punya sedikitnya %d positif dan %d negatif (menurut label emas). Tercapai pada %d dari %d unsur yang dinilai.\n",
		target, target, devset.MinClass, devset.MinClass, met, judged)
	b.WriteString("Positif: teras menjawab unsur itu menurut label emas. – berarti tidak terdefinisi.\n")

	if showErrors {
		b.WriteString("\nKeputusan yang salah (positif palsu: menurut penilai teras menjawab, menurut label emas tidak; negatif palsu: sebaliknya):\n")
		for _, r := range ev.Elements {
			fmt.Fprintf(&b, "  %s — positif palsu (%d): %s\n", elementName[r.Element], len(r.FalsePos), listOrNone(r.FalsePos))
			fmt.Fprintf(&b, "  %s — negatif palsu (%d): %s\n", elementName[r.Element], len(r.FalseNeg), listOrNone(r.FalseNeg))
		}
	}

	ag := devset.Agreement(set.A, set.B, ids)
	fmt.Fprintf(&b, "\nKesepakatan dua penanda (A dan B, sebelum penyelesaian selisih), kappa Cohen atas %d berita (tidak memerlukan teks):\n", len(ids))
	fmt.Fprintf(&b, "%-10s %11s %12s %11s %13s %14s %13s\n", "unsur", "kappa teras", "setuju teras", "beda teras", "kappa artikel", "setuju artikel", "beda artikel")
	for i, e := range devset.Elements {
		lead, art := ag[devset.Lead][i], ag[devset.Article][i]
		fmt.Fprintf(&b, "%-10s %11s %12s %11d %13s %14s %13d\n", elementName[e],
			decimal(lead.Kappa()), decimal(lead.Observed()), lead.FN+lead.FP,
			decimal(art.Kappa()), decimal(art.Observed()), art.FN+art.FP)
	}
	b.WriteString("Setuju: bagian berita yang diberi label sama oleh kedua penanda. Kappa tidak terdefinisi (–) bila kedua penanda memberi label yang sama untuk semua berita.\n")
	if showDiff {
		cells := devset.Disagreements(set.A, set.B, ids)
		fmt.Fprintf(&b, "\nLabel yang berbeda antara A dan B (%d), dengan aturan yang menyelesaikannya menurut label emas:\n", len(cells))
		for _, c := range cells {
			note := set.Gold.Rows[c.ID].NoteFor(c.Column)
			if note == "" {
				note = "(tanpa catatan)"
			}
			fmt.Fprintf(&b, "  %s %s: %s\n", c.ID, c.Column, note)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func listOrNone(ids []string) string {
	if len(ids) == 0 {
		return "tidak ada"
	}
	return strings.Join(ids, ", ")
}
