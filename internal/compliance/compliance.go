// Package compliance holds the OPD compliance rule of DESIGN.md §10 and what
// goes with it: the status from counts with its reasons and labels, the
// official account platforms and the validation of an account's address, and
// the row of the region table (its CSV and XLSX exports are in
// compliance/export). It is pure: no database, no
// HTTP, no clock (callers pass "now").
//
// An OPD complies (Memenuhi) when it has at least one official social-media
// account, at least one designated admin, and at least one designated admin
// holding a valid certificate; Belum when it has none of the three; Sebagian
// otherwise.
//
// The store keeps what the rule needs per OPD in counters that triggers
// maintain (migration 00007), so the region dashboard stays fast at national
// scale. BenchmarkComplianceNational (internal/web) measured on PostgreSQL 15,
// 2 vCPU, one region of 25,000 OPDs, 100,000 trainees, 1,000,000 submission
// versions and 60,000 certificates, whole requests over loopback:
//
//	dashboard, first page                      42 ms  (≈ 24 ms of it the admin navigation's review-queue count)
//	dashboard, filtered, sorted by certified   39 ms
//	its counts (status tally, certified)        7 ms
//	one OPD page, as admin                     27 ms  (3 ms as its pimpinan, without that navigation)
//	CSV export of all 25,000 OPDs             103 ms
//
// Generating that data set takes about 35 seconds.
package compliance

import (
	"strings"
	"time"
)

// Status is an OPD's compliance status as stored in URLs, exports and the API.
type Status string

// The three statuses, best first.
const (
	Complies Status = "memenuhi"
	Partial  Status = "sebagian"
	NotYet   Status = "belum"
)

// Statuses lists the statuses in display order (best first).
var Statuses = []Status{Complies, Partial, NotYet}

// Label is the status as the interface names it.
func (s Status) Label() string {
	switch s {
	case Complies:
		return "Memenuhi"
	case Partial:
		return "Sebagian"
	case NotYet:
		return "Belum"
	}
	return string(s)
}

// Valid reports whether s is one of the three statuses.
func (s Status) Valid() bool { return s == Complies || s == Partial || s == NotYet }

// Rank orders statuses from worst (0, Belum) to best (2, Memenuhi), so a
// table sorted by status shows the OPDs that need attention first.
func (s Status) Rank() int {
	switch s {
	case Complies:
		return 2
	case Partial:
		return 1
	}
	return 0
}

// ParseStatus reads a status as written in a URL or the API ("memenuhi",
// "sebagian", "belum"; case and surrounding spaces ignored).
func ParseStatus(v string) (Status, bool) {
	s := Status(strings.ToLower(strings.TrimSpace(v)))
	return s, s.Valid()
}

// The reasons an OPD does not comply, one per unmet condition.
const (
	ReasonNoAccount   = "belum ada akun resmi"
	ReasonNoAdmin     = "belum ada admin yang ditunjuk"
	ReasonNoCertified = "belum ada admin bersertifikat"
)

// Counts are the facts the rule looks at.
type Counts struct {
	// Accounts is the number of official social-media accounts (removed ones excluded).
	Accounts int
	// DesignatedAdmins is the number of active trainees designated as the OPD's admins.
	DesignatedAdmins int
	// CertifiedAdmins is the number of designated admins holding a valid certificate now.
	CertifiedAdmins int
}

// Result is an OPD's status with the reasons it is not Memenuhi (empty when it is).
type Result struct {
	Status  Status
	Reasons []string
}

// Evaluate applies the rule of DESIGN.md §10 to counts.
func Evaluate(c Counts) Result {
	var reasons []string
	if c.Accounts < 1 {
		reasons = append(reasons, ReasonNoAccount)
	}
	if c.DesignatedAdmins < 1 {
		reasons = append(reasons, ReasonNoAdmin)
	}
	if c.CertifiedAdmins < 1 {
		reasons = append(reasons, ReasonNoCertified)
	}
	switch len(reasons) {
	case 0:
		return Result{Status: Complies}
	case 3:
		return Result{Status: NotYet, Reasons: reasons}
	}
	return Result{Status: Partial, Reasons: reasons}
}

// ExpiryWarning is how long before its end a certificate is reported as
// expiring: the same 60 days the trainee's Beranda reminds them.
const ExpiryWarning = 60 * 24 * time.Hour

// CertificateValid reports whether a certificate counts at now: not revoked
// and not yet at its valid-until moment.
func CertificateValid(validUntil time.Time, revokedAt *time.Time, now time.Time) bool {
	return revokedAt == nil && now.Before(validUntil)
}

// ExpiresSoon reports whether a valid certificate ends within ExpiryWarning of now.
func ExpiresSoon(validUntil time.Time, revokedAt *time.Time, now time.Time) bool {
	return CertificateValid(validUntil, revokedAt, now) && !validUntil.After(now.Add(ExpiryWarning))
}

// CertificateStatus is a certificate's state as the interface names it.
type CertificateStatus string

// Certificate states (DESIGN.md §11 words).
const (
	CertValid   CertificateStatus = "berlaku"
	CertExpired CertificateStatus = "kedaluwarsa"
	CertRevoked CertificateStatus = "dicabut"
)

// CertificateState says whether a certificate is valid, expired or revoked at now.
// Revoked wins over expired: a revoked certificate stays revoked.
func CertificateState(validUntil time.Time, revokedAt *time.Time, now time.Time) CertificateStatus {
	switch {
	case revokedAt != nil:
		return CertRevoked
	case !now.Before(validUntil):
		return CertExpired
	}
	return CertValid
}

// Label is the certificate state as the interface names it.
func (s CertificateStatus) Label() string {
	switch s {
	case CertValid:
		return "Berlaku"
	case CertExpired:
		return "Kedaluwarsa"
	case CertRevoked:
		return "Dicabut"
	}
	return string(s)
}
