package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/compliance/export"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// complianceWorld puts the fixture's region in every status: f.opd (Dinas
// Kesehatan) complies — an account, its designated trainee with a valid
// certificate; "Dinas Sosial" has an account only (Sebagian); f.other (BPBD)
// has nothing (Belum).
type complianceWorld struct {
	*fixture
	dinsos  domain.OPD
	certID  int64
	account domain.SocialAccount
}

func newComplianceWorld(t *testing.T, db *store.DB) *complianceWorld {
	t.Helper()
	ctx := context.Background()
	f := newFixture(t, db)
	f.withCourse()
	f.enrollTrainee()
	w := &complianceWorld{fixture: f}
	admin := f.users[domain.RoleAdmin]
	var err error
	if w.account, err = db.AddSocialAccount(ctx, admin.ID, admin.RegionID, f.opd.ID,
		compliance.AccountInput{Platform: "instagram", Handle: "@dinkes.sukamaju", URL: "https://www.instagram.com/dinkes.sukamaju"}); err != nil {
		t.Fatal(err)
	}
	if w.dinsos, err = db.CreateOPD(ctx, admin.ID, admin.RegionID, domain.OPDInput{Name: "Dinas Sosial", ShortName: "Dinsos", Kind: "dinas"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddSocialAccount(ctx, admin.ID, admin.RegionID, w.dinsos.ID,
		compliance.AccountInput{Platform: "facebook", Handle: "Dinas Sosial Sukamaju", URL: "https://facebook.com/dinsos.sukamaju"}); err != nil {
		t.Fatal(err)
	}
	e, err := db.EnrollmentForCourse(ctx, f.users[domain.RolePeserta].ID, tcCourse)
	if err != nil {
		t.Fatal(err)
	}
	now := f.clock.now
	if w.certID, err = db.SeedCertificateAt(ctx, store.CertificateSeed{EnrollmentID: e.ID, IssuedAt: now.AddDate(0, -11, 0), ValidUntil: now.AddDate(0, 1, 0)}); err != nil {
		t.Fatal(err)
	}
	return w
}

func TestComplianceRouteAccess(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		w := newComplianceWorld(t, db)
		const anon = domain.Role("")
		adminOnlyCodes := func(admin int) map[domain.Role]int {
			return map[domain.Role]int{anon: 303, domain.RolePeserta: 403, domain.RoleFasilitator: 403, domain.RolePimpinanOPD: 403, domain.RoleAdmin: admin}
		}
		opd := fmt.Sprintf("/admin/opd/%d", w.opd.ID)
		cases := []struct {
			method, path string
			want         map[domain.Role]int
		}{
			{"GET", "/kepatuhan", adminOnlyCodes(200)},
			{"GET", "/kepatuhan/unduh.csv", adminOnlyCodes(200)},
			{"GET", "/kepatuhan/unduh-excel.csv", adminOnlyCodes(200)},
			{"GET", "/kepatuhan/unduh.xlsx", adminOnlyCodes(200)},
			{"GET", "/admin/opd", adminOnlyCodes(200)},
			{"POST", "/admin/opd", adminOnlyCodes(422)},
			{"GET", opd, adminOnlyCodes(200)},
			{"GET", "/admin/opd/999999", adminOnlyCodes(404)},
			{"POST", opd, adminOnlyCodes(422)},
			{"POST", opd + "/akun", adminOnlyCodes(422)},
			{"POST", fmt.Sprintf("%s/akun/%d/hapus", opd, 999999), adminOnlyCodes(404)},
			{"POST", fmt.Sprintf("%s/admin/%d", opd, w.users[domain.RolePeserta].ID), adminOnlyCodes(422)},
		}
		clients := map[domain.Role]*client{anon: w.client()}
		for _, r := range domain.Roles {
			clients[r] = w.as(r)
		}
		for _, tc := range cases {
			for role, want := range tc.want {
				var p page
				if tc.method == "GET" {
					p = clients[role].get(tc.path)
				} else {
					p = clients[role].post(tc.path, nil)
				}
				if p.status != want {
					t.Errorf("%s %s as %q: %d, want %d", tc.method, tc.path, role, p.status, want)
				}
			}
		}
	})
}

