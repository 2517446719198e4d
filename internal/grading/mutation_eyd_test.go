package grading

import (
	"regexp"
	"strings"
	"testing"
)

// EYD V spelling and time-word classes of the course's lesson "Ejaan EYD V
// untuk Rilis" (bound forms, times and dashes, numbers opening a sentence,
// "di mana" as a connector): each is tried as a sentence added to the third
// paragraph of every sound release of both sets.

// withSentence adds s to the start of the third paragraph of body.
func withSentence(t *testing.T, body, s string) string {
	t.Helper()
	paras := strings.Split(body, "\n\n")
	if len(paras) < 4 {
		t.Fatalf("sound release has %d paragraphs", len(paras))
	}
	paras[2] = s + " " + paras[2]
	return strings.Join(paras, "\n\n")
}

// eydCase is one sentence and what it must draw: a finding of rule with
// severity sev on passage and fix as its suggestion; rule "" means the
// sentence is correct and must draw nothing above info and cost nothing.
type eydCase struct {
	sentence, passage, fix string
}

// checkEYDCases grades every case on both sound sets of every practice.
func checkEYDCases(t *testing.T, rule, sev string, cases []eydCase) {
	t.Helper()
	for id, p := range loadPractices(t) {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			sound := Grade(p.input(h, b))
			for _, c := range cases {
				in := p.input(h, withSentence(t, b, c.sentence))
				rep := Grade(in)
				if rule == "" {
					for _, f := range rep.Findings {
						if SeverityRank(f.Severity) > SeverityRank(SevInfo) && strings.Contains(c.sentence, f.Passage(in.Headline, in.Body)) {
							t.Errorf("%s %s: correct %q drew %s %s on %q: %s", set, id, c.sentence, f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
						}
					}
					continue
				}
				var got *Finding
				for k, f := range rep.Findings {
					if f.Rule == rule && f.Passage(in.Headline, in.Body) == c.passage {
						got = &rep.Findings[k]
					}
				}
				if got == nil {
					t.Errorf("%s %s: %q drew no %s on %q:\n%s", set, id, c.sentence, rule, c.passage, dump(rep, in))
					continue
				}
				if got.Severity != sev || got.Suggestion != c.fix {
					t.Errorf("%s %s: %q: %s %s fix %q, want %s fix %q", set, id, c.sentence, rule, got.Severity, got.Suggestion, sev, c.fix)
				}
				if !strings.Contains(got.Message, c.fix) {
					t.Errorf("%s %s: the message does not name the fix %q: %s", set, id, c.fix, got.Message)
				}
				// A saran may round away in the total; its criterion shows it.
				if drop := sound.Score - rep.Score; drop < severityDrop[sev] && sev != SevSaran {
					t.Errorf("%s %s: %q: score %d → %d, a %s must cost at least %d", set, id, c.sentence, sound.Score, rep.Score, sev, severityDrop[sev])
				}
				if critScore(rep, got.Criterion) >= critScore(sound, got.Criterion) {
					t.Errorf("%s %s: %q: %s still scores %d", set, id, c.sentence, got.Criterion, critScore(rep, got.Criterion))
				}
			}
		}
	}
}

// critScore is the score of criterion id in rep.
func critScore(rep Report, id string) int {
	for _, c := range rep.Criteria {
		if c.ID == id {
			return c.Score
		}
	}
	return -1
}

