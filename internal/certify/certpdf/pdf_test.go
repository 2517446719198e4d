package certpdf

import (
	"bytes"
	"image"
	"image/color"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/ledongthuc/pdf"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

func sampleDocument() Document {
	issued := time.Date(2026, 4, 16, 3, 15, 0, 0, time.UTC) // 10.15 WIB
	until, _ := certify.ValidUntil(issued, 24, certify.WIB)
	return Document{
		Title:       "Sertifikat Kompetensi Admin Media Sosial OPD",
		Number:      "BMT/2026/SKM/000123",
		Code:        "ABCDEFGHJKMN",
		HolderName:  "Ni Luh Putu Ayu Wédari",
		OPDName:     "Sekretariat Daerah – Bagian Protokol dan Komunikasi Pimpinan",
		CourseTitle: "Admin Media Sosial OPD",
		Hours:       32,
		RegionName:  "Pemerintah Kabupaten Sukamaju",
		IssuedAt:    issued,
		ValidUntil:  until,
		Zone:        certify.WIB,
		VerifyURL:   "https://bimtek.sukamajukab.go.id/verifikasi/ABCDEFGHJKMN",
	}
}

func render(t *testing.T, d Document) (*pdf.Reader, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, d); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("output does not start like a PDF: %q", b[:min(len(b), 16)])
	}
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("the PDF does not open: %v", err)
	}
	if r.NumPage() != 1 {
		t.Fatalf("%d pages, want 1", r.NumPage())
	}
	return r, b
}

// mediaBox finds the page size, which a page may inherit from its parents.
func mediaBox(p pdf.Page) pdf.Value {
	for v := p.V; !v.IsNull(); v = v.Key("Parent") {
		if b := v.Key("MediaBox"); !b.IsNull() {
			return b
		}
	}
	return pdf.Value{}
}

// toUnicode reads a font's ToUnicode CMap (the map a reader uses to turn the
// shown glyph codes back into text) from its bfchar and bfrange entries.
// The library's own decoder mishandles ranges past U+00FF, so the test
// decodes by the PDF specification itself.
func toUnicode(t *testing.T, font pdf.Value) map[uint32]rune {
	t.Helper()
	rd := font.Key("ToUnicode").Reader()
	b, err := io.ReadAll(rd)
	rd.Close()
	if err != nil || len(b) == 0 {
		t.Fatalf("font %s has no readable ToUnicode map (%v)", font.Key("BaseFont").Name(), err)
	}
	hex := func(s string) uint32 {
		v, err := strconv.ParseUint(s, 16, 32)
		if err != nil {
			t.Fatalf("bad hex %q in ToUnicode map", s)
		}
		return uint32(v)
	}
	m := map[uint32]rune{}
	text := string(b)
	section := regexp.MustCompile(`(?s)begin(bfchar|bfrange)(.*?)end(?:bfchar|bfrange)`)
	token := regexp.MustCompile(`<([0-9A-Fa-f]+)>|\[|\]`)
	for _, sec := range section.FindAllStringSubmatch(text, -1) {
		var toks []string
		for _, tk := range token.FindAllStringSubmatch(sec[2], -1) {
			if tk[1] != "" {
				toks = append(toks, tk[1])
			} else {
				toks = append(toks, tk[0])
			}
		}
		if sec[1] == "bfchar" {
			for i := 0; i+1 < len(toks); i += 2 {
				m[hex(toks[i])] = rune(hex(toks[i+1]))
			}
			continue
		}
		for i := 0; i+2 < len(toks); i += 3 {
			lo, hi := hex(toks[i]), hex(toks[i+1])
			if toks[i+2] == "[" {
				t.Fatal("array destinations in bfrange are not used by this PDF writer")
			}
			dst := hex(toks[i+2])
			for c := lo; c <= hi && c-lo < 0x110000; c++ {
				m[c] = rune(dst + (c - lo))
			}
		}
	}
	if len(m) == 0 {
		t.Fatal("ToUnicode map is empty")
	}
	return m
}

// textLines rebuilds the page's lines of text: every shown string decoded
// through its font's ToUnicode map (what a reader copies out), grouped by
// baseline, pieces of one line joined by a space.
func textLines(t *testing.T, p pdf.Page) []string {
	t.Helper()
	maps := map[string]map[uint32]rune{}
	for _, name := range p.Fonts() {
		maps[name] = toUnicode(t, p.Font(name).V)
	}
	type piece struct {
		x, y float64
		s    string
	}
	var pieces []piece
	var font string
	var x, y float64
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "BT":
			x, y = 0, 0
		case "Tf":
			font = args[0].Name()
		case "Td":
			x, y = x+args[0].Float64(), y+args[1].Float64()
		case "Tj":
			raw := args[0].RawString()
			var b strings.Builder
			for i := 0; i+1 < len(raw); i += 2 { // Identity-H: two bytes per glyph code
				code := uint32(raw[i])<<8 | uint32(raw[i+1])
				r, ok := maps[font][code]
				if !ok {
					r = utf8.RuneError
				}
				b.WriteRune(r)
			}
			pieces = append(pieces, piece{x, y, strings.TrimSpace(b.String())})
		}
	})
	// PDF y grows upwards: read from the top; pieces whose baselines are
	// within 2 pt (a label and a larger value beside it) share a line.
	sort.SliceStable(pieces, func(i, j int) bool { return pieces[i].y > pieces[j].y })
	var out []string
	for i := 0; i < len(pieces); {
		j := i + 1
		for j < len(pieces) && pieces[i].y-pieces[j].y < 2 {
			j++
		}
		line := pieces[i:j]
		sort.SliceStable(line, func(a, b int) bool { return line[a].x < line[b].x })
		parts := make([]string, len(line))
		for k, p := range line {
			parts[k] = p.s
		}
		out = append(out, strings.Join(parts, " "))
		i = j
	}
	return out
}

