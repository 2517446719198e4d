package extract

import (
	"strings"
	"testing"
	"unicode"
)

// benchRelease is a fictional release of about 500 words in the style the
// trainees write, used to measure the cost of one grading pass.
const benchRelease = `SUKAMAJU – Dinas Perdagangan, Koperasi, dan UKM (Disdagkop) Kabupaten Sukamaju menggelar pasar murah di 15 kecamatan mulai Senin (16/3/2026) untuk menekan harga bahan pokok menjelang Ramadan. Sebanyak 12.000 paket sembako disiapkan bagi warga berpenghasilan rendah.

Kepala Disdagkop Sukamaju, Hj. Neneng Sumarni, S.E., M.Si., mengatakan setiap paket berisi lima kilogram beras, dua liter minyak goreng, satu kilogram gula pasir, dan sepuluh butir telur. Paket dijual seharga Rp75.000, atau sekitar separuh harga pasar.

"Kami ingin warga tetap bisa memenuhi kebutuhan dapur tanpa harus berutang. Karena itu, harga paket kami tekan serendah mungkin," kata Neneng saat meninjau persiapan di Aula Kantor Kecamatan Cikadu, Jumat (13/3/2026).

Menurut Neneng, pasar murah digelar bergiliran. Pada pekan pertama, lapak dibuka di Kecamatan Cikadu, Kecamatan Sindangsari, dan Kecamatan Mekarjaya. Jadwal lengkap untuk setiap desa diumumkan melalui akun Instagram dan Facebook resmi Pemkab Sukamaju serta papan pengumuman di kantor desa.

Warga yang ingin membeli cukup membawa kartu tanda penduduk (KTP) dan kartu keluarga (KK). Setiap keluarga hanya boleh membeli satu paket agar bantuan merata. Petugas akan mencatat nomor induk kependudukan pembeli dengan aplikasi pendataan yang dikembangkan Dinas Komunikasi dan Informatika (Diskominfo).

Bupati Sukamaju, H. Dadang Kurnia, berharap kegiatan ini menjaga daya beli masyarakat. Ia meminta para camat dan kepala desa mengawasi penyaluran paket secara ketat.

"Jangan sampai paket jatuh ke tangan yang tidak berhak. Bila ada penyimpangan, laporkan kepada kami," ujar Dadang di Pendopo Kabupaten Sukamaju, Kamis (12/3/2026).

Data Badan Pusat Statistik (BPS) Kabupaten Sukamaju menunjukkan harga beras medium naik 8 persen dalam dua bulan terakhir. Kenaikan itu terutama dirasakan keluarga buruh tani dan pedagang kecil di wilayah selatan.

Salah seorang warga Desa Mekarsari, Ujang Supriatna (45), menyambut baik rencana tersebut. Ia mengaku selama ini harus menyisihkan hampir separuh penghasilannya untuk membeli beras.

"Kalau ada pasar murah, kami bisa menabung sedikit untuk kebutuhan sekolah anak," katanya.

Selain pasar murah, Disdagkop juga akan menggelar operasi pasar bersama Perum Bulog di tiga pasar tradisional, yakni Pasar Cikadu, Pasar Sindangsari, dan Pasar Baru Sukamaju, pada pekan depan. Operasi pasar dilakukan dengan cara menjual beras langsung kepada pedagang eceran dengan harga di bawah harga eceran tertinggi.

Kepala Bidang Perdagangan Disdagkop, Asep Saepudin, menjelaskan stok beras di gudang Bulog cukup untuk kebutuhan tiga bulan. Pasokan dari petani lokal juga diperkirakan meningkat karena panen raya dimulai akhir Maret 2026.

"Masyarakat tidak perlu panik dan membeli berlebihan. Stok aman, distribusi lancar," tegas Asep.

Untuk mencegah antrean panjang, panitia membagikan nomor antrean sejak pukul 07.00 WIB dan membatasi jumlah pembeli di area lapak. Petugas Satuan Polisi Pamong Praja (Satpol PP) dan relawan Palang Merah Indonesia (PMI) disiagakan di setiap lokasi guna membantu warga lanjut usia dan penyandang disabilitas. Warga juga diimbau tetap menjaga kebersihan dan tidak membuang sampah sembarangan selama kegiatan berlangsung.

Pemkab Sukamaju menyediakan layanan pengaduan di nomor WhatsApp 0812-0000-7788 setiap hari pukul 08.00–16.00 WIB bagi warga yang menemukan kecurangan atau kenaikan harga yang tidak wajar. Setiap laporan akan ditindaklanjuti paling lambat dua hari kerja.`

func countWords(s string) int {
	return len(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

func TestBenchReleaseSize(t *testing.T) {
	if n := countWords(benchRelease); n < 450 || n > 560 {
		t.Fatalf("bench release has %d words, want about 500", n)
	}
}

// BenchmarkElements measures the 5W1H extraction of a 500-word release.
func BenchmarkElements(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchRelease)))
	for b.Loop() {
		_ = Elements(benchRelease)
	}
}

// BenchmarkAll measures everything the grader calls on one release.
func BenchmarkAll(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Paragraphs(benchRelease)
		_ = Sentences(benchRelease)
		_ = Quotes(benchRelease)
		_ = Dates(benchRelease)
		_ = Elements(benchRelease)
	}
}

// BenchmarkAnalyze measures the one-pass API over the same release.
func BenchmarkAnalyze(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Analyze(benchRelease)
	}
}
