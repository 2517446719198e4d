package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/certify/certpdf"
	"github.com/bimtek/bimtek/internal/domain"
)

// certificateRoutes: public verification, the trainee's certificates and
// their PDF, and the admins' list with revocation. The PDF route admits
// anyone logged in; the handler lets through the holder, the cohort's
// facilitators, the pimpinan of the holder's OPD and the region's admins
// (DESIGN.md §5) and answers 404 to everyone else.
func (s *Server) certificateRoutes() []route {
	return []route{
		{http.MethodGet, "/verifikasi", public, s.verifyForm},
		{http.MethodGet, "/verifikasi/:code", public, s.verifyCertificate},
		{http.MethodGet, "/sertifikat", pesertaOnly, s.myCertificates},
		{http.MethodGet, "/sertifikat/:id/pdf", loggedIn, s.certificatePDF},
		{http.MethodGet, "/admin/sertifikat", adminOnly, s.adminCertificates},
		{http.MethodGet, "/admin/sertifikat/:id", adminOnly, s.adminCertificate},
		{http.MethodPost, "/admin/sertifikat/:id/cabut", adminOnly, s.revokeCertificate},
	}
}

// Verification lookups are limited per address: enough for a person checking
// a pile of certificates, far too few to guess codes (31^11 of them).
const (
	verifyLimit       = 30
	verifyWindow      = time.Minute
	verifyScope       = "verifikasi"
	maxAddressStored  = 64
	adminCertPageSize = 50
)

// certificateFacts is what the public may learn about a certificate: the
// same fields on the verification page and in the JSON twin, nothing else
// about the person.
type certificateFacts struct {
	Code   string `json:"code"`
	Number string `json:"number"`
	Name   string `json:"name"`
	OPD    string `json:"opd"`
	Course string `json:"course"`
	Title  string `json:"title"`
	Issuer string `json:"issuer"`
	// The region's signing official as set now (title and name, never the
	// NIP); null when none is set.
	SignerName  *string `json:"signer_name"`
	SignerTitle *string `json:"signer_title"`
	IssuedOn    string  `json:"issued_on"`   // YYYY-MM-DD on the region's calendar
	ValidUntil  string  `json:"valid_until"` // YYYY-MM-DD on the region's calendar
	Status      string  `json:"status"`      // berlaku | kedaluwarsa | dicabut
	Label       string  `json:"status_label"`
	RevokedOn   *string `json:"revoked_on"`

	// Written out for the page only.
	IssuedText, ValidText, RevokedText string `json:"-"`
}

func factsOf(v domain.CertificateView, now time.Time) certificateFacts {
	zone := certify.Zone(v.RegionTimezone)
	st := v.StatusAt(now)
	f := certificateFacts{
		Code: certify.FormatCode(v.Code), Number: v.Number, Name: v.HolderName, OPD: v.OPDName,
		Course: v.CourseTitle, Title: v.Title(), Issuer: v.RegionName,
		IssuedOn: v.IssuedAt.In(zone).Format(time.DateOnly), ValidUntil: v.ValidUntil.In(zone).Format(time.DateOnly),
		Status: string(st), Label: st.Label(),
		IssuedText: certify.Date(v.IssuedAt, zone), ValidText: certify.Date(v.ValidUntil, zone),
	}
	if v.RevokedAt != nil {
		d := v.RevokedAt.In(zone).Format(time.DateOnly)
		f.RevokedOn, f.RevokedText = &d, certify.Date(*v.RevokedAt, zone)
	}
	return f
}

// lookupResult is the outcome of one verification request, shared by the
// page and the API.
type lookupResult struct {
	facts      certificateFacts
	notFound   string // why nothing is shown, in Indonesian ("" when found)
	retryAfter int    // seconds; > 0 when the address is over its limit
	typed      string
}

