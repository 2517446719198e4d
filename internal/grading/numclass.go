package grading

import (
	"fmt"
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

// peopleGroups map the words that name a group of residents to the class
// they belong to: age, sex, disability. Words of one class may stand for
// each other ("318 remaja" for 318 pelajar of 17); words of another class
// name other people.
var peopleGroups = map[string]string{
	"lansia": "tua", "lanjut": "tua", "manula": "tua", "jompo": "tua",
	"pelajar": "muda", "siswa": "muda", "remaja": "muda", "pemuda": "muda", "mahasiswa": "muda", "pemilih": "muda",
	"balita": "anak", "bayi": "anak", "anak": "anak", "batita": "anak",
	"perempuan": "perempuan", "wanita": "perempuan", "ibu": "perempuan",
	"pria": "laki", "laki-laki": "laki", "bapak": "laki",
	"disabilitas": "difabel", "difabel": "difabel", "penyandang": "difabel",
}

// countGroup returns the group of residents a count names and the token
// that ends its name: the noun after the number ("318 lansia") or the group
// after a general noun ("318 warga lanjut usia").
func countGroup(f *field, j int) (class string, end int) {
	joined := func(a int) bool { return a+1 < len(f.toks) && f.slice(f.toks[a].end, f.toks[a+1].start) == " " }
	if j+1 < len(f.toks) && f.toks[j].lower == "di" && f.toks[j+1].lower == "antaranya" && joined(j) && joined(j+1) {
		// "318 di antaranya adalah warga lanjut usia": the group follows.
		j += 2
		if linkVerbs[f.toks[j].lower] && joined(j) {
			j++
		}
	}
	if j >= len(f.toks) {
		return "", j
	}
	end = j
	if countUnits[f.toks[j].lower] && joined(j) {
		end = j + 1
	}
	c, ok := peopleGroups[f.toks[end].lower]
	if !ok {
		return "", j
	}
	if joined(end) && groupTails[f.toks[end+1].lower] {
		end++ // "lanjut usia", "penyandang disabilitas", "ibu hamil"
	}
	return c, end
}

// groupTails complete a group's name: "lanjut usia", "ibu hamil".
var groupTails = map[string]bool{"usia": true, "disabilitas": true, "hamil": true, "menyusui": true}

// linkVerbs join a partitive to the group it names: "di antaranya adalah".
var linkVerbs = map[string]bool{"adalah": true, "merupakan": true, "ialah": true, "yakni": true, "yaitu": true}

// figureGroups returns the classes of residents a sheet figure names.
func figureGroups(fig Figure) map[string]bool {
	out := map[string]bool{}
	for _, w := range tokenWords(fig.Satuan + " " + fig.Keterangan) {
		if c, ok := peopleGroups[w]; ok {
			out[c] = true
		}
	}
	return out
}

// checkOtherGroup flags the sheet's figure written for another group of
// residents: "318 warga lanjut usia" or "318 lansia" where the sheet's 318
// counts pelajar, "1.240 lansia" where the 1.240 are all the warga. The
// number is right, the fact is not: the reader learns a count of people the
// sheet never counted. It reports whether it added a kesalahan.
func (g *grader) checkOtherGroup(f *field, i, j, from int, num wordNum, b *Brief) bool {
	if !num.exact() || g.inDate(f, f.toks[i].start) {
		return false
	}
	class, end := countGroup(f, j)
	if class == "" {
		return false
	}
	k := -1
	for n, fig := range b.Angka {
		if fig.Nilai != num.lo {
			continue
		}
		if figureGroups(fig)[class] || sameCounted(f.toks[j].lower, fig) || figureUnitMatches(f.toks[end].lower, fig) {
			return false // one figure of that value counts the group
		}
		if k < 0 {
			k = n
		}
	}
	if k < 0 {
		return false
	}
	fig := b.Angka[k]
	desc := fig.Satuan
	if fig.Keterangan != "" {
		desc += " (" + fig.Keterangan + ")"
	}
	start := f.toks[from].start
	passage := f.slice(start, f.toks[end].end)
	want := f.slice(start, f.toks[j-1].end) + " " + fig.Satuan
	if f.toks[j].lower == "di" {
		want = f.slice(start, f.toks[end].end)
		want = want[:len(want)-len(f.slice(f.toks[end].start, f.toks[end].end))] + fig.Satuan
	}
	g.add(f.finding("angka-bertentangan", SevKesalahan, start, f.toks[end].end,
		fmt.Sprintf("\"%s\" tidak sesuai dengan lembar fakta: %s di lembar fakta adalah jumlah %s, bukan %s. Angka yang benar pada kelompok yang salah tetap fakta yang salah; tulis angka itu untuk kelompok yang dihitung lembar fakta.",
			passage, releaseNumber(fig.Nilai), desc, groupName(f, j, end)), want))
	return true
}

// groupName is the name of the group a count gives, without a partitive.
func groupName(f *field, j, end int) string {
	k := j
	for k < end && (f.toks[k].lower == "di" || f.toks[k].lower == "antaranya" || linkVerbs[f.toks[k].lower]) {
		k++
	}
	return f.slice(f.toks[k].start, f.toks[end].end)
}

// figureFixed reports a number the faktual criterion already gives a fix
// for ("empat ratus lima puluh warga" → "1.240 warga"): that fix writes the
// sheet's figure as EYD V asks, so a second fix for the same words ("450")
// would contradict it.
func (g *grader) figureFixed(f *field, pos int) bool {
	for _, fd := range g.findings {
		if fd.Criterion == CritFaktual && fd.Field == f.name && fd.Suggestion != "" && fd.Start <= pos && pos < fd.End {
			return true
		}
	}
	return false
}
