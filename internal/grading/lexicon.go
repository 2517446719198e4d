package grading

// Lexicons of the bahasa criterion. Keys are lower case, matched against whole
// tokens only, so "pengasapan" is never flagged for containing a flagged word.

import "strings"

// wordKind says why a word is not standard, which chooses the message.
type wordKind int

const (
	kindSpelling wordKind = iota // non-standard spelling (KBBI lists the standard form)
	kindMelting                  // meN- + p/t/k/s: the initial sound melts (peluluhan)
	kindPun                      // the particle pun after a question word is written apart
	kindCompound                 // a compound written as two words
	kindForeign                  // a foreign word with an established Indonesian equivalent
	kindInformal                 // spoken, informal word
)

// stdWord is the standard form of a non-standard word and its severity.
type stdWord struct {
	std  string
	kind wordKind
}

// nonStandard maps a non-standard word to its standard form. Spelling errors
// are warnings; melting, foreign and informal words are suggestions, because
// readers still understand them and newsrooms differ in how strictly they
// apply these rules.
var nonStandard = map[string]stdWord{
	// Spelling (KBBI).
	"aktifitas": {"aktivitas", kindSpelling}, "kreatifitas": {"kreativitas", kindSpelling},
	"produktifitas": {"produktivitas", kindSpelling}, "efektifitas": {"efektivitas", kindSpelling},
	"sensitifitas": {"sensitivitas", kindSpelling}, "objektifitas": {"objektivitas", kindSpelling},
	"sportifitas": {"sportivitas", kindSpelling}, "analisa": {"analisis", kindSpelling},
	"menganalisa": {"menganalisis", kindSpelling}, "diagnosa": {"diagnosis", kindSpelling},
	"hipotesa": {"hipotesis", kindSpelling}, "apotik": {"apotek", kindSpelling},
	"atlit": {"atlet", kindSpelling}, "azas": {"asas", kindSpelling},
	"antri": {"antre", kindSpelling}, "antrian": {"antrean", kindSpelling},
	"mengantri": {"mengantre", kindSpelling}, "ambulan": {"ambulans", kindSpelling},
	"cabe": {"cabai", kindSpelling}, "cidera": {"cedera", kindSpelling},
	"detil": {"detail", kindSpelling}, "do'a": {"doa", kindSpelling},
	"ekstrim": {"ekstrem", kindSpelling}, "frekwensi": {"frekuensi", kindSpelling},
	"hakekat": {"hakikat", kindSpelling}, "hembus": {"embus", kindSpelling},
	"berhembus": {"berembus", kindSpelling}, "himbau": {"imbau", kindSpelling},
	"himbauan": {"imbauan", kindSpelling}, "menghimbau": {"mengimbau", kindSpelling},
	"dihimbau": {"diimbau", kindSpelling}, "hutang": {"utang", kindSpelling},
	"berhutang": {"berutang", kindSpelling}, "ijasah": {"ijazah", kindSpelling},
	"ijin": {"izin", kindSpelling}, "perijinan": {"perizinan", kindSpelling},
	"diijinkan": {"diizinkan", kindSpelling}, "mengijinkan": {"mengizinkan", kindSpelling},
	"isteri": {"istri", kindSpelling}, "jadual": {"jadwal", kindSpelling},
	"jaman": {"zaman", kindSpelling}, "jenasah": {"jenazah", kindSpelling},
	"jum'at": {"Jumat", kindSpelling}, "kadaluarsa": {"kedaluwarsa", kindSpelling},
	"kadaluwarsa": {"kedaluwarsa", kindSpelling}, "kedaluarsa": {"kedaluwarsa", kindSpelling},
	"karir": {"karier", kindSpelling}, "katagori": {"kategori", kindSpelling},
	"komplit": {"komplet", kindSpelling}, "konkrit": {"konkret", kindSpelling},
	"kongkrit": {"konkret", kindSpelling}, "kwalitas": {"kualitas", kindSpelling},
	"berkwalitas": {"berkualitas", kindSpelling}, "kwitansi": {"kuitansi", kindSpelling},
	"kwartal": {"kuartal", kindSpelling}, "kwota": {"kuota", kindSpelling},
	"kwantitas": {"kuantitas", kindSpelling}, "kwalifikasi": {"kualifikasi", kindSpelling},
	"konsekwen": {"konsekuen", kindSpelling}, "konsekwensi": {"konsekuensi", kindSpelling},
	"lembab": {"lembap", kindSpelling}, "managemen": {"manajemen", kindSpelling},
	"merubah": {"mengubah", kindSpelling}, "dirubah": {"diubah", kindSpelling},
	"nasehat": {"nasihat", kindSpelling}, "menasehati": {"menasihati", kindSpelling},
	"nafas": {"napas", kindSpelling}, "bernafas": {"bernapas", kindSpelling},
	"negri": {"negeri", kindSpelling}, "obyek": {"objek", kindSpelling},
	"subyek": {"subjek", kindSpelling}, "obyektif": {"objektif", kindSpelling},
	"subyektif": {"subjektif", kindSpelling}, "propinsi": {"provinsi", kindSpelling},
	"praktek": {"praktik", kindSpelling}, "mempraktekkan": {"mempraktikkan", kindSpelling},
	"prosentase": {"persentase", kindSpelling}, "pebruari": {"Februari", kindSpelling},
	"febuari": {"Februari", kindSpelling}, "nopember": {"November", kindSpelling},
	"resiko": {"risiko", kindSpelling}, "beresiko": {"berisiko", kindSpelling},
	"sekedar": {"sekadar", kindSpelling}, "silahkan": {"silakan", kindSpelling},
	"sistim": {"sistem", kindSpelling}, "standarisasi": {"standardisasi", kindSpelling},
	"sholat": {"salat", kindSpelling}, "shalat": {"salat", kindSpelling},
	"supir": {"sopir", kindSpelling}, "tehnik": {"teknik", kindSpelling},
	"tehnologi": {"teknologi", kindSpelling}, "tekhnologi": {"teknologi", kindSpelling},
	"telpon": {"telepon", kindSpelling}, "ditelpon": {"ditelepon", kindSpelling},
	"menelpon": {"menelepon", kindSpelling}, "terlanjur": {"telanjur", kindSpelling},
	"ustad": {"ustaz", kindSpelling}, "ustadz": {"ustaz", kindSpelling},
	"varitas": {"varietas", kindSpelling}, "otentik": {"autentik", kindSpelling},
	"kharisma": {"karisma", kindSpelling}, "kuatir": {"khawatir", kindSpelling},
	"hawatir": {"khawatir", kindSpelling}, "adzan": {"azan", kindSpelling},
	"nomer": {"nomor", kindSpelling}, "paska": {"pasca", kindSpelling},
	"sekertaris": {"sekretaris", kindSpelling}, "sekertariat": {"sekretariat", kindSpelling},
	"seksama": {"saksama", kindSpelling}, "sistimatis": {"sistematis", kindSpelling},
	"tauladan": {"teladan", kindSpelling}, "trampil": {"terampil", kindSpelling},
	"ketrampilan": {"keterampilan", kindSpelling}, "gubug": {"gubuk", kindSpelling},
	"akte": {"akta", kindSpelling}, "anggauta": {"anggota", kindSpelling},
	"asesoris": {"aksesori", kindSpelling}, "aksesoris": {"aksesori", kindSpelling},
	"atmosfir": {"atmosfer", kindSpelling}, "cendikiawan": {"cendekiawan", kindSpelling},
	"disyahkan": {"disahkan", kindSpelling}, "eksport": {"ekspor", kindSpelling},
	"esei": {"esai", kindSpelling}, "essai": {"esai", kindSpelling},
	"formil": {"formal", kindSpelling}, "frustasi": {"frustrasi", kindSpelling},
	"hadist": {"hadis", kindSpelling}, "harafiah": {"harfiah", kindSpelling},
	"hirarki": {"hierarki", kindSpelling}, "jendral": {"jenderal", kindSpelling},
	"kaos": {"kaus", kindSpelling}, "karna": {"karena", kindSpelling},
	"kemaren": {"kemarin", kindSpelling}, "komplek": {"kompleks", kindSpelling},
	"kontinyu": {"kontinu", kindSpelling}, "lobang": {"lubang", kindSpelling},
	"mahluk": {"makhluk", kindSpelling}, "mesjid": {"masjid", kindSpelling},
	"metoda": {"metode", kindSpelling}, "milyar": {"miliar", kindSpelling},
	"milyard": {"miliar", kindSpelling}, "moderen": {"modern", kindSpelling},
	"mubadzir": {"mubazir", kindSpelling}, "musholla": {"musala", kindSpelling},
	"mushola": {"musala", kindSpelling}, "nampak": {"tampak", kindSpelling},
	"nampaknya": {"tampaknya", kindSpelling}, "nekad": {"nekat", kindSpelling},
	"orisinil": {"orisinal", kindSpelling}, "pengrajin": {"perajin", kindSpelling},
	"perduli": {"peduli", kindSpelling}, "pinalti": {"penalti", kindSpelling},
	"pondasi": {"fondasi", kindSpelling}, "projek": {"proyek", kindSpelling},
	"rapih": {"rapi", kindSpelling}, "relijius": {"religius", kindSpelling},
	"rejeki": {"rezeki", kindSpelling}, "syaraf": {"saraf", kindSpelling},
	"sertipikat": {"sertifikat", kindSpelling}, "survey": {"survei", kindSpelling},
	"tarip": {"tarif", kindSpelling}, "taqwa": {"takwa", kindSpelling},
	"teoritis": {"teoretis", kindSpelling}, "handal": {"andal", kindSpelling},
	"kehandalan": {"keandalan", kindSpelling}, "hapal": {"hafal", kindSpelling},
	"menghapal": {"menghafal", kindSpelling}, "kaedah": {"kaidah", kindSpelling},
	"mantab": {"mantap", kindSpelling}, "menyolok": {"mencolok", kindSpelling},
	"ekwivalen": {"ekuivalen", kindSpelling}, "aquarium": {"akuarium", kindSpelling},
	"koordinir": {"koordinasi", kindSpelling}, "mengkoordinir": {"mengoordinasi", kindSpelling},
	"dikoordinir": {"dikoordinasi", kindSpelling}, "mengorganisir": {"mengorganisasi", kindSpelling},
	"terorganisir": {"terorganisasi", kindSpelling}, "legalisir": {"legalisasi", kindSpelling},
	"dilegalisir": {"dilegalisasi", kindSpelling}, "minimalisir": {"minimalkan", kindSpelling},
	"meminimalisir": {"meminimalkan", kindSpelling}, "ramadhan": {"Ramadan", kindSpelling},
	"sholeh": {"saleh", kindSpelling}, "wudhu": {"wudu", kindSpelling},
	"dzikir": {"zikir", kindSpelling}, "vaksinisasi": {"vaksinasi", kindSpelling},
	"faham": {"paham", kindSpelling}, "difahami": {"dipahami", kindSpelling},
	"memfaham": {"memahami", kindSpelling}, "mengenyampingkan": {"mengesampingkan", kindSpelling},
	"walikota": {"wali kota", kindSpelling}, "ibukota": {"ibu kota", kindSpelling},
	// Melting of p, t, k, s after meN- (saran).
	"mempengaruhi": {"memengaruhi", kindMelting}, "mempesona": {"memesona", kindMelting},
	"mempopulerkan": {"memopulerkan", kindMelting}, "mempublikasikan": {"memublikasikan", kindMelting},
	"mensukseskan": {"menyukseskan", kindMelting}, "mensosialisasikan": {"menyosialisasikan", kindMelting},
	"mentaati": {"menaati", kindMelting}, "menterjemahkan": {"menerjemahkan", kindMelting},
	"mengkonsumsi": {"mengonsumsi", kindMelting}, "mengkoordinasikan": {"mengoordinasikan", kindMelting},
	"mengkomunikasikan": {"mengomunikasikan", kindMelting}, "mengkampanyekan": {"mengampanyekan", kindMelting},
	"mengkonfirmasi": {"mengonfirmasi", kindMelting}, "mensurvei": {"menyurvei", kindMelting},
	"mensinergikan": {"menyinergikan", kindMelting}, "mensubsidi": {"menyubsidi", kindMelting},
	"mentargetkan": {"menargetkan", kindMelting}, "mengkategorikan": {"mengategorikan", kindMelting},
	"memposisikan": {"memosisikan", kindMelting}, "mensyaratkan": {"menyaratkan", kindMelting},
	// The particle pun after question words.
	"apapun": {"apa pun", kindPun}, "siapapun": {"siapa pun", kindPun},
	"kapanpun": {"kapan pun", kindPun}, "dimanapun": {"di mana pun", kindPun},
	"manapun": {"mana pun", kindPun}, "kemanapun": {"ke mana pun", kindPun},
	// Compounds written apart.
	"kerjasama": {"kerja sama", kindCompound}, "bekerjasama": {"bekerja sama", kindCompound},
	"tanggungjawab": {"tanggung jawab", kindCompound}, "bertanggungjawab": {"bertanggung jawab", kindCompound},
	"tandatangan": {"tanda tangan", kindCompound}, "orangtua": {"orang tua", kindCompound},
	"terimakasih": {"terima kasih", kindCompound}, "sepakbola": {"sepak bola", kindCompound},
	"rumahsakit": {"rumah sakit", kindCompound}, "dayatarik": {"daya tarik", kindCompound},
	// Foreign words with established equivalents (saran).
	"online": {"daring", kindForeign}, "offline": {"luring", kindForeign},
	"download": {"unduh", kindForeign}, "upload": {"unggah", kindForeign},
	"postingan": {"unggahan", kindForeign}, "gadget": {"gawai", kindForeign},
	"handphone": {"ponsel", kindForeign}, "smartphone": {"ponsel pintar", kindForeign},
	"website": {"situs web", kindForeign}, "feedback": {"umpan balik", kindForeign},
	"deadline": {"tenggat", kindForeign}, "stakeholder": {"pemangku kepentingan", kindForeign},
	"stakeholders": {"pemangku kepentingan", kindForeign}, "followers": {"pengikut", kindForeign},
	"meeting": {"rapat", kindForeign}, "workshop": {"lokakarya", kindForeign},
	"launching": {"peluncuran", kindForeign}, "dikarenakan": {"karena", kindForeign},
	// Informal words (saran).
	"nggak": {"tidak", kindInformal}, "ngga": {"tidak", kindInformal},
	"gak": {"tidak", kindInformal}, "enggak": {"tidak", kindInformal},
	"aja": {"saja", kindInformal}, "udah": {"sudah", kindInformal},
	"bikin": {"membuat", kindInformal}, "kalo": {"kalau", kindInformal},
	"gimana": {"bagaimana", kindInformal}, "banget": {"sekali", kindInformal},
}