// TestMutationsBoundForms: a bound form written apart ("pasca banjir",
// "antar desa", "Pasca Lebaran") is a peringatan joined as EYD V writes it,
// with a hyphen before a name; a hyphen before a lower-case word is a saran.
func TestMutationsBoundForms(t *testing.T) {
	checkEYDCases(t, "bentuk-terikat", SevPeringatan, []eydCase{
		{"Pendataan pasca banjir dilakukan bersama perangkat desa.", "pasca banjir", "pascabanjir"},
		{"Koordinasi antar desa berjalan lancar.", "antar desa", "antardesa"},
		{"Petugas juga melayani warga non ASN.", "non ASN", "non-ASN"},
		{"Pasca Lebaran, petugas kembali mendata warga.", "Pasca Lebaran", "Pasca-Lebaran"},
		{"Gedung itu bersifat multi fungsi.", "multi fungsi", "multifungsi"},
		{"Anak usia pra sekolah ikut didata.", "pra sekolah", "prasekolah"},
		{"Warga tuna netra dilayani lebih dulu.", "tuna netra", "tunanetra"},
		{"Pensiunan purna bakti juga hadir.", "purna bakti", "purnabakti"},
		{"Kegiatan ini didanai secara swa daya.", "swa daya", "swadaya"},
		{"Kepala sub bagian umum ikut mendata.", "sub bagian", "subbagian"},
	})
	checkEYDCases(t, "bentuk-terikat", SevSaran, []eydCase{
		{"Warga non-formal dilayani di aula.", "non-formal", "nonformal"},
		{"Pendataan pasca-banjir dilakukan bersama perangkat desa.", "pasca-banjir", "pascabanjir"},
	})
	checkEYDCases(t, "", "", []eydCase{
		{"Pendataan pascabanjir dilakukan lewat koordinasi antardesa.", "", ""},
		{"Pendataan pasca-Lebaran juga melayani warga non-ASN.", "", ""},
		{"Warga tunanetra dan anak prasekolah dilayani lebih dulu.", "", ""},
		{"Nelayan tuna segar juga datang.", "", ""},
		{"Petugas menyediakan layanan antar jemput bagi lansia.", "", ""},
		{"Gedung multifungsi itu dibangun secara swadaya.", "", ""},
	})
}

// TestMutationsDiForms: the fix of a split di- before a non-standard base
// is the one standard word ("di himbau" → "diimbau", one finding, not a
// second one on "himbau"); a hyphen after di- before an Indonesian base
// goes ("di-latih" → "dilatih"), one before a place is the preposition
// ("di-rumah" → "di rumah"), and a foreign base joined onto di- takes the
// hyphen EYD V asks ("discreenshot" → "di-screenshot") or its established
// Indonesian verb ("diupload" → "diunggah").
func TestMutationsDiForms(t *testing.T) {
	checkEYDCases(t, "awalan-di-terpisah", SevPeringatan, []eydCase{
		{"Orang tua di himbau datang lebih awal.", "di himbau", "diimbau"},
		{"Orang tua juga di himbau agar datang lebih awal.", "di himbau", "diimbau"},
	})
	checkEYDCases(t, "tanda-hubung-awalan", SevSaran, []eydCase{
		{"Relawan di-latih petugas puskesmas.", "di-latih", "dilatih"},
		{"Data itu di-catat petugas.", "di-catat", "dicatat"},
		{"Formulir itu discreenshot petugas.", "discreenshot", "di-screenshot"},
		{"Jadwal itu dishare kepala desa.", "dishare", "di-share"},
		{"Formulir itu diprint petugas.", "diprint", "di-print"},
	})
	checkEYDCases(t, "kata-asing", SevSaran, []eydCase{
		{"Formulir itu diupload petugas.", "diupload", "diunggah"},
		{"Formulir itu didownload orang tua.", "didownload", "diunduh"},
	})
	checkEYDCases(t, "kata-depan-serangkai", SevPeringatan, []eydCase{
		{"Lansia dilayani di-rumah.", "di-rumah", "di rumah"},
	})
	checkEYDCases(t, "", "", []eydCase{
		{"Formulir itu di-print dan di-screenshot petugas.", "", ""},
		{"Orang tua diimbau datang lebih awal.", "", ""},
		{"Kegiatan itu difilmkan dan direspons orang tua.", "", ""},
		{"Relawan dilatih dan dicatat petugas.", "", ""},
	})
	// One finding for "di himbau", not a second on "himbau".
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	in := p.input(h, withSentence(t, b, "Orang tua di himbau datang lebih awal."))
	n := 0
	for _, f := range Grade(in).Findings {
		if strings.Contains("di himbau", f.Passage(in.Headline, in.Body)) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("\"di himbau\" drew %d findings, want one:\n%s", n, dump(Grade(in), in))
	}
}

// noRuleCases adds each sentence to every sound release of both sets and
// asserts that it draws no finding of rule.
func noRuleCases(t *testing.T, rule string, sentences []string) {
	t.Helper()
	for id, p := range loadPractices(t) {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			for _, s := range sentences {
				in := p.input(h, withSentence(t, b, s))
				for _, f := range Grade(in).Findings {
					if f.Rule == rule {
						t.Errorf("%s %s: %q drew %s on %q: %s", set, id, s, rule, f.Passage(in.Headline, in.Body), f.Message)
					}
				}
			}
		}
	}
}

