package grading

import "strings"

// Offices of a sheet person written with another head than the titles the
// other office checks know: a role ("Bidan Euis" for the sheet's Kader,
// "Anggota Tim …" for its Ketua) or the sheet's title over another
// institution ("Kepala Puskesmas" for its Kepala Dinas).

// roleNouns name a person's role or profession before or after the name.
// Each is an office of its own: one the sheet does not give is wrong.
var roleNouns = map[string]bool{
	"bidan": true, "perawat": true, "dokter": true, "kader": true, "anggota": true, "staf": true,
	"petugas": true, "guru": true, "penyuluh": true, "pendamping": true, "relawan": true,
	"koordinator": true, "operator": true, "pegawai": true, "bendahara": true, "pengurus": true,
	"pembina": true, "fasilitator": true, "instruktur": true, "pelatih": true, "analis": true,
	"pengelola": true, "vaksinator": true, "apoteker": true, "sanitarian": true, "dosen": true,
	"peneliti": true, "konselor": true, "ajudan": true, "juru": true, "jubir": true, "admin": true,
	"kasubbag": true, "kasubid": true, "kasie": true,
}

// institutionNouns name the body an office heads, and known short names
// the body they stand for ("Dinkes" is a dinas): "Kepala Puskesmas" is not
// the sheet's "Kepala Dinas Kesehatan".
var institutionNouns = map[string]string{
	"dinas": "dinas", "badan": "badan", "puskesmas": "puskesmas", "posyandu": "posyandu",
	"kantor": "kantor", "sekolah": "sekolah", "rsud": "rumah sakit", "rumah": "rumah sakit",
	"desa": "desa", "kelurahan": "kelurahan", "kecamatan": "kecamatan", "tim": "tim",
	"satuan": "satuan", "satpol": "satuan", "lembaga": "lembaga", "inspektorat": "inspektorat",
	"sekretariat": "sekretariat", "kejaksaan": "kejaksaan", "polres": "polres", "polsek": "polsek",
	"dinkes": "dinas", "diskominfo": "dinas", "disdukcapil": "dinas", "dishub": "dinas", "dinsos": "dinas",
	"disdik": "dinas", "disnaker": "dinas", "dpmptsp": "dinas", "bpbd": "badan", "bappeda": "badan",
	"bapenda": "badan", "bkpsdm": "badan", "bpkad": "badan", "bkd": "badan",
	"rt": "rt", "rw": "rw",
}

// officeReach is how many words before a name an office may start: "Kepala
// Bidang Pelayanan Pendaftaran Penduduk Dinas Kependudukan dan Pencatatan
// Sipil Kabupaten Sukamaju" has fourteen.
const officeReach = 14

// officeSpan is an office written next to a name: its tokens from the head.
type officeSpan struct{ head, end int }

// officeBefore returns the office written right before the name that
// starts at token i ("Bidan Euis", "Kepala Puskesmas Cikadu, dr. Rahmat
// Hidayat"): the first role or title word of the capitalised run before the
// name and its honorifics, up to the run's end.
func officeBefore(f *field, i, commas int) (officeSpan, bool) {
	j := i - 1
	for j >= 0 && personHonorific(f.toks[j].lower) {
		if gap := f.slice(f.toks[j].end, f.toks[j+1].start); gap != " " && gap != ". " {
			break
		}
		j--
	}
	if j < 0 {
		return officeSpan{}, false
	}
	if gap := f.slice(f.toks[j].end, f.toks[j+1].start); gap != " " && gap != ", " {
		return officeSpan{}, false
	}
	head := -1
	for k := j; k >= 0 && k >= j-officeReach-2*commas; k-- {
		tk := f.toks[k]
		// "Ketua RT di Desa Cijambu": "di" before an area inside the office.
		at := tk.lower == "di" && k < j && placeHeads[f.toks[k+1].lower]
		if !tk.capital && tk.lower != "dan" && !at || f.inQuote(tk.start) {
			break
		}
		if k < j {
			gap := f.slice(tk.end, f.toks[k+1].start)
			if gap == ", " && commas > 0 {
				commas--
			} else if gap != " " {
				break
			}
		}
		if officeHead(tk.lower) {
			head = k
		}
	}
	if head < 0 {
		return officeSpan{}, false
	}
	for head < j && titlePrefixes[f.toks[head].lower] {
		head++
	}
	return officeSpan{head, j}, true
}

