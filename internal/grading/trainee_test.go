package grading

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The trainee suite: releases written for the four practices as trainees
// write them (testdata/trainee), graded as the web app grades them. The
// careful ones use unusual but correct EYD V forms (numbers in words at the
// start of a sentence, "empat ratus perekaman", "s.d.", a quote introduced by
// a colon, two weekdays over two days) and must draw no finding above info
// beyond the ones listed; the hostile ones, and the careful ones broken by
// several edits at once, combine defects differently from the mutation suite,
// and each defect must be found at its passage with its severity, with no
// peringatan or kesalahan that is not expected.

// want is a finding the release must draw: criterion, severity, a part of
// its passage ("" for a remark on the whole text) and a part of its message.
type want struct{ crit, sev, passage, msg string }

type traineeRelease struct {
	file     string
	practice string
	edits    []edit // applied one after the other; none for the text as written
	joined   bool   // after the edits, the body is written as one paragraph
	wants    []want
	fine     []string // passages of correct forms that must draw nothing above info
}

var traineeReleases = []traineeRelease{
	{file: "ktp-sound-words.txt", practice: pKTP, fine: []string{"Kamis, 16 April 2026", "Tiga ratus delapan belas", "empat ratus perekaman", "tiga perangkat", "di antaranya", "akan mendata"}},
	{file: "ktp-sound-forms.txt", practice: pKTP, fine: []string{"Kamis, tanggal 16 April 2026", "Empat ratus perekaman", "s.d.", "keluar rumah", "Tiga perangkat", "di luar"}},
	// "empat puluh delapan posyandu" takes three words: EYD V writes it
	// in digits (a suggestion); at the start of a sentence words are right.
	{file: "imun-sound-words.txt", practice: pImun, wants: []want{{CritBahasa, SevSaran, "empat puluh delapan", "dengan angka"}},
		fine: []string{"Senin pagi (27/4/2026)", "Seribu dua ratus tiga puluh enam balita", "27 April sampai dengan 2 Mei 2026", "dua vaksinator"}},
	{file: "banjir-sound-words.txt", practice: pBanjir, fine: []string{"Rabu dan Kamis, 14 dan 15 Oktober 2026", "lima orang", "tahun-tahun", "18 paket"}},
	{file: "aduan-sound-words.txt", practice: pAduan, fine: []string{"Selasa, 2 Juni 2026", "Empat puluh dua OPD", "tiga hari kerja", "Enam admin", "0812-0000-5678"}},

	{file: "ktp-hostile.txt", practice: pKTP, wants: []want{
		{CritMenarik, SevPeringatan, "LAYANAN JEMPUT BOLA", "kapital"},
		{CritMenarik, SevPeringatan, "LAYANAN JEMPUT BOLA", "belum memuat kata kerja"},
		{CritFaktual, SevPeringatan, "SUKSES BESAR", "penilaian penulis"},
		{CritMenarik, SevPeringatan, "!!", "memancing klik"},
		{CritMenarik, SevPeringatan, "Dalam rangka", "seremonial"},
		{CritStruktur, SevPeringatan, "Dalam", "dateline"},
		{CritAktual, SevKesalahan, "Kamis (17/4/2026)", "jatuh pada hari Jumat"},
		{CritFaktual, SevKesalahan, "Kamis (17/4/2026)", "16 April 2026"},
		{CritBahasa, SevPeringatan, "1240", "1.240"},
		{CritFaktual, SevPeringatan, "luar biasa", "penilaian penulis"},
		{CritFaktual, SevPeringatan, "disambut antusias", "penilaian penulis"}, // from 1.29.0
		{CritFaktual, SevKesalahan, "Pelayanan prima", "tidak ada di lembar fakta"},
		{CritFaktual, SevKesalahan, "500 warga", "400 perekaman"},
		{CritBahasa, SevPeringatan, "di layani", "awalan"},
		{CritStruktur, SevPeringatan, "", "250–400 kata"},
	}, fine: []string{"tiga perangkat", "didata", "di rumah"}},
	{file: "imun-hostile.txt", practice: pImun, wants: []want{
		{CritBahasa, SevPeringatan, "1236", "1.236"},
		{CritStruktur, SevPeringatan, "Dinas Kesehatan", "Teras berita 43 kata"},
		{CritFaktual, SevKesalahan, "belasan posyandu", "48 posyandu"},
		{CritBahasa, SevPeringatan, "di pungut", "awalan"},
		{CritBahasa, SevPeringatan, "dirumah", "kata depan"},
		{CritFaktual, SevKesalahan, "itu tidak biasa", "makna"},
		{CritFaktual, SevPeringatan, "itu tidak biasa", "atribusi"},
		{CritFaktual, SevKesalahan, "Euis Komalasary", "Euis Komalasari"},
		{CritFaktual, SevPeringatan, "", "dua kutipan langsung"},
		{CritStruktur, SevPeringatan, "", "250–400 kata"},
	}, fine: []string{"Senin (27/4/2026)", "Kejar", "dua vaksinator", "enam hari"}},
	{file: "banjir-hostile.txt", practice: pBanjir, wants: []want{
		{CritFaktual, SevKesalahan, "20 Desa", "18 desa"},
		{CritStruktur, SevPeringatan, "Badan Penanggulangan", "satu paragraf"},
		{CritAktual, SevKesalahan, "pukul 09.00 WIB", "bukan tanggal"},
		{CritFaktual, SevKesalahan, "dua puluh desa", "18 desa"},
		{CritFaktual, SevKesalahan, "enam orang", "lima orang"},
		{CritFaktual, SevPeringatan, "sangat meriah", "penilaian penulis"},
		{CritFaktual, SevKesalahan, "Sekretaris BPBD", "Kepala Pelaksana"},
		{CritStruktur, SevPeringatan, "", "250–400 kata"},
	}, fine: []string{"90 anggota", "dua hari"}},
	{file: "aduan-hostile.txt", practice: pAduan, wants: []want{
		{CritMenarik, SevPeringatan, "Kanal Aduan", "Judul empat kata"},
		{CritMenarik, SevPeringatan, "WhatsApp Diluncurkan", "kalimat aktif"},
		{CritFaktual, SevPeringatan, "", "dua kutipan langsung"},
		{CritAktual, SevKesalahan, "Selasa (3/6/2026)", "jatuh pada hari Rabu"},
		{CritFaktual, SevKesalahan, "Selasa (3/6/2026)", "2 Juni 2026"},
		{CritBahasa, SevPeringatan, "1870", "1.870"},
		{CritFaktual, SevKesalahan, "Warga tidak perlu", "Siti Nurhalimah"},
		{CritStruktur, SevKesalahan, "", "kurang dari separuh"},
		{CritPenting, SevPeringatan, "", "jam layanan (pukul 08.00–16.00 WIB)"},
		{Crit5W1H, SevPeringatan, "Bupati Sukamaju", "belum menjawab mengapa"}, // from 1.47.0
	}, fine: []string{"42 OPD", "0812-0000-5678"}},

	{file: "ktp-sound-words.txt", practice: pKTP, edits: []edit{
		{"karena 1.240 warga wajib KTP-el", "karena 1.420 penduduk wajib KTP-el", ""},
		{"Petugas menargetkan empat ratus perekaman dalam sehari.", "Petugas menargetkan lima ratus warga dalam sehari.", ""},
		{"Tiga ratus delapan belas di antaranya", "Tiga ratus delapan puluh satu di antaranya", ""},
	}, wants: []want{
		{CritFaktual, SevKesalahan, "1.420 penduduk", "1.240 warga"},
		{CritFaktual, SevKesalahan, "lima ratus warga", "400 perekaman"},
		{CritFaktual, SevKesalahan, "Tiga ratus delapan puluh satu", "318 pelajar"},
	}, fine: []string{"tiga perangkat"}},
	{file: "banjir-sound-words.txt", practice: pBanjir, edits: []edit{
		{"Rabu dan Kamis, 14 dan 15 Oktober 2026", "Kamis dan Jumat, 14 dan 15 Oktober 2026", ""},
		{"Setiap desa mengirim lima orang.", "Setiap desa mengirim enam orang.", ""},
		{"simulasi evakuasi di Desa Cijambu", "simulasi evakuasi diDesa Cijambu", ""},
		{"Sukamaju, Asep Saepudin, mengatakan", "Sukamaju, Asep Syaifudin, mengatakan", ""},
	}, wants: []want{
		{CritAktual, SevKesalahan, "Jumat, 14 dan 15 Oktober 2026", "jatuh pada hari Rabu, bukan Kamis"},
		{CritFaktual, SevKesalahan, "enam orang", "lima orang"},
		{CritBahasa, SevPeringatan, "diDesa", "kata depan"},
		{CritFaktual, SevKesalahan, "Asep Syaifudin", "Asep Saepudin"},
	}, fine: []string{"18 paket"}},
	{file: "imun-sound-words.txt", practice: pImun, edits: []edit{
		{"Dinkes Sukamaju Kejar Imunisasi Balita yang Tertinggal di 48 Posyandu", "Balita yang Tertinggal Imunisasi Dikejar di 48 Posyandu Sukamaju", ""},
		{"imunisasi rutin 1.236 balita.", "imunisasi rutin 1.263 anak.", ""},
		{"Seribu dua ratus tiga puluh enam balita itu", "Seribu dua ratus enam puluh tiga balita itu", ""},
		{"dr. Rahmat Hidayat, mengingatkan", "dr. Rahmad Hidayat, mengingatkan", ""},
		{"Tidak ada biaya yang dipungut untuk layanan ini.", "Layanan ini sukses besar dan tidak ada biaya yang di pungut.", ""},
	}, wants: []want{
		{CritMenarik, SevPeringatan, "Dikejar", "kalimat aktif"},
		{CritFaktual, SevKesalahan, "1.263 anak", "1.236 balita"},
		{CritFaktual, SevKesalahan, "Seribu dua ratus enam puluh tiga balita", "1.236 balita"},
		{CritFaktual, SevKesalahan, "Rahmad Hidayat", "Rahmat Hidayat"},
		{CritFaktual, SevPeringatan, "sukses besar", "penilaian penulis"},
		{CritBahasa, SevPeringatan, "di pungut", "awalan"},
	}},
	{file: "aduan-sound-words.txt", practice: pAduan, joined: true, edits: []edit{
		{"Empat puluh dua OPD sudah tersambung", "Dua puluh empat OPD sudah tersambung", ""},
		{"paling lambat tiga hari kerja", "paling lambat tujuh hari kerja", ""},
	}, wants: []want{
		{CritStruktur, SevPeringatan, "Pemerintah Kabupaten Sukamaju meluncurkan", "satu paragraf"},
		{CritFaktual, SevKesalahan, "Dua puluh empat OPD", "42 OPD"},
		{CritFaktual, SevKesalahan, "tujuh hari", "tiga hari kerja"},
	}, fine: []string{"Enam admin", "Selasa, 2 Juni 2026"}},
}

