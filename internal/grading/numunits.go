package grading

import "math"

// Units of measure: a figure in another unit of the same kind is the
// sheet's figure only when it converts to it. "42.000 meter" is the
// sheet's 42 kilometer; "42 meter" is a thousand times less.

// measures give each unit its kind and its size in the kind's base unit.
var measures = map[string]struct {
	kind string
	size float64
}{
	"km": {"panjang", 1000}, "kilometer": {"panjang", 1000}, "meter": {"panjang", 1}, "m": {"panjang", 1},
	"cm": {"panjang", 0.01}, "sentimeter": {"panjang", 0.01}, "mil": {"panjang", 1609.344},
	"hektare": {"luas", 10000}, "hektar": {"luas", 10000}, "ha": {"luas", 10000}, "are": {"luas", 100},
	"ton": {"berat", 1000}, "kuintal": {"berat", 100}, "kg": {"berat", 1}, "kilogram": {"berat", 1},
	"gram": {"berat", 0.001}, "g": {"berat", 0.001},
	"liter": {"isi", 1}, "l": {"isi", 1}, "ml": {"isi", 0.001}, "mililiter": {"isi", 0.001},
}

// measureFactor returns what one of the release's unit is in the sheet
// figure's unit when both measure the same kind ("meter" against
// kilometer: 0.001; "km" against kilometer: 1).
func measureFactor(word string, fig Figure) (float64, bool) {
	got, ok := measures[word]
	if !ok {
		return 0, false
	}
	want, ok := measures[firstWord(fig.Satuan)]
	if !ok || want.kind != got.kind {
		return 0, false
	}
	return got.size / want.size, true
}

// sheetMeasure reports a quantity that is a sheet figure in another unit
// of the same kind: "42.000 meter" for the sheet's 42 kilometer.
func sheetMeasure(b *Brief, v float64, unit string) bool {
	for _, fig := range b.Angka {
		if fac, ok := measureFactor(unit, fig); ok && math.Abs(v*fac-fig.Nilai) < 1e-9*max(1, fig.Nilai) {
			return true
		}
		// "144 jam" for the sheet's six days.
		if lo, hi, ok := daysSpan(wordNum{v, v}, unit, firstWord(fig.Satuan)); ok && otherTimeUnits[unit] && lo-1e-9 <= fig.Nilai && fig.Nilai <= hi+1e-9 {
			return true
		}
	}
	return false
}

// otherTimeUnits are the lengths of time after a number that checkDurations
// converts to the sheet's unit ("enam bulan" for six days); the sheet's own
// unit is checkFigures' to compare.
var otherTimeUnits = map[string]bool{"pekan": true, "minggu": true, "jam": true, "menit": true, "bulan": true, "tahun": true}

// daysSpan converts a length of time to the sheet's unit of days, hours or
// weeks: a month is 28 to 31 days and a year 365 or 366, so they convert
// to a range.
func daysSpan(n wordNum, unit, want string) (lo, hi float64, ok bool) {
	days := map[string][2]float64{"hari": {1, 1}, "minggu": {7, 7}, "pekan": {7, 7}, "jam": {1.0 / 24, 1.0 / 24},
		"menit": {1.0 / 1440, 1.0 / 1440}, "bulan": {28, 31}, "tahun": {365, 366}}
	if unit == "pekan" {
		unit = "minggu"
	}
	if want == "pekan" {
		want = "minggu"
	}
	u, ok1 := days[unit]
	w, ok2 := days[want]
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	return n.lo * u[0] / w[1], n.hi * u[1] / w[0], true
}

// daysIn converts a length of time to the sheet's unit where the two are
// exact multiples: a week is seven days, a month is not a number of days.
func daysIn(n float64, unit, want string) (float64, bool) {
	if unit == "pekan" {
		unit = "minggu"
	}
	if want == "pekan" {
		want = "minggu"
	}
	switch {
	case unit == want:
		return n, true
	case unit == "minggu" && want == "hari":
		return n * 7, true
	}
	return 0, false
}
