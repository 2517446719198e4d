package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// openAPIDoc loads the document as the server serves it and validates it
// with kin-openapi (structure, references, and every example against its
// schema). Its server is pointed at the fixture so requests can be routed.
func openAPIDoc(t *testing.T, f *fixture) (*openapi3.T, routers.Router) {
	t.Helper()
	p := f.client().get("/static/openapi.yaml")
	if p.status != http.StatusOK {
		t.Fatalf("GET /static/openapi.yaml: %d", p.status)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData([]byte(p.body))
	if err != nil {
		t.Fatalf("openapi.yaml does not load: %v", err)
	}
	if err := doc.Validate(loader.Context); err != nil {
		t.Fatalf("openapi.yaml is not a valid OpenAPI 3.0 document: %v", err)
	}
	if len(doc.Servers) != 1 || doc.Servers[0].URL != "/api/v1" {
		t.Fatalf("servers = %v, want the one /api/v1", doc.Servers)
	}
	doc.Servers[0].URL = f.ts.URL + "/api/v1"
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatalf("routing the document: %v", err)
	}
	return doc, router
}

func TestOpenAPIDocumentIsValid(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	doc, _ := openAPIDoc(t, f)
	// The description that once split into the bogus keys "kuis" and "rilis)." is one string again.
	s := doc.Components.Schemas["OPDCompliance"].Value.Properties["last_activity_at"].Value
	if !strings.HasSuffix(s.Description, "(materi, kuis, rilis); null bila belum ada.") || len(s.Extensions) != 0 || s.Format != "date-time" || !s.Nullable {
		t.Errorf("last_activity_at = %+v", s)
	}
	// GET needs no CSRF header; the one POST does when it comes with the session cookie.
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			sec := doc.Security
			if op.Security != nil {
				sec = *op.Security
			}
			csrf := false
			for _, req := range sec {
				if _, ok := req["csrfHeader"]; ok {
					csrf = true
					if _, ok := req["sessionCookie"]; !ok {
						t.Errorf("%s %s: the CSRF header is asked without the session cookie", method, path)
					}
				}
			}
			if want := method != http.MethodGet && len(sec) > 0; csrf != want {
				t.Errorf("%s %s: CSRF header required = %v, want %v", method, path, csrf, want)
			}
		}
	}
	// A lowercase RFC 3339 time is documented as accepted, and the handler accepts it (TestParseGradeRequestNormalises).
	now := doc.Components.Schemas["GradeRequest"].Value.Properties["now"].Value
	for v, ok := range map[string]bool{"2026-03-10t16:00:00z": true, "2026-03-10T16:00:00+07:00": true, "2026-03-10T16:00:00.25Z": true, "2026-03-10": false, "kemarin": false} {
		if err := now.VisitJSON(v); (err == nil) != ok {
			t.Errorf("now %q: schema says %v, want accepted=%v", v, err, ok)
		}
	}
}

// TestOpenAPIRoutesMatchTheDocument compares the routes echo has under
// /api/v1 with the document's paths and methods, both ways.
func TestOpenAPIRoutesMatchTheDocument(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	doc, _ := openAPIDoc(t, f)
	param := regexp.MustCompile(`:([a-z_]+)`)
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			documented[method+" "+path] = true
			if op.Responses.Status(http.StatusMethodNotAllowed) == nil {
				t.Errorf("%s %s does not document the 405 its path gives other methods", method, path)
			}
		}
	}
	// Every API path answers each method it lacks with apiMethodNotAllowed;
	// the real routes replace that answer for their own method.
	served, answered405 := map[string]bool{}, map[string]bool{}
	for _, r := range f.srv.e.Routes() {
		path, ok := strings.CutPrefix(r.Path, "/api/v1")
		if !ok {
			continue
		}
		path = param.ReplaceAllString(path, "{$1}") // echo's :code is OpenAPI's {code}
		if strings.Contains(r.Name, "apiMethodNotAllowed") {
			answered405[path] = true
			continue
		}
		served[r.Method+" "+path] = true
	}
	for k := range served {
		if !documented[k] {
			t.Errorf("route %s is served but not documented", k)
		}
	}
	for k := range documented {
		if !served[k] {
			t.Errorf("%s is documented but not served", k)
		}
		if path := strings.SplitN(k, " ", 2)[1]; !answered405[path] {
			t.Errorf("path %s does not answer other methods with 405", path)
		}
	}
	var table []string
	for _, r := range f.srv.apiRouteTable() {
		table = append(table, r.method+" "+param.ReplaceAllString(r.path, "{$1}"))
	}
	if got, want := sortedJoin(table), sortedJoin(keysOfSet(served)); got != want {
		t.Errorf("apiRouteTable = %s, echo serves %s", got, want)
	}
	if len(served) != 4 {
		t.Errorf("served %d API routes, want the 4 of the route table: %v", len(served), served)
	}
}

