package grading

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// Points of the penting criterion; they add up to 100. Public interest is
// judged by what a reader gains: who is affected and how many, what they can
// do, how large the matter is, and whether an official stands behind it.
const (
	PointsAffectedCounted = 30 // a number of people: "8.450 warga lansia"
	PointsAffectedNamed   = 15 // people named without a number: "warga"
	PointsActionRich      = 30 // two or more kinds of practical information
	PointsActionSome      = 20 // one kind of practical information
	PointsScale           = 15 // scale in places, institutions or money
	PointsOfficialSource  = 25 // a named official with a title
)

// peopleUnits are the nouns that count people affected by the news.
var peopleUnits = map[string]bool{
	"warga": true, "peserta": true, "petani": true, "lansia": true, "siswa": true, "pelajar": true,
	"guru": true, "nelayan": true, "pedagang": true, "umkm": true, "keluarga": true, "kk": true,
	"penerima": true, "pasien": true, "relawan": true, "admin": true, "orang": true, "jiwa": true,
	"pengunjung": true, "penduduk": true, "anak": true, "balita": true, "ibu": true, "buruh": true,
	"pekerja": true, "pegawai": true, "asn": true, "mahasiswa": true, "santri": true, "kader": true,
	"masyarakat": true, "penyandang": true, "pengungsi": true, "korban": true, "pemilih": true,
	"peternak": true, "pengemudi": true, "penumpang": true, "bayi": true, "remaja": true,
	"pemuda": true, "perempuan": true, "lulusan": true, "pencari": true, "pelaku": true,
	"anggota": true,
}

// scaleUnits measure the reach of the news in places, institutions or money.
var scaleUnits = map[string]bool{
	"kecamatan": true, "desa": true, "kelurahan": true, "opd": true, "sekolah": true,
	"puskesmas": true, "kabupaten": true, "kota": true, "provinsi": true, "rt": true, "rw": true,
	"hektare": true, "hektar": true, "ha": true, "ton": true, "unit": true, "titik": true,
	"rumah": true, "kilometer": true, "km": true, "posyandu": true, "lokasi": true,
	"juta": true, "miliar": true, "triliun": true, "ribu": true, "paket": true, "dosis": true,
	"kasus": true, "persen": true, "organisasi": true, "instansi": true, "lembaga": true, "dinas": true,
}

// numberWords count like digits before a unit ("tiga kecamatan").
var numberWords = map[string]bool{
	"dua": true, "tiga": true, "empat": true, "lima": true, "enam": true, "tujuh": true,
	"delapan": true, "sembilan": true, "sepuluh": true, "sebelas": true, "seratus": true,
	"seribu": true,
}

// actionCues tell readers what they can do: when, where, what to bring, whom
// to contact. Each maps to the kind of information it gives.
var actionCues = map[string]string{
	"jadwal": "jadwal", "pendaftaran": "syarat", "mendaftar": "syarat", "daftar": "syarat",
	"syarat": "syarat", "persyaratan": "syarat", "membawa": "syarat", "gratis": "syarat",
	"biaya": "syarat", "whatsapp": "kontak", "wa": "kontak", "hubungi": "kontak",
	"menghubungi": "kontak", "telepon": "kontak", "narahubung": "kontak", "kontak": "kontak",
	"situs": "kontak", "laman": "kontak", "instagram": "kontak", "aduan": "kontak",
	"dapat": "cara", "bisa": "cara", "cukup": "cara", "silakan": "cara", "caranya": "cara",
	"silahkan": "cara", "melapor": "cara", "lapor": "cara", "lokasi": "lokasi", "alamat": "lokasi",
}

// isPhone recognises phone numbers such as 0812-0000-1234 or 021-5550123.
// Dots group it as well ("0812.0000.5678") when it starts with 0: no count
// does; a country code may lead ("+62 812-0000-5678", "6281200005678").
func isPhone(t token) bool {
	if t.phone {
		return true
	}
	if !t.num {
		return false
	}
	digits, dots := 0, false
	for k, r := range t.text {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '.':
			dots = true
		case r == '+' && k == 0:
		case r != '-' && r != ' ':
			return false
		}
	}
	text := strings.TrimPrefix(t.text, "+")
	return digits >= 9 && (strings.HasPrefix(text, "0") || !dots && strings.HasPrefix(text, "62"))
}

// isWebAddress recognises tokens such as dinkes.sukamajukab.go.id.
func isWebAddress(t token) bool {
	if !strings.Contains(t.lower, ".") {
		return false
	}
	return strings.Contains(t.lower, ".go.id") || strings.Contains(t.lower, ".com") ||
		strings.Contains(t.lower, ".id") || strings.HasPrefix(t.lower, "www.")
}