// diPlaces are place and position words: after the preposition di/ke they are
// written apart ("di kantor"), so a joined "dikantor" is an error. Verbs such
// as "dirumahkan" or "dipasarkan" are other tokens and never match.
var diPlaces = map[string]bool{
	"atas": true, "bawah": true, "dalam": true, "luar": true, "depan": true, "belakang": true,
	"samping": true, "sebelah": true, "antara": true, "antaranya": true, "sekitar": true,
	"seluruh": true, "tengah": true, "sini": true, "sana": true, "situ": true, "rumah": true,
	"kantor": true, "sekolah": true, "pasar": true, "aula": true, "balai": true, "desa": true,
	"kecamatan": true, "kabupaten": true, "kota": true, "provinsi": true, "lapangan": true,
	"jalan": true, "puskesmas": true, "masjid": true, "gedung": true, "lokasi": true,
	"tempat": true, "sekeliling": true, "ujung": true, "pinggir": true, "akhir": true,
	"awal": true, "masa": true, "era": true, "bidang": true, "sela": true, "hadapan": true,
	"tepi": true, "seberang": true, "kalangan": true, "lingkungan": true, "wilayah": true,
	"daerah": true, "negeri": true, "dunia": true, "media": true, "lahan": true, "halaman": true,
	"ruang": true, "ruangan": true, "kampung": true, "pendopo": true, "alun-alun": true,
	"kawasan": true, "pusat": true, "sisi": true, "kelurahan": true, "taman": true,
	"pantai": true, "sungai": true, "kebun": true, "sawah": true, "posyandu": true,
	"sekretariat": true, "lantai": true, "halte": true, "terminal": true, "stasiun": true,
	"klinik": true, "warung": true, "kios": true, "simpang": true, "pertigaan": true, "perempatan": true,
	"dusun": true, "gang": true, "lorong": true, "pelabuhan": true, "bandara": true, "perbatasan": true,
	"musala": true, "musholla": true, "gereja": true, "pura": true, "vihara": true,
	// Nature's places have meN- verbs ("melaut", "mendarat") a text may use.
	"laut": true, "darat": true, "udara": true, "hutan": true, "gunung": true, "pulau": true,
	"danau": true, "pesisir": true,
}

