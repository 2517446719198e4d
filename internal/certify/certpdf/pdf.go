// Package certpdf prints a certificate as an A4 landscape PDF with a QR code
// to its public verification page. The rules it prints (dates, status) come
// from certify; this package only draws them, so nothing that needs the rules
// links the PDF and QR libraries.
//
// A certificate PDF is made on request: about 9 ms and 38 KiB each on one
// core of the 2-core CI machine (BenchmarkWritePDF), fonts and QR code included.
package certpdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/i18n"
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
	Signer      Signer         // the region's signing official; an empty Name prints none
	Emblem      []byte         // the region's emblem, PNG or JPEG (see CheckEmblem); empty prints none
	// Lang is the language of the certificate's own words (headings, labels,
	// dates, the note); the course's and people's names print as they are.
	// "" is Indonesian.
	Lang i18n.Lang
}

// Signer is the official who signs the region's certificates.
type Signer struct {
	Name  string
	NIP   string // Nomor Induk Pegawai, printed as given
	Title string // jabatan, e.g. "Kepala Dinas Komunikasi dan Informatika"
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
	pdf, _, err := draw(d)
	if err != nil {
		return err
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("menulis PDF sertifikat: %w", err)
	}
	return nil
}

// box is one thing drawn on the page, in millimetres from the top left:
// a line of text (its glyphs' extent, not a wider cell), the QR code, the
// emblem or the revoked notice's frame. The layout test checks that none
// overlaps another.
type box struct {
	kind       string
	text       string
	x, y, w, h float64
}

// canvas draws text by baseline and records what it drew.
type canvas struct {
	pdf   *fpdf.Fpdf
	boxes []box
}

// em is the size of a font size in millimetres.
func em(size float64) float64 { return size * 25.4 / 72 }

// line draws s on one line in [x, x+w] (align 'L' or 'C') with its top at
// top and returns the top of the next line.
func (c *canvas) line(kind string, x, w, top float64, style string, size float64, align byte, s string) float64 {
	c.pdf.SetFont(fontFamily, style, size)
	tw := c.pdf.GetStringWidth(s)
	x0 := x
	if align == 'C' {
		x0 = x + (w-tw)/2
	}
	// The Go fonts reach 0.78 em above the baseline (accents on capitals
	// included) and 0.22 em below it.
	c.pdf.Text(x0, top+0.78*em(size), s)
	c.boxes = append(c.boxes, box{kind: kind, text: s, x: x0, y: top, w: tw, h: em(size)})
	return top + 1.2*em(size)
}

// fit returns the largest size from max down to min (in half points) at
// which s fits in width w.
func (c *canvas) fit(s, style string, max, min, w float64) float64 {
	size := max
	for ; size > min; size -= 0.5 {
		c.pdf.SetFont(fontFamily, style, size)
		if c.pdf.GetStringWidth(s) <= w {
			break
		}
	}
	return size
}

// lines splits s into lines no wider than w at size.
func (c *canvas) lines(s, style string, size, w float64) []string {
	c.pdf.SetFont(fontFamily, style, size)
	return c.pdf.SplitText(s, w)
}

// para draws s wrapped to width w and returns the top of the next line.
func (c *canvas) para(kind string, x, w, top float64, style string, size float64, align byte, s string) float64 {
	for _, l := range c.lines(s, style, size, w) {
		top = c.line(kind, x, w, top, style, size, align, l)
	}
	return top
}

// shrink draws s in width w at the largest size from max to min that fits
// on one line; below min it wraps at min.
func (c *canvas) shrink(kind string, x, w, top float64, style string, max, min float64, s string) float64 {
	return c.para(kind, x, w, top, style, c.fit(s, style, max, min, w), 'C', s)
}

