package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/grading/devset"
)

// Two invented releases stand in for the cached articles dev001 and dev002.
var devsetTestTexts = map[string]string{
	"dev001": "Dinkes Sukamaju Buka Vaksinasi Keliling\n\nSUKAMAJU – Dinas Kesehatan Kabupaten Sukamaju membuka layanan vaksinasi keliling di Balai Desa Mekarsari, Senin (2/3/2026), untuk menjangkau warga lansia.\n\nLayanan dibuka secara bergiliran di 12 desa.\n",
	"dev002": "Pasar Murah di Kecamatan Sukamaju\n\nPemerintah Kabupaten Sukamaju menggelar pasar murah menjelang Ramadan.\n\nKepala Dinas Perdagangan, Rina Wati, mengatakan 2.000 paket disiapkan.\n",
}

func TestDevsetReportNamesMissingTextsAndPrintsTheTable(t *testing.T) {
	set, err := devset.Committed()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for id, text := range devsetTestTexts {
		if err := os.WriteFile(filepath.Join(dir, id+".txt"), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// The folder comes from the environment when --dir is not given.
	code, out, errOut := runCmd(t, context.Background(), "", map[string]string{"BIMTEK_DEVSET_DIR": dir}, "devset", "--errors", "--disagreements")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}

	ids := set.IDs()
	missing := regexp.MustCompile(`TEKS TIDAK ADA \((\d+) dari (\d+)\), tidak dihitung: (.*)\n`).FindStringSubmatch(out)
	if missing == nil {
		t.Fatalf("no missing-text line in:\n%s", out)
	}
	if missing[1] != fmt.Sprint(len(ids)-2) || missing[2] != fmt.Sprint(len(ids)) {
		t.Errorf("missing %s of %s, want %d of %d", missing[1], missing[2], len(ids)-2, len(ids))
	}
	if want := strings.Join(ids[2:], ", "); missing[3] != want {
		t.Errorf("missing list %q, want %q", missing[3], want)
	}
	if !strings.Contains(out, "folder teks "+dir) {
		t.Errorf("the report does not name the folder %s", dir)
	}

	// One row per element over the two texts, with the gold counts of dev001
	// and dev002 and the grader's own decisions.
	for i, e := range devset.Elements {
		var c devset.Confusion
		var falsePos []string
		for _, id := range []string{"dev001", "dev002"} {
			d, err := devset.GraderLead(devsetTestTexts[id])
			if err != nil {
				t.Fatal(err)
			}
			gold := set.Gold.Rows[id].Lead[i]
			c.Add(gold, d[i])
			if d[i] && !gold {
				falsePos = append(falsePos, id)
			}
		}
		fp := fmt.Sprintf("  %s — positif palsu (%d): %s\n", elementName[e], len(falsePos), listOrNone(falsePos))
		if !strings.Contains(out, fp) {
			t.Errorf("no line %q in:\n%s", fp, out)
		}
		row := fmt.Sprintf("%-10s %4d %8d %8d %17s %6s  tidak dinilai (kurang dari 5 positif atau 5 negatif)",
			elementName[e], 2, c.Pos(), c.Neg(), decimal(c.BalancedAccuracy()), decimal(c.Kappa()))
		if !strings.Contains(out, row+"\n") {
			t.Errorf("no row %q in:\n%s", row, out)
		}
	}
	if !strings.Contains(out, "Tercapai pada 0 dari 0 unsur yang dinilai.") {
		t.Errorf("no target summary in:\n%s", out)
	}
	if !strings.Contains(out, fmt.Sprintf("kappa Cohen atas %d berita", len(ids))) {
		t.Errorf("no inter-annotator table in:\n%s", out)
	}
	cells := devset.Disagreements(set.A, set.B, ids)
	if len(cells) == 0 {
		t.Fatal("A and B never differ")
	}
	first := cells[0]
	line := fmt.Sprintf("  %s %s: %s\n", first.ID, first.Column, set.Gold.Rows[first.ID].NoteFor(first.Column))
	if !strings.Contains(out, fmt.Sprintf("antara A dan B (%d)", len(cells))) || !strings.Contains(out, line) {
		t.Errorf("no disagreement list with %d cells and line %q in:\n%s", len(cells), line, out)
	}
}

func TestDevsetWithoutCacheFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tidak-ada")
	code, out, errOut := runCmd(t, context.Background(), "", nil, "devset", "--dir", dir)
	if code != 2 || out != "" {
		t.Fatalf("exit %d, stdout %q; want 2 and nothing", code, out)
	}
	for _, want := range []string{"folder cache " + dir + " tidak ada", "Rebuilding the cache", "--dir"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q lacks %q", errOut, want)
		}
	}
	if code, _, errOut := runCmd(t, context.Background(), "", nil, "devset", "extra"); code != 2 || !strings.Contains(errOut, "--dir") {
		t.Errorf("stray argument: exit %d, stderr %q", code, errOut)
	}
}

func TestDevsetDefaultFolder(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"BIMTEK_DEVSET_DIR": "/x/set", "HOME": "/home/u"}, "/x/set"},
		{map[string]string{"XDG_CACHE_HOME": "/c", "HOME": "/home/u"}, "/c/bimtek-devset"},
		{map[string]string{"HOME": "/home/u"}, "/home/u/.cache/bimtek-devset"},
	} {
		if got := devsetDir(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("%v: %s, want %s", tc.env, got, tc.want)
		}
	}
}
