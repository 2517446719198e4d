// Package certpdf prints a certificate as an A4 landscape PDF with a QR code
// to its public verification page. The rules it prints (dates, status) come
// from certify; this package only draws them, so nothing that needs the rules
// links the PDF and QR libraries.
//
// A certificate PDF is made on request: about 9 ms and 38 KiB each on one
// core of the 2-core CI machine (BenchmarkWritePDF), fonts and QR code included.
package certpdf

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/bimtek/bimtek/internal/certify"
	"github.com/go-pdf/fpdf"
	"github.com/skip2/go-qrcode"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// Document is everything printed on a certificate.
type Document struct {
	Title       string // the course's certificate title, e.g. "Sertifikat Kompetensi Admin Media Sosial OPD"
	Number      string
	Code        string
	HolderName  string
	OPDName     string // may be empty
	CourseTitle string
	Hours       int // jam pelajaran; 0 leaves it out
	RegionName  string
	IssuedAt    time.Time
	ValidUntil  time.Time
	Zone        *time.Location // dates are printed on this calendar; nil means WIB
	VerifyURL   string         // what the QR code holds
	RevokedAt   *time.Time     // a revoked certificate says so across the page
}

// Page geometry of A4 landscape, in millimetres.
const (
	pageW  = 297.0
	pageH  = 210.0
	qrSize = 38.0 // printed side of the QR code: scans from a phone at arm's length
	qrX    = pageW - 30 - qrSize
	qrY    = 140.0
)

// The certificate's colours: a dark blue for text and frame, a muted grey for captions.
var (
	ink   = [3]int{18, 42, 84}
	muted = [3]int{90, 98, 110}
	alert = [3]int{176, 0, 32}
)

// fontFamily is the embedded Go font: it covers Latin with diacritics, the
// dashes and quotation marks Indonesian text uses, and is a dependency, not a
// file in the repository.
const fontFamily = "go"

// drawable reports whether every embedded font has a glyph for r.
var drawable = sync.OnceValue(func() func(rune) bool {
	var fonts []*sfnt.Font
	for _, ttf := range [][]byte{goregular.TTF, gobold.TTF, goitalic.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			panic(fmt.Sprintf("font Go tertanam rusak: %v", err))
		}
		fonts = append(fonts, f)
	}
	var buf sfnt.Buffer
	var mu sync.Mutex
	return func(r rune) bool {
		if r > 0xFFFF { // the PDF writer handles the Basic Multilingual Plane only
			return false
		}
		mu.Lock()
		defer mu.Unlock()
		for _, f := range fonts {
			if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
				return false
			}
		}
		return true
	}
})

// Printable returns s as the certificate can print it: a character the fonts
// lack is replaced by its compatibility form when that can be drawn (𝐀 → A),
// otherwise by "?", so a name with an emoji still gets its certificate.
func Printable(s string) string {
	s = norm.NFC.String(s)
	ok := drawable()
	var b strings.Builder
	for _, r := range s {
		if ok(r) || r == ' ' {
			b.WriteRune(r)
			continue
		}
		alt := norm.NFKC.String(string(r))
		good := alt != string(r)
		for _, a := range alt {
			good = good && ok(a)
		}
		if good {
			b.WriteString(alt)
		} else if r != '\uFE0F' && r != '\u200D' { // emoji joiners and selectors vanish
			b.WriteByte('?')
		}
	}
	return b.String()
}

