package grading

import (
	"strings"
)

// restriction says how the sentence of a count narrows it to a part of what
// the sheet counts: "pada hari pertama, petugas melayani 120 warga" counts
// one day, not the 1.240 warga of the whole activity.
type restriction struct {
	// keys name the part (a time part "hari pertama" or "siang", a place
	// "mekarjaya", a subgroup "lansia"); a sheet figure gives that part's
	// count only when its description names every key.
	keys []string
	// places are the keys that name a place: the sheet's own place is
	// the whole, not a part.
	places map[string]bool
	// subgroup: the count is some of a group ("di antaranya", "sebagian",
	// "baru"); whole is that group's noun when the sentence names it
	// ("di antara warga itu").
	subgroup bool
	whole    string
}

var (
	// partPeriods and partOrdinals make a time part: "hari pertama", "sesi kedua".
	partPeriods  = map[string]bool{"hari": true, "pekan": true, "minggu": true, "bulan": true, "jam": true, "sesi": true, "gelombang": true, "tahap": true, "putaran": true, "angkatan": true}
	partOrdinals = map[string]bool{"pertama": true, "kedua": true, "ketiga": true, "keempat": true, "kelima": true, "keenam": true, "ketujuh": true, "terakhir": true, "awal": true, "perdana": true}
	// timesOfDay after "hingga" or "sampai" end a count so far: "hingga siang".
	timesOfDay = map[string]bool{"pagi": true, "siang": true, "sore": true, "malam": true, "pukul": true, "jam": true, "tengah": true, "berita": true}
	// partPlaces name a place within a district: "di Desa Mekarjaya".
	partPlaces = map[string]bool{"desa": true, "kelurahan": true, "kecamatan": true, "dusun": true, "kampung": true, "rw": true, "rt": true}
	// subgroupWords after a count of people name some of them: "120 warga lansia".
	subgroupWords = map[string]bool{"lansia": true, "lanjut": true, "disabilitas": true, "penyandang": true, "difabel": true, "perempuan": true, "wanita": true, "pria": true, "laki-laki": true, "pelajar": true, "siswa": true, "remaja": true, "pemula": true, "miskin": true}
	// vagueWholes do not say which group a part is taken from.
	vagueWholes = map[string]bool{"mereka": true, "itu": true, "tersebut": true, "kami": true, "yang": true}
	// countUnits count people without naming a group of them.
	countUnits = map[string]bool{"orang": true, "jiwa": true, "warga": true, "peserta": true, "penduduk": true}
)