func TestComplianceDashboard(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		w := newComplianceWorld(t, db)
		admin := w.as(domain.RoleAdmin)
		home := admin.get("/beranda")
		if home.doc.Find(`nav a[href="/kepatuhan"]`).Text() != "Kepatuhan OPD" {
			t.Fatal("the admin's navigation has no Kepatuhan OPD link")
		}
		p := admin.get("/kepatuhan")
		if p.status != 200 || p.text("main h1") != "Kepatuhan OPD" {
			t.Fatalf("dashboard: %d %q", p.status, p.text("main h1"))
		}
		if a := p.doc.Find(`nav a[aria-current="page"]`).Text(); a != "Kepatuhan OPD" {
			t.Errorf("current nav item %q", a)
		}
		counts := map[string]string{}
		p.doc.Find(".stats-status li").Each(func(_ int, s *goquerySelection) {
			counts[strings.TrimSpace(strings.TrimPrefix(s.Text(), s.Find(".stat-num").Text()))] = s.Find(".stat-num").Text()
		})
		for label, want := range map[string]string{"Memenuhi": "1", "Sebagian": "1", "Belum": "1", "Admin bersertifikat": "1", "Sertifikat admin berakhir dalam 60 hari": "1"} {
			if counts[label] != want {
				t.Errorf("count %s = %q, want %s (all: %v)", label, counts[label], want, counts)
			}
		}
		// Both charts are SVG with a title and a description, and a table with the same numbers.
		svgs := p.doc.Find("figure.chart svg[role=img]")
		if svgs.Length() != 2 || svgs.First().Find("title").First().Text() == "" || !strings.Contains(svgs.First().Find("desc").Text(), "Dinas: 1 memenuhi, 1 sebagian, 0 belum") {
			t.Fatalf("kind chart: %d charts, desc %q", svgs.Length(), svgs.First().Find("desc").Text())
		}
		if got := p.doc.Find("#tabel-jenis").Closest("table").Find("tbody tr").First().Text(); !strings.Contains(got, "Dinas") {
			t.Errorf("kind table first row %q", got)
		}
		if n := p.doc.Find("#tabel-bulan").Closest("table").Find("tbody tr").Length(); n != chartMonths+1 {
			t.Errorf("month table has %d rows, want %d", n, chartMonths+1)
		}
		if last := p.doc.Find("#tabel-bulan").Closest("table").Find("tbody tr").Last().Text(); !strings.Contains(last, "Saat ini") || !strings.Contains(last, "1") {
			t.Errorf("month table last row %q", last)
		}
		// Worst first by default, with the reasons.
		rows := p.doc.Find(".compliance-table tbody tr")
		if rows.Length() != 3 {
			t.Fatalf("%d rows", rows.Length())
		}
		first := rows.First()
		if !strings.Contains(first.Text(), "Badan Penanggulangan Bencana Daerah") || first.Find(".status").Text() != "Belum" ||
			!strings.Contains(first.Find(".reasons").Text(), "Belum ada akun resmi; belum ada admin yang ditunjuk; belum ada admin bersertifikat") {
			t.Errorf("first row %q", first.Text())
		}
		if last := rows.Last(); !strings.Contains(last.Text(), "Dinas Kesehatan") || last.Find(".status").Text() != "Memenuhi" || !strings.Contains(last.Text(), "segera berakhir") {
			t.Errorf("last row %q", last.Text())
		}
		if got := p.doc.Find(`th[aria-sort="ascending"] a`).Text(); !strings.HasPrefix(got, "Status") {
			t.Errorf("sorted column %q", got)
		}
		if href, _ := p.doc.Find(`th[aria-sort] a`).Attr("href"); href != "/kepatuhan?arah=turun&urut=status" {
			t.Errorf("the current column's link should reverse it: %q", href)
		}
		if href, _ := p.doc.Find(`a:contains("Unduh CSV")`).Attr("href"); href != "/kepatuhan/unduh.csv" {
			t.Errorf("CSV link %q", href)
		}

		// Filters narrow the table and travel to the downloads.
		p = admin.get("/kepatuhan?status=sebagian&jenis=dinas&urut=nama&arah=turun")
		if p.status != 200 || p.doc.Find(".compliance-table tbody tr").Length() != 1 || !strings.Contains(p.text(".compliance-table tbody"), "Dinas Sosial") {
			t.Fatalf("filtered: %d %q", p.status, p.text(".compliance-table tbody"))
		}
		if href, _ := p.doc.Find(`a:contains("Unduh XLSX")`).Attr("href"); href != "/kepatuhan/unduh.xlsx?arah=turun&jenis=dinas&status=sebagian&urut=nama" {
			t.Errorf("XLSX link keeps the filter: %q", href)
		}
		if href, _ := p.doc.Find(`a:contains("Unduh CSV (Excel)")`).Attr("href"); href != "/kepatuhan/unduh-excel.csv?arah=turun&jenis=dinas&status=sebagian&urut=nama" {
			t.Errorf("Excel CSV link keeps the filter: %q", href)
		}
		if sel := p.doc.Find("#f-status option[selected]").AttrOr("value", ""); sel != "sebagian" {
			t.Errorf("status select %q", sel)
		}
		if !strings.Contains(p.text(".downloads"), "Ada 1 OPD sesuai saringan") {
			t.Errorf("count line %q", p.text(".downloads"))
		}

		// Values that cannot be used are named, and the rest of the page still works.
		p = admin.get("/kepatuhan?status=lulus&urut=" + url.QueryEscape("name; DROP TABLE opds") + "&jenis=" + strings.Repeat("x", 5000))
		if p.status != 400 {
			t.Fatalf("bad filter: %d", p.status)
		}
		summary := p.text(".error-summary")
		for _, want := range []string{"Status “lulus” tidak dikenal; pilih Memenuhi, Sebagian, atau Belum.", "Urutan “name; DROP TABLE opds” tidak dikenal",
			"Jenis OPD “" + strings.Repeat("x", 40) + "…” tidak dikenal"} {
			if !strings.Contains(summary, want) {
				t.Errorf("summary lacks %q:\n%s", want, summary)
			}
		}
		if p.doc.Find(".compliance-table tbody tr").Length() != 3 {
			t.Error("the table should show the region without the unusable filters")
		}
		if p = admin.get("/kepatuhan?status=belum&status=memenuhi"); p.status != 400 || !strings.Contains(p.text(".error-summary"), "Saringan status hanya boleh satu nilai") {
			t.Errorf("two statuses: %d %q", p.status, p.text(".error-summary"))
		}
	})
}

