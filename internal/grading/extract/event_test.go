package extract

import "testing"

// The guide rules of package devset that decide whether a place is the
// event's place. Every sentence here is invented.

func TestPlaceOfActorIsNoEventPlace(t *testing.T) {
	runElementCases(t, []elementCase{
		{name: "W2 regency after a dinas", id: DiMana, none: true,
			in: "Dinas Pertanian Kabupaten Sukamaju menyalurkan benih padi kepada 40 kelompok tani."},
		{name: "W2 province after a comma", id: DiMana, none: true,
			in: "Pemerintah Kota Mekarsari, Provinsi Jawa Barat, membagikan seragam gratis kepada siswa baru."},
		{name: "W2 lower-case province after the channel", id: DiMana, none: true,
			in: "Pemda Sukamaju melalui Disperindag, provinsi Jabar akan menggelar operasi pasar."},
		{name: "W2 pemerintah daerah keeps its regency", id: DiMana, none: true,
			in: "Pemerintah Daerah Kabupaten Sukamaju mulai menyalurkan bantuan bagi warga lansia."},
		{name: "object's place stays", id: DiMana, want: []string{"Kecamatan Cikadu"},
			in: "Bupati meresmikan Jalan Desa Mekarsari, Kecamatan Cikadu, Senin."},
		{name: "locative after the actor stays", id: DiMana, want: []string{"Kabupaten Sukamaju"},
			in: "Dinas Sosial menyalurkan bantuan di Kabupaten Sukamaju."},
	})
}

func TestDatelineNeedsNoOtherPlace(t *testing.T) {
	runElementCases(t, []elementCase{
		{name: "W3 no other place", id: DiMana, want: []string{"SUKAMAJU"},
			in: "SUKAMAJU – Wali Kota Sukamaju membuka pameran UMKM, Senin.\n\nPameran diikuti 40 pelaku usaha."},
		{name: "W3 event placed elsewhere", id: DiMana, not: []string{"KOTABARU"},
			in: "KOTABARU – Dinas Sosial menyalurkan bantuan.\n\nBantuan diserahkan di Balai Desa Mekarsari, Kecamatan Cikadu."},
		{name: "W3 a venue carrying the city's name ties it", id: DiMana, want: []string{"KOTABARU"},
			in: "KOTABARU – Satpol PP menertibkan pedagang.\n\nPenertiban menyasar Pantai Indah dan Pasar Raya Kotabaru."},
		{name: "W7 the place of a remark ties nothing", id: DiMana, not: []string{"BOGOR"},
			in: "BOGOR – Pemkot menggelar pasar murah.\n\nPasar murah digelar di Taman Sari, Kelurahan Menteng. Sekda Kota Bogor, Ani, di Kota Bogor mengatakan stok cukup."},
		{name: "pipe separates the outlet", id: DiMana, want: []string{"SUKAMAJU"},
			in: "BERITADAERAH.COM | SUKAMAJU - Dinas Pertanian akan menyalurkan bibit jagung kepada petani."},
	})
}

func TestLowerCasePlaces(t *testing.T) {
	runElementCases(t, []elementCase{
		{name: "venue and noun", id: DiMana, want: []string{"kantor kabupaten"},
			in: "Perekaman dipusatkan di kantor kabupaten dan di kecamatan."},
		{name: "house of residents", id: DiMana, want: []string{"rumah warga"},
			in: "Petugas datang ke rumah warga yang sakit."},
		{name: "side of a building", id: DiMana, want: []string{"depan kantor"},
			in: "Setiap pekan, petugas membuka stan di depan kantor."},
		{name: "reduplicated venue", id: DiMana, want: []string{"sekolah-sekolah"},
			in: "Petugas mendatangi ke sekolah-sekolah untuk merekam data siswa."},
		{name: "kind of area", id: DiMana, want: []string{"perkampungan"},
			in: "Dinas mengerahkan armada untuk menjangkau warga di perkampungan."},
		{name: "counted spots", id: DiMana, want: []string{"enam tempat"},
			in: "Layanan ini hadir di enam tempat berbeda."},
		{name: "W3 the pavement is a place", id: DiMana, want: []string{"trotoar"},
			in: "Satpol PP menertibkan pedagang yang berjualan di trotoar."},
		{name: "W4 in the field", id: DiMana, none: true,
			in: "Saat di lapangan kita menyerahkan dokumen yang sudah jadi."},
		{name: "RW without a number", id: DiMana, none: true,
			in: "Sosialisasi menjangkau hingga lingkungan RW."},
		{name: "W1 pointing back to a regency in a name", id: DiMana, want: []string{"kabupaten setempat"},
			in: "Dinas Lingkungan Hidup Kabupaten Sukamaju mengoptimalkan bank sampah di kabupaten setempat."},
		{name: "pointing word with nothing named before", id: DiMana, none: true,
			in: "Warga diminta menjaga kebersihan di wilayah tersebut."},
	})
}

