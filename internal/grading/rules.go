package grading

// Rule is one class of defect the grader reports. Its ID is stable across
// versions and messages, so a report can group findings by rule and a
// stored report keeps meaning what it meant.
type Rule struct {
	ID        string `json:"id"`
	Criterion string `json:"criterion"`
	// Label names the rule as a heading a trainee reads.
	Label string `json:"label"`
}

// Rules lists every rule a finding may name, grouped by criterion in report
// order.
var Rules = []Rule{
	{"unsur-5w1h-hilang", Crit5W1H, "Pertanyaan 5W1H belum terjawab"},
	{"teras-5w1h-hilang", Crit5W1H, "Teras belum menjawab pertanyaan 5W1H"},
	{"teras-5w1h-terlambat", Crit5W1H, "Jawaban 5W1H terlambat muncul di teras"},

	{"tanggal-hilang", CritAktual, "Tanggal kegiatan tidak ada"},
	{"hari-tanpa-tanggal", CritAktual, "Hari disebut tanpa tanggal"},
	{"tanggal-tanpa-hari", CritAktual, "Tanggal tanpa nama hari"},
	{"waktu-samar", CritAktual, "Keterangan waktu samar"},
	{"tanggal-mustahil", CritAktual, "Tanggal tidak ada di kalender"},
	{"hari-tanggal-tidak-cocok", CritAktual, "Hari tidak cocok dengan tanggal"},
	{"rilis-sebelum-kegiatan", CritAktual, "Rilis ditulis sebelum kegiatan"},
	{"rilis-terlambat", CritAktual, "Rilis terlambat terbit"},

	{"angka-bertentangan", CritFaktual, "Angka berbeda dengan lembar fakta"},
	{"tanggal-bertentangan", CritFaktual, "Tanggal berbeda dengan lembar fakta"},
	{"nama-bertentangan", CritFaktual, "Nama berbeda dengan lembar fakta"},
	{"tempat-bertentangan", CritFaktual, "Tempat berbeda dengan lembar fakta"},
	{"gelar-bertentangan", CritFaktual, "Gelar berbeda dengan lembar fakta"},
	{"sapaan-bertentangan", CritFaktual, "Sapaan berbeda dengan lembar fakta"},
	{"jabatan-bertentangan", CritFaktual, "Jabatan berbeda dengan lembar fakta"},
	{"syarat-bertentangan", CritFaktual, "Syarat layanan berbeda dengan lembar fakta"},
	{"hari-layanan-bertentangan", CritFaktual, "Hari layanan berbeda dengan lembar fakta"},
	{"jam-bertentangan", CritFaktual, "Jam berbeda dengan lembar fakta"},
	{"nomor-bertentangan", CritFaktual, "Nomor telepon berbeda dengan lembar fakta"},
	{"tautan-bertentangan", CritFaktual, "Tautan atau surel berbeda dengan lembar fakta"},
	{"biaya-bertentangan", CritFaktual, "Biaya berbeda dengan lembar fakta"},
	{"pernyataan-dibalik", CritFaktual, "Pernyataan lembar fakta dibalik"},
	{"fakta-di-luar-lembar", CritFaktual, "Fakta tidak ada di lembar fakta"},
	{"kutipan-tanpa-atribusi", CritFaktual, "Kutipan tanpa atribusi"},
	{"kutipan-beratribusi-kurang", CritFaktual, "Kutipan beratribusi kurang dari ketentuan"},
	{"kutipan-tidak-ada-di-lembar", CritFaktual, "Kutipan tidak ada di lembar fakta"},
	{"kutipan-salah-atribusi", CritFaktual, "Kutipan dikaitkan dengan orang yang salah"},
	{"kutipan-diubah", CritFaktual, "Kutipan berbeda dengan aslinya"},
	{"narasumber-hilang", CritFaktual, "Belum ada narasumber"},
	{"narasumber-lembar-belum-disebut", CritFaktual, "Narasumber lembar fakta belum disebut"},
	{"narasumber-tanpa-identitas", CritFaktual, "Narasumber disebut tanpa jabatan atau nama lengkap"},
	{"kutipan-lembar-belum-dipakai", CritFaktual, "Kutipan lembar fakta belum dipakai"},
	{"tempat-hilang", CritFaktual, "Tempat kegiatan belum disebut"},
	{"angka-hilang", CritFaktual, "Belum ada angka"},
	{"jumlah-samar", CritFaktual, "Jumlah tidak disebut"},
	{"angka-perkiraan", CritFaktual, "Angka perkiraan"},
	{"opini-penulis", CritFaktual, "Penilaian penulis"},

	{"terdampak-hilang", CritPenting, "Warga terdampak belum disebut"},
	{"jumlah-terdampak-hilang", CritPenting, "Jumlah warga terdampak belum disebut"},
	{"angka-lembar-belum-dimuat", CritPenting, "Angka lembar fakta belum dimuat"},
	{"info-praktis-hilang", CritPenting, "Belum ada informasi praktis bagi warga"},
	{"info-praktis-lembar-hilang", CritPenting, "Informasi praktis lembar fakta belum dimuat"},
	{"skala-hilang", CritPenting, "Skala kegiatan belum disebut"},
	{"pejabat-hilang", CritPenting, "Belum ada sumber resmi dengan jabatan"},
	{"kalimat-seremoni", CritPenting, "Kalimat seremoni"},
	{"penutup-seremonial", CritPenting, "Penutup seremonial"},
	{"daftar-pejabat", CritPenting, "Daftar pejabat yang hadir"},

	{"judul-hilang", CritMenarik, "Judul belum ada"},
	{"judul-panjang-ketentuan", CritMenarik, "Panjang judul tidak sesuai ketentuan"},
	{"judul-pendek", CritMenarik, "Judul terlalu pendek"},
	{"judul-panjang", CritMenarik, "Judul terlalu panjang"},
	{"judul-kapital", CritMenarik, "Judul berhuruf kapital semua"},
	{"judul-tanda-seru", CritMenarik, "Tanda seru atau tanya di judul"},
	{"judul-bertitik", CritMenarik, "Titik di akhir judul"},
	{"judul-umpan-klik", CritMenarik, "Judul umpan klik"},
	{"judul-umum", CritMenarik, "Judul kurang konkret"},
	{"judul-tanpa-kata-kerja", CritMenarik, "Judul tanpa kata kerja"},
	{"judul-pasif", CritMenarik, "Judul pasif"},
	{"teras-seremonial", CritMenarik, "Teras dibuka dengan frasa seremonial"},
	{"frasa-seremonial", CritMenarik, "Frasa seremonial di teras"},
	{"kutipan-langsung-hilang", CritMenarik, "Belum ada kutipan langsung"},
	{"kalimat-rata-rata-panjang", CritMenarik, "Kalimat rata-rata terlalu panjang"},

	{"dateline-hilang", CritStruktur, "Dateline tidak ada"},
	{"dateline-salah", CritStruktur, "Dateline tidak sesuai ketentuan"},
	{"dateline-huruf-kecil", CritStruktur, "Dateline tidak berhuruf kapital"},
	{"teras-panjang", CritStruktur, "Teras terlalu panjang"},
	{"teras-banyak-kalimat", CritStruktur, "Teras lebih dari dua kalimat"},
	{"paragraf-panjang", CritStruktur, "Paragraf terlalu panjang"},
	{"satu-paragraf", CritStruktur, "Rilis hanya satu paragraf"},
	{"kalimat-berulang", CritStruktur, "Kalimat berulang"},
	{"narahubung-hilang", CritStruktur, "Belum ada narahubung"},
	{"rilis-kurang-separuh", CritStruktur, "Rilis kurang dari separuh panjang yang diminta"},
	{"rilis-pendek-ketentuan", CritStruktur, "Rilis lebih pendek dari ketentuan"},
	{"rilis-jauh-pendek", CritStruktur, "Rilis jauh lebih pendek dari ketentuan"},
	{"rilis-panjang-ketentuan", CritStruktur, "Rilis lebih panjang dari ketentuan"},
	{"rilis-pendek", CritStruktur, "Rilis pendek"},
	{"rilis-panjang", CritStruktur, "Rilis panjang"},
	{"markup", CritStruktur, "Tanda format Markdown atau HTML"},
	{"daftar-berbutir", CritStruktur, "Daftar berbutir"},

	{"kata-tidak-baku", CritBahasa, "Kata tidak baku"},
	{"peluluhan-men", CritBahasa, "Peluluhan awalan meN-"},
	{"partikel-pun", CritBahasa, "Penulisan partikel pun"},
	{"gabungan-kata", CritBahasa, "Gabungan kata"},
	{"kata-asing", CritBahasa, "Kata asing yang ada padanannya"},
	{"ragam-lisan", CritBahasa, "Kata ragam lisan"},
	{"awalan-di-terpisah", CritBahasa, "Awalan di- ditulis terpisah"},
	{"kata-depan-serangkai", CritBahasa, "Kata depan di/ke ditulis serangkai"},
	{"dimana-serangkai", CritBahasa, "“dimana” ditulis serangkai"},
	{"pukul-titik", CritBahasa, "Titik pada penulisan pukul"},
	{"tanda-pisah", CritBahasa, "Tanda pisah untuk rentang"},
	{"bilangan-awal-kalimat", CritBahasa, "Bilangan di awal kalimat"},
	{"tanda-hubung-awalan", CritBahasa, "Tanda hubung setelah awalan di-"},
	{"bentuk-terikat", CritBahasa, "Bentuk terikat ditulis terpisah"},
	{"kata-ulang", CritBahasa, "Kata ulang tanpa tanda hubung"},
	{"tanda-seru-isi", CritBahasa, "Tanda seru di isi rilis"},
	{"koma-penghubung", CritBahasa, "Koma setelah penghubung antarkalimat"},
	{"di-mana-penghubung", CritBahasa, "“di mana” sebagai kata penghubung"},
	{"beliau", CritBahasa, "“beliau” dalam berita"},
	{"jam-untuk-pukul", CritBahasa, "“jam” untuk waktu"},
	{"pemisah-ribuan", CritBahasa, "Titik pemisah ribuan"},
	{"bilangan-huruf", CritBahasa, "Bilangan panjang ditulis dengan huruf"},
	{"kapital-hari-bulan", CritBahasa, "Huruf kapital nama hari dan bulan"},
	{"kapital-jabatan", CritBahasa, "Huruf kapital jabatan"},
	{"kapital-wilayah", CritBahasa, "Huruf kapital nama wilayah"},
	{"kapital-kata-tugas-judul", CritBahasa, "Huruf kapital kata tugas di judul"},
	{"spasi-sebelum-tanda-baca", CritBahasa, "Spasi sebelum tanda baca"},
	{"spasi-ganda", CritBahasa, "Spasi ganda"},
	{"spasi-setelah-tanda-baca", CritBahasa, "Spasi setelah tanda baca"},
	{"kalimat-panjang", CritBahasa, "Kalimat terlalu panjang"},
	{"awal-kalimat-berulang", CritBahasa, "Awal kalimat berulang"},
	{"huruf-non-latin", CritBahasa, "Huruf non-Latin di dalam kata"},
	{"bahasa-inggris", CritBahasa, "Bagian berbahasa Inggris"},
}

// ruleCriterion maps a rule id to its criterion.
var ruleCriterion = func() map[string]string {
	m := make(map[string]string, len(Rules))
	for _, r := range Rules {
		m[r.ID] = r.Criterion
	}
	return m
}()

// RuleByID returns the rule with the id, and whether there is one.
func RuleByID(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// kindRule names the rule of each kind of non-standard word.
var kindRule = map[wordKind]string{
	kindSpelling: "kata-tidak-baku", kindMelting: "peluluhan-men", kindPun: "partikel-pun",
	kindCompound: "gabungan-kata", kindForeign: "kata-asing", kindInformal: "ragam-lisan",
}
