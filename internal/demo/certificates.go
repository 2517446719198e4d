package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// Certificate is one demo certificate worth trying on the verification page.
type Certificate struct {
	Code   string
	Status certify.Status // berlaku, kedaluwarsa or dicabut
	Number string
	Holder string
}

// Earlier cohorts of the certification course whose graduates hold the demo's
// certificates: the pilot's have run out (24 months), the regular one's are valid.
const (
	pilotCohort   = "Angkatan Percontohan"
	regularCohort = "Angkatan Reguler"
)

// How the designated admins are split: the first pilotHolders finished the
// pilot (expired, the last of them renewing soon), the next regularHolders
// the regular cohort (valid, one revoked); the rest have no certificate yet,
// so every compliance status has OPDs to show.
const (
	pilotHolders   = 5
	regularHolders = 14
)

// revokeReason is why the demo's revoked certificate was revoked.
const revokeReason = "Rilis latihan yang disetujui ternyata menyalin siaran pers OPD lain; peserta diminta mengikuti angkatan berikutnya."

// seedCertificates gives the designated admins (never the demo trainee, who
// is mid-course) certificates from two earlier cohorts, placed in the past
// with store.SeedCertificate, and returns one certificate per status:
// berlaku, kedaluwarsa, dicabut. Running it again adds nothing.
func seedCertificates(ctx context.Context, db *store.DB, region domain.Region, now time.Time) ([]Certificate, error) {
	courses, err := db.ActiveCourses(ctx)
	if err != nil {
		return nil, err
	}
	found := false
	for _, c := range courses {
		found = found || (c.ID == CourseID && c.ValidityMonths > 0)
	}
	if !found {
		return nil, nil // no course content loaded: nothing to certify
	}
	trainee, err := db.UserByEmail(ctx, "peserta@"+mailDomain)
	if err != nil {
		return nil, err
	}
	fac, err := db.UserByEmail(ctx, "fasilitator@"+mailDomain)
	if err != nil {
		return nil, err
	}
	admin, err := db.UserByEmail(ctx, "admin@"+mailDomain)
	if err != nil {
		return nil, err
	}
	all, err := db.DesignatedAdmins(ctx, region.ID)
	if err != nil {
		return nil, err
	}
	var holders []int64
	for _, id := range all {
		if id != trainee.ID {
			holders = append(holders, id)
		}
	}
	if len(holders) < pilotHolders+regularHolders {
		return nil, fmt.Errorf("hanya %d admin medsos untuk sertifikat demo", len(holders))
	}
	wib := certify.WIB
	at := func(months, days int) time.Time {
		d := now.In(wib).AddDate(0, months, days)
		return time.Date(d.Year(), d.Month(), d.Day(), 10, 0, 0, 0, wib)
	}
	pilot, err := pastCohort(ctx, db, region, pilotCohort, at(-28, 0), at(-27, 0), fac.ID, holders[:pilotHolders])
	if err != nil {
		return nil, err
	}
	regular, err := pastCohort(ctx, db, region, regularCohort, at(-11, 0), at(-10, 0), fac.ID, holders[pilotHolders:pilotHolders+regularHolders])
	if err != nil {
		return nil, err
	}
	var out []Certificate
	var valid, expired, revoked *domain.CertificateView
	// Oldest first, so the numbers of each year follow the issue dates.
	for i, uid := range holders[:pilotHolders] {
		issued := at(-26, i)
		if i == pilotHolders-1 {
			issued = at(-24, 30) // runs out in about a month: the Beranda and the dashboard warn
		}
		v, err := db.SeedCertificate(ctx, store.SeedCertificateInput{EnrollmentID: pilot[uid], IssuedAt: issued})
		if err != nil {
			return nil, err
		}
		if expired == nil && v.StatusAt(now) == certify.Expired {
			expired = &v
		}
	}
	for i, uid := range holders[pilotHolders : pilotHolders+regularHolders] {
		in := store.SeedCertificateInput{EnrollmentID: regular[uid], IssuedAt: at(-10, i)}
		if i == 0 {
			when := at(-2, 0)
			in.RevokedAt, in.RevokedBy, in.Reason = &when, &admin.ID, revokeReason
		}
		v, err := db.SeedCertificate(ctx, in)
		if err != nil {
			return nil, err
		}
		switch v.StatusAt(now) {
		case certify.Revoked:
			if revoked == nil {
				revoked = &v
			}
		case certify.Valid:
			if valid == nil {
				valid = &v
			}
		}
	}
	for _, v := range []*domain.CertificateView{valid, expired, revoked} {
		if v == nil {
			return nil, errors.New("sertifikat demo tidak mencakup ketiga status")
		}
		out = append(out, Certificate{Code: v.Code, Status: v.StatusAt(now), Number: v.Number, Holder: v.HolderName})
	}
	return out, nil
}

// pastCohort opens (once) a finished cohort of the certification course with
// the given trainees and returns their enrollment ids by user id.
func pastCohort(ctx context.Context, db *store.DB, region domain.Region, name string, from, to time.Time, facilitator int64, trainees []int64) (map[int64]int64, error) {
	co, err := db.CohortByName(ctx, region.ID, name)
	if errors.Is(err, domain.ErrNotFound) {
		co, err = db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: region.ID, CourseID: CourseID, Name: name,
			StartsOn: from, EndsOn: to, FacilitatorIDs: []int64{facilitator}})
	}
	if err != nil {
		return nil, fmt.Errorf("angkatan %s: %w", name, err)
	}
	if _, err := db.Enroll(ctx, nil, co.ID, trainees); err != nil {
		return nil, fmt.Errorf("angkatan %s: %w", name, err)
	}
	members, err := db.CohortMembers(ctx, co.ID, len(trainees)+10)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]int64, len(members))
	for _, m := range members {
		out[m.UserID] = m.EnrollmentID
	}
	for _, uid := range trainees {
		if _, ok := out[uid]; !ok {
			return nil, fmt.Errorf("angkatan %s: peserta #%d tidak terdaftar", name, uid)
		}
	}
	return out, nil
}