func TestCompliancePagination(t *testing.T) {
	t.Parallel()
	db := testkit.SQLite(t)
	w := newComplianceWorld(t, db)
	ctx := context.Background()
	for i := 0; i < compliancePageSize+5; i++ {
		if _, err := db.EnsureOPD(ctx, fixtureRegion(w.fixture), fmt.Sprintf("Kelurahan Uji %02d", i), "", "kelurahan"); err != nil {
			t.Fatal(err)
		}
	}
	admin := w.as(domain.RoleAdmin)
	p := admin.get("/kepatuhan?urut=nama")
	if n := p.doc.Find(".compliance-table tbody tr").Length(); n != compliancePageSize {
		t.Fatalf("first page has %d rows", n)
	}
	next, _ := p.doc.Find(`.pager a[rel=next]`).Attr("href")
	if !strings.Contains(next, "halaman=2") || !strings.Contains(next, "urut=nama") {
		t.Fatalf("next page link %q", next)
	}
	p2 := admin.get(next)
	if n := p2.doc.Find(".compliance-table tbody tr").Length(); n != 8 {
		t.Fatalf("second page has %d rows, want 8", n)
	}
	if strings.Contains(p2.text(".compliance-table tbody"), p.doc.Find(".compliance-table tbody tr").Last().Find("td a").Text()) {
		t.Error("pages overlap")
	}
}

func readCSV(t *testing.T, body string) [][]string {
	t.Helper()
	if !strings.HasPrefix(body, "\ufeff") {
		t.Fatalf("CSV without byte-order mark: %q", body[:min(len(body), 40)])
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestComplianceExports(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		w := newComplianceWorld(t, db)
		admin := w.as(domain.RoleAdmin)
		p := admin.get("/kepatuhan/unduh.csv?status=memenuhi")
		if p.status != 200 || !strings.HasPrefix(p.header.Get("Content-Type"), "text/csv") ||
			!strings.HasPrefix(p.header.Get("Content-Disposition"), `attachment; filename="kepatuhan-opd-SKM-`) {
			t.Fatalf("CSV: %d %v", p.status, p.header)
		}
		recs := readCSV(t, p.body)
		if len(recs) != 2 || recs[0][1] != "OPD" || recs[1][1] != "Dinas Kesehatan" || recs[1][4] != "Memenuhi" || recs[1][8] != "1" || recs[1][9] != "1" {
			t.Fatalf("CSV rows %q", recs)
		}
		all := readCSV(t, admin.get("/kepatuhan/unduh.csv?urut=nama").body)
		if len(all) != 4 || all[1][1] != "Badan Penanggulangan Bencana Daerah" || all[2][5] != "" || all[3][5] != "belum ada admin yang ditunjuk; belum ada admin bersertifikat" {
			t.Fatalf("all rows %q", all)
		}

		// The semicolon file for Excel under Indonesian settings: the same
		// rows, read strictly with ';', the reasons quoted, CRLF line ends.
		ex := admin.get("/kepatuhan/unduh-excel.csv?urut=nama")
		if ex.status != 200 || !strings.HasPrefix(ex.header.Get("Content-Type"), "text/csv") ||
			!regexp.MustCompile(`^attachment; filename="kepatuhan-opd-SKM-\d{4}-\d{2}-\d{2}-excel\.csv"$`).MatchString(ex.header.Get("Content-Disposition")) {
			t.Fatalf("Excel CSV: %d %v", ex.status, ex.header)
		}
		if !strings.HasPrefix(ex.body, "\ufeff") || strings.Count(ex.body, "\r\n") != 4 || strings.Count(ex.body, "\n") != 4 {
			t.Errorf("Excel CSV: byte-order mark and CRLF line ends expected: %q", ex.body)
		}
		er := csv.NewReader(strings.NewReader(strings.TrimPrefix(ex.body, "\ufeff")))
		er.Comma, er.FieldsPerRecord = ';', len(export.ExportColumns)
		if recs, err := er.ReadAll(); err != nil || !reflect.DeepEqual(recs, all) {
			t.Errorf("Excel CSV differs from the comma CSV: %q (%v)", recs, err)
		}
		if !strings.Contains(ex.body, `;"belum ada admin yang ditunjuk; belum ada admin bersertifikat";`) {
			t.Errorf("reasons not quoted: %q", ex.body)
		}

		x := admin.get("/kepatuhan/unduh.xlsx?jenis=dinas&urut=nama")
		if x.status != 200 || x.header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
			t.Fatalf("XLSX: %d %v", x.status, x.header)
		}
		book, err := excelize.OpenReader(bytes.NewReader([]byte(x.body)))
		if err != nil {
			t.Fatalf("the XLSX does not open: %v", err)
		}
		defer book.Close()
		rows, err := book.GetRows(export.XLSXSheet)
		if err != nil || len(rows) != 3 || rows[1][1] != "Dinas Kesehatan" || rows[2][1] != "Dinas Sosial" || rows[2][4] != "Sebagian" {
			t.Fatalf("XLSX rows %q (%v)", rows, err)
		}
		if props, err := book.GetDocProps(); err != nil || props.Title != "Kepatuhan OPD – Pemerintah Kabupaten Sukamaju" ||
			props.Creator != w.users[domain.RoleAdmin].Name || props.Created != w.clock.now.UTC().Format(time.RFC3339) {
			t.Errorf("XLSX properties %+v (%v)", props, err)
		}

		// A filter that cannot be used is refused before any file is made.
		for _, path := range []string{"/kepatuhan/unduh.csv?status=" + strings.Repeat("a", 100000), "/kepatuhan/unduh.xlsx?arah=samping"} {
			bad := admin.get(path)
			if bad.status != 400 || bad.header.Get("Content-Disposition") != "" || !strings.Contains(bad.text("main"), "Berkas tidak dibuat.") {
				t.Errorf("%s: %d %q", path[:40], bad.status, bad.text("main"))
			}
			if len(bad.body) > 20000 {
				t.Errorf("the answer to a huge filter echoes it: %d bytes", len(bad.body))
			}
		}
		if bad := admin.get("/kepatuhan/unduh.csv?status=" + strings.Repeat("a", 100000)); !strings.Contains(bad.text("main"), "Status “"+strings.Repeat("a", 40)+"…” tidak dikenal") {
			t.Errorf("huge filter message: %q", bad.text("main"))
		}
	})
}

