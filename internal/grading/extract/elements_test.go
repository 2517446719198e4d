package extract

import (
	"strings"
	"testing"
)

// elementCase states spans an element must contain (want) and texts no span
// of it may contain (not).
type elementCase struct {
	name, in string
	id       string
	want     []string
	not      []string
	none     bool // the element must not be found at all
}

func runElementCases(t *testing.T, cases []elementCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			el := Elements(tc.in)
			for id, spans := range el {
				for _, s := range spans {
					checkSpan(t, tc.in, s)
					if s.Start == s.End {
						t.Fatalf("empty %s span", id)
					}
				}
			}
			got := texts(el[tc.id])
			if tc.none && len(got) > 0 {
				t.Fatalf("%s found %q in %q, want none", tc.id, got, tc.in)
			}
			for _, w := range tc.want {
				ok := false
				for _, g := range got {
					if g == w {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%s = %q, want a span %q", tc.id, got, w)
				}
			}
			for _, n := range tc.not {
				for _, g := range got {
					if strings.Contains(g, n) {
						t.Errorf("%s span %q contains %q, which it must not", tc.id, g, n)
					}
				}
			}
		})
	}
}

func TestSiapa(t *testing.T) {
	runElementCases(t, []elementCase{
		// a name that looks like a meN- verb, opening the sentence before its verb
		{name: "Me- name before a verb", id: Siapa,
			in:   "Melinda mengajak warga datang ke posyandu, Senin (6/4/2026).",
			want: []string{"Melinda"}},
		{name: "Me- name of two words before a verb", id: Siapa,
			in:   "Meliana Sari membagikan paket sembako kepada warga, Senin (6/4/2026).",
			want: []string{"Meliana Sari"}},
		{name: "Me- name before a verb", id: Siapa,
			in:   "Merlina menyampaikan jadwal imunisasi kepada warga, Senin (6/4/2026).",
			want: []string{"Merlina"}},
		{name: "sentence-initial verb is no name", id: Siapa,
			in:  "Mewakili Bupati Sukamaju, Sekretaris Daerah Asep Saepudin membuka pelatihan kader.",
			not: []string{"Mewakili"}},
		{name: "honorific after title", id: Siapa,
			in:   "Bupati Sukamaju, H. Dadang Kurnia, membuka festival secara resmi.",
			want: []string{"H. Dadang Kurnia"}},
		{name: "lower-case honorific", id: Siapa,
			in:   "Kepala Dinkes Sukamaju, dr. Rahmat Hidayat, mengatakan petugas siap.",
			want: []string{"dr. Rahmat Hidayat", "Dinkes Sukamaju"}},
		{name: "Tb and Kabag", id: Siapa,
			in:   "Materi disampaikan oleh Kabag Humas Setda Pandeglang, Tb Nandar Suptandar.",
			want: []string{"Tb Nandar Suptandar", "Setda Pandeglang"}},
		{name: "degree suffix keeps the name", id: Siapa,
			in:   "Kepala sekolah, Ahmad Yani, S.Pd., menyambut peserta.",
			want: []string{"Ahmad Yani"}},
		{name: "degrees after the name are no names", id: Siapa,
			in:   "Kepala Disdagkop Sukamaju, Hj. Neneng Sumarni, S.E., M.Si., mengatakan paket dijual murah.",
			want: []string{"Hj. Neneng Sumarni"}, not: []string{"S.E.", "M."}},
		{name: "money is no name", id: Siapa,
			in: "Harga paket hanya Rp75.000 per keluarga.", none: true},
		{name: "passive verb after a sentence-initial noun", id: Siapa,
			in: "Paket dijual murah. Jadwal diumumkan kemudian.", none: true},
		{name: "attribution verbs", id: Siapa,
			in:   "“Kita harus sadar,” kata Irna. “Ayo bergerak,” ujar Rahmat.",
			want: []string{"Irna", "Rahmat"}},
		{name: "name learned then found at sentence start", id: Siapa,
			in:   "Bupati Pandeglang, Irna Narulita, hadir. Irna menambahkan, admin harus aktif.",
			want: []string{"Irna Narulita", "Irna"}},
		{name: "menurut", id: Siapa,
			in:   "Menurut Fajar, komunikasi harus dua arah.",
			want: []string{"Fajar"}, not: []string{"Menurut"}},
		{name: "organisation with expansion", id: Siapa,
			in:   "Dinas Komunikasi dan Informatika (Diskominfo) Kabupaten Sukamaju meluncurkan layanan aduan.",
			want: []string{"Dinas Komunikasi dan Informatika (Diskominfo)"}, not: []string{"Kabupaten"}},
		{name: "acronyms", id: Siapa,
			in:   "BPBD melatih relawan bersama KPU dan Diskominfo.",
			want: []string{"BPBD", "KPU", "Diskominfo"}},
		{name: "company", id: Siapa,
			in:   "Direktur Eksekutif PT Jaringan Suara Indonesia, Fajar Ariananda, menjadi narasumber.",
			want: []string{"PT Jaringan Suara Indonesia", "Fajar Ariananda"}},
		{name: "kecamatan as an organisation", id: Siapa,
			in:   "Warga antusias. Kecamatan Cikadu menggelar lomba kebersihan.",
			want: []string{"Kecamatan Cikadu"}},
		{name: "title without a name", id: Siapa,
			in:   "Camat Cikadu mengimbau warga waspada demam berdarah.",
			want: []string{"Camat Cikadu"}},
		{name: "headline acronym with region", id: Siapa,
			in:   "Dinkes Sukamaju Buka Layanan Vaksinasi Keliling di 12 Kecamatan",
			want: []string{"Dinkes Sukamaju"}, not: []string{"Buka"}},
		// Capitals at a sentence start name no one.
		{name: "sentence start common words", id: Siapa,
			in:   "Kegiatan dibuka pukul sembilan. Warga cukup membawa KTP. Acara ditutup dengan doa bersama.",
			none: true},
		{name: "pronoun and quote start", id: Siapa,
			in:   "“Para admin harus intens,” ujar dia. Ia berharap semua aktif.",
			none: true},
		{name: "form of address stays outside", id: Siapa,
			in:   "Menurut warga, Pak Jokowi sudah menyampaikan soal harga.",
			want: []string{"Jokowi"}, not: []string{"Pak"}},
	})
}

