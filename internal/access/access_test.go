package access

import (
	"slices"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
)

const (
	region      = int64(1)
	otherRegion = int64(2)
	opd         = int64(10)
	otherOPD    = int64(11)
	someoneElse = int64(99)
)

func ptr(v int64) *int64 { return &v }

// users has one user per role, all of region 1 and OPD 10, like the
// accounts of one regency.
func users() map[domain.Role]*domain.User {
	out := map[domain.Role]*domain.User{}
	for i, r := range domain.Roles {
		out[r] = &domain.User{ID: int64(i + 1), RegionID: region, OPDID: ptr(opd), Role: r}
	}
	return out
}

// TestRules walks every rule for every role against every relation the user
// can have to the object; allowed lists the roles that may, all others may
// not, and nobody who is not logged in may.
func TestRules(t *testing.T) {
	const (
		P = domain.RolePeserta
		F = domain.RoleFasilitator
		O = domain.RolePimpinanOPD
		A = domain.RoleAdmin
	)
	cases := []struct {
		object, relation string
		allowed          []domain.Role
		rule             func(u *domain.User) bool
	}{
		// Submissions: see.
		{"see submission", "own", []domain.Role{P, A}, func(u *domain.User) bool {
			return CanSeeSubmission(u, Submission{OwnerID: u.ID, RegionID: region})
		}},
		{"see submission", "other trainee's, cohort not facilitated", []domain.Role{A}, func(u *domain.User) bool {
			return CanSeeSubmission(u, Submission{OwnerID: someoneElse, RegionID: region})
		}},
		{"see submission", "other trainee's, facilitated cohort", []domain.Role{F, A}, func(u *domain.User) bool {
			return CanSeeSubmission(u, Submission{OwnerID: someoneElse, RegionID: region, Facilitated: true})
		}},
		{"see submission", "other region, even own and facilitated", nil, func(u *domain.User) bool {
			return CanSeeSubmission(u, Submission{OwnerID: u.ID, RegionID: otherRegion, Facilitated: true})
		}},
		// Submissions: review.
		{"review submission", "own", []domain.Role{A}, func(u *domain.User) bool {
			return CanReviewSubmission(u, Submission{OwnerID: u.ID, RegionID: region})
		}},
		{"review submission", "other cohort", []domain.Role{A}, func(u *domain.User) bool {
			return CanReviewSubmission(u, Submission{OwnerID: someoneElse, RegionID: region})
		}},
		{"review submission", "facilitated cohort", []domain.Role{F, A}, func(u *domain.User) bool {
			return CanReviewSubmission(u, Submission{OwnerID: someoneElse, RegionID: region, Facilitated: true})
		}},
		{"review submission", "other region, facilitated", nil, func(u *domain.User) bool {
			return CanReviewSubmission(u, Submission{OwnerID: someoneElse, RegionID: otherRegion, Facilitated: true})
		}},
		// Certificates.
		{"see certificate", "own, same OPD", []domain.Role{P, O, A}, func(u *domain.User) bool {
			return CanSeeCertificate(u, Certificate{OwnerID: u.ID, OPDID: ptr(opd), RegionID: region})
		}},
		{"see certificate", "other holder, same OPD", []domain.Role{O, A}, func(u *domain.User) bool {
			return CanSeeCertificate(u, Certificate{OwnerID: someoneElse, OPDID: ptr(opd), RegionID: region})
		}},
		{"see certificate", "other holder, other OPD", []domain.Role{A}, func(u *domain.User) bool {
			return CanSeeCertificate(u, Certificate{OwnerID: someoneElse, OPDID: ptr(otherOPD), RegionID: region})
		}},
		{"see certificate", "holder without OPD", []domain.Role{A}, func(u *domain.User) bool {
			return CanSeeCertificate(u, Certificate{OwnerID: someoneElse, RegionID: region})
		}},
		{"see certificate", "other OPD, facilitated cohort", []domain.Role{F, A}, func(u *domain.User) bool {
			return CanSeeCertificate(u, Certificate{OwnerID: someoneElse, OPDID: ptr(otherOPD), RegionID: region, Facilitated: true})
		}},
		{"see certificate", "other region, own, same OPD id, facilitated", nil, func(u *domain.User) bool {
			return CanSeeCertificate(u, Certificate{OwnerID: u.ID, OPDID: ptr(opd), RegionID: otherRegion, Facilitated: true})
		}},
		{"revoke certificate", "own, same OPD, facilitated", []domain.Role{A}, func(u *domain.User) bool {
			return CanRevokeCertificate(u, Certificate{OwnerID: u.ID, OPDID: ptr(opd), RegionID: region, Facilitated: true})
		}},
		{"revoke certificate", "other region", nil, func(u *domain.User) bool {
			return CanRevokeCertificate(u, Certificate{OwnerID: someoneElse, RegionID: otherRegion})
		}},
		// Cohorts and, through them, live sessions.
		{"see cohort", "facilitated", []domain.Role{F, A}, func(u *domain.User) bool {
			return CanSeeCohort(u, Cohort{RegionID: region, Facilitated: true})
		}},
		{"see cohort", "other cohort", []domain.Role{A}, func(u *domain.User) bool {
			return CanSeeCohort(u, Cohort{RegionID: region})
		}},
		{"see cohort", "other region, facilitated", nil, func(u *domain.User) bool {
			return CanSeeCohort(u, Cohort{RegionID: otherRegion, Facilitated: true})
		}},
		{"manage cohort", "facilitated", []domain.Role{A}, func(u *domain.User) bool {
			return CanManageCohort(u, Cohort{RegionID: region, Facilitated: true})
		}},
		{"manage cohort", "other region", nil, func(u *domain.User) bool {
			return CanManageCohort(u, Cohort{RegionID: otherRegion})
		}},
		{"record attendance", "session of a facilitated cohort", []domain.Role{F, A}, func(u *domain.User) bool {
			return CanRecordAttendance(u, Cohort{RegionID: region, Facilitated: true})
		}},
		{"record attendance", "session of another cohort", []domain.Role{A}, func(u *domain.User) bool {
			return CanRecordAttendance(u, Cohort{RegionID: region})
		}},
		{"record attendance", "session in another region, facilitated", nil, func(u *domain.User) bool {
			return CanRecordAttendance(u, Cohort{RegionID: otherRegion, Facilitated: true})
		}},
		// OPDs.
		{"see OPD", "own OPD", []domain.Role{O, A}, func(u *domain.User) bool {
			return CanSeeOPD(u, OPD{ID: opd, RegionID: region})
		}},
		{"see OPD", "other OPD", []domain.Role{A}, func(u *domain.User) bool {
			return CanSeeOPD(u, OPD{ID: otherOPD, RegionID: region})
		}},
		{"see OPD", "other region, same id", nil, func(u *domain.User) bool {
			return CanSeeOPD(u, OPD{ID: opd, RegionID: otherRegion})
		}},
		{"manage OPD", "own OPD", []domain.Role{A}, func(u *domain.User) bool {
			return CanManageOPD(u, OPD{ID: opd, RegionID: region})
		}},
		{"manage OPD", "other region", nil, func(u *domain.User) bool {
			return CanManageOPD(u, OPD{ID: otherOPD, RegionID: otherRegion})
		}},
		// Accounts.
		{"manage account", "same region", []domain.Role{A}, func(u *domain.User) bool {
			return CanManageAccount(u, Account{RegionID: region})
		}},
		{"manage account", "other region", nil, func(u *domain.User) bool {
			return CanManageAccount(u, Account{RegionID: otherRegion})
		}},
		// Courses: learn or preview.
		{"learn course", "enrolled", []domain.Role{P}, func(u *domain.User) bool { return CourseFor(u, true) == Learn }},
		{"learn course", "not enrolled", nil, func(u *domain.User) bool { return CourseFor(u, false) == Learn }},
		{"preview course", "not enrolled", []domain.Role{F, A}, func(u *domain.User) bool { return CourseFor(u, false) == Preview }},
		{"preview course", "enrolled", []domain.Role{F, A}, func(u *domain.User) bool { return CourseFor(u, true) == Preview }},
		{"reach course", "not enrolled", []domain.Role{F, A}, func(u *domain.User) bool { return CourseFor(u, false) != NoCourse }},
	}
	us := users()
	for _, tc := range cases {
		t.Run(tc.object+"/"+tc.relation, func(t *testing.T) {
			for _, r := range domain.Roles {
				if got, want := tc.rule(us[r]), slices.Contains(tc.allowed, r); got != want {
					t.Errorf("%s: %v, want %v", r, got, want)
				}
			}
		})
	}
}

