package certpdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"testing"
)

// interlacedPNG writes a w×h grey PNG with Adam7 interlacing, which Go's
// encoder never produces but image editors offer as an export option.
func interlacedPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	grey := func(x, y int) byte { return byte(x*16 + y*3) }
	passes := [7][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	var raw bytes.Buffer
	for _, p := range passes {
		for y := p[1]; y < h; y += p[3] {
			if p[0] >= w {
				break
			}
			raw.WriteByte(0) // filter: none
			for x := p[0]; x < w; x += p[2] {
				raw.WriteByte(grey(x, y))
			}
		}
	}
	var data bytes.Buffer
	zw := zlib.NewWriter(&data)
	zw.Write(raw.Bytes())
	zw.Close()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, body []byte) {
		binary.Write(&out, binary.BigEndian, uint32(len(body)))
		out.WriteString(kind)
		out.Write(body)
		binary.Write(&out, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), body...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9], ihdr[12] = 8, 0, 1 // 8-bit grey, Adam7
	chunk("IHDR", ihdr)
	chunk("IDAT", data.Bytes())
	chunk("IEND", nil)
	m, err := png.Decode(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatalf("the hand-made interlaced PNG does not decode: %v", err)
	}
	if g := m.(*image.Gray).GrayAt(5, 3).Y; g != grey(5, 3) {
		t.Fatalf("the hand-made interlaced PNG has %d at (5,3), want %d", g, grey(5, 3))
	}
	return out.Bytes()
}

// TestInterlacedEmblemPrints: an interlaced PNG passed the upload check but
// the PDF writer could not read it, so every certificate of the region
// failed. It is stored re-encoded, and one stored before still prints.
func TestInterlacedEmblemPrints(t *testing.T) {
	img := interlacedPNG(t, 16, 16)
	stored, kind, err := PrintableEmblem(img)
	if err != nil || kind != "PNG" {
		t.Fatalf("upload of an interlaced PNG: %q %v", kind, err)
	}
	if stored[28] != 0 {
		t.Error("the stored emblem is still interlaced")
	}
	a, _ := png.Decode(bytes.NewReader(img))
	b, err := png.Decode(bytes.NewReader(stored))
	if err != nil {
		t.Fatal(err)
	}
	for y := range 16 {
		for x := range 16 {
			if ra, _, _, _ := a.At(x, y).RGBA(); func() bool { rb, _, _, _ := b.At(x, y).RGBA(); return ra != rb }() {
				t.Fatalf("re-encoding changed pixel (%d,%d)", x, y)
			}
		}
	}
	for name, emblem := range map[string][]byte{"stored re-encoded": stored, "stored before the fix": img} {
		d := sampleDocument()
		d.Emblem = emblem
		var out bytes.Buffer
		if err := WritePDF(&out, d); err != nil || !bytes.HasPrefix(out.Bytes(), []byte("%PDF")) {
			t.Errorf("%s: certificate with the emblem: %v", name, err)
		}
	}
}
