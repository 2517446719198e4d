package grading

import "strings"

// The event's own programme — the prayer, the anthem, the speeches, the
// ribbon, the group photo — matters to the organisers, not to the reader.
// A lead that opens with it ("Diawali doa bersama, …", "Acara dibuka dengan
// menyanyikan Indonesia Raya, …") spends the first words on ceremony, like
// "Dalam rangka …"; a sentence reporting how the event closed ("Acara
// ditutup dengan doa bersama") is a ceremonial closing like "Demikian
// siaran pers ini kami sampaikan".

// programmeItems are the heads of a programme item: "doa", "sambutan",
// "menyanyikan", "pengguntingan pita", "foto bersama".
var programmeItems = wordSet(`doa sambutan sambutannya menyanyikan nyanyian lagu pembacaan tilawah tilawatil
tarian tari pemukulan penabuhan pengguntingan pemotongan laporan apel upacara pengibaran hymne himne mars
selawat salawat ikrar foto ramah pengarahan menyanyi berdoa penekanan pemencetan peniupan pembunyian
penandatanganan pelepasan`)

// programmeVerbs report a step of the programme: what the event opened or
// closed with.
var programmeVerbs = wordSet(`diawali didahului dibuka dimulai diiringi ditutup diakhiri dipungkasi ditandai`)

// closingProgrammeVerbs are the programmeVerbs of the event's end.
var closingProgrammeVerbs = wordSet(`ditutup diakhiri dipungkasi`)

// programmeAfter are the words that open a lead with a step of the programme
// done: "Usai upacara, …", "Setelah doa bersama, …".
var programmeAfter = wordSet(`usai seusai setelah sesudah selepas sebelum`)

// openingNouns name the event's opening or closing as a step done:
// "Setelah pembukaan secara resmi, …", "Usai peresmian, …".
var openingNouns = wordSet(`pembukaan peresmian penutupan`)

// eventNouns name the event itself as the subject of a programme verb:
// "Acara dibuka dengan …", "Rangkaian kegiatan diawali …".
var eventNouns = wordSet(`acara kegiatan rangkaian upacara pelaksanaan peresmian pembukaan penutupan peluncuran
pelatihan sosialisasi pertemuan rapat`)

// eventLinks stand between an event noun and its programme verb.
var eventLinks = wordSet(`yang ini itu tersebut`)

// programmeItemAt reports whether a programme item, or with titles a title
// of the official who opened the event ("dibuka oleh Bupati"), is within
// three tokens of toks[i], skipping "dengan" and "oleh"; it returns the end
// index (exclusive) of the item's head, or 0.
func programmeItemAt(f *field, i, hi int, titles bool) int {
	lim := i + 3
	for j := i; j < hi && j < lim; j++ {
		t := f.toks[j]
		if t.lower == "dengan" || t.lower == "oleh" {
			continue
		}
		if t.lower == "secara" && j+1 < hi && f.toks[j+1].lower == "resmi" {
			// "dibuka secara resmi oleh Bupati": the manner is no item
			j++
			lim += 2
			continue
		}
		if programmeItems[t.lower] || titles && t.capital && t.is(lexTitleWord) && titleWords[t.lower] {
			if t.lower == "lagu" || t.lower == "pembacaan" || t.lower == "laporan" {
				// "lagu Indonesia Raya", "pembacaan doa": the head's
				// complement belongs to the item
				if j+1 < hi {
					return j + 2
				}
			}
			return j + 1
		}
		return 0
	}
	return 0
}

// programmeAt returns the end index (exclusive) of a step of the programme
// starting at toks[i] — a programme verb and its item ("diawali doa",
// "dibuka dengan menyanyikan"), an event noun before them ("Acara dibuka
// dengan …"), or a step done ("Usai upacara") — or 0. "Pelatihan ditutup
// dengan simulasi evakuasi" reports the training, not its programme.
func programmeAt(f *field, i, hi int) int {
	j := i
	if eventNouns[f.toks[j].lower] {
		// "Rangkaian acara peluncuran dibuka …": up to two more nouns
		for k := j + 1; k < hi && k <= i+2 && eventNouns[f.toks[k].lower]; k++ {
			j = k
		}
		j++
		// "Pelatihan yang dibuka …", "Pelatihan ini dibuka …"
		for k := j; k < hi && k < j+2 && eventLinks[f.toks[k].lower]; k++ {
			j = k + 1
		}
		if j >= hi || !programmeVerbs[f.toks[j].lower] {
			return 0
		}
	}
	t := f.toks[j].lower
	if programmeAfter[t] && j+1 < hi {
		// "Setelah dibuka secara resmi oleh camat", "Setelah pembukaan
		// secara resmi": the event's opening done is the step itself
		if n := f.toks[j+1].lower; programmeVerbs[n] || n == "diresmikan" || openingNouns[n] {
			return j + 2
		}
	}
	if programmeVerbs[t] || programmeAfter[t] {
		return programmeItemAt(f, j+1, hi, j > i)
	}
	return 0
}

// closingProgramme reports a sentence telling what the event closed with
// ("Acara ditutup dengan doa bersama", "Kegiatan diakhiri foto bersama").
func closingProgramme(f *field, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if closingProgrammeVerbs[f.toks[k].lower] && (programmeItemAt(f, k+1, hi, false) > 0 || formalClosing(f, lo, k, hi)) {
			return true
		}
	}
	return false
}

// formalClosing reports the event's closing verb at toks[k] done formally:
// "secara resmi" or "resmi" beside it, or an event noun opening the
// sentence and an office after "oleh" ("Kegiatan kemudian ditutup oleh
// Camat Cikadu"). "Jalan ditutup oleh petugas" is no ceremony.
func formalClosing(f *field, lo, k, hi int) bool {
	word := func(j int) string {
		if j < lo || j >= hi {
			return ""
		}
		return f.toks[j].lower
	}
	if word(k-1) == "resmi" || word(k+1) == "resmi" || word(k+1) == "secara" && word(k+2) == "resmi" {
		return true
	}
	if !eventNouns[word(lo)] || word(k+1) != "oleh" {
		return false
	}
	t := word(k + 2)
	return titleWords[t] || officialWords[t]
}

// clauseEnd extends the passage ending before toks[j] to the end of its
// clause (a comma or a sentence end), at most maxClauseTokens tokens on.
func clauseEnd(f *field, j, hi int) int {
	for k := j; k < hi && k < j+maxClauseTokens; k++ {
		if gap := f.slice(f.toks[k-1].end, f.toks[k].start); strings.ContainsAny(gap, ",.;:!?\n") {
			return k
		}
		j = k + 1
	}
	return j
}

// maxClauseTokens bounds a quoted ceremony clause.
const maxClauseTokens = 8