// WritePDF writes the certificate as a one-page A4 landscape PDF with the
// fonts embedded and a vector QR code pointing to d.VerifyURL.
func WritePDF(w io.Writer, d Document) error {
	if d.VerifyURL == "" {
		return errors.New("membuat PDF sertifikat: alamat verifikasi kosong")
	}
	for _, f := range []*string{&d.Title, &d.Number, &d.HolderName, &d.OPDName, &d.CourseTitle, &d.RegionName, &d.VerifyURL} {
		*f = Printable(*f)
	}
	zone := d.Zone
	if zone == nil {
		zone = certify.WIB
	}
	qr, err := qrcode.New(d.VerifyURL, qrcode.Medium)
	if err != nil {
		return fmt.Errorf("membuat kode QR sertifikat: %w", err)
	}
	qr.DisableBorder = true // the quiet zone is left blank around the drawing instead

	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "I", goitalic.TTF)
	pdf.SetTitle(d.Title+" "+d.Number, true)
	pdf.SetSubject("Sertifikat bimbingan teknis "+d.CourseTitle, true)
	pdf.SetAuthor(d.RegionName, true)
	pdf.SetCreator("Bimtek", true)
	pdf.SetProducer("Bimtek", true)
	pdf.SetLang("id-ID")
	// Fixed dates and a sorted catalogue (fonts are otherwise written in map
	// order) make the same certificate the same file on every download.
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(d.IssuedAt)
	pdf.SetModificationDate(d.IssuedAt)
	pdf.AddPage()

	color := func(c [3]int) { pdf.SetTextColor(c[0], c[1], c[2]) }
	centred := func(y float64, style string, size float64, text string) {
		pdf.SetFont(fontFamily, style, size)
		pdf.SetXY(20, y)
		pdf.CellFormat(pageW-40, size*0.5, text, "", 0, "C", false, 0, "")
	}

	// Frame: a thick and a thin line, stroked only (nothing filled near the QR code).
	pdf.SetDrawColor(ink[0], ink[1], ink[2])
	pdf.SetLineWidth(1.2)
	pdf.Rect(10, 10, pageW-20, pageH-20, "D")
	pdf.SetLineWidth(0.3)
	pdf.Rect(13.5, 13.5, pageW-27, pageH-27, "D")

	color(muted)
	centred(24, "B", 11, strings.ToUpper(d.RegionName))
	color(ink)
	centred(36, "B", 34, "SERTIFIKAT")
	centred(52, "", 15, d.Title)
	color(muted)
	centred(61, "", 10.5, "Nomor: "+d.Number)

	color(ink)
	centred(76, "I", 12, "diberikan kepada")
	centred(86, "B", 25, d.HolderName)
	if d.OPDName != "" {
		color(muted)
		centred(99, "", 13, d.OPDName)
	}
	color(ink)
	course := "“" + d.CourseTitle + "”"
	if d.Hours > 0 {
		course += fmt.Sprintf(" (%d jam pelajaran)", d.Hours)
	}
	pdf.SetFont(fontFamily, "", 12.5)
	pdf.SetXY(40, 112)
	pdf.MultiCell(pageW-80, 6.5, "atas keberhasilannya menyelesaikan bimbingan teknis "+course+
		" dengan memenuhi seluruh persyaratan kelulusan: materi, kuis, latihan menulis rilis, dan kehadiran yang ditetapkan.", "", "C", false)

	// Dates on the left, the QR code on the right, both above the frame's bottom.
	left := func(y float64, label, value string) {
		pdf.SetXY(30, y)
		pdf.SetFont(fontFamily, "", 10.5)
		color(muted)
		pdf.CellFormat(38, 6, label, "", 0, "L", false, 0, "")
		pdf.SetFont(fontFamily, "B", 11.5)
		color(ink)
		pdf.CellFormat(80, 6, value, "", 0, "L", false, 0, "")
	}
	left(150, "Diterbitkan", certify.Date(d.IssuedAt, zone))
	left(158, "Berlaku sampai", certify.Date(d.ValidUntil, zone))
	left(166, "Kode verifikasi", certify.FormatCode(d.Code))
	pdf.SetXY(30, 176)
	pdf.SetFont(fontFamily, "", 8.5)
	color(muted)
	pdf.MultiCell(qrX-40, 4.2, "Keaslian dan status sertifikat ini dapat diperiksa dengan memindai kode QR atau membuka "+
		d.VerifyURL+". Sertifikat diterbitkan secara elektronik oleh sistem Bimtek.", "", "L", false)

	drawQR(pdf, qr.Bitmap(), qrX, qrY, qrSize)
	pdf.SetXY(qrX-6, qrY+qrSize+2)
	pdf.SetFont(fontFamily, "", 8.5)
	color(muted)
	pdf.CellFormat(qrSize+12, 4, "Pindai untuk verifikasi", "", 0, "C", false, 0, "")

	if d.RevokedAt != nil {
		// A printout of a revoked certificate must not pass for a valid one.
		color(alert)
		pdf.SetDrawColor(alert[0], alert[1], alert[2])
		pdf.SetLineWidth(0.8)
		pdf.Rect(60, 128, pageW-120, 14, "D")
		pdf.SetFont(fontFamily, "B", 13)
		pdf.SetXY(60, 131)
		pdf.CellFormat(pageW-120, 8, "DICABUT pada "+certify.Date(*d.RevokedAt, zone)+" — sertifikat ini tidak berlaku", "", 0, "C", false, 0, "")
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("menulis PDF sertifikat: %w", err)
	}
	return nil
}

// qrBleed makes each run of modules reach slightly into the next row and
// column: adjacent rectangles whose rounded edges miss by a hair would
// otherwise show white seams on screen and in print, which cut through the
// finder patterns a scanner looks for.
const qrBleed = 0.05

// drawQR draws the QR matrix as filled rectangles, one per run of dark
// modules in a row: sharp at any print size and a few kilobytes at most.
func drawQR(pdf *fpdf.Fpdf, bits [][]bool, x, y, size float64) {
	if len(bits) == 0 {
		return
	}
	m := size / float64(len(bits))
	pdf.SetFillColor(0, 0, 0)
	for r, row := range bits {
		for c := 0; c < len(row); {
			if !row[c] {
				c++
				continue
			}
			start := c
			for c < len(row) && row[c] {
				c++
			}
			pdf.Rect(x+float64(start)*m, y+float64(r)*m, float64(c-start)*m+qrBleed, m+qrBleed, "F")
		}
	}
}