// officeAfter returns the office written after the name that ends at token
// i: "Euis Komalasari, Bidan Desa Sukasari" or "… selaku Anggota Tim …".
func officeAfter(f *field, i int, other map[string]int, pi int) (officeSpan, bool) {
	k := i + 1
	if k+1 >= len(f.toks) {
		return officeSpan{}, false
	}
	switch gap := f.slice(f.toks[i].end, f.toks[k].start); {
	case gap == ", ":
	case gap == " " && (f.toks[k].lower == "selaku" || f.toks[k].lower == "sebagai") && f.slice(f.toks[k].end, f.toks[k+1].start) == " ":
		k++
	default:
		return officeSpan{}, false
	}
	for k < len(f.toks) && titlePrefixes[f.toks[k].lower] && f.toks[k].capital {
		k++
	}
	k = skipActing(f, k)
	if k >= len(f.toks) || !officeHead(f.toks[k].lower) || f.inQuote(f.toks[k].start) {
		return officeSpan{}, false
	}
	if !f.toks[k].capital {
		return lowerOfficeAfter(f, k)
	}
	end, ok := capitalOfficeEnd(f, k, other, pi)
	if !ok {
		return officeSpan{}, false
	}
	return officeSpan{k, end}, true
}

// capitalOfficeEnd is the last token of the capitalised office that starts
// at token k after person pi's name: its capitalised words and "dan", up to a
// name word of the sheet's people. ok is false when the words run into
// another person's name ("Rina Marlinawati, Camat Cikadu Asep Saepulloh"):
// the office is that person's.
func capitalOfficeEnd(f *field, k int, other map[string]int, pi int) (end int, ok bool) {
	end = k
	for end+1 < len(f.toks) && f.slice(f.toks[end].end, f.toks[end+1].start) == " " &&
		(f.toks[end+1].capital || f.toks[end+1].lower == "dan") && other[f.toks[end+1].lower] == 0 {
		end++
	}
	if f.toks[end].lower == "dan" {
		end--
	}
	if end+1 < len(f.toks) && other[f.toks[end+1].lower] != 0 && other[f.toks[end+1].lower] != pi+1 {
		return 0, false
	}
	return end, true
}

// lowerOfficeAfter reads an office in lower case after a name, as EYD
// writes an apposition ("Euis Komalasari, bidan di Desa Sukasari,"): only
// when a comma closes it within a few words, or a full stop closes the
// name of a body, so that "Selain Euis, petugas puskesmas juga datang"
// names no office.
func lowerOfficeAfter(f *field, k int) (officeSpan, bool) {
	if !roleNouns[f.toks[k].lower] && !titleWords[f.toks[k].lower] {
		return officeSpan{}, false
	}
	named := true // the words after the head name a body: "kepala Puskesmas Cikadu."
	for end := k; end < len(f.toks) && end < k+6; end++ {
		if end > k {
			w := f.toks[end]
			named = named && (w.capital || w.lower == "di" || w.lower == "dan")
		}
		gap := ""
		if end+1 < len(f.toks) {
			gap = f.slice(f.toks[end].end, f.toks[end+1].start)
		} else {
			gap = f.slice(f.toks[end].end, len(f.offs)-1)
		}
		switch {
		case gap == ", ":
			return officeSpan{k, end}, true
		case strings.HasPrefix(gap, ".") && named && end > k:
			return officeSpan{k, end}, true
		case gap != " ":
			return officeSpan{}, false
		}
	}
	return officeSpan{}, false
}

// lowerRoleBefore reads a role in lower case right before a name ("ujar
// bidan Euis"): one word, as a title written in capitals would be.
func lowerRoleBefore(f *field, i int) (officeSpan, bool) {
	j := i - 1
	if j < 0 || f.toks[j].capital || !roleNouns[f.toks[j].lower] || f.slice(f.toks[j].end, f.toks[i].start) != " " || f.inQuote(f.toks[j].start) {
		return officeSpan{}, false
	}
	return officeSpan{j, j}, true
}

