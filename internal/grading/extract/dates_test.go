package extract

import (
	"fmt"
	"strings"
	"testing"
)

// dateString renders the parsed parts compactly for table tests.
func dateString(d Date) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|w%d d%d m%d y%d", d.Text, d.Weekday, d.Day, d.Month, d.Year)
	if d.Clock {
		b.WriteString(" clock")
	}
	if d.Relative {
		b.WriteString(" rel")
	}
	if d.Vague {
		b.WriteString(" vague")
	}
	if d.InQuote {
		b.WriteString(" quote")
	}
	return b.String()
}

func TestDates(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"acara digelar Rabu (30/06/2021) di aula", []string{"Rabu (30/06/2021)|w3 d30 m6 y2021"}},
		{"kata Irna, Rabu (30/06).", []string{"Rabu (30/06)|w3 d30 m6 y0"}},
		{"kata Irna, Rabu (30/6).", []string{"Rabu (30/6)|w3 d30 m6 y0"}},
		{"mulai Senin (9/3/2026) untuk", []string{"Senin (9/3/2026)|w1 d9 m3 y2026"}},
		{"pada 30 Juni 2021 pukul 09.00 WIB.", []string{"30 Juni 2021 pukul 09.00 WIB|w-1 d30 m6 y2021 clock"}},
		{"Senin (9/3/2026) pukul 09.00 WIB", []string{"Senin (9/3/2026) pukul 09.00 WIB|w1 d9 m3 y2026 clock"}},
		{"pada hari Selasa tanggal 14 April 2026, telah", []string{"hari Selasa tanggal 14 April 2026|w2 d14 m4 y2026"}},
		{"Kamis, 11 Maret 2026, pukul 10.00 WITA", []string{"Kamis, 11 Maret 2026, pukul 10.00 WITA|w4 d11 m3 y2026 clock"}},
		{"pada Jum'at (5/3)", []string{"Jum'at (5/3)|w5 d5 m3 y0"}},
		{"Jumat ( 26/8 ) lalu", []string{"Jumat ( 26/8 ) lalu|w5 d26 m8 y0 rel"}},
		{"pada 8/ 9 silam", []string{"8/ 9|w-1 d8 m9 y0"}},
		{"sejak 1 Agt 2020", []string{"1 Agt 2020|w-1 d1 m8 y2020"}},
		{"kejuaraan 10-11 Oktober di Fukui", []string{"10-11 Oktober|w-1 d10 m10 y0"}},
		{"naik sepanjang Mei 2026.", []string{"Mei 2026|w-1 d0 m5 y2026"}},
		{"pada bulan Juli", []string{"bulan Juli|w-1 d0 m7 y0"}},
		{"Kemarin, warga berkumpul.", []string{"Kemarin|w-1 d0 m0 y0 rel"}},
		{"Acara digelar hari ini dan besok.", []string{"hari ini|w-1 d0 m0 y0 rel", "besok|w-1 d0 m0 y0 rel"}},
		{"Rapat dilanjutkan pekan depan.", []string{"pekan depan|w-1 d0 m0 y0 rel"}},
		{"terjadi dua hari lalu", []string{"dua hari lalu|w-1 d0 m0 y0 rel"}},
		{"Minggu lalu warga bergotong royong.", []string{"Minggu lalu|w-1 d0 m0 y0 rel"}},
		{"Baru-baru ini Dinas menggelar lomba.", []string{"Baru-baru ini|w-1 d0 m0 y0 vague"}},
		{"beberapa waktu lalu", []string{"beberapa waktu lalu|w-1 d0 m0 y0 vague"}},
		{"beberapa hari yang lalu", []string{"beberapa hari yang lalu|w-1 d0 m0 y0 vague"}},
		{"belakangan ini dan akhir-akhir ini", []string{"belakangan ini|w-1 d0 m0 y0 vague", "akhir-akhir ini|w-1 d0 m0 y0 vague"}},
		{"dibangun pada 2025.", []string{"2025|w-1 d0 m0 y2025"}},
		{"didirikan pada tahun 1998", []string{"tahun 1998|w-1 d0 m0 y1998"}},
		{"Tahun 2003 undang-undang keluar", []string{"Tahun 2003|w-1 d0 m0 y2003"}},
		{"sejak 1980 - an", []string{"1980 - an|w-1 d0 m0 y1980"}},
		{"pada abad ke-19", []string{"abad ke-19|w-1 d0 m0 y0"}},
		{"merdeka 1945 .", []string{"1945|w-1 d0 m0 y1945"}},
		{"Rapat digelar pukul 09.00 hingga 12.00 WIB.", []string{"pukul 09.00 hingga 12.00 WIB|w-1 d0 m0 y0 clock"}},
		{"dimulai 08.30 WIB", []string{"08.30 WIB|w-1 d0 m0 y0 clock"}},
		{"tiba jam 3 sore", []string{"jam 3 sore|w-1 d0 m0 y0 clock"}},
		{"“Tahun lalu kami gagal,” kata Budi, Senin.", []string{"Tahun lalu|w-1 d0 m0 y0 rel quote", "Senin|w1 d0 m0 y0"}},
		// Durations, service hours, recurring times and quantities are not dates.
		{"wajib dijawab paling lambat tiga hari kerja.", nil},
		{"dipantau pada hari dan jam kerja.", nil},
		{"pelatihan berlangsung dua hari.", nil},
		{"membersihkan bak setiap pekan", nil},
		{"ditargetkan selesai dalam enam pekan.", nil},
		{"posyandu buka setiap Senin dan tiap hari Kamis", nil},
		{"layanan dibuka setiap hari pukul 08.00–16.00 WIB", nil},
		{"sebanyak 2000 orang hadir", nil},
		{"menelan Rp 1500 juta", nil},
		{"dibuka 24 jam", nil},
		{"selama satu minggu", nil},
		{"rasio 1/2 dari total", nil},
		{"Saat ini merupakan era keterbukaan informasi 4.0", nil},
		{"hubungi 0812-0000-1234", nil},
		{"sebanyak 8.450 warga", nil},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := Dates(tc.in)
			var g []string
			for _, d := range got {
				checkSpan(t, tc.in, d.Span)
				g = append(g, dateString(d))
			}
			if strings.Join(g, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("Dates(%q)\n got %q\nwant %q", tc.in, g, tc.want)
			}
		})
	}
}

func TestParseDMY(t *testing.T) {
	tests := []struct {
		in      string
		d, m, y int
		ok      bool
	}{
		{"30/06/2021", 30, 6, 2021, true},
		{"9/3/26", 9, 3, 2026, true},
		{"30-06-2021", 30, 6, 2021, true},
		{"30/6", 30, 6, 0, true},
		{"32/6", 0, 0, 0, false},
		{"12/13", 0, 0, 0, false},
		{"0812-0000-1234", 0, 0, 0, false},
		{"09.00", 0, 0, 0, false},
		{"30-06", 0, 0, 0, false},
	}
	for _, tc := range tests {
		d, m, y, ok := parseDMY(tc.in)
		if d != tc.d || m != tc.m || y != tc.y || ok != tc.ok {
			t.Errorf("parseDMY(%q) = %d %d %d %v, want %d %d %d %v", tc.in, d, m, y, ok, tc.d, tc.m, tc.y, tc.ok)
		}
	}
}
