package grading

import (
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
