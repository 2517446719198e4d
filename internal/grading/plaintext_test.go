package grading

import (
	"strings"
	"testing"
)

// TestMarkupIsReported: Markdown and HTML written into a release show as
// stray signs once it is sent as plain text; each kind is reported once,
// at its first place, quoting it.
func TestMarkupIsReported(t *testing.T) {
	for _, c := range []struct{ headline, para, passage, msg string }{
		{goodHeadline, "Pelatihan **tanpa dipungut biaya** dan terbuka bagi warga.", "**tanpa dipungut biaya**", "tanda tebal"},
		{goodHeadline, "Pelatihan __gratis__ bagi warga.", "__gratis__", "tanda tebal"},
		{goodHeadline, "Program *Siaga Desa* dimulai tahun ini.", "*Siaga Desa*", "miring"},
		{goodHeadline, "## Jadwal Pelatihan\n\nPelatihan berlangsung sehari.", "## Jadwal Pelatihan", "tanda judul Markdown"},
		{goodHeadline, "Informasi ada di [situs BPBD](https://bpbd.sukamajukab.go.id).", "[situs BPBD](https://bpbd.sukamajukab.go.id)", "tautan Markdown"},
		{goodHeadline, "Pelatihan <b>gratis</b> bagi warga.<br>Daftar di balai desa.", "<b>", "seluruhnya ada tiga tanda"},
		{"**BPBD Sukamaju Latih 60 Relawan Tanggap Banjir**", "Pelatihan berlangsung sehari.", "**BPBD Sukamaju", "tanda tebal"},
	} {
		in, rep := check(c.headline, withLead(c.para))
		f := mustFindMsg(t, rep, in, CritStruktur, SevPeringatan, c.passage, c.msg)
		if f.Rule != "markup" || !strings.Contains(f.Message, "teks biasa") || !strings.Contains(f.Message, c.passage) {
			t.Errorf("%q: %s %s", c.para, f.Rule, f.Message)
		}
	}
	in, rep := check(goodHeadline, withLead("Warga cukup membawa:\n- kartu keluarga;\n- surat pengantar desa."))
	f := mustFindMsg(t, rep, in, CritStruktur, SevSaran, "- kartu keluarga;\n- surat pengantar desa.", "daftar berbutir")
	if !strings.Contains(f.Message, "“… kartu keluarga dan surat pengantar desa.”") {
		t.Errorf("the list's fix does not join its items: %s", f.Message)
	}
}

// TestPlainTextFalseAlarms: hashtags, a hyphen dateline, a lone dash line,
// amounts, comparisons and English names, titles and idioms inside
// Indonesian sentences are neither markup nor an English passage.
func TestPlainTextFalseAlarms(t *testing.T) {
	for _, para := range []string{
		"Ikuti kampanye #SiagaBanjir dan #BPBDSukamaju di media sosial.",
		"Biaya pendaftaran Rp25.000,- dibayar di lokasi; balita usia < 5 tahun gratis.",
		"- Pelatihan ini terbuka bagi warga.",
		"Kegiatan ini bagian dari Festival of the Arts and Culture Sukamaju.",
		"Menurut Bupati, penempatan pegawai harus the right man on the right place.",
		"Petugas mendata warga by name by address dan door to door.",
		"Sebagian pegawai masih work from home selama banjir.",
		"Kampanye “Go Green and Clean” digelar di alun-alun.",
		"Peserta mendapat materi Training of Trainers dari BNPB.",
		"Surel: bpbd_sukamaju@sukamajukab.go.id, situs: https://bpbd.sukamajukab.go.id.",
		"Tim AS dan IT BPBD ikut membantu.",
	} {
		in, rep := check(goodHeadline, withLead(para))
		for _, f := range rep.Findings {
			if f.Rule == "markup" || f.Rule == "daftar-berbutir" || f.Rule == "bahasa-inggris" {
				t.Errorf("%q: false alarm %s on %q: %s", para, f.Rule, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}

// TestEnglishPassage: a sentence or a clause in English, in the body or in
// a quote, is reported at its passage; the Indonesian words around it are
// not part of it.
func TestEnglishPassage(t *testing.T) {
	for _, c := range []struct{ para, passage string }{
		{"The program is designed to help residents who live far from the office.", "The program is designed to help residents who live far from the office."},
		{"\"We are ready to serve all residents,\" kata Asep.", "We are ready to serve all residents"},
		{"Menurut Asep, the government will continue to support volunteers.", "the government will continue to support volunteers."},
		{"Pelatihan berlangsung sehari. This is a great step for our village. Warga menyambutnya.", "This is a great step for our village."},
	} {
		in, rep := check(goodHeadline, withLead(c.para))
		f := mustFindMsg(t, rep, in, CritBahasa, SevPeringatan, c.passage, "bahasa Inggris")
		if got := f.Passage(in.Headline, in.Body); got != c.passage {
			t.Errorf("%q: passage %q, want %q", c.para, got, c.passage)
		}
		if f.Rule != "bahasa-inggris" || !strings.Contains(f.Message, "bahasa Indonesia") {
			t.Errorf("%q: %s %s", c.para, f.Rule, f.Message)
		}
	}
}