// kePlaces are the places after ke that are written joined by mistake. "luar"
// is left out: "keluar" is a verb.
var kePlaces = map[string]bool{
	"rumah": true, "kantor": true, "sekolah": true, "pasar": true, "desa": true, "kota": true,
	"lokasi": true, "sana": true, "sini": true, "situ": true, "mana": true, "depan": true,
	"belakang": true, "atas": true, "bawah": true, "dalam": true, "tengah": true,
	"samping": true, "puskesmas": true, "balai": true, "aula": true, "lapangan": true,
	"kabupaten": true, "kecamatan": true, "provinsi": true, "masjid": true, "gedung": true,
	"tempat": true, "daerah": true, "wilayah": true, "sawah": true, "kebun": true,
}

// diVerbs are verb forms that take the passive prefix di-, so "di sampaikan"
// must be written "disampaikan". Other words ending in -kan are caught by
// looksLikeKanVerb.
var diVerbs = map[string]bool{
	"gelar": true, "buka": true, "tutup": true, "resmikan": true, "ikuti": true, "hadiri": true,
	"terima": true, "kirim": true, "bangun": true, "tanam": true, "pantau": true, "periksa": true,
	"tangani": true, "dukung": true, "lantik": true, "perbaiki": true, "bantu": true, "tinjau": true,
	"catat": true, "pimpin": true, "awasi": true, "imbau": true, "himbau": true, "minta": true,
	"larang": true, "tunda": true, "kelola": true, "beri": true, "bawa": true, "jual": true,
	"beli": true, "pakai": true, "tulis": true, "baca": true, "sebut": true, "dengar": true,
	"lihat": true, "ambil": true, "ganti": true, "tambah": true, "kurangi": true, "hapus": true,
	"atur": true, "susun": true, "rancang": true, "tandatangani": true, "dampingi": true,
	"kunjungi": true, "datangi": true, "lalui": true, "penuhi": true, "ketahui": true,
	"pahami": true, "sadari": true, "tangkap": true, "angkut": true, "harap": true,
	"maksud": true, "unggah": true, "latih": true, "ajak": true, "undang": true,
	"percaya": true, "kenal": true, "dorong": true, "tindaklanjuti": true,
	"tanggapi": true, "jawab": true, "cek": true, "cari": true, "muat": true, "cetak": true,
	"lengkapi": true, "ukur": true, "uji": true, "bentuk": true, "fasilitasi": true,
	"lakukan": true, "sampaikan": true, "laksanakan": true, "berikan": true,
	"serahkan": true, "selenggarakan": true, "adakan": true, "gunakan": true,
}