func TestMannerByParticipantsAndMeans(t *testing.T) {
	runElementCases(t, []elementCase{
		{name: "B4 bersama", id: Bagaimana, want: []string{"bersama Forkopimda Sukamaju"},
			in: "Bupati bersama Forkopimda Sukamaju meninjau lokasi banjir."},
		{name: "B4 bersama a lower-case title", id: Bagaimana, want: []string{"bersama komandan kodim"},
			in: "Bupati Sukamaju, bersama komandan kodim, meresmikan jalan desa."},
		{name: "B4 didampingi", id: Bagaimana, want: []string{"didampingi wakilnya"},
			in: "Wali Kota, didampingi wakilnya, membuka pameran."},
		{name: "B4 turut hadir", id: Bagaimana, want: []string{"Turut hadir camat dan lurah"},
			in: "Bupati membuka pasar murah. Turut hadir camat dan lurah."},
		{name: "B4 a count of participants", id: Bagaimana, want: []string{"mengikuti pelatihan"},
			in: "Ada 45 pelaku usaha yang mengikuti pelatihan di balai desa."},
		{name: "B4 shared feeling is no participant", id: Bagaimana, none: true,
			in: "Penertiban menjaga kenyamanan bersama."},
		{name: "B2 langsung", id: Bagaimana, want: []string{"langsung"},
			in: "Camat langsung meninjau rumah warga yang rusak."},
		{name: "B3 fund", id: Bagaimana, want: []string{"bersumber dari APBD Sukamaju"},
			in: "Pembangunan jembatan itu bersumber dari APBD Sukamaju."},
		{name: "B3 fund after pada", id: Bagaimana, want: []string{"pada APBD"},
			in: "Dinas Pendidikan pada APBD tahun ini mengalokasikan dana seragam."},
		{name: "B5 duration as format", id: Bagaimana, want: []string{"selama tiga hari"},
			in: "Dinas menggelar operasi pasar selama tiga hari."},
		{name: "B7 how often is not how", id: Bagaimana, none: true,
			in: "Petugas memeriksa tekanan darah warga secara rutin."},
		{name: "B4 the format", id: Bagaimana, want: []string{"dibagi menjadi tiga kelompok"},
			in: "Peserta pelatihan dibagi menjadi tiga kelompok."},
		{name: "S2 melalui an office", id: Bagaimana, none: true,
			in: "Pemkab Sukamaju melalui Dinas Sosial menyalurkan bantuan."},
		{name: "B3 melalui a programme", id: Bagaimana, want: []string{"melalui program jemput bola"},
			in: "Pemkab Sukamaju melalui program jemput bola merekam data warga."},
		{name: "relative clause describes its own people", id: Bagaimana, none: true,
			in: "Satpol PP menertibkan pedagang yang berjualan menggunakan trotoar."},
		{name: "relative clause whose verb is the cue", id: Bagaimana, none: true,
			in: "Satpol PP menertibkan pedagang, yang masih menggunakan trotoar."},
		{name: "passive relative keeps the means", id: Bagaimana, want: []string{"menggunakan dana desa"},
			in: "Bupati meninjau jalan yang akan dibangun menggunakan dana desa."},
	})
}