func keysOfSet(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// apiLiveCall is one request of TestOpenAPILiveResponses.
type apiLiveCall struct {
	name, method, path, body string
	c                        *client
	headers                  []string // name, value pairs
	status                   int
	as                       string // the documented method the answer belongs to, when method is not one
}

// checkLive sends one call and validates the answer against the document:
// status documented for the operation, content type, headers and body. A
// successful call's request is validated too. It returns "METHOD path status".
func checkLive(t *testing.T, doc *openapi3.T, router routers.Router, call apiLiveCall) string {
	t.Helper()
	req, err := http.NewRequest(call.method, call.c.f.ts.URL+"/api/v1"+call.path, strings.NewReader(call.body))
	if err != nil {
		t.Fatal(err)
	}
	if call.body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(call.headers); i += 2 {
		req.Header.Set(call.headers[i], call.headers[i+1])
	}
	res, err := call.c.http.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", call.name, err)
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatalf("%s: %v", call.name, err)
	}
	if res.StatusCode != call.status {
		t.Fatalf("%s: status %d, want %d: %.300s", call.name, res.StatusCode, call.status, body)
	}
	routed := req
	if call.as != "" {
		routed = req.Clone(context.Background())
		routed.Method = call.as
	}
	route, params, err := router.FindRoute(routed)
	if err != nil {
		t.Fatalf("%s: %s %s is not in the document: %v", call.name, routed.Method, req.URL.Path, err)
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	if call.status < 300 {
		// The request as sent, body included, is one the document allows.
		in.Request = req.Clone(context.Background())
		in.Request.Body = io.NopCloser(strings.NewReader(call.body))
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			t.Errorf("%s: the request does not match the document: %v", call.name, err)
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.StatusCode, Header: res.Header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}}
	out.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Errorf("%s: answer %d does not match the document: %v\n%.400s", call.name, res.StatusCode, err, body)
	}
	return fmt.Sprintf("%s %s %d", route.Method, route.Path, res.StatusCode)
}

