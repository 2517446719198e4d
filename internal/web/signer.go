package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/certify/certpdf"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// signerRoutes: the region's signing official and emblem, printed on every
// certificate of the region (admin only).
func (s *Server) signerRoutes() []route {
	return []route{
		{http.MethodGet, "/admin/penanda-tangan", adminOnly, s.signerPage},
		{http.MethodPost, "/admin/penanda-tangan", adminOnly, s.saveSigner},
		{http.MethodGet, "/admin/penanda-tangan/lambang", adminOnly, s.signerEmblem},
		{http.MethodGet, "/admin/penanda-tangan/contoh.pdf", adminOnly, s.signerSample},
	}
}

// The form's text rules; the store checks the NIP's digits and what is required.
var (
	textSignerName  = domain.TextRule{Label: "Nama pejabat", Max: store.SignerNameMax}
	textSignerNIP   = domain.TextRule{Label: "NIP", Max: 40}
	textSignerTitle = domain.TextRule{Label: "Jabatan", Max: store.SignerTitleMax}
)

type signerForm struct {
	Form
	Name, NIP, Title string
	Version          int64
	RemoveEmblem     bool
}

type signerView struct {
	Form     signerForm
	Current  domain.RegionSigner
	NIP      string // the stored NIP as printed
	Updated  string
	Emblem   string // "PNG, 14 KB" or ""
	Conflict string
	MaxKB    int
	MaxSide  int
}

func (s *Server) signerView(c echo.Context, f *signerForm) (signerView, error) {
	cur, err := s.db.RegionSigner(c.Request().Context(), currentUser(c).RegionID, false)
	if err != nil {
		return signerView{}, err
	}
	v := signerView{Current: cur, NIP: certify.FormatNIP(cur.NIP), MaxKB: certpdf.MaxEmblemBytes >> 10, MaxSide: certpdf.MaxEmblemSide}
	if cur.Version > 0 {
		v.Updated = dateTime(cur.UpdatedAt)
	}
	if cur.EmblemBytes > 0 {
		v.Emblem = fmt.Sprintf("%s, %d KB", strings.Replace(cur.EmblemType, "JPG", "JPEG", 1), (cur.EmblemBytes+1023)/1024)
	}
	if f != nil {
		v.Form = *f
	} else {
		v.Form = signerForm{Name: cur.Name, NIP: v.NIP, Title: cur.Title, Version: cur.Version}
	}
	return v, nil
}

func (s *Server) signerPage(c echo.Context) error {
	v, err := s.signerView(c, nil)
	if err != nil {
		return err
	}
	if c.QueryParam("pesan") == "disimpan" {
		c.Set(ctxFlash, "Pejabat penanda tangan dan lambang disimpan. Sertifikat wilayah ini yang terbit mulai sekarang mencetaknya; sertifikat yang sudah terbit tetap seperti pada hari terbitnya.")
	}
	return s.render(c, http.StatusOK, "admin_signer", v)
}

// readEmblem reads the uploaded emblem, if any, and checks it as the PDF
// will print it. A problem is recorded on the form.
func readEmblem(c echo.Context, f *signerForm) ([]byte, string) {
	fh, err := c.FormFile("lambang")
	if err != nil || fh.Size == 0 {
		return nil, "" // no file chosen (or a form sent without multipart)
	}
	if size := uploadSize(c, "lambang"); size > certpdf.MaxEmblemBytes {
		// Only the first bytes reached here (uploadBody); the typed fields are whole.
		f.Add("lambang", tf(c, "Berkas lambang berukuran {{.KB}} KB, melebihi batas {{.Max}} KB. Pilih gambar yang lebih kecil; isian lain tetap tersimpan di formulir ini.",
			map[string]any{"KB": domain.Num((size + 1023) / 1024), "Max": certpdf.MaxEmblemBytes >> 10}))
		return nil, ""
	}
	file, err := fh.Open()
	if err != nil {
		f.Add("lambang", "Berkas lambang tidak dapat dibaca; pilih berkasnya lagi.")
		return nil, ""
	}
	defer file.Close()
	img, err := io.ReadAll(io.LimitReader(file, certpdf.MaxEmblemBytes+1))
	if err != nil {
		f.Add("lambang", "Berkas lambang tidak dapat dibaca; pilih berkasnya lagi.")
		return nil, ""
	}
	if fh.Size > int64(len(img)) { // cut at the limit: report the real size
		img = append(img, make([]byte, fh.Size-int64(len(img)))...)
	}
	img, kind, err := certpdf.PrintableEmblem(img)
	if err != nil {
		msg := err.Error()
		var ce *certify.CodeError
		if errors.As(err, &ce) {
			msg = tf(c, ce.MsgID, ce.Data)
		}
		f.Add("lambang", strings.ToUpper(msg[:1])+msg[1:]+".")
		return nil, ""
	}
	return img, kind
}

