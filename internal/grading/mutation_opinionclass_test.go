package grading

import (
	"regexp"
	"strings"
	"testing"
)

// TestMutationsOpinionClasses: the writer speaking for the office — a deed
// presented as proof of a virtue, a wish or a verdict opening a sentence, a
// mood read off the crowd, praise adjectives, an office's constancy — is the
// opini-penulis peringatan on every sound release; the neutral uses of the
// same words draw nothing.
func TestMutationsOpinionClasses(t *testing.T) {
	checkEYDCases(t, "opini-penulis", SevPeringatan, []eydCase{
		{sentence: "Hal ini membuktikan keseriusan pemerintah daerah dalam melayani masyarakat.", passage: "membuktikan keseriusan"},
		{sentence: "Hal ini menunjukkan komitmen pemerintah daerah untuk melayani masyarakat sepenuh hati.", passage: "menunjukkan komitmen"},
		{sentence: "Layanan ini merupakan wujud kepedulian pemerintah daerah kepada warga.", passage: "wujud kepedulian"},
		{sentence: "Pemerintah daerah terus berkomitmen memberikan pelayanan prima kepada masyarakat.", passage: "terus berkomitmen"},
		{sentence: "Semoga layanan ini bermanfaat bagi masyarakat.", passage: "Semoga"},
		{sentence: "Diharapkan layanan ini dapat meningkatkan kesadaran warga.", passage: "Diharapkan"},
		{sentence: "Hebatnya, layanan ini tidak memungut biaya sepeser pun.", passage: "Hebatnya"},
		{sentence: "Antusiasme warga terlihat dari panjangnya antrean sejak pagi.", passage: "Antusiasme warga terlihat"},
		{sentence: "Layanan ini dikemas dengan apik oleh panitia.", passage: "apik"},
		{sentence: "Berkat aplikasi yang canggih ini, warga dapat mendaftar dari rumah.", passage: "canggih"},
	})
	checkEYDCases(t, "", "", []eydCase{
		{sentence: "Catatan petugas menunjukkan antrean terpanjang terjadi pada pagi hari."},
		{sentence: "Petugas menunjukkan cara mengisi formulir kepada warga."},
		{sentence: "Warga diharapkan datang lebih awal."},
		{sentence: "Diharapkan, warga yang belum terdata segera melapor ke kantor desa."},
		{sentence: "Bantuan diberikan dalam bentuk paket peralatan."},
		{sentence: "Semangat warga untuk datang tidak terhalang hujan."},
		{sentence: "Petugas tetap melayani warga hingga antrean habis."},
	})
}

// TestMutationsTodayInDatedLead: the lead's date replaced by "hari ini" is
// reported whether or not the body gives a date further on: waktu-samar
// (peringatan, the sheet's date as the fix) beside a later date, the
// missing date (kesalahan) without one.
func TestMutationsTodayInDatedLead(t *testing.T) {
	leadDate := regexp.MustCompile(`, [A-Z][a-z]+ \(\d{1,2}/\d{1,2}/\d{4}\),`)
	for id, p := range loadPractices(t) {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			lead, rest, _ := strings.Cut(b, "\n\n")
			date := leadDate.FindString(lead)
			if date == "" {
				t.Fatalf("%s %s: no date in the lead", set, id)
			}
			in := p.input(h, strings.Replace(lead, date, " hari ini", 1)+"\n\n"+rest)
			rep := Grade(in)
			var got *Finding
			for k, f := range rep.Findings {
				if (f.Rule == "waktu-samar" || f.Rule == "tanggal-hilang") && f.Passage(in.Headline, in.Body) == "hari ini" {
					got = &rep.Findings[k]
				}
			}
			if got == nil {
				t.Errorf("%s %s: \"hari ini\" for the lead's date drew nothing:\n%s", set, id, dump(rep, in))
				continue
			}
			if SeverityRank(got.Severity) < SeverityRank(SevPeringatan) || got.Suggestion != strings.Trim(date, ", ") {
				t.Errorf("%s %s: %s %s fix %q, want at least peringatan with fix %q", set, id, got.Rule, got.Severity, got.Suggestion, strings.Trim(date, ", "))
			}
		}
	}
}