func TestApa(t *testing.T) {
	runElementCases(t, []elementCase{
		{name: "verb after subject", id: Apa,
			in:   "SUKAMAJU – Dinas Kesehatan (Dinkes) Kabupaten Sukamaju membuka layanan vaksinasi keliling di 12 kecamatan mulai Senin (9/3/2026) untuk menjangkau warga lanjut usia.",
			want: []string{"membuka layanan vaksinasi keliling"}},
		{name: "modal after a comma", id: Apa,
			in:   "KRAKATAURADIO.COM, PANDEGLANG - Organisasi Perangkat Daerah (OPD) di Kabupaten Pandeglang, harus memiliki media sosial (medsos) dan dikelola oleh admin untuk mengoptimalkan penyebaran informasi.",
			want: []string{"harus memiliki media sosial"}},
		{name: "agency acronym is no di- verb", id: Apa,
			in:   "SUKAMAJU – Dinas Perdagangan, Koperasi, dan UKM (Disdagkop) Kabupaten Sukamaju menggelar pasar murah di 15 kecamatan.",
			want: []string{"menggelar pasar murah"}, not: []string{"Disdagkop"}},
		{name: "headline bare verb", id: Apa,
			in:   "Dinkes Sukamaju Buka Layanan Vaksinasi Keliling di 12 Kecamatan",
			want: []string{"Buka Layanan Vaksinasi Keliling"}},
		{name: "headline modal and verb", id: Apa,
			in:   "OPD di Pandeglang Wajib Miliki Medsos dan Admin untuk Optimalisasi Penyebaran Informasi",
			want: []string{"Wajib Miliki Medsos dan Admin"}},
		{name: "ceremonial lead: the main clause after the subordinate ones", id: Apa,
			in:   "Dalam rangka meningkatkan pengetahuan petani, bertempat di Balai Desa Mekarsari, pada hari Selasa tanggal 14 April 2026, telah dilaksanakan kegiatan sosialisasi penggunaan pupuk organik yang diselenggarakan oleh Dinas Pertanian.",
			want: []string{"telah dilaksanakan kegiatan sosialisasi penggunaan pupuk organik"}},
		{name: "relative clause in the subject is skipped", id: Apa,
			in:   "Festival UMKM yang digelar Dinas Koperasi di Alun-alun Sukamaju, Sabtu (14/3/2026), berlangsung meriah.",
			want: []string{"berlangsung meriah"}, not: []string{"digelar"}},
		{name: "no predicate", id: Apa,
			in: "KEGIATAN SOSIALISASI DINAS PERTANIAN!!!", none: true},
	})
}

func TestKapanElement(t *testing.T) {
	runElementCases(t, []elementCase{
		{name: "date in parentheses", id: Kapan,
			in:   "“Wajar kalau ada keluhan,” kata Irna saat memberikan arahan, Rabu (30/06).",
			want: []string{"Rabu (30/06)"}},
		{name: "durations and service hours are no event time", id: Kapan,
			in:   "Setiap aduan wajib dijawab paling lambat tiga hari kerja. Layanan dipantau pada hari dan jam kerja. Pelatihan berlangsung dua hari, setiap pekan, selama enam pekan.",
			none: true},
		{name: "date inside a quotation is not the event's time", id: Kapan,
			in:   "“Pada 2019 kami gagal,” kata Budi, Senin (9/3/2026).",
			want: []string{"Senin (9/3/2026)"}, not: []string{"2019"}},
		{name: "vague words alone", id: Kapan,
			in: "Baru-baru ini Dinas menggelar lomba. Beberapa waktu lalu warga mengeluh.", none: true},
		{name: "relative and years", id: Kapan,
			in:   "Program dimulai pekan depan dan selesai pada 2025.",
			want: []string{"pekan depan", "2025"}},
		{name: "now is no time", id: Kapan,
			in: "Apalagi saat ini merupakan era keterbukaan informasi.", none: true},
	})
}