func TestPDFCarriesTheCertificateText(t *testing.T) {
	d := sampleDocument()
	r, _ := render(t, d)
	page := r.Page(1)
	all := strings.Join(textLines(t, page), "\n")
	for _, want := range []string{
		"PEMERINTAH KABUPATEN SUKAMAJU",
		"SERTIFIKAT",
		"Sertifikat Kompetensi Admin Media Sosial OPD",
		"Nomor: BMT/2026/SKM/000123",
		"diberikan kepada",
		"Ni Luh Putu Ayu Wédari", // é
		"Sekretariat Daerah – Bagian Protokol dan Komunikasi Pimpinan", // en dash
		"“Admin Media Sosial OPD” (32 jam pelajaran)",                  // curly quotes
		"Diterbitkan 16 April 2026",
		"Berlaku sampai 16 April 2028",
		"Kode verifikasi ABCD-EFGH-JKMN",
		"Pindai untuk verifikasi",
		"https://bimtek.sukamajukab.go.id/verifikasi/ABCDEFGHJKMN",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("PDF text lacks %q; it reads:\n%s", want, all)
		}
	}
	if strings.Contains(all, "DICABUT") {
		t.Errorf("a valid certificate says DICABUT:\n%s", all)
	}
}

func TestPDFIsA4LandscapeWithEmbeddedFonts(t *testing.T) {
	r, raw := render(t, sampleDocument())
	page := r.Page(1)
	box := mediaBox(page)
	w, h := box.Index(2).Float64()-box.Index(0).Float64(), box.Index(3).Float64()-box.Index(1).Float64()
	// A4 is 297 × 210 mm = 841.89 × 595.28 pt.
	if math.Abs(w-841.89) > 0.5 || math.Abs(h-595.28) > 0.5 {
		t.Fatalf("page is %.2f × %.2f pt, want A4 landscape 841.89 × 595.28", w, h)
	}
	fonts := page.Fonts()
	if len(fonts) < 2 {
		t.Fatalf("fonts used: %v, want regular and bold at least", fonts)
	}
	for _, name := range fonts {
		f := page.Font(name)
		if sub := f.V.Key("Subtype").Name(); sub != "Type0" {
			t.Errorf("font %s is %s, want a Type0 (Unicode) font", name, sub)
			continue
		}
		desc := f.V.Key("DescendantFonts").Index(0).Key("FontDescriptor")
		if desc.Key("FontFile2").IsNull() {
			t.Errorf("font %s (%s) is not embedded", name, f.BaseFont())
		}
		if f.V.Key("ToUnicode").IsNull() {
			t.Errorf("font %s has no ToUnicode map: its text could not be searched or copied", name)
		}
	}
	if !bytes.Contains(raw, []byte("/Lang")) {
		t.Error("the document does not declare its language")
	}
}

// filledRects interprets the page's drawing operators and keeps the
// rectangles that are filled (not the stroked frame).
func filledRects(p pdf.Page) []pdf.Rect {
	var pending, filled []pdf.Rect
	pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "re":
			if n == 4 {
				x, y, w, h := args[0].Float64(), args[1].Float64(), args[2].Float64(), args[3].Float64()
				pending = append(pending, pdf.Rect{Min: pdf.Point{X: x, Y: y}, Max: pdf.Point{X: x + w, Y: y + h}})
			}
		case "f", "F", "f*":
			filled = append(filled, pending...)
			pending = nil
		case "S", "s", "B", "B*", "b", "b*", "n":
			pending = nil
		}
	})
	return filled
}

