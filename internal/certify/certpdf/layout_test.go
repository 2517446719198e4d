package certpdf

import (
	"github.com/bimtek/bimtek/internal/i18n"

	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"maps"
	"strings"
	"testing"
	"time"
)

// emblemImage encodes a w × h test emblem as PNG or JPEG.
func emblemImage(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(x), 90, uint8(y), 255})
		}
	}
	var b bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&b, img)
	case "jpeg":
		err = jpeg.Encode(&b, img, nil)
	case "gif":
		err = gif.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestLayoutDoesNotOverlap renders every state with short and long names,
// with and without a signing official and an emblem, and checks the
// rectangles the renderer drew: no two overlap, all stay inside the frame,
// and the revoked notice's words sit inside its own box.
func TestLayoutDoesNotOverlap(t *testing.T) {
	revoked := time.Date(2026, 9, 2, 5, 0, 0, 0, time.UTC)
	longName := "Raden Ajeng Kartika Sekar Ayu Prameswari Wulandari Kusumaningtyas Hadiningrat, S.I.Kom., M.Si."
	longOPD := "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Sukamaju — Bidang Pengelolaan Informasi dan Komunikasi Publik serta Kehumasan"
	signer := Signer{Name: "Dr. Ir. Bambang Sutrisno Wicaksono Adiputra, S.T., M.T.", NIP: "19700817 199503 1 002",
		Title: "Kepala Dinas Komunikasi dan Informatika Kabupaten Sukamaju selaku Penanggung Jawab Bimbingan Teknis"}
	cases := map[string]func(*Document){
		"berlaku":     func(d *Document) {},
		"kedaluwarsa": func(d *Document) { d.ValidUntil = d.IssuedAt.AddDate(-3, 0, 0) },
		"dicabut":     func(d *Document) { d.RevokedAt = &revoked },
		"dicabut, nama dan OPD panjang": func(d *Document) {
			d.RevokedAt, d.HolderName, d.OPDName = &revoked, longName, longOPD
		},
		"nama panjang":            func(d *Document) { d.HolderName = longName },
		"OPD panjang":             func(d *Document) { d.OPDName = longOPD },
		"tanpa OPD":               func(d *Document) { d.OPDName = "" },
		"pejabat dan lambang PNG": func(d *Document) { d.Signer, d.Emblem = signer, emblemImage(t, "png", 120, 160) },
		"dicabut, semuanya panjang, lambang JPEG lebar": func(d *Document) {
			d.RevokedAt, d.HolderName, d.OPDName, d.Signer = &revoked, longName, longOPD, signer
			d.Emblem = emblemImage(t, "jpeg", 300, 100)
			d.RegionName = "Pemerintah Kabupaten Kepulauan Sukamaju Barat Daya Provinsi Nusa Tenggara Timur"
			d.CourseTitle = "Admin Media Sosial Organisasi Perangkat Daerah: Penulisan Rilis, Produksi Konten, dan Pengelolaan Akun Resmi"
		},
	}
	// Every state again with the longest official and an emblem, tall and wide.
	for name, change := range maps.Clone(cases) {
		for shape, img := range map[string][]byte{"lambang tegak": emblemImage(t, "png", 120, 160), "lambang lebar": emblemImage(t, "jpeg", 300, 100)} {
			cases[name+", pejabat, "+shape] = func(d *Document) {
				change(d)
				d.Signer, d.Emblem = signer, img
			}
		}
	}
	// And every one in English, whose words are longer in places.
	for name, change := range maps.Clone(cases) {
		cases[name+", English"] = func(d *Document) {
			change(d)
			d.Lang = i18n.EN
		}
	}
	for name, change := range cases {
		t.Run(name, func(t *testing.T) {
			d := sampleDocument()
			change(&d)
			_, boxes, err := draw(d)
			if err != nil {
				t.Fatal(err)
			}
			const inner, slack = 13.5 + 1, 0.05
			var frame *box
			kinds := map[string]bool{}
			for i, b := range boxes {
				kinds[b.kind] = true
				if b.kind == "revoked-frame" {
					frame = &boxes[i]
				}
				if b.x < inner || b.y < inner || b.x+b.w > pageW-inner || b.y+b.h > pageH-inner {
					t.Errorf("%s %q at (%.1f, %.1f) %.1f × %.1f mm leaves the frame", b.kind, b.text, b.x, b.y, b.w, b.h)
				}
			}
			for i, a := range boxes {
				for _, b := range boxes[i+1:] {
					if (a.kind == "revoked-frame") != (b.kind == "revoked-frame") && (a.kind == "revoked" || b.kind == "revoked") {
						continue // the notice's words are checked to lie inside its frame below
					}
					if a.x+a.w > b.x+slack && b.x+b.w > a.x+slack && a.y+a.h > b.y+slack && b.y+b.h > a.y+slack {
						t.Errorf("%s %q (%.1f, %.1f, %.1f × %.1f) overlaps %s %q (%.1f, %.1f, %.1f × %.1f)",
							a.kind, a.text, a.x, a.y, a.w, a.h, b.kind, b.text, b.x, b.y, b.w, b.h)
					}
				}
			}
			if (d.RevokedAt != nil) != (frame != nil) {
				t.Fatalf("revoked %v, notice drawn %v", d.RevokedAt != nil, frame != nil)
			}
			var holder []string
			for _, b := range boxes {
				if b.kind == "revoked" && (b.x < frame.x || b.y < frame.y || b.x+b.w > frame.x+frame.w || b.y+b.h > frame.y+frame.h) {
					t.Errorf("revoked notice %q sticks out of its box", b.text)
				}
				if b.kind == "holder" {
					holder = append(holder, b.text)
				}
			}
			if got := strings.Join(holder, " "); got != d.HolderName {
				t.Errorf("holder printed as %q, want %q", got, d.HolderName)
			}
			for _, want := range []string{"header", "holder", "body", "date", "note", "qr", "qr-caption"} {
				if !kinds[want] {
					t.Errorf("nothing of kind %s drawn", want)
				}
			}
			if want := d.Signer.Name != ""; kinds["signer"] != want || kinds["signer-nip"] != want || kinds["signer-title"] != want {
				t.Errorf("signing official drawn %v, want %v", kinds["signer"], want)
			}
			if kinds["emblem"] != (len(d.Emblem) > 0) {
				t.Errorf("emblem drawn %v, want %v", kinds["emblem"], len(d.Emblem) > 0)
			}
		})
	}
}