// TestNobodyLoggedOut: every rule refuses a nil user (a request without a session).
func TestNobodyLoggedOut(t *testing.T) {
	rules := map[string]bool{
		"see submission":    CanSeeSubmission(nil, Submission{RegionID: region, Facilitated: true}),
		"review submission": CanReviewSubmission(nil, Submission{RegionID: region, Facilitated: true}),
		"see certificate":   CanSeeCertificate(nil, Certificate{RegionID: region, Facilitated: true}),
		"revoke":            CanRevokeCertificate(nil, Certificate{RegionID: region}),
		"see cohort":        CanSeeCohort(nil, Cohort{RegionID: region, Facilitated: true}),
		"manage cohort":     CanManageCohort(nil, Cohort{RegionID: region}),
		"attendance":        CanRecordAttendance(nil, Cohort{RegionID: region, Facilitated: true}),
		"see OPD":           CanSeeOPD(nil, OPD{ID: opd, RegionID: region}),
		"manage OPD":        CanManageOPD(nil, OPD{ID: opd, RegionID: region}),
		"manage account":    CanManageAccount(nil, Account{RegionID: region}),
		"course":            CourseFor(nil, true) != NoCourse,
	}
	for name, got := range rules {
		if got {
			t.Errorf("%s: allowed without a user", name)
		}
	}
}