func (s *Server) saveSigner(c echo.Context) error {
	u := currentUser(c)
	f := signerForm{RemoveEmblem: c.FormValue("hapus_lambang") == "1"}
	f.Version, _ = strconv.ParseInt(c.FormValue("versi"), 10, 64)
	f.Name = textField(c, &f.Form, "nama", textSignerName, c.FormValue("nama"))
	f.NIP = textField(c, &f.Form, "nip", textSignerNIP, c.FormValue("nip"))
	f.Title = textField(c, &f.Form, "jabatan", textSignerTitle, c.FormValue("jabatan"))
	if len(f.Errors) == 0 {
		_, _, _, errs := store.CheckSigner(f.Name, f.NIP, f.Title)
		f.Errors = append(f.Errors, localFields(c, errs)...)
	}
	img, kind := readEmblem(c, &f)
	if img != nil && f.RemoveEmblem {
		f.Add("lambang", "Pilih salah satu: unggah lambang baru atau hapus lambang yang ada.")
	}
	if len(f.Errors) > 0 {
		if img != nil && f.ErrorFor("lambang") == "" {
			f.Add("lambang", "Berkas lambang belum disimpan karena isian lain belum benar; pilih berkasnya lagi.")
		}
		return s.renderSigner(c, http.StatusUnprocessableEntity, f, "")
	}
	_, err := s.db.SaveRegionSigner(c.Request().Context(), domain.SignerInput{ActorID: u.ID, RegionID: u.RegionID, Version: f.Version,
		Name: f.Name, NIP: f.NIP, Title: f.Title, Emblem: img, EmblemType: kind, RemoveEmblem: f.RemoveEmblem})
	var de *domain.Error
	switch {
	case err == nil:
		return c.Redirect(http.StatusSeeOther, "/admin/penanda-tangan?pesan=disimpan")
	case errors.As(err, &de) && de.Code == domain.CodeInvalid:
		f.Errors = append(f.Errors, localFields(c, de.Fields)...)
		return s.renderSigner(c, http.StatusUnprocessableEntity, f, "")
	case errors.As(err, &de) && de.Code == domain.CodeConflict:
		msg := errText(c, de)
		if img != nil {
			msg += " " + tr(c, "Berkas lambang yang Anda pilih belum disimpan; pilih berkasnya lagi.")
		}
		return s.renderSigner(c, http.StatusConflict, f, msg)
	default:
		return err
	}
}

// renderSigner shows the form again with what was typed. After a conflict
// the form carries the stored version, so saving again is a deliberate
// overwrite of what the other admin saved (shown beside it).
func (s *Server) renderSigner(c echo.Context, status int, f signerForm, conflict string) error {
	v, err := s.signerView(c, &f)
	if err != nil {
		return err
	}
	if conflict != "" {
		v.Conflict, v.Form.Version = conflict, v.Current.Version
	}
	return s.render(c, status, "admin_signer", v)
}

// signerEmblem sends the stored emblem so the admin sees what is printed.
func (s *Server) signerEmblem(c echo.Context) error {
	cur, err := s.db.RegionSigner(c.Request().Context(), currentUser(c).RegionID, true)
	if err != nil {
		return err
	}
	if len(cur.Emblem) == 0 {
		return domain.ErrNotFound
	}
	c.Response().Header().Set("Cache-Control", "private, no-store")
	mime := "image/png"
	if cur.EmblemType == "JPG" {
		mime = "image/jpeg"
	}
	return c.Blob(http.StatusOK, mime, cur.Emblem)
}

// signerSample is a specimen certificate of the region with the stored
// official and emblem, for checking the layout before anyone downloads one.
func (s *Server) signerSample(c echo.Context) error {
	u := currentUser(c)
	ctx := c.Request().Context()
	region, err := s.db.Region(ctx, u.RegionID)
	if err != nil {
		return err
	}
	signer, err := s.db.RegionSigner(ctx, u.RegionID, true)
	if err != nil {
		return err
	}
	zone := certify.Zone(region.Timezone)
	issued := s.cfg.Now()
	until := issued.AddDate(2, 0, 0)
	d := certpdf.Document{Title: tr(c, "Contoh Sertifikat"), Number: "CONTOH/" + strconv.Itoa(issued.In(zone).Year()), Code: "CONTOH000000",
		HolderName: tr(c, "Nama Peserta Contoh"), OPDName: tr(c, "Nama OPD Contoh"), CourseTitle: "Admin Media Sosial OPD", Hours: 32,
		RegionName: region.Name, IssuedAt: issued, ValidUntil: until, Zone: zone,
		VerifyURL: certify.VerifyURL(s.baseURL(c), "CONTOH"), Lang: langOf(c)}
	withSigner(&d, signer)
	var buf bytes.Buffer
	if err := certpdf.WritePDF(&buf, d); err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentDisposition, `inline; filename="contoh-sertifikat.pdf"`)
	h.Set("Cache-Control", "private, no-store")
	return c.Blob(http.StatusOK, "application/pdf", buf.Bytes())
}

// withSigner puts the region's official and emblem on a certificate.
func withSigner(d *certpdf.Document, s domain.RegionSigner) {
	d.Signer = certpdf.Signer{Name: s.Name, NIP: certify.FormatNIP(s.NIP), Title: s.Title}
	d.Emblem = s.Emblem
}
