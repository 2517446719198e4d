package grading

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// The mutation suite: a sound release for each practice of the curriculum
// (testdata/sound), graded as the web app grades it (the practice's brief
// with its ketentuan, rubric and writing time), then broken one defect at a
// time and several at once. Each defect must be reported at its passage with
// the expected severity, and the score must move as a facilitator's would.

// edit replaces old with new in "headline\n\nbody"; want is the passage the
// finding must cover ("" for a remark on the whole text).
type edit struct{ old, new, want string }

// Practice ids of the curriculum.
const (
	pKTP    = "rilis-jemput-bola-ktp-el"
	pImun   = "rilis-imunisasi-kejar-posyandu"
	pBanjir = "rilis-pelatihan-siaga-banjir"
	pAduan  = "rilis-kanal-aduan-whatsapp"
)

// mutation is one defect, written for each practice it applies to.
type mutation struct {
	name  string
	crit  string
	sev   string
	msg   string // a word the finding's message must contain
	edits map[string][]edit
}

// oneParagraph names the mutations that, after their edits, write the whole
// body as one paragraph.
var oneParagraph = map[string]bool{"whole body in one paragraph: the lead is the first paragraph": true}

var mutations = []mutation{
	{"no event date, only a time of day", CritAktual, SevKesalahan, "tanggal", map[string][]edit{
		pKTP:    {{", Kamis (16/4/2026),", "", "pukul 08.00–15.00 WIB"}},
		pImun:   {{", Senin (27/4/2026),", "", ""}, {" enam hari, 27 April–2 Mei 2026,", " enam hari", ""}},
		pBanjir: {{", Rabu (14/10/2026),", "", ""}, {"Selama dua hari, 14–15 Oktober 2026,", "Selama dua hari,", ""}},
		pAduan:  {{", Selasa (2/6/2026),", "", "pukul 08.00–16.00 WIB"}},
	}},
	{"no event date, only a weekday or a relative day", CritAktual, SevKesalahan, "belum menyebut tanggal", map[string][]edit{
		pKTP:    {{", Kamis (16/4/2026),", ", Kamis,", "Kamis"}},
		pBanjir: {{", Rabu (14/10/2026),", ", hari ini,", "hari ini"}, {"Selama dua hari, 14–15 Oktober 2026,", "Selama dua hari,", ""}},
		pAduan:  {{", Selasa (2/6/2026),", ", Selasa pagi,", "Selasa"}},
	}},
	{"weekday does not match the date", CritAktual, SevKesalahan, "jatuh pada hari", map[string][]edit{
		pKTP:    {{"Kamis (16/4/2026)", "Jumat (16/4/2026)", "Jumat (16/4/2026)"}},
		pImun:   {{"Senin (27/4/2026)", "Selasa (27/4/2026)", "Selasa (27/4/2026)"}},
		pBanjir: {{"Rabu (14/10/2026)", "Kamis (14/10/2026)", "Kamis (14/10/2026)"}},
		pAduan:  {{"Selasa (2/6/2026)", "Rabu (2/6/2026)", "Rabu (2/6/2026)"}},
	}},
	{"event date contradicts the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP:    {{"Kamis (16/4/2026)", "Jumat (17/4/2026)", "Jumat (17/4/2026)"}},
		pImun:   {{"Senin (27/4/2026)", "Selasa (28/4/2026)", "Selasa (28/4/2026)"}, {"27 April–2 Mei 2026", "28 April–3 Mei 2026", ""}},
		pBanjir: {{"Rabu (14/10/2026)", "Kamis (15/10/2026)", "Kamis (15/10/2026)"}, {"14–15 Oktober 2026", "15–16 Oktober 2026", ""}},
		pAduan:  {{"Selasa (2/6/2026)", "Rabu (3/6/2026)", "Rabu (3/6/2026)"}},
	}},
	{"event date in the lead contradicts the sheet, its range right elsewhere", CritFaktual, SevKesalahan, "teras", map[string][]edit{
		pImun:   {{"Senin (27/4/2026)", "Selasa (28/4/2026)", "Selasa (28/4/2026)"}},
		pBanjir: {{"Rabu (14/10/2026)", "Kamis (15/10/2026)", "Kamis (15/10/2026)"}},
	}},
	{"event date in words contradicts the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP: {{"Kamis (16/4/2026)", "Jumat, tujuh belas April 2026", "Jumat, tujuh belas April 2026"}},
	}},
	{"weekday does not match a date in words", CritAktual, SevKesalahan, "jatuh pada hari", map[string][]edit{
		pKTP: {{"Kamis (16/4/2026)", "Rabu, enam belas April 2026", "Rabu, enam belas April 2026"}},
	}},
	{"figure in digits contradicts the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP:    {{"318 pelajar", "381 pelajar", "381 pelajar"}},
		pImun:   {{"96 vaksinator", "69 vaksinator", "69 vaksinator"}},
		pBanjir: {{"melatih 90 anggota", "melatih 80 anggota", "80 anggota"}},
		pAduan:  {{"dengan 42 OPD", "dengan 24 OPD", "24 OPD"}},
	}},
	{"figure with a general unit contradicts the sheet figure its clause names", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP: {{"Di antara warga itu terdapat 318 pelajar", "Sebanyak 381 orang di antaranya adalah pelajar", "381 orang"}},
	}},
	{"figure in words contradicts the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP:    {{"tiga perangkat", "empat perangkat", "empat perangkat"}},
		pImun:   {{"enam hari", "tujuh hari", "tujuh hari"}},
		pBanjir: {{"Selama dua hari", "Selama tiga hari", "tiga hari"}},
		pAduan:  {{"enam admin", "delapan admin", "delapan admin"}},
	}},
	{"figure of a per-day target contradicts the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP: {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Target perekaman dalam sehari sebanyak 500 perekaman.", "500 perekaman"}},
	}},
	{"figure of a per-day target contradicts the sheet in words", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP: {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Target perekaman dalam sehari sebanyak lima ratus perekaman.", "lima ratus perekaman"}},
	}},
	{"figure under another name of the sheet's unit contradicts the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP:  {{"karena 1.240 warga Cikadu", "karena 1.420 penduduk Cikadu", "1.420 penduduk"}},
		pImun: {{"agar 1.236 balita yang", "agar 1.263 anak yang", "1.263 anak"}},
	}},
	{"count of people at the sheet's rate contradicts the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP:    {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 500 warga.", "500 warga"}},
		pBanjir: {{"lima orang dari setiap desa", "enam orang dari setiap desa", "enam orang"}},
	}},
	{"count of the sheet's rate per hari contradicts the sheet", CritFaktual, SevKesalahan, "400 perekaman", map[string][]edit{
		pKTP: {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Petugas menargetkan 500 perekaman per hari.", "500 perekaman"}},
	}},
	{"count of the whole activity contradicts the sheet", CritFaktual, SevKesalahan, "1.240 warga", map[string][]edit{
		pKTP: {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Sebanyak 1.420 warga telah dilayani selama kegiatan.", "1.420 warga"}},
	}},
	{"partitive count contradicts the sheet figure its clause names", CritFaktual, SevKesalahan, "318 pelajar", map[string][]edit{
		pKTP: {{"Di antara warga itu terdapat 318 pelajar", "Sebanyak 381 di antaranya adalah pelajar", "381"}},
	}},
	{"approximate word contradicts the sheet", CritFaktual, SevKesalahan, "sampai", map[string][]edit{
		pKTP:    {{"tiga perangkat", "belasan perangkat", "belasan perangkat"}},
		pImun:   {{"di 48 posyandu", "di belasan posyandu", "belasan posyandu"}},
		pBanjir: {{"melatih 90 anggota", "melatih ratusan anggota", "ratusan anggota"}},
		pAduan:  {{"dengan 42 OPD", "dengan ratusan OPD", "ratusan OPD"}},
	}},
	{"bound on a figure contradicts the sheet", CritFaktual, SevKesalahan, "tidak mencakup", map[string][]edit{
		pKTP:    {{"karena 1.240 warga", "karena lebih dari 2.000 warga", "lebih dari 2.000 warga"}},
		pBanjir: {{"melatih 90 anggota", "melatih lebih dari 100 anggota", "lebih dari 100 anggota"}},
		pImun:   {{"di 48 posyandu", "di kurang dari 40 posyandu", "kurang dari 40 posyandu"}},
		pAduan:  {{"dengan 42 OPD", "dengan sedikitnya 50 OPD", "sedikitnya 50 OPD"}},
	}},
	{"thousands written in number words", CritBahasa, SevPeringatan, "dengan angka", map[string][]edit{
		pKTP:   {{"karena 1.240 warga", "karena seribu dua ratus empat puluh warga", "seribu dua ratus empat puluh"}},
		pImun:  {{"agar 1.236 balita", "agar seribu dua ratus tiga puluh enam balita", "seribu dua ratus tiga puluh enam"}},
		pAduan: {{"sebanyak 1.870 aduan", "sebanyak seribu delapan ratus tujuh puluh aduan", "seribu delapan ratus tujuh puluh"}},
	}},
	{"phone number differs from the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pAduan: {{"0812-0000-5678", "0812-0000-5687", "0812-0000-5687"}},
	}},
	{"opening hours contradict the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP:   {{"08.00–15.00 WIB", "08.00–16.00 WIB", "08.00–16.00"}},
		pImun:  {{"08.00–12.00 WIB", "08.00–13.00 WIB", "08.00–13.00"}},
		pAduan: {{"08.00–16.00 WIB", "07.30–16.00 WIB", "07.30–16.00"}},
	}},
	{"service days contradict the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pAduan: {{"Senin–Jumat", "Senin–Sabtu", "Senin–Sabtu"}},
	}},
	{"place not in the sheet", CritFaktual, SevPeringatan, "tidak ada di lembar fakta", map[string][]edit{
		pKTP:   {{"Warga lanjut usia dan penyandang disabilitas", "Warga di Desa Mekarjaya, warga lanjut usia, dan penyandang disabilitas", "Desa Mekarjaya"}},
		pAduan: {{"Kanal aduan ini sudah tersambung", "Aduan juga dapat disampaikan di Balai Desa Cikadu. Kanal aduan ini sudah tersambung", "Balai Desa Cikadu"}},
	}},
	// Until 1.75.0 a place the sheet gives to one of its statements,
	// replaced ("simulasi evakuasi di Desa Sukasari" for Desa Cijambu), was
	// only a place outside the sheet, and a sheet's village put in another
	// of its districts drew nothing.
	{"place of a sheet statement or area replaced by another", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pBanjir: {{"simulasi evakuasi di Desa Cijambu", "simulasi evakuasi di Desa Sukasari", "Desa Sukasari"}},
		pKTP:    {{"dapat diambil di Kantor Kecamatan Cikadu", "dapat diambil di kantor Disdukcapil", "kantor Disdukcapil"}},
		pImun:   {{"Desa Sukasari, Kecamatan Cikadu,", "Desa Sukasari, Kecamatan Cibeureum,", "Kecamatan Cibeureum"}},
	}},
	// Until 1.25.0 the KTP-el venue in another kecamatan ("Aula Kantor
	// Kecamatan Cibeureum") was only a place outside the sheet.
	{"venue of the event replaced by another building", CritFaktual, SevKesalahan, "Tempat", map[string][]edit{
		pKTP:    {{"di Aula Kantor Kecamatan Cikadu, Kamis", "di Balai Desa Mekarjaya, Kamis", "Balai Desa Mekarjaya"}, {"di Aula Kantor Kecamatan Cikadu, tanpa", "di GOR Sukamaju, tanpa", ""}},
		pImun:   {{"di Posyandu Melati, Desa Sukasari", "di Posyandu Mawar, Desa Sukasari", "Posyandu Mawar"}},
		pBanjir: {{"di Gedung Serbaguna Kecamatan Cibeureum", "di Gedung Olahraga Kecamatan Cibeureum", "Gedung Olahraga Kecamatan Cibeureum"}},
		pAduan:  {{"di Pendopo Kabupaten Sukamaju", "di GOR Sukamaju", "GOR Sukamaju"}},
	}},
	{"venue of the event in the lead replaced, the sheet's named further on", CritFaktual, SevKesalahan, "Tempat", map[string][]edit{
		pKTP: {{"di Aula Kantor Kecamatan Cikadu, Kamis", "di Aula Kantor Kecamatan Cibeureum, Kamis", "Aula Kantor Kecamatan Cibeureum"}},
	}},
	{"venue of the event named after an event verb, replaced", CritFaktual, SevKesalahan, "Tempat", map[string][]edit{
		pImun: {{"di Posyandu Melati, Desa Sukasari, Kecamatan Cikadu, Senin (27/4/2026), agar", "Senin (27/4/2026), agar", ""}, {"Pekan imunisasi kejar berlangsung enam hari", "Pembukaan digelar di Puskesmas Cikadu. Pekan imunisasi kejar berlangsung enam hari", "Puskesmas Cikadu"}},
	}},
	{"another building beside the sheet's venue", CritFaktual, SevPeringatan, "tidak ada di lembar fakta", map[string][]edit{
		pKTP:    {{"di Aula Kantor Kecamatan Cikadu, Kamis", "di Aula Kantor Kecamatan Cikadu dan Balai Desa Mekarjaya, Kamis", "Balai Desa Mekarjaya"}},
		pBanjir: {{"di Gedung Serbaguna Kecamatan Cibeureum", "di Gedung Serbaguna Kecamatan Cibeureum dan Balai Desa Cijambu", "Balai Desa Cijambu"}},
	}},
	{"title shortened to another office", CritFaktual, SevKesalahan, "Jabatan", map[string][]edit{
		pBanjir: {{"kata Kepala Pelaksana BPBD", "kata Kepala BPBD", "Kepala BPBD"}},
	}},
	{"title of an office written with commas changed", CritFaktual, SevKesalahan, "Jabatan", map[string][]edit{
		pImun: {{"Kader Posyandu Melati, Desa Sukasari, Euis", "Ketua Posyandu Melati, Desa Sukasari, Euis", "Ketua Posyandu Melati"}},
	}},
	{"a fee for a service the sheet says is free", CritFaktual, SevKesalahan, "tanpa biaya", map[string][]edit{
		pKTP: {{"tanpa dipungut biaya", "dengan biaya Rp25.000", "Rp25.000"}},
	}},
	{"figure not in the sheet", CritFaktual, SevPeringatan, "tidak ada di lembar fakta", map[string][]edit{
		pBanjir: {{"Pelatihan ditutup", "Sebanyak 17 petugas mendampingi peserta. Pelatihan ditutup", "17 petugas"}},
		pImun:   {{"di 48 posyandu", "di 48 posyandu dan 12 desa", "12 desa"}},
	}},
	{"misspelt name", CritFaktual, SevKesalahan, "Nama", map[string][]edit{
		pKTP:    {{"Rina Marlinawati", "Rina Marlinawaty", "Rina Marlinawaty"}},
		pImun:   {{"Euis Komalasari", "Euis Komalasary", "Euis Komalasary"}},
		pBanjir: {{"Dedi Kurniawan", "Dedi Kurniawati", "Dedi Kurniawati"}},
		pAduan:  {{"Siti Nurhalimah", "Siti Nurhalima", "Siti Nurhalima"}},
	}},
	{"wrong title", CritFaktual, SevKesalahan, "Jabatan", map[string][]edit{
		pKTP:    {{"kata Kepala Disdukcapil", "kata Sekretaris Disdukcapil", "Sekretaris Disdukcapil Kabupaten Sukamaju"}},
		pImun:   {{"kata Kepala Dinas Kesehatan", "kata Sekretaris Dinas Kesehatan", "Sekretaris Dinas Kesehatan Kabupaten Sukamaju"}},
		pBanjir: {{"kata Kepala Pelaksana", "kata Sekretaris Pelaksana", "Sekretaris Pelaksana BPBD Kabupaten Sukamaju"}},
		pAduan:  {{"Kepala Dinas Komunikasi", "Sekretaris Dinas Komunikasi", "Sekretaris Dinas Komunikasi dan Informatika Kabupaten Sukamaju"}},
	}},
	{"prefix di- written apart", CritBahasa, SevPeringatan, "awalan", map[string][]edit{
		pKTP:    {{"didata oleh", "di data oleh", "di data"}, {"untuk dilayani", "untuk di layani", "di layani"}},
		pImun:   {{"tidak dipungut", "tidak di pungut", "di pungut"}},
		pBanjir: {{"Pelatihan ditutup", "Pelatihan di tutup", "di tutup"}},
		pAduan:  {{"tidak dicatat", "tidak di catat", "di catat"}},
	}},
	{"prefix di- written apart after tanpa", CritBahasa, SevPeringatan, "awalan", map[string][]edit{
		pKTP: {{"tanpa dipungut biaya", "tanpa di pungut biaya", "di pungut"}},
	}},
	{"prefix di- written apart after tanpa, a ke- verb", CritBahasa, SevPeringatan, "awalan", map[string][]edit{
		pKTP: {{"tanpa dipungut biaya", "tanpa di kenakan biaya", "di kenakan"}},
	}},
	{"administrative region before its name in lower case", CritBahasa, SevPeringatan, "huruf kapital", map[string][]edit{
		pKTP:    {{"Aula Kantor Kecamatan Cikadu, Kamis", "Aula Kantor kecamatan Cikadu, Kamis", "kecamatan"}},
		pImun:   {{"Posyandu Melati, Desa Sukasari", "Posyandu Melati, desa Sukasari", "desa"}},
		pBanjir: {{"evakuasi di Desa Cijambu", "evakuasi di desa Cijambu", "desa"}},
		pAduan:  {{"Pendopo Kabupaten Sukamaju", "Pendopo kabupaten Sukamaju", "kabupaten"}},
	}},
	{"preposition di joined", CritBahasa, SevPeringatan, "kata depan", map[string][]edit{
		pKTP:    {{"dilayani di rumah", "dilayani dirumah", "dirumah"}},
		pImun:   {{"tinggal di Kecamatan", "tinggal diKecamatan", "diKecamatan"}},
		pBanjir: {{"simulasi evakuasi di Desa", "simulasi evakuasi diDesa", "diDesa"}},
		pAduan:  {{"datang ke kantor untuk", "datang dikantor untuk", "dikantor"}},
	}},
	{"thousands without a dot", CritBahasa, SevPeringatan, "1.", map[string][]edit{
		pKTP:   {{"karena 1.240 warga", "karena 1240 warga", "1240"}},
		pImun:  {{"bagi 1.236 Balita", "bagi 1236 Balita", "1236"}},
		pAduan: {{"sebanyak 1.870 aduan", "sebanyak 1870 aduan", "1870"}},
	}},
	{"writer's verdict on how the event went", CritFaktual, SevPeringatan, "penilaian penulis", map[string][]edit{
		pKTP:  {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Kegiatan berjalan lancar dan sukses.", "lancar dan sukses"}},
		pImun: {{"Kader posyandu mendatangi rumah balita yang belum datang.", "Kader posyandu mendatangi rumah balita yang belum datang. Pekan imunisasi berjalan sukses.", "berjalan sukses"}},
	}},
	{"quote without attribution beside an attributed one", CritFaktual, SevPeringatan, "atribusi", map[string][]edit{
		pKTP:    {{"petugasnya,\" kata Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati.", "petugasnya.\"", "\"Jarak masih"}},
		pImun:   {{"belum diterima,\" kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat.", "belum diterima.\"", "\"Imunisasi yang tertunda"}},
		pBanjir: {{"di atas kertas,\" kata Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep Saepudin.", "di atas kertas.\"", "\"Saat banjir"}},
		pAduan:  {{"OPD yang lambat,\" kata Dadang.", "OPD yang lambat.\"", "\"Setiap aduan warga"}},
	}},
	{"quote not in the sheet", CritFaktual, SevKesalahan, "tidak ada di lembar fakta", map[string][]edit{
		pKTP:    {{"\"Jarak masih menjadi alasan utama warga Cikadu belum merekam KTP-el. Karena itu, kami yang datang ke kecamatan, lengkap dengan alat dan petugasnya,\"", "\"Pelayanan prima adalah komitmen dinas kami sejak awal tahun,\"", "Pelayanan prima"}},
		pImun:   {{"\"Imunisasi yang tertunda masih bisa dikejar. Bawa buku KIA anak ke posyandu terdekat, petugas kami akan memeriksa imunisasi apa saja yang belum diterima,\"", "\"Kesehatan anak merupakan prioritas utama pembangunan daerah,\"", "Kesehatan anak"}},
		pBanjir: {{"\"Saat banjir datang malam hari, tetangga adalah penolong pertama. Karena itu, setiap desa harus punya jalur evakuasi yang sudah dilatih, bukan hanya digambar di atas kertas,\"", "\"Kesiapsiagaan merupakan tanggung jawab bersama seluruh komponen masyarakat,\"", "Kesiapsiagaan"}},
		pAduan:  {{"\"Setiap aduan warga harus punya nomor dan tenggat. Kalau tidak tercatat, kita tidak bisa menagih OPD yang lambat,\"", "\"Inovasi pelayanan publik terus kami dorong demi kepuasan masyarakat,\"", "Inovasi pelayanan"}},
	}},
	{"quote altered in meaning", CritFaktual, SevKesalahan, "makna", map[string][]edit{
		pKTP:    {{"Warga lansia yang tidak bisa datang cukup melapor", "Warga lansia yang bisa datang cukup melapor", "Kepala desa sudah"}},
		pImun:   {{"Kami jelaskan bahwa demam ringan itu biasa", "Kami jelaskan bahwa demam ringan itu tidak biasa", "Ada ibu"}},
		pBanjir: {{"Tahun lalu kami mengungsikan warga tanpa daftar.", "Tahun lalu kami mengungsikan warga dengan daftar.", "Tahun lalu"}},
		pAduan:  {{"Warga tidak perlu datang ke kantor.", "Warga perlu datang ke kantor.", "Warga perlu datang"}},
	}},
	{"quote reversed by an aspect word", CritFaktual, SevKesalahan, "makna", map[string][]edit{
		pKTP: {{"Jarak masih menjadi alasan", "Jarak bukan lagi menjadi alasan", "Jarak bukan"}},
	}},
	{"quote reversed by sudah for belum", CritFaktual, SevKesalahan, "makna", map[string][]edit{
		pKTP: {{"Kepala desa sudah mengumumkan", "Kepala desa belum mengumumkan", "Kepala desa"}},
	}},
	{"quote put in another source's mouth", CritFaktual, SevKesalahan, "bukan", map[string][]edit{
		pKTP:    {{"kata Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati.", "kata Camat Cikadu, Asep Saepulloh.", "Jarak masih"}},
		pImun:   {{"kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat.", "kata Kader Posyandu Melati, Euis Komalasari.", "Imunisasi yang tertunda"}},
		pBanjir: {{"kata Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep Saepudin.", "kata Ketua Tim Siaga Bencana Desa Cijambu, Dedi Kurniawan.", "Saat banjir"}},
		pAduan:  {{"OPD yang lambat,\" kata Dadang.", "OPD yang lambat,\" kata Siti.", "Setiap aduan warga"}},
	}},
	{"quote attributed to a person not in the sheet", CritFaktual, SevKesalahan, "bukan", map[string][]edit{
		pKTP:  {{"kata Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati.", "kata Bupati Sukamaju, Hendra Gunawan.", "Hendra Gunawan"}},
		pImun: {{"kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat.", "kata Sekretaris Daerah Sukamaju, Bambang Sutrisno.", "Bambang Sutrisno"}},
	}},
	{"office of the sheet given to another name", CritFaktual, SevKesalahan, "bukan", map[string][]edit{
		pKTP:    {{"Camat Cikadu, Asep Saepulloh, mengatakan", "Camat Cikadu, Dewi Lestari, mengatakan", "Dewi Lestari"}},
		pBanjir: {{"kata Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep Saepudin.", "kata Kepala Pelaksana BPBD Kabupaten Sukamaju, Joko Santoso.", "Joko Santoso"}},
	}},
	{"name of the sheet cut short", CritFaktual, SevKesalahan, "Nama", map[string][]edit{
		pKTP:  {{"Rina Marlinawati", "Rina Marlina", "Rina Marlina"}},
		pImun: {{"Euis Komalasari", "Euis Komala", "Euis Komala"}},
	}},
	{"writer's opinion", CritFaktual, SevPeringatan, "penilaian penulis", map[string][]edit{
		pKTP:    {{"Sebagian besar dari mereka", "Layanan ini berlangsung sukses besar. Sebagian besar dari mereka", "sukses besar"}},
		pImun:   {{"Balita tersebut tinggal", "Kegiatan ini sangat meriah. Balita tersebut tinggal", "sangat meriah"}},
		pBanjir: {{"Peserta berasal dari", "Pelatihan berlangsung luar biasa. Peserta berasal dari", "luar biasa"}},
		pAduan:  {{"Kanal baru memberi", "Inovasi ini fenomenal. Kanal baru memberi", "fenomenal"}},
	}},
	{"ceremonial opening", CritMenarik, SevPeringatan, "seremonial", map[string][]edit{
		pKTP:    {{"SUKAMAJU – Dinas Kependudukan", "SUKAMAJU – Dalam rangka pelayanan, Dinas Kependudukan", "Dalam rangka"}},
		pImun:   {{"SUKAMAJU – Dinas Kesehatan", "SUKAMAJU – Dalam rangka pelayanan, Dinas Kesehatan", "Dalam rangka"}},
		pBanjir: {{"SUKAMAJU – Badan Penanggulangan", "SUKAMAJU – Bertempat di Cibeureum, Badan Penanggulangan", "Bertempat di"}},
		pAduan:  {{"SUKAMAJU – Bupati Sukamaju", "SUKAMAJU – Pada hari ini, Bupati Sukamaju", "Pada hari"}},
	}},
	{"ceremonial opening: thanks to God", CritMenarik, SevPeringatan, "seremonial", map[string][]edit{
		pKTP:    {{"SUKAMAJU – Dinas Kependudukan", "SUKAMAJU – Puji syukur ke hadirat Tuhan, Dinas Kependudukan", "Puji syukur"}},
		pBanjir: {{"SUKAMAJU – Badan Penanggulangan", "SUKAMAJU – Alhamdulillah, Badan Penanggulangan", "Alhamdulillah"}},
	}},
	{"ceremonial opening: the venue before the actor", CritMenarik, SevPeringatan, "seremonial", map[string][]edit{
		pKTP:   {{"SUKAMAJU – Dinas Kependudukan", "SUKAMAJU – Berlokasi di Aula Kantor Kecamatan Cikadu, Dinas Kependudukan", "Berlokasi di"}},
		pImun:  {{"SUKAMAJU – Dinas Kesehatan", "SUKAMAJU – Mengambil tempat di Posyandu Melati, Dinas Kesehatan", "Mengambil tempat di"}},
		pAduan: {{"SUKAMAJU – Bupati Sukamaju", "SUKAMAJU – Seperti diketahui, Bupati Sukamaju", "Seperti diketahui"}},
	}},
	{"lead too long", CritStruktur, SevPeringatan, "Teras berita", map[string][]edit{
		pKTP:    {{"belum merekam data.\n", "belum merekam data, sehingga petugas membawa alat perekaman keliling dan melayani warga sepanjang hari tanpa dipungut biaya.\n", "Dinas Kependudukan"}},
		pImun:   {{"belum lengkap terlindungi.\n", "belum lengkap terlindungi dari campak, difteri, dan polio yang dapat dicegah dengan imunisasi.\n", "Dinas Kesehatan"}},
		pBanjir: {{"menghadapi musim hujan.\n", "menghadapi musim hujan, ketika air Sungai Cibeureum biasanya naik dan warga perlu menolong tetangganya.\n", "Badan Penanggulangan"}},
		pAduan:  {{"ditagih tindak lanjutnya.\n\nSepanjang", "ditagih tindak lanjutnya oleh warga yang selama ini mengadu lewat komentar.\n\nSepanjang", "Bupati Sukamaju"}},
	}},
	{"whole body in one paragraph: the lead is the first paragraph", CritStruktur, SevPeringatan, "satu paragraf", map[string][]edit{
		pKTP:    {{"SUKAMAJU – ", "SUKAMAJU – ", "Dinas Kependudukan"}},
		pImun:   {{"SUKAMAJU – ", "SUKAMAJU – ", "Dinas Kesehatan"}},
		pBanjir: {{"SUKAMAJU – ", "SUKAMAJU – ", "Badan Penanggulangan"}},
		pAduan:  {{"SUKAMAJU – ", "SUKAMAJU – ", "Bupati Sukamaju"}},
	}},
	{"headline with an exclamation mark", CritMenarik, SevPeringatan, "judul", map[string][]edit{
		pKTP:    {{"Warga Cikadu\n", "Warga Cikadu!\n", "!"}},
		pImun:   {{"1.236 Balita\n", "1.236 Balita!\n", "!"}},
		pBanjir: {{"dari 18 Desa\n", "dari 18 Desa!\n", "!"}},
		pAduan:  {{"ke 42 OPD\n", "ke 42 OPD!\n", "!"}},
	}},
	{"no headline: the first line is blank", CritMenarik, SevKesalahan, "Judul belum ada", map[string][]edit{
		pKTP:    {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "\n", ""}},
		pImun:   {{"Dinkes Sukamaju Buka Pekan Imunisasi Kejar bagi 1.236 Balita\n", "\n", ""}},
		pBanjir: {{"BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana dari 18 Desa\n", "\n", ""}},
		pAduan:  {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n", "\n", ""}},
	}},
	{"no headline: the lead on the headline's line", CritMenarik, SevKesalahan, "Judul belum ada", map[string][]edit{
		pKTP:   {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n\nSUKAMAJU – ", "SUKAMAJU – ", ""}},
		pAduan: {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n\nSUKAMAJU – ", "SUKAMAJU – ", ""}},
	}},
	{"headline ending with a full stop", CritMenarik, SevPeringatan, "Hapus titik", map[string][]edit{
		pKTP: {{"Warga Cikadu\n", "Warga Cikadu.\n", "Cikadu."}},
	}},
	{"passive headline where the practice asks for an active one", CritMenarik, SevPeringatan, "kalimat aktif", map[string][]edit{
		pKTP:    {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "KTP-el 1.240 Warga Cikadu Direkam Disdukcapil Sukamaju\n", "Direkam"}},
		pImun:   {{"Dinkes Sukamaju Buka Pekan Imunisasi Kejar bagi 1.236 Balita\n", "Imunisasi bagi 1.236 Balita Sukamaju Dilakukan di 48 Posyandu\n", "Dilakukan"}},
		pBanjir: {{"BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana dari 18 Desa\n", "90 Anggota Tim Siaga Bencana dari 18 Desa Dilatih BPBD Sukamaju\n", "Dilatih"}},
		pAduan:  {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n", "Kanal Aduan WhatsApp Pemkab Sukamaju Diluncurkan untuk 42 OPD\n", "Diluncurkan"}},
	}},
	{"headline without a verb where the practice asks for an active one", CritMenarik, SevPeringatan, "belum memuat kata kerja", map[string][]edit{
		pKTP:    {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "Layanan KTP-el Keliling bagi 1.240 Warga Cikadu\n", "Keliling"}},
		pBanjir: {{"BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana dari 18 Desa\n", "Pelatihan Tim Siaga Bencana bagi 18 Desa Sukamaju\n", "Pelatihan"}},
	}},
	{"a time of day the sheet does not give", CritFaktual, SevPeringatan, "tidak ada di lembar fakta", map[string][]edit{
		pKTP:   {{"melayani warga pukul 08.00–15.00 WIB", "melayani warga pukul 08.00–15.00 WIB. Bupati meninjau layanan pukul 10.30 WIB", "pukul 10.30 WIB"}},
		pImun:  {{"setiap hari pukul 08.00–12.00 WIB.", "setiap hari pukul 08.00–12.00 WIB. Vaksinator tiba pukul 07.00 WIB.", "pukul 07.00 WIB"}},
		pAduan: {{"Pesan dipantau", "Layanan dibuka pukul 09.00. Pesan dipantau", "pukul 09.00"}},
	}},
	{"Markdown bold in the body", CritStruktur, SevPeringatan, "teks biasa", map[string][]edit{
		pKTP:   {{"tanpa dipungut biaya", "**tanpa dipungut biaya**", "**tanpa dipungut biaya**"}},
		pAduan: {{"paling lambat tiga hari kerja", "paling lambat **tiga hari kerja**", "**tiga hari kerja**"}},
	}},
	{"Markdown heading above a paragraph", CritStruktur, SevPeringatan, "tanda judul Markdown", map[string][]edit{
		pKTP:   {{"\n\nPetugas Disdukcapil membawa", "\n\n## Syarat dan Jadwal\n\nPetugas Disdukcapil membawa", "## Syarat dan Jadwal"}},
		pAduan: {{"\n\nWarga cukup mengirim", "\n\n# Cara Mengadu\n\nWarga cukup mengirim", "# Cara Mengadu"}},
	}},
	{"HTML tags in the body", CritStruktur, SevPeringatan, "tag HTML", map[string][]edit{
		pKTP:   {{"tanpa dipungut biaya", "<b>tanpa dipungut biaya</b>", "<b>"}},
		pAduan: {{"0812-0000-5678", "<strong>0812-0000-5678</strong>", "<strong>"}},
	}},
	{"Markdown link in the body", CritStruktur, SevPeringatan, "tautan Markdown", map[string][]edit{
		pAduan: {{"tersambung dengan SP4N-LAPOR! di Pendopo", "tersambung dengan [SP4N-LAPOR!](https://www.lapor.go.id) di Pendopo", "[SP4N-LAPOR!](https://www.lapor.go.id)"}},
	}},
	{"a bulleted list in the body", CritStruktur, SevSaran, "daftar berbutir", map[string][]edit{
		pKTP: {{"Warga cukup membawa kartu keluarga (KK) asli atau fotokopinya dan mengambil nomor antrean di lokasi.", "Warga cukup:\n- membawa kartu keluarga (KK) asli atau fotokopinya;\n- mengambil nomor antrean di lokasi.", "- membawa kartu keluarga"}},
	}},
	{"an English sentence in the body", CritBahasa, SevPeringatan, "bahasa Inggris", map[string][]edit{
		pKTP:   {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. We are ready to serve all residents of Cikadu.", "We are ready to serve all residents of Cikadu."}},
		pAduan: {{"kita tidak bisa menagih OPD yang lambat,\" kata Dadang.", "kita tidak bisa menagih OPD yang lambat,\" kata Dadang. This channel is open for every resident who has a complaint.", "This channel is open for every resident who has a complaint."}},
	}},
	{"headline longer than the rule", CritMenarik, SevPeringatan, "ketentuan latihan", map[string][]edit{
		pKTP:    {{"Warga Cikadu\n", "Warga Cikadu yang Tinggal Jauh dari Kantor Dinas\n", ""}},
		pImun:   {{"1.236 Balita\n", "1.236 Balita di Cikadu dan Cibeureum Selama Enam Hari\n", ""}},
		pBanjir: {{"dari 18 Desa\n", "dari 18 Desa di Sepanjang Sungai Cibeureum Menjelang Musim Hujan\n", ""}},
		pAduan:  {{"ke 42 OPD\n", "ke 42 OPD agar Aduan Warga Tercatat dan Ditindaklanjuti\n", ""}},
	}},
	{"no dateline", CritStruktur, SevPeringatan, "dateline", map[string][]edit{
		pKTP:    {{"SUKAMAJU – ", "", "Dinas"}},
		pImun:   {{"SUKAMAJU – ", "", "Dinas"}},
		pBanjir: {{"SUKAMAJU – ", "", "Badan"}},
		pAduan:  {{"SUKAMAJU – ", "", "Bupati"}},
	}},
	{"word with a Cyrillic look-alike letter", CritBahasa, SevPeringatan, "non-Latin", map[string][]edit{
		pKTP:    {{"jemput bola perekaman KTP-el di Aula", "jemput bola perekaman KTP-el d\u0456 Aula", "d\u0456"}},
		pImun:   {{"96 vaksinator", "96 v\u0430ksinator", "v\u0430ksinator"}},
		pBanjir: {{"melatih 90 anggota", "mel\u0430tih 90 anggota", "mel\u0430tih"}},
		pAduan:  {{"dengan 42 OPD", "d\u0435ngan 42 OPD", "d\u0435ngan"}},
	}},
	{"word with a Greek look-alike letter", CritBahasa, SevPeringatan, "non-Latin", map[string][]edit{
		pKTP: {{"membuka layanan", "membuka l\u03b1yanan", "l\u03b1yanan"}},
	}},
	{"fee stated in words for a free service", CritFaktual, SevKesalahan, "tanpa biaya", map[string][]edit{
		pKTP:  {{"tanpa dipungut biaya", "dengan biaya administrasi ringan", "dengan biaya administrasi"}},
		pImun: {{"Layanan imunisasi kejar tidak dipungut biaya.", "Layanan imunisasi kejar dipungut biaya.", "dipungut biaya"}},
	}},
	{"fee stated with the sheet's words without their negation", CritFaktual, SevKesalahan, "tanpa biaya", map[string][]edit{
		pKTP: {{"tanpa dipungut biaya", "dengan dipungut biaya", "dengan dipungut biaya"}},
	}},
	{"negation of a sheet statement dropped", CritFaktual, SevKesalahan, "membalik", map[string][]edit{
		pAduan: {{"Admin Diskominfo tidak akan pernah meminta kata sandi", "Admin Diskominfo akan meminta kata sandi", "akan meminta kata sandi"}},
	}},
	{"time range with a hyphen or a range word contradicts the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP:   {{"pukul 08.00–15.00 WIB", "pukul 08.00-16.00 WIB", "08.00-16.00"}},
		pImun:  {{"pukul 08.00–12.00 WIB", "pukul 08.00 s.d. 14.00 WIB", "08.00 s.d. 14.00"}},
		pAduan: {{"pukul 08.00–16.00 WIB", "pukul 08.00 hingga 17.00 WIB", "08.00 hingga 17.00"}},
	}},
	{"start time in the lead contradicts the sheet", CritFaktual, SevKesalahan, "dimulai pukul", map[string][]edit{
		pKTP:    {{"Kamis (16/4/2026), karena", "Kamis (16/4/2026) pukul 10.00 WIB, karena", "pukul 10.00 WIB"}},
		pBanjir: {{"Rabu (14/10/2026), agar", "Rabu (14/10/2026) pukul 08.00 WIB, agar", "pukul 08.00 WIB"}},
		pAduan:  {{"Selasa (2/6/2026), agar", "Selasa (2/6/2026) pukul 09.00 WIB, agar", "pukul 09.00 WIB"}},
	}},
	{"start time after mulai contradicts the sheet", CritFaktual, SevKesalahan, "dimulai pukul", map[string][]edit{
		pKTP: {{"pukul 08.00–15.00 WIB", "mulai pukul 07.30 WIB", "pukul 07.30 WIB"}},
	}},
	{"time zone contradicts the sheet", CritFaktual, SevKesalahan, "Zona waktu", map[string][]edit{
		pKTP: {{"pukul 08.00–15.00 WIB", "pukul 08.00–15.00 WITA", "pukul 08.00–15.00 WITA"}},
	}},
	{"service days with a hyphen or s.d. contradict the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pAduan: {{"setiap Senin–Jumat", "setiap Senin-Sabtu", "Senin-Sabtu"}},
	}},
	{"service days with s.d. contradict the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pAduan: {{"setiap Senin–Jumat", "setiap Senin s.d. Sabtu", "Senin s.d. Sabtu"}},
	}},
	{"end date of the range contradicts the sheet", CritFaktual, SevKesalahan, "Rentang tanggal", map[string][]edit{
		pImun:   {{"27 April–2 Mei 2026", "27 April–3 Mei 2026", "27 April–3 Mei"}},
		pBanjir: {{"Selama dua hari, 14–15 Oktober 2026", "Selama dua hari, 14–16 Oktober 2026", "14–16 Oktober"}},
	}},
	{"date range written with s.d. contradicts the sheet", CritFaktual, SevKesalahan, "Rentang tanggal", map[string][]edit{
		pImun:   {{"27 April–2 Mei 2026", "27 April s.d. 3 Mei 2026", "27 April s.d. 3 Mei"}},
		pBanjir: {{"Selama dua hari, 14–15 Oktober 2026", "Selama dua hari, 14–15 November 2026", "14–15 November"}},
	}},
	{"short name misspelt beside the rest of the name", CritFaktual, SevKesalahan, "berbeda dengan lembar fakta", map[string][]edit{
		pBanjir: {{"Dedi Kurniawan, mengatakan", "Dedy Kurniawan, mengatakan", "Dedy Kurniawan"}},
	}},
	{"phone number grouped with spaces contradicts the sheet", CritFaktual, SevKesalahan, "tidak sesuai dengan lembar fakta", map[string][]edit{
		pAduan: {{"ke nomor 0812-0000-5678", "ke nomor 0812 0000 5679", "0812 0000 5679"}},
	}},
	{"passive headline whose service name holds a bare verb", CritMenarik, SevPeringatan, "kalimat pasif", map[string][]edit{
		pKTP: {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu", "Layanan Jemput Bola KTP-el Dibuka Disdukcapil di Cikadu", ""}},
	}},
	{"verbless headline whose service name holds a bare verb", CritMenarik, SevPeringatan, "belum memuat kata kerja", map[string][]edit{
		pKTP: {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu", "Layanan Jemput Bola Perekaman KTP-el di Kecamatan Cikadu", ""}},
	}},
	{"office of another area given to a sheet person", CritFaktual, SevKesalahan, "tidak sesuai dengan lembar fakta", map[string][]edit{
		pKTP:    {{"Camat Cikadu, Asep Saepulloh,", "Camat Cibeureum, Asep Saepulloh,", "Camat Cibeureum"}},
		pBanjir: {{"Ketua Tim Siaga Bencana Desa Cijambu, Dedi", "Ketua Tim Siaga Bencana Desa Cibodas, Dedi", "Desa Cibodas"}},
	}},
	{"thousands grouped with a space", CritBahasa, SevPeringatan, "1.", map[string][]edit{
		pKTP:   {{"karena 1.240 warga", "karena 1 240 warga", "1 240"}},
		pImun:  {{"bagi 1.236 Balita", "bagi 1 236 Balita", "1 236"}},
		pAduan: {{"sebanyak 1.870 aduan", "sebanyak 1 870 aduan", "1 870"}},
	}},
	{"length of the event in one word contradicts the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pImun:   {{"berlangsung enam hari", "berlangsung sepekan", "sepekan"}},
		pBanjir: {{"Selama dua hari", "Selama sepekan", "sepekan"}},
	}},
	{"length of the event in weeks contradicts the sheet", CritFaktual, SevKesalahan, "enam hari", map[string][]edit{
		pImun: {{"berlangsung enam hari", "berlangsung dua pekan", "dua pekan"}},
	}},
	{"count in one se- word contradicts the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP:   {{"tiga perangkat", "selusin perangkat", "selusin perangkat"}},
		pAduan: {{"enam admin", "selusin admin", "selusin admin"}},
	}},
	{"start time in words contradicts the sheet", CritFaktual, SevKesalahan, "dimulai pukul", map[string][]edit{
		pKTP:    {{"Kamis (16/4/2026), karena", "Kamis (16/4/2026) pukul sembilan pagi, karena", "pukul sembilan pagi"}},
		pBanjir: {{"Rabu (14/10/2026), agar", "Rabu (14/10/2026) pukul delapan pagi, agar", "pukul delapan pagi"}},
		pAduan:  {{"Selasa (2/6/2026), agar", "Selasa (2/6/2026) pukul sembilan pagi, agar", "pukul sembilan pagi"}},
	}},
	{"opening hours in words contradict the sheet", CritFaktual, SevKesalahan, "lembar fakta", map[string][]edit{
		pKTP:   {{"pukul 08.00–15.00 WIB", "pukul delapan pagi hingga pukul empat sore", "pukul delapan pagi hingga pukul empat sore"}},
		pImun:  {{"pukul 08.00–12.00 WIB", "pukul delapan pagi sampai pukul satu siang", "pukul delapan pagi sampai pukul satu siang"}},
		pAduan: {{"pukul 08.00–16.00 WIB", "pukul delapan pagi sampai pukul lima sore", "pukul delapan pagi sampai pukul lima sore"}},
	}},
	{"statement of the sheet negated", CritFaktual, SevKesalahan, "membalik", map[string][]edit{
		pKTP:    {{"untuk dilayani di rumah", "belum dapat dilayani di rumah", "belum dapat dilayani di rumah"}},
		pImun:   {{"Kader posyandu mendatangi rumah", "Kader posyandu tidak mendatangi rumah", "tidak mendatangi rumah"}},
		pBanjir: {{"Pelatihan ditutup dengan simulasi", "Pelatihan tidak ditutup dengan simulasi", "tidak ditutup dengan"}},
		pAduan:  {{"Setiap OPD wajib memberi", "Setiap OPD tidak wajib memberi", "tidak wajib memberi"}},
	}},
	{"free service said not to be free", CritFaktual, SevKesalahan, "tanpa biaya", map[string][]edit{
		pKTP:  {{"pukul 08.00–15.00 WIB tanpa dipungut biaya", "pukul 08.00–15.00 WIB, tetapi layanan ini tidak gratis", "tidak gratis"}},
		pImun: {{"Layanan imunisasi kejar tidak dipungut biaya.", "Layanan imunisasi kejar ini tidak gratis.", "tidak gratis"}},
	}},
	{"deputy's office for the sheet's head, without a comma", CritFaktual, SevKesalahan, "Jabatan", map[string][]edit{
		pAduan: {{"SUKAMAJU – Bupati Sukamaju, H. Dadang Kurnia,", "SUKAMAJU – Wakil Bupati Sukamaju H. Dadang Kurnia", "Wakil Bupati Sukamaju"}},
		pKTP:   {{"Camat Cikadu, Asep Saepulloh, mengatakan", "Wakil Camat Cikadu Asep Saepulloh mengatakan", "Wakil Camat Cikadu"}},
	}},
	{"office of a part of the sheet's organisation", CritFaktual, SevKesalahan, "Jabatan", map[string][]edit{
		pKTP:    {{"kata Kepala Disdukcapil Kabupaten Sukamaju, Rina", "kata Kepala Bidang Pelayanan Disdukcapil Kabupaten Sukamaju, Rina", "Kepala Bidang Pelayanan"}},
		pImun:   {{"kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr.", "kata Kepala Seksi Imunisasi Dinas Kesehatan Kabupaten Sukamaju, dr.", "Kepala Seksi Imunisasi"}},
		pBanjir: {{"kata Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep", "kata Kepala Seksi Kedaruratan BPBD Kabupaten Sukamaju, Asep", "Kepala Seksi Kedaruratan"}},
		pAduan:  {{"Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti", "Kabid Informatika Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti", "Kabid Informatika"}},
	}},
	{"degree of a sheet person changed or added", CritFaktual, SevKesalahan, "Gelar", map[string][]edit{
		pImun:   {{"Kabupaten Sukamaju, dr. Rahmat Hidayat", "Kabupaten Sukamaju, drg. Rahmat Hidayat", "drg. Rahmat Hidayat"}},
		pKTP:    {{"Kabupaten Sukamaju, Rina Marlinawati", "Kabupaten Sukamaju, Ir. Rina Marlinawati", "Ir. Rina Marlinawati"}},
		pBanjir: {{"Kabupaten Sukamaju, Asep Saepudin", "Kabupaten Sukamaju, Drs. Asep Saepudin", "Drs. Asep Saepudin"}},
	}},
	{"form of address of the other sex for a sheet person", CritFaktual, SevPeringatan, "Sapaan", map[string][]edit{
		pAduan: {{"lambat,\" kata Dadang.", "lambat,\" kata Bu Dadang.", "Bu Dadang"}},
	}},
	{"start time as an hour without minutes contradicts the sheet", CritFaktual, SevKesalahan, "dimulai pukul", map[string][]edit{
		pKTP:   {{"Kamis (16/4/2026), karena", "Kamis (16/4/2026) pukul 9 pagi, karena", "pukul 9 pagi"}},
		pAduan: {{"Selasa (2/6/2026), agar", "Selasa (2/6/2026) jam sembilan pagi, agar", "jam sembilan pagi"}},
	}},
	{"count in dozens contradicts the sheet", CritFaktual, SevKesalahan, "tiga perangkat", map[string][]edit{
		pKTP: {{"tiga perangkat", "dua lusin perangkat", "dua lusin perangkat"}},
	}},
	{"comma for the thousands dot", CritBahasa, SevPeringatan, "koma", map[string][]edit{
		pKTP:   {{"karena 1.240 warga", "karena 1,240 warga", "1,240"}},
		pImun:  {{"bagi 1.236 Balita", "bagi 1,236 Balita", "1,236"}},
		pAduan: {{"sebanyak 1.870 aduan", "sebanyak 1,870 aduan", "1,870"}},
	}},
	{"statement of the sheet negated with tanpa", CritFaktual, SevKesalahan, "membalik", map[string][]edit{
		pKTP: {{"Warga cukup membawa kartu keluarga", "Warga dapat dilayani tanpa membawa kartu keluarga", "tanpa membawa kartu"}},
	}},
	{"office written after the name contradicts the sheet", CritFaktual, SevKesalahan, "Jabatan", map[string][]edit{
		pKTP:   {{"kata Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati.", "kata Rina Marlinawati, Sekretaris Disdukcapil Kabupaten Sukamaju.", "Sekretaris Disdukcapil"}},
		pAduan: {{"Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju, Siti Nurhalimah, mengatakan", "Siti Nurhalimah selaku Sekretaris Dinas Komunikasi dan Informatika Kabupaten Sukamaju mengatakan", "Sekretaris Dinas Komunikasi"}},
	}},
	{"venue of the event replaced, written in lower case", CritFaktual, SevKesalahan, "Tempat", map[string][]edit{
		pKTP:  {{"di Aula Kantor Kecamatan Cikadu, Kamis", "di balai desa Mekarjaya, Kamis", "balai desa Mekarjaya"}},
		pImun: {{"di Posyandu Melati, Desa Sukasari", "di posyandu Mawar, Desa Sukasari", "posyandu Mawar"}},
	}},
	{"one sheet person addressed as a woman and as a man", CritFaktual, SevPeringatan, "Sapaan", map[string][]edit{
		pKTP:   {{"Disdukcapil mengajak pelajar", "Bapak Rina Marlinawati mengajak pelajar", "Bapak Rina Marlinawati"}, {"Kabupaten Sukamaju, Rina Marlinawati.", "Kabupaten Sukamaju, Ibu Rina Marlinawati.", ""}},
		pAduan: {{"tutur Siti.", "tutur Pak Siti.", "Pak Siti"}, {"Kabupaten Sukamaju, Siti Nurhalimah, mengatakan", "Kabupaten Sukamaju, Ibu Siti Nurhalimah, mengatakan", ""}},
	}},
	// From 1.47.0 the lead's why, given by the sheet, is a peringatan when
	// the release answers it only after the lead (was a saran).
	{"why of the sheet only after the lead", Crit5W1H, SevPeringatan, "belum menjawab mengapa, padahal lembar fakta", map[string][]edit{
		pKTP:    {{", karena 1.240 warga Cikadu belum merekam data.\n\nSebagian besar", ".\n\nLayanan itu dibuka karena 1.240 warga Cikadu belum merekam data. Sebagian besar", "Dinas Kependudukan"}},
		pImun:   {{", agar 1.236 balita yang imunisasi rutinnya belum lengkap terlindungi.\n\n", ".\n\nPekan imunisasi itu digelar agar 1.236 balita yang imunisasi rutinnya belum lengkap terlindungi. ", "Dinas Kesehatan"}},
		pBanjir: {{", agar desa rawan banjir siap menghadapi musim hujan.\n\n", ".\n\nPelatihan itu digelar agar desa rawan banjir siap menghadapi musim hujan. ", "Badan Penanggulangan"}},
		pAduan:  {{", agar setiap aduan tercatat dan dapat ditagih tindak lanjutnya.\n\n", ".\n\nKanal itu dibuka agar setiap aduan tercatat dan dapat ditagih tindak lanjutnya. ", "Bupati Sukamaju"}},
	}},
	{"vague time word instead of the date", CritAktual, SevKesalahan, "samar", map[string][]edit{
		pKTP:    {{", Kamis (16/4/2026),", " baru-baru ini", "baru-baru ini"}},
		pImun:   {{", Senin (27/4/2026),", " baru-baru ini", "baru-baru ini"}, {" enam hari, 27 April–2 Mei 2026,", " enam hari", ""}},
		pBanjir: {{", Rabu (14/10/2026),", " beberapa waktu lalu", "beberapa waktu lalu"}, {"Selama dua hari, 14–15 Oktober 2026,", "Selama dua hari,", ""}},
		pAduan:  {{", Selasa (2/6/2026),", " baru-baru ini", "baru-baru ini"}},
	}},
}

