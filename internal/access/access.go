// Package access holds every per-object access rule: who may see or act on
// one submission, certificate, cohort, live session, OPD or account. Each rule
// is a function of the user and the facts of the object. Facts that need the
// database (does this facilitator facilitate that cohort?) are looked up by the
// caller and passed in as values, so the rules stay pure and testable in a
// table. The route table (internal/web) decides which roles reach a page at
// all; these rules decide which objects they reach there.
//
// A refused object is answered exactly like a missing one (404), so ids cannot
// be probed; callers return domain.ErrNotFound when a rule says no.
//
// Every rule requires the object to be in the user's region: no role reaches
// across regions.
package access

import "github.com/bimtek/bimtek/internal/domain"

// Submission is what the rules need to know of a practice submission.
type Submission struct {
	OwnerID  int64 // the trainee who writes it
	RegionID int64 // the region of its cohort
	// Facilitated: the user facilitates the submission's cohort.
	Facilitated bool
}

// Certificate is what the rules need to know of a certificate.
type Certificate struct {
	OwnerID  int64  // the holder
	OPDID    *int64 // the holder's OPD, if any
	RegionID int64
	// Facilitated: the user facilitates the cohort the certificate was earned in.
	Facilitated bool
}

// Cohort is what the rules need to know of a cohort (angkatan); a live
// session is reached through its cohort.
type Cohort struct {
	RegionID int64
	// Facilitated: the user is one of the cohort's facilitators.
	Facilitated bool
}

// OPD is what the rules need to know of an OPD.
type OPD struct {
	ID, RegionID int64
}

// Account is what the rules need to know of a user account another user acts on.
type Account struct {
	RegionID int64
}

func inRegion(u *domain.User, regionID int64) bool {
	return u != nil && u.RegionID == regionID
}

func adminOf(u *domain.User, regionID int64) bool {
	return inRegion(u, regionID) && u.Role == domain.RoleAdmin
}

// CanSeeSubmission: its trainee, a facilitator of its cohort, or an admin of its region.
func CanSeeSubmission(u *domain.User, s Submission) bool {
	if !inRegion(u, s.RegionID) {
		return false
	}
	switch u.Role {
	case domain.RolePeserta:
		return s.OwnerID == u.ID
	case domain.RoleFasilitator:
		return s.Facilitated
	case domain.RoleAdmin:
		return true
	}
	return false
}

// CanReviewSubmission (grade, comment, decide): a facilitator of its cohort or an admin of its region.
func CanReviewSubmission(u *domain.User, s Submission) bool {
	if !inRegion(u, s.RegionID) {
		return false
	}
	switch u.Role {
	case domain.RoleFasilitator:
		return s.Facilitated
	case domain.RoleAdmin:
		return true
	}
	return false
}

// CanSeeCertificate: its holder, the pimpinan of the holder's OPD, a
// facilitator of the cohort it was earned in, or an admin of its region.
func CanSeeCertificate(u *domain.User, c Certificate) bool {
	if !inRegion(u, c.RegionID) {
		return false
	}
	switch u.Role {
	case domain.RolePeserta:
		return c.OwnerID == u.ID
	case domain.RolePimpinanOPD:
		return u.OPDID != nil && c.OPDID != nil && *u.OPDID == *c.OPDID
	case domain.RoleFasilitator:
		return c.Facilitated
	case domain.RoleAdmin:
		return true
	}
	return false
}

// CanRevokeCertificate: an admin of its region.
func CanRevokeCertificate(u *domain.User, c Certificate) bool {
	return adminOf(u, c.RegionID)
}

// CanSeeCohort: a facilitator of the cohort or an admin of its region. Its
// live sessions and their attendance follow the same rule.
func CanSeeCohort(u *domain.User, c Cohort) bool {
	if !inRegion(u, c.RegionID) {
		return false
	}
	switch u.Role {
	case domain.RoleFasilitator:
		return c.Facilitated
	case domain.RoleAdmin:
		return true
	}
	return false
}

// CanManageCohort (enrol, assign facilitators, plan sessions): an admin of its region.
func CanManageCohort(u *domain.User, c Cohort) bool {
	return adminOf(u, c.RegionID)
}

// CanEditSession (change the topic, time, place or speaker of a coming live
// session): whoever may see its cohort — the region's admins and the
// cohort's facilitators, who run the sessions. Scheduling and cancelling
// stay with the admins (CanManageCohort).
func CanEditSession(u *domain.User, c Cohort) bool {
	return CanSeeCohort(u, c)
}

// CanRecordAttendance of a live session, given the session's cohort:
// whoever may see the cohort (its facilitators and the region's admins).
func CanRecordAttendance(u *domain.User, c Cohort) bool {
	return CanSeeCohort(u, c)
}

// CanSeeOPD (its page and its compliance, in the web UI and the API): an admin
// of its region, or the pimpinan of that OPD.
func CanSeeOPD(u *domain.User, o OPD) bool {
	sc, ok := ComplianceScope(u)
	return ok && sc.Includes(o)
}

// CanManageOPD (edit it, its official accounts and designated admins, enrol
// its trainees): an admin of its region.
func CanManageOPD(u *domain.User, o OPD) bool {
	return adminOf(u, o.RegionID)
}

// CanManageAccount (reset the password, deactivate): an admin of its region.
func CanManageAccount(u *domain.User, a Account) bool {
	return adminOf(u, a.RegionID)
}

// Scope is the OPDs whose compliance someone may read: every OPD of a region,
// or only one of them (OnlyOPD ≠ 0).
type Scope struct {
	RegionID, OnlyOPD int64
}

// ComplianceScope is a user's scope: an admin reads the whole region, a
// pimpinan OPD their own OPD; other roles read none (ok is false).
func ComplianceScope(u *domain.User) (sc Scope, ok bool) {
	switch {
	case u == nil:
		return Scope{}, false
	case u.Role == domain.RoleAdmin:
		return Scope{RegionID: u.RegionID}, true
	case u.Role == domain.RolePimpinanOPD && u.OPDID != nil:
		return Scope{RegionID: u.RegionID, OnlyOPD: *u.OPDID}, true
	}
	return Scope{}, false
}

// RegionScope is the scope of an API token: the whole region it was issued for.
func RegionScope(regionID int64) Scope { return Scope{RegionID: regionID} }

// Includes reports whether the OPD is within the scope.
func (sc Scope) Includes(o OPD) bool {
	return o.RegionID == sc.RegionID && (sc.OnlyOPD == 0 || o.ID == sc.OnlyOPD)
}

// CourseMode is how a user meets a course's pages.
type CourseMode int

// The course modes.
const (
	// NoCourse: the course is answered as missing.
	NoCourse CourseMode = iota
	// Learn: a trainee enrolled in the course; progress is recorded.
	Learn
	// Preview: staff read the course without progress.
	Preview
)

// CourseFor says how u meets a course, given whether u has an enrollment in it.
func CourseFor(u *domain.User, enrolled bool) CourseMode {
	if u == nil {
		return NoCourse
	}
	switch u.Role {
	case domain.RolePeserta:
		if enrolled {
			return Learn
		}
	case domain.RoleFasilitator, domain.RoleAdmin:
		return Preview
	}
	return NoCourse
}