// verbBases are more bases of verbs that take di- bare or with -kan/-i
// ("di kawal", "di jemput", "di kembangkan"): with diVerbs they are the
// lexicon prefixDi reads a split "di W" by. A base that is also a common
// place or position noun (rumah, pasar, jalan, tempat) is left out: those
// are read as places.
var verbBases = wordSet(`kawal jemput antar sambut lepas tempel salur sosialisasi resmi bagi umum tetap raya
hadir ikut serah siap sebar kumpul panggil tunjuk angkat pindah rawat obati periksa suntik imunisasi vaksin
rekam cetak bina didik latih ajar uji nilai seleksi verifikasi validasi evaluasi identifikasi klarifikasi
konfirmasi fasilitasi koordinasi realisasi alokasi inventarisasi rehabilitasi renovasi revitalisasi
sterilisasi normalisasi apresiasi antisipasi kembang kerja kena keluar kembali kenal perhati perlihat
pertahan perjuang perkenal pertanya perpanjang perkuat perketat percepat perluas pererat perbarui
cair bayar tagih pungut sita segel bongkar gusur tertib razia tindak proses usul aju paparkan jelas
tegas ingat imbau sasar bidik gandeng jalin libat turun terjun kerah gerak tugas
isi lengkap tambah tanda pasang cabut hentikan tunda batal ubah revisi perbaiki ganti bangun renov
tanam semprot bersih angkut buang olah daur pilah timbang ukur hitung catat rekap input unggah
tayang siar umumkan publikasi promosi pamer tampil luncur canang gencar genjot pacu dorong
selamat tolong evakuasi padam amankan jaga lindung awas tangkap tahan periksa adili vonis
beri sumbang santun salur distribusi kirim terima jual beli sewa pinjam pakai manfaat guna
tulis baca dengar lihat tonton saksi hadiri kunjung datang sambang tinjau pantau awasi
undang ajak minta mohon harap tanya jawab tanggap bahas rapat sepakat setuju tolak tetap
putus pilih lantik kukuh sumpah angkat berhenti copot mutasi rotasi perlu peringat perintah pekerja
pergun persiap peruntuk pertimbang perbanding peroleh pelihara pertahan lacak akses telusur usut selidik
ungkap buru temu jangkau rangkul dengar simpan tampung ungsi evakuasi tolong obati layan`)