// apply makes a mutant of a release; ok is false when the mutation does not
// apply to the practice.
func (m mutation) apply(t *testing.T, id, headline, body string) (string, string, []edit, bool) {
	t.Helper()
	eds, ok := m.edits[id]
	if !ok {
		return "", "", nil, false
	}
	text := headline + "\n\n" + body
	for _, e := range eds {
		if !strings.Contains(text, e.old) {
			t.Fatalf("%s/%s: the sound release has no %q", m.name, id, e.old)
		}
		text = strings.Replace(text, e.old, e.new, 1)
	}
	h, b, err := SplitRelease(text)
	if err != nil {
		t.Fatal(err)
	}
	if oneParagraph[m.name] {
		b = strings.Join(strings.Split(b, "\n\n"), " ")
	}
	return h, b, eds, true
}

// severityDrop is the least a single defect of each severity must cost the
// total: a warning is felt, an error is decisive.
var severityDrop = map[string]int{SevSaran: 1, SevPeringatan: 10, SevKesalahan: 20}

func TestMutationsSoundReleases(t *testing.T) {
	for id, p := range loadPractices(t) {
		h, b := soundRelease(t, id)
		in := p.input(h, b)
		rep := Grade(in)
		if rep.Band != BandSangatBaik || rep.Score < 95 {
			t.Errorf("%s: sound release scored %d %s:\n%s", id, rep.Score, rep.Band, dump(rep, in))
		}
		for _, f := range rep.Findings {
			if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
				t.Errorf("%s: false alarm on the sound release: %s %s %q: %s", id, f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
		if r := p.brief.Ketentuan; r == nil || rep.Stats.Words < r.BodyWords[0] || rep.Stats.Words > r.BodyWords[1] || rep.Stats.LeadWords > r.LeadMaxWords {
			t.Errorf("%s: the sound release breaks its own practice's rules: %+v", id, rep.Stats)
		}
	}
}

// TestMutationsSecondSoundSet grades a second sound release of each
// practice, written by a tester: nothing above info, and no suggestion
// quotes an example figure the facts sheet does not hold (a trainee may use
// only the sheet's facts).
func TestMutationsSecondSoundSet(t *testing.T) {
	example := regexp.MustCompile(`misalnya "([0-9][0-9.]*) ([^"]+)"`)
	for id, p := range loadPractices(t) {
		h, b := releaseFile(t, "sound2", id)
		in := p.input(h, b)
		rep := Grade(in)
		if rep.Band != BandSangatBaik || rep.Score < 95 {
			t.Errorf("%s: sound release scored %d %s:\n%s", id, rep.Score, rep.Band, dump(rep, in))
		}
		for _, f := range rep.Findings {
			if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
				t.Errorf("%s: false alarm on the sound release: %s %s %q: %s", id, f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
		// The same release with its people counted in words, or with a
		// sentence naming the people without their number.
		for _, body := range []string{b, strings.Replace(b, "melatih 90 anggota", "melatih sembilan puluh anggota", 1), strings.Replace(b, "1.240 warga", "seribu dua ratus empat puluh warga", 1)} {
			for _, f := range Grade(p.input(h, body)).Findings {
				if m := example.FindStringSubmatch(f.Message); m != nil && f.Criterion == CritPenting {
					v, _ := parseIndoNumber(m[1])
					held := false
					for _, fig := range p.brief.Angka {
						held = held || fig.Nilai == v
					}
					if !held {
						t.Errorf("%s: a suggestion asks for a figure the sheet lacks: %s", id, f.Message)
					}
				}
				if f.Criterion == CritPenting && strings.Contains(f.Message, "berapa banyak warga") {
					t.Errorf("%s: asks for a count of people the release gives: %s", id, f.Message)
				}
			}
		}
	}
}

// TestMutationsUndatedKapan: a release whose only time is a time of day
// does not answer kapan; the 5W1H table must not show it answered while
// aktual reports the missing date.
func TestMutationsUndatedKapan(t *testing.T) {
	practices := loadPractices(t)
	for _, m := range mutations {
		if !strings.HasPrefix(m.name, "no event date") && !strings.HasPrefix(m.name, "vague time word") {
			continue
		}
		for id, p := range practices {
			h, b := soundRelease(t, id)
			mh, mb, _, ok := m.apply(t, id, h, b)
			if !ok {
				continue
			}
			rep := Grade(p.input(mh, mb))
			if el := rep.Elements[extract.Kapan]; el.Found || el.InLead || len(el.Spans) > 0 {
				t.Errorf("%s/%s: kapan shown as answered by %+v while aktual reports no date", m.name, id, el.Spans)
			}
			for _, c := range rep.Criteria {
				if c.ID == Crit5W1H && (c.Score > 80 || !strings.Contains(c.Summary, "kapan")) {
					t.Errorf("%s/%s: 5W1H %d %q", m.name, id, c.Score, c.Summary)
				}
			}
		}
	}
}

// TestMutationsWriterOpinion: the writer's verdicts in their many forms
// (a verdict verb, an intensified evaluative adjective, how the event went)
// are opinion outside quotes, and a source's own words inside an attributed
// quote; neutral uses of the same words draw nothing.
func TestMutationsWriterOpinion(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	const at = "Dalam sehari, petugas menargetkan 400 perekaman."
	if !strings.Contains(b, at) {
		t.Fatalf("the sound release has no %q", at)
	}
	for _, c := range []struct{ sentence, want string }{
		{"Langkah Disdukcapil ini patut diapresiasi.", "patut diapresiasi"},
		{"Layanan ini merupakan terobosan yang cemerlang.", "cemerlang"},
		{"Keputusan membuka layanan di kecamatan sangat tepat.", "sangat tepat"},
		{"Layanan keliling ini sangat bermanfaat bagi warga.", "sangat bermanfaat"},
		{"Kegiatan berjalan dengan lancar dan tertib.", "berjalan dengan lancar dan tertib"},
		{"Pelayanan berjalan lancar.", "berjalan lancar"},
		{"Cara jemput bola ini terbukti berhasil.", "terbukti berhasil"},
		{"Langkah ini patut dicontoh kecamatan lain.", "patut dicontoh"},
		{"Kerja petugas layak diacungi jempol.", "layak diacungi jempol"},
		{"Hasil perekaman hari pertama memuaskan.", "memuaskan"},
		{"Layanan ini sungguh membantu warga.", "sungguh membantu"},
		{"Layanan ini amat berguna bagi pelajar.", "amat berguna"},
		{"Cara ini layak ditiru dinas lain.", "layak ditiru"},
		{"Perekaman berlangsung tertib dan aman.", "berlangsung tertib dan aman"},
		{"Kerja petugas pantas mendapat acungan jempol.", "pantas mendapat acungan jempol"},
		// From 1.41.0: metaphors of praise, a praise noun with its verdict,
		// and more intensifiers, before or after the adjective.
		{"Layanan ini menjadi angin segar bagi warga Cikadu.", "angin segar"},
		{"Kehadiran petugas adalah bukti nyata kepedulian pemerintah.", "bukti nyata"},
		{"Jemput bola menjadi solusi jitu bagi warga yang jauh.", "solusi jitu"},
		{"Layanan ini benar-benar membantu warga lansia.", "benar-benar membantu"},
		{"Layanan ini betul-betul bermanfaat bagi pelajar.", "betul-betul bermanfaat"},
		{"Membuka layanan di kecamatan adalah langkah yang tepat.", "langkah yang tepat"},
		{"Layanan ini menjadi kabar gembira bagi pelajar.", "kabar gembira"},
		{"Petugas melayani warga dengan ramah sekali.", "ramah sekali"},
		{"Layanan keliling ini menjadi oase bagi warga lansia.", "oase"},
		{"Cara ini terbukti jitu menjangkau warga.", "jitu"},
		{"Layanan ini wujud nyata kehadiran negara.", "wujud nyata"},
		{"Layanan ini memberi dampak positif bagi warga.", "dampak positif"},
	} {
		t.Run(c.want, func(t *testing.T) {
			in := p.input(h, strings.Replace(b, at, at+" "+c.sentence, 1))
			rep := Grade(in)
			mustFindMsg(t, rep, in, CritFaktual, SevPeringatan, c.want, "penilaian penulis")
			quoted := strings.Replace(b, at, at+" \""+strings.TrimSuffix(c.sentence, ".")+",\" kata Camat Cikadu, Asep Saepulloh.", 1)
			qin := p.input(h, quoted)
			for _, f := range Grade(qin).Findings {
				if strings.Contains(f.Message, "penilaian penulis") {
					t.Errorf("a source's quoted verdict reported as the writer's: %q", f.Passage(qin.Headline, qin.Body))
				}
			}
		})
	}
	for _, s := range []string{
		"Warga yang rumahnya tidak layak huni juga didata.",
		"Perekaman berlangsung dua hari di aula kecamatan.",
		"Petugas patut diduga belum menerima data itu.",
		"Jalan menuju kantor dinas sangat jauh dari Cikadu.",
		"Warga diminta berjalan ke aula melalui pintu samping.",
		// From 1.41.0: the same nouns and intensifiers reporting, not praising.
		"Warga membawa bukti pendaftaran dan kartu keluarga.",
		"Langkah pertama warga adalah mengambil nomor antrean.",
		"Hasil positif pemeriksaan data dikirim ke kantor dinas.",
		"Petugas memeriksa data sekali lagi sebelum mencetak KTP-el.",
		"Warga yang benar-benar tidak dapat datang didata perangkat desa.",
		"Kabar tentang jadwal layanan disebarkan lewat masjid.",
		"Petugas menjelaskan cara tepat mengisi formulir.",
	} {
		in := p.input(h, strings.Replace(b, at, at+" "+s, 1))
		for _, f := range Grade(in).Findings {
			if strings.Contains(f.Message, "penilaian penulis") {
				t.Errorf("%q: opinion reported on %q", s, f.Passage(in.Headline, in.Body))
			}
		}
	}
}

// TestMutationsDateInWords: the sheet's date written in words, as EYD V
// allows, is the event date; it is neither missing nor a contradiction.
func TestMutationsDateInWords(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	for _, date := range []string{"Kamis, enam belas April 2026", "Kamis (enam belas April 2026)", "tanggal enam belas April"} {
		t.Run(date, func(t *testing.T) {
			in := p.input(h, strings.Replace(b, "Kamis (16/4/2026)", date, 1))
			rep := Grade(in)
			for _, f := range rep.Findings {
				// Without its weekday the date draws only the saran that asks for it.
				if SeverityRank(f.Severity) > SeverityRank(SevInfo) && !(f.Rule == "tanggal-tanpa-hari" && !strings.HasPrefix(date, "Kamis")) {
					t.Errorf("false alarm: %s %s %q: %s", f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
				}
			}
			if rep.Band != BandSangatBaik {
				t.Errorf("scored %d %s", rep.Score, rep.Band)
			}
		})
	}
}

// TestMutationsCorrectForms: the sheet's figures under another name of
// their unit, at their rate, or in words, and two weekdays over two days,
// are correct and draw nothing above info.
func TestMutationsCorrectForms(t *testing.T) {
	for id, eds := range map[string][]edit{
		pKTP: {
			{"karena 1.240 warga Cikadu", "karena 1.240 penduduk Cikadu", ""},
			{"Dalam sehari, petugas menargetkan 400 perekaman.", "Petugas menargetkan 400 warga per hari.", ""},
			{"Di antara warga itu terdapat 318 pelajar", "Tiga ratus delapan belas di antaranya adalah pelajar", ""},
			{"tanpa dipungut biaya", "gratis; warga tidak perlu membayar", ""},
			{"pukul 08.00–15.00 WIB", "pukul 08.00 s.d. 15.00 WIB", ""},
			{"KTP-el yang sudah dicetak dapat diambil", "KTP-el yang sudah dicetak tidak hanya dapat diambil", ""},
		},
		pImun: {{"agar 1.236 balita yang", "agar 1.236 anak yang", ""}, {"Layanan imunisasi kejar tidak dipungut biaya.", "Orang tua tidak perlu mengeluarkan biaya.", ""}, {"27 April–2 Mei 2026", "27 April sampai dengan 2 Mei 2026", ""},
			// From 1.25.0: the sheet's statements and times in other words.
			{"Kader posyandu mendatangi rumah balita yang belum datang.", "Kader posyandu tidak lupa mendatangi rumah balita yang belum datang.", ""},
			{"Orang tua cukup membawa buku KIA", "Orang tua tidak perlu membawa apa pun selain buku KIA", ""}},
		pBanjir: {{"Selama dua hari, 14–15 Oktober 2026,", "Selama dua hari, Rabu dan Kamis, 14 dan 15 Oktober 2026,", ""},
			{"Pelatihan ditutup dengan simulasi", "Tidak hanya berlatih di gedung, pelatihan ditutup dengan simulasi", ""}},
		pAduan: {{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Empat puluh dua OPD sudah tersambung dengan kanal aduan ini.", ""},
			{"Admin Diskominfo tidak akan pernah meminta kata sandi", "Admin Diskominfo tak pernah meminta kata sandi", ""},
			{"setiap Senin–Jumat pukul 08.00–16.00 WIB", "setiap Senin sampai Jumat pukul 08.00 sampai dengan 16.00 WIB", ""},
			{"ke nomor 0812-0000-5678", "ke nomor 0812 0000 5678", ""},
			{"Selasa (2/6/2026), agar", "Selasa (2/6/2026) pukul sepuluh pagi, agar", ""}},
	} {
		p := loadPractices(t)[id]
		h, b := soundRelease(t, id)
		for _, e := range eds {
			if !strings.Contains(b, e.old) {
				t.Fatalf("%s: the sound release has no %q", id, e.old)
			}
			b = strings.Replace(b, e.old, e.new, 1)
		}
		in := p.input(h, b)
		rep := Grade(in)
		for _, f := range rep.Findings {
			if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
				t.Errorf("%s: false alarm: %s %s %q: %s", id, f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}

// TestMutationsRestrictedCounts: a count of a part of the sheet's people (a
// day, a time of day, a village, some of them) is not the sheet's whole
// figure: no contradiction, only the warning that the sheet does not hold it.
func TestMutationsRestrictedCounts(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	const at = "Dalam sehari, petugas menargetkan 400 perekaman."
	if !strings.Contains(b, at) {
		t.Fatalf("the sound release has no %q", at)
	}
	for _, s := range []string{
		"Pada hari pertama, petugas melayani 120 warga.",
		"Petugas melayani 120 warga pada hari pertama.",
		"Di Desa Mekarjaya, petugas mendata 85 warga.",
		"Sebanyak 120 warga di antaranya sudah merekam data.",
		"Sebagian, yakni 300 warga, sudah merekam data.",
		"Hingga siang, baru 210 warga yang merekam data.",
		"Hingga pukul 12.00 WIB, petugas melayani 210 warga.",
		"Petugas baru melayani 150 warga.",
		"Sebanyak 120 warga lanjut usia didata untuk dilayani di rumah.",
		"Pada hari pertama, petugas baru mencapai 250 perekaman.",
	} {
		t.Run(s, func(t *testing.T) {
			in := p.input(h, strings.Replace(b, at, at+" "+s, 1))
			for _, f := range Grade(in).Findings {
				// From 1.10.2 a count the sheet never states is a fact from
				// outside the sheet (a peringatan), but never a contradiction.
				if SeverityRank(f.Severity) > SeverityRank(SevInfo) && !strings.Contains(f.Message, "tidak ada di lembar fakta; dalam latihan") {
					t.Errorf("false alarm: %s %s %q: %s", f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
				}
			}
		})
	}
}

func TestMutationsOneAtATime(t *testing.T) {
	practices := loadPractices(t)
	for _, m := range mutations {
		for id, p := range practices {
			h, b := soundRelease(t, id)
			sound := Grade(p.input(h, b))
			mh, mb, eds, ok := m.apply(t, id, h, b)
			if !ok {
				continue
			}
			t.Run(m.name+"/"+id, func(t *testing.T) {
				in := p.input(mh, mb)
				rep := Grade(in)
				f := mustFindMsg(t, rep, in, m.crit, m.sev, eds[0].want, m.msg)
				for _, f := range rep.Findings {
					if strings.Contains(f.Message, ".Inf") || regexp.MustCompile(`[0-9],?0{8,}`).MatchString(f.Message) {
						t.Errorf("finding writes a number as a machine would: %q", f.Message)
					}
				}
				if f.Message == "" || !strings.HasSuffix(strings.TrimSpace(f.Message), ".") && !strings.HasSuffix(strings.TrimSpace(f.Message), "”") {
					t.Errorf("finding message is not a full sentence: %q", f.Message)
				}
				if drop := sound.Score - rep.Score; drop < severityDrop[m.sev] {
					t.Errorf("score %d → %d: a %s must cost at least %d points", sound.Score, rep.Score, m.sev, severityDrop[m.sev])
				}
				if m.sev == SevKesalahan && (rep.Score > ErrorCap || rep.Band == BandSangatBaik || rep.Band == BandBaik) {
					t.Errorf("a kesalahan left %d %s", rep.Score, rep.Band)
				}
				if m.sev == SevPeringatan && (rep.Score > WarningCap || rep.Band == BandSangatBaik) {
					t.Errorf("a peringatan left %d %s", rep.Score, rep.Band)
				}
				for _, c := range rep.Criteria {
					if c.ID == m.crit && c.Score >= 100 {
						t.Errorf("%s still scores %d: %s", c.ID, c.Score, c.Summary)
					}
					if c.ID == m.crit && !strings.Contains(c.Summary, "−") {
						t.Errorf("%s summary does not say what cost the points: %q", c.ID, c.Summary)
					}
				}
				if m.crit == CritAktual && m.sev == SevKesalahan && (strings.HasPrefix(m.name, "no event date") || strings.HasPrefix(m.name, "vague")) {
					for _, c := range rep.Criteria {
						if c.ID == CritAktual && c.Score > 50 {
							t.Errorf("missing event date leaves aktual %d; it must cost at least half", c.Score)
						}
					}
				}
			})
		}
	}
}

func TestMutationsLatePublication(t *testing.T) {
	for id, p := range loadPractices(t) {
		h, b := soundRelease(t, id)
		sound := Grade(p.input(h, b))
		in := p.input(h, b)
		in.Now = in.Now.AddDate(0, 0, 3)
		rep := Grade(in)
		mustFindMsg(t, rep, in, CritAktual, SevPeringatan, "", "terlambat")
		if rep.Score >= sound.Score {
			t.Errorf("%s: late release scored %d, sound %d", id, rep.Score, sound.Score)
		}
	}
}

// TestMutationsLength cuts each sound release short: to its lead (about 35
// words), to about 56 words, and to three quarters of the minimum.
func TestMutationsLength(t *testing.T) {
	for id, p := range loadPractices(t) {
		h, b := soundRelease(t, id)
		paras := strings.Split(b, "\n\n")
		min := p.brief.Ketentuan.BodyWords[0]
		cases := []struct {
			name string
			body string
		}{
			{"lead only", paras[0]},
			{"56 words", firstWords(b, 56)},
		}
		for _, c := range cases {
			in := p.input(h, c.body)
			rep := Grade(in)
			mustFindMsg(t, rep, in, CritStruktur, SevKesalahan, "", "kurang dari separuh")
			if rep.Score > UnderHalfCap || rep.Band != BandPerluPerbaikan || rep.Passes(70) {
				t.Errorf("%s %s (%d words): %d %s; under half the words cannot pass", id, c.name, rep.Stats.Words, rep.Score, rep.Band)
			}
		}
		short := firstWords(b, min*3/4)
		in := p.input(h, short)
		rep := Grade(in)
		mustFindMsg(t, rep, in, CritStruktur, SevPeringatan, "", "ketentuan latihan")
		if sound := Grade(p.input(h, b)); rep.Score >= sound.Score {
			t.Errorf("%s: three quarters of the words scored %d, sound %d", id, rep.Score, sound.Score)
		}
	}
}

// firstWords keeps the paragraphs of body up to about n words, cutting the
// last one at a sentence end.
func firstWords(body string, n int) string {
	var out []string
	count := 0
	for _, p := range strings.Split(body, "\n\n") {
		w := len(strings.Fields(p))
		if count+w <= n {
			out = append(out, p)
			count += w
			continue
		}
		var kept []string
		for _, s := range strings.SplitAfter(p, ". ") {
			sw := len(strings.Fields(s))
			if count+sw > n {
				break
			}
			kept = append(kept, s)
			count += sw
		}
		if len(kept) > 0 {
			out = append(out, strings.TrimSpace(strings.Join(kept, "")))
		}
		break
	}
	return strings.Join(out, "\n\n")
}

// TestMutationsTogether applies several defects at once, among them the
// issue's own example: no event date, a wrong figure as a word, "di
// laksanakan" and "sukses besar" once scored 94, Sangat baik.
func TestMutationsTogether(t *testing.T) {
	practices := loadPractices(t)
	p := practices[pKTP]
	h, b := soundRelease(t, pKTP)
	sound := Grade(p.input(h, b))
	text := h + "\n\n" + b
	for _, e := range []edit{
		{", Kamis (16/4/2026),", "", ""},
		{"tiga perangkat", "empat perangkat", ""},
		{"didata oleh", "di data oleh", ""},
		{"Sebagian besar dari mereka", "Kegiatan di laksanakan dengan sukses besar. Sebagian besar dari mereka", ""},
	} {
		text = strings.Replace(text, e.old, e.new, 1)
	}
	mh, mb, _ := SplitRelease(text)
	in := p.input(mh, mb)
	rep := Grade(in)
	mustFind(t, rep, in, CritAktual, SevKesalahan, "pukul 08.00–15.00 WIB")
	mustFindMsg(t, rep, in, CritFaktual, SevKesalahan, "empat perangkat", "tiga perangkat")
	mustFind(t, rep, in, CritBahasa, SevPeringatan, "di data")
	mustFind(t, rep, in, CritBahasa, SevPeringatan, "di laksanakan")
	mustFind(t, rep, in, CritFaktual, SevPeringatan, "sukses besar")
	if rep.Score > ErrorCap || rep.Band == BandSangatBaik || rep.Band == BandBaik || rep.Passes(70) {
		t.Errorf("several defects at once: %d %s (sound %d)", rep.Score, rep.Band, sound.Score)
	}
	// Each single defect costs less than all of them together.
	for _, m := range mutations {
		mh, mb, _, ok := m.apply(t, pKTP, h, b)
		if !ok {
			continue
		}
		if one := Grade(p.input(mh, mb)); one.Score <= rep.Score {
			t.Errorf("%s alone scores %d, below the four defects together (%d)", m.name, one.Score, rep.Score)
		}
	}

	// Every practice: a wrong figure, a split prefix and an unattributed
	// quote together.
	for id, p := range practices {
		h, b := soundRelease(t, id)
		text := h + "\n\n" + b
		var wants []mutation
		for _, m := range mutations {
			switch m.name {
			case "figure in digits contradicts the sheet", "prefix di- written apart", "quote without attribution beside an attributed one":
				for _, e := range m.edits[id] {
					text = strings.Replace(text, e.old, e.new, 1)
				}
				wants = append(wants, m)
			}
		}
		mh, mb, _ := SplitRelease(text)
		in := p.input(mh, mb)
		rep := Grade(in)
		for _, m := range wants {
			mustFindMsg(t, rep, in, m.crit, m.sev, m.edits[id][0].want, m.msg)
		}
		if rep.Score > ErrorCap {
			t.Errorf("%s: three defects scored %d", id, rep.Score)
		}
	}
}

var (
	// quotedRe matches what a message quotes from the release.
	quotedRe = regexp.MustCompile(`"[^"]*"|“[^”]*”|\([^)]*\)`)
	// smallDigits is a count of one to ten in digits before a word.
	smallDigits = regexp.MustCompile(`(^|[^0-9.,/:–-])([1-9]|10) [a-z]`)
)

// TestScaleRule checks the rule of the scale written in doc.go on every
// release of the suite: a kesalahan caps the total at ErrorCap (never baik or
// sangat_baik), a body under half the required words at UnderHalfCap, and
// every criterion that lost points says in its summary what cost them.
func TestScaleRule(t *testing.T) {
	for id, p := range loadPractices(t) {
		h, b := soundRelease(t, id)
		ins := []Input{p.input(h, b), p.input(h, firstWords(b, 40))}
		for _, m := range mutations {
			if mh, mb, _, ok := m.apply(t, id, h, b); ok {
				ins = append(ins, p.input(mh, mb))
			}
		}
		for _, in := range ins {
			rep := Grade(in)
			if hasSeverity(rep.Findings, SevPeringatan) && (rep.Score > WarningCap || rep.Band == BandSangatBaik) {
				t.Errorf("%s: peringatan but %d %s", id, rep.Score, rep.Band)
			}
			if hasError(rep.Findings) && (rep.Score > ErrorCap || rep.Band == BandSangatBaik || rep.Band == BandBaik) {
				t.Errorf("%s: kesalahan but %d %s", id, rep.Score, rep.Band)
			}
			if n := warningRules(rep.Findings); n >= ManyWarnings && (rep.Score > ErrorCap || rep.Band == BandSangatBaik || rep.Band == BandBaik) {
				t.Errorf("%s: %d kinds of peringatan but %d %s", id, n, rep.Score, rep.Band)
			}
			if rep.Stats.Words*2 < p.brief.Ketentuan.BodyWords[0] && rep.Score > UnderHalfCap {
				t.Errorf("%s: %d words but %d", id, rep.Stats.Words, rep.Score)
			}
			// From 1.47.0 each kesalahan past the first lowers the cap, and
			// ManyErrors of them cannot stay cukup.
			if limit, _ := TotalCap(rep.Findings); rep.Score > limit {
				t.Errorf("%s: %d above its cap %d", id, rep.Score, limit)
			}
			if n := sendBacks(rep.Findings); n >= ManyErrors && (rep.Score > UnderHalfCap || rep.Band != BandPerluPerbaikan) {
				t.Errorf("%s: %d kesalahan but %d %s", id, n, rep.Score, rep.Band)
			}
			// From 1.50.0 findings on one passage agree on the fix, and a
			// feedback sentence writes a small count in letters ("dua
			// kutipan"), outside what it quotes.
			for _, a := range rep.Findings {
				for _, b := range rep.Findings {
					if a.Field == b.Field && a.Start == b.Start && a.End == b.End && a.Start < a.End && a.Suggestion != "" && b.Suggestion != "" && a.Suggestion != b.Suggestion {
						t.Errorf("%s: two fixes for %q: %q and %q", id, a.Passage(in.Headline, in.Body), a.Suggestion, b.Suggestion)
					}
				}
				if m := smallDigits.FindString(quotedRe.ReplaceAllString(a.Message, "")); m != "" {
					t.Errorf("%s: %q in running text: %s", id, m, a.Message)
				}
			}
			if rep.Stats.Words*4 < p.brief.Ketentuan.BodyWords[0]*3 && rep.Score > ErrorCap {
				t.Errorf("%s: %d words, under three quarters of the range, but %d", id, rep.Stats.Words, rep.Score)
			}
			if rep.Band != bandFor(rep.Score) {
				t.Errorf("%s: band %s does not match score %d", id, rep.Band, rep.Score)
			}
			for _, f := range rep.Findings {
				if !slices.Contains(Topics, f.Topic) {
					t.Errorf("%s: finding without a known topic: %+v", id, f)
				}
				// The lesson link follows the rule: a length note that
				// mentions quotes is no lesson on quotes.
				quoteRule := strings.HasPrefix(f.Rule, "kutipan-") || strings.HasPrefix(f.Rule, "narasumber-")
				if quoteRule != (f.Topic == TopicKutipan) {
					t.Errorf("%s: %s has topic %s", id, f.Rule, f.Topic)
				}
			}
			for _, c := range rep.Criteria {
				if c.Score < 100 && !strings.Contains(c.Summary, "−") {
					t.Errorf("%s: %s %d without saying what cost the points: %q", id, c.ID, c.Score, c.Summary)
				}
				// "saran lain" names only suggestions, never a peringatan or kesalahan.
				if strings.Contains(c.Summary, "saran lain") && !slices.ContainsFunc(rep.Findings, func(f Finding) bool {
					return f.Criterion == c.ID && f.Severity == SevSaran
				}) {
					t.Errorf("%s: %s summary %q calls a peringatan or kesalahan a suggestion", id, c.ID, c.Summary)
				}
			}
		}
	}
}

// TestMutationsRepeatedParagraphs pads the KTP-el release to its word range
// by pasting its lead and first quote paragraph again: the repeats are
// reported, the repeated quote does not count as a second attributed quote,
// and the release is no longer sangat_baik.
func TestMutationsRepeatedParagraphs(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	paras := strings.Split(b, "\n\n")
	quote := paras[2]
	if !strings.HasPrefix(quote, "\"") {
		t.Fatalf("the sound release's third paragraph is not its first quote: %q", quote)
	}
	// Keep only the first quote, then repeat the lead and that quote.
	var kept []string
	for _, para := range paras {
		if strings.Contains(para, "ujar Asep") {
			continue
		}
		kept = append(kept, para)
	}
	body := strings.Join(append(kept, strings.ToUpper(paras[0][:1])+paras[0][1:], "  "+quote), "\n\n")
	in := p.input(h, body)
	rep := Grade(in)
	t.Logf("padded release: %d words, %d %s", rep.Stats.Words, rep.Score, rep.Band)
	r := p.brief.Ketentuan
	if rep.Stats.Words < r.BodyWords[0] || rep.Stats.Words > r.BodyWords[1] {
		t.Fatalf("padded release has %d words, outside %v", rep.Stats.Words, r.BodyWords)
	}
	second := strings.LastIndex(in.Body, "Dinas Kependudukan")
	var repeats int
	for _, f := range rep.Findings {
		if f.Message == "Kalimat ini mengulang kalimat sebelumnya; hapus pengulangan." {
			repeats++
			if f.Criterion != CritStruktur || f.Severity != SevPeringatan {
				t.Errorf("repeat reported as %s %s", f.Criterion, f.Severity)
			}
			if f.Passage(in.Headline, in.Body) == "" || f.Start < len([]rune(in.Body[:second]))-20 {
				t.Errorf("repeat finding quotes %q, not the second occurrence", f.Passage(in.Headline, in.Body))
			}
		}
	}
	if repeats < 3 {
		t.Errorf("%d repeated sentences reported, want the lead and both quote sentences", repeats)
	}
	if r.AttributedQuotes >= 2 {
		mustFindMsg(t, rep, in, CritFaktual, SevPeringatan, "", "Ketentuan latihan")
	} else {
		t.Fatalf("the KTP-el practice asks for %d attributed quotes; the test needs at least 2", r.AttributedQuotes)
	}
	if rep.Band == BandSangatBaik || rep.Score > WarningCap {
		t.Errorf("a release padded with repeats scored %d %s", rep.Score, rep.Band)
	}
}

// TestMutationsFarTooLong pads each sound release far above its practice's
// word range with distinct sentences: the struktur peringatan gives the count
// and the range with the thousands dot.
func TestMutationsFarTooLong(t *testing.T) {
	count := regexp.MustCompile(`Rilis ini (\d{1,3}(?:\.\d{3})+) kata, jauh di atas (\d+)–(\d+) kata`)
	for id, p := range loadPractices(t) {
		h, b := soundRelease(t, id)
		var extra []string
		for i := 1; i <= 120; i++ {
			extra = append(extra, fmt.Sprintf("Catatan tambahan nomor %d memuat rincian kegiatan yang tidak diminta pembaca.", i))
		}
		in := p.input(h, b+"\n\n"+strings.Join(extra, " "))
		rep := Grade(in)
		r := p.brief.Ketentuan
		f := mustFindMsg(t, rep, in, CritStruktur, SevPeringatan, "", "jauh di atas")
		m := count.FindStringSubmatch(f.Message)
		if m == nil {
			t.Errorf("%s: count not written with the thousands dot: %q", id, f.Message)
			continue
		}
		if m[1] != thousands(rep.Stats.Words) || m[2] != fmt.Sprint(r.BodyWords[0]) || m[3] != fmt.Sprint(r.BodyWords[1]) {
			t.Errorf("%s: %d words, range %v, message %q", id, rep.Stats.Words, r.BodyWords, f.Message)
		}
		if rep.Band == BandSangatBaik {
			t.Errorf("%s: %d words against %v scored %d %s", id, rep.Stats.Words, r.BodyWords, rep.Score, rep.Band)
		}
	}
}

// TestMutationsDatelineSpot: a missing dateline points at the words it goes
// before, whole, never at half a phrase ("Dalam" of "Dalam rangka"), and its
// suggestion is that passage with the dateline in front, so taking it
// keeps every word.
func TestMutationsDatelineSpot(t *testing.T) {
	ps := loadPractices(t)
	for _, c := range []struct{ id, old, new, passage string }{
		{pKTP, "SUKAMAJU – Dinas Kependudukan", "Dalam rangka mendekatkan layanan, Dinas Kependudukan", "Dalam rangka"},
		{pKTP, "SUKAMAJU – ", "", "Dinas Kependudukan dan Pencatatan Sipil"},
		{pImun, "SUKAMAJU – ", "", "Dinas Kesehatan"},
		{pBanjir, "SUKAMAJU – ", "", "Badan Penanggulangan Bencana Daerah"},
		{pAduan, "SUKAMAJU – ", "", "Bupati Sukamaju"},
		{pAduan, "SUKAMAJU – Bupati", "Bertempat di Pendopo Kabupaten, Bupati", "Bertempat di"},
	} {
		h, b := soundRelease(t, c.id)
		if !strings.Contains(b, c.old) {
			t.Fatalf("%s: the sound release has no %q", c.id, c.old)
		}
		in := ps[c.id].input(h, strings.Replace(b, c.old, c.new, 1))
		rep := Grade(in)
		f := mustFindMsg(t, rep, in, CritStruktur, SevPeringatan, c.passage, "dateline")
		if got := f.Passage(in.Headline, in.Body); got != c.passage {
			t.Errorf("%s: dateline finding on %q, want %q", c.id, got, c.passage)
		}
		if want := "SUKAMAJU – " + c.passage; f.Suggestion != want {
			t.Errorf("%s: suggestion %q, want %q", c.id, f.Suggestion, want)
		}
	}
	// Without a practice, the same passage.
	in, rep := check(goodHeadline, "Dalam rangka menyambut musim hujan, BPBD Kabupaten Sukamaju melatih 60 relawan dari 20 desa di Aula BPBD, Rabu (11/3/2026).\n\n"+goodQuote)
	f := mustFindMsg(t, rep, in, CritStruktur, SevPeringatan, "Dalam", "dateline")
	if got := f.Passage(in.Headline, in.Body); got != "Dalam rangka" {
		t.Errorf("dateline finding on %q, want \"Dalam rangka\"", got)
	}
}

// TestMutationsNamesAreNotVerbs: a name that looks like a verb with meN-
// ("Meiliana", "Melati", "Meri") does not make a headline active. A name
// is known by its spelling (meN- is meng- before a vowel), by the body
// writing it capitalised inside a sentence and never in lower case, or by
// the sheet naming a person so.
func TestMutationsNamesAreNotVerbs(t *testing.T) {
	p := loadPractices(t)[pImun]
	h, b := soundRelease(t, pImun)
	if !strings.Contains(b, "di Posyandu Melati,") {
		t.Fatal("the sound release has no \"di Posyandu Melati,\"")
	}
	for _, c := range []struct{ headline, msg string }{
		{"Imunisasi di Posyandu Melati Dibuka untuk 1.236 Balita", "pasif"},
		{"Pekan Imunisasi Posyandu Melati untuk 1.236 Balita", "kata kerja"},
		{"Kader Meiliana dan Pekan Imunisasi untuk 1.236 Balita", "kata kerja"},
	} {
		in := p.input(c.headline, b)
		mustFindMsg(t, Grade(in), in, CritMenarik, SevPeringatan, "", c.msg)
	}
	// The sheet's people: "Meri Melinda" is a name though the body writes it
	// only at the start of sentences.
	sheet := *p.brief
	sheet.Siapa = append([]Person{{Nama: "Meri Melinda", Jabatan: "Kader Posyandu Melati"}}, sheet.Siapa...)
	body := b + "\n\nMelinda mengajak ibu-ibu membawa buku KIA."
	in := Input{Headline: "Pekan Imunisasi bersama Kader Melinda di Cikadu", Body: body, Brief: &sheet, Now: p.now, Weights: p.weights}
	mustFindMsg(t, Grade(in), in, CritMenarik, SevPeringatan, "", "kata kerja")
	// Verbs with meN- still count, capitalised in a title-case headline.
	for _, hl := range []string{"Dinkes Sukamaju Membuka Pekan Imunisasi Kejar di Posyandu Melati", "Posyandu Melati Melayani Imunisasi Kejar 1.236 Balita", h} {
		in := p.input(hl, b)
		for _, f := range Grade(in).Findings {
			if f.Criterion == CritMenarik && (strings.Contains(f.Message, "pasif") || strings.Contains(f.Message, "kata kerja")) {
				t.Errorf("%q: false alarm: %s", hl, f.Message)
			}
		}
	}
}

// TestMutationsInventedQuoteOnce: a quote the sheet does not hold is one
// defect, reported once, as the quote's: the faktual summary names it, not
// a fact that contradicts the sheet.
func TestMutationsInventedQuoteOnce(t *testing.T) {
	for _, m := range mutations {
		if m.name != "quote not in the sheet" {
			continue
		}
		for id, p := range loadPractices(t) {
			h, b := soundRelease(t, id)
			mh, mb, eds, ok := m.apply(t, id, h, b)
			if !ok {
				continue
			}
			in := p.input(mh, mb)
			rep := Grade(in)
			n := 0
			for _, f := range rep.Findings {
				if f.Criterion == CritFaktual && SeverityRank(f.Severity) >= SeverityRank(SevPeringatan) {
					n++
					if !strings.Contains(f.Passage(in.Headline, in.Body), eds[0].want) {
						t.Errorf("%s: a second finding for the invented quote: %s %s %q: %s", id, f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
					}
				}
			}
			if n != 1 {
				t.Errorf("%s: %d faktual findings above saran, want the quote's one:\n%s", id, n, dump(rep, in))
			}
			for _, c := range rep.Criteria {
				if c.ID == CritFaktual && (strings.Contains(c.Summary, "fakta berbeda") || !strings.Contains(c.Summary, "kutipan yang tidak ada di lembar fakta")) {
					t.Errorf("%s: faktual summary %q, want the invented quote named once as such", id, c.Summary)
				}
			}
		}
	}
}

// TestMutationsFindingsReadTopToBottom: findings follow the text, headline
// first, and at one place the most severe comes first ("1420 warga" is a
// wrong figure before it is a missing thousands dot).
func TestMutationsFindingsReadTopToBottom(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	b = strings.Replace(b, "karena 1.240 warga Cikadu", "karena 1420 warga Cikadu", 1)
	b = strings.Replace(b, "SUKAMAJU – ", "", 1)
	b = strings.Replace(b, "tiga perangkat", "empat perangkat", 1)
	in := p.input(h+"!", b)
	rep := Grade(in)
	at := mustFindMsg(t, rep, in, CritFaktual, SevKesalahan, "1420", "lembar fakta")
	for i, f := range rep.Findings {
		if i > 0 {
			q := rep.Findings[i-1]
			if fieldOrder(q.Field) > fieldOrder(f.Field) || q.Field == f.Field && q.Start > f.Start ||
				q.Field == f.Field && q.Start == f.Start && SeverityRank(q.Severity) < SeverityRank(f.Severity) {
				t.Errorf("finding %d (%s %s at %d) after %d (%s %s at %d)", i, f.Criterion, f.Severity, f.Start, i-1, q.Criterion, q.Severity, q.Start)
			}
		}
		if f.Start == at.Start && f.Field == at.Field && f.Severity != SevKesalahan && f.Criterion == CritBahasa {
			for _, g := range rep.Findings[:i] {
				if g == at {
					goto ok
				}
			}
			t.Errorf("the missing thousands dot of 1420 comes before its wrong figure:\n%s", dump(rep, in))
		ok:
		}
	}
	if rep.Findings[0].Field != FieldJudul {
		t.Errorf("the headline's finding does not come first:\n%s", dump(rep, in))
	}
}

// TestMutationsBoundedFigures: a figure with a bound or an estimate is
// compared as what it says. "Lebih dari seribu warga" and "sekitar 1.200
// warga" are true of the sheet's 1.240 warga (an estimate draws only its
// suggestion to give the exact figure); "lebih dari 2.000 warga" is not.
func TestMutationsBoundedFigures(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	for _, c := range []struct {
		old, new, passage string
		wrong             bool
	}{
		{"karena 1.240 warga", "karena lebih dari seribu warga", "seribu warga", false},
		{"karena 1.240 warga", "karena sekitar 1.200 warga", "1.200 warga", false},
		{"karena 1.240 warga", "karena hampir 1.300 warga", "1.300 warga", false},
		{"karena 1.240 warga", "karena di atas 1.000 warga", "1.000 warga", false},
		{"tiga perangkat", "sedikitnya tiga perangkat", "tiga perangkat", false},
		{"karena 1.240 warga", "karena lebih dari 2.000 warga", "2.000 warga", true},
		{"karena 1.240 warga", "karena kurang dari 1.000 warga", "1.000 warga", true},
		{"karena 1.240 warga", "karena sekitar 2.000 warga", "2.000 warga", true},
		{"tiga perangkat", "lebih dari lima perangkat", "lima perangkat", true},
	} {
		t.Run(c.new, func(t *testing.T) {
			if !strings.Contains(b, c.old) {
				t.Fatalf("the sound release has no %q", c.old)
			}
			in := p.input(h, strings.Replace(b, c.old, c.new, 1))
			rep := Grade(in)
			if c.wrong {
				mustFindMsg(t, rep, in, CritFaktual, SevKesalahan, c.passage, "lembar fakta")
				return
			}
			for _, f := range rep.Findings {
				if SeverityRank(f.Severity) > SeverityRank(SevSaran) {
					t.Errorf("false alarm: %s %s %q: %s", f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
				}
			}
		})
	}
}

// TestMutationsPassiveHeadlines: a headline verb with di- is passive
// whatever its suffix ("Dilakukan", "Diresmikan": -kan does not make them
// active) and whether or not a list names its stem ("Dilayani" beside the
// body's "melayani").
func TestMutationsPassiveHeadlines(t *testing.T) {
	p := loadPractices(t)[pKTP]
	_, b := soundRelease(t, pKTP)
	for _, hl := range []string{
		"Perekaman KTP-el Warga Cikadu Dilakukan Disdukcapil Sukamaju",
		"Layanan Perekaman KTP-el Diresmikan di Kecamatan Cikadu",
		"Warga Cikadu Dilayani Perekaman KTP-el oleh Disdukcapil",
	} {
		in := p.input(hl, b)
		rep := Grade(in)
		mustFindMsg(t, rep, in, CritMenarik, SevPeringatan, "", "pasif")
		for _, f := range rep.Findings {
			if strings.Contains(f.Message, "belum memuat kata kerja") {
				t.Errorf("%q: %s", hl, f.Message)
			}
		}
	}
	for _, hl := range []string{"Disdukcapil Sukamaju Mendatangi Warga Cikadu untuk Perekaman KTP-el", "Disdukcapil Sukamaju Layani Perekaman KTP-el Warga Cikadu", "Disdukcapil Sukamaju Resmikan Layanan KTP-el di Cikadu"} {
		in := p.input(hl, b)
		for _, f := range Grade(in).Findings {
			if f.Criterion == CritMenarik && (strings.Contains(f.Message, "pasif") || strings.Contains(f.Message, "kata kerja")) {
				t.Errorf("%q: false alarm: %s", hl, f.Message)
			}
		}
	}
}

// TestMutationsSplitQuote: a quote of the sheet split by its attribution,
// “…,” kata Rina. “…” — the usual news form — is attributed in both parts
// and changes nothing: the second part, which leaves out the first
// sentence's "belum", has dropped no negation.
func TestMutationsSplitQuote(t *testing.T) {
	for id, e := range map[string]edit{
		pKTP: {"\"Jarak masih menjadi alasan utama warga Cikadu belum merekam KTP-el. Karena itu, kami yang datang ke kecamatan, lengkap dengan alat dan petugasnya,\" kata Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati.",
			"\"Jarak masih menjadi alasan utama warga Cikadu belum merekam KTP-el,\" kata Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati. \"Karena itu, kami yang datang ke kecamatan, lengkap dengan alat dan petugasnya.\"", ""},
		pBanjir: {"\"Saat banjir datang malam hari, tetangga adalah penolong pertama. Karena itu, setiap desa harus punya jalur evakuasi yang sudah dilatih, bukan hanya digambar di atas kertas,\" kata Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep Saepudin.",
			"\"Saat banjir datang malam hari, tetangga adalah penolong pertama,\" kata Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep Saepudin. \"Karena itu, setiap desa harus punya jalur evakuasi yang sudah dilatih, bukan hanya digambar di atas kertas.\"", ""},
	} {
		p := loadPractices(t)[id]
		h, b := soundRelease(t, id)
		if !strings.Contains(b, e.old) {
			t.Fatalf("%s: the sound release has no %q", id, e.old)
		}
		in := p.input(h, strings.Replace(b, e.old, e.new, 1))
		for _, f := range Grade(in).Findings {
			if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
				t.Errorf("%s: false alarm: %s %s %q: %s", id, f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}

// TestMutationsNameWithExclamation: the exclamation mark of a name the body
// writes inside a sentence ("SP4N-LAPOR! di Pendopo") is no clickbait in the
// headline; a mark of the writer's own still is. A count of organisations
// is a scale, like a count of OPD.
func TestMutationsNameWithExclamation(t *testing.T) {
	p := loadPractices(t)[pAduan]
	_, b := soundRelease(t, pAduan)
	if !strings.Contains(b, "SP4N-LAPOR! di Pendopo") {
		t.Fatal("the sound release has no \"SP4N-LAPOR! di Pendopo\"")
	}
	for hl, clickbait := range map[string]bool{
		"Pemkab Sukamaju Sambungkan Kanal Aduan WhatsApp ke SP4N-LAPOR!":       false,
		"Pemkab Sukamaju Buka Kanal Aduan WhatsApp untuk 42 OPD (SP4N-LAPOR!)": false,
		"Pemkab Sukamaju Buka Kanal Aduan WhatsApp untuk 42 OPD!":              true,
		"Pemkab Sukamaju Sambungkan Kanal Aduan WhatsApp ke SP4N-LAPOR!!":      true,
	} {
		in := p.input(hl, b)
		got := false
		for _, f := range Grade(in).Findings {
			if strings.Contains(f.Message, "memancing klik") {
				got = true
			}
		}
		if got != clickbait {
			t.Errorf("%q: clickbait finding %v, want %v", hl, got, clickbait)
		}
	}
	const at = "Kanal aduan ini sudah tersambung dengan 42 OPD."
	if !strings.Contains(b, at) {
		t.Fatalf("the sound release has no %q", at)
	}
	in := p.input(soundHeadline(t, pAduan), strings.Replace(b, at, "Kanal aduan ini sudah tersambung dengan 42 organisasi perangkat daerah (OPD).", 1))
	for _, f := range Grade(in).Findings {
		if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
			t.Errorf("false alarm: %s %s %q: %s", f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
		}
	}
}

func soundHeadline(t *testing.T, id string) string {
	h, _ := soundRelease(t, id)
	return h
}

// splitDiVerbs and diPlaceWords are the two sides of "di W" that only the
// word itself tells apart: the same frame, "Jadwal layanan di W pada pekan
// lalu.", holds a split prefix for a verb base (with or without -kan/-i)
// and a correct preposition for a place or position.
var splitDiVerbs = []string{"kawal", "jemput", "salurkan", "sosialisasikan", "tinjau", "resmikan", "bagikan",
	"pantau", "dampingi", "gelar", "buka", "sampaikan", "terima", "umumkan", "tetapkan", "rayakan", "ikuti",
	"hadiri", "lantik", "serahkan", "catat", "periksa", "laksanakan", "antar", "sambut", "lepas", "tempel",
	"siapkan", "sebarkan", "perhatikan", "kembangkan", "kerjakan", "perpanjang", "cairkan", "perlukan", "persiapkan", "pertimbangkan", "verifikasi",
	"validasi", "data", "layani", "lacak", "telusuri", "ungkap", "tampung", "input", "kumpulkan", "tangani", "klarifikasi", "evaluasi", "rekam", "cetak", "bina"}

var diPlaceWords = []string{"kantor", "balai desa", "kawasan", "jalan", "pasar", "kelurahan", "rumah", "kecamatan",
	"halaman", "lapangan", "aula", "gedung", "tempat", "samping", "atas", "bawah", "dalam", "luar", "sekitar",
	"antara", "sini", "sana", "kontrakan", "selokan", "tanjakan", "serambi", "teras", "ruang tunggu", "pinggir jalan",
	"perbatasan", "dusun", "kampung", "musala", "gang", "pelabuhan", "bandara", "simpang", "pertigaan", "perempatan",
	"sudut", "lorong", "lepas pantai", "pos ronda", "sidang", "balik pintu", "warung", "klinik", "rumah sakit", "pendapa", "mimbar", "loket", "lantai dua"}

// TestMutationsSplitPrefixByMorphology: "di W" in one and the same frame is
// a split prefix di- when W is a verb base, bare or with -kan/-i, and a
// correct preposition when W is a place or position; the verb is known by
// the lexicon of verb bases or by its active or joined form in the text.
func TestMutationsSplitPrefixByMorphology(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	const anchor = "Dalam sehari, petugas menargetkan 400 perekaman."
	if !strings.Contains(b, anchor) {
		t.Fatalf("the sound release has no %q", anchor)
	}
	for _, v := range splitDiVerbs {
		in := p.input(h, strings.Replace(b, anchor, anchor+" Jadwal layanan di "+v+" pada hari pertama.", 1))
		rep := Grade(in)
		found := false
		for _, f := range find(rep, in, CritBahasa, "di "+v) {
			if f.Severity == SevPeringatan && f.Suggestion == "di"+v {
				found = true
			}
		}
		if !found {
			t.Errorf("\"di %s\": split prefix not reported:\n%s", v, dump(rep, in))
		}
	}
	for _, w := range diPlaceWords {
		in := p.input(h, strings.Replace(b, anchor, anchor+" Jadwal layanan di "+w+" pada hari pertama.", 1))
		rep := Grade(in)
		for _, f := range rep.Findings {
			if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
				t.Errorf("\"di %s\": false alarm: %s %s %q: %s", w, f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
	// A base coordinated with a split prefix is one too: "di gambar" alone
	// may be a picture, "di gambar dan di tempel" is not; places stay places.
	in0 := p.input(h, strings.Replace(b, anchor, anchor+" Jadwal layanan di gambar dan di tempel pada hari pertama.", 1))
	mustFind(t, Grade(in0), in0, CritBahasa, SevPeringatan, "di gambar")
	in0 = p.input(h, strings.Replace(b, anchor, anchor+" Jadwal layanan ada di gambar dan di kantor desa.", 1))
	mustNotFind(t, Grade(in0), in0, CritBahasa, "di gambar")
	// A base the lexicon does not hold is a verb when the text writes its
	// active form: "di gusur" beside "menggusur".
	in := p.input(h, strings.Replace(b, anchor, anchor+" Petugas tidak menggusur pedagang. Lapak pedagang di gusur pada hari pertama.", 1))
	mustFind(t, Grade(in), in, CritBahasa, SevPeringatan, "di gusur")
	// The preposition joined to a place is reported the other way round.
	for _, w := range []string{"dikantor", "dibalai desa", "dirumah", "dipasar", "dikecamatan", "dilapangan", "dikelurahan", "digedung", "diaula",
		"diacara", "disetiap desa", "diberbagai desa", "digrup warga", "dirumah-rumah", "diwarung", "diklinik", "didusun"} {
		in := p.input(h, strings.Replace(b, anchor, anchor+" Jadwal layanan "+w+" pada hari pertama.", 1))
		first, _, _ := strings.Cut(w, " ")
		mustFindMsg(t, Grade(in), in, CritBahasa, SevPeringatan, first, "kata depan")
	}
	// A count per item stays one when di is joined to "setiap": only the
	// spelling is reported, not a figure contradicting the sheet.
	pi := loadPractices(t)[pImun]
	hi, bi := soundRelease(t, pImun)
	const per = "Di setiap posyandu bertugas dua vaksinator"
	if !strings.Contains(bi, per) {
		t.Fatalf("the immunisation release has no %q", per)
	}
	in1 := pi.input(hi, strings.Replace(bi, per, "Disetiap posyandu bertugas dua vaksinator", 1))
	rep1 := Grade(in1)
	mustFindMsg(t, rep1, in1, CritBahasa, SevPeringatan, "Disetiap", "kata depan")
	mustNotFind(t, rep1, in1, CritFaktual, "dua vaksinator")
	// Verbs made of a place word stay verbs.
	for _, w := range []string{"dirumahkan", "dipasarkan", "ditempatkan", "dijalankan", "diatasi", "didalami", "dijalani", "dikantongi"} {
		in := p.input(h, strings.Replace(b, anchor, anchor+" Jadwal layanan "+w+" pada hari pertama.", 1))
		mustNotFind(t, Grade(in), in, CritBahasa, w)
	}
}

// TestMutationsHeadlineTerAndBagi: a ter- verb ("Tersambung", "Terpilih",
// "Terdata") is a verb, but not the active one the course asks for ("ada
// pelaku dan kata kerja"), so it reads as a passive headline, not a verbless
// one; a ter- superlative ("Terbaik") is no verb; and the preposition "bagi"
// is no verb even when the body writes "membagikan", so it hides neither a
// passive nor a verbless headline.
func TestMutationsHeadlineTerAndBagi(t *testing.T) {
	p := loadPractices(t)[pKTP]
	_, b := soundRelease(t, pKTP)
	const old = "mengambil nomor antrean di lokasi"
	if !strings.Contains(b, old) {
		t.Fatalf("the sound release has no %q", old)
	}
	b = strings.Replace(b, old, "menerima nomor antrean yang dibagikan petugas di lokasi", 1)
	for _, c := range []struct{ headline, want string }{
		{"1.240 Warga Cikadu Terdata untuk Perekaman KTP-el Keliling", "pasif"},
		{"Layanan KTP-el Keliling Tersambung ke Kecamatan Cikadu", "pasif"},
		{"Rina Marlinawati Terpilih Memimpin Layanan KTP-el Cikadu", ""},
		{"KTP-el Dicetak bagi 1.240 Warga Cikadu", "pasif"},
		{"Perekaman KTP-el Keliling bagi 1.240 Warga Cikadu", "belum memuat kata kerja"},
		{"Layanan KTP-el Terbaik bagi 1.240 Warga Cikadu", "belum memuat kata kerja"},
	} {
		in := p.input(c.headline, b)
		rep := Grade(in)
		var got []string
		for _, f := range rep.Findings {
			if f.Criterion == CritMenarik && (strings.Contains(f.Message, "pasif") || strings.Contains(f.Message, "belum memuat kata kerja")) {
				got = append(got, f.Message)
			}
		}
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%q: false alarm: %v", c.headline, got)
		case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want)):
			t.Errorf("%q: want one finding saying %q, got %v", c.headline, c.want, got)
		}
	}
}

// TestMutationsRegionCapitals: an administrative region written before its
// name is part of the name and takes a capital ("Kecamatan Cikadu",
// "Pemerintah Kabupaten Sukamaju"); used generically — after a quantifier or
// a number, before no name, or at the end of a sentence — it stays in lower
// case.
func TestMutationsRegionCapitals(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	const anchor = "Dalam sehari, petugas menargetkan 400 perekaman."
	for _, c := range []struct{ add, span, fix string }{
		{"Jadwal itu disusun bersama Pemerintah kabupaten Sukamaju.", "kabupaten", "Kabupaten"},
		{"Warga kecamatan Sukamaju juga boleh datang.", "kecamatan", "Kecamatan"},
		{"Petugas kelurahan Sukajadi ikut membantu.", "kelurahan", "Kelurahan"},
		{"Layanan serupa digelar di desa Cibeureum pekan depan.", "desa", "Desa"},
	} {
		in := p.input(h, strings.Replace(b, anchor, anchor+" "+c.add, 1))
		f := mustFindMsg(t, Grade(in), in, CritBahasa, SevPeringatan, c.span, "huruf kapital")
		if f.Suggestion != c.fix {
			t.Errorf("%q: suggestion %q, want %q", c.add, f.Suggestion, c.fix)
		}
	}
	for _, add := range []string{
		"Layanan serupa akan digelar di setiap kecamatan.",
		"Jadwal dibagikan hingga tingkat desa.",
		"Layanan ini menjangkau seluruh desa Cikadu.",
		"Tiga desa Cikadu sudah didatangi petugas.",
		"Petugas datang ke kecamatan. Warga menyambut baik layanan ini.",
		"Jadwal diumumkan lewat grup WhatsApp desa, Senin (13/4/2026).",
		"Jadwal disusun bersama Pemerintah Kabupaten Sukamaju dan pemerintah desa.",
	} {
		in := p.input(h, strings.Replace(b, anchor, anchor+" "+add, 1))
		for _, f := range Grade(in).Findings {
			if f.Criterion == CritBahasa && strings.Contains(f.Message, "kapital") {
				t.Errorf("%q: false alarm: %s %s %q: %s", add, f.Criterion, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}

// TestMutationsTitleBeforeName: an abbreviated or shortened title before the
// sheet's name without a comma ("kata Kadinkes dr. Rahmat Hidayat") names
// the sheet's speaker, not another person: no wrong attribution.
func TestMutationsTitleBeforeName(t *testing.T) {
	for _, c := range []struct{ id, old, new string }{
		{pImun, "kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat.", "kata Kadinkes dr. Rahmat Hidayat."},
		{pImun, "kata Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat.", "kata Kadinkes Sukamaju dr. Rahmat Hidayat."},
		{pBanjir, "kata Kepala Pelaksana BPBD Kabupaten Sukamaju, Asep Saepudin.", "kata Kalak BPBD Sukamaju Asep Saepudin."},
		{pKTP, "kata Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati.", "kata Kadisdukcapil Sukamaju Rina Marlinawati."},
	} {
		p := loadPractices(t)[c.id]
		h, b := soundRelease(t, c.id)
		if !strings.Contains(b, c.old) {
			t.Fatalf("%s: the sound release has no %q", c.id, c.old)
		}
		in := p.input(h, strings.Replace(b, c.old, c.new, 1))
		for _, f := range Grade(in).Findings {
			if SeverityRank(f.Severity) > SeverityRank(SevSaran) {
				t.Errorf("%s %q: false alarm: %s %s %q: %s", c.id, c.new, f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}
