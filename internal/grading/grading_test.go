package grading

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestBands(t *testing.T) {
	for _, tc := range []struct {
		score int
		band  string
	}{
		{100, BandSangatBaik}, {85, BandSangatBaik}, {84, BandBaik}, {70, BandBaik},
		{69, BandCukup}, {55, BandCukup}, {54, BandPerluPerbaikan}, {0, BandPerluPerbaikan},
	} {
		if got := bandFor(tc.score); got != tc.band {
			t.Errorf("bandFor(%d) = %q, want %q", tc.score, got, tc.band)
		}
	}
}

func TestWeights(t *testing.T) {
	in := Input{Headline: goodHeadline, Body: withLead(), Now: testNow}
	def := Grade(in)
	total := 0
	for _, c := range def.Criteria {
		if c.Weight != DefaultWeights[c.ID] {
			t.Errorf("%s weight %d, want default %d", c.ID, c.Weight, DefaultWeights[c.ID])
		}
		total += c.Weight
	}
	if total != 100 {
		t.Errorf("default weights sum to %d", total)
	}

	// Only bahasa counts: the total equals the bahasa score.
	in.Weights = map[string]int{Crit5W1H: 0, CritAktual: 0, CritFaktual: 0, CritPenting: 0, CritMenarik: 0, CritStruktur: 0, CritBahasa: 1}
	rep := Grade(in)
	if rep.Score != score(rep, CritBahasa) {
		t.Errorf("score %d, want bahasa score %d", rep.Score, score(rep, CritBahasa))
	}
	// A partial override keeps the other defaults; all zero falls back to defaults.
	in.Weights = map[string]int{CritBahasa: 30}
	rep = Grade(in)
	if w := weightOf(rep, CritBahasa); w != 30 {
		t.Errorf("bahasa weight %d, want 30", w)
	}
	if w := weightOf(rep, CritFaktual); w != 20 {
		t.Errorf("faktual weight %d, want 20", w)
	}
	in.Weights = map[string]int{Crit5W1H: 0, CritAktual: 0, CritFaktual: 0, CritPenting: 0, CritMenarik: 0, CritStruktur: 0, CritBahasa: 0}
	if rep = Grade(in); rep.Score != def.Score {
		t.Errorf("all-zero weights: score %d, want default %d", rep.Score, def.Score)
	}

	if err := ValidateWeights(map[string]int{"gaya": 5}); err == nil {
		t.Error("unknown criterion accepted")
	}
	if err := ValidateWeights(map[string]int{CritBahasa: -1}); err == nil {
		t.Error("negative weight accepted")
	}
	if err := ValidateWeights(map[string]int{CritBahasa: 0}); err == nil {
		t.Error("zero total accepted")
	}
	if err := ValidateWeights(map[string]int{CritBahasa: 10, Crit5W1H: 30}); err != nil {
		t.Errorf("valid override rejected: %v", err)
	}
}

func weightOf(rep Report, id string) int {
	for _, c := range rep.Criteria {
		if c.ID == id {
			return c.Weight
		}
	}
	return -1
}

func TestSplitRelease(t *testing.T) {
	h, b, err := SplitRelease("\uFEFF\r\n  Judul Rilis  \r\n\r\nSUKAMAJU – Isi.\r\n\r\nParagraf dua.\r\n")
	if err != nil {
		t.Fatal(err)
	}
	if h != "Judul Rilis" || b != "SUKAMAJU – Isi.\n\nParagraf dua." {
		t.Errorf("got %q / %q", h, b)
	}
	for _, tc := range []struct {
		text string
		err  error
	}{
		{"", ErrEmptyRelease}, {" \n\t\n", ErrEmptyRelease}, {"Hanya judul\n\n  \n", ErrNoBody},
		{"Judul\n\x00\x01", ErrNotText}, {"Judul\n\xff\xfe isi", ErrNotText},
	} {
		if _, _, err := SplitRelease(tc.text); !errors.Is(err, tc.err) {
			t.Errorf("SplitRelease(%q) error %v, want %v", tc.text, err, tc.err)
		}
	}
}