// Regions of the page, in millimetres. The inner frame line is at 13.5 mm;
// everything is drawn inside it.
const (
	contentX  = 30.0 // centred text spans contentX … pageW-contentX
	headerX   = 50.0 // header lines stay clear of the emblem at the top left
	bodyX     = 40.0
	bottomTop = 140.0 // dates, signing official and QR code start here
	signX     = 150.0 // the signing official's column
	signW     = 72.0
	emblemX   = 22.0
	emblemY   = 20.0
	emblemMax = 24.0 // the emblem fits a square of this side
)

// draw lays the certificate out and returns the PDF with every box drawn.
func draw(d Document) (*fpdf.Fpdf, []box, error) {
	if d.VerifyURL == "" {
		return nil, nil, errors.New("membuat PDF sertifikat: alamat verifikasi kosong")
	}
	for _, f := range []*string{&d.Title, &d.Number, &d.HolderName, &d.OPDName, &d.CourseTitle, &d.RegionName, &d.VerifyURL,
		&d.Signer.Name, &d.Signer.NIP, &d.Signer.Title} {
		*f = Printable(strings.TrimSpace(*f))
	}
	zone := d.Zone
	if zone == nil {
		zone = certify.WIB
	}
	qr, err := qrcode.New(d.VerifyURL, qrcode.Medium)
	if err != nil {
		return nil, nil, fmt.Errorf("membuat kode QR sertifikat: %w", err)
	}
	qr.DisableBorder = true // the quiet zone is left blank around the drawing instead

	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.AddUTF8FontFromBytes(fontFamily, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes(fontFamily, "I", goitalic.TTF)
	pdf.SetTitle(d.Title+" "+d.Number, true)
	l := d.Lang
	if l == "" {
		l = i18n.ID
	}
	say := func(s string) string { return i18n.T(l, s) }
	date := func(at time.Time) string { return i18n.ShortDate(l, at.In(zone)) }
	pdf.SetSubject(i18n.Tf(l, "Sertifikat bimbingan teknis {{.Course}}", map[string]any{"Course": d.CourseTitle}), true)
	pdf.SetAuthor(d.RegionName, true)
	pdf.SetCreator("Bimtek", true)
	pdf.SetProducer("Bimtek", true)
	pdf.SetLang(map[i18n.Lang]string{i18n.ID: "id-ID", i18n.EN: "en"}[l])
	// Fixed dates and a sorted catalogue (fonts are otherwise written in map
	// order) make the same certificate the same file on every download.
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(d.IssuedAt)
	pdf.SetModificationDate(d.IssuedAt)
	pdf.AddPage()
	c := &canvas{pdf: pdf}

	color := func(c [3]int) { pdf.SetTextColor(c[0], c[1], c[2]) }

	// Frame: a thick and a thin line, stroked only (nothing filled near the QR code).
	pdf.SetDrawColor(ink[0], ink[1], ink[2])
	pdf.SetLineWidth(1.2)
	pdf.Rect(10, 10, pageW-20, pageH-20, "D")
	pdf.SetLineWidth(0.3)
	pdf.Rect(13.5, 13.5, pageW-27, pageH-27, "D")

	if len(d.Emblem) > 0 {
		if err := drawEmblem(c, d.Emblem); err != nil {
			return nil, nil, err
		}
	}

	// From the top down, each line below the one before it: long names
	// shrink, then wrap, instead of running into the next line.
	width := pageW - 2*contentX
	color(muted)
	y := c.shrink("header", headerX, pageW-2*headerX, 22, "B", 11, 8, strings.ToUpper(d.RegionName))
	color(ink)
	y = c.line("header", headerX, pageW-2*headerX, y+2, "B", 34, 'C', say("SERTIFIKAT"))
	y = c.shrink("title", contentX, width, y, "", 15, 11, d.Title)
	color(muted)
	y = c.line("number", contentX, width, y+0.5, "", 10.5, 'C', i18n.Tf(l, "Nomor: {{.Number}}", map[string]any{"Number": d.Number}))
	color(ink)
	y = c.line("text", contentX, width, y+4, "I", 12, 'C', say("diberikan kepada"))
	y = c.shrink("holder", contentX, width, y+1, "B", 25, 14, d.HolderName)
	if d.OPDName != "" {
		color(muted)
		y = c.shrink("opd", contentX, width, y+0.5, "", 13, 10, d.OPDName)
	}
	color(ink)
	body := i18n.Tf(l, "atas keberhasilannya menyelesaikan bimbingan teknis “{{.Course}}” dengan memenuhi seluruh persyaratan kelulusan: materi, kuis, latihan menulis rilis, dan kehadiran yang ditetapkan.",
		map[string]any{"Course": d.CourseTitle})
	if d.Hours > 0 {
		body = i18n.Tf(l, "atas keberhasilannya menyelesaikan bimbingan teknis “{{.Course}}” ({{.N}} jam pelajaran) dengan memenuhi seluruh persyaratan kelulusan: materi, kuis, latihan menulis rilis, dan kehadiran yang ditetapkan.",
			map[string]any{"Course": d.CourseTitle, "N": d.Hours})
	}
	// The body ends above the bottom row, and above the revoked notice when
	// there is one; it gets smaller rather than reach either.
	limit := bottomTop - 3
	if d.RevokedAt != nil {
		limit -= revokedH + 3
	}
	bodyW := pageW - 2*bodyX
	size := 12.5
	for ; size > 8; size -= 0.5 {
		if y+3+float64(len(c.lines(body, "", size, bodyW)))*1.2*em(size) <= limit {
			break
		}
	}
	y = c.para("body", bodyX, bodyW, y+3, "", size, 'C', body)

	if d.RevokedAt != nil {
		// A printout of a revoked certificate must not pass for a valid one:
		// the notice sits between the body and the bottom row, clear of both
		// and of the QR code.
		top := y + 3
		color(alert)
		pdf.SetDrawColor(alert[0], alert[1], alert[2])
		pdf.SetLineWidth(0.8)
		pdf.Rect(contentX, top, revokedW, revokedH, "D")
		c.boxes = append(c.boxes, box{kind: "revoked-frame", x: contentX, y: top, w: revokedW, h: revokedH})
		msg := i18n.Tf(l, "DICABUT pada {{.Date}} — sertifikat ini tidak berlaku", map[string]any{"Date": date(*d.RevokedAt)})
		s := c.fit(msg, "B", 13, 8, revokedW-6)
		c.line("revoked", contentX, revokedW, top+(revokedH-em(s))/2, "B", s, 'C', msg)
	}

	// Dates and the note on the left, the signing official in the middle,
	// the QR code on the right.
	left := func(y float64, label, value string) {
		color(muted)
		c.line("date-label", contentX, 38, y, "", 10.5, 'L', label)
		color(ink)
		c.line("date", contentX+38, signX-contentX-40, y, "B", 11.5, 'L', value)
	}
	left(bottomTop+6, say("Diterbitkan"), date(d.IssuedAt))
	left(bottomTop+14, say("Berlaku sampai"), date(d.ValidUntil))
	left(bottomTop+22, say("Kode verifikasi"), certify.FormatCode(d.Code))
	color(muted)
	c.para("note", contentX, signX-contentX-5, bottomTop+32, "", 8.5, 'L', i18n.Tf(l, "Keaslian dan status sertifikat ini dapat diperiksa dengan memindai kode QR atau membuka {{.URL}}. Sertifikat diterbitkan secara elektronik oleh sistem Bimtek.",
		map[string]any{"URL": d.VerifyURL}))

	if d.Signer.Name != "" {
		color(ink)
		sy := bottomTop + 4
		if d.Signer.Title != "" {
			sy = c.para("signer-title", signX, signW, sy, "", 10, 'C', d.Signer.Title)
		}
		sy = max(sy+12, bottomTop+26) // room for a wet signature and stamp on a printout
		s := c.fit(d.Signer.Name, "B", 11, 8, signW)
		sy = c.para("signer", signX, signW, sy, "B", s, 'C', d.Signer.Name)
		if d.Signer.NIP != "" {
			c.line("signer-nip", signX, signW, sy, "", 10, 'C', "NIP "+d.Signer.NIP)
		}
	}

	drawQR(pdf, qr.Bitmap(), qrX, qrY, qrSize)
	c.boxes = append(c.boxes, box{kind: "qr", x: qrX, y: qrY, w: qrSize, h: qrSize})
	color(muted)
	c.line("qr-caption", qrX-6, qrSize+12, qrY+qrSize+2, "", 8.5, 'C', say("Pindai untuk verifikasi"))
	if err := pdf.Error(); err != nil {
		return nil, nil, fmt.Errorf("membuat PDF sertifikat: %w", err)
	}
	return pdf, c.boxes, nil
}

// The revoked notice's frame.
const (
	revokedW = qrX - 6 - contentX
	revokedH = 12.0
)

// drawEmblem places the region's emblem (PNG or JPEG, checked by
// CheckEmblem) in the top left corner, scaled into a square and centred in it.
func drawEmblem(c *canvas, img []byte) error {
	kind, cfg, err := CheckEmblem(img)
	if err != nil {
		return err
	}
	w, h := emblemMax, emblemMax
	if cfg.Width > cfg.Height {
		h = emblemMax * float64(cfg.Height) / float64(cfg.Width)
	} else {
		w = emblemMax * float64(cfg.Width) / float64(cfg.Height)
	}
	x, y := emblemX+(emblemMax-w)/2, emblemY+(emblemMax-h)/2
	if img, err = printable(img, kind); err != nil { // emblems stored before uploads were re-encoded
		return err
	}
	c.pdf.RegisterImageOptionsReader("lambang", fpdf.ImageOptions{ImageType: kind}, bytes.NewReader(img))
	if c.pdf.Err() {
		return fmt.Errorf("mencetak lambang: %w", c.pdf.Error())
	}
	c.pdf.ImageOptions("lambang", x, y, w, h, false, fpdf.ImageOptions{ImageType: kind}, 0, "")
	c.boxes = append(c.boxes, box{kind: "emblem", x: x, y: y, w: w, h: h})
	return nil
}

// MaxEmblemBytes and MaxEmblemSide bound an emblem image: it is printed at
// 24 mm, where 1,000 pixels are already 1,000 dpi.
const (
	MaxEmblemBytes = 512 << 10
	MaxEmblemSide  = 2000
)

// CheckEmblem reports whether img is an emblem the certificate can print: a
// PNG or JPEG that decodes, at most MaxEmblemBytes and MaxEmblemSide pixels a
// side. It returns the type for the PDF writer ("PNG" or "JPG") and the
// image's size. Errors are sentences for the admin.
func CheckEmblem(img []byte) (string, image.Config, error) {
	if len(img) > MaxEmblemBytes {
		return "", image.Config{}, certify.Problem("berkas lambang {{.KB}} KB; paling besar {{.Max}} KB", map[string]any{"KB": (len(img) + 1023) / 1024, "Max": MaxEmblemBytes >> 10})
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(img))
	if err != nil || (format != "png" && format != "jpeg") {
		return "", image.Config{}, certify.Problem("berkas lambang harus gambar PNG atau JPEG", nil)
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxEmblemSide || cfg.Height > MaxEmblemSide {
		return "", image.Config{}, certify.Problem("lambang {{.W}} × {{.H}} piksel; paling besar {{.Max}} piksel per sisi", map[string]any{"W": cfg.Width, "H": cfg.Height, "Max": MaxEmblemSide})
	}
	// The whole image must decode, not only its header: the PDF writer reads it all.
	var derr error
	if format == "png" {
		_, derr = png.Decode(bytes.NewReader(img))
	} else {
		_, derr = jpeg.Decode(bytes.NewReader(img))
	}
	if derr != nil {
		return "", image.Config{}, certify.Problem("berkas lambang rusak; simpan ulang sebagai PNG atau JPEG", nil)
	}
	if format == "png" {
		return "PNG", cfg, nil
	}
	return "JPG", cfg, nil
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