func TestTraineeReleases(t *testing.T) {
	practices := loadPractices(t)
	for n, tr := range traineeReleases {
		t.Run(tr.file+"/"+string(rune('a'+n)), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "trainee", tr.file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			for _, e := range tr.edits {
				if !strings.Contains(text, e.old) {
					t.Fatalf("the release has no %q", e.old)
				}
				text = strings.Replace(text, e.old, e.new, 1)
			}
			h, b, err := SplitRelease(text)
			if err != nil {
				t.Fatal(err)
			}
			if tr.joined {
				b = strings.Join(strings.Split(b, "\n\n"), " ")
			}
			in := practices[tr.practice].input(h, b)
			rep := Grade(in)
			expected := map[int]bool{}
			for _, w := range tr.wants {
				mustFindMsg(t, rep, in, w.crit, w.sev, w.passage, w.msg)
				for i, f := range rep.Findings {
					if f.Criterion == w.crit && f.Severity == w.sev && strings.Contains(f.Passage(in.Headline, in.Body), w.passage) && strings.Contains(f.Message, w.msg) {
						expected[i] = true
					}
				}
			}
			worst := SevInfo
			for i, f := range rep.Findings {
				if SeverityRank(f.Severity) > SeverityRank(worst) {
					worst = f.Severity
				}
				limit := SevSaran // hostile releases: every peringatan and kesalahan is expected
				if len(tr.edits) == 0 && !strings.Contains(tr.file, "hostile") {
					limit = SevInfo // careful releases: nothing above info unless expected
				}
				if !expected[i] && SeverityRank(f.Severity) > SeverityRank(limit) {
					t.Errorf("unexpected %s %s on %q: %s", f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
				}
			}
			for _, ok := range tr.fine {
				if !strings.Contains(in.Headline+"\n"+in.Body, ok) {
					t.Fatalf("the release has no %q", ok)
				}
				for _, f := range rep.Findings {
					if p := f.Passage(in.Headline, in.Body); SeverityRank(f.Severity) > SeverityRank(SevInfo) && p != "" && strings.Contains(p, ok) && len(p) < len(ok)+40 {
						t.Errorf("correct form %q drew %s %s: %s", ok, f.Criterion, f.Severity, f.Message)
					}
				}
			}
			switch worst {
			case SevKesalahan:
				if rep.Score > ErrorCap || rep.Band == BandSangatBaik || rep.Band == BandBaik {
					t.Errorf("kesalahan but %d %s", rep.Score, rep.Band)
				}
			case SevPeringatan:
				if rep.Score > WarningCap || rep.Band == BandSangatBaik {
					t.Errorf("peringatan but %d %s", rep.Score, rep.Band)
				}
			default:
				if rep.Band != BandSangatBaik {
					t.Errorf("careful release scored %d %s", rep.Score, rep.Band)
				}
			}
			t.Logf("%d words, %d %s", rep.Stats.Words, rep.Score, rep.Band)
		})
	}
}
