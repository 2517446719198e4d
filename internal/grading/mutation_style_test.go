package grading

import (
	"strings"
	"testing"
)

// Style defects of headlines, suggestions, time words, opinion and
// ceremony: the adversary's classes of grader 1.26.0 on. They join the
// mutation suite (TestMutationsOneAtATime and the rest) from here, so the
// fact classes in mutation_test.go and these grow apart.
func init() { mutations = append(mutations, styleMutations...) }

// Title-case headlines with the passive prefix written apart.
var splitDiHeadlines = map[string][]edit{
	pKTP:    {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "KTP-el 1.240 Warga Cikadu Di Rekam Disdukcapil Sukamaju\n", "Di Rekam"}},
	pImun:   {{"Dinkes Sukamaju Buka Pekan Imunisasi Kejar bagi 1.236 Balita\n", "Pekan Imunisasi Kejar bagi 1.236 Balita Di Buka Dinkes Sukamaju\n", "Di Buka"}},
	pBanjir: {{"BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana dari 18 Desa\n", "90 Anggota Tim Siaga Bencana dari 18 Desa Di Latih BPBD Sukamaju\n", "Di Latih"}},
	pAduan:  {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n", "Kanal Aduan WhatsApp Pemkab Sukamaju Di Luncurkan untuk 42 OPD\n", "Di Luncurkan"}},
}

