package grading

import (
	"fmt"
	"strings"
)

// Ceremony that is no news (the course's "Yang tidak perlu dimasukkan"): a
// closing formula addressed to the reader ("Demikian siaran pers ini kami
// sampaikan", "Atas perhatiannya kami ucapkan terima kasih") and a list of
// the officials present ("Turut hadir Sekda, Asisten I, …"). An editor cuts
// both and sends the release back: peringatan, each costing
// severityPenalty[SevPeringatan] of penting.

// closingNouns name the release itself in a closing formula.
var closingNouns = wordSet(`siaran rilis informasi berita pemberitahuan pengumuman laporan kami`)

// connectiveDemikian continue a text: "Demikian pula warga lansia …".
var connectiveDemikian = wordSet(`pula juga halnya pun sehingga`)

// presenceWords report who attended.
var presenceWords = wordSet(`hadir dihadiri menghadiri`)

// officialWords name an office or a group of officials in a list of those
// present, besides the titles of titleWords.
var officialWords = wordSet(`asisten staf forkopimda forkopimcam muspika muspida jajaran unsur pejabat`)

// greetingWords open a greeting to the reader: "Salam sehat!", "Salam
// literasi!", "Wassalamualaikum".
var greetingWords = wordSet(`salam wassalam wassalamualaikum wassalamu'alaikum tabik`)

// greetingLine reports a short sentence that only greets the reader: it
// opens with a greeting word and, short of an exclamation mark, holds no
// capitalised word after it (no "Salam Rahman hadir", a name).
func greetingLine(f *field, lo, hi int) bool {
	if hi <= lo || hi-lo > 8 || !greetingWords[f.toks[lo].lower] {
		return false
	}
	end := strings.TrimRight(f.slice(f.toks[hi-1].end, f.toks[hi-1].end+2), " \n")
	if strings.HasPrefix(end, "!") {
		return true
	}
	for _, t := range f.toks[lo+1 : hi] {
		if t.capital || t.num {
			return false
		}
	}
	return true
}

// closingSentence reports a closing formula: a sentence opening with
// "Demikian" that names the release or its writer ("kami"), or thanks from
// the writer ("kami", outside quotes) or for the reader's attention.
func closingSentence(f *field, lo, hi int) bool {
	if hi-lo < 2 {
		return false
	}
	toks := f.toks[lo:hi]
	if toks[0].lower == "demikian" && !connectiveDemikian[toks[1].lower] {
		for _, t := range toks[1:] {
			if closingNouns[t.lower] {
				return true
			}
		}
	}
	thanks, writer := false, false
	for k, t := range toks {
		switch {
		case t.lower == "terima" && k+1 < len(toks) && toks[k+1].lower == "kasih":
			thanks = true
		case t.lower == "kami", strings.HasPrefix(t.lower, "perhatian"):
			writer = true
		}
	}
	return thanks && writer
}

// officialsListed reports a list of two or more officials present: after
// a presence word, two titles apart from one another by a comma or "dan"
// ("Turut hadir Sekda, Asisten I, dan Kepala Dinas Sosial"; "dihadiri
// Bupati dan Wakil Bupati"). A title continuing another ("Wakil Bupati",
// "Staf Khusus Presiden") is one office.
func officialsListed(f *field, lo, hi int) bool {
	titles, last := 0, -1
	for k := lo; k < hi; k++ {
		t := f.toks[k]
		if attributionWords[t.lower] {
			break // the sentence reports speech: who spoke is no list
		}
		if last < 0 && !presenceWords[t.lower] {
			continue
		}
		if last < 0 && presenceWords[t.lower] {
			last = k
			continue
		}
		if !t.capital && !officialWords[t.lower] || !(titleWords[t.lower] || officialWords[t.lower]) {
			continue
		}
		if p := f.toks[k-1].lower; (titleWords[p] || officialWords[p]) && f.slice(f.toks[k-1].end, t.start) == " " {
			continue
		}
		gap := f.slice(f.toks[last].end, t.start)
		if titles == 0 || strings.Contains(gap, ",") || strings.Contains(gap, " dan ") {
			titles++
		}
		last = k
	}
	return titles >= 2
}

// checkCeremonyLines reports closing formulas and lists of officials
// outside quotes; it returns how many it found and the sentences it took,
// which checkProtocol then leaves alone.
func (g *grader) checkCeremonyLines() (int, map[int]bool) {
	f := g.body
	n, taken := 0, map[int]bool{}
	for si, s := range f.sents {
		if g.hasLead && s.Start < g.lead.End || f.inQuote(s.Start) {
			continue
		}
		lo, hi := f.tokRange(s.Start, s.End)
		if hi > lo && f.inQuote(f.toks[lo].start) {
			continue
		}
		text := strings.TrimSpace(f.slice(s.Start, s.End))
		switch {
		case closingSentence(f, lo, hi):
			g.add(f.finding("penutup-seremonial", SevPeringatan, s.Start, s.End,
				fmt.Sprintf("\"%s\" adalah penutup surat, bukan berita: tidak memberi informasi baru kepada warga. Hapus kalimat ini dan akhiri rilis dengan informasi yang berguna, misalnya jadwal berikutnya atau nomor narahubung.", text), ""))
		case greetingLine(f, lo, hi):
			g.add(f.finding("penutup-seremonial", SevPeringatan, s.Start, s.End,
				fmt.Sprintf("\"%s\" adalah salam kepada pembaca, bukan berita: cocok untuk unggahan akun, tidak untuk rilis. Hapus kalimat ini dan akhiri rilis dengan informasi yang berguna, misalnya jadwal berikutnya atau nomor narahubung.", text), ""))
		case closingProgramme(f, lo, hi):
			g.add(f.finding("penutup-seremonial", SevPeringatan, s.Start, s.End,
				fmt.Sprintf("\"%s\" melaporkan penutupan acara, bukan berita: doa, foto, atau ramah tamah penting bagi panitia, bukan bagi warga. Hapus kalimat ini dan akhiri rilis dengan informasi yang berguna, misalnya jadwal berikutnya atau nomor narahubung.", text), ""))
		case officialsListed(f, lo, hi):
			g.add(f.finding("daftar-pejabat", SevPeringatan, s.Start, s.End,
				fmt.Sprintf("\"%s\" mendaftar pejabat yang hadir; bagi warga itu bukan berita. Hapus daftar ini dan sebut hanya orang yang berbicara atau berperan penting, dengan apa yang ia sampaikan.", text), ""))
		default:
			continue
		}
		n++
		taken[si] = true
	}
	return n, taken
}