// TestPimpinanWithoutOPD: a pimpinan whose account has no OPD reaches no OPD and no certificate.
func TestPimpinanWithoutOPD(t *testing.T) {
	u := &domain.User{ID: 5, RegionID: region, Role: domain.RolePimpinanOPD}
	if CanSeeOPD(u, OPD{ID: opd, RegionID: region}) {
		t.Error("OPD page allowed")
	}
	if CanSeeCertificate(u, Certificate{OwnerID: someoneElse, RegionID: region}) {
		t.Error("certificate of a holder without OPD allowed")
	}
	if _, ok := ComplianceScope(u); ok {
		t.Error("compliance scope granted")
	}
}

// TestScope: a token reads its whole region, a pimpinan only their OPD, nobody another region.
func TestScope(t *testing.T) {
	us := users()
	cases := []struct {
		name  string
		scope func() (Scope, bool)
		in    []OPD
		out   []OPD
	}{
		{"token", func() (Scope, bool) { return RegionScope(region), true },
			[]OPD{{opd, region}, {otherOPD, region}}, []OPD{{opd, otherRegion}}},
		{"admin", func() (Scope, bool) { return ComplianceScope(us[domain.RoleAdmin]) },
			[]OPD{{opd, region}, {otherOPD, region}}, []OPD{{opd, otherRegion}}},
		{"pimpinan", func() (Scope, bool) { return ComplianceScope(us[domain.RolePimpinanOPD]) },
			[]OPD{{opd, region}}, []OPD{{otherOPD, region}, {opd, otherRegion}}},
	}
	for _, tc := range cases {
		sc, ok := tc.scope()
		if !ok {
			t.Fatalf("%s: no scope", tc.name)
		}
		for _, o := range tc.in {
			if !sc.Includes(o) {
				t.Errorf("%s: %+v not included", tc.name, o)
			}
		}
		for _, o := range tc.out {
			if sc.Includes(o) {
				t.Errorf("%s: %+v included", tc.name, o)
			}
		}
	}
	for _, r := range []domain.Role{domain.RolePeserta, domain.RoleFasilitator} {
		if _, ok := ComplianceScope(us[r]); ok {
			t.Errorf("%s has a compliance scope", r)
		}
	}
}
