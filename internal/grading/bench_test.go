package grading

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// benchHeadline and benchParagraphs make a realistic release of about 500
// words; longer texts repeat the middle paragraphs.
const benchHeadline = "Dinkes Sukamaju Buka Layanan Vaksinasi Keliling di 12 Kecamatan"

var benchLead = "SUKAMAJU – Dinas Kesehatan (Dinkes) Kabupaten Sukamaju membuka layanan vaksinasi keliling di 12 kecamatan mulai Senin (9/3/2026) untuk menjangkau warga lanjut usia yang sulit datang ke puskesmas."

var benchParagraphs = []string{
	"Kepala Dinkes Sukamaju, dr. Rahmat Hidayat, mengatakan petugas akan mendatangi balai desa sesuai jadwal yang diumumkan melalui akun Instagram dan Facebook resmi Dinkes. Setiap tim terdiri atas dua vaksinator, satu petugas pendaftaran, dan satu petugas pemantau kejadian ikutan pascaimunisasi.",
	"\"Banyak warga lansia yang tinggal jauh dari puskesmas dan tidak punya kendaraan. Karena itu, kami yang datang ke desa,\" kata Rahmat di Puskesmas Cibeureum, Senin (9/3/2026).",
	"Menurut data Dinkes, sebanyak 8.450 warga lansia di 12 kecamatan tersebut belum menerima dosis lengkap. Layanan keliling ditargetkan menjangkau seluruhnya dalam enam pekan, dengan prioritas desa yang paling jauh dari fasilitas kesehatan.",
	"Warga cukup membawa kartu tanda penduduk (KTP) dan kartu vaksinasi bila sudah pernah divaksin. Jadwal lengkap per desa dapat dilihat di situs resmi Dinkes atau ditanyakan melalui layanan WhatsApp 0812-0000-1234.",
	"Sekretaris Dinkes Sukamaju, Ani Suryani, menjelaskan setiap kecamatan mendapat jatah dua hari kunjungan. Pada hari pertama, tim melayani warga di balai desa, sedangkan hari kedua dipakai untuk mendatangi rumah warga yang sakit.",
	"\"Kami sudah berkoordinasi dengan kepala desa dan kader posyandu agar warga yang tidak bisa berjalan didata lebih dulu. Dengan begitu, tim tidak datang dengan tangan kosong,\" ujar Ani.",
	"Ia menambahkan, petugas juga memeriksa tekanan darah dan kadar gula darah warga sebelum penyuntikan. Warga yang kondisinya tidak memungkinkan akan dirujuk ke puskesmas terdekat dan dijadwalkan ulang.",
	"Camat Cibeureum, Yayan Sofyan, menyambut layanan itu. Menurut dia, sebagian besar lansia di wilayahnya tinggal bersama cucu karena anak-anak mereka bekerja di kota, sehingga sulit mengantar ke puskesmas pada jam kerja.",
	"\"Dengan layanan ini, orang tua kami cukup menunggu di balai desa atau di rumah. Kami berterima kasih kepada Dinkes,\" kata Yayan.",
	"Dinkes mencatat, cakupan vaksinasi lengkap warga lansia di Kabupaten Sukamaju baru 61 persen, di bawah target provinsi sebesar 80 persen. Layanan keliling diharapkan menutup selisih itu sebelum akhir April 2026.",
	"Rahmat berharap perangkat desa membantu mendata warga yang sakit dan tidak dapat keluar rumah. \"Untuk warga yang terbaring sakit, petugas akan datang langsung ke rumah,\" ujarnya.",
}

// benchRelease builds a release body of at least words words.
func benchRelease(words int) string {
	var b strings.Builder
	b.WriteString(benchLead)
	n := len(strings.Fields(benchLead))
	for i := 0; n < words; i++ {
		p := benchParagraphs[i%len(benchParagraphs)]
		b.WriteString("\n\n")
		b.WriteString(p)
		n += len(strings.Fields(p))
	}
	return b.String()
}

var benchNow = time.Date(2026, 3, 9, 15, 0, 0, 0, time.FixedZone("WIB", 7*3600))

// BenchmarkGrade500 grades a ~500-word release; the budget is 1 ms per op on one core.
func BenchmarkGrade500(b *testing.B) {
	in := Input{Headline: benchHeadline, Body: benchRelease(500), Now: benchNow}
	b.ReportAllocs()
	b.SetBytes(int64(len(in.Body)))
	for b.Loop() {
		Grade(in)
	}
}

// BenchmarkGrade500Markup grades the same release written with Markdown and
// HTML everywhere, a list and an English passage: the markup rules read the
// text once, so it stays within the same budget.
func BenchmarkGrade500Markup(b *testing.B) {
	body := strings.ReplaceAll(benchRelease(500), "Dinkes", "**Dinkes**")
	body = strings.ReplaceAll(body, "warga", "<b>warga</b>")
	body += "\n\n## Jadwal\n\n- Senin di Cikadu\n- Selasa di Cibeureum\n\nThe program is designed to help all residents who live far from the office, see [situs](https://dinkes.sukamajukab.go.id)."
	in := Input{Headline: benchHeadline, Body: body, Now: benchNow}
	b.ReportAllocs()
	b.SetBytes(int64(len(in.Body)))
	for b.Loop() {
		Grade(in)
	}
}

// BenchmarkGradeSizes shows that the cost grows linearly with the text.
func BenchmarkGradeSizes(b *testing.B) {
	for _, words := range []int{500, 1000, 2000, 5000} {
		in := Input{Headline: benchHeadline, Body: benchRelease(words), Now: benchNow}
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.Body)))
			for b.Loop() {
				Grade(in)
			}
		})
	}
}

// BenchmarkGradePractice grades each curriculum practice's sound release
// against its facts sheet, as "Kirim rilis" does: the sheet's checks (figures,
// dates, offices, quotes, practical information) run only with a sheet.
func BenchmarkGradePractice(b *testing.B) {
	ps := loadPractices(b)
	ids := make([]string, 0, len(ps))
	for id := range ps {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		p := ps[id]
		in := p.input(soundRelease(b, id))
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Grade(in)
			}
		})
	}
}