// decodeQR paints the filled rectangles on a white page raster and reads
// the QR code from it the way a phone camera would.
func decodeQR(t *testing.T, p pdf.Page) string {
	t.Helper()
	const scale = 4.0 // pixels per point
	box := mediaBox(p)
	w, h := int(box.Index(2).Float64()*scale), int(box.Index(3).Float64()*scale)
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	rects := filledRects(p)
	if len(rects) < 50 {
		t.Fatalf("only %d filled rectangles: no QR code drawn", len(rects))
	}
	for _, r := range rects {
		x0, x1 := int(math.Round(math.Min(r.Min.X, r.Max.X)*scale)), int(math.Round(math.Max(r.Min.X, r.Max.X)*scale))
		// PDF y grows upwards; image rows grow downwards.
		y0, y1 := h-int(math.Round(math.Max(r.Min.Y, r.Max.Y)*scale)), h-int(math.Round(math.Min(r.Min.Y, r.Max.Y)*scale))
		for y := max(y0, 0); y < min(y1, h); y++ {
			for x := max(x0, 0); x < min(x1, w); x++ {
				img.SetGray(x, y, color.Gray{Y: 0})
			}
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		t.Fatalf("no QR code could be read from the page: %v", err)
	}
	return res.GetText()
}

func TestPDFQRCodeHoldsTheVerificationURL(t *testing.T) {
	d := sampleDocument()
	r, _ := render(t, d)
	if got := decodeQR(t, r.Page(1)); got != d.VerifyURL {
		t.Fatalf("QR code reads %q, want %q", got, d.VerifyURL)
	}
	// A different code gives a different QR code: the payload is not a constant.
	d.Code = "23456789ABCD"
	d.VerifyURL = certify.VerifyURL("http://127.0.0.1:8080", d.Code)
	r, _ = render(t, d)
	if got := decodeQR(t, r.Page(1)); got != d.VerifyURL {
		t.Fatalf("QR code reads %q, want %q", got, d.VerifyURL)
	}
}

func TestPDFOfARevokedCertificateSaysSo(t *testing.T) {
	d := sampleDocument()
	at := time.Date(2026, 9, 2, 5, 0, 0, 0, time.UTC)
	d.RevokedAt = &at
	r, _ := render(t, d)
	all := strings.Join(textLines(t, r.Page(1)), "\n")
	if !strings.Contains(all, "DICABUT pada 2 September 2026 — sertifikat ini tidak berlaku") {
		t.Fatalf("revoked certificate text:\n%s", all)
	}
}

func TestPDFIsTheSameOnEveryDownload(t *testing.T) {
	_, a := render(t, sampleDocument())
	_, b := render(t, sampleDocument())
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the same certificate differ")
	}
}

func TestPDFNeedsAVerificationURL(t *testing.T) {
	d := sampleDocument()
	d.VerifyURL = ""
	if err := WritePDF(&bytes.Buffer{}, d); err == nil || !strings.Contains(err.Error(), "alamat verifikasi kosong") {
		t.Fatalf("WritePDF without URL: %v", err)
	}
}

func BenchmarkWritePDF(b *testing.B) {
	d := sampleDocument()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := WritePDF(&buf, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB/pdf")
}

// TestPDFPrintsNamesOutsideTheBMP: emoji and mathematical letters in a name
// or an OPD do not stop the PDF; they print as their plain form or "?".
func TestPDFPrintsNamesOutsideTheBMP(t *testing.T) {
	d := sampleDocument()
	d.HolderName = "Siti 𝐀isyah 😀"
	d.OPDName = "Dinas Kominfo 🚀 Sukamaju"
	d.RegionName = "Pemerintah Kabupaten Sukamaju 👍🏽"
	r, _ := render(t, d)
	all := strings.Join(textLines(t, r.Page(1)), "\n")
	for _, want := range []string{"Siti Aisyah ?", "Dinas Kominfo ? Sukamaju", "PEMERINTAH KABUPATEN SUKAMAJU ??"} {
		if !strings.Contains(all, want) {
			t.Errorf("PDF text lacks %q; it reads:\n%s", want, all)
		}
	}
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"Ni Luh Putu Ayu Wédari": "Ni Luh Putu Ayu Wédari",
		"We\u0301dari":           "Wédari", // decomposed é composed
		"𝐀𝐁𝐂 ﬁ":                  "ABC ﬁ",
		"❤️ Ani":                 "? Ani",
		"👩‍💻":                    "??",
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPDFInEnglish: a reader who chose English gets the certificate's own
// words and dates in English; names and the course title print as given.
func TestPDFInEnglish(t *testing.T) {
	d := sampleDocument()
	d.Lang = i18n.EN
	at := time.Date(2026, 9, 2, 5, 0, 0, 0, time.UTC)
	d.RevokedAt = &at
	r, _ := render(t, d)
	all := strings.Join(textLines(t, r.Page(1)), "\n")
	for _, want := range []string{
		"CERTIFICATE",
		"Sertifikat Kompetensi Admin Media Sosial OPD",
		"Number: BMT/2026/SKM/000123",
		"awarded to",
		"Ni Luh Putu Ayu Wédari",
		"“Admin Media Sosial OPD” (32 lesson hours)",
		"Issued 16 April 2026",
		"Valid until 16 April 2028",
		"Verification code ABCD-EFGH-JKMN",
		"Scan to verify",
		"REVOKED on 2 September 2026 — this certificate is not valid",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("English PDF text lacks %q; it reads:\n%s", want, all)
		}
	}
	for _, word := range []string{"diberikan", "Diterbitkan", "Berlaku", "Pindai", "DICABUT", "Nomor"} {
		if strings.Contains(all, word) {
			t.Errorf("English PDF still says %q:\n%s", word, all)
		}
	}
}