// lookupCertificate counts the request against the address's limit, then
// checks the code's form before asking the database: a code with
// impossible characters, a truncated one or one whose check character does
// not match is answered at once with what is wrong.
func (s *Server) lookupCertificate(c echo.Context) (lookupResult, error) {
	raw, err := url.PathUnescape(c.Param("code"))
	if err != nil {
		raw = c.Param("code")
	}
	res := lookupResult{typed: raw}
	now := s.cfg.Now()
	addr := limitAddress(c)
	if len(addr) > maxAddressStored {
		addr = addr[:maxAddressStored]
	}
	hits, err := s.db.HitLookupLimit(c.Request().Context(), verifyScope, addr, now, verifyWindow)
	if err != nil {
		return res, err
	}
	if hits > verifyLimit {
		left := verifyWindow - now.Sub(now.Truncate(verifyWindow))
		res.retryAfter = int((left + time.Second - 1) / time.Second)
		return res, nil
	}
	code, err := certify.ParseCode(raw)
	var ce *certify.CodeError
	if errors.As(err, &ce) {
		res.notFound = tfl(langOf(c), ce.MsgID, ce.Data)
		return res, nil
	}
	v, err := s.db.CertificateByCode(c.Request().Context(), code)
	if errors.Is(err, domain.ErrNotFound) {
		res.notFound = tf(c, "Tidak ada sertifikat dengan kode {{.Code}}. Periksa kembali kode pada sertifikat atau pindai ulang kode QR-nya.", map[string]any{"Code": certify.FormatCode(code)})
		return res, nil
	}
	if err != nil {
		return res, err
	}
	res.facts = factsOf(v, now)
	signer, err := s.db.CertificateSigner(c.Request().Context(), v.SignerID, false)
	if err != nil {
		return res, err
	}
	if signer.Name != "" {
		res.facts.SignerName, res.facts.SignerTitle = &signer.Name, &signer.Title
	}
	return res, nil
}

// privateLookup keeps verification answers out of caches and search engines:
// a status changes when a certificate is revoked, and a name is not for indexing.
func privateLookup(c echo.Context) {
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex, nofollow")
}

type verifyView struct {
	Facts   certificateFacts
	Reason  string
	Typed   string
	Checked string // when the page was produced, in WIB
}

func (s *Server) verifyForm(c echo.Context) error {
	if kode := strings.TrimSpace(c.QueryParam("kode")); kode != "" {
		return c.Redirect(http.StatusSeeOther, "/verifikasi/"+url.PathEscape(kode))
	}
	return s.render(c, http.StatusOK, "verify_form", nil)
}

// verifyCertificate is the public page a QR code opens: the certificate's
// holder, OPD, course, number, dates and a clear status, or a plain
// "Sertifikat tidak ditemukan" with 404.
func (s *Server) verifyCertificate(c echo.Context) error {
	privateLookup(c)
	res, err := s.lookupCertificate(c)
	if err != nil {
		return err
	}
	if res.retryAfter > 0 {
		c.Response().Header().Set("Retry-After", strconv.Itoa(res.retryAfter))
		return s.render(c, http.StatusTooManyRequests, "error", errorPage{Title: tr(c, "Terlalu banyak permintaan verifikasi"),
			Message: tf(c, "Dari alamat Anda sudah ada {{.Limit}} pemeriksaan sertifikat dalam satu menit ini. Tunggu {{.N}} detik, lalu coba lagi.",
				map[string]any{"Limit": verifyLimit, "N": res.retryAfter})})
	}
	if res.notFound != "" {
		return s.render(c, http.StatusNotFound, "verify_missing", verifyView{Reason: res.notFound, Typed: res.typed})
	}
	return s.render(c, http.StatusOK, "verify", verifyView{Facts: res.facts, Checked: dateTime(s.cfg.Now())})
}

// apiCertificate is GET /api/v1/certificates/:code, the verification page as
// JSON: the same fields, the same limit, 404 with the reason for unknown codes.
func (s *Server) apiCertificate(c echo.Context) error {
	privateLookup(c)
	res, err := s.lookupCertificate(c)
	if err != nil {
		return err
	}
	if res.retryAfter > 0 {
		c.Response().Header().Set("Retry-After", strconv.Itoa(res.retryAfter))
		return domain.Errort(domain.CodeTooManyRequests, "terlalu banyak pemeriksaan sertifikat dari alamat ini (batas {{.Limit}} per menit); coba lagi dalam {{.Seconds}} detik",
			map[string]any{"Limit": verifyLimit, "Seconds": res.retryAfter})
	}
	if res.notFound != "" { // notFound is in the request's language already
		e := domain.Errort(domain.CodeNotFound, "Sertifikat tidak ditemukan. {{.Reason}}", map[string]any{"Reason": res.notFound})
		e.Fields = []domain.FieldError{{Field: "code", Message: e.Message, MsgID: e.MsgID, Data: e.Data}}
		return e
	}
	return c.JSON(http.StatusOK, res.facts)
}

