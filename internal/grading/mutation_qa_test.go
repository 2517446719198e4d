package grading

import (
	"regexp"
	"strings"
	"testing"
)

// Items of the QA session of 2026-12-05 on the date, opinion, headline and
// EYD classes.

// firstParas is body cut to its first n paragraphs.
func firstParas(body string, n int) string {
	paras := strings.Split(body, "\n\n")
	return strings.Join(paras[:min(n, len(paras))], "\n\n")
}

// TestHeadlineVoiceIndependentOfBody: whether a headline is active does not
// depend on how much body follows it. "Kejar" is read as the active base of
// "dikejar" also when only the sheet's quote says "dikejar", and a ter- word
// after "yang" describes a noun ("Imunisasi yang Tertinggal"), it is no
// passive predicate.
func TestHeadlineVoiceIndependentOfBody(t *testing.T) {
	p := loadPractices(t)[pImun]
	for _, set := range []string{"sound", "sound2"} {
		_, b := releaseFile(t, set, pImun)
		for _, n := range []int{1, 2, 3, 100} {
			body := firstParas(b, n)
			for _, c := range []struct{ head, want string }{
				{"Ribuan Balita di Cikadu dan Cibeureum Kejar Imunisasi yang Tertinggal", ""},
				{"Dinkes Sukamaju Kejar Imunisasi Balita yang Tertinggal", ""},
				{"Imunisasi Balita yang Tertinggal Dikejar di 48 Posyandu", "judul-pasif"},
				{"1.236 Balita Tertinggal Imunisasi di Cikadu dan Cibeureum", "judul-pasif"},
			} {
				in := p.input(c.head, body)
				var got []string
				for _, f := range Grade(in).Findings {
					if f.Rule == "judul-pasif" || f.Rule == "judul-tanpa-kata-kerja" {
						got = append(got, f.Rule+" "+f.Severity)
					}
				}
				switch {
				case c.want == "" && len(got) > 0:
					t.Errorf("%s, %d paragraphs, %q: false alarm %v", set, n, c.head, got)
				case c.want != "" && (len(got) != 1 || got[0] != c.want+" "+SevPeringatan):
					t.Errorf("%s, %d paragraphs, %q: got %v, want %s peringatan", set, n, c.head, got, c.want)
				}
			}
		}
	}
}

var numericDate = regexp.MustCompile(`\((\d{1,2})/(\d{1,2})/(\d{4})\)`)

// TestMutationsImpossibleDate: the event's numeric date written with the
// month first ("Kamis (4/16/2026)") or with a day no month has is a
// tanggal-mustahil kesalahan that names the date and, when swapping day and
// month makes one, the fix; it costs aktual at least what leaving the date
// out costs, and draws no tanggal-hilang beside it.
func TestMutationsImpossibleDate(t *testing.T) {
	for id, p := range loadPractices(t) {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			sound := Grade(p.input(h, b))
			m := numericDate.FindStringSubmatchIndex(b)
			if m == nil {
				t.Fatalf("%s %s: no numeric date", set, id)
			}
			d, mo, y := b[m[2]:m[3]], b[m[4]:m[5]], b[m[6]:m[7]]
			cases := []struct{ date, fix string }{{d + "/32/" + y, ""}, {"32/" + mo + "/" + y, ""}}
			if len(d) == 2 && d > "12" {
				cases = append(cases, struct{ date, fix string }{mo + "/" + d + "/" + y, d + "/" + mo + "/" + y})
			}
			for _, c := range cases {
				body := b[:m[2]] + c.date + b[m[7]:]
				if strings.Count(b, "/"+y) > 1 {
					continue // a second numeric date would still date the release
				}
				in := p.input(h, body)
				rep := Grade(in)
				got := mustFind(t, rep, in, CritAktual, SevKesalahan, c.date)
				if got.Rule != "tanggal-mustahil" || got.Suggestion != c.fix {
					t.Errorf("%s %s %q: %s fix %q, want tanggal-mustahil fix %q", set, id, c.date, got.Rule, got.Suggestion, c.fix)
				}
				if len(find(rep, in, CritAktual, "")) != 1 {
					t.Errorf("%s %s %q: a second aktual finding:\n%s", set, id, c.date, dump(rep, in))
				}
				// It costs at least what leaving the date out costs.
				undated := Grade(p.input(h, b[:m[0]]+b[m[1]:]))
				if critScore(rep, CritAktual) > critScore(undated, CritAktual) || sound.Score-rep.Score < severityDrop[SevKesalahan] {
					t.Errorf("%s %s %q: aktual %d → %d (undated %d), score %d → %d", set, id, c.date, critScore(sound, CritAktual), critScore(rep, CritAktual), critScore(undated, CritAktual), sound.Score, rep.Score)
				}
				if rep.Band == BandSangatBaik {
					t.Errorf("%s %s %q: a kesalahan left %s", set, id, c.date, rep.Band)
				}
			}
			// Near forms: a decree's number and a real date draw nothing new.
			in := p.input(h, withSentence(t, b, "Layanan ini berdasar Keputusan Bupati Nomor 5/13/2026."))
			for _, f := range Grade(in).Findings {
				if f.Rule == "tanggal-mustahil" {
					t.Errorf("%s %s: decree number read as a date: %s", set, id, f.Message)
				}
			}
		}
	}
}

