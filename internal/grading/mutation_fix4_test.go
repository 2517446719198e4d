package grading

import (
	"strings"
	"testing"
)

// QA's fourth round: "di telepon masing-masing" (preposition and noun) in a
// release that also says "menelepon"; a phone number the sheet does not
// give in its area-code or called form; ceremony opening the lead with a
// marked moment or the event's opening by an official; a greeting as the
// last line.

// calling adds "menelepon" to the aduan releases, so "telepon" is a verb
// base the text uses.
var calling = map[string][]edit{pAduan: {{"Warga cukup mengirim pesan WhatsApp", "Warga tidak perlu lagi menelepon kantor.\n\nWarga cukup mengirim pesan WhatsApp", ""}}}

var fix4Mutations = []officeMutation{
	{name: "split di- with an agent", rule: "awalan-di-terpisah", sev: SevPeringatan, msg: "awalan", base: calling, edits: map[string][]edit{
		pAduan: {{"lalu meneruskannya ke OPD terkait.", "lalu meneruskannya ke OPD terkait. Pelapor juga akan di telepon oleh petugas.", "di telepon"}},
	}},
	{name: "split di- before a determiner after an auxiliary", rule: "awalan-di-terpisah", sev: SevPeringatan, msg: "awalan", base: calling, edits: map[string][]edit{
		pAduan: {{"lalu meneruskannya ke OPD terkait.", "lalu meneruskannya ke OPD terkait. Pelapor itu akan di telepon mereka.", "di telepon"}},
	}},
	{name: "split di- of a base the text uses", rule: "awalan-di-terpisah", sev: SevPeringatan, msg: "awalan", edits: map[string][]edit{
		pAduan: {{"Admin Diskominfo mencatat aduan", "Admin Diskominfo mendata dan mencatat aduan. Aduan yang di data", "di data"}},
	}},
	{name: "a local number in brackets", rule: "nomor-bertentangan", sev: SevKesalahan, msg: "0812-0000-5678", edits: map[string][]edit{
		pAduan: {{"ke nomor 0812-0000-5678", "ke nomor 0812-0000-5678 atau menelepon (0265) 123456", "(0265) 123456"}},
	}},
	{name: "a number after a word of calling", rule: "nomor-bertentangan", sev: SevKesalahan, msg: "0812-0000-5678", edits: map[string][]edit{
		pAduan: {{"ke nomor 0812-0000-5678", "ke nomor 0812-0000-5678 atau menelepon 7654321", "7654321"}},
	}},
	{name: "a number after WA", rule: "nomor-bertentangan", sev: SevKesalahan, msg: "0812-0000-5678", edits: map[string][]edit{
		pAduan: {{"ke nomor 0812-0000-5678", "ke nomor 0812-0000-5678 atau hubungi telepon kantor (022) 7654321", "(022) 7654321"}},
	}},
}

var fix4NearForms = map[string][]officeNearForm{
	pAduan: {
		{nil, append(append([]edit{}, calling[pAduan]...), edit{"lalu meneruskannya ke OPD terkait.", "lalu meneruskannya ke OPD terkait.\n\nWarga diminta menyimpan nomor itu di telepon masing-masing.", ""})},
		{nil, append(append([]edit{}, calling[pAduan]...), edit{"lalu meneruskannya ke OPD terkait.", "lalu meneruskannya ke OPD terkait.\n\nNomor itu sebaiknya disimpan di telepon mereka.", ""})},
		{nil, append(append([]edit{}, calling[pAduan]...), edit{"lalu meneruskannya ke OPD terkait.", "lalu meneruskannya ke OPD terkait.\n\nNomor itu sebaiknya disimpan di telepon genggamnya.", ""})},
		{nil, append(append([]edit{}, calling[pAduan]...), edit{"lalu meneruskannya ke OPD terkait.", "lalu meneruskannya ke OPD terkait.\n\nNomor tiket tersimpan di telepon warga.", ""})},
		// the sheet's own number after a word of calling stays silent
		{nil, []edit{{"ke nomor 0812-0000-5678", "ke nomor WhatsApp 0812-0000-5678", ""}}},
		// "ditandai dengan" that marks no moment of ceremony
		{nil, []edit{{"lalu meneruskannya ke OPD terkait.", "lalu meneruskannya ke OPD terkait.\n\nSetiap aduan ditandai dengan nomor tiket.", ""}}},
	},
}

func TestFix4Mutations(t *testing.T) { runOfficeMutations(t, fix4Mutations) }

func TestFix4NearForms(t *testing.T) { runOfficeNearForms(t, fix4NearForms) }

