package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// opdPage shows one OPD. A pimpinan OPD sees only their own: any other id is
// 404, exactly like an id that does not exist. An admin sees the OPDs of their region.
func (s *Server) opdPage(c echo.Context) error {
	o, err := s.opdFor(c, access.CanSeeOPD)
	if err != nil {
		return err
	}
	return s.renderOPD(c, o)
}

// adminView is a designated admin on the OPD page with their certificates and progress.
type adminView struct {
	User         domain.User
	Certificates []heldCertView
	Progress     []learnerLine
	// Best is the newest valid certificate; Expiring says it ends within 60 days.
	Best     *heldCertView
	Expiring bool
}

// learnerLine is one enrollment of an admin with its certificate checklist.
type learnerLine struct {
	domain.LearnerProgress
	Checklist *checklist
	// Certified is a valid certificate of the same course: nothing is asked of
	// the admin then, whatever an older cohort's checklist would say.
	Certified *heldCertView
}

// heldCertView is a certificate with its state written out.
type heldCertView struct {
	domain.HeldCertificate
	State      compliance.CertificateStatus
	StateLabel string
	Until      string
	Soon       bool
	URL        string
}

// accountView is an official account with its platform's name.
type accountView struct {
	domain.SocialAccount
	PlatformLabel string
}

type opdView struct {
	OPD          domain.OPD
	Row          complianceRowView
	Reasons      []string
	AsOf         string
	Accounts     []accountView
	Admins       []adminView
	MoreAdmins   bool
	Users        []domain.User
	MoreUsers    bool
	ExpiringSoon []adminView
	IsAdmin      bool
}

// renderOPD shows an OPD's compliance: status with reasons, official
// accounts, designated admins with their certificates and progress, and the
// OPD's other users. For a pimpinan OPD it is also their Beranda. The
// caller has checked access.CanSeeOPD.
func (s *Server) renderOPD(c echo.Context, o domain.OPD) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	now := s.cfg.Now()
	id := o.ID
	region, err := s.names.region(ctx, u.RegionID)
	if err != nil {
		return err
	}
	loc := compliance.Zone(region.Timezone)
	row, err := s.db.OPDCompliance(ctx, u.RegionID, id, now)
	if err != nil {
		return err
	}
	v := opdView{OPD: o, Row: complianceRowViews(langOf(c), []store.ComplianceRow{row}, loc)[0], Reasons: row.Result().Reasons,
		AsOf: dateTimeIn(now, loc), IsAdmin: u.Role == domain.RoleAdmin}
	accounts, err := s.db.SocialAccounts(ctx, id)
	if err != nil {
		return err
	}
	for _, a := range accounts {
		v.Accounts = append(v.Accounts, accountView{SocialAccount: a, PlatformLabel: compliance.PlatformLabel(a.Platform)})
	}
	admins, err := s.db.OPDAdmins(ctx, id, opdAdminLimit+1)
	if err != nil {
		return err
	}
	if len(admins) > opdAdminLimit {
		admins, v.MoreAdmins = admins[:opdAdminLimit], true
	}
	ids := make([]int64, len(admins))
	for i, a := range admins {
		ids[i] = a.ID
	}
	certs, err := s.db.CertificatesOfUsers(ctx, ids, certsPerAdmin)
	if err != nil {
		return err
	}
	progress, err := s.db.ProgressOfUsers(ctx, ids)
	if err != nil {
		return err
	}
	enrollments := make([]int64, len(progress))
	for i, p := range progress {
		enrollments[i] = p.EnrollmentID
	}
	who := viewerPimpinan
	if v.IsAdmin {
		who = viewerStaff
	}
	checks, err := s.checklistsFor(ctx, langOf(c), enrollments, who)
	if err != nil {
		return err
	}
	for _, a := range admins {
		av := adminView{User: a}
		for _, cert := range certs {
			if cert.UserID != a.ID {
				continue
			}
			st := compliance.CertificateState(cert.ValidUntil, cert.RevokedAt, now)
			cv := heldCertView{HeldCertificate: cert, State: st, StateLabel: st.Label(), Until: shortDateIn(cert.ValidUntil, loc),
				Soon: compliance.ExpiresSoon(cert.ValidUntil, cert.RevokedAt, now)}
			if v.IsAdmin {
				cv.URL = fmt.Sprintf("/admin/sertifikat/%d", cert.ID)
			}
			av.Certificates = append(av.Certificates, cv)
		}
		// Expiring: the admin's best valid certificate ends within the window.
		for i := range av.Certificates {
			if av.Certificates[i].State == compliance.CertValid {
				av.Best = &av.Certificates[i]
				av.Expiring = av.Best.Soon
				break
			}
		}
		for _, p := range progress {
			if p.UserID == a.ID {
				lp := learnerLine{LearnerProgress: p}
				for i := range av.Certificates {
					if c := &av.Certificates[i]; c.CourseID == p.CourseID && c.State == compliance.CertValid {
						lp.Certified = c
						break
					}
				}
				if cl, ok := checks[p.EnrollmentID]; ok && (lp.Certified == nil || cl.Complete) {
					lp.Checklist = &cl
					lp.Certified = nil
				}
				av.Progress = append(av.Progress, lp)
			}
		}
		if av.Expiring {
			v.ExpiringSoon = append(v.ExpiringSoon, av)
		}
		v.Admins = append(v.Admins, av)
	}
	users, err := s.db.UsersOfOPD(ctx, id, opdUserLimit+1)
	if err != nil {
		return err
	}
	if len(users) > opdUserLimit {
		users, v.MoreUsers = users[:opdUserLimit], true
	}
	v.Users = users
	return s.render(c, http.StatusOK, "opd", v)
}