// TestComplianceCSVStreams exports more OPDs than one flush holds and checks
// the download arrives in chunks, without a length known in advance: the
// rows went out as they came from the database.
func TestComplianceCSVStreams(t *testing.T) {
	t.Parallel()
	db := testkit.SQLite(t)
	w := newComplianceWorld(t, db)
	ctx := context.Background()
	const extra = 3*exportFlushRows + 7
	for i := 0; i < extra; i++ {
		if _, err := db.EnsureOPD(ctx, fixtureRegion(w.fixture), fmt.Sprintf("Kelurahan Aliran %04d", i), "", "kelurahan"); err != nil {
			t.Fatal(err)
		}
	}
	admin := w.as(domain.RoleAdmin)
	req, _ := http.NewRequest(http.MethodGet, w.ts.URL+"/kepatuhan/unduh.csv?jenis=kelurahan&urut=nama", nil)
	res, err := admin.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.ContentLength != -1 || len(res.TransferEncoding) == 0 || res.TransferEncoding[0] != "chunked" {
		t.Fatalf("not streamed: length %d, transfer encoding %v", res.ContentLength, res.TransferEncoding)
	}
	b, _ := io.ReadAll(res.Body)
	recs := readCSV(t, string(b))
	if len(recs) != extra+1 || recs[1][1] != "Kelurahan Aliran 0000" || recs[extra][1] != fmt.Sprintf("Kelurahan Aliran %04d", extra-1) {
		t.Fatalf("%d rows; first %q last %q", len(recs), recs[1], recs[len(recs)-1])
	}
}