// TestPDFShowsTheSigningOfficial: the official's title, name and NIP are in
// the PDF's text, and the emblem is an image in it.
func TestPDFShowsTheSigningOfficial(t *testing.T) {
	d := sampleDocument()
	d.Signer = Signer{Name: "Drs. Bambang Sutrisno, M.Si.", NIP: "19700817 199503 1 002", Title: "Kepala Dinas Kominfo"}
	d.Emblem = emblemImage(t, "png", 64, 64)
	r, raw := render(t, d)
	all := strings.Join(textLines(t, r.Page(1)), "\n")
	for _, want := range []string{"Kepala Dinas Kominfo", "Drs. Bambang Sutrisno, M.Si.", "NIP 19700817 199503 1 002"} {
		if !strings.Contains(all, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, all)
		}
	}
	if !bytes.Contains(raw, []byte("/Subtype /Image")) {
		t.Error("the emblem is not an image in the PDF")
	}
	if got := decodeQR(t, r.Page(1)); got != d.VerifyURL {
		t.Fatalf("QR code beside the official reads %q", got)
	}
}

func TestCheckEmblem(t *testing.T) {
	if kind, cfg, err := CheckEmblem(emblemImage(t, "png", 40, 30)); err != nil || kind != "PNG" || cfg.Width != 40 {
		t.Errorf("PNG: %q %v %v", kind, cfg, err)
	}
	if kind, _, err := CheckEmblem(emblemImage(t, "jpeg", 40, 30)); err != nil || kind != "JPG" {
		t.Errorf("JPEG: %q %v", kind, err)
	}
	good := emblemImage(t, "png", 40, 30)
	for name, c := range map[string]struct {
		img  []byte
		want string
	}{
		"GIF":       {emblemImage(t, "gif", 10, 10), "PNG atau JPEG"},
		"text":      {[]byte("<svg></svg>"), "PNG atau JPEG"},
		"truncated": {good[:len(good)-30], "rusak"},
		"too wide":  {emblemImage(t, "png", MaxEmblemSide+1, 2), "piksel per sisi"},
		"too large": {append(append([]byte{}, good...), make([]byte, MaxEmblemBytes)...), "paling besar 512 KB"},
	} {
		if _, _, err := CheckEmblem(c.img); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error with %q", name, err, c.want)
		}
	}
}