func TestReportShapeAndDeterminism(t *testing.T) {
	in := Input{Headline: "Festival UMKM Sukamaju Sukses Besar.", Body: withLead("Acara yang spektakuler ini dihadiri  warga dikantor desa."), Now: testNow}
	a, _ := json.Marshal(Grade(in))
	b, _ := json.Marshal(Grade(in))
	if !bytes.Equal(a, b) {
		t.Fatal("grading twice gave different JSON")
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(a, &m); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := []string{"band", "criteria", "elements", "findings", "grader_version", "score", "stats"}
	if len(keys) != len(want) {
		t.Fatalf("report keys %v, want %v", keys, want)
	}
	for i := range want {
		if keys[i] != want[i] {
			t.Fatalf("report keys %v, want %v", keys, want)
		}
	}
	rep := Grade(in)
	if rep.GraderVersion != Version || len(rep.Criteria) != len(CriterionIDs) || len(rep.Elements) != 6 {
		t.Errorf("report %+v", rep)
	}
	for i, c := range rep.Criteria {
		if c.ID != CriterionIDs[i] || c.Label == "" || c.Summary == "" || c.Score < 0 || c.Score > 100 {
			t.Errorf("criterion %d: %+v", i, c)
		}
	}
	// Findings are in reading order: field (judul first), start, the most
	// severe first, then criterion.
	for i := 1; i < len(rep.Findings); i++ {
		p, q := rep.Findings[i-1], rep.Findings[i]
		sameSpot := p.Field == q.Field && p.Start == q.Start
		if fieldOrder(p.Field) > fieldOrder(q.Field) || (p.Field == q.Field && p.Start > q.Start) ||
			(sameSpot && SeverityRank(p.Severity) < SeverityRank(q.Severity)) ||
			(sameSpot && p.Severity == q.Severity && p.Criterion > q.Criterion) {
			t.Errorf("findings %d and %d out of order: %+v / %+v", i-1, i, p, q)
		}
	}
	if rep.Band != bandFor(rep.Score) {
		t.Errorf("band %q for score %d", rep.Band, rep.Score)
	}
}

func TestEmptyInput(t *testing.T) {
	rep := Grade(Input{})
	if rep.Score < 0 || rep.Score > 100 || rep.Findings == nil || len(rep.Elements) != 6 {
		t.Fatalf("empty input report %+v", rep)
	}
	for _, el := range rep.Elements {
		if el.Spans == nil {
			t.Error("element spans must marshal as [], not null")
		}
	}
}

func TestPassesAndPassage(t *testing.T) {
	if !(Report{Score: 70}).Passes(0) || (Report{Score: 69}).Passes(0) || !(Report{Score: 50}).Passes(50) {
		t.Error("Passes thresholds")
	}
	f := Finding{Field: FieldIsi, Start: 2, End: 5}
	if got := f.Passage("judul", "ab“cd”ef"); got != "“cd" {
		t.Errorf("Passage = %q", got)
	}
	f.Field, f.Start, f.End = FieldJudul, 0, 99
	if got := f.Passage("judul", ""); got != "" {
		t.Errorf("out-of-range Passage = %q", got)
	}
	for _, tc := range []struct {
		s          string
		start, end int
		want       string
	}{{"abc", 0, 3, "abc"}, {"abc", 3, 3, ""}, {"äbc", 1, 2, "b"}, {"abc", 2, 4, ""}, {"abc", -1, 1, ""}} {
		if got := runeSlice(tc.s, tc.start, tc.end); got != tc.want {
			t.Errorf("runeSlice(%q, %d, %d) = %q, want %q", tc.s, tc.start, tc.end, got, tc.want)
		}
	}
}

func TestErrorCapsTheBand(t *testing.T) {
	body := "SUKAMAJU – Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Sukamaju melatih 60 relawan dari 20 desa rawan banjir di Aula BPBD, Kamis (11/3/2026), agar warga siap mengevakuasi tetangganya.\n\n" +
		"Kepala Pelaksana BPBD Sukamaju, Asep Saepudin, menjelaskan pelatihan berlangsung dua hari dengan materi pertolongan pertama dan penggunaan perahu karet.\n\n" +
		"\"Relawan desa adalah orang pertama yang berada di lokasi,\" kata Asep."
	now := time.Date(2026, 3, 11, 17, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	wrong := Grade(Input{Headline: "BPBD Sukamaju Latih 60 Relawan Tanggap Banjir", Body: body, Now: now})
	right := Grade(Input{Headline: "BPBD Sukamaju Latih 60 Relawan Tanggap Banjir", Body: strings.Replace(body, "Kamis", "Rabu", 1), Now: now})
	if !hasError(wrong.Findings) || hasError(right.Findings) {
		t.Fatalf("fixture: the weekday error should be the only difference")
	}
	if right.Band != BandSangatBaik && right.Band != BandBaik {
		t.Fatalf("correct release band = %s (score %d), want baik or better", right.Band, right.Score)
	}
	if wrong.Band != BandCukup {
		t.Fatalf("release with a kesalahan: band %s (score %d), want cukup", wrong.Band, wrong.Score)
	}
}