func TestOPDRegistry(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newComplianceWorld(t, db)
		admin := w.as(domain.RoleAdmin)
		list := admin.get("/admin/opd")
		if list.status != 200 || !strings.Contains(list.text("tbody"), "Dinas Kesehatan") || list.doc.Find(`label[for=nama]`).Length() != 1 {
			t.Fatalf("list: %d", list.status)
		}

		// Creating: every problem named next to its field, the input kept.
		p := admin.post("/admin/opd", url.Values{"nama": {"  Di  "}, "singkatan": {strings.Repeat("s", 51)}, "jenis": {"kementerian"}})
		if p.status != 422 || !summaryHas(p, "nama", "Nama OPD paling sedikit 3 karakter.") || !strings.Contains(fieldError(p, "singkatan"), "paling banyak 50 karakter; sekarang 51") ||
			!strings.Contains(fieldError(p, "jenis"), "Jenis OPD “kementerian” tidak dikenal") {
			t.Fatalf("bad OPD: %d %q", p.status, p.text(".error-summary"))
		}
		if v, _ := p.doc.Find("#nama").Attr("value"); v != "Di" {
			t.Errorf("name kept as %q", v)
		}
		p = admin.post("/admin/opd", url.Values{"nama": {"Dinas Kesehatan"}, "jenis": {"dinas"}})
		if p.status != 422 || !strings.Contains(fieldError(p, "nama"), "OPD bernama Dinas Kesehatan sudah terdaftar di wilayah Anda") {
			t.Fatalf("duplicate: %d %q", p.status, fieldError(p, "nama"))
		}
		p = admin.post("/admin/opd", url.Values{"nama": {"Dinas   Perikanan"}, "singkatan": {"Diskan"}, "jenis": {"dinas"}})
		if p.status != 303 || !strings.HasSuffix(p.header.Get("Location"), "?pesan=dibuat") {
			t.Fatalf("create: %d %s", p.status, p.header.Get("Location"))
		}
		page := p.header.Get("Location")
		base := strings.TrimSuffix(page, "?pesan=dibuat")
		p = admin.get(page)
		if p.text("main h1") != "Dinas Perikanan" || !strings.Contains(p.text(".flash"), "OPD berhasil ditambahkan") || p.doc.Find(".status-belum").Length() == 0 {
			t.Fatalf("new OPD page: %q %q", p.text("main h1"), p.text(".flash"))
		}

		// Accounts: a URL that is not a URL gets a precise message and the input back.
		p = admin.post(base+"/akun", url.Values{"platform": {"instagram"}, "handle": {"@diskan.sukamaju"}, "url": {"instagram diskan"}})
		if p.status != 422 || !summaryHas(p, "url", "Alamat akun “instagram diskan” bukan URL: URL tidak boleh mengandung spasi") {
			t.Fatalf("not a URL: %d %q", p.status, p.text(".error-summary"))
		}
		if v, _ := p.doc.Find("#url").Attr("value"); v != "instagram diskan" {
			t.Errorf("URL kept as %q", v)
		}
		if v, _ := p.doc.Find("#handle").Attr("value"); v != "@diskan.sukamaju" {
			t.Errorf("handle kept as %q", v)
		}
		if sel := p.doc.Find("#platform option[selected]").AttrOr("value", ""); sel != "instagram" {
			t.Errorf("platform kept as %q", sel)
		}
		p = admin.post(base+"/akun", url.Values{"platform": {"instagram"}, "handle": {"@diskan"}, "url": {"https://www.tiktok.com/@diskan"}})
		if p.status != 422 || !strings.Contains(fieldError(p, "url"), "Alamat ini bukan alamat Instagram: domainnya www.tiktok.com, seharusnya instagram.com") {
			t.Fatalf("wrong platform: %d %q", p.status, fieldError(p, "url"))
		}
		p = admin.post(base+"/akun", url.Values{"platform": {"instagram"}, "handle": {"@diskan.sukamaju"}, "url": {"https://www.instagram.com/diskan.sukamaju"}})
		if p.status != 303 {
			t.Fatalf("add account: %d %q", p.status, p.text(".error-summary"))
		}
		p = admin.post(base+"/akun", url.Values{"platform": {"instagram"}, "handle": {"@diskan.sukamaju"}, "url": {"https://www.instagram.com/diskan.sukamaju"}})
		if p.status != 422 || !strings.Contains(fieldError(p, "handle"), "Akun Instagram @diskan.sukamaju sudah terdaftar untuk OPD ini.") {
			t.Fatalf("duplicate account: %d %q", p.status, fieldError(p, "handle"))
		}
		p = admin.get(base)
		remove := p.doc.Find(`form[action$="/hapus"]`)
		if remove.Length() != 1 || strings.TrimSpace(remove.Find("button").Text()) != "Hapus akun @diskan.sukamaju" {
			t.Fatalf("remove button: %q", remove.Find("button").Text())
		}
		action, _ := remove.Attr("action")
		if p = admin.post(action, nil); p.status != 303 {
			t.Fatalf("remove: %d", p.status)
		}
		if p = admin.post(action, nil); p.status != 409 || !strings.Contains(p.text(".error-summary"), "Akun Instagram @diskan.sukamaju sudah dihapus sebelumnya.") {
			t.Fatalf("remove twice: %d %q", p.status, p.text(".error-summary"))
		}
		// Another OPD's account cannot be removed through this one.
		if p = admin.post(fmt.Sprintf("%s/akun/%d/hapus", base, w.account.ID), nil); p.status != 404 {
			t.Fatalf("removing Dinkes's account through Diskan: %d", p.status)
		}

		// Designating: a trainee of the OPD; it is audit-logged.
		id := strings.TrimPrefix(base, "/admin/opd/")
		var opdID int64
		fmt.Sscan(id, &opdID)
		dewi, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: fixtureRegion(w.fixture), OPDID: &opdID, Email: "dewi@diskan.test", Name: "Dewi Lestari",
			Role: domain.RolePeserta, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		p = admin.get(base)
		btn := p.doc.Find(fmt.Sprintf(`form[action="%s/admin/%d"] button`, base, dewi.ID))
		if strings.TrimSpace(btn.Text()) != "Tunjuk Dewi Lestari sebagai admin" {
			t.Fatalf("designate button %q", btn.Text())
		}
		target := fmt.Sprintf("%s/admin/%d", base, dewi.ID)
		if p = admin.post(target, url.Values{"tunjuk": {"ya"}}); p.status != 303 || !strings.HasSuffix(p.header.Get("Location"), "pesan=ditunjuk#admin") {
			t.Fatalf("designate: %d %s", p.status, p.header.Get("Location"))
		}
		if p = admin.post(target, url.Values{"tunjuk": {"ya"}}); p.status != 409 || !strings.Contains(p.text(".error-summary"), "Dewi Lestari sudah menjadi admin media sosial yang ditunjuk.") {
			t.Fatalf("designate twice: %d %q", p.status, p.text(".error-summary"))
		}
		if p = admin.post(target, url.Values{"tunjuk": {"mungkin"}}); p.status != 422 {
			t.Fatalf("unknown action: %d", p.status)
		}
		// The fixture's trainee belongs to Dinas Kesehatan, not to this OPD.
		if p = admin.post(fmt.Sprintf("%s/admin/%d", base, w.users[domain.RolePeserta].ID), url.Values{"tunjuk": {"tidak"}}); p.status != 404 {
			t.Fatalf("a trainee of another OPD: %d", p.status)
		}
		audit, err := db.AuditFor(ctx, "user", fmt.Sprint(dewi.ID), 5)
		if err != nil || len(audit) == 0 || audit[0].Action != "user.designate" || *audit[0].ActorID != w.users[domain.RoleAdmin].ID {
			t.Fatalf("audit: %+v %v", audit, err)
		}
		if p = admin.post(target, url.Values{"tunjuk": {"tidak"}}); p.status != 303 {
			t.Fatalf("undesignate: %d", p.status)
		}

		// Editing the OPD itself.
		p = admin.post(base, url.Values{"nama": {"Dinas Kelautan dan Perikanan"}, "singkatan": {"DKP"}, "jenis": {"dinas"}})
		if p.status != 303 {
			t.Fatalf("update: %d %q", p.status, p.text(".error-summary"))
		}
		if p = admin.post(base, url.Values{"nama": {"Dinas Sosial"}, "jenis": {"dinas"}}); p.status != 422 || !strings.Contains(fieldError(p, "nama"), "OPD lain bernama Dinas Sosial") {
			t.Fatalf("rename onto another: %d %q", p.status, fieldError(p, "nama"))
		}
	})
}