// TestMutationsRangesAndClock: every range a sound release writes with the
// dash ("08.00–15.00", "14–15 Oktober", "Senin–Jumat"), written with a
// hyphen instead, is a saran tanda-pisah whose fix is the release's own
// form; a time written with a colon ("08:00") is a saran pukul-titik. The
// sound releases (with the dash, "sampai", "s.d.") draw neither.
func TestMutationsRangesAndClock(t *testing.T) {
	dashed := regexp.MustCompile(`[0-9A-Za-z.]+–[0-9A-Za-z.]+`)
	clock := regexp.MustCompile(`\b[0-2][0-9]\.[0-5][0-9]\b`)
	for id, p := range loadPractices(t) {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			n := 0
			for _, loc := range dashed.FindAllStringIndex(b, -1) {
				want := b[loc[0]:loc[1]]
				if strings.Count(want, "–") != 1 || strings.ContainsAny(want[:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != strings.ContainsAny(strings.SplitN(want, "–", 2)[1][:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
					continue
				}
				if _, month := monthNames[strings.ToLower(strings.SplitN(want, "–", 2)[1])]; month {
					continue // "27 April–2 Mei": a range of whole dates
				}
				hy := strings.Replace(want, "–", "-", 1)
				in := p.input(h, b[:loc[0]]+hy+b[loc[1]:])
				rep := Grade(in)
				found := false
				for _, f := range rep.Findings {
					if f.Rule == "tanda-pisah" && f.Passage(in.Headline, in.Body) == hy {
						found = true
						if f.Severity != SevSaran || f.Suggestion != want {
							t.Errorf("%s %s: %q: %s fix %q, want saran %q", set, id, hy, f.Severity, f.Suggestion, want)
						}
					} else if SeverityRank(f.Severity) > SeverityRank(SevInfo) && strings.Contains(hy, f.Passage(in.Headline, in.Body)) {
						t.Errorf("%s %s: %q also drew %s %s: %s", set, id, hy, f.Rule, f.Severity, f.Message)
					}
				}
				if !found {
					t.Errorf("%s %s: %q drew no tanda-pisah:\n%s", set, id, hy, dump(rep, in))
				}
				n++
			}
			if loc := clock.FindStringIndex(b); loc != nil {
				want := b[loc[0]:loc[1]]
				colon := strings.Replace(want, ".", ":", 1)
				in := p.input(h, b[:loc[0]]+colon+b[loc[1]:])
				found := false
				for _, f := range Grade(in).Findings {
					if f.Rule == "pukul-titik" && strings.HasPrefix(f.Passage(in.Headline, in.Body), colon) && strings.HasPrefix(f.Suggestion, want) {
						found = f.Severity == SevSaran
					}
				}
				if !found {
					t.Errorf("%s %s: %q drew no saran pukul-titik", set, id, colon)
				}
				n++
			}
			if n == 0 {
				t.Errorf("%s %s: the release has no range or time to try", set, id)
			}
		}
	}
	checkEYDCases(t, "tanda-pisah", SevSaran, []eydCase{
		{"Pendaftaran ulang dibuka pukul 13.00 - 14.00 WIB.", "13.00 - 14.00", "13.00–14.00"},
		{"Formulir diterima Senin-Rabu.", "Senin-Rabu", "Senin–Rabu"},
	})
	noRuleCases(t, "tanda-pisah", []string{"Skor lomba itu 2-1.", "Formulir diterima Senin sampai Rabu, pukul 13.00 hingga 14.00 WIB.", "Hubungi 0812-0000-5678 atau RT 02-03."})
	noRuleCases(t, "pukul-titik", []string{"Perbandingannya 4:1.", "Pendaftaran ditutup pukul 14.00 WIB."})
}

// TestMutationsNumberOpening: a sentence opening with digits is a saran
// with its fix: the number in words when one or two words say it ("Dua
// belas"), else the sentence rephrased ("Sebanyak 318 …"). A date, a
// year, a time or a number after the sentence's first word draws none.
func TestMutationsNumberOpening(t *testing.T) {
	checkEYDCases(t, "bilangan-awal-kalimat", SevSaran, []eydCase{
		{"12 relawan desa ikut membantu petugas.", "12", "Dua belas"},
		{"318 pelajar mengikuti kegiatan itu.", "318", "Sebanyak 318"},
		{"Petugas datang lebih awal. 40 kursi disiapkan di aula.", "40", "Empat puluh"},
	})
	noRuleCases(t, "bilangan-awal-kalimat", []string{
		"Sebanyak 318 pelajar mengikuti kegiatan itu.",
		"Dua belas relawan desa ikut membantu petugas.",
		"2026 menjadi tahun pertama layanan ini.",
		"08.00 WIB adalah jam buka layanan.",
		"Petugas menyiapkan 40 kursi di aula.",
	})
}

// TestMutationsSoonWords: "secepatnya", "sesegera mungkin" and "segera"
// timing the event in the writer's account ("akan segera dibuka") are the
// peringatan waktu-samar like "dalam waktu dekat"; "segera" urging the
// reader ("diimbau segera mendaftar", "Segera daftarkan …") or hung on
// another event ("segera dicetak setelah perekaman") draws nothing.
func TestMutationsSoonWords(t *testing.T) {
	checkEYDCases(t, "waktu-samar", SevPeringatan, []eydCase{
		{"Layanan serupa akan dibuka di kecamatan lain secepatnya.", "secepatnya", ""},
		{"Layanan serupa akan segera dibuka di kecamatan lain.", "segera", ""},
		{"Layanan serupa dibuka sesegera mungkin di kecamatan lain.", "sesegera mungkin", ""},
		{"Hasilnya segera diumumkan petugas.", "segera", ""},
		{"Layanan serupa dibuka di kecamatan lain dalam waktu dekat.", "dalam waktu dekat", ""},
	})
	noRuleCases(t, "waktu-samar", []string{
		"Orang tua diimbau segera mendaftar.",
		"Petugas mengajak keluarga segera melapor.",
		"Segera daftarkan anggota keluarga Anda.",
		"Data segera dicetak setelah pemeriksaan selesai.",
	})
}

// TestMutationsRelativeDiMana: "di mana" as "where" right after a noun,
// with no comma, is the saran di-mana-penghubung, fixed "tempat" after a
// place and "saat" after a time; a reported question draws nothing.
func TestMutationsRelativeDiMana(t *testing.T) {
	checkEYDCases(t, "di-mana-penghubung", SevSaran, []eydCase{
		{"Petugas juga datang ke desa di mana lansia menunggu.", "di mana", "tempat"},
		{"Ini masa di mana layanan harus cepat.", "di mana", "saat"},
	})
	noRuleCases(t, "di-mana-penghubung", []string{
		"Petugas menjelaskan di mana orang tua mendaftar.",
		"Orang tua tahu di mana harus mendaftar.",
		"Di mana lokasi layanan terdekat?",
		"Layanan juga dibuka di tempat yang mudah dijangkau.",
	})
	// Without a fix the finding still names the choice.
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	in := p.input(h, withSentence(t, b, "Ini kegiatan di mana lansia datang sendiri."))
	mustFindMsg(t, Grade(in), in, CritBahasa, SevSaran, "di mana", "\"tempat\"")
}

// TestMutationsFormalClosingAndEmphasis: the event closed formally
// ("Kegiatan kemudian ditutup secara resmi oleh camat") is the
// penutup-seremonial peringatan like "ditutup dengan doa"; an emphatic
// intensifier before a plain adjective ("benar-benar prima") is the
// writer's opinion. "Jalan ditutup oleh petugas", "benar-benar tidak dapat
// datang" and "benar-benar memeriksa" draw neither.
func TestMutationsFormalClosingAndEmphasis(t *testing.T) {
	checkEYDCases(t, "penutup-seremonial", SevPeringatan, []eydCase{
		{"Kegiatan kemudian ditutup secara resmi oleh camat.", "Kegiatan kemudian ditutup secara resmi oleh camat.", ""},
		{"Acara resmi ditutup Camat Cikadu.", "Acara resmi ditutup Camat Cikadu.", ""},
		{"Kegiatan ditutup oleh Camat Cikadu.", "Kegiatan ditutup oleh Camat Cikadu.", ""},
	})
	checkEYDCases(t, "opini-penulis", SevPeringatan, []eydCase{
		{"Layanan ini benar-benar prima.", "benar-benar prima", ""},
		{"Petugas betul-betul siap melayani.", "betul-betul siap", ""},
	})
	noRuleCases(t, "penutup-seremonial", []string{"Jalan ditutup oleh petugas.", "Pendaftaran ditutup pukul 14.00 WIB."})
	noRuleCases(t, "opini-penulis", []string{"Lansia yang benar-benar tidak dapat datang didata.", "Petugas benar-benar memeriksa berkas."})
}
