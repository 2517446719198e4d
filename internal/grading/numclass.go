package grading

import (
	"math"
	"strings"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// Classifiers (kata penggolong) stand between a count and its noun without
// changing the count: "dua unit perangkat", "tiga buah tenda", "lima ekor
// sapi". The noun after the classifier is what the count counts. "orang"
// is read the same way where checkFigures reads the unit.
var classifiers = map[string]bool{
	"unit": true, "buah": true, "ekor": true, "lembar": true, "batang": true, "biji": true, "butir": true,
	"helai": true, "set": true, "pucuk": true, "bidang": true, "potong": true, "tangkai": true, "keping": true,
}

// classifierNoun reads a classifier at token j after a count: it returns
// the index of the noun the count counts ("dua unit perangkat": perangkat)
// and whether a classifier stands there at all. A classifier that ends its
// clause ("perangkat … sebanyak dua buah.") returns its own index with bare
// set: the clause names the noun. A classifier the sheet itself counts by
// ("3 unit" in a sheet) is the unit, not a classifier.
func (g *grader) classifierNoun(f *field, j int) (noun int, bare, ok bool) {
	if j >= len(f.toks) || !classifiers[f.toks[j].lower] || g.briefUnit(f.toks[j].lower) {
		return j, false, false
	}
	if j+1 == len(f.toks) || strings.ContainsAny(f.slice(f.toks[j].end, f.toks[j+1].start), ".,;:!?()–—\n") || clauseLinks[f.toks[j+1].lower] {
		return j, true, true
	}
	if f.slice(f.toks[j].end, f.toks[j+1].start) == " " && !f.toks[j+1].num && !f.toks[j+1].capital {
		return j + 1, false, true
	}
	return j, false, false
}

// clauseLinks after a classifier end its noun phrase: "sebanyak dua buah
// dan …", "dua unit untuk setiap desa".
var clauseLinks = map[string]bool{
	"dan": true, "serta": true, "yang": true, "untuk": true, "ke": true, "di": true, "dari": true, "bagi": true,
	"kepada": true, "sehingga": true, "agar": true, "dengan": true, "pada": true, "itu": true, "tersebut": true,
}

// classifierFigure returns the sheet figure counted by the noun phrase a
// bare classifier refers back to ("membawa perangkat perekaman keliling
// sebanyak dua buah"): the head of the nearest noun phrase before the count
// in its clause that names a sheet unit. Indonesian puts the head first, so
// "perangkat perekaman" counts perangkat, not perekaman. It returns -1 when
// the clause names none.
func classifierFigure(f *field, i int, b *Brief) int {
	s := f.sentenceOf(f.toks[i].start)
	unitOf := func(k int) int {
		for n, fig := range b.Angka {
			if w := firstWord(fig.Satuan); w != "" && !generalUnits[w] && w == f.toks[k].lower {
				return n
			}
		}
		return -1
	}
	for k := i - 1; k >= 0 && f.sentenceOf(f.toks[k].start) == s && !strings.ContainsAny(f.slice(f.toks[k].end, f.toks[k+1].start), ",;:()–—"); k-- {
		if f.toks[k].num || extract.IsNumberWord(f.toks[k].lower) {
			return -1
		}
		n := unitOf(k)
		if n < 0 {
			continue
		}
		for m := k - 1; m >= max(k-3, 0) && f.slice(f.toks[m].end, f.toks[m+1].start) == " " && !f.toks[m].num && !f.toks[m].capital; m-- {
			if h := unitOf(m); h >= 0 {
				n = h
			}
		}
		return n
	}
	return -1
}

// anyFigureEqual reports whether an exact count equals some figure of the
// sheet: a count matched only through a loose noun ("1.240 penduduk", "381
// orang di antaranya") may be that figure under another name. A range
// ("belasan", "sekitar 15") is no such figure: that it happens to hold
// another figure of the sheet ("belasan orang dari setiap desa" holds the
// 18 desa) says nothing about the count it was written for.
func (g *grader) anyFigureEqual(num wordNum, b *Brief) bool {
	if !num.exact() {
		return false
	}
	for _, fig := range b.Angka {
		if num.contains(fig.Nilai) || math.Abs(fig.Nilai-num.lo) < 1e-9 {
			return true
		}
	}
	return false
}
