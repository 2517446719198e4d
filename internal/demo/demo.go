// Package demo seeds a realistic demo region: a regency with its agencies,
// trainees, facilitators, agency heads and administrators. Seeding is
// idempotent; the four demo logins get fresh passwords on every run.
package demo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// Region of the demo: a fictional regency (the same one the grading examples use).
const (
	RegionSlug = "kabupaten-sukamaju"
	RegionName = "Pemerintah Kabupaten Sukamaju"
	RegionCode = "SKM"
	mailDomain = "sukamajukab.go.id"
)

// Login is one demo account with its freshly generated password.
type Login struct {
	Role     domain.Role
	Email    string
	Password string
}

// noLogin marks accounts that exist for realism but cannot log in: their
// password is unknown to everyone, and skipping argon2 keeps seeding fast.
const noLogin = "!demo-tanpa-login"

type opdSeed struct {
	name, short, kind string
}

// opds follows the usual set of agencies of an Indonesian regency.
var opds = []opdSeed{
	{"Sekretariat Daerah", "Setda", "sekretariat"},
	{"Sekretariat Daerah – Bagian Protokol dan Komunikasi Pimpinan", "Prokopim", "bagian"},
	{"Sekretariat Daerah – Bagian Organisasi", "Bag. Organisasi", "bagian"},
	{"Sekretariat Daerah – Bagian Hukum", "Bag. Hukum", "bagian"},
	{"Sekretariat DPRD", "Setwan", "sekretariat"},
	{"Inspektorat Daerah", "Inspektorat", "inspektorat"},
	{"Dinas Pendidikan dan Kebudayaan", "Dindikbud", "dinas"},
	{"Dinas Kesehatan", "Dinkes", "dinas"},
	{"Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "dinas"},
	{"Dinas Perumahan dan Kawasan Permukiman", "Disperkim", "dinas"},
	{"Dinas Sosial", "Dinsos", "dinas"},
	{"Dinas Tenaga Kerja dan Transmigrasi", "Disnakertrans", "dinas"},
	{"Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "dinas"},
	{"Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", "dinas"},
	{"Dinas Perhubungan", "Dishub", "dinas"},
	{"Dinas Komunikasi dan Informatika", "Diskominfo", "dinas"},
	{"Dinas Koperasi dan Usaha Kecil Menengah", "Dinkop UKM", "dinas"},
	{"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "dinas"},
	{"Dinas Pemuda, Olahraga, dan Pariwisata", "Disporapar", "dinas"},
	{"Dinas Pertanian", "Distan", "dinas"},
	{"Dinas Perikanan", "Diskan", "dinas"},
	{"Dinas Lingkungan Hidup", "DLH", "dinas"},
	{"Dinas Perindustrian dan Perdagangan", "Disperindag", "dinas"},
	{"Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan, dan Perlindungan Anak", "DP2KBP3A", "dinas"},
	{"Dinas Perpustakaan dan Kearsipan", "Dispusip", "dinas"},
	{"Badan Perencanaan Pembangunan Daerah", "Bappeda", "badan"},
	{"Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "badan"},
	{"Badan Pendapatan Daerah", "Bapenda", "badan"},
	{"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "badan"},
	{"Badan Penanggulangan Bencana Daerah", "BPBD", "badan"},
	{"Badan Kesatuan Bangsa dan Politik", "Kesbangpol", "badan"},
	{"Satuan Polisi Pamong Praja", "Satpol PP", "satuan"},
	{"Rumah Sakit Umum Daerah Sukamaju", "RSUD Sukamaju", "rsud"},
	{"Kecamatan Cikadu", "Kec. Cikadu", "kecamatan"},
	{"Kecamatan Cibeureum", "Kec. Cibeureum", "kecamatan"},
	{"Kecamatan Mekarsari", "Kec. Mekarsari", "kecamatan"},
	{"Kecamatan Sukamaju Kota", "Kec. Sukamaju Kota", "kecamatan"},
}

var givenNames = []string{"Ahmad", "Siti", "Budi", "Dewi", "Rudi", "Nurul", "Eko", "Fitri", "Hendra", "Indah",
	"Joko", "Kartika", "Lukman", "Maya", "Nanang", "Oktaviani", "Putra", "Ratna", "Slamet", "Tuti",
	"Ujang", "Vina", "Wahyu", "Yanti", "Zaenal", "Asep", "Euis", "Iwan", "Lilis", "Dadan", "Neneng", "Cecep"}
var familyNames = []string{"Hidayat", "Rahmawati", "Santoso", "Lestari", "Permana", "Kurniawan", "Suryani",
	"Nugraha", "Wulandari", "Saputra", "Maulana", "Handayani", "Firmansyah", "Anggraini", "Setiawan", "Sopian", "Rohmah"}

// personName gives a deterministic, varied Indonesian name for the i-th person.
func personName(i int) string {
	return givenNames[i%len(givenNames)] + " " + familyNames[(i*7+3)%len(familyNames)]
}

func emailFor(name, opdShort string, i int) string {
	local := strings.ToLower(strings.ReplaceAll(name, " ", "."))
	unit := strings.ToLower(strings.NewReplacer(" ", "", ".", "", "–", "").Replace(opdShort))
	return fmt.Sprintf("%s%d@%s.%s", local, i, unit, mailDomain)
}

// CourseID is the certification course the demo cohort takes.
const CourseID = "admin-medsos-opd"

// Seed fills the database with the demo region and returns the four demo
// logins and one demo certificate per status (valid, expired, revoked). now
// places the demo cohorts, sessions and certificates around the present.
func Seed(ctx context.Context, db *store.DB, cat *course.Catalog, now time.Time) ([]Login, []Certificate, error) {
	region, err := db.EnsureRegion(ctx, RegionSlug, RegionName, RegionCode)
	if err != nil {
		return nil, nil, err
	}
	byShort := map[string]domain.OPD{}
	for _, o := range opds {
		row, err := db.EnsureOPD(ctx, region.ID, o.name, o.short, o.kind)
		if err != nil {
			return nil, nil, err
		}
		byShort[o.short] = row
	}
	ensure := func(nu domain.NewUser) error {
		_, err := db.UserByEmail(ctx, nu.Email)
		if err == nil {
			return nil
		}
		if !errors.Is(err, domain.ErrNotFound) {
			return err
		}
		_, err = db.CreateUser(ctx, nil, nu)
		return err
	}
	// Every OPD gets staff; most have a designated social-media admin, a few
	// do not yet, so the compliance views have something to show.
	n := 0
	for i, o := range opds {
		opd := byShort[o.short]
		staff := 2
		if o.kind == "dinas" || o.kind == "badan" {
			staff = 3
		}
		for j := 0; j < staff; j++ {
			n++
			name := personName(n)
			designated := j == 0 && i%6 != 5
			id := opd.ID
			if err := ensure(domain.NewUser{RegionID: region.ID, OPDID: &id, Email: emailFor(name, o.short, n), Name: name,
				Role: domain.RolePeserta, IsDesignatedAdmin: designated, PasswordHash: noLogin}); err != nil {
				return nil, nil, fmt.Errorf("demo peserta: %w", err)
			}
		}
		if i%3 == 0 {
			n++
			name := personName(n)
			id := opd.ID
			if err := ensure(domain.NewUser{RegionID: region.ID, OPDID: &id, Email: emailFor(name, o.short, n), Name: name,
				Role: domain.RolePimpinanOPD, PasswordHash: noLogin}); err != nil {
				return nil, nil, fmt.Errorf("demo pimpinan: %w", err)
			}
		}
	}
	kominfo, dinkes := byShort["Diskominfo"].ID, byShort["Dinkes"].ID
	prokopim := byShort["Prokopim"].ID
	for k, name := range []string{"Yusuf Maulana", "Ratih Kusumawati"} {
		if err := ensure(domain.NewUser{RegionID: region.ID, OPDID: &prokopim, Email: fmt.Sprintf("fasilitator%d@%s", k+2, mailDomain),
			Name: name, Role: domain.RoleFasilitator, PasswordHash: noLogin}); err != nil {
			return nil, nil, fmt.Errorf("demo fasilitator: %w", err)
		}
	}
	logins := []struct {
		role       domain.Role
		email      string
		name       string
		opd        *int64
		designated bool
	}{
		{domain.RolePeserta, "peserta@" + mailDomain, "Rina Marlina", &kominfo, true},
		{domain.RoleFasilitator, "fasilitator@" + mailDomain, "Dedi Supriadi", &prokopim, false},
		{domain.RolePimpinanOPD, "pimpinan@" + mailDomain, "dr. Hj. Nur Aisyah", &dinkes, false},
		{domain.RoleAdmin, "admin@" + mailDomain, "Agus Setiawan", &kominfo, false},
	}
	out := make([]Login, 0, len(logins))
	for _, l := range logins {
		pw := auth.GeneratePassword()
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return nil, nil, err
		}
		u, err := db.UserByEmail(ctx, l.email)
		switch {
		case errors.Is(err, domain.ErrNotFound):
			_, err = db.CreateUser(ctx, nil, domain.NewUser{RegionID: region.ID, OPDID: l.opd, Email: l.email, Name: l.name,
				Role: l.role, IsDesignatedAdmin: l.designated, PasswordHash: hash})
		case err == nil:
			err = db.SetPassword(ctx, nil, u.ID, hash)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("akun demo %s: %w", l.role, err)
		}
		out = append(out, Login{Role: l.role, Email: l.email, Password: pw})
	}
	if err := seedCohort(ctx, db, region, now); err != nil {
		return nil, nil, fmt.Errorf("angkatan demo: %w", err)
	}
	if err := seedSubmissions(ctx, db, cat, region); err != nil {
		return nil, nil, fmt.Errorf("rilis demo: %w", err)
	}
	certs, err := seedCertificates(ctx, db, region, now)
	if err != nil {
		return nil, nil, fmt.Errorf("sertifikat demo: %w", err)
	}
	if err := seedAccounts(ctx, db, region); err != nil {
		return nil, nil, fmt.Errorf("akun resmi demo: %w", err)
	}
	return out, certs, nil
}

// seedCohort opens a running cohort of the certification course with the demo
// trainee and every designated admin enrolled, facilitated by the demo
// facilitator, with two past live sessions (attendance taken) and one to come.
func seedCohort(ctx context.Context, db *store.DB, region domain.Region, now time.Time) error {
	const name = "Angkatan I 2026"
	if _, err := db.CohortByName(ctx, region.ID, name); err == nil {
		return nil
	} else if !errors.Is(err, domain.ErrNotFound) {
		return err
	}
	courses, err := db.ActiveCourses(ctx)
	if err != nil {
		return err
	}
	found := false
	for _, c := range courses {
		found = found || c.ID == CourseID
	}
	if !found {
		return nil // no course content loaded: nothing to enrol in
	}
	fac, err := db.UserByEmail(ctx, "fasilitator@"+mailDomain)
	if err != nil {
		return err
	}
	fac2, err := db.UserByEmail(ctx, "fasilitator2@"+mailDomain)
	if err != nil {
		return err
	}
	wib := time.FixedZone("WIB", 7*3600)
	today := now.In(wib)
	cohort, err := db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: region.ID, CourseID: CourseID, Name: name,
		StartsOn: today.AddDate(0, 0, -14), EndsOn: today.AddDate(0, 0, 60), FacilitatorIDs: []int64{fac.ID, fac2.ID}})
	if err != nil {
		return err
	}
	trainees, err := db.DesignatedAdmins(ctx, region.ID)
	if err != nil {
		return err
	}
	if _, err := db.Enroll(ctx, nil, cohort.ID, trainees); err != nil {
		return err
	}
	at := func(daysFromNow, hour int) time.Time {
		d := today.AddDate(0, 0, daysFromNow)
		return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, wib)
	}
	sessions := []domain.LiveSession{
		{Topic: "Pembukaan bimtek: kewajiban informasi publik dan akun resmi OPD", StartsAt: at(-13, 9), EndsAt: at(-13, 12),
			Place: "Aula Setda Kabupaten Sukamaju", Speaker: "Kepala Dinas Komunikasi dan Informatika"},
		{Topic: "Praktik menulis rilis: nilai berita dan 5W1H", StartsAt: at(-6, 9), EndsAt: at(-6, 15),
			Place: "Ruang Rapat Diskominfo Sukamaju", Speaker: "Kepala Bagian Protokol dan Komunikasi Pimpinan"},
		{Topic: "Komunikasi krisis dan cek fakta", StartsAt: at(7, 9), EndsAt: at(7, 12),
			Place: "Aula Setda Kabupaten Sukamaju", Speaker: "Jurnalis senior mitra Diskominfo"},
	}
	for i, ls := range sessions {
		ls.CohortID = cohort.ID
		created, err := db.CreateLiveSession(ctx, nil, ls)
		if err != nil {
			return err
		}
		if i == 2 {
			continue
		}
		marks := map[int64]string{}
		for j, uid := range trainees {
			switch {
			case j%9 == 4:
				marks[uid] = domain.AttendExcused
			case j%11 == 7:
				marks[uid] = domain.AttendAbsent
			default:
				marks[uid] = domain.AttendPresent
			}
		}
		if err := db.MarkAttendance(ctx, fac.ID, created.ID, marks, now); err != nil {
			return err
		}
	}
	return nil
}