func TestOPDPage(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newComplianceWorld(t, db)
		// A second, revoked certificate history for the trainee: kept, shown as Dicabut.
		co, err := db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: fixtureRegion(w.fixture), CourseID: tcCourse, Name: "Angkatan Lama",
			StartsOn: w.clock.now.AddDate(-2, 0, 0), EndsOn: w.clock.now.AddDate(-2, 1, 0)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Enroll(ctx, nil, co.ID, []int64{w.users[domain.RolePeserta].ID}); err != nil {
			t.Fatal(err)
		}
		ens, _ := db.EnrollmentsOfUser(ctx, w.users[domain.RolePeserta].ID)
		for _, e := range ens {
			if e.CohortID == co.ID {
				rev := w.clock.now.AddDate(-1, 0, 0)
				if _, err := db.SeedCertificateAt(ctx, store.CertificateSeed{EnrollmentID: e.ID, IssuedAt: w.clock.now.AddDate(-2, 1, 0),
					ValidUntil: w.clock.now.AddDate(-1, 1, 0), RevokedAt: &rev, Reason: "data salah"}); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, role := range []domain.Role{domain.RolePimpinanOPD, domain.RoleAdmin} {
			c := w.as(role)
			path := fmt.Sprintf("/opd/%d", w.opd.ID)
			if role == domain.RolePimpinanOPD {
				path = "/beranda" // their home page is their OPD
			}
			p := c.get(path)
			if p.status != 200 || p.text("main h1") != "Dinas Kesehatan" || p.text("#status-judul .status") != "Memenuhi" {
				t.Fatalf("%s %s: %d %q %q", role, path, p.status, p.text("main h1"), p.text("#status-judul"))
			}
			if !strings.Contains(p.text(".accounts"), "Instagram") || p.doc.Find(`.accounts a[href="https://www.instagram.com/dinkes.sukamaju"]`).Length() != 1 {
				t.Errorf("accounts: %q", p.text(".accounts"))
			}
			adminRow := p.doc.Find("#admin").NextFiltered(".table-wrap").Find("tbody tr")
			if adminRow.Length() != 1 || !strings.Contains(adminRow.Text(), "Uji Peserta") {
				t.Fatalf("admins: %q", adminRow.Text())
			}
			badges := adminRow.Find(".badge").Map(func(_ int, s *goquerySelection) string { return s.Text() })
			if strings.Join(badges, ",") != "Berlaku,Dicabut" {
				t.Errorf("certificate badges %v", badges)
			}
			if !strings.Contains(adminRow.Text(), "Kursus Uji Admin Medsos: 0%") {
				t.Errorf("progress: %q", adminRow.Text())
			}
			if !strings.Contains(p.text(".cert-reminder"), "Uji Peserta") {
				t.Errorf("expiring notice: %q", p.text(".cert-reminder"))
			}
			manage := p.doc.Find(fmt.Sprintf(`a[href="/admin/opd/%d"]`, w.opd.ID)).Length()
			if (role == domain.RoleAdmin) != (manage == 1) {
				t.Errorf("%s sees the manage link: %d", role, manage)
			}
		}
		pim := w.as(domain.RolePimpinanOPD)
		for _, path := range []string{fmt.Sprintf("/opd/%d", w.other.ID), fmt.Sprintf("/opd/%d", w.dinsos.ID)} {
			if p := pim.get(path); p.status != 404 || strings.Contains(p.body, "Dinas Sosial") {
				t.Errorf("pimpinan on %s: %d", path, p.status)
			}
		}
		if p := pim.get("/kepatuhan"); p.status != 403 {
			t.Errorf("pimpinan on the region dashboard: %d", p.status)
		}
		// The certificate ends: the status changes with no write at all.
		w.clock.now = w.clock.now.AddDate(0, 2, 0)
		if p := w.as(domain.RoleAdmin).get(fmt.Sprintf("/opd/%d", w.opd.ID)); p.text("#status-judul .status") != "Sebagian" ||
			!strings.Contains(p.text(".reason-list"), "belum ada admin bersertifikat") {
			t.Errorf("after expiry: %q %q", p.text("#status-judul"), p.text(".reason-list"))
		}
	})
}

