package grading

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
)

// devsetCacheTexts returns the bodies of the cached devset articles (real
// regional-government news), when the cache is on this machine.
func devsetCacheTexts(t *testing.T) []string {
	t.Helper()
	dir := os.Getenv("BIMTEK_DEVSET_DIR")
	if dir == "" {
		dir = "/work/cache/bimtek-devset"
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(names)
	var texts []string
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, body, err := SplitRelease(string(b)); err == nil {
			texts = append(texts, body)
		}
	}
	return texts
}

// ruleRate grades each text as a body without a brief and returns how many
// draw a finding of the rule.
func ruleRate(t *testing.T, texts []string, rule string) int {
	t.Helper()
	n := 0
	for _, text := range texts {
		rep := Grade(Input{Headline: "Pemkab Sukamaju Buka Layanan bagi Warga", Body: text})
		for _, f := range rep.Findings {
			if f.Rule == rule {
				n++
				if testing.Verbose() {
					t.Logf("%s: %q", rule, f.Passage("", text))
				}
				break
			}
		}
	}
	return n
}

// styleFalseAlarmMax bounds the share of real news texts (FacQA passages
// and idner sentences, edited news) on which each style rule fires. Measured
// at 1.41.0: opini-penulis 71 of 3,635 (grader 1.39.0: 69; the two more are
// a writer's "berita segar" and a quote whose marks the corpus dropped);
// at 1.42.0 waktu-samar 45 (1.41.0: 36; the nine more are "pekan lalu",
// "bulan depan", "akhir pekan ini" and the like, vague in a release that is
// read days later, though a daily paper may write them); at 1.44.0
// teras-seremonial 24 (1.43.0: 23; the one more opens "Usai upacara, …"),
// frasa-seremonial 49, as before, and penutup-seremonial none; at 1.61.0
// bentuk-terikat 24 ("non subsidi", "antar lembaga", "multi-budaya": each
// a bound form EYD V joins, which edited news still writes apart); at
// 1.71.0 tanda-pisah 18 (each a range of days written "7-19 Juli"),
// pukul-titik none and bilangan-awal-kalimat one; opini-penulis 72 (the
// one more a bare "benar-benar pimpin"), waktu-samar 45 as before (no
// "akan segera" of a writer's own account in the corpus); at 1.72.0, with
// the opinion classes (opinionclass.go), opini-penulis 74 (a writer's
// "Semoga" and "apik"; on the devset articles, government releases, 6 of
// 77 instead of 4: "Diharapkan …" and "menunjukkan komitmennya"); at
// 1.79.0, with the crowd's mood, "Tak heran" and a degree on a service
// quality, opini-penulis 78 (a writer's "Tak heran", "Tidak heran",
// "tampak nyaman" and "sangat murah", each the writer's judgement), and
// kata-ulang 3 ("satu satu", "ha ha", a species "pygmaeus pygmaeus"),
// tanda-seru-isi none, and koma-penghubung 37 (each a sentence opening
// "Namun", "Sementara itu", "Selain itu" without the comma EYD V asks;
// edited news drops it, one saran per text).
var styleFalseAlarmMax = map[string]float64{
	"opini-penulis":         0.022,
	"teras-seremonial":      0.008,
	"penutup-seremonial":    0.001,
	"frasa-seremonial":      0.015,
	"waktu-samar":           0.015,
	"bentuk-terikat":        0.008,
	"kata-ulang":            0.002,
	"tanda-seru-isi":        0.01,
	"koma-penghubung":       0.012,
	"tanda-pisah":           0.006,
	"pukul-titik":           0.002,
	"bilangan-awal-kalimat": 0.002,
}

// TestStyleRulesOnRealNews: the style rules stay rare on edited news; the
// cached devset articles (real regional-government releases) are reported
// when the cache is on the machine.
func TestStyleRulesOnRealNews(t *testing.T) {
	news := realNewsTexts(t)
	dev := devsetCacheTexts(t)
	for _, rule := range slices.Sorted(maps.Keys(styleFalseAlarmMax)) {
		n := ruleRate(t, news, rule)
		t.Logf("%s: %d of %d news texts, %d of %d devset articles", rule, n, len(news), ruleRate(t, dev, rule), len(dev))
		if rate := float64(n) / float64(len(news)); rate > styleFalseAlarmMax[rule] {
			t.Errorf("%s fires on %d of %d news texts (%.2f %%), over %.2f %%", rule, n, len(news), 100*rate, 100*styleFalseAlarmMax[rule])
		}
	}
}