func TestDiMana(t *testing.T) {
	runElementCases(t, []elementCase{
		{name: "dateline caps", id: DiMana, in: "PANDEGLANG – Bupati membuka acara.", want: []string{"PANDEGLANG"}},
		{name: "dateline after web address", id: DiMana,
			in: "KRAKATAURADIO.COM, PANDEGLANG - OPD wajib punya medsos.", want: []string{"PANDEGLANG"}, not: []string{"KRAKATAURADIO"}},
		{name: "dateline with agency", id: DiMana, in: "Yogyakarta, Kompas - Dosen UGM meneliti kloning.", want: []string{"Yogyakarta"}, not: []string{"Kompas"}},
		{name: "names joined by a dash are no dateline", id: DiMana,
			in: "Pasangan Joko Widodo - Jusuf Kalla menang.", none: true},
		{name: "place nouns with names", id: DiMana,
			in:   "Pelatihan digelar di Aula BPBD, lalu di Balai Desa Mekarsari dan di Kantor Diskominfo Sukamaju.",
			want: []string{"Aula BPBD", "Balai Desa Mekarsari", "Kantor Diskominfo Sukamaju"}},
		{name: "organisation after di is a place", id: DiMana,
			in: "“Kami datang,” kata Rahmat di Puskesmas Cibeureum.", want: []string{"Puskesmas Cibeureum"}},
		{name: "counted places", id: DiMana, in: "Layanan dibuka di 12 kecamatan.", want: []string{"12 kecamatan"}},
		{name: "place list", id: DiMana,
			in:   "Ia berbicara di Gedung DPR, Senayan, Jakarta, Senin (11/5).",
			want: []string{"Gedung DPR", "Senayan", "Jakarta"}},
		{name: "countries only where they are places", id: DiMana,
			in: "Israel menyerang lagi dan warga Palestina mengungsi.", none: true},
		{name: "no place in time phrases", id: DiMana,
			in: "Akun resmi dimanfaatkan sebagai sarana komunikasi di masa pandemi Covid-19.", none: true},
	})
}

func TestMengapa(t *testing.T) {
	runElementCases(t, []elementCase{
		{name: "purpose clause", id: Mengapa,
			in:   "OPD harus memiliki media sosial untuk mengoptimalkan penyebaran informasi.",
			want: []string{"untuk mengoptimalkan penyebaran informasi"}},
		{name: "agar", id: Mengapa,
			in:   "Diskominfo meluncurkan layanan aduan agar keluhan warga ditindaklanjuti lebih cepat.",
			want: []string{"agar keluhan warga ditindaklanjuti lebih cepat"}},
		{name: "dalam rangka", id: Mengapa,
			in:   "Dalam rangka meningkatkan pengetahuan petani, dinas menggelar sosialisasi.",
			want: []string{"Dalam rangka meningkatkan pengetahuan petani"}},
		{name: "karena", id: Mengapa,
			in:   "Kasus naik karena warga jarang menguras bak mandi.",
			want: []string{"karena warga jarang menguras bak mandi"}},
		{name: "untuk without a purpose", id: Mengapa,
			in:   "BPBD menyerahkan peralatan untuk setiap desa. Untuk warga yang sakit, petugas datang. Untuk itu setiap OPD wajib aktif.",
			none: true},
		{name: "connectives are no reason", id: Mengapa,
			in:   "Karena itu, kami datang. Oleh sebab itu, kegiatan disampaikan. Mereka masuk satu demi satu.",
			none: true},
	})
}

func TestBagaimana(t *testing.T) {
	runElementCases(t, []elementCase{
		{name: "melalui", id: Bagaimana,
			in:   "Jadwal diumumkan melalui akun Instagram resmi Dinkes.",
			want: []string{"melalui akun Instagram resmi Dinkes"}},
		{name: "dengan plus verb", id: Bagaimana,
			in:   "Sosialisasi digelar dengan menghadirkan narasumber dari balai penyuluhan.",
			want: []string{"dengan menghadirkan narasumber dari balai penyuluhan"}},
		{name: "dengan cara", id: Bagaimana,
			in:   "Operasi pasar dilakukan dengan cara menjual beras langsung kepada pedagang.",
			want: []string{"dengan cara menjual beras langsung kepada pedagang"}},
		{name: "secara", id: Bagaimana,
			in:   "Bupati membuka festival secara resmi dan berkeliling ke stan.",
			want: []string{"secara resmi"}},
		{name: "dengan plus method noun", id: Bagaimana,
			in:   "Pelatihan berlangsung dua hari dengan materi pertolongan pertama.",
			want: []string{"dengan materi pertolongan pertama"}},
		{name: "company is no manner", id: Bagaimana,
			in:   "Camat menggelar rapat koordinasi dengan kepala desa. Secara umum warga puas.",
			none: true},
	})
}