// wordSet reads a space-separated list of words into a set.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// verbForm reports whether w is a verb base of the lexicon, bare or with
// the suffix -kan or -i ("kawal", "salurkan", "dampingi").
func verbForm(w string) bool {
	if diVerbs[w] || verbBases[w] {
		return true
	}
	for _, suf := range []string{"kan", "i"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 3 && (diVerbs[b] || verbBases[b]) {
			return true
		}
	}
	return false
}

// Title words that are capitalised before a name or an office ("Bupati
// Irna", "Kepala Dinas Kesehatan").
var titleWords = map[string]bool{
	"bupati": true, "wakil": true, "gubernur": true, "walikota": true, "wali": true, "camat": true,
	"lurah": true, "kades": true, "kepala": true, "sekretaris": true, "sekda": true, "direktur": true,
	"menteri": true, "presiden": true, "ketua": true, "kapolres": true, "kapolsek": true,
	"kapolda": true, "dandim": true, "danramil": true, "kadis": true, "kabag": true, "kasubag": true,
	"kabid": true, "kasi": true, "plt": true, "plh": true, "pj": true, "komandan": true,
	"kapolresta": true, "kajari": true, "kajati": true, "rektor": true, "dekan": true,
}

// regionWords name administrative regions and geographic features: before a
// name they are part of it and take a capital ("Kecamatan Cikadu").
var regionWords = map[string]bool{
	"kecamatan": true, "kabupaten": true, "desa": true, "kelurahan": true, "provinsi": true,
	"dusun": true, "sungai": true, "gunung": true, "danau": true, "pulau": true, "selat": true, "teluk": true,
}

// genericQuantifiers before a title make it generic ("para kepala OPD"), and
// a generic title stays lower case.
var genericQuantifiers = map[string]bool{
	"para": true, "setiap": true, "seluruh": true, "semua": true, "tiap": true, "sejumlah": true,
	"beberapa": true, "banyak": true,
}

// Day and month names, capitalised in Indonesian. "minggu" also means "week"
// and is checked only before a date.
var dayNames = map[string]string{
	"senin": "Senin", "selasa": "Selasa", "rabu": "Rabu", "kamis": "Kamis", "jumat": "Jumat",
	"sabtu": "Sabtu", "minggu": "Minggu",
}

var monthNames = map[string]string{
	"januari": "Januari", "februari": "Februari", "maret": "Maret", "april": "April", "mei": "Mei",
	"juni": "Juni", "juli": "Juli", "agustus": "Agustus", "september": "September",
	"oktober": "Oktober", "november": "November", "desember": "Desember",
}