// TestMutationsRelativeAdverbs: "Nantinya" opening a sentence, a stretch ahead with no length
// ("dalam beberapa hari ke depan", "beberapa pekan mendatang") and "baru
// saja" before a verb are the peringatan waktu-samar; a future one has no
// date to offer as the fix, a past one the sheet's. A date right after them
// in the clause, a quote, and "baru saja" before no verb stay silent.
func TestMutationsRelativeAdverbs(t *testing.T) {
	checkEYDCases(t, "waktu-samar", SevPeringatan, []eydCase{
		{"Nantinya, petugas juga datang ke desa lain.", "Nantinya", ""},
		{"Dalam beberapa hari ke depan, petugas juga datang ke desa lain.", "Dalam beberapa hari ke depan", ""},
		{"Petugas juga datang ke desa lain beberapa pekan mendatang.", "beberapa pekan mendatang", ""},
	})
	for id, p := range loadPractices(t) {
		d := exampleDateOf(p)
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			in := p.input(h, withSentence(t, b, "Petugas baru saja mendatangi desa lain."))
			f := mustFind(t, Grade(in), in, CritAktual, SevPeringatan, "baru saja")
			if f.Rule != "waktu-samar" || f.Suggestion != d {
				t.Errorf("%s %s: %s fix %q, want waktu-samar fix %q", set, id, f.Rule, f.Suggestion, d)
			}
		}
	}
	noRuleCases(t, "waktu-samar", []string{
		"Petugas baru saja mendatangi desa lain pada Senin (1/6/2026).",
		"Warga yang baru saja pindah juga dilayani.",
		"Setiap desa mengirim utusan yang nantinya akan melatih warga lain.",
		"Petugas bekerja selama beberapa hari di desa lain.",
		"“Nantinya petugas datang ke desa lain,” kata petugas itu.",
	})
}

// exampleDateOf is the date a practice's findings offer as the fix.
func exampleDateOf(p practice) string {
	g := &grader{in: p.input("", "")}
	return g.exampleDate()
}