// TestOpenAPILiveResponses calls every documented operation on a running
// server, once for each answer the document lists, and validates every
// answer against the document with kin-openapi's openapi3filter.
func TestOpenAPILiveResponses(t *testing.T) {
	t.Parallel()
	covered := map[string]bool{}
	var doc *openapi3.T
	testkit.ForEachDBInTurn(t, func(t *testing.T, db *store.DB) {
		cc := newCertCase(t, db)
		cc.completeAllBut("")
		cert := cc.certificate()
		var router routers.Router
		doc, router = openAPIDoc(t, cc.fixture)
		ctx := context.Background()
		admin := cc.users[domain.RoleAdmin]
		if _, err := db.AddSocialAccount(ctx, admin.ID, admin.RegionID, cc.opd.ID,
			compliance.AccountInput{Platform: "instagram", Handle: "@dinkes.sukamaju", URL: "https://www.instagram.com/dinkes.sukamaju"}); err != nil {
			t.Fatal(err)
		}
		_, plain := apiToken(t, cc.fixture, "Sistem SIPD", cc.clock.now, nil)
		expiry := cc.clock.now.Add(-time.Hour)
		_, expired := apiToken(t, cc.fixture, "Sistem lama", cc.clock.now.Add(-48*time.Hour), &expiry)
		bearer := []string{"Authorization", "Bearer " + plain}
		anon := cc.client()
		trainee, head, adm := cc.as(domain.RolePeserta), cc.as(domain.RolePimpinanOPD), cc.as(domain.RoleAdmin)
		own, other := fmt.Sprintf("/opd/%d", cc.opd.ID), fmt.Sprintf("/opd/%d", cc.other.ID)
		lowercase := strings.Replace(apiGoodRequest, "2026-03-10T16:00:00+07:00", "2026-03-10t09:00:00z", 1)
		withBrief := `{"headline": "Dinkes Sukamaju Gelar Vaksinasi Keliling", "body": "SUKAMAJU – Dinas Kesehatan menggelar vaksinasi di 15 desa pada Senin (9/3/2026).",
			"now": "2026-03-10T16:00:00+07:00", "weights": {"faktual": 30},
			"brief": {"apa": "Vaksinasi keliling", "kapan": "2026-03-09", "pukul": "09.00", "siapa": [{"nama": "dr. Rina Lestari", "jabatan": "Kepala Dinas Kesehatan"}],
			"angka": [{"nilai": 12, "satuan": "desa"}, {"nilai": "2,5", "satuan": "ton"}], "kutipan": [{"oleh": "dr. Rina Lestari", "teks": "Kami datang ke desa."}],
			"publish_by_days": 2, "ketentuan": {"kata_isi": [20, 400], "dateline": "SUKAMAJU", "pemisah_ribuan": true}}}`

		calls := []apiLiveCall{
			{name: "grade with a token", method: "POST", path: "/grade", body: apiGoodRequest, c: anon, headers: bearer, status: 200},
			{name: "grade, now in lower case", method: "POST", path: "/grade", body: lowercase, c: anon, headers: bearer, status: 200},
			{name: "grade with a brief and weights", method: "POST", path: "/grade", body: withBrief, c: anon, headers: bearer, status: 200},
			{name: "grade with session and CSRF header", method: "POST", path: "/grade", body: apiGoodRequest, c: trainee, headers: []string{CSRFHeader, trainee.csrf()}, status: 200},
			{name: "grade, unknown field", method: "POST", path: "/grade", body: `{"headline": "J", "body": "I", "judul": "x"}`, c: anon, headers: bearer, status: 400},
			{name: "grade without credentials", method: "POST", path: "/grade", body: apiGoodRequest, c: anon, status: 401},
			{name: "grade, expired token", method: "POST", path: "/grade", body: apiGoodRequest, c: anon, headers: []string{"Authorization", "Bearer " + expired}, status: 401},
			{name: "grade, session without CSRF header", method: "POST", path: "/grade", body: apiGoodRequest, c: trainee, status: 403},
			{name: "grade over 1 MB", method: "POST", path: "/grade", body: `{"headline": "J", "body": "` + strings.Repeat("a", 1<<20) + `"}`, c: anon, headers: bearer, status: 413},
			{name: "GET on the grade path", method: "GET", path: "/grade", c: anon, headers: bearer, status: 405, as: "POST"},

			{name: "certificate", method: "GET", path: "/certificates/" + strings.ToLower(cert.Code), c: anon, status: 200},
			{name: "certificate, truncated code", method: "GET", path: "/certificates/" + cert.Code[:10], c: anon, status: 404},
			{name: "POST on the certificate path", method: "POST", path: "/certificates/" + cert.Code, c: anon, status: 405, as: "GET"},

			{name: "OPD list with a token", method: "GET", path: "/opd", c: anon, headers: bearer, status: 200},
			{name: "OPD list filtered and sorted", method: "GET", path: "/opd?status=belum&jenis=badan&urut=aktivitas&arah=turun&halaman=1&per_halaman=1", c: anon, headers: bearer, status: 200},
			{name: "OPD list, admin session without CSRF header", method: "GET", path: "/opd", c: adm, status: 200},
			{name: "OPD list, pimpinan's own OPD", method: "GET", path: "/opd", c: head, status: 200},
			{name: "OPD list, bad status", method: "GET", path: "/opd?status=lulus", c: anon, headers: bearer, status: 400},
			{name: "OPD list without credentials", method: "GET", path: "/opd", c: anon, status: 401},
			{name: "OPD list, trainee", method: "GET", path: "/opd", c: trainee, status: 403},
			{name: "DELETE on the OPD list", method: "DELETE", path: "/opd", c: anon, headers: bearer, status: 405, as: "GET"},

			{name: "one OPD with its accounts", method: "GET", path: own, c: anon, headers: bearer, status: 200},
			{name: "one OPD, pimpinan session", method: "GET", path: own, c: head, status: 200},
			{name: "another OPD, pimpinan session", method: "GET", path: other, c: head, status: 404},
			{name: "unknown OPD", method: "GET", path: "/opd/999999", c: anon, headers: bearer, status: 404},
			{name: "one OPD without credentials", method: "GET", path: own, c: anon, status: 401},
			{name: "one OPD, trainee", method: "GET", path: own, c: trainee, status: 403},
			{name: "PUT on one OPD", method: "PUT", path: own, body: "{}", c: anon, headers: bearer, status: 405, as: "GET"},
		}
		for _, call := range calls {
			covered[checkLive(t, doc, router, call)] = true
		}
		// The 31st lookup in a minute from one address.
		for i := 0; i < verifyLimit; i++ {
			anon.get("/api/v1/certificates/" + cert.Code)
		}
		covered[checkLive(t, doc, router, apiLiveCall{name: "certificate over the limit", method: "GET", path: "/certificates/" + cert.Code, c: cc.client(), status: 429})] = true
	})

	// 500: the same calls on a server whose database has gone away.
	t.Run("database gone", func(t *testing.T) {
		db, err := store.Open(context.Background(), store.Config{DataDir: filepath.Join(t.TempDir(), "data")})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		f := newFixture(t, db)
		doc2, router := openAPIDoc(t, f)
		_, plain := apiToken(t, f, "Sistem SIPD", f.clock.now, nil)
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		bearer := []string{"Authorization", "Bearer " + plain}
		for _, call := range []apiLiveCall{
			{name: "grade", method: "POST", path: "/grade", body: apiGoodRequest, headers: bearer},
			{name: "certificate", method: "GET", path: "/certificates/ABCDEFGHJKMN"},
			{name: "OPD list", method: "GET", path: "/opd", headers: bearer},
			{name: "one OPD", method: "GET", path: fmt.Sprintf("/opd/%d", f.opd.ID), headers: bearer},
		} {
			call.c, call.status = f.client(), http.StatusInternalServerError
			covered[checkLive(t, doc2, router, call)] = true
		}
	})

	if doc == nil || t.Failed() {
		return
	}
	// Every answer the document promises was seen live at least once.
	var missing []string
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			for code := range op.Responses.Map() {
				if k := method + " " + path + " " + code; !covered[k] {
					missing = append(missing, k)
				}
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("documented answers never produced by a live call: %s", strings.Join(missing, "; "))
	}
}