// gradePenting measures public interest.
func (g *grader) gradePenting() result {
	f := g.body
	counted, named, scale, source := false, false, false, false
	actions := map[string]bool{}
	for i, t := range f.toks {
		next := i + 1
		if !t.num && extract.IsNumberWord(t.lower) {
			// "seribu dua ratus empat puluh warga": a number of several words.
			if _, j, ok := readWordNumber(f.toks, i); ok {
				next = j
			}
		}
		if (t.num || extract.IsNumberWord(t.lower)) && next < len(f.toks) {
			nt := f.toks[next]
			if nt.is(lexPeopleUnit) && peopleUnits[nt.lower] && !isPhone(t) {
				counted = true
			}
			if nt.lower == "orang" && next+1 < len(f.toks) {
				nt = f.toks[next+1]
			}
			if nt.is(lexPeopleUnit) && peopleUnits[nt.lower] && !isPhone(t) {
				counted = true
			}
			if nt.is(lexScaleUnit) && scaleUnits[nt.lower] {
				scale = true
			}
		}
		if t.lower == "rp" {
			scale = true
		}
		if t.is(lexPeopleUnit) && peopleUnits[t.lower] {
			named = true
		}
		if t.is(lexActionCue) {
			if kind, ok := actionCues[t.lower]; ok {
				actions[kind] = true
			}
		}
		if isPhone(t) || isWebAddress(t) {
			actions["kontak"] = true
		}
		if t.is(lexTitleWord) && titleWords[t.lower] && t.capital && (g.namedAfterTitle(f, i) || g.titleAfterName(f, i)) ||
			t.is(lexTitleWord) && titleWords[t.lower] && !t.capital && g.lowerOfficeNamed(f, i) {
			source = true
		}
	}

	// With a facts sheet, the trainee may write only its figures: suggest
	// the sheet's own count of people, or none when the sheet has none.
	example, example2 := "8.450 warga lansia", "120 petani di 5 desa"
	if b := g.in.Brief; b != nil {
		if c, ok := sheetPeopleCount(b); ok {
			example, example2 = c, c
		} else if named {
			counted = true
		}
	}

	score := 0
	var notes []string
	switch {
	case counted:
		score += PointsAffectedCounted
	case named:
		score += PointsAffectedNamed
		g.add(f.finding("jumlah-terdampak-hilang", SevSaran, 0, 0,
			fmt.Sprintf("Sebutkan berapa banyak warga yang terdampak atau dilayani, misalnya \"%s\"; angka membuat pembaca menilai seberapa penting beritanya.", example), ""))
		notes = append(notes, fmt.Sprintf("belum ada jumlah warga terdampak (−%d)", PointsAffectedCounted-PointsAffectedNamed))
	default:
		g.add(f.finding("terdampak-hilang", SevPeringatan, 0, 0,
			fmt.Sprintf("Rilis belum menyebut siapa yang terdampak atau dilayani. Tulis kelompok warganya dan jumlahnya, misalnya \"%s\".", example2), ""))
		notes = append(notes, fmt.Sprintf("belum jelas siapa yang terdampak (−%d)", PointsAffectedCounted))
	}
	switch len(actions) {
	case 0:
		g.add(f.finding("info-praktis-hilang", SevSaran, 0, 0,
			"Beri tahu pembaca apa yang dapat mereka lakukan: jadwal, lokasi, syarat, atau kontak yang bisa dihubungi.", ""))
		notes = append(notes, fmt.Sprintf("belum ada informasi praktis bagi warga (−%d)", PointsActionRich))
	case 1:
		score += PointsActionSome
		notes = append(notes, fmt.Sprintf("baru satu jenis informasi praktis; tambahkan jadwal, syarat, atau kontak (−%d)", PointsActionRich-PointsActionSome))
	default:
		score += PointsActionRich
	}
	if scale {
		score += PointsScale
	} else {
		g.add(f.finding("skala-hilang", SevSaran, 0, 0,
			"Sebutkan skala kegiatan dengan angka, misalnya jumlah desa, kecamatan, atau anggarannya, agar pembaca dapat menilai seberapa besar dampaknya.", ""))
		notes = append(notes, fmt.Sprintf("belum ada skala kegiatan (−%d)", PointsScale))
	}
	if source {
		score += PointsOfficialSource
	} else {
		g.add(f.finding("pejabat-hilang", SevSaran, 0, 0,
			fmt.Sprintf("Sebutkan pejabat yang bertanggung jawab beserta jabatannya, misalnya \"%s\"; sumber resmi membuat informasi dapat dipercaya.", g.officialExample()), ""))
		notes = append(notes, fmt.Sprintf("belum ada sumber resmi dengan jabatan (−%d)", PointsOfficialSource))
	}
	// Ceremony costs its suggestions' penalty: the points above reward what
	// is there, this takes off for space spent on what readers do not need.
	lines, taken := g.checkCeremonyLines()
	if lines > 0 {
		score -= lines * severityPenalty[SevPeringatan]
		notes = append(notes, fmt.Sprintf("ada penutup seremonial atau daftar pejabat yang hadir (−%d)", lines*severityPenalty[SevPeringatan]))
	}
	if n := g.checkProtocol(taken); n > 0 {
		score -= n * severityPenalty[SevSaran]
		notes = append(notes, fmt.Sprintf("ada kalimat seremonial yang tidak berguna bagi warga (−%d)", n*severityPenalty[SevSaran]))
	}
	if c := g.checkPractical(); c > 0 {
		score -= c
		notes = append(notes, fmt.Sprintf("informasi praktis dari lembar fakta belum lengkap (−%d)", c))
	}

	sum := "Rilis menyebut siapa yang terdampak, apa yang dapat dilakukan warga, skalanya, dan sumber resmi."
	if len(notes) > 0 {
		sum = "Kepentingan publik belum lengkap. Poin berkurang karena " + joinID(notes) + "."
	}
	return result{score: clamp(score, 0, 100), summary: sum}
}