func TestOPDAPI(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		w := newComplianceWorld(t, db)
		admin := w.users[domain.RoleAdmin]
		_, plain, err := db.CreateAPIToken(ctx, domain.NewAPIToken{RegionID: admin.RegionID, Name: "Sistem SIPD", CreatedBy: admin.ID})
		if err != nil {
			t.Fatal(err)
		}
		bearer := []string{"Authorization", "Bearer " + plain}
		c := w.client()
		p := c.apiCall(http.MethodGet, "/api/v1/opd?urut=nama", "", bearer...)
		if p.status != 200 {
			t.Fatalf("list: %d %s", p.status, p.body)
		}
		var list struct {
			Counts map[string]int `json:"counts"`
			Page   apiPageInfo    `json:"page"`
			Data   []map[string]any
		}
		if err := json.Unmarshal([]byte(p.body), &list); err != nil {
			t.Fatal(err)
		}
		if list.Counts["memenuhi"] != 1 || list.Counts["sebagian"] != 1 || list.Counts["belum"] != 1 || list.Counts["total"] != 3 || list.Page.Total != 3 || len(list.Data) != 3 {
			t.Fatalf("list: %+v", list)
		}
		dinkes := list.Data[1]
		if dinkes["name"] != "Dinas Kesehatan" || dinkes["status"] != "memenuhi" || dinkes["certified_admins"] != 1.0 || dinkes["certificates_expiring_60_days"] != 1.0 {
			t.Fatalf("Dinkes in the list: %v", dinkes)
		}
		if r, ok := list.Data[0]["reasons"].([]any); !ok || len(r) != 3 {
			t.Fatalf("reasons of BPBD: %v", list.Data[0]["reasons"])
		}
		if r, ok := dinkes["reasons"].([]any); !ok || len(r) != 0 {
			t.Fatalf("a complying OPD's reasons must be an empty list: %v", dinkes["reasons"])
		}
		p = c.apiCall(http.MethodGet, "/api/v1/opd?status=sebagian&per_halaman=1", "", bearer...)
		if err := json.Unmarshal([]byte(p.body), &list); err != nil || len(list.Data) != 1 || list.Data[0]["name"] != "Dinas Sosial" || list.Page.Pages != 1 {
			t.Fatalf("filtered: %s", p.body)
		}
		bad := []struct{ query, field, msg string }{
			{"status=hijau", "status", "Status “hijau” tidak dikenal"},
			{"per_halaman=1000", "per_halaman", "per_halaman harus bilangan bulat 1–200"},
			{"halaman=0", "halaman", "halaman harus bilangan bulat mulai dari 1"},
			{"urut=id", "urut", "Urutan “id” tidak dikenal"},
		}
		for _, tc := range bad {
			p := c.apiCall(http.MethodGet, "/api/v1/opd?"+tc.query, "", bearer...)
			e := apiErrorOf(t, p)
			if p.status != 400 || e.Field != tc.field || !strings.Contains(e.Error, tc.msg) {
				t.Errorf("%s: %d %+v", tc.query, p.status, e)
			}
		}
		p = c.apiCall(http.MethodGet, fmt.Sprintf("/api/v1/opd/%d", w.opd.ID), "", bearer...)
		var detail map[string]any
		if err := json.Unmarshal([]byte(p.body), &detail); err != nil || p.status != 200 || detail["status"] != "memenuhi" {
			t.Fatalf("detail: %d %s", p.status, p.body)
		}
		if acc := detail["social_accounts"].([]any); len(acc) != 1 || acc[0].(map[string]any)["platform"] != "instagram" {
			t.Fatalf("accounts: %v", detail["social_accounts"])
		}
		// A token sees its region only.
		far, _ := db.EnsureRegion(ctx, "kota-jauh", "Pemerintah Kota Jauh", "JAU")
		farOPD, _ := db.EnsureOPD(ctx, far.ID, "Dinas Jauh", "", "dinas")
		if p := c.apiCall(http.MethodGet, fmt.Sprintf("/api/v1/opd/%d", farOPD.ID), "", bearer...); p.status != 404 || apiErrorOf(t, p).Error != "OPD tidak ditemukan" {
			t.Errorf("another region's OPD: %d", p.status)
		}
		if p := c.apiCall(http.MethodGet, "/api/v1/opd", ""); p.status != 401 {
			t.Errorf("no credentials: %d", p.status)
		}
		// Sessions: admins their region, pimpinan their OPD, others nothing.
		if p := w.as(domain.RoleAdmin).get("/api/v1/opd"); p.status != 200 || !strings.Contains(p.body, "Dinas Sosial") {
			t.Errorf("admin session: %d", p.status)
		}
		pim := w.as(domain.RolePimpinanOPD)
		p = pim.get("/api/v1/opd")
		if err := json.Unmarshal([]byte(p.body), &list); err != nil || p.status != 200 || len(list.Data) != 1 || list.Data[0]["name"] != "Dinas Kesehatan" || list.Counts["total"] != 1 {
			t.Errorf("pimpinan list: %d %s", p.status, p.body)
		}
		if p := pim.get(fmt.Sprintf("/api/v1/opd/%d", w.dinsos.ID)); p.status != 404 {
			t.Errorf("pimpinan on another OPD: %d", p.status)
		}
		if p := w.as(domain.RolePeserta).get("/api/v1/opd"); p.status != 403 || !strings.Contains(apiErrorOf(t, p).Error, "tidak dapat membaca status kepatuhan OPD") {
			t.Errorf("peserta session: %d", p.status)
		}
	})
}