var styleMutations = []mutation{
	{"prefix di- written apart in a title-case headline", CritBahasa, SevPeringatan, "awalan", splitDiHeadlines},
	{"prefix di- written apart makes the headline passive", CritMenarik, SevPeringatan, "kalimat aktif", splitDiHeadlines},
	{"ter- headline where the practice asks for an active one", CritMenarik, SevPeringatan, "kalimat aktif", map[string][]edit{
		pKTP:    {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "Warga Cikadu Terlayani Perekaman KTP-el Jemput Bola Disdukcapil\n", "Terlayani"}},
		pImun:   {{"Dinkes Sukamaju Buka Pekan Imunisasi Kejar bagi 1.236 Balita\n", "1.236 Balita Sukamaju Terlindungi lewat Pekan Imunisasi Kejar\n", "Terlindungi"}},
		pBanjir: {{"BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana dari 18 Desa\n", "90 Anggota Tim Siaga Bencana dari 18 Desa Sukamaju Terlatih\n", "Terlatih"}},
		pAduan:  {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n", "Aduan Warga Sukamaju Kini Tercatat lewat WhatsApp dan 42 OPD\n", "Tercatat"}},
	}},
	{"clickbait headline without punctuation", CritMenarik, SevPeringatan, "memancing klik", map[string][]edit{
		pKTP:    {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "Begini Cara Warga Cikadu Rekam KTP-el di Kecamatan\n", "Begini"}},
		pImun:   {{"Dinkes Sukamaju Buka Pekan Imunisasi Kejar bagi 1.236 Balita\n", "Wow, Ini Dia Pekan Imunisasi Kejar bagi 1.236 Balita\n", "Wow"}},
		pBanjir: {{"BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana dari 18 Desa\n", "Heboh, BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana\n", "Heboh"}},
		pAduan:  {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n", "Warga Wajib Tahu, Pemkab Sukamaju Buka Kanal Aduan WhatsApp\n", "Wajib Tahu"}},
	}},
	{"clickbait headline telling the reader to read", CritMenarik, SevPeringatan, "memancing klik", map[string][]edit{
		pAduan: {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n", "Simak Cara Mengadu lewat WhatsApp ke 42 OPD Sukamaju\n", "Simak"}},
		pKTP:   {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "Ternyata Rekam KTP-el Kini Bisa di Kecamatan Cikadu\n", "Ternyata"}},
	}},
	{"compound verb written apart after di-", CritBahasa, SevPeringatan, "awalan", map[string][]edit{
		pKTP:  {{"Kepala desa sudah mengumumkan jadwal ini", "Jadwal ini sudah di sebar luaskan kepala desa", "di sebar luaskan"}},
		pImun: {{"Kader posyandu mendatangi rumah balita yang belum datang.", "Kader posyandu mendatangi rumah balita yang belum datang. Daftar balita di tanda tangani kepala puskesmas.", "di tanda tangani"}},
	}},
	{"vague past time beside the date", CritAktual, SevPeringatan, "tidak menyebut waktu yang pasti", map[string][]edit{
		pKTP:    {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Petugas sudah mendata warga lansia kemarin.", "kemarin"}},
		pImun:   {{"Balita tersebut tinggal", "Baru-baru ini Dinkes mendata balita yang tertinggal imunisasi. Balita tersebut tinggal", "Baru-baru ini"}},
		pBanjir: {{"Pelatihan ditutup dengan simulasi", "Beberapa waktu lalu BPBD memetakan desa rawan. Pelatihan ditutup dengan simulasi", "Beberapa waktu lalu"}},
		pAduan:  {{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD sejak kemarin.", "kemarin"}},
	}},
	{"vague future time beside the date", CritAktual, SevPeringatan, "tidak menyebut waktu yang pasti", map[string][]edit{
		pKTP:    {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Layanan serupa akan dibuka di kecamatan lain dalam waktu dekat.", "dalam waktu dekat"}},
		pImun:   {{"Kader posyandu mendatangi rumah balita yang belum datang.", "Kader posyandu mendatangi rumah balita yang belum datang. Pendataan ulang dimulai besok.", "besok"}},
		pBanjir: {{"Pelatihan ditutup dengan simulasi", "Pelatihan serupa digelar lagi tidak lama lagi. Pelatihan ditutup dengan simulasi", "tidak lama lagi"}},
		pAduan:  {{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD. Admin mulai membalas aduan lusa.", "lusa"}},
	}},
	{"vague relative period beside the date", CritAktual, SevPeringatan, "tidak menyebut waktu yang pasti", map[string][]edit{
		pKTP:    {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Layanan serupa dibuka di Cibeureum pekan depan.", "pekan depan"}},
		pImun:   {{"Kader posyandu mendatangi rumah balita yang belum datang.", "Kader posyandu mendatangi rumah balita yang belum datang. Pekan ini kader juga mendata balita baru.", "Pekan ini"}},
		pBanjir: {{"Pelatihan ditutup dengan simulasi", "Pelatihan serupa digelar lagi tahun depan. Pelatihan ditutup dengan simulasi", "tahun depan"}},
		pAduan:  {{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD. Bulan depan kanal ini tersambung ke desa.", "Bulan depan"}},
	}},
	{"vague time word instead of the date: a day counted from the writing", CritAktual, SevKesalahan, "samar", map[string][]edit{
		pKTP:   {{", Kamis (16/4/2026),", " besok", "besok"}},
		pAduan: {{", Selasa (2/6/2026),", " kemarin", "kemarin"}},
	}},
	{"writer's verdict on how people received the event", CritFaktual, SevPeringatan, "penilaian penulis", map[string][]edit{
		pKTP:    {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Para pelajar menyambut layanan ini dengan antusias.", "menyambut layanan ini dengan antusias"}},
		pImun:   {{"Kader posyandu mendatangi rumah balita yang belum datang.", "Kader posyandu mendatangi rumah balita yang belum datang. Program ini disambut hangat para orang tua.", "disambut hangat"}},
		pBanjir: {{"Pelatihan ditutup dengan simulasi", "Antusiasme warga sangat tinggi. Pelatihan ditutup dengan simulasi", "Antusiasme warga sangat tinggi"}},
		pAduan:  {{"Pesan dipantau enam admin", "Kehadiran kanal ini disambut antusias oleh warga. Pesan dipantau enam admin", "disambut antusias"}},
	}},
	{"writer's metaphor of praise", CritFaktual, SevPeringatan, "penilaian penulis", map[string][]edit{
		pKTP:    {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Layanan ini menjadi angin segar bagi pelajar.", "angin segar"}},
		pImun:   {{"Kader posyandu mendatangi rumah balita yang belum datang.", "Kader posyandu mendatangi rumah balita yang belum datang. Langkah ini bukti nyata kepedulian Dinkes.", "bukti nyata"}},
		pBanjir: {{"Pelatihan ditutup dengan simulasi", "Pelatihan ini menjadi solusi jitu menghadapi banjir. Pelatihan ditutup dengan simulasi", "solusi jitu"}},
		pAduan:  {{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD dan benar-benar membantu warga.", "benar-benar membantu"}},
	}},
	{"ceremonial closing", CritPenting, SevPeringatan, "penutup surat", map[string][]edit{
		pKTP:   {{"yang berjarak 42 kilometer.", "yang berjarak 42 kilometer.\n\nAtas perhatiannya kami ucapkan terima kasih.", "Atas perhatiannya kami ucapkan terima kasih."}},
		pAduan: {{"yang mengaku sebagai petugas.", "yang mengaku sebagai petugas.\n\nDemikian siaran pers ini kami sampaikan.", "Demikian siaran pers ini kami sampaikan."}},
		pImun:  {{"polio, penyakit yang dapat dicegah dengan imunisasi.", "polio, penyakit yang dapat dicegah dengan imunisasi.\n\nDemikian informasi yang dapat kami sampaikan.", "Demikian informasi"}},
	}},
	{"ceremonial opening: the event's programme", CritMenarik, SevPeringatan, "seremonial", map[string][]edit{
		pKTP:    {{"SUKAMAJU – Dinas Kependudukan", "SUKAMAJU – Diawali doa bersama, Dinas Kependudukan", "Diawali doa bersama"}},
		pImun:   {{"SUKAMAJU – Dinas Kesehatan", "SUKAMAJU – Acara dibuka dengan menyanyikan Indonesia Raya, lalu Dinas Kesehatan", "Acara dibuka dengan menyanyikan Indonesia Raya"}},
		pBanjir: {{"SUKAMAJU – Badan Penanggulangan", "SUKAMAJU – Kegiatan diawali dengan sambutan Bupati, lalu Badan Penanggulangan", "Kegiatan diawali dengan sambutan Bupati"}},
		pAduan:  {{"SUKAMAJU – Bupati Sukamaju", "SUKAMAJU – Usai upacara pembukaan, Bupati Sukamaju", "Usai upacara pembukaan"}},
	}},
	{"ceremonial closing: the event's programme", CritPenting, SevPeringatan, "penutupan acara", map[string][]edit{
		pBanjir: {{"Pelatihan ditutup dengan simulasi evakuasi di Desa Cijambu.", "Pelatihan ditutup dengan simulasi evakuasi di Desa Cijambu. Acara ditutup dengan doa bersama.", "Acara ditutup dengan doa bersama."}},
		pKTP:    {{"yang berjarak 42 kilometer.", "yang berjarak 42 kilometer.\n\nKegiatan diakhiri dengan foto bersama.", "Kegiatan diakhiri dengan foto bersama."}},
		pAduan:  {{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD. Peluncuran ditutup dengan doa dan ramah tamah.", "Peluncuran ditutup dengan doa dan ramah tamah."}},
		pImun:   {{"Layanan imunisasi kejar tidak dipungut biaya.", "Layanan imunisasi kejar tidak dipungut biaya. Pembukaan diakhiri pemotongan tumpeng.", "Pembukaan diakhiri pemotongan tumpeng."}},
	}},
	{"function word capitalised inside the headline", CritBahasa, SevPeringatan, "kata tugas", map[string][]edit{
		pKTP:    {{"Rekam KTP-el 1.240 Warga Cikadu\n", "Rekam KTP-el Untuk 1.240 Warga Cikadu\n", "Disdukcapil Sukamaju Jemput Bola Rekam KTP-el Untuk 1.240 Warga Cikadu"}},
		pImun:   {{"Kejar bagi 1.236 Balita\n", "Kejar Bagi 1.236 Balita\n", "Dinkes Sukamaju Buka Pekan Imunisasi Kejar Bagi 1.236 Balita"}},
		pBanjir: {{"Siaga Bencana dari 18 Desa\n", "Siaga Bencana Dari 18 Desa\n", "BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana Dari 18 Desa"}},
		pAduan:  {{"WhatsApp yang Tersambung", "WhatsApp Yang Tersambung", "Pemkab Sukamaju Buka Kanal Aduan WhatsApp Yang Tersambung ke 42 OPD"}},
	}},
	{"headline naming nothing concrete", CritMenarik, SevPeringatan, "tidak menyebut pelaku, tempat, atau angka", map[string][]edit{
		pKTP:    {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "Pelayanan kepada Masyarakat Terus Ditingkatkan demi Kenyamanan Bersama\n", "Pelayanan kepada Masyarakat Terus Ditingkatkan demi Kenyamanan Bersama"}},
		pImun:   {{"Dinkes Sukamaju Buka Pekan Imunisasi Kejar bagi 1.236 Balita\n", "Layanan bagi Anak Kembali Hadir demi Masa Depan Bangsa\n", "Layanan bagi Anak Kembali Hadir demi Masa Depan Bangsa"}},
		pBanjir: {{"BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana dari 18 Desa\n", "Kegiatan Pelatihan Penting Digelar untuk Menghadapi Musim Hujan\n", "Kegiatan Pelatihan Penting Digelar untuk Menghadapi Musim Hujan"}},
		pAduan:  {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n", "Warga Kini Bisa Mengadu dengan Lebih Mudah dan Cepat\n", "Warga Kini Bisa Mengadu dengan Lebih Mudah dan Cepat"}},
	}},
	{"passive di- headline verb outside the lexicon", CritMenarik, SevPeringatan, "kalimat pasif", map[string][]edit{
		pKTP:    {{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu\n", "1.240 Warga Cikadu Ditampung di Aula Kecamatan selama Perekaman KTP-el\n", "1.240 Warga Cikadu Ditampung di Aula Kecamatan selama Perekaman KTP-el"}},
		pImun:   {{"Dinkes Sukamaju Buka Pekan Imunisasi Kejar bagi 1.236 Balita\n", "1.236 Balita Sukamaju Diimunisasi di 48 Posyandu Kecamatan Cikadu\n", "1.236 Balita Sukamaju Diimunisasi di 48 Posyandu Kecamatan Cikadu"}},
		pBanjir: {{"BPBD Sukamaju Latih 90 Anggota Tim Siaga Bencana dari 18 Desa\n", "90 Anggota Tim Siaga Bencana dari 18 Desa Digembleng BPBD\n", "90 Anggota Tim Siaga Bencana dari 18 Desa Digembleng BPBD"}},
		pAduan:  {{"Pemkab Sukamaju Buka Kanal Aduan WhatsApp yang Tersambung ke 42 OPD\n", "Aduan Warga Sukamaju Kini Diwadahi Kanal WhatsApp 42 OPD\n", "Aduan Warga Sukamaju Kini Diwadahi Kanal WhatsApp 42 OPD"}},
	}},
	{"list of officials present", CritPenting, SevPeringatan, "pejabat yang hadir", map[string][]edit{
		pBanjir: {{"Pelatihan ditutup dengan simulasi", "Turut hadir dalam kegiatan tersebut Sekda, Asisten I, dan Kepala Dinas Sosial. Pelatihan ditutup dengan simulasi", "Turut hadir"}},
		pAduan:  {{"Kanal aduan ini sudah tersambung dengan 42 OPD.", "Peluncuran dihadiri Wakil Bupati, Sekretaris Daerah, dan para kepala OPD. Kanal aduan ini sudah tersambung dengan 42 OPD.", "Peluncuran dihadiri"}},
	}},
	{"a link or e-mail address the sheet does not give", CritFaktual, SevPeringatan, "tidak ada di lembar fakta", map[string][]edit{
		pAduan: {{"berisi isi aduan, lokasi, dan foto bila ada.", "berisi isi aduan, lokasi, dan foto bila ada. Aduan juga dapat dikirim ke surel aduan@sukamajukab.go.id.", "aduan@sukamajukab.go.id"}},
		pKTP:   {{"Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Jadwal lengkap ada di https://disdukcapil.sukamajukab.go.id/jadwal.", "https://disdukcapil.sukamajukab.go.id/jadwal"}},
	}},
}

// TestMutationsVagueTimeFix: a vague time of the past beside the date has
// the sheet's date as its fix; a vague future has none (the sheet gives no
// later date), and the right kinds of time draw nothing.
func TestMutationsVagueTimeFix(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	const at = "Dalam sehari, petugas menargetkan 400 perekaman."
	for _, c := range []struct{ add, span, fix string }{
		{"Petugas sudah mendata warga lansia kemarin.", "kemarin", "Kamis (16/4/2026)"},
		{"Baru-baru ini petugas mendata warga lansia.", "Baru-baru ini", "Kamis (16/4/2026)"},
		{"Layanan serupa dibuka besok di kecamatan lain.", "besok", ""},
		{"Layanan serupa dibuka dalam waktu dekat.", "dalam waktu dekat", ""},
		{"Layanan serupa dibuka minggu depan.", "minggu depan", ""},
		{"Layanan serupa dibuka dua pekan lagi.", "dua pekan lagi", ""},
		{"Pekan ini petugas juga mendata warga lansia.", "Pekan ini", "Kamis (16/4/2026)"},
		{"Petugas sudah mendata warga lansia pekan lalu.", "pekan lalu", "Kamis (16/4/2026)"},
	} {
		in := p.input(h, strings.Replace(b, at, at+" "+c.add, 1))
		f := mustFind(t, Grade(in), in, CritAktual, SevPeringatan, c.span)
		if f.Suggestion != c.fix {
			t.Errorf("%q: fix %q, want %q", c.add, f.Suggestion, c.fix)
		}
	}
	in := p.input(h, strings.Replace(b, ", Kamis (16/4/2026),", " besok", 1))
	if f := mustFind(t, Grade(in), in, CritAktual, SevKesalahan, "besok"); f.Suggestion != "Kamis (16/4/2026)" {
		t.Errorf("the event's date written \"besok\": fix %q, want the sheet's date", f.Suggestion)
	}
	in = p.input(h, strings.Replace(b, ", Kamis (16/4/2026),", " pekan ini", 1))
	if f := mustFind(t, Grade(in), in, CritAktual, SevKesalahan, "pekan ini"); f.Suggestion != "Kamis (16/4/2026)" {
		t.Errorf("the event's date written \"pekan ini\": fix %q, want the sheet's date", f.Suggestion)
	}
}

// TestMutationsStyleCorrectForms: near-forms of the vague times, reactions,
// closings and lists of officials that are right draw none of those rules.
func TestMutationsStyleCorrectForms(t *testing.T) {
	rules := map[string]bool{"waktu-samar": true, "tanggal-hilang": true, "hari-tanpa-tanggal": true, "opini-penulis": true,
		"penutup-seremonial": true, "daftar-pejabat": true}
	for _, c := range []struct{ id, old, new string }{
		{pKTP, "Dalam sehari, petugas menargetkan 400 perekaman.", "Pada hari pertama, petugas menargetkan 400 perekaman."},
		{pKTP, "Dalam sehari, petugas menargetkan 400 perekaman.", "Petugas menargetkan 400 perekaman setiap hari."},
		{pKTP, "Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Petugas bekerja sepanjang hari di aula."},
		{pKTP, "Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Warga yang berminat cukup datang ke aula."},
		{pKTP, "Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Demikian pula warga lansia yang datang sendiri."},
		{pKTP, "Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Warga yang hadir cukup membawa KK."},
		{pAduan, "Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD. Dalam sambutannya, Bupati meminta OPD segera menanggapi aduan."},
		{pAduan, "Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD. Respons setiap OPD dapat dipantau lewat nomor tiket."},
		{pAduan, "Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD. Bupati Sukamaju didampingi Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju meninjau ruang admin."},
		{pBanjir, "Pelatihan ditutup dengan simulasi", "Warga menyambut tim penyelamat di balai desa. Pelatihan ditutup dengan simulasi"},
		// From 1.42.0: periods that still place the time, and weeks that are no time.
		{pBanjir, "Pelatihan ditutup dengan simulasi", "Tahun lalu banjir merendam 18 desa. Pelatihan ditutup dengan simulasi"},
		{pBanjir, "Pelatihan ditutup dengan simulasi", "Tim siaga berlatih setiap pekan di balai desa. Pelatihan ditutup dengan simulasi"},
		{pImun, "Kader posyandu mendatangi rumah balita yang belum datang.", "Kader posyandu mendatangi rumah balita yang belum datang selama sepekan."},
		{pAduan, "Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini sudah tersambung dengan 42 OPD sejak awal tahun ini."},
	} {
		in, rep := replaced(t, c.id, c.old, c.new)
		for _, f := range rep.Findings {
			if rules[f.Rule] {
				t.Errorf("%s %q: false alarm: %s %s %q: %s", c.id, c.new, f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}

// TestMutationsProgrammeCorrectForms: opening and closing verbs that report
// the service, the exercise or a road, not the event's programme, draw no
// ceremony rule.
func TestMutationsProgrammeCorrectForms(t *testing.T) {
	rules := map[string]bool{"teras-seremonial": true, "frasa-seremonial": true, "penutup-seremonial": true, "kalimat-seremoni": true}
	for _, c := range []struct{ id, old, new string }{
		{pKTP, "SUKAMAJU – Dinas Kependudukan", "SUKAMAJU – Usai menerima data kecamatan, Dinas Kependudukan"},
		{pKTP, "Dalam sehari, petugas menargetkan 400 perekaman.", "Pendaftaran dibuka hingga pukul 15.00 WIB. Dalam sehari, petugas menargetkan 400 perekaman."},
		{pKTP, "Dalam sehari, petugas menargetkan 400 perekaman.", "Jalan menuju aula ditutup oleh petugas selama perekaman. Dalam sehari, petugas menargetkan 400 perekaman."},
		{pAduan, "Kanal aduan ini sudah tersambung dengan 42 OPD.", "Kanal aduan ini dibuka untuk semua warga dan sudah tersambung dengan 42 OPD."},
		{pBanjir, "Pelatihan ditutup dengan simulasi evakuasi di Desa Cijambu.", "Pelatihan diakhiri dengan simulasi evakuasi di Desa Cijambu."},
		{pImun, "Kader posyandu mendatangi rumah balita yang belum datang.", "Kader posyandu mendatangi rumah balita yang belum datang. Imunisasi dimulai pukul 08.00 WIB."},
		{pBanjir, "Pelatihan ditutup dengan simulasi", "Pintu air dibuka oleh petugas saat muka air naik. Pelatihan ditutup dengan simulasi"},
	} {
		in, rep := replaced(t, c.id, c.old, c.new)
		for _, f := range rep.Findings {
			if rules[f.Rule] {
				t.Errorf("%s %q: false alarm: %s %s %q: %s", c.id, c.new, f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}

// TestMutationsHeadlineForms: the fix of capitalised function words is the
// whole headline with them in lower case; a passive di- verb outside the
// lexicon is reported as passive, never as a missing verb; function words
// at the start, a bare verb "Bagi", an ordinal "Ke" and offices whose
// short form begins with "Di" draw none of the headline rules.
func TestMutationsHeadlineForms(t *testing.T) {
	p := loadPractices(t)[pKTP]
	_, b := soundRelease(t, pKTP)
	in := p.input("Layanan KTP-el Keliling Dari Disdukcapil Untuk 1.240 Warga Cikadu", b)
	f := mustFind(t, Grade(in), in, CritBahasa, SevPeringatan, in.Headline)
	if want := "Layanan KTP-el Keliling dari Disdukcapil untuk 1.240 Warga Cikadu"; f.Suggestion != want || f.Rule != "kapital-kata-tugas-judul" {
		t.Errorf("fix %q (%s), want %q", f.Suggestion, f.Rule, want)
	}
	for _, h := range []string{"1.240 Warga Cikadu Digembleng Petugas Disdukcapil Sukamaju", "1.240 Warga Cikadu Diantar Petugas ke Aula Kecamatan"} {
		in := p.input(h, b)
		for _, f := range Grade(in).Findings {
			if f.Rule == "judul-tanpa-kata-kerja" {
				t.Errorf("%q: a passive verb read as no verb: %s", h, f.Message)
			}
		}
		mustFindMsg(t, Grade(in), in, CritMenarik, SevPeringatan, h, "pasif")
	}
	rules := map[string]bool{"kapital-kata-tugas-judul": true, "judul-umum": true, "judul-pasif": true}
	for _, c := range []struct{ id, headline string }{
		{pKTP, "Untuk 1.240 Warga, Disdukcapil Sukamaju Jemput Bola Rekam KTP-el"},
		{pKTP, "Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga di Cikadu"},
		{pKTP, "Disdukcapil Sukamaju Bagi Nomor Antrean Rekam KTP-el di Cikadu"},
		{pKTP, "Disdukcapil Sukamaju Buka Layanan Rekam KTP-el Ke-2 di Cikadu"},
		{pAduan, "Diskominfo Sukamaju Pantau Kanal Aduan WhatsApp bagi 42 OPD"},
		{pImun, "Dinkes Sukamaju Kejar Imunisasi 1.236 Balita di 48 Posyandu"},
		{pBanjir, "BPBD Sukamaju Latih Tim Siaga Bencana Desa Rawan Banjir"},
	} {
		p := loadPractices(t)[c.id]
		_, b := soundRelease(t, c.id)
		in := p.input(c.headline, b)
		for _, f := range Grade(in).Findings {
			if rules[f.Rule] {
				t.Errorf("%s %q: false alarm: %s %s: %s", c.id, c.headline, f.Rule, f.Severity, f.Message)
			}
		}
	}
}

// TestMutationsSplitDiFixes: the fix of a split or joined di is a word
// EYD V writes, in the case its place asks for: a compound closed by a
// suffix is joined whole ("ditandatangani", never "ditanda"), the prefix
// in a headline keeps the headline's capital ("Dilayani"), and a
// preposition takes a capital only where the sentence starts, its region
// word one before a name ("di Kecamatan Cikadu", "Di kecamatan itu").
func TestMutationsSplitDiFixes(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	const at = "Dalam sehari, petugas menargetkan 400 perekaman."
	for _, c := range []struct{ headline, add, span, fix string }{
		{"", "Berita acara layanan di tanda tangani camat.", "di tanda tangani", "ditandatangani"},
		{"", "Jadwal layanan di sebar luaskan lewat masjid.", "di sebar luaskan", "disebarluaskan"},
		{"", "Hasilnya di beri tahukan kepada warga.", "di beri tahukan", "diberitahukan"},
		{"", "Hasilnya di uji cobakan di Desa Sukasari.", "di uji cobakan", "diujicobakan"},
		{"", "Perangkat itu di buka kembali esoknya.", "di buka", "dibuka"},
		{"", "Petugas lalu di tugaskan ke desa.", "di tugaskan", "ditugaskan"},
		{"", "Warga juga dilayani dikecamatan Cikadu.", "dikecamatan", "di Kecamatan"},
		{"", "Warga juga dilayani diKecamatan Cikadu.", "diKecamatan", "di Kecamatan"},
		{"", "DiKecamatan itu, warga antre sejak pagi.", "DiKecamatan", "Di kecamatan"},
		{"", "Dikecamatan itu, warga antre sejak pagi.", "Dikecamatan", "Di kecamatan"},
		{"1.240 Warga Cikadu Di Layani Rekam KTP-el di Kecamatan", "", "Di Layani", "Dilayani"},
		{"Disdukcapil Rekam KTP-el 1.240 Warga Dikecamatan Cikadu", "", "Dikecamatan", "di Kecamatan"},
	} {
		hl, body := h, b
		if c.headline != "" {
			hl = c.headline
		}
		if c.add != "" {
			body = strings.Replace(b, at, at+" "+c.add, 1)
		}
		in := p.input(hl, body)
		f := mustFind(t, Grade(in), in, CritBahasa, SevPeringatan, c.span)
		if f.Passage(in.Headline, in.Body) != c.span || f.Suggestion != c.fix {
			t.Errorf("%q: finding on %q with fix %q, want %q → %q", c.add+c.headline, f.Passage(in.Headline, in.Body), f.Suggestion, c.span, c.fix)
		}
	}
	// Correct forms: nothing to fix.
	for _, c := range []struct{ headline, add string }{
		{"Disdukcapil Layani 1.240 Warga di Aula Kantor Kecamatan Cikadu", ""},
		{"Disdukcapil Sukamaju Rekam KTP-el Warga Di Kecamatan Cikadu", ""},
		{"", "Berita acara layanan ditandatangani camat."},
		{"", "Hasilnya diberi tahu kepada warga."},
		{"", "Warga diminta datang ke aula di kantor kecamatan."},
		{"", "Perangkat itu dibuka kembali esoknya di kantor desa."},
		{"", "Warga di kecamatan itu antre sejak pagi."},
		{"", "Petugas berjaga di pos ronda lalu kembali ke aula."},
	} {
		hl, body := h, b
		if c.headline != "" {
			hl = c.headline
		}
		if c.add != "" {
			body = strings.Replace(b, at, at+" "+c.add, 1)
		}
		in := p.input(hl, body)
		for _, f := range Grade(in).Findings {
			if f.Rule == "awalan-di-terpisah" || f.Rule == "kata-depan-serangkai" {
				t.Errorf("%q: false alarm: %s %q: %s", c.add+c.headline, f.Rule, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}

// TestMutationsHeadlineCorrectForms: active headlines whose other words
// look like a ter- verb, a teaser word or a split di draw nothing about
// the headline.
func TestMutationsHeadlineCorrectForms(t *testing.T) {
	for _, c := range []struct{ id, headline string }{
		{pKTP, "Disdukcapil Sukamaju Jemput Bola Perekaman KTP-el di Kecamatan Cikadu"},
		{pKTP, "Warga Cikadu yang Belum Terdata Kini Bisa Rekam KTP-el di Kecamatan"},
		{pKTP, "Disdukcapil Catat 1.240 Warga Cikadu Belum Rekam KTP-el"},
		{pKTP, "Disdukcapil Layani Warga Cikadu di Aula Kantor Kecamatan"},
		{pImun, "Dinkes Sukamaju Kejar Imunisasi 1.236 Balita yang Tertinggal"},
		{pImun, "Dinkes Sukamaju Buka Pekan Imunisasi Kejar di 48 Posyandu"},
		{pBanjir, "Tim Siaga Bencana dari 18 Desa Terima Pelatihan BPBD Sukamaju"},
		{pAduan, "Pemkab Sukamaju Buka Kanal Aduan WhatsApp, Warga Cukup Kirim Pesan"},
		{pAduan, "Bupati Sukamaju Luncurkan Kanal Aduan WhatsApp yang Tercatat di SP4N-LAPOR!"},
	} {
		p := loadPractices(t)[c.id]
		_, b := soundRelease(t, c.id)
		in := p.input(c.headline, b)
		for _, f := range Grade(in).Findings {
			if f.Field == FieldJudul && SeverityRank(f.Severity) > SeverityRank(SevInfo) || f.Criterion == CritMenarik && SeverityRank(f.Severity) >= SeverityRank(SevPeringatan) {
				t.Errorf("%s %q: false alarm: %s %s %q: %s", c.id, c.headline, f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
			}
		}
	}
}

// TestManyWarningsCapAtCukup: the scale rule for many kinds of peringatan.
// Eight different ones on the KTP-el release (a clickbait headline, a split
// prefix, a vague time, the writer's verdict, a closing, a list of
// officials, an address outside the sheet, a region in lower case) send it
// back like a kesalahan, at most cukup; three leave it baik, as one does.
func TestManyWarningsCapAtCukup(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	eds := []edit{
		{"Disdukcapil Sukamaju Jemput Bola Rekam KTP-el 1.240 Warga Cikadu", "Begini Cara Disdukcapil Sukamaju Rekam KTP-el 1.240 Warga Cikadu", ""},
		{"untuk dilayani", "untuk di layani", ""},
		{"Dalam sehari, petugas menargetkan 400 perekaman.", "Dalam sehari, petugas menargetkan 400 perekaman. Petugas sudah mendata warga lansia kemarin.", ""},
		{"Sebagian besar dari mereka", "Para pelajar menyambut layanan ini dengan antusias. Sebagian besar dari mereka", ""},
		{"yang berjarak 42 kilometer.", "yang berjarak 42 kilometer.\n\nDemikian siaran pers ini kami sampaikan.", ""},
		{"KTP-el yang sudah dicetak", "Turut hadir Sekda, Asisten I, dan Kepala Dinas Sosial. KTP-el yang sudah dicetak", ""},
		{"mengambil nomor antrean di lokasi.", "mengambil nomor antrean di lokasi. Jadwal ada di disdukcapil.sukamajukab.go.id.", ""},
		{"Aula Kantor Kecamatan Cikadu, Kamis", "Aula Kantor kecamatan Cikadu, Kamis", ""},
	}
	text := h + "\n\n" + b
	for k, e := range eds {
		if !strings.Contains(text, e.old) {
			t.Fatalf("the sound release has no %q", e.old)
		}
		text = strings.Replace(text, e.old, e.new, 1)
		mh, mb, err := SplitRelease(text)
		if err != nil {
			t.Fatal(err)
		}
		in := p.input(mh, mb)
		rep := Grade(in)
		if hasError(rep.Findings) {
			t.Fatalf("after %d edits a kesalahan:\n%s", k+1, dump(rep, in))
		}
		n := warningRules(rep.Findings)
		switch {
		case n >= ManyWarnings && (rep.Score > ErrorCap || rep.Band == BandBaik || rep.Band == BandSangatBaik):
			t.Errorf("%d kinds of peringatan: %d %s", n, rep.Score, rep.Band)
		case n < ManyWarnings && rep.Band != BandBaik:
			t.Errorf("%d kinds of peringatan: %d %s, want baik", n, rep.Score, rep.Band)
		}
		if k == len(eds)-1 && n < 8 {
			t.Errorf("the eight edits drew %d kinds of peringatan:\n%s", n, dump(rep, in))
		}
		t.Logf("%d edits: %d kinds of peringatan, %d %s", k+1, n, rep.Score, rep.Band)
	}
}