// TestContextPhones: a number is a phone by its area code or by a word of
// calling before it, never a count with a missing thousands dot; counts
// after such words stay counts.
func TestContextPhones(t *testing.T) {
	for text, want := range map[string]string{
		"Warga dapat menelepon (0265) 123456 setiap hari.": "(0265) 123456",
		"Warga dapat menelepon 123456 setiap hari.":        "123456",
		"Hubungi WA 8123456 untuk mendaftar.":              "8123456",
		"Petugas menghubungi 12000 warga lewat pesan.":     "",
		"Hubungi 112 saat darurat.":                        "",
		"Sebanyak 123456 warga sudah terdata.":             "",
	} {
		f := newField(FieldIsi, text)
		got := ""
		for _, tk := range f.toks {
			if tk.phone {
				got = tk.text
			}
		}
		if got != want {
			t.Errorf("%q: phone %q, want %q", text, got, want)
		}
	}
}

// TestFix4Ceremony: a lead opening with a marked moment ("Ditandai dengan
// penekanan tombol sirene, …") or with the event opened by an official
// ("Pelatihan yang dibuka secara resmi oleh Bupati …") is teras-seremonial;
// a greeting as the last line ("Salam sehat dan tetap semangat!") is
// penutup-seremonial. Both sound sets, every practice.
func TestFix4Ceremony(t *testing.T) {
	openers := []string{"Ditandai dengan penekanan tombol sirene, ", "Ditandai dengan pemukulan gong, ",
		"Dalam acara yang dibuka secara resmi oleh Bupati Sukamaju, ", "Kegiatan yang dibuka secara resmi oleh Wakil Bupati ini, "}
	closers := []string{"Salam sehat dan tetap semangat!", "Salam literasi!", "Salam sehat"}
	for id, p := range loadPractices(t) {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			sound := Grade(p.input(h, b))
			check := func(name, rule, passage string, mb string) {
				in := p.input(h, mb)
				rep := Grade(in)
				for _, f := range rep.Findings {
					if f.Rule == rule && strings.Contains(f.Passage(in.Headline, in.Body), passage) {
						if f.Severity != SevPeringatan {
							t.Errorf("%s %s %q: %s is %s", set, id, name, rule, f.Severity)
						}
						if sound.Score-rep.Score < severityDrop[SevPeringatan] {
							t.Errorf("%s %s %q: score %d → %d", set, id, name, sound.Score, rep.Score)
						}
						return
					}
				}
				t.Errorf("%s %s %q: no %s on %q:\n%s", set, id, name, rule, passage, dump(rep, in))
			}
			for _, o := range openers {
				mb := strings.Replace(b, "SUKAMAJU – ", "SUKAMAJU – "+o, 1)
				check(o, "teras-seremonial", strings.Fields(o)[1], mb)
			}
			if id == pBanjir {
				mb := strings.Replace(b, "SUKAMAJU – Badan", "SUKAMAJU – Pelatihan yang dibuka secara resmi oleh Bupati Sukamaju ini digelar Badan", 1)
				check("pelatihan yang dibuka", "teras-seremonial", "dibuka secara resmi", mb)
			}
			for _, c := range closers {
				check(c, "penutup-seremonial", c, strings.TrimRight(b, "\n")+"\n\n"+c+"\n")
			}
		}
	}
}

// The sheet's warning that officials never ask for a password or an OTP is
// practical information like the number to contact: a release without it
// draws info-praktis-lembar-hilang naming it; any warning that names a
// secret, in other words, is enough.
var otpSound1 = "\n\nAdmin Diskominfo tidak akan pernah meminta kata sandi, kode OTP, atau pembayaran dalam bentuk apa pun. Warga diminta tidak membagikan kata sandi atau kode OTP kepada siapa pun, termasuk orang yang mengaku sebagai petugas."

var otpSound2 = "\n\nSiti juga mengingatkan warga agar berhati-hati terhadap penipuan. Admin tidak akan pernah meminta kata sandi, kode OTP, atau pembayaran dalam bentuk apa pun. Warga yang menerima permintaan seperti itu diminta tidak menanggapinya."

var otpMutations = []officeMutation{
	{name: "the warning against sharing an OTP left out", rule: "info-praktis-lembar-hilang", sev: SevPeringatan, msg: "tidak pernah meminta kata sandi, kode OTP", edits: map[string][]edit{
		pAduan: {{otpSound1, "", ""}},
	}},
	{name: "the warning against sharing an OTP left out, second set", rule: "info-praktis-lembar-hilang", sev: SevPeringatan, msg: "tidak pernah meminta kata sandi, kode OTP", edits: map[string][]edit{
		pAduan: {{otpSound2, "", ""}},
	}},
}

var otpNearForms = map[string][]officeNearForm{
	pAduan: {
		{nil, []edit{{otpSound1, "\n\nWarga diminta waspada terhadap penipuan. Jangan pernah memberikan kode OTP atau PIN kepada siapa pun, termasuk orang yang mengaku sebagai admin Diskominfo, karena admin tidak akan meminta data itu.", ""}}},
		{nil, []edit{{otpSound2, "\n\nAdmin tidak pernah menanyakan kata sandi. Warga diminta waspada terhadap pesan yang meminta data itu.", ""}}},
	},
}

func TestOTPWarningMutations(t *testing.T) { runOfficeMutations(t, otpMutations) }

func TestOTPWarningNearForms(t *testing.T) { runOfficeNearForms(t, otpNearForms) }