func TestPurposeByTheGuide(t *testing.T) {
	runElementCases(t, []elementCase{
		{name: "M1 sebagai upaya", id: Mengapa, want: []string{"sebagai upaya memajukan pendidikan"},
			in: "Pemkot Sukamaju membagikan seragam gratis sebagai upaya memajukan pendidikan."},
		{name: "M1 sebagai bagian dari", id: Mengapa, want: []string{"sebagai bagian dari penyusunan rencana kerja"},
			in: "Pemkab menggelar musyawarah di kecamatan sebagai bagian dari penyusunan rencana kerja, Selasa."},
		{name: "M1 tindak lanjut", id: Mengapa, want: []string{"tindak lanjut dari surat edaran gubernur"},
			in: "Sosialisasi itu merupakan tindak lanjut dari surat edaran gubernur."},
		{name: "M1 dalam + aim noun", id: Mengapa, want: []string{"dalam peningkatan kapasitas pengurus koperasi"},
			in: "Dinas menggelar pelatihan dalam peningkatan kapasitas pengurus koperasi."},
		{name: "M1 occasion at the start", id: Mengapa, want: []string{"Menyambut Hari Jadi ke-50"},
			in: "Menyambut Hari Jadi ke-50, Pemkab Sukamaju menggelar pasar murah."},
		{name: "occasion verb as the predicate", id: Mengapa, none: true,
			in: "Ribuan warga menyambut kedatangan rombongan di alun-alun."},
		{name: "M4 what is asked", id: Mengapa, none: true,
			in: "Bupati meminta agar camat menuntaskan aduan warga."},
		{name: "M4 what is promised", id: Mengapa, none: true,
			in: "Gubernur menegaskan komitmennya untuk memperbaiki layanan kesehatan."},
		{name: "M4 what is taken part in", id: Mengapa, none: true,
			in: "BNPB turut serta dalam upaya penanggulangan banjir."},
		{name: "M3 the aim of people in a relative clause", id: Mengapa, none: true,
			in: "Satpol PP menertibkan pedagang yang masih memakai trotoar untuk berjualan."},
		{name: "passive relative keeps the event's aim", id: Mengapa, want: []string{"untuk meringankan beban warga"},
			in: "Bantuan yang disalurkan untuk meringankan beban warga, tiba di desa pagi tadi."},
		{name: "M5 aim of the effort", id: Mengapa, want: []string{"mengendalikan inflasi"},
			in: "Pemkab Sukamaju terus berupaya mengendalikan inflasi, salah satunya lewat pasar murah di kantor kecamatan."},
	})
}

func TestTimeOfTheMainEvent(t *testing.T) {
	runElementCases(t, []elementCase{
		{name: "K3 year in a regulation's number", id: Kapan, none: true,
			in: "Satpol PP menertibkan pedagang sesuai Peraturan Daerah Nomor 4 Tahun 2019 tentang Ketertiban Umum."},
		{name: "K6 year of a fund", id: Kapan, none: true,
			in: "Jalan desa itu dibangun menggunakan anggaran Inpres tahun 2024."},
		{name: "a fund's year after pada is a period", id: Kapan, want: []string{"2025"},
			in: "Dinas Pendidikan pada APBD 2025 ini mengalokasikan dana seragam."},
		{name: "E2 opening clause about an earlier event", id: Kapan, none: true,
			in: "Setelah menerima kunjungan menteri pekan lalu, Bupati meninjau bendungan."},
		{name: "the date after the opening clause stays", id: Kapan, want: []string{"Senin (2/3/2026)"},
			in: "Usai memimpin apel, Senin (2/3/2026), Bupati meninjau bendungan."},
		{name: "E2 what the event follows up", id: Kapan, none: true,
			in: "Sosialisasi itu merupakan tindak lanjut dari Hari Peduli Sampah Nasional Tahun 2025."},
		{name: "K3 the last time before", id: Kapan, none: true,
			in: "Jalan kabupaten itu terakhir diaspal tahun 2009."},
		{name: "E2 a target's deadline", id: Kapan, none: true,
			in: "Penyuluhan digelar di balai desa sebagai target pada 2030 mendatang."},
		{name: "K1 Hijri period", id: Kapan, want: []string{"Ramadan 1447 Hijriah"},
			in: "Pemkot menggelar pasar murah selama Ramadan 1447 Hijriah."},
		{name: "K1 menjelang a feast", id: Kapan, want: []string{"menjelang Idulfitri"},
			in: "Harga beras naik menjelang Idulfitri."},
		{name: "M1 menyambut a feast is no time", id: Kapan, none: true,
			in: "Menyambut Idulfitri, Pemkab menggelar pasar murah."},
		{name: "K6 season word in a programme's name", id: Kapan, none: true,
			in: "Warga memadati Pasar Murah Ramadan di alun-alun."},
		{name: "B7 a recurring day", id: Kapan, want: []string{"Setiap hari Jumat"},
			in: "Setiap hari Jumat, petugas membuka stan bank sampah."},
	})
}