// protocolPhrases mark ceremony details: openings, speeches, thanks, prayers
// and group photos matter to the organisers, not to the public.
var protocolPhrases = newPhraseSet([][]string{
	{"doa", "bersama"}, {"foto", "bersama"}, {"ramah", "tamah"}, {"sambutan"}, {"sambutannya"},
	{"terima", "kasih"}, {"ditutup", "dengan", "doa"}, {"ditutup", "dengan", "sambutan"},
	{"ditutup", "dengan", "foto"}, {"ditutup", "dengan", "ramah"},
	{"pemotongan", "tumpeng"}, {"cendera", "mata"}, {"pengguntingan", "pita"}, {"pembacaan", "doa"},
})

// checkProtocol flags sentences after the lead that report ceremony outside
// quotes, one finding per sentence, except those taken (reported already
// as a closing or a list of officials); it returns how many it found.
func (g *grader) checkProtocol(taken map[int]bool) int {
	f := g.body
	n := 0
	for si, s := range f.sents {
		if g.hasLead && s.Start < g.lead.End || taken[si] {
			continue
		}
		lo, hi := f.tokRange(s.Start, s.End)
		for i := lo; i < hi; i++ {
			k := protocolPhrases.atIf(lexProtocolStart, f.toks, i, hi)
			if k == 0 {
				// "Acara dibuka oleh Bupati": who opened the event is
				// programme; "Jalan ditutup oleh petugas" is not
				if j := programmeAt(f, i, hi); j > 0 {
					k = j - i
				}
			}
			if k == 0 || f.inQuote(f.toks[i].start) {
				continue
			}
			n++
			g.add(f.finding("kalimat-seremoni", SevSaran, s.Start, s.End,
				fmt.Sprintf("Kalimat ini berisi seremoni (\"%s\") yang penting bagi panitia, bukan bagi warga. Ganti dengan informasi yang berguna: manfaat kegiatan, jadwal berikutnya, atau cara warga ikut serta.", f.slice(f.toks[i].start, f.toks[i+k-1].end)), ""))
			break
		}
	}
	return n
}

// namedAfterTitle reports whether the capitalised title at token i is
// followed, within its phrase, by a person's name: "Kepala Dinkes Sukamaju,
// dr. Rahmat Hidayat" or "Bupati Irna".
func (g *grader) namedAfterTitle(f *field, i int) bool {
	if g.nameEndsOffice(f, i) || g.nameBeforeTitle(f, i) {
		return true
	}
	sawComma := false
	for j := i + 1; j < len(f.toks) && j <= i+8; j++ {
		t, prev := f.toks[j], f.toks[j-1]
		gap := f.slice(prev.end, t.start)
		if strings.ContainsAny(gap, ".!?\n\"“”") && !isHonorific(prev.lower) {
			return false
		}
		if strings.Contains(gap, ",") {
			if sawComma {
				return false
			}
			sawComma = true
		}
		if isHonorific(t.lower) {
			continue
		}
		if !t.capital && t.lower != "dan" {
			return false
		}
		if sawComma && !t.allCaps {
			return true
		}
	}
	// "Bupati Irna …": a title directly followed by a capitalised word that
	// is not an office word is a name.
	if i+1 < len(f.toks) {
		n := f.toks[i+1]
		return n.capital && !n.allCaps && !officeWords[n.lower] && f.slice(f.toks[i].end, n.start) == " "
	}
	return false
}

