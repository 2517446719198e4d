package grading

import (
	"strings"
	"testing"
	"time"
)

// TestQuoteWordSwappedOrDropped: a quote that keeps only the sheet's words
// but swaps one for another of them ("warga yang datang" for "kami yang
// datang") or drops one ("demam itu biasa" for "demam ringan itu biasa")
// changes what was said; the exact quote, a part of it and a cut shown by
// an ellipsis do not.
func TestQuoteWordSwappedOrDropped(t *testing.T) {
	now := time.Date(2026, 4, 16, 16, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	brief := &Brief{Apa: "Jemput bola perekaman KTP-el", Siapa: []Person{{Nama: "Rina Marlinawati", Jabatan: "Kepala Disdukcapil"}},
		Kapan: "2026-04-16", DiMana: "Kecamatan Cikadu",
		Kutipan: []BriefQuote{{Oleh: "Rina Marlinawati", Teks: "Jarak masih menjadi alasan utama warga Cikadu belum merekam KTP-el. Karena itu, kami yang datang ke kecamatan, lengkap dengan alat dan petugasnya. Demam ringan itu biasa."}}}
	grade := func(quote string) []Finding {
		in := Input{Headline: "Disdukcapil Jemput Bola Perekaman KTP-el di Cikadu", Now: now, Brief: brief,
			Body: "SUKAMAJU – Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju membuka layanan perekaman KTP-el di Kecamatan Cikadu, Kamis (16/4/2026).\n\n“" + quote + "” kata Kepala Disdukcapil, Rina Marlinawati."}
		var out []Finding
		for _, f := range Grade(in).Findings {
			if f.Criterion == CritFaktual && strings.Contains(f.Message, "Kutipan ini") {
				out = append(out, f)
			}
		}
		return out
	}
	for _, q := range []string{
		"Karena itu, warga yang datang ke kecamatan, lengkap dengan alat dan petugasnya,",
		"Karena itu, kami yang datang ke kecamatan, lengkap dengan petugasnya,",
		"Jarak masih menjadi alasan utama warga Cikadu belum merekam KTP-el. Demam itu biasa,",
	} {
		if fs := grade(q); len(fs) != 1 || !strings.Contains(fs[0].Message, "rangkaian kata") {
			t.Errorf("altered quote %q: %v", q, fs)
		}
	}
	for _, q := range []string{
		"Karena itu, kami yang datang ke kecamatan, lengkap dengan alat dan petugasnya,",
		"Jarak masih menjadi alasan utama warga Cikadu belum merekam KTP-el,",
		"Karena itu, kami yang datang … lengkap dengan alat dan petugasnya,",
	} {
		if fs := grade(q); len(fs) != 0 {
			t.Errorf("faithful quote %q: %v", q, fs)
		}
	}
}

// TestApproximateThousandsAgainstTheSheet: "belasan ribu warga" is 11.000 to
// 19.999 warga, so it contradicts a sheet's 1.240 warga as a kesalahan,
// while "ribuan warga" (1.000 to 9.999) holds it and is only vague.
func TestApproximateThousandsAgainstTheSheet(t *testing.T) {
	now := time.Date(2026, 4, 16, 16, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	brief := &Brief{Apa: "Jemput bola perekaman KTP-el", Kapan: "2026-04-16", DiMana: "Kecamatan Cikadu",
		Angka: []Figure{{Nilai: 1240, Satuan: "warga"}}}
	worst := func(amount string) string {
		in := Input{Headline: "Disdukcapil Jemput Bola Perekaman KTP-el di Cikadu", Now: now, Brief: brief,
			Body: "SUKAMAJU – Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju membuka layanan perekaman KTP-el di Kecamatan Cikadu, Kamis (16/4/2026), bagi " + amount + " yang belum merekam data."}
		w := SevInfo
		for _, f := range Grade(in).Findings {
			if f.Criterion == CritFaktual && strings.Contains(strings.ToLower(f.Message), strings.Fields(amount)[0]) && SeverityRank(f.Severity) > SeverityRank(w) {
				w = f.Severity
			}
		}
		return w
	}
	for amount, want := range map[string]string{"belasan ribu warga": SevKesalahan, "puluhan ribu warga": SevKesalahan, "ribuan warga": SevSaran} {
		if got := worst(amount); got != want {
			t.Errorf("%q against 1.240 warga: worst faktual finding %s, want %s", amount, got, want)
		}
	}
}
