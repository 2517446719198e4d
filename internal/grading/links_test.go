package grading

import (
	"strings"
	"testing"
)

// TestAddressesAgainstTheSheet: with a sheet that gives a web and an e-mail
// address, the release's own forms of them draw nothing, another address of
// the same kind is a kesalahan with the sheet's as the fix, and an address
// of a kind the sheet does not give is a fact from outside it.
func TestAddressesAgainstTheSheet(t *testing.T) {
	p := loadPractices(t)[pAduan]
	sheet := *p.brief
	sheet.Bagaimana += " Aduan juga dapat dikirim lewat lapor.go.id atau surel aduan@sukamajukab.go.id."
	p.brief = &sheet
	h, b := soundRelease(t, pAduan)
	const at = "berisi isi aduan, lokasi, dan foto bila ada."
	for _, c := range []struct{ add, span, sev, fix string }{
		{"Aduan juga dapat dikirim lewat lapor.go.id.", "", "", ""},
		{"Aduan juga dapat dikirim lewat https://www.lapor.go.id/ atau surel aduan@sukamajukab.go.id.", "", "", ""},
		{"Aduan juga dapat dikirim lewat lapor-sukamaju.go.id.", "lapor-sukamaju.go.id", SevKesalahan, "lapor.go.id"},
		{"Aduan juga dapat dikirim ke surel aduan@sukamaju.go.id.", "aduan@sukamaju.go.id", SevKesalahan, "aduan@sukamajukab.go.id"},
	} {
		in := p.input(h, strings.Replace(b, at, at+" "+c.add, 1))
		rep := Grade(in)
		if c.span == "" {
			for _, f := range rep.Findings {
				if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
					t.Errorf("%q: false alarm: %s %s %q: %s", c.add, f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
				}
			}
			continue
		}
		f := mustFindMsg(t, rep, in, CritFaktual, c.sev, c.span, "lembar fakta")
		if f.Rule != "tautan-bertentangan" || f.Suggestion != c.fix || f.Passage(in.Headline, in.Body) != c.span {
			t.Errorf("%q: %s on %q with fix %q, want tautan-bertentangan on %q → %q", c.add, f.Rule, f.Passage(in.Headline, in.Body), f.Suggestion, c.span, c.fix)
		}
	}
}

// TestAddressesFoundOnlyWhereWritten: names, times, amounts, dates and
// abbreviations with dots are no addresses; addresses lose the full stop
// that ends their sentence.
func TestAddressesFoundOnlyWhereWritten(t *testing.T) {
	for _, s := range []string{
		"Kepala Dinkes, dr. Rahmat Hidayat, S.Kom., membuka layanan pukul 08.00 WIB.",
		"Biaya Rp5.000.000 untuk 1.240 warga, Kamis (16/4/2026), dan/atau 3,5 km dari kantor.",
		"Aduan tersambung dengan SP4N-LAPOR! dan KTP-el, dll. Warga datang.",
	} {
		if got := findAddresses(s); len(got) > 0 {
			t.Errorf("%q: addresses %+v", s, got)
		}
	}
	for s, want := range map[string]string{
		"Lihat https://sukamajukab.go.id/aduan.":         "https://sukamajukab.go.id/aduan",
		"Kirim ke aduan@sukamajukab.go.id, lalu tunggu.": "aduan@sukamajukab.go.id",
		"Cek www.lapor.go.id atau datang.":               "www.lapor.go.id",
		"Buka disdukcapil.sukamajukab.go.id sekarang.":   "disdukcapil.sukamajukab.go.id",
	} {
		got := findAddresses(s)
		if len(got) != 1 || got[0].text != want {
			t.Errorf("%q: addresses %+v, want %q", s, got, want)
		}
	}
}