// TestMutationsOpinionMoodAndSlogan: a crowd's mood as the writer sees it
// ("Para peserta tampak senang dan puas", "terlihat begitu bersemangat"),
// a sentence opening that calls what follows expected ("Tak heran, …"), an
// office's slogan about itself ("selalu hadir untuk rakyat") and a degree
// on a quality of the service ("sangat praktis") are the peringatan
// opini-penulis; a measured degree, a look that is no mood and the same
// words in an attributed quote draw nothing.
func TestMutationsOpinionMoodAndSlogan(t *testing.T) {
	checkEYDCases(t, "opini-penulis", SevPeringatan, []eydCase{
		{"Para peserta tampak senang dan puas.", "tampak senang", ""},
		{"Warga terlihat begitu bersemangat.", "terlihat begitu bersemangat", ""},
		{"Tak heran, banyak warga datang lebih awal.", "Tak heran", ""},
		{"Tidak mengherankan jika banyak warga datang lebih awal.", "Tidak mengherankan", ""},
		{"Tidak berlebihan jika layanan ini disebut terobosan.", "Tidak berlebihan", ""},
		{"Pemkab Sukamaju selalu hadir untuk rakyat.", "selalu hadir untuk rakyat", ""},
		{"Pemerintah senantiasa berpihak kepada masyarakat kecil.", "senantiasa berpihak kepada masyarakat", ""},
		{"Layanan yang sangat praktis ini dibuka untuk umum.", "sangat praktis", ""},
		{"Caranya amat mudah.", "amat mudah", ""},
	})
	noRuleCases(t, "opini-penulis", []string{
		"Curah hujan di wilayah itu sangat tinggi pada bulan ini.",
		"Jarak ke kantor kecamatan sangat jauh bagi warga lansia.",
		"Petugas tampak memeriksa berkas warga satu per satu.",
		"Warga selalu hadir dalam rapat desa setiap bulan.",
		"Heran dengan antrean itu, petugas menambah meja layanan.",
		"“Warga tampak senang dan layanannya sangat praktis,” kata Camat Cikadu, Asep Saepulloh.",
	})
}

// TestMutationsReduplicationWithSpace: a word repeated with a space ("desa
// desa", "masing masing", "Desa desa" opening a sentence) is the
// peringatan kata-ulang fixed with the hyphen; the hyphenated form, a name
// repeated ("Desa Sukasari Sukasari"), a doubled function word and numbers
// draw nothing of it.
func TestMutationsReduplicationWithSpace(t *testing.T) {
	checkEYDCases(t, "kata-ulang", SevPeringatan, []eydCase{
		{"Petugas mendatangi desa desa terpencil.", "desa desa", "desa-desa"},
		{"Warga pulang ke rumah masing masing.", "masing masing", "masing-masing"},
		{"Desa desa terpencil didatangi lebih dulu.", "Desa desa", "Desa-desa"},
		{"Orang tua diminta berhati-hati dan membawa anak anak mereka.", "anak anak", "anak-anak"},
	})
	noRuleCases(t, "kata-ulang", []string{
		"Petugas mendatangi desa-desa terpencil dan rumah masing-masing warga.",
		"Warga Desa Sukasari Sukasari juga datang.",
		"Anak-anak melihat kupu-kupu di halaman.",
		"Nomor antrean 2 2 dipanggil dua kali.",
	})
}

// TestMutationsBodyExclamation: the writer's own exclamation mark in the
// body ("Ayo, segera rekam KTP-el Anda!") is the saran tanda-seru-isi with
// the sentence ended by a full stop as its fix; one inside a quote, in a
// name ("SP4N-LAPOR!") and a greeting line another rule reports draw no
// tanda-seru-isi.
func TestMutationsBodyExclamation(t *testing.T) {
	checkEYDCases(t, "tanda-seru-isi", SevSaran, []eydCase{
		{"Ayo, segera datang ke lokasi!", "Ayo, segera datang ke lokasi!", "Ayo, segera datang ke lokasi."},
		{"Layanan ini gratis!!", "Layanan ini gratis!!", "Layanan ini gratis."},
	})
	noRuleCases(t, "tanda-seru-isi", []string{
		"“Ayo, segera datang!” kata petugas itu.",
		"Aduan juga dapat dikirim lewat SP4N-LAPOR! milik pemerintah.",
	})
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	in := p.input(h, b+"\n\nSalam sehat!")
	for _, f := range Grade(in).Findings {
		if f.Rule == "tanda-seru-isi" {
			t.Errorf("greeting line reported twice: %s", f.Message)
		}
	}
}

