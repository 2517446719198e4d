package domain

import (
	"time"

	"github.com/bimtek/bimtek/internal/certify"
)

// Certificate is one issued certificate as stored: one per completed
// enrollment, so recertification in a later cohort adds a new one and the
// old one stays as history.
type Certificate struct {
	ID           int64      `db:"id"`
	RegionID     int64      `db:"region_id"`
	UserID       int64      `db:"user_id"`
	EnrollmentID int64      `db:"enrollment_id"`
	CourseID     string     `db:"course_id"`
	Year         int        `db:"year"`
	Seq          int        `db:"seq"`
	Number       string     `db:"number"`
	Code         string     `db:"code"`
	IssuedAt     time.Time  `db:"issued_at"`
	ValidUntil   time.Time  `db:"valid_until"`
	RevokedAt    *time.Time `db:"revoked_at"`
	RevokedBy    *int64     `db:"revoked_by"`
	RevokeReason string     `db:"revoke_reason"`
	// SignerID is the region's signing official and emblem in force when it
	// was issued (a row of region_signer_versions); nil prints none.
	SignerID *int64 `db:"signer_id"`
}

// StatusAt is the certificate's status at now.
func (c Certificate) StatusAt(now time.Time) certify.Status {
	return certify.StatusAt(c.ValidUntil, c.RevokedAt, now)
}

// CertificateView is a certificate with what the pages and the PDF print:
// its holder, OPD, course, cohort and region.
type CertificateView struct {
	Certificate
	HolderName       string `db:"holder_name"`
	OPDID            *int64 `db:"opd_id"`
	OPDName          string `db:"opd_name"`
	CourseTitle      string `db:"course_title"`
	CertificateTitle string `db:"certificate_title"`
	Hours            int    `db:"hours"`
	CohortID         int64  `db:"cohort_id"`
	CohortName       string `db:"cohort_name"`
	RegionName       string `db:"region_name"`
	RegionTimezone   string `db:"region_timezone"`
	RevokedByName    string `db:"revoked_by_name"`
}

// Title is the certificate's title, the course's when course.yaml gives none.
func (v CertificateView) Title() string {
	if v.CertificateTitle != "" {
		return v.CertificateTitle
	}
	return "Sertifikat " + v.CourseTitle
}

// CertificateFilter narrows the admins' list of a region's certificates.
type CertificateFilter struct {
	RegionID int64
	Query    string         // part of the number or of the holder's name
	Status   certify.Status // "" for all
	Now      time.Time
}

// RevokeInput is an admin's revocation of a certificate.
type RevokeInput struct {
	ActorID       int64
	RegionID      int64 // the admin's region: a certificate elsewhere is not found
	CertificateID int64
	Reason        string
	Now           time.Time
}

// HeldCertificate is a certificate as an OPD page lists it.
type HeldCertificate struct {
	ID          int64      `db:"id"`
	UserID      int64      `db:"user_id"`
	Number      string     `db:"number"`
	CourseID    string     `db:"course_id"`
	CourseTitle string     `db:"course_title"`
	IssuedAt    time.Time  `db:"issued_at"`
	ValidUntil  time.Time  `db:"valid_until"`
	RevokedAt   *time.Time `db:"revoked_at"`
}
