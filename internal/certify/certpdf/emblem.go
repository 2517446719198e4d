package certpdf

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
)

// PrintableEmblem checks img as CheckEmblem does and returns it in a form the
// PDF writer embeds, with its image type: an interlaced PNG (a common export
// option, which the writer cannot read) is stored re-encoded without
// interlacing.
func PrintableEmblem(img []byte) ([]byte, string, error) {
	kind, _, err := CheckEmblem(img)
	if err != nil {
		return nil, "", err
	}
	img, err = printable(img, kind)
	if err != nil {
		return nil, "", err
	}
	return img, kind, nil
}

// printable re-encodes an interlaced PNG without interlacing; anything else
// comes back as it is.
func printable(img []byte, kind string) ([]byte, error) {
	// The IHDR chunk follows the 8-byte signature; its last byte (offset 28 of
	// the file) is the interlace method.
	if kind != "PNG" || len(img) < 29 || img[28] == 0 {
		return img, nil
	}
	m, err := png.Decode(bytes.NewReader(img))
	if err != nil {
		return nil, errors.New("berkas lambang rusak; simpan ulang sebagai PNG atau JPEG")
	}
	var out bytes.Buffer
	if err := png.Encode(&out, m); err != nil {
		return nil, fmt.Errorf("menyimpan ulang lambang: %w", err)
	}
	return out.Bytes(), nil
}