// TestMutationsActorOnlyHeadline: a headline naming only its actor with
// words that fit any day's news ("Pemkab Sukamaju Terus Tingkatkan
// Pelayanan kepada Masyarakat") is the peringatan judul-umum, like one
// naming nothing; a headline with the service, a figure or a place of the
// news draws none.
func TestMutationsActorOnlyHeadline(t *testing.T) {
	for id, p := range loadPractices(t) {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			sound := Grade(p.input(h, b))
			for _, c := range []struct{ head, want string }{
				{"Pemkab Sukamaju Terus Tingkatkan Pelayanan kepada Masyarakat", "judul-umum"},
				{"Pemerintah Kabupaten Sukamaju Berkomitmen Wujudkan Pelayanan Prima", "judul-umum"},
				{"Pemkab Sukamaju Tingkatkan Layanan Aduan Warga lewat WhatsApp", ""},
				{"Pemkab Sukamaju Layani 1.240 Warga Cikadu", ""},
			} {
				in := p.input(c.head, b)
				rep := Grade(in)
				var got *Finding
				for k, f := range rep.Findings {
					if f.Rule == "judul-umum" {
						got = &rep.Findings[k]
					}
				}
				switch {
				case c.want == "" && got != nil:
					t.Errorf("%s %s %q: false alarm %s", set, id, c.head, got.Message)
				case c.want != "" && got == nil:
					t.Errorf("%s %s %q: no judul-umum:\n%s", set, id, c.head, dump(rep, in))
				case c.want != "" && (got.Severity != SevPeringatan || sound.Score-rep.Score < severityDrop[SevPeringatan]):
					t.Errorf("%s %s %q: %s, score %d → %d", set, id, c.head, got.Severity, sound.Score, rep.Score)
				}
			}
		}
	}
}

// TestMutationsGratitudeOpening: a lead opening with thanks to God however
// the phrase runs ("Dengan mengucap puji syukur ke hadirat Tuhan Yang Maha
// Esa, …", "Dengan memanjatkan rasa syukur, …") is the peringatan
// teras-seremonial, as "Puji syukur" already was.
func TestMutationsGratitudeOpening(t *testing.T) {
	openings := []string{"Dengan mengucap puji syukur ke hadirat Tuhan Yang Maha Esa, ", "Dengan memanjatkan rasa syukur, ",
		"Atas rahmat Tuhan Yang Maha Esa, "}
	for id, p := range loadPractices(t) {
		for _, set := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, set, id)
			sound := Grade(p.input(h, b))
			for _, o := range openings {
				mb := strings.Replace(b, "SUKAMAJU – "+leadSubject[id], "SUKAMAJU – "+o+leadSubject[id], 1)
				if mb == b {
					t.Fatalf("%s %s: no lead subject %q", set, id, leadSubject[id])
				}
				in := p.input(h, mb)
				rep := Grade(in)
				var got *Finding
				for k, f := range rep.Findings {
					if f.Rule == "teras-seremonial" {
						got = &rep.Findings[k]
					}
				}
				if got == nil || got.Severity != SevPeringatan || !strings.HasPrefix(o, got.Passage(in.Headline, in.Body)) || sound.Score-rep.Score < severityDrop[SevPeringatan] {
					t.Errorf("%s %s %q: %v, score %d → %d:\n%s", set, id, o, got, sound.Score, rep.Score, dump(rep, in))
				}
			}
		}
	}
}

// TestMutationsUndatedServiceDays: with the event date gone, the first day
// of a range of service days ("Senin–Jumat") is no event day the finding
// may quote as if it lacked its date: the finding names the schedule as a
// schedule, and costs what a missing date costs.
func TestMutationsUndatedServiceDays(t *testing.T) {
	p := loadPractices(t)[pAduan]
	for _, set := range []string{"sound", "sound2"} {
		h, b := releaseFile(t, set, pAduan)
		m := numericDate.FindStringIndex(b)
		if m == nil || !strings.Contains(b, "Senin–Jumat") {
			t.Fatalf("%s: no numeric date or no Senin–Jumat", set)
		}
		k := strings.LastIndex(b[:m[0]], ",")
		body := strings.Replace(b[:k]+b[m[1]:], "setiap Senin–Jumat", "Senin–Jumat", 1) // as the QA's release writes it
		in := p.input(h, body)
		rep := Grade(in)
		for _, f := range rep.Findings {
			if f.Rule != "tanggal-hilang" {
				continue
			}
			if strings.HasPrefix(f.Passage(in.Headline, in.Body), "Senin") || strings.Contains(f.Message, "“Senin” belum menyebut tanggal") {
				t.Errorf("%s: the service days quoted as the event day: %s", set, f.Message)
			}
			if f.Severity != SevKesalahan || critScore(rep, CritAktual) > 40 {
				t.Errorf("%s: %s, aktual %d", set, f.Severity, critScore(rep, CritAktual))
			}
		}
		if len(find(rep, in, CritAktual, "")) == 0 {
			t.Errorf("%s: no aktual finding:\n%s", set, dump(rep, in))
		}
	}
}

