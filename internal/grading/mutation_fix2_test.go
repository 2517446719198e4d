package grading

import (
	"regexp"
	"strings"
	"testing"
)

// TestMutationsOverRange: a body over the practice's word range breaks its
// rule, so it is a peringatan naming the range and the excess, and the
// further over, the lower the score (QA 35). Both sound sets stay clean.
func TestMutationsOverRange(t *testing.T) {
	for id, p := range loadPractices(t) {
		hi := p.brief.Ketentuan.BodyWords[1]
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			sound := Grade(p.input(h, b))
			for _, f := range sound.Findings {
				if f.Rule == "rilis-panjang-ketentuan" {
					t.Errorf("%s %s: sound release drew %s: %s", set, id, f.Severity, f.Message)
				}
			}
			_, other := releaseFile(t, map[string]string{"sound": "sound2", "sound2": "sound"}[set], id)
			extra := strings.Split(other, "\n\n")[2:]
			prev := sound.Score
			for _, n := range []int{1, 3} {
				longer := b
				for i := 0; i < n; i++ {
					longer += "\n\n" + strings.Join(extra, "\n\n")
				}
				in := p.input(h, longer)
				rep := Grade(in)
				if rep.Stats.Words <= hi {
					t.Fatalf("%s %s: %d words is not over %d", set, id, rep.Stats.Words, hi)
				}
				f := mustFindMsg(t, rep, in, CritStruktur, SevPeringatan, "", "ketentuan latihan")
				if f.Rule != "rilis-panjang-ketentuan" || !strings.Contains(f.Message, countWord(rep.Stats.Words)) {
					t.Errorf("%s %s: %s %q", set, id, f.Rule, f.Message)
				}
				if rep.Score >= prev {
					t.Errorf("%s %s: %d words scored %d, not below %d", set, id, rep.Stats.Words, rep.Score, prev)
				}
				prev = rep.Score
			}
		}
	}
}

// leadSubject is the first words after the dateline of each practice's
// sound releases.
var leadSubject = map[string]string{pKTP: "Dinas Kependudukan", pImun: "Dinas Kesehatan", pBanjir: "Badan Penanggulangan", pAduan: "Bupati Sukamaju, H. Dadang"}

// TestMutationsCeremonialOpeningDone: a lead opening with the event's
// opening done ("Setelah dibuka secara resmi oleh camat", "Setelah pembukaan
// secara resmi", "Usai peresmian") is a teras-seremonial peringatan (QA 4);
// the sound releases of both sets draw none.
func TestMutationsCeremonialOpeningDone(t *testing.T) {
	openings := []string{"Setelah dibuka secara resmi oleh camat, ", "Setelah pembukaan secara resmi, ", "Usai peresmian, ",
		"Sesudah diresmikan oleh Bupati, ", "Acara dibuka secara resmi oleh Bupati Sukamaju, lalu ", "Selepas penutupan, "}
	for id, p := range loadPractices(t) {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			sound := Grade(p.input(h, b))
			for _, f := range sound.Findings {
				if f.Rule == "teras-seremonial" || f.Rule == "frasa-seremonial" {
					t.Errorf("%s %s: sound release drew %s %s", set, id, f.Rule, f.Message)
				}
			}
			for _, o := range openings {
				mb := strings.Replace(b, "SUKAMAJU – "+leadSubject[id], "SUKAMAJU – "+o+leadSubject[id], 1)
				if mb == b {
					t.Fatalf("%s %s: no lead subject %q", set, id, leadSubject[id])
				}
				in := p.input(h, mb)
				rep := Grade(in)
				f := mustFind(t, rep, in, CritMenarik, SevPeringatan, strings.TrimRight(strings.TrimSuffix(o, ", lalu "), ", "))
				if f.Rule != "teras-seremonial" || rep.Score >= sound.Score {
					t.Errorf("%s %s %q: %s, %d (sound %d)", set, id, o, f.Rule, rep.Score, sound.Score)
				}
			}
		}
	}
}