func TestMonthEndsAndCharts(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 10, 20, 0, 0, 0, time.UTC) // 11 January 03:00 WIB
	ends, labels := monthEnds(now, compliance.Zone("Asia/Jakarta"), 3)
	want := []string{"2025-10-31T23:59:59.999999+07:00", "2025-11-30T23:59:59.999999+07:00", "2025-12-31T23:59:59.999999+07:00"}
	for i, e := range ends {
		if got := e.Format("2006-01-02T15:04:05.999999Z07:00"); got != want[i] {
			t.Errorf("end %d = %s, want %s", i, got, want[i])
		}
	}
	if strings.Join(labels, "|") != "Oktober 2025|November 2025|Desember 2025|saat ini" {
		t.Errorf("labels %q", labels)
	}
	ch := newMonthChart(i18n.ID, labels, []int{0, 5, 10, 8})
	if ch.Bars[2].H != "120.0" || ch.Bars[1].H != "60.0" || ch.Bars[0].Year != "2025" || ch.Bars[0].Label != "Okt" || !ch.Bars[3].Now || ch.Bars[3].Label != "Kini" {
		t.Errorf("month bars %+v", ch.Bars)
	}
	if !strings.Contains(ch.Desc, "Desember 2025: 10; saat ini: 8") {
		t.Errorf("desc %q", ch.Desc)
	}
	tally := store.StatusTally{Cells: map[string]map[compliance.Status]int{
		"dinas": {compliance.Complies: 10, compliance.NotYet: 10}, "kecamatan": {compliance.Partial: 5},
	}}
	kc := newKindChart(i18n.ID, tally)
	if len(kc.Bars) != 2 || kc.Bars[0].Label != "Dinas" || len(kc.Bars[0].Segments) != 2 || kc.Bars[0].Segments[1].X != "268.0" || kc.Bars[1].Segments[0].W != "75.0" {
		t.Errorf("kind bars %+v", kc.Bars)
	}
	if !strings.Contains(kc.Desc, "Dinas: 10 memenuhi, 0 sebagian, 10 belum. Kecamatan: 0 memenuhi, 5 sebagian, 0 belum.") {
		t.Errorf("kind desc %q", kc.Desc)
	}
}

// TestComplianceExportsInEnglish: the exports follow the reader's language
// (the account's choice, else the browser's); lang=id or lang=en pins it for
// scripts, and another value is refused before any file is made.
func TestComplianceExportsInEnglish(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		w := newComplianceWorld(t, db)
		admin := w.as(domain.RoleAdmin)
		english := func(path string) page {
			req, _ := http.NewRequest(http.MethodGet, w.ts.URL+path, nil)
			req.Header.Set("Accept-Language", "en-GB,en;q=0.9")
			return admin.do(req)
		}
		recs := readCSV(t, english("/kepatuhan/unduh.csv?urut=nama").body)
		if len(recs) != 4 || recs[0][1] != "Agency" || recs[0][9] != "Certificates ending within 60 days" ||
			recs[1][3] != "Agency" || recs[2][4] != "Compliant" || recs[3][5] != "no designated admin yet; no certified admin yet" {
			t.Fatalf("English CSV %q", recs)
		}
		if id := readCSV(t, english("/kepatuhan/unduh.csv?urut=nama&lang=id").body); id[0][1] != "OPD" || id[2][4] != "Memenuhi" {
			t.Errorf("lang=id under an English browser: %q", id[:3])
		}
		if err := db.SetUserLang(context.Background(), w.users[domain.RoleAdmin].ID, "en"); err != nil {
			t.Fatal(err)
		}
		x := admin.get("/kepatuhan/unduh.xlsx?jenis=dinas&urut=nama")
		book, err := excelize.OpenReader(bytes.NewReader([]byte(x.body)))
		if err != nil {
			t.Fatalf("the XLSX does not open: %v", err)
		}
		defer book.Close()
		rows, err := book.GetRows("Agency compliance")
		if err != nil || len(rows) != 3 || rows[0][5] != "Reason" || rows[2][4] != "Partial" {
			t.Fatalf("English XLSX rows %q (%v)", rows, err)
		}
		if props, err := book.GetDocProps(); err != nil || props.Title != "Agency compliance – Pemerintah Kabupaten Sukamaju" || props.Language != "en" {
			t.Errorf("English XLSX properties %+v (%v)", props, err)
		}
		if ex := readCSV(t, admin.get("/kepatuhan/unduh.csv?lang=en").body); ex[0][2] != "Short name" {
			t.Errorf("lang=en: %q", ex[0])
		}
		for _, path := range []string{"/kepatuhan/unduh.csv?lang=fr", "/kepatuhan/unduh.xlsx?lang=id&lang=en"} {
			bad := admin.get(path)
			if bad.status != 400 || bad.header.Get("Content-Disposition") != "" || !strings.Contains(bad.text("main"), "File language") {
				t.Errorf("%s: %d %q", path, bad.status, bad.text("main"))
			}
		}
	})
}