// TestMutationsConnectorComma: a sentence opening with a connector without
// its comma ("Oleh karena itu warga …", "Namun petugas …") is the saran
// koma-penghubung fixed with the comma; the comma written, "Namun
// demikian, …", a connector inside the sentence and "Karena itu penting"
// draw none.
func TestMutationsConnectorComma(t *testing.T) {
	checkEYDCases(t, "koma-penghubung", SevSaran, []eydCase{
		{"Oleh karena itu warga diimbau datang lebih awal.", "Oleh karena itu", "Oleh karena itu,"},
		{"Namun petugas tetap melayani warga yang datang terlambat.", "Namun", "Namun,"},
		{"Selain itu petugas juga mendatangi rumah warga.", "Selain itu", "Selain itu,"},
	})
	noRuleCases(t, "koma-penghubung", []string{
		"Oleh karena itu, warga diimbau datang lebih awal.",
		"Namun demikian, petugas tetap melayani warga.",
		"Petugas namun tetap melayani warga.",
		"Karena itu penting, petugas mencatat setiap aduan.",
	})
}

// TestMutationsCommonNounCapitals: a title or region used as a common noun
// with a capital ("oleh Perangkat Desa dan para Kepala Desa", "Sungai
// itu", "setiap Camat") is the saran kapital-jabatan or kapital-wilayah
// with the phrase in lower case; before a name, in a name and opening a
// sentence it keeps its capital.
func TestMutationsCommonNounCapitals(t *testing.T) {
	checkEYDCases(t, "kapital-jabatan", SevSaran, []eydCase{
		{"Data itu dicek oleh para Kepala Desa.", "Kepala Desa", "kepala desa"},
		{"Jadwal dibagikan kepada setiap Camat.", "Camat", "camat"},
		{"Data itu dicek oleh Perangkat Desa dan petugas.", "Perangkat Desa", "perangkat desa"},
	})
	checkEYDCases(t, "kapital-wilayah", SevSaran, []eydCase{
		{"Warga tinggal di sepanjang Sungai itu.", "Sungai", "sungai"},
	})
	noRuleCases(t, "kapital-jabatan", []string{
		"Data itu dicek oleh Kepala Desa Cijambu dan perangkat desa.",
		"Kepala desa ikut mendata warga.",
		"Jadwal disusun bersama Pemerintah Kabupaten Sukamaju.",
	})
	noRuleCases(t, "kapital-wilayah", []string{
		"Warga tinggal di sepanjang Sungai Cibeureum.",
		"Desa itu rawan banjir.",
	})
}

// TestMutationsWeekFixIsRange: "selama pekan ini" for the immunisation
// week is fixed with the sheet's range of dates, not its first day.
func TestMutationsWeekFixIsRange(t *testing.T) {
	p := loadPractices(t)[pImun]
	for _, set := range []string{"sound", "sound2"} {
		h, b := releaseFile(t, set, pImun)
		body := withSentence(t, b, "Layanan dibuka selama pekan ini.")
		in := p.input(h, body)
		f := mustFind(t, Grade(in), in, CritAktual, SevPeringatan, "pekan ini")
		if f.Rule != "waktu-samar" || f.Suggestion != "27 April–2 Mei 2026" || !strings.Contains(f.Message, "rentang tanggalnya") {
			t.Errorf("%s: %s fix %q: %s", set, f.Rule, f.Suggestion, f.Message)
		}
	}
}
