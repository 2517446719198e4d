package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// prgStep is one POST of the walk: the route it exercises, who sends it and
// a valid form built when the step runs (earlier steps make its objects).
type prgStep struct {
	route string
	as    *client
	path  func() string
	form  func() url.Values
	// after checks what the redirect's page shows, when it matters.
	after func(t *testing.T, p page)
	// upload sends the form as a file upload instead (multipart).
	upload string
}

// TestEveryPostRouteRedirects walks every POST route of the web UI with valid
// input, in an order that makes each step's objects: each answers 303 to a
// page that opens with 200, so a refresh after any action repeats nothing.
// A POST route added without a step here fails the test. Both engines.
func TestEveryPostRouteRedirects(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		f := rc.fixture
		ctx := context.Background()
		trainee := f.users[domain.RolePeserta]
		start := f.clock.now.Add(-26 * time.Hour)
		past, err := db.CreateLiveSession(ctx, nil, domain.LiveSession{CohortID: rc.cohort.ID, Topic: "Pembukaan bimtek",
			StartsAt: start, EndsAt: start.Add(2 * time.Hour), Place: "Aula"})
		if err != nil {
			t.Fatal(err)
		}
		coming, err := db.CreateLiveSession(ctx, nil, domain.LiveSession{CohortID: rc.cohort.ID, Topic: "Penutupan bimtek",
			StartsAt: f.clock.now.Add(48 * time.Hour), EndsAt: f.clock.now.Add(50 * time.Hour), Place: "Aula"})
		if err != nil {
			t.Fatal(err)
		}
		e, err := db.EnrollmentForCourse(ctx, trainee.ID, tcCourse)
		if err != nil {
			t.Fatal(err)
		}
		enrollmentID := e.ID
		admin, fac, learner := f.as(domain.RoleAdmin), f.as(domain.RoleFasilitator), f.as(domain.RolePeserta)
		_, changer := f.newUser(domain.RolePeserta, "ganti.sandi@sukamaju.test", "Ganti Sandi", &f.opd.ID)
		newcomer, _ := f.newUser(domain.RolePeserta, "baru@sukamaju.test", "Peserta Baru", &f.opd.ID)
		secondFac, _ := f.newUser(domain.RoleFasilitator, "fasil.dua@sukamaju.test", "Fasilitator Dua", nil)

		var subID, cohortID, opdID, accountID, tokenID, userID, importID int64
		num := regexp.MustCompile(`/(\d+)`)
		idIn := func(loc string, n int) int64 {
			m := num.FindAllStringSubmatch(loc, -1)
			var id int64
			if len(m) > n {
				fmt.Sscan(m[n][1], &id)
			}
			return id
		}
		at := func(s string) func() string { return func() string { return s } }
		vals := func(kv ...string) func() url.Values {
			return func() url.Values {
				v := url.Values{}
				for i := 0; i+1 < len(kv); i += 2 {
					v.Add(kv[i], kv[i+1])
				}
				return v
			}
		}
		decision := func(d string, extra ...string) func() url.Values {
			return func() url.Values {
				v := decisionValues(fac.get(fmt.Sprintf("/penilaian/%d", subID)))
				v.Set("decision", d)
				for i := 0; i+1 < len(extra); i += 2 {
					v.Set(extra[i], extra[i+1])
				}
				return v
			}
		}
		release := func() url.Values { return writeForm(learner.get(practiceURL), goodHeadline, goodBody) }
		day := rc.cohort.StartsOn.AddDate(0, 0, 2).Format("2006-01-02")
		subID = rc.sub.ID

		steps := []prgStep{
			{route: "/masuk", as: f.client(), path: at("/masuk"), form: vals("email", trainee.Email, "password", testPassword)},
			{route: "/penilaian/:id/komentar", as: fac, path: func() string { return fmt.Sprintf("/penilaian/%d/komentar", subID) },
				form: vals("field", "isi", "quote", "Mekarsari", "body", "Sebutkan alamat lengkapnya.")},
			{route: "/penilaian/:id/keputusan", as: fac, path: func() string { return fmt.Sprintf("/penilaian/%d/keputusan", subID) },
				form: decision("rejected", "umum", "Data tidak sesuai lembar fakta.", "yakin-tolak", "1")},
			{route: "/penilaian/:id/buka-kembali", as: fac, path: func() string { return fmt.Sprintf("/penilaian/%d/buka-kembali", subID) },
				form: func() url.Values {
					p := fac.get(fmt.Sprintf("/penilaian/%d", subID))
					return url.Values{"lock_version": {p.doc.Find("#buka-kembali input[name=lock_version]").AttrOr("value", "")},
						"alasan": {"Datanya ternyata sesuai."}, "yakin": {"1"}}
				}},
			{route: "/kursus/:course/materi/:item/kirim", as: learner, path: at(practiceURL + "/kirim"), form: release},
			{route: "/penilaian/:id/keputusan", as: fac, path: func() string { return fmt.Sprintf("/penilaian/%d/keputusan", subID) },
				form: decision("rejected", "umum", "Data tidak sesuai lembar fakta.", "yakin-tolak", "1")},
			{route: "/kursus/:course/materi/:item/mulai-lagi", as: learner, path: at(practiceURL + "/mulai-lagi"), form: vals()},
			{route: "/kursus/:course/materi/:item/draf", as: learner, path: at(practiceURL + "/draf"), form: release},
			{route: "/kursus/:course/materi/:item/periksa", as: learner, path: at(practiceURL + "/periksa"), form: release,
				after: func(t *testing.T, p page) {
					if p.doc.Find(".report").Length() != 1 {
						t.Error("the page after Periksa shows no report")
					}
				}},
			{route: "/kursus/:course/materi/:item/kirim", as: learner, path: at(practiceURL + "/kirim"), form: release},
			{route: "/penilaian/:id/keputusan", as: fac, path: func() string { return fmt.Sprintf("/penilaian/%d/keputusan", subID) },
				form: decision("approved")},
			{route: "/kursus/:course/materi/:item/selesai", as: learner, path: at(lessonURL + tcLesson1 + "/selesai"), form: vals()},
			{route: "/kursus/:course/materi/:item/kuis", as: learner, path: at(lessonURL + tcQuiz + "/kuis"),
				form: func() url.Values { return quizForm("UU Nomor 11 Tahun 2008", "false", "aktual") }},
			{route: "/fasilitator/sesi/:id/kehadiran", as: fac, path: at(fmt.Sprintf("/fasilitator/sesi/%d/kehadiran", past.ID)),
				form: vals(fmt.Sprintf("status-%d", trainee.ID), domain.AttendPresent)},
			{route: "/admin/angkatan", as: admin, path: at("/admin/angkatan"),
				form: vals("name", "Angkatan Walk", "course", tcCourse, "starts_on", day, "ends_on", rc.cohort.EndsOn.Format("2006-01-02"),
					"facilitators", fmt.Sprint(f.users[domain.RoleFasilitator].ID))},
			{route: "/admin/angkatan/:id/ubah", as: admin, path: func() string { return fmt.Sprintf("/admin/angkatan/%d/ubah", cohortID) },
				form: func() url.Values {
					return cohortEditValues(admin.get(fmt.Sprintf("/admin/angkatan/%d", cohortID)), map[string]string{"name": "Angkatan Walk I"})
				}},
			{route: "/admin/angkatan/:id/peserta", as: admin, path: func() string { return fmt.Sprintf("/admin/angkatan/%d/peserta", cohortID) },
				form: vals("cara", "email", "emails", newcomer.Email)},
			{route: "/admin/angkatan/:id/fasilitator", as: admin, path: func() string { return fmt.Sprintf("/admin/angkatan/%d/fasilitator", cohortID) },
				form: vals("fasilitator", fmt.Sprint(secondFac.ID))},
			{route: "/admin/angkatan/:id/fasilitator/:user/lepas", as: admin,
				path: func() string { return fmt.Sprintf("/admin/angkatan/%d/fasilitator/%d/lepas", cohortID, secondFac.ID) }, form: vals("yakin", "1")},
			{route: "/admin/angkatan/:id/sesi", as: admin, path: func() string { return fmt.Sprintf("/admin/angkatan/%d/sesi", cohortID) },
				form: vals("topik", "Praktik menulis", "tanggal", day, "mulai", "09:00", "selesai", "11:00", "tempat", "Aula")},
			{route: "/admin/angkatan/:id/peserta/:user/keluar", as: admin,
				path: func() string { return fmt.Sprintf("/admin/angkatan/%d/peserta/%d/keluar", cohortID, newcomer.ID) }, form: vals()},
			{route: "/fasilitator/sesi/:id/ubah", as: fac, path: at(fmt.Sprintf("/fasilitator/sesi/%d/ubah", coming.ID)),
				form: vals("topik", "Penutupan dan evaluasi bimtek", "tanggal", coming.StartsAt.In(WIB).Format("2006-01-02"), "mulai", "10:00", "selesai", "12:00",
					"tempat", "Aula Bappeda")},
			{route: "/admin/sesi/:id/batal", as: admin, path: at(fmt.Sprintf("/admin/sesi/%d/batal", coming.ID)),
				form: vals("alasan", "Narasumber berhalangan.", "yakin", "1")},
			{route: "/admin/opd", as: admin, path: at("/admin/opd"), form: vals("nama", "Dinas Pariwisata", "singkatan", "Dispar", "jenis", "dinas")},
			{route: "/admin/opd/:id", as: admin, path: func() string { return fmt.Sprintf("/admin/opd/%d", opdID) },
				form: vals("nama", "Dinas Pariwisata dan Kebudayaan", "singkatan", "Disparbud", "jenis", "dinas")},
			{route: "/admin/opd/:id/akun", as: admin, path: func() string { return fmt.Sprintf("/admin/opd/%d/akun", opdID) },
				form: vals("platform", "website", "url", "https://disparbud.sukamajukab.go.id", "handle", "disparbud")},
			{route: "/admin/opd/:id/akun/:akun/hapus", as: admin, path: func() string { return fmt.Sprintf("/admin/opd/%d/akun/%d/hapus", opdID, accountID) },
				form: vals()},
			{route: "/admin/opd/:id/admin/:user", as: admin, path: at(fmt.Sprintf("/admin/opd/%d/admin/%d", f.opd.ID, newcomer.ID)), form: vals("tunjuk", "ya")},
			{route: "/admin/token", as: admin, path: at("/admin/token"), form: vals("name", "Dasbor Bappeda")},
			{route: "/admin/token/:id/cabut", as: admin, path: func() string { return fmt.Sprintf("/admin/token/%d/cabut", tokenID) }, form: vals("yakin", "1")},
			{route: "/admin/pengguna", as: admin, path: at("/admin/pengguna"), form: vals("nama", "Rina Kartika", "email", "rina@sukamaju.test", "peran", "peserta")},
			{route: "/admin/pengguna/:id", as: admin, path: func() string { return fmt.Sprintf("/admin/pengguna/%d", userID) },
				form: func() url.Values {
					return editValues(admin.get(fmt.Sprintf("/admin/pengguna/%d", userID)), map[string]string{"nama": "Rina Kartika, S.I.Kom."})
				}},
			{route: "/admin/pengguna/impor", as: admin, path: at("/admin/pengguna/impor"), form: vals(),
				upload: "email,nama,peran,opd,admin_medsos\nimpor.satu@sukamaju.test,Impor Satu,peserta,,\n"},
			{route: "/admin/pengguna/impor/:id/mulai", as: admin, path: func() string { return fmt.Sprintf("/admin/pengguna/impor/%d/mulai", importID) }, form: vals()},
			{route: "/admin/pengguna/impor/:id/tersimpan", as: admin, path: func() string { return fmt.Sprintf("/admin/pengguna/impor/%d/tersimpan", importID) },
				form: func() url.Values {
					// The import runs on its own: wait for it, then download.
					job := fmt.Sprintf("/admin/pengguna/impor/%d", importID)
					for end := time.Now().Add(60 * time.Second); time.Now().Before(end) && admin.get(job).doc.Find("#impor-selesai").Length() == 0; {
						time.Sleep(50 * time.Millisecond)
					}
					if p := admin.get(job + "/sandi.csv"); p.status != http.StatusOK {
						t.Fatalf("first passwords: %d", p.status)
					}
					return url.Values{}
				},
				after: func(t *testing.T, p page) {
					if !strings.Contains(p.text("#sandi-dihapus"), "sudah dihapus") {
						t.Errorf("after “Sudah saya simpan”: %q", p.text("main"))
					}
				}},
			{route: "/admin/pengguna/:id/sandi", as: admin, path: func() string { return fmt.Sprintf("/admin/pengguna/%d/sandi", userID) }, form: vals("yakin", "1")},
			{route: "/admin/pengguna/:id/status", as: admin, path: func() string { return fmt.Sprintf("/admin/pengguna/%d/status", userID) }, form: vals("aktif", "tidak")},
			{route: "/admin/sertifikat/:id/cabut", as: admin, path: func() string {
				cert, err := db.CertificateOfEnrollment(ctx, enrollmentID)
				if err != nil {
					t.Fatalf("no certificate to revoke: %v", err)
				}
				return fmt.Sprintf("/admin/sertifikat/%d/cabut", cert.ID)
			}, form: vals("alasan", "Data peserta keliru.", "yakin", "1")},
			{route: "/admin/penanda-tangan", as: admin, path: at("/admin/penanda-tangan"),
				form: func() url.Values {
					return signerValues(t, db, f, url.Values{"nama": {"Bambang Sutrisno"}, "jabatan": {"Kepala Dinas Komunikasi dan Informatika"}})
				}},
			{route: "/akun/bahasa", as: changer, path: at("/akun/bahasa"), form: vals("bahasa", "id")},
			{route: "/akun/kata-sandi", as: changer, path: at("/akun/kata-sandi"),
				form: vals("current", testPassword, "new", "kata-sandi-baru-456", "confirm", "kata-sandi-baru-456")},
			{route: "/pemberitahuan/:id/dibaca", as: learner, path: func() string {
				ns, err := db.Notifications(ctx, trainee.ID, 1)
				if err != nil || len(ns) == 0 {
					t.Fatalf("the trainee has no notification to mark read: %v", err)
				}
				return fmt.Sprintf("/pemberitahuan/%d/dibaca", ns[0].ID)
			}, form: vals()},
			{route: "/pemberitahuan/dibaca", as: learner, path: at("/pemberitahuan/dibaca"), form: func() url.Values {
				ns, err := db.Notifications(ctx, trainee.ID, 1)
				if err != nil || len(ns) == 0 {
					t.Fatalf("the trainee has no notification: %v", err)
				}
				return url.Values{"sampai": {fmt.Sprint(ns[0].ID)}}
			}},
			{route: "/keluar", as: learner, path: at("/keluar"), form: vals()},
		}
		covered := map[string]bool{}
		posts := map[string]bool{}
		for _, r := range f.srv.routeTable() {
			if r.method == http.MethodPost {
				posts[r.path] = true
			}
		}
		for _, st := range steps {
			if !posts[st.route] {
				continue // a step for a route another branch adds
			}
			path := st.path()
			var p page
			if st.upload != "" {
				p = st.as.upload(path, "pengguna.csv", st.upload)
			} else {
				p = st.as.post(path, st.form())
			}
			loc := p.header.Get("Location")
			if p.status != http.StatusSeeOther || loc == "" {
				t.Fatalf("POST %s (%s): %d %q, want 303 to a page: %s", path, st.route, p.status, loc, squash(p, ".error-summary, .conflict, .field-error"))
			}
			covered[st.route] = true
			switch st.route {
			case "/kursus/:course/materi/:item/kirim":
				subID = idIn(loc, 0)
			case "/admin/angkatan":
				cohortID = idIn(loc, 0)
			case "/admin/opd":
				opdID = idIn(loc, 0)
			case "/admin/opd/:id/akun":
				acc, err := db.SocialAccounts(ctx, opdID)
				if err != nil || len(acc) != 1 {
					t.Fatalf("accounts of the new OPD: %v %d", err, len(acc))
				}
				accountID = acc[0].ID
			case "/admin/token":
				rows, _, err := db.ListAPITokens(ctx, f.users[domain.RoleAdmin].RegionID, 1, 0)
				if err != nil || len(rows) != 1 {
					t.Fatalf("the new token: %v", err)
				}
				tokenID = rows[0].ID
			case "/admin/pengguna":
				userID = idIn(loc, 0)
			case "/admin/pengguna/impor":
				importID = idIn(loc, 0)
			case "/fasilitator/sesi/:id/kehadiran":
				// The quiz above may have failed; pass it so the certificate is issued.
				co := f.srv.cfg.Catalog.Course(tcCourse)
				if err := db.SetItemState(ctx, enrollmentID, tcCourse, tcLesson2, co.Item(tcLesson2).Hash, domain.StateDone); err != nil {
					t.Fatal(err)
				}
				if _, err := db.RecordQuizAttempt(ctx, domain.QuizAttempt{EnrollmentID: enrollmentID, CourseID: tcCourse, ItemID: tcQuiz,
					ContentHash: co.Item(tcQuiz).Hash, Correct: 3, Total: 3, Score: 100, PassScore: 100, Passed: true}, map[string][]string{}, 0); err != nil {
					t.Fatal(err)
				}
			}
			if strings.HasPrefix(loc, "/") {
				u, _ := url.Parse(loc)
				if g := st.as.get(u.RequestURI()); g.status != http.StatusOK {
					t.Errorf("GET %s after POST %s: %d", loc, path, g.status)
				} else if st.after != nil {
					st.after(t, g)
				}
			}
		}
		for _, r := range f.srv.routeTable() {
			if r.method == http.MethodPost && !covered[r.path] {
				t.Errorf("POST %s has no step in this walk: add one showing it answers with a redirect", r.path)
			}
		}
	})
}

// TestPreviewPostsStoreNothing: the only POST answered with a page rather
// than a redirect is the facilitator's "Hitung nilai akhir" preview, which
// stores nothing, so a refresh repeats no action.
func TestPreviewPostsStoreNothing(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		fac := rc.as(domain.RoleFasilitator)
		fac.get(rc.url("")) // opening the review puts it in review
		before, err := db.Submission(context.Background(), rc.sub.ID)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if p := rc.decide(fac, map[string]string{"decision": decisionCompute}); p.status != http.StatusOK {
				t.Fatalf("preview: %d", p.status)
			}
		}
		after, err := db.Submission(context.Background(), rc.sub.ID)
		if err != nil {
			t.Fatal(err)
		}
		if after.State != before.State || after.LockVersion != before.LockVersion {
			t.Fatalf("a preview changed the submission: %s/%d → %s/%d", before.State, before.LockVersion, after.State, after.LockVersion)
		}
	})
}