// certificateRow is one certificate in a list.
type certificateRow struct {
	domain.CertificateView
	Facts     certificateFacts
	PDFURL    string
	VerifyURL string
	AdminURL  string
}

func (s *Server) certificateRows(vs []domain.CertificateView) []certificateRow {
	now := s.cfg.Now()
	out := make([]certificateRow, len(vs))
	for i, v := range vs {
		out[i] = certificateRow{CertificateView: v, Facts: factsOf(v, now), PDFURL: fmt.Sprintf("/sertifikat/%d/pdf", v.ID),
			VerifyURL: "/verifikasi/" + v.Code, AdminURL: fmt.Sprintf("/admin/sertifikat/%d", v.ID)}
	}
	return out
}

type myCertificatesView struct {
	Rows []certificateRow
}

// myCertificates lists the trainee's certificates, valid or not, with their PDFs.
func (s *Server) myCertificates(c echo.Context) error {
	vs, err := s.db.CertificatesOfUser(c.Request().Context(), currentUser(c).ID)
	if err != nil {
		return err
	}
	return s.render(c, http.StatusOK, "certificates", myCertificatesView{Rows: s.certificateRows(vs)})
}

// baseURL is where the QR code points: the configured public address, never
// the request's Host (which the client chooses).
func (s *Server) baseURL(echo.Context) string { return s.cfg.BaseURL }

// certificatePDF sends the certificate as an A4 landscape PDF made on request.
func (s *Server) certificatePDF(c echo.Context) error {
	v, err := s.certificateFor(c, currentUser(c), access.CanSeeCertificate)
	if err != nil {
		return err
	}
	// The official and emblem of the day it was issued, not today's.
	signer, err := s.db.CertificateSigner(c.Request().Context(), v.SignerID, true)
	if err != nil {
		return err
	}
	d := certpdf.Document{
		Title: v.Title(), Number: v.Number, Code: v.Code, HolderName: v.HolderName, OPDName: v.OPDName,
		CourseTitle: v.CourseTitle, Hours: v.Hours, RegionName: v.RegionName, IssuedAt: v.IssuedAt, ValidUntil: v.ValidUntil,
		Zone: certify.Zone(v.RegionTimezone), VerifyURL: certify.VerifyURL(s.baseURL(c), v.Code), RevokedAt: v.RevokedAt,
		Lang: langOf(c), // the reader's: the holder's choice when they download it
	}
	withSigner(&d, signer)
	var buf bytes.Buffer
	if err := certpdf.WritePDF(&buf, d); err != nil {
		return err
	}
	name := "sertifikat-" + strings.ReplaceAll(v.Number, "/", "-") + ".pdf"
	h := c.Response().Header()
	h.Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "private, no-store")
	return c.Blob(http.StatusOK, "application/pdf", buf.Bytes())
}

// certReminder is a Beranda line about a certificate that ends soon.
type certReminder struct {
	Title, Number, Until string
	Days                 int
	URL                  string
}

// certificateReminders words the trainee's valid certificates that end
// within 60 days (and were not renewed), for the Beranda.
func (s *Server) certificateReminders(vs []domain.CertificateView) []certReminder {
	now := s.cfg.Now()
	out := make([]certReminder, 0, len(vs))
	for _, v := range vs {
		days := int(v.ValidUntil.Sub(now).Hours() / 24)
		out = append(out, certReminder{Title: v.Title(), Number: v.Number, Until: certify.Date(v.ValidUntil, certify.Zone(v.RegionTimezone)),
			Days: days, URL: "/sertifikat"})
	}
	return out
}
