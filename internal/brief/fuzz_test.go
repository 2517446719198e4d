package brief

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzParse: any bytes as a brief give a brief that validates, or one *Error
// with an Indonesian message on a line of the file; never a panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte("apa: Pelatihan\nkapan: 2026-03-10\npukul: 09.00\nsiapa:\n  - nama: Siti\n    jabatan: Kepala\nangka:\n  - nilai: 150\n    satuan: orang\nkutipan:\n  - oleh: Siti\n    teks: \"Periksa fakta.\"\n"))
	f.Add([]byte("apa: a\nkapan: 2026-02-30\n"))
	f.Add([]byte("apa: a\nkapan: 2026-03-10\nketentuan:\n  isi_kata: [250, 400]\n  judul_kata: [5, 12]\n  teras_maks_kata: 35\n  dateline: SUKAMAJU\n"))
	f.Add([]byte("apa: &a [*a]\n"))
	f.Add([]byte("\xff\xfe( 00"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse(data)
		if err == nil {
			if b == nil {
				t.Fatal("nil brief without error")
			}
			if err := b.Validate(); err != nil {
				t.Fatalf("parsed brief does not validate: %v", err)
			}
			b.EventDate()
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %T %v is not a *Error", err, err)
		}
		// An editor's lines: CRLF, CR and LF each end one.
		lines := bytes.Count(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n")) + 1
		if e.Msg == "" || !utf8.ValidString(e.Msg) || e.Line < 0 || e.Line > lines+1 {
			t.Fatalf("error outside the file (%d lines): %v", lines, err)
		}
	})
}