// TestMutationsHeadlinePraise: "Sukses"/"Berhasil" in a headline is the
// writer's verdict on the deed, an opini-penulis peringatan (QA 36); the
// sound headlines of both sets, and "sukses" in the body as a quote, draw
// none.
func TestMutationsHeadlinePraise(t *testing.T) {
	heads := map[string]string{
		"Disdukcapil Sukamaju Sukses Gelar Jemput Bola KTP-el di Cikadu": "Sukses",
		"Dinkes Sukamaju Berhasil Imunisasi 1.236 Balita":                "Berhasil",
		"Pelatihan Siaga Banjir BPBD Sukamaju Sukses Besar":              "Sukses Besar",
		"Bupati Sukamaju Luncurkan Kanal Aduan WhatsApp dengan Sukses":   "Sukses",
		"Warga Sukseskan Kanal Aduan WhatsApp Pemkab Sukamaju":           "Sukseskan",
	}
	for id, p := range loadPractices(t) {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			sound := Grade(p.input(h, b))
			for _, f := range sound.Findings {
				if f.Rule == "opini-penulis" {
					t.Errorf("%s %s: sound release drew %s", set, id, f.Message)
				}
			}
			for mh, span := range heads {
				in := p.input(mh, b)
				rep := Grade(in)
				f := mustFind(t, rep, in, CritFaktual, SevPeringatan, span)
				if f.Rule != "opini-penulis" || rep.Score >= sound.Score {
					t.Errorf("%s %s %q: %s, %d (sound %d)", set, id, mh, f.Rule, rep.Score, sound.Score)
				}
			}
		}
	}
}

// TestMutationsTimeFirstLead: the lesson (03-judul-dan-teras) names "Pada
// hari…" among the openings that delay the news; "Pada Kamis (16/4/2026), …"
// is the same opening without "hari", a teras-seremonial peringatan (QA 45).
// The date inside the lead, with or without "pada", draws nothing.
func TestMutationsTimeFirstLead(t *testing.T) {
	leadDate := regexp.MustCompile(`, ((?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) \(\d+/\d+/\d{4}\)),`)
	for id, p := range loadPractices(t) {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			sound := Grade(p.input(h, b))
			lead := strings.SplitN(b, "\n\n", 2)[0]
			m := leadDate.FindStringSubmatch(lead)
			if m == nil {
				t.Fatalf("%s %s: no weekday and date in the lead %q", set, id, lead)
			}
			moved := strings.Replace(b, m[0], ",", 1)
			moved = strings.Replace(moved, "SUKAMAJU – ", "SUKAMAJU – Pada "+m[1]+", ", 1)
			in := p.input(h, moved)
			rep := Grade(in)
			f := mustFindMsg(t, rep, in, CritMenarik, SevPeringatan, "Pada "+m[1], "dibuka dengan waktu")
			if f.Rule != "teras-seremonial" || rep.Score >= sound.Score {
				t.Errorf("%s %s: %s, %d (sound %d)", set, id, f.Rule, rep.Score, sound.Score)
			}
			// correct: the date where it was, after "pada"
			in = p.input(h, strings.Replace(b, m[0], " pada "+m[1]+",", 1))
			for _, f := range Grade(in).Findings {
				if f.Criterion == CritMenarik && SeverityRank(f.Severity) > SeverityRank(SevInfo) {
					t.Errorf("%s %s: false alarm %s %q: %s", set, id, f.Rule, f.Passage(in.Headline, in.Body), f.Message)
				}
			}
		}
	}
}

// TestMutationsPrefixSlipInQuote: a di- prefix written apart inside a sheet
// quote ("bukan hanya di gambar" for "digambar") or a "di" joined to a place
// ("diatas" for "di atas") is the spelling finding, a peringatan as outside
// a quote, not a kesalahan kutipan-diubah (QA 13). Another word in the
// sheet's quote ("dilukis") is still an altered quote.
func TestMutationsPrefixSlipInQuote(t *testing.T) {
	p := loadPractices(t)[pBanjir]
	for _, set := range []string{"sound", "sound2"} {
		h, b := releaseFile(t, set, pBanjir)
		sound := Grade(p.input(h, b))
		for _, c := range []struct{ old, new, rule string }{
			{"bukan hanya digambar", "bukan hanya di gambar", "awalan-di-terpisah"},
			{"digambar di atas kertas", "digambar diatas kertas", "kata-depan-serangkai"},
		} {
			if !strings.Contains(b, c.old) {
				t.Fatalf("%s: no %q", set, c.old)
			}
			in := p.input(h, strings.Replace(b, c.old, c.new, 1))
			rep := Grade(in)
			found := false
			for _, f := range rep.Findings {
				if f.Rule == "kutipan-diubah" {
					t.Errorf("%s %q: spelling slip read as an altered quote: %s", set, c.new, f.Message)
				}
				if f.Rule == c.rule && f.Severity == SevPeringatan {
					found = true
				}
			}
			if !found || rep.Score >= sound.Score || rep.Score < 80 {
				t.Errorf("%s %q: want %s peringatan, score %d (sound %d)", set, c.new, c.rule, rep.Score, sound.Score)
			}
		}
		in := p.input(h, strings.Replace(b, "bukan hanya digambar", "bukan hanya dilukis", 1))
		mustFind(t, Grade(in), in, CritFaktual, SevKesalahan, "")
	}
}
