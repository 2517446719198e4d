package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/domain"
)

// statusFilters are the choices of the admins' status filter, in order.
var statusFilters = []struct{ Value, Label string }{
	{"", "Semua status"},
	{string(certify.Valid), certify.Valid.Label()},
	{string(certify.Expired), certify.Expired.Label()},
	{string(certify.Revoked), certify.Revoked.Label()},
}

type adminCertificatesView struct {
	Query, Status string
	QueryError    string // why ?q= was not used
	Statuses      []struct{ Value, Label string }
	Rows          []certificateRow
	Page          Page
}

// adminCertificates lists the region's certificates, newest first, filtered
// by a name or number and by status.
func (s *Server) adminCertificates(c echo.Context) error {
	u := currentUser(c)
	v := adminCertificatesView{Status: c.QueryParam("status"), Statuses: statusFilters}
	v.Query, v.QueryError = checkText(c, domain.TextSearch, c.QueryParam("q"))
	f := domain.CertificateFilter{RegionID: u.RegionID, Query: v.Query, Now: s.cfg.Now()}
	status := http.StatusOK
	if v.QueryError != "" {
		f.Query, status = "", http.StatusUnprocessableEntity
	}
	switch certify.Status(v.Status) {
	case certify.Valid, certify.Expired, certify.Revoked:
		f.Status = certify.Status(v.Status)
	default:
		v.Status = "" // an unknown filter value shows everything
	}
	ctx := c.Request().Context()
	total, err := s.db.CountCertificates(ctx, f)
	if err != nil {
		return err
	}
	v.Page = newPage(c, adminCertPageSize, total)
	rows, err := s.db.CertificatesOfRegion(ctx, f, v.Page.Size, v.Page.Offset())
	if err != nil {
		return err
	}
	v.Rows = s.certificateRows(rows)
	return s.render(c, status, "admin_certificates", v)
}

// auditShown bounds the history on a certificate's admin page.
const auditShown = 20

type auditRow struct {
	When, Action, Reason string
}

type adminCertificateView struct {
	certificateRow
	Reason   string // as typed, kept when the form is shown again
	Form     Form
	Conflict string
	History  []auditRow
}

func (s *Server) loadAdminCertificate(c echo.Context) (adminCertificateView, error) {
	v, err := s.certificateFor(c, currentUser(c), access.CanSeeCertificate)
	if err != nil {
		return adminCertificateView{}, err
	}
	page := adminCertificateView{certificateRow: s.certificateRows([]domain.CertificateView{v})[0]}
	entries, err := s.db.AuditFor(c.Request().Context(), "certificate", fmt.Sprint(v.ID), auditShown)
	if err != nil {
		return page, err
	}
	for _, e := range entries {
		action := e.Action
		switch e.Action {
		case "certificate.issue":
			action = "Diterbitkan"
		case "certificate.revoke":
			action = "Dicabut"
		}
		page.History = append(page.History, auditRow{When: dateTime(e.CreatedAt), Action: action, Reason: e.Reason})
	}
	return page, nil
}

// adminCertificate shows one certificate to an admin of its region, with the
// revocation form while it is not revoked.
func (s *Server) adminCertificate(c echo.Context) error {
	page, err := s.loadAdminCertificate(c)
	if err != nil {
		return err
	}
	if c.QueryParam("pesan") == "dicabut" && page.RevokedAt != nil {
		c.Set(ctxFlash, tf(c, "Sertifikat {{.Number}} telah dicabut. Halaman verifikasinya kini menampilkan status Dicabut.", map[string]any{"Number": page.Number}))
	}
	return s.render(c, http.StatusOK, "admin_certificate", page)
}

// revokeCertificate takes the admin's reason and revokes; a missing reason
// keeps the form with the message beside the field, and a certificate
// revoked already says when and why, changing nothing.
func (s *Server) revokeCertificate(c echo.Context) error {
	u := currentUser(c)
	v, err := s.certificateFor(c, u, access.CanRevokeCertificate)
	if err != nil {
		return err
	}
	id := v.ID
	reason, err := domain.TextReason.Err(c.FormValue("alasan"))
	if !confirmed(c, "yakin") {
		page, lerr := s.loadAdminCertificate(c)
		if lerr != nil {
			return lerr
		}
		page.Reason = reason
		var de *domain.Error
		if errors.As(err, &de) {
			page.Form.Add("alasan", errText(c, de))
		}
		page.Form.Add("yakin", "Centang “Saya yakin akan mencabut sertifikat ini”: pencabutan tidak dapat dibatalkan.")
		return s.render(c, http.StatusUnprocessableEntity, "admin_certificate", page)
	}
	if err == nil {
		_, err = s.db.RevokeCertificate(c.Request().Context(), domain.RevokeInput{ActorID: u.ID, RegionID: u.RegionID, CertificateID: id,
			Reason: reason, Now: s.cfg.Now()})
	}
	if err == nil {
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/sertifikat/%d?pesan=dicabut", id))
	}
	var de *domain.Error
	if !errors.As(err, &de) || (de.Code != domain.CodeInvalid && de.Code != domain.CodeConflict) {
		return err
	}
	page, lerr := s.loadAdminCertificate(c)
	if lerr != nil {
		return lerr
	}
	page.Reason = reason
	status := http.StatusUnprocessableEntity
	if de.Code == domain.CodeConflict {
		status, page.Conflict = http.StatusConflict, errText(c, de)
	} else {
		page.Form.Add("alasan", errText(c, de))
	}
	return s.render(c, status, "admin_certificate", page)
}