// nameEndsOffice reports whether the office opened by the title at token i
// runs on into a name without a comma: "Camat Cikadu Asep Saepulloh
// mengatakan", "kata Kepala Dinas … Kabupaten Sukamaju Rina Marlinawati.".
// The run of capitalised words after the title names a person when it holds
// a sheet person's name, or when two or more words follow the last word that
// still belongs to the office (a title, an office or region word, "dan"):
// the first of them is the place or the office's name, the rest a person's.
func (g *grader) nameEndsOffice(f *field, i int) bool {
	hi := i + 1
	for hi < len(f.toks) && hi <= i+14 {
		if gap := f.slice(f.toks[hi-1].end, f.toks[hi].start); gap != " " && !(gap == ". " && personHonorific(f.toks[hi-1].lower)) {
			break
		}
		t := f.toks[hi]
		if f.inQuote(t.start) || !t.capital && t.lower != "dan" && !personHonorific(t.lower) {
			break
		}
		hi++
	}
	if b := g.in.Brief; b != nil && namesSheetPerson(f, i+1, hi, b) {
		return true
	}
	after := 0
	for j := i + 1; j < hi; j++ {
		t := f.toks[j]
		switch {
		case personHonorific(t.lower) && j+1 < hi:
			return true
		case t.lower == "dan" || titleWords[t.lower] || officeWords[t.lower] || regionWords[t.lower] || t.allCaps:
			after = 0
		default:
			after++
		}
	}
	return after >= 2
}

// nameBeforeTitle reports an apposition after the name: "kata Rina
// Marlinawati, Kepala Disdukcapil …".
func (g *grader) nameBeforeTitle(f *field, i int) bool {
	if i < 2 || f.slice(f.toks[i-1].end, f.toks[i].start) != ", " {
		return false
	}
	n := f.toks[i-1]
	if !n.capital || n.allCaps || officeWords[n.lower] || titleWords[n.lower] || regionWords[n.lower] {
		return false
	}
	if b := g.in.Brief; b != nil {
		return namesSheetPerson(f, i-1, i, b)
	}
	p := f.toks[i-2]
	return p.capital && !officeWords[p.lower] && !titleWords[p.lower] && f.slice(p.end, n.start) == " "
}

// honorifics precede names ("dr. Rahmat", "H. Dadang").
var honorifics = map[string]bool{
	"h": true, "hj": true, "dr": true, "drs": true, "ir": true, "prof": true, "tb": true,
	"kh": true, "drg": true, "dra": true, "st": true, "ust": true, "hc": true,
}

func isHonorific(w string) bool { return honorifics[w] }

// officeWords follow a title to name an office rather than a person.
var officeWords = map[string]bool{
	"dinas": true, "badan": true, "bagian": true, "kantor": true, "bidang": true, "seksi": true,
	"pelaksana": true, "umum": true, "daerah": true, "kabupaten": true, "kota": true,
	"provinsi": true, "desa": true, "kecamatan": true, "puskesmas": true, "rumah": true,
	"bupati": true, "sekretariat": true, "unit": true, "lembaga": true, "komisi": true,
}

// sheetPeopleCount is the facts sheet's first count of people, written as
// a release writes it ("1.240 warga"); ok is false when the sheet counts no
// people.
func sheetPeopleCount(b *Brief) (string, bool) {
	for _, fig := range b.Angka {
		w, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(fig.Satuan)), " ")
		if peopleUnits[w] && w != "orang" {
			return releaseNumber(fig.Nilai) + " " + fig.Satuan, true
		}
	}
	return "", false
}

// officialExample is the office and name the pejabat-hilang finding offers:
// the sheet's first official when there is a sheet, so a practice is never
// shown a person of another practice.
func (g *grader) officialExample() string {
	if b := g.in.Brief; b != nil {
		for _, p := range b.Siapa {
			if p.Jabatan != "" && p.Nama != "" {
				return p.Jabatan + " " + p.Nama
			}
		}
	}
	return "Kepala Dinas Kesehatan, dr. Rahmat Hidayat"
}