// officeHead reports a word that opens an office.
func officeHead(w string) bool {
	return roleNouns[w] || titleWords[w] || titleAbbrev[w] != ""
}

// institutionOf returns the body the office heads: its first institution
// word after the head ("Kepala Puskesmas", "Kepala Pelaksana BPBD"), or "".
func institutionOf(words []string) string {
	for _, w := range words[min(1, len(words)):] {
		if inst := institutionNouns[w]; inst != "" {
			return inst
		}
	}
	return ""
}

// roleDiffers reports an office of a sheet person the other checks cannot
// judge and that is not the sheet's: a role the sheet's office does not
// name, or the sheet's title over another institution.
func roleDiffers(office []token, jabatan string) bool {
	sheet := map[string]bool{}
	var want []string
	for _, t := range tokenize(jabatan, len([]rune(jabatan))) {
		sheet[t.lower] = true
		want = append(want, t.lower)
	}
	head := office[0].lower
	if roleNouns[head] && !titleWords[head] {
		return !sheet[head] || otherBody(office, jabatan)
	}
	got := make([]string, len(office))
	for k, t := range office {
		got[k] = t.lower
	}
	expand := func(w string) string {
		if x, ok := titleAbbrev[w]; ok {
			return x
		}
		return w
	}
	if len(want) == 0 || expand(head) != expand(want[0]) {
		return false // another title: checkTitles' finding
	}
	a, b := institutionOf(got), institutionOf(want)
	return (a != "" && b != "" && a != b) || otherLevel(office, jabatan) || otherBody(office, jabatan)
}

// checkRoleOffices flags a sheet person's office before or after the name
// that roleDiffers finds wrong, once per passage the other office checks
// have not already reported.
func (g *grader) checkRoleOffices(f *field, b *Brief) int {
	n := 0
	other := nameOwners(b)
	for pi, p := range b.Siapa {
		jabatan := officeCore(p.Jabatan)
		if firstWord(jabatan) == "" || len(nameTokens(p.Nama)) == 0 {
			continue
		}
		commas := strings.Count(jabatan, ",")
		nameRuns(f, other, pi, func(i, hi int) {
			for _, o := range []func() (officeSpan, bool){
				func() (officeSpan, bool) { return officeBefore(f, i, commas) },
				func() (officeSpan, bool) { return officeAfter(f, hi, other, pi) },
				func() (officeSpan, bool) { return lowerRoleBefore(f, i) },
				func() (officeSpan, bool) { return g.lowerOfficeSpan(f, i) },
			} {
				sp, ok := o()
				if !ok {
					continue
				}
				office := f.toks[sp.head : sp.end+1]
				// A title in lower case is no other check's: judge it whole.
				lower := !office[0].capital && titleWords[office[0].lower]
				if !roleDiffers(office, jabatan) && !(lower && officeDiffers(office, jabatan)) {
					continue
				}
				s, e := f.toks[sp.head].start, f.toks[sp.end].end
				if g.reportedAt(f, "jabatan-bertentangan", s, e) {
					continue
				}
				n++
				g.addOfficeMismatch(f, s, e, p)
			}
		})
	}
	return n
}

// nameOwners maps each name word of the sheet's people to its person's
// index plus one.
func nameOwners(b *Brief) map[string]int {
	owners := map[string]int{}
	for pi, p := range b.Siapa {
		for _, nm := range nameTokens(p.Nama) {
			owners[strings.ToLower(nm)] = pi + 1
		}
	}
	return owners
}

// nameRuns calls fn with the first and last token of each run of person
// pi's name words outside quotes ("Rina Marlinawati").
func nameRuns(f *field, owners map[string]int, pi int, fn func(lo, hi int)) {
	for i := 0; i < len(f.toks); i++ {
		if owners[f.toks[i].lower] != pi+1 || f.inQuote(f.toks[i].start) {
			continue
		}
		hi := i
		for hi+1 < len(f.toks) && owners[f.toks[hi+1].lower] == pi+1 && f.slice(f.toks[hi].end, f.toks[hi+1].start) == " " {
			hi++
		}
		fn(i, hi)
		i = hi
	}
}