// partOf reads the restrictions of the count at token i, whose number ends
// before token j (the word after it) and whose unit is token u.
func partOf(f *field, i, j, u int) restriction {
	var r restriction
	s := f.sentenceOf(f.toks[i].start)
	n := len(f.toks)
	in := func(k int) bool {
		return k >= 0 && k < n && f.sentenceOf(f.toks[k].start) == s && !f.inQuote(f.toks[k].start)
	}
	word := func(k int) string {
		if in(k) {
			return f.toks[k].lower
		}
		return ""
	}
	joined := func(a, c int) bool { return in(a) && in(c) && f.slice(f.toks[a].end, f.toks[c].start) == " " }
	isTime := func(k int) bool { return in(k) && (f.toks[k].num || timesOfDay[f.toks[k].lower]) }
	lo := i
	for lo > 0 && in(lo-1) {
		lo--
	}
	for k := lo; in(k); k++ {
		if k >= i && k < j {
			continue
		}
		w := f.toks[k].lower
		switch {
		case partPeriods[w] && partOrdinals[word(k+1)] && joined(k, k+1):
			r.keys = append(r.keys, w+" "+word(k+1))
		case (w == "hingga" || w == "sampai") && !isTime(k-1):
			// "hingga siang", "hingga Kamis sore"; not a range "pagi hingga sore".
			next := k + 1
			if word(next) == "dengan" || isWeekday(word(next)) {
				next++
			}
			if timesOfDay[word(next)] {
				r.keys = append(r.keys, word(next))
			}
		case timesOfDay[w] && w != "pukul" && w != "jam" && (word(k+1) == "tadi" || word(k+1) == "ini" || word(k-1) == "pada"):
			r.keys = append(r.keys, w)
		case w == "sementara" && (word(k-1) == "untuk" || word(k+1) == "ini" || word(k-1) == "data" || word(k-1) == "hasil"):
			r.keys = append(r.keys, w)
		case partPlaces[w] && k != u && !(in(k-1) && f.toks[k-1].num) && in(k+1) && (f.toks[k+1].capital || f.toks[k+1].num) && k+1 != i:
			if r.places == nil {
				r.places = map[string]bool{}
			}
			r.keys = append(r.keys, word(k+1))
			r.places[word(k+1)] = true
		case w == "di" && word(k+1) == "antaranya":
			// "120 warga di antaranya": a part of a group named before;
			// "1.240 warga, di antaranya 318 pelajar" lists the parts.
			if k < i || (k == j || k == u+1) && joined(k-1, k) {
				r.subgroup = true
			}
		case w == "di" && word(k+1) == "antara" && k < i:
			if k+2 != i {
				r.subgroup = true
				if wh := word(k + 2); wh != "" && !vagueWholes[wh] && !f.toks[k+2].num {
					r.whole = wh
				}
			}
		case w == "sebagian" && k < i:
			next := k + 1
			for w := word(next); w == "besar" || w == "kecil" || w == "dari"; w = word(next) {
				next++
			}
			if next != i {
				r.subgroup = true
				if wh := word(next); wh != "" && joined(next-1, next) && !vagueWholes[wh] && !f.toks[next].num {
					r.whole = wh
				}
			}
		case w == "baru" && k < i && k >= i-3:
			// "baru 120 warga", "baru melayani 120 warga"; not "baru berusia 17 tahun".
			aged := false
			for m := k + 1; m < i; m++ {
				aged = aged || strings.HasPrefix(f.toks[m].lower, "berusia") || strings.HasPrefix(f.toks[m].lower, "berumur")
			}
			if !aged {
				r.subgroup = true
			}
		}
	}
	if countUnits[word(j)] && subgroupWords[word(j+1)] && joined(j, j+1) {
		r.keys = append(r.keys, word(j+1))
	}
	return r
}

// restricted reports whether the count is a part of anything.
func (r restriction) restricted() bool { return r.subgroup || len(r.keys) > 0 }

// gives reports whether the sheet figure counts the part the restriction
// names, so the count may be compared with it. unitWord is the count's own
// unit and direct whether the figure was found through it (not through the
// noun its clause names).
func (r restriction) gives(fig Figure, b *Brief, unitWord string, direct bool) bool {
	desc := " " + strings.Join(tokenWords(fig.Satuan+" "+fig.Keterangan), " ") + " "
	place := " " + strings.Join(tokenWords(b.DiMana), " ") + " "
	for _, k := range r.keys {
		if strings.Contains(desc, " "+k+" ") || r.places[k] && strings.Contains(place, " "+k+" ") {
			continue
		}
		return false
	}
	if r.subgroup && direct {
		// "Di antara warga itu terdapat 318 pelajar": the unit names the
		// part, and the sheet's pelajar are that part. "Sebagian, yakni
		// 300 warga" and "baru 250 perekaman" leave the part unnamed.
		return r.whole != "" && r.whole != unitWord && !countUnits[unitWord]
	}
	return true
}

// tokenWords returns the lower-case words of s.
func tokenWords(s string) []string {
	var out []string
	for _, t := range tokenize(s, len([]rune(s))) {
		out = append(out, t.lower)
	}
	return out
}

// isWeekday reports an Indonesian day name in lower case.
func isWeekday(w string) bool {
	for _, d := range weekdayNames {
		if strings.ToLower(d) == w {
			return true
		}
	}
	return false
}
