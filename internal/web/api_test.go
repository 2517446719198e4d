package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// apiCall sends a JSON request with extra headers given as name, value pairs.
func (c *client) apiCall(method, path, body string, headers ...string) page {
	c.f.t.Helper()
	req, err := http.NewRequest(method, c.f.ts.URL+path, strings.NewReader(body))
	if err != nil {
		c.f.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return c.do(req)
}

// apiErrorOf decodes an error body, failing the test when it is not one.
func apiErrorOf(t *testing.T, p page) apiError {
	t.Helper()
	var e apiError
	if err := json.Unmarshal([]byte(p.body), &e); err != nil || e.Error == "" {
		t.Fatalf("status %d: body is not an API error: %q (%v)", p.status, p.body, err)
	}
	if ct := p.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("error Content-Type = %q, want JSON", ct)
	}
	return e
}

// apiToken creates a token for the fixture's region directly in the store.
func apiToken(t *testing.T, f *fixture, name string, now time.Time, expires *time.Time) (domain.APIToken, string) {
	t.Helper()
	admin := f.users[domain.RoleAdmin]
	tok, plain, err := f.db.CreateAPIToken(context.Background(), domain.NewAPIToken{RegionID: admin.RegionID, Name: name,
		ExpiresAt: expires, CreatedBy: admin.ID, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return tok, plain
}

const apiGoodRequest = `{"headline": "Dinkes Sukamaju Gelar Vaksinasi Keliling di 12 Desa",
	"body": "SUKAMAJU – Dinas Kesehatan Kabupaten Sukamaju menggelar vaksinasi keliling di 12 desa mulai Senin (9/3/2026) untuk mengejar cakupan imunisasi anak.\n\n\"Kami datang ke desa agar orang tua tidak perlu jauh-jauh ke puskesmas,\" kata Kepala Dinas Kesehatan, dr. Rina Lestari.",
	"now": "2026-03-10T16:00:00+07:00"}`

func TestAPITokenAuth(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		now := f.clock.now
		valid, validPlain := apiToken(t, f, "Sistem SIPD", now, nil)
		expiry := now.Add(-time.Hour)
		_, expiredPlain := apiToken(t, f, "Sistem lama", now.Add(-48*time.Hour), &expiry)
		revoked, revokedPlain := apiToken(t, f, "Sistem dicabut", now, nil)
		if _, err := db.RevokeAPIToken(context.Background(), f.users[domain.RoleAdmin].ID, revoked.RegionID, revoked.ID); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name, auth string
			status     int
			want       string // in the error message
			invalid    bool   // the challenge says invalid_token
		}{
			{"valid", "Bearer " + validPlain, 200, "", false},
			{"scheme in lower case", "bearer " + validPlain, 200, "", false},
			{"expired", "Bearer " + expiredPlain, 401, "token kedaluwarsa sejak " + dateTime(expiry), true},
			{"revoked", "Bearer " + revokedPlain, 401, "token sudah dicabut", true},
			{"unknown", "Bearer bmt_" + strings.Repeat("A", 43), 401, "token tidak dikenal", true},
			{"not ours", "Bearer abc", 401, "token tidak dikenal", true},
			{"basic scheme", "Basic dXNlcjpwYXNz", 401, `berbentuk "Bearer <token>"`, false},
			{"bearer without token", "Bearer ", 401, `berbentuk "Bearer <token>"`, false},
			{"missing", "", 401, "token API", false},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				var headers []string
				if tc.auth != "" {
					headers = []string{"Authorization", tc.auth}
				}
				p := f.client().apiCall(http.MethodPost, "/api/v1/grade", apiGoodRequest, headers...)
				if p.status != tc.status {
					t.Fatalf("status = %d, want %d: %s", p.status, tc.status, p.body)
				}
				if tc.status == 200 {
					return
				}
				if e := apiErrorOf(t, p); !strings.Contains(e.Error, tc.want) {
					t.Errorf("error = %q, want it to contain %q", e.Error, tc.want)
				}
				ch := p.header.Get("WWW-Authenticate")
				if !strings.HasPrefix(ch, "Bearer ") || strings.Contains(ch, "invalid_token") != tc.invalid {
					t.Errorf("WWW-Authenticate = %q (invalid_token expected: %v)", ch, tc.invalid)
				}
			})
		}
		got, err := db.APIToken(context.Background(), valid.RegionID, valid.ID)
		if err != nil || got.LastUsedAt == nil || got.LastUsedAt.Sub(now).Abs() > time.Millisecond {
			t.Errorf("last use of the valid token was not recorded at the request's time: %v %v", got.LastUsedAt, err)
		}
	})
}

func TestAPISessionNeedsCSRF(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		for _, role := range domain.Roles {
			c := f.as(role)
			p := c.apiCall(http.MethodPost, "/api/v1/grade", apiGoodRequest)
			if p.status != http.StatusForbidden {
				t.Fatalf("%s without CSRF header: status %d, want 403", role, p.status)
			}
			if e := apiErrorOf(t, p); e.Field != CSRFHeader || !strings.Contains(e.Error, "X-CSRF-Token") {
				t.Errorf("%s without CSRF header: %+v", role, e)
			}
			if p := c.apiCall(http.MethodPost, "/api/v1/grade", apiGoodRequest, CSRFHeader, "salah"); p.status != http.StatusForbidden {
				t.Errorf("%s with a wrong CSRF header: status %d", role, p.status)
			}
			if p := c.apiCall(http.MethodPost, "/api/v1/grade", apiGoodRequest, CSRFHeader, c.csrf()); p.status != http.StatusOK {
				t.Errorf("%s with session and CSRF header: status %d: %s", role, p.status, p.body)
			}
		}
		// A visitor with cookies but no login: 401, not a CSRF complaint.
		anon := f.client()
		p := anon.apiCall(http.MethodPost, "/api/v1/grade", apiGoodRequest, CSRFHeader, anon.csrf())
		if p.status != http.StatusUnauthorized {
			t.Fatalf("anonymous: status %d", p.status)
		}
		// After logging out the old cookie is worthless.
		c := f.as(domain.RolePeserta)
		token := c.csrf()
		c.post("/keluar", nil)
		if p := c.apiCall(http.MethodPost, "/api/v1/grade", apiGoodRequest, CSRFHeader, token); p.status != http.StatusUnauthorized {
			t.Errorf("after logout: status %d", p.status)
		}
	})
}

func TestAPIGradeBadInput(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	_, plain := apiToken(t, f, "Sistem SIPD", f.clock.now, nil)
	body := func(n int) string { return strings.Repeat("a", n) }
	cases := []struct {
		name, body, field, want string
	}{
		{"empty request", "", "", "isi permintaan kosong"},
		{"not JSON", `{"headline": "Judul",`, "", "bukan JSON yang valid"},
		{"trailing garbage", `{"headline": "J", "body": "I"} x`, "", "bukan JSON yang valid"},
		{"array", `[1, 2]`, "", "harus berupa objek JSON"},
		{"null", `null`, "", "harus berupa objek JSON"},
		{"unknown field", `{"headline": "J", "body": "I", "judul": "x"}`, "judul", `kolom “judul” tidak dikenal`},
		{"missing headline", `{"body": "Isi."}`, "headline", "judul (headline) wajib diisi"},
		{"blank headline", `{"headline": "  \n ", "body": "Isi."}`, "headline", "judul (headline) wajib diisi"},
		{"null headline", `{"headline": null, "body": "Isi."}`, "headline", "judul (headline) wajib diisi"},
		{"headline not text", `{"headline": 12, "body": "Isi."}`, "headline", "judul (headline) harus berupa teks"},
		{"headline two lines", `{"headline": "Satu\nDua", "body": "Isi."}`, "headline", "harus satu baris"},
		{"headline too long", `{"headline": "` + body(201) + `", "body": "Isi."}`, "headline", "terlalu panjang: 201 karakter; batasnya 200"},
		{"missing body", `{"headline": "Judul"}`, "body", "isi rilis (body) wajib diisi"},
		{"empty body", `{"headline": "Judul", "body": ""}`, "body", "isi rilis (body) wajib diisi"},
		{"body too long", `{"headline": "Judul", "body": "` + body(20001) + `"}`, "body", "isi rilis (body) terlalu panjang: 20.001 karakter; batasnya 20.000 karakter"},
		{"body not UTF-8", "{\"headline\": \"Judul\", \"body\": \"Isi \xff\xfe rilis\"}", "body", "bukan teks UTF-8 yang valid"},
		{"headline not UTF-8", "{\"headline\": \"Ju\xc3dul\", \"body\": \"Isi\"}", "headline", "bukan teks UTF-8 yang valid"},
		{"lone surrogate", `{"headline": "Judul", "body": "Isi \ud800 rilis"}`, "body", "surrogate"},
		{"control character", `{"headline": "Judul", "body": "Isi\u0007 rilis"}`, "body", "karakter kendali U+0007 pada karakter ke-4"},
		{"NUL", `{"headline": "Ju\u0000dul", "body": "Isi"}`, "headline", "U+0000"},
		{"now not RFC 3339", `{"headline": "J", "body": "I", "now": "kemarin"}`, "now", "RFC 3339"},
		{"now date only", `{"headline": "J", "body": "I", "now": "2026-03-10"}`, "now", "RFC 3339"},
		{"now a number", `{"headline": "J", "body": "I", "now": 1773133200}`, "now", "RFC 3339"},
		{"brief not an object", `{"headline": "J", "body": "I", "brief": "apa: Vaksinasi"}`, "brief", "brief harus berupa objek JSON"},
		{"brief without kapan", `{"headline": "J", "body": "I", "brief": {"apa": "Vaksinasi keliling"}}`, "brief.kapan", "brief: kapan wajib diisi"},
		{"brief bad date", `{"headline": "J", "body": "I", "brief": {"apa": "Vaksinasi", "kapan": "9 Maret 2026"}}`, "brief.kapan", "kapan harus berupa tanggal YYYY-MM-DD"},
		{"brief unknown key", `{"headline": "J", "body": "I", "brief": {"apa": "Vaksinasi", "kapan": "2026-03-09", "tempat": "Balai desa"}}`, "brief.tempat", `kunci "tempat" tidak dikenal`},
		{"brief person without name", `{"headline": "J", "body": "I", "brief": {"apa": "Vaksinasi", "kapan": "2026-03-09", "siapa": [{"jabatan": "Kepala Dinas"}]}}`, "brief.siapa[0].nama", "nama pada siapa ke-1 wajib diisi"},
		{"brief figure not a number", `{"headline": "J", "body": "I", "brief": {"apa": "Vaksinasi", "kapan": "2026-03-09", "angka": [{"nilai": "banyak", "satuan": "desa"}]}}`, "brief.angka[0].nilai", "harus berupa bilangan"},
		{"weights not an object", `{"headline": "J", "body": "I", "weights": [30]}`, "weights", "bilangan bulat per kriteria"},
		{"weights fraction", `{"headline": "J", "body": "I", "weights": {"faktual": 2.5}}`, "weights", "bilangan bulat per kriteria"},
		{"weights unknown criterion", `{"headline": "J", "body": "I", "weights": {"gaya": 10}}`, "weights", `bobot “gaya” tidak dikenal`},
		{"weights negative", `{"headline": "J", "body": "I", "weights": {"faktual": -1}}`, "weights", "tidak boleh negatif"},
		{"weights all zero", `{"headline": "J", "body": "I", "weights": {"5w1h": 0, "aktual": 0, "faktual": 0, "penting": 0, "menarik": 0, "struktur": 0, "bahasa": 0}}`, "weights", "lebih dari 0"},
		{"weight too large", `{"headline": "J", "body": "I", "weights": {"faktual": 101}}`, "weights.faktual", "paling besar 100"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := f.client().apiCall(http.MethodPost, "/api/v1/grade", tc.body, "Authorization", "Bearer "+plain)
			if p.status != http.StatusBadRequest {
				t.Fatalf("status = %d, want 400: %s", p.status, p.body)
			}
			e := apiErrorOf(t, p)
			if e.Field != tc.field || !strings.Contains(e.Error, tc.want) {
				t.Errorf("error = %+v, want field %q and a message containing %q", e, tc.field, tc.want)
			}
		})
	}

	t.Run("body at the limit", func(t *testing.T) {
		p := f.client().apiCall(http.MethodPost, "/api/v1/grade", `{"headline": "Judul", "body": "`+strings.Repeat("kata ", 4000)+`"}`, "Authorization", "Bearer "+plain)
		if p.status != http.StatusOK {
			t.Fatalf("20,000 characters (trimmed to 19,999): status %d: %.200s", p.status, p.body)
		}
	})
	t.Run("over 1 MB", func(t *testing.T) {
		p := f.client().apiCall(http.MethodPost, "/api/v1/grade", `{"headline": "J", "body": "`+body(1<<20)+`"}`, "Authorization", "Bearer "+plain)
		if p.status != http.StatusRequestEntityTooLarge {
			t.Fatalf("status = %d, want 413", p.status)
		}
		apiErrorOf(t, p)
	})
	t.Run("wrong method and unknown path answer JSON", func(t *testing.T) {
		if p := f.client().apiCall(http.MethodGet, "/api/v1/grade", "", "Authorization", "Bearer "+plain); p.status != http.StatusMethodNotAllowed || p.header.Get("Allow") != "POST" {
			t.Errorf("GET /api/v1/grade: status %d, Allow %q", p.status, p.header.Get("Allow"))
		} else if e := apiErrorOf(t, p); !strings.Contains(e.Error, "gunakan POST") {
			t.Errorf("405 message: %q", e.Error)
		}
		if p := f.client().apiCall(http.MethodGet, "/api/v1/tidak-ada", ""); p.status != http.StatusNotFound {
			t.Errorf("unknown API path: status %d", p.status)
		} else {
			apiErrorOf(t, p)
		}
	})
}

func TestAPIGradeReport(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.clock.now = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
		_, plain := apiToken(t, f, "Sistem SIPD", f.clock.now, nil)
		call := func(body string) page {
			t.Helper()
			p := f.client().apiCall(http.MethodPost, "/api/v1/grade", body, "Authorization", "Bearer "+plain)
			if p.status != http.StatusOK {
				t.Fatalf("status %d: %s", p.status, p.body)
			}
			if p.header.Get("Cache-Control") != "no-store" {
				t.Errorf("Cache-Control = %q, want no-store", p.header.Get("Cache-Control"))
			}
			return p
		}
		headline := "Dinkes Sukamaju Gelar Vaksinasi Keliling di 12 Desa"
		body := "SUKAMAJU – Dinas Kesehatan Kabupaten Sukamaju menggelar vaksinasi keliling di 15 desa mulai Senin (9/3/2026) untuk mengejar cakupan imunisasi anak.\n\n" +
			"\"Kami datang ke desa agar orang tua tidak perlu jauh-jauh ke puskesmas,\" kata Kepala Dinas Kesehatan, dr. Rina Lestari."
		// Tabs, escaped slashes and \u escapes in the brief: JSON that YAML would trip over if passed on raw.
		req := map[string]any{"headline": headline, "body": strings.ReplaceAll(body, "\n", "\r\n"), "now": "2026-03-10T16:00:00+07:00",
			"weights": map[string]int{"faktual": 30}}
		raw, _ := json.Marshal(req)
		reqJSON := strings.Replace(string(raw), `"now"`, "\t\"brief\":\t{\n\t\"apa\": \"Vaksinasi keliling\\/imunisasi kejar\",\n\t\"kapan\": \"2026-03-09\", \"di_mana\": \"12 desa di Kabupaten Sukamaju\",\n"+
			"\t\"siapa\": [{\"nama\": \"dr. Rina Lestari\", \"jabatan\": \"Kepala Dinas Kesehatan\"}],\n\t\"angka\": [{\"nilai\": 12, \"satuan\": \"desa\"}],\n"+
			"\t\"mengapa\": \"mengejar cakupan imunisasi anak \\u2013 target 95%\"},\n\"now\"", 1)

		p := call(reqJSON)
		var got map[string]any
		if err := json.Unmarshal([]byte(p.body), &got); err != nil {
			t.Fatal(err)
		}
		// Every §8 field, with the right shape.
		for _, k := range []string{"grader_version", "score", "band", "criteria", "elements", "stats", "findings"} {
			if _, ok := got[k]; !ok {
				t.Errorf("report lacks %q", k)
			}
		}
		if got["grader_version"] != grading.Version {
			t.Errorf("grader_version = %v", got["grader_version"])
		}
		if s, ok := got["score"].(float64); !ok || s < 0 || s > 100 {
			t.Errorf("score = %v", got["score"])
		}
		if b, _ := got["band"].(string); !containsString([]string{"sangat_baik", "baik", "cukup", "perlu_perbaikan"}, b) {
			t.Errorf("band = %v", got["band"])
		}
		crits, _ := got["criteria"].([]any)
		var ids []string
		for _, c := range crits {
			m := c.(map[string]any)
			ids = append(ids, m["id"].(string))
			if keysOf(m) != "id label score summary weight" {
				t.Errorf("criterion fields = %s", keysOf(m))
			}
			if m["id"] == "faktual" && m["weight"] != 30.0 {
				t.Errorf("weights were not applied: faktual weight %v", m["weight"])
			}
		}
		if !reflect.DeepEqual(ids, grading.CriterionIDs) {
			t.Errorf("criteria = %v", ids)
		}
		els, _ := got["elements"].(map[string]any)
		if keysOf(els) != "apa bagaimana di_mana kapan mengapa siapa" {
			t.Errorf("elements = %s", keysOf(els))
		}
		for k, e := range els {
			if keysOf(e.(map[string]any)) != "found in_lead spans" {
				t.Errorf("element %s fields = %s", k, keysOf(e.(map[string]any)))
			}
		}
		if keysOf(got["stats"].(map[string]any)) != "avg_sentence_words headline_words lead_words paragraphs sentences words" {
			t.Errorf("stats = %s", keysOf(got["stats"].(map[string]any)))
		}
		findings, ok := got["findings"].([]any)
		if !ok {
			t.Fatalf("findings = %v", got["findings"])
		}
		contradiction := false
		for _, x := range findings {
			m := x.(map[string]any)
			for _, k := range []string{"criterion", "severity", "field", "start", "end", "message"} {
				if _, ok := m[k]; !ok {
					t.Errorf("finding lacks %q: %v", k, m)
				}
			}
			if m["criterion"] == "faktual" && m["severity"] == "kesalahan" && strings.Contains(m["message"].(string), "12") {
				contradiction = true
			}
		}
		if !contradiction {
			t.Errorf("the brief says 12 desa and the release 15: no faktual error among %d findings", len(findings))
		}

		// The same report as the grader gives on the normalised text, byte for byte.
		brief, err := grading.ParseBrief([]byte("apa: Vaksinasi keliling/imunisasi kejar\nkapan: 2026-03-09\ndi_mana: 12 desa di Kabupaten Sukamaju\n" +
			"siapa:\n  - nama: dr. Rina Lestari\n    jabatan: Kepala Dinas Kesehatan\nangka:\n  - nilai: 12\n    satuan: desa\nmengapa: mengejar cakupan imunisasi anak – target 95%\n"))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(grading.Grade(grading.Input{Headline: headline, Body: body, Brief: brief,
			Now: time.Date(2026, 3, 10, 16, 0, 0, 0, time.FixedZone("", 7*3600)), Weights: map[string]int{"faktual": 30}}))
		if strings.TrimSpace(p.body) != string(want) {
			t.Errorf("API report differs from grading.Grade on the same input:\n api: %.300s\nwant: %.300s", p.body, want)
		}

		// Without now, the server's clock is the time of writing.
		p = call(`{"headline": ` + jsonString(headline) + `, "body": ` + jsonString(body) + `}`)
		want, _ = json.Marshal(grading.Grade(grading.Input{Headline: headline, Body: body, Now: f.clock.now}))
		if strings.TrimSpace(p.body) != string(want) {
			t.Errorf("without now the report is not graded at the server's time")
		}
	})
}

func TestParseGradeRequestNormalises(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	in, bad := parseGradeRequest([]byte("  {\"headline\": \"  Judul rilis \", \"body\": \"\\r\\n Paragraf satu.\\r\\n\\r\\nParagraf dua.\\rTiga. \", \"brief\": null, \"weights\": null, \"now\": null} "), now)
	if bad != nil {
		t.Fatal(bad)
	}
	if in.Headline != "Judul rilis" || in.Body != "Paragraf satu.\n\nParagraf dua.\nTiga." || !in.Now.Equal(now) || in.Brief != nil || in.Weights != nil {
		t.Errorf("normalised input = %+v", in)
	}
	// RFC 3339 §5.6: "t" and "z" may be written in lower case.
	for _, v := range []string{"2026-03-10t09:00:00z", "2026-03-10t16:00:00+07:00", "2026-03-10T09:00:00.5z"} {
		in, bad := parseGradeRequest([]byte(`{"headline": "J", "body": "I", "now": "`+v+`"}`), time.Time{})
		if bad != nil || in.Now.UTC().Format(time.DateTime) != "2026-03-10 09:00:00" {
			t.Errorf("now %q: %v, %+v", v, in.Now, bad)
		}
	}
	// A U+FFFD the writer really typed (literally or escaped) is text, not an error.
	if _, bad := parseGradeRequest([]byte(`{"headline": "Tanda �", "body": "Isi \uFFFD dan \ufffd"}`), now); bad != nil {
		t.Errorf("a written U+FFFD was refused: %+v", bad)
	}
}

func TestOpenAPIDescribesTheAPI(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	p := f.client().get("/static/openapi.yaml")
	if p.status != http.StatusOK {
		t.Fatalf("GET /static/openapi.yaml: %d", p.status)
	}
	var doc struct {
		OpenAPI string `yaml:"openapi"`
		Servers []struct {
			URL string `yaml:"url"`
		} `yaml:"servers"`
		Paths      map[string]map[string]any `yaml:"paths"`
		Components struct {
			Schemas         map[string]openAPISchema  `yaml:"schemas"`
			SecuritySchemes map[string]map[string]any `yaml:"securitySchemes"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal([]byte(p.body), &doc); err != nil {
		t.Fatalf("openapi.yaml does not parse: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.0") || len(doc.Servers) != 1 || doc.Servers[0].URL != "/api/v1" {
		t.Fatalf("openapi %q, servers %v", doc.OpenAPI, doc.Servers)
	}
	param := regexp.MustCompile(`:([a-z_]+)`)
	for _, r := range f.srv.apiRouteTable() {
		path := param.ReplaceAllString(r.path, "{$1}") // echo's :code is OpenAPI's {code}
		if _, ok := doc.Paths[path][strings.ToLower(r.method)]; !ok {
			t.Errorf("route %s %s is not documented", r.method, r.path)
		}
	}
	if doc.Components.SecuritySchemes["bearerAuth"]["scheme"] != "bearer" {
		t.Errorf("bearer auth not described: %v", doc.Components.SecuritySchemes)
	}
	s := doc.Components.Schemas
	// The report schema must list exactly the fields the grader emits.
	rep := grading.Grade(grading.Input{Headline: "Bupati Resmikan Pasar Baru", Body: "SUKAMAJU – Bupati meresmikan pasar pada Senin (9/3/2026), kata Camat."})
	var m map[string]any
	b, _ := json.Marshal(rep)
	json.Unmarshal(b, &m)
	checks := []struct {
		schema string
		got    map[string]any
	}{
		{"Report", m},
		{"CriterionScore", m["criteria"].([]any)[0].(map[string]any)},
		{"Element", m["elements"].(map[string]any)["siapa"].(map[string]any)},
		{"Stats", m["stats"].(map[string]any)},
		{"Finding", findingWithSuggestion(t)},
	}
	for _, c := range checks {
		if got, want := keysOf(c.got), s[c.schema].propertyNames(); got != want {
			t.Errorf("schema %s properties = %s, the grader emits %s", c.schema, want, got)
		}
		if req := strings.Join(s[c.schema].Required, " "); req == "" {
			t.Errorf("schema %s lists no required fields", c.schema)
		}
	}
	if got, want := s["Report"].Properties["elements"].propertyNames(), keysOf(m["elements"].(map[string]any)); got != want {
		t.Errorf("elements schema = %s, report has %s", got, want)
	}
	if got := strings.Join(s["CriterionID"].Enum, " "); got != strings.Join(grading.CriterionIDs, " ") {
		t.Errorf("CriterionID enum = %s", got)
	}
	if got := s["Weights"].propertyNames(); got != sortedJoin(grading.CriterionIDs) {
		t.Errorf("Weights properties = %s", got)
	}
	if got := s["GradeRequest"].propertyNames(); got != sortedJoin(gradeFields) {
		t.Errorf("GradeRequest properties = %s, the handler accepts %v", got, gradeFields)
	}
	var briefKeys []string
	bt := reflect.TypeOf(grading.Brief{})
	for i := 0; i < bt.NumField(); i++ {
		if tag := strings.Split(bt.Field(i).Tag.Get("json"), ",")[0]; tag != "" && tag != "-" {
			briefKeys = append(briefKeys, tag)
		}
	}
	if got := s["Brief"].propertyNames(); got != sortedJoin(briefKeys) {
		t.Errorf("Brief properties = %s, grading.Brief has %v", got, briefKeys)
	}
}

// openAPISchema is the part of a schema object the test compares.
type openAPISchema struct {
	Required   []string                 `yaml:"required"`
	Enum       []string                 `yaml:"enum"`
	Properties map[string]openAPISchema `yaml:"properties"`
}

func (s openAPISchema) propertyNames() string {
	var ks []string
	for k := range s.Properties {
		ks = append(ks, k)
	}
	return sortedJoin(ks)
}

// findingWithSuggestion returns a marshalled finding that carries the optional suggestion.
func findingWithSuggestion(t *testing.T) map[string]any {
	t.Helper()
	rep := grading.Grade(grading.Input{Headline: "Himbauan Bupati", Body: "SUKAMAJU – Bupati menyampaikan himbauan dikantor bupati, kata Camat."})
	for _, f := range rep.Findings {
		if f.Suggestion != "" {
			var m map[string]any
			b, _ := json.Marshal(f)
			json.Unmarshal(b, &m)
			return m
		}
	}
	t.Fatal("no finding with a suggestion; pick a text with a spelling mistake")
	return nil
}

func keysOf(m map[string]any) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return sortedJoin(ks)
}

func sortedJoin(xs []string) string {
	c := append([]string(nil), xs...)
	sort.Strings(c)
	return strings.Join(c, " ")
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// BenchmarkAPIGrade measures one authenticated POST /api/v1/grade end to end
// (token lookup, parsing, grading, JSON) on SQLite.
func BenchmarkAPIGrade(b *testing.B) {
	f := newFixture(b, testkit.SQLite(b))
	admin := f.users[domain.RoleAdmin]
	_, plain, err := f.db.CreateAPIToken(context.Background(), domain.NewAPIToken{RegionID: admin.RegionID, Name: "Tolok ukur", CreatedBy: admin.ID})
	if err != nil {
		b.Fatal(err)
	}
	c := f.client()
	b.ReportAllocs()
	for b.Loop() {
		req, _ := http.NewRequest(http.MethodPost, f.ts.URL+"/api/v1/grade", strings.NewReader(apiGoodRequest))
		req.Header.Set("Authorization", "Bearer "+plain)
		res, err := c.http.Do(req)
		if err != nil || res.StatusCode != http.StatusOK {
			b.Fatalf("status %v, %v", res, err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
	}
}

// The API grades the same normalised text as the form and the CLI: a
// zero-width space or NBSP does not hide "di laksanakan", and the finding's
// offsets point at it in the normalised body.
func TestAPIGradeNormalisesInvisibleCharacters(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.clock.now = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
		_, plain := apiToken(t, f, "Sistem SIPD", f.clock.now, nil)
		const body = "SUKAMAJU – Pelatihan menulis rilis %s di Aula Setda Kabupaten Sukamaju, Selasa (10/3/2026)."
		for _, v := range []string{"di\u200b laksanakan", "di\u00a0laksanakan", "\ufeffdi\u2060 laksanakan"} {
			raw, _ := json.Marshal(map[string]any{"headline": "Diskominfo Gelar Pelatihan Rilis", "body": fmt.Sprintf(body, v)})
			p := f.client().apiCall(http.MethodPost, "/api/v1/grade", string(raw), "Authorization", "Bearer "+plain)
			if p.status != http.StatusOK {
				t.Fatalf("status %d: %s", p.status, p.body)
			}
			var rep grading.Report
			if err := json.Unmarshal([]byte(p.body), &rep); err != nil {
				t.Fatal(err)
			}
			want := []rune(fmt.Sprintf(body, "di laksanakan"))
			found := false
			for _, fd := range rep.Findings {
				if fd.Field == grading.FieldIsi && fd.End <= len(want) && string(want[fd.Start:fd.End]) == "di laksanakan" {
					found = true
				}
			}
			if !found {
				t.Errorf("%+q: no finding on \"di laksanakan\" among %d findings", v, len(rep.Findings))
			}
		}
	})
}

// TestAPIErrorsInEnglish: the API's messages follow the language the token's
// owner chose, else the caller's Accept-Language, else Indonesian; the code
// and the field a program reads are the same in every language. Both engines.
func TestAPIErrorsInEnglish(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		_, plain := apiToken(t, f, "Sistem SIPD", f.clock.now, nil)
		bearer := "Bearer " + plain
		call := func(method, path, body string, headers ...string) apiError {
			t.Helper()
			return apiErrorOf(t, f.client().apiCall(method, path, body, headers...))
		}
		check := func(what string, e apiError, msg, code, field string) {
			t.Helper()
			if e.Error != msg || e.Code != code || e.Field != field {
				t.Errorf("%s: %+v, want %q, code %q, field %q", what, e, msg, code, field)
			}
		}
		noHeadline := `{"body": "Isi."}`
		check("owner follows the browser, no header", call(http.MethodPost, "/api/v1/grade", noHeadline, "Authorization", bearer),
			"judul (headline) wajib diisi", "invalid", "headline")
		check("owner follows the browser, English header", call(http.MethodPost, "/api/v1/grade", noHeadline, "Authorization", bearer, "Accept-Language", "en-US,en;q=0.8"),
			"headline is required", "invalid", "headline")
		check("body too long in English", call(http.MethodPost, "/api/v1/grade", `{"headline": "J", "body": "`+strings.Repeat("a", 20001)+`"}`, "Authorization", bearer, "Accept-Language", "en"),
			"release body (body) is too long: 20,001 characters; the limit is 20,000", "invalid", "body")
		check("unknown token in English", call(http.MethodGet, "/api/v1/opd", "", "Authorization", "Bearer bmt_"+strings.Repeat("A", 43), "Accept-Language", "en"),
			"unknown token; check your API token or ask an admin for a new one", "unauthenticated", "")
		check("wrong method in English", call(http.MethodGet, "/api/v1/grade", "", "Authorization", bearer, "Accept-Language", "en"),
			"the method GET is not supported at this address; use POST", "method_not_allowed", "")
		check("bad filter in English", call(http.MethodGet, "/api/v1/opd?halaman=nol", "", "Authorization", bearer, "Accept-Language", "en"),
			"halaman must be a whole number from 1; it is “nol”", "invalid", "halaman")

		// The owner's choice wins over the caller's header.
		if err := db.SetUserLang(context.Background(), f.users[domain.RoleAdmin].ID, "en"); err != nil {
			t.Fatal(err)
		}
		check("English owner, Indonesian header", call(http.MethodPost, "/api/v1/grade", `{"headline": "J", "body": "I", "weights": {"gaya": 1}}`, "Authorization", bearer, "Accept-Language", "id"),
			`unknown weight “gaya”; allowed: 5w1h, aktual, faktual, penting, menarik, struktur, bahasa`, "invalid", "weights")
		if err := db.SetUserLang(context.Background(), f.users[domain.RoleAdmin].ID, "id"); err != nil {
			t.Fatal(err)
		}
		check("Indonesian owner, English header", call(http.MethodPost, "/api/v1/grade", `{"headline": "J", "body": "I", "weights": {"gaya": 1}}`, "Authorization", bearer, "Accept-Language", "en"),
			`bobot “gaya” tidak dikenal; yang boleh: 5w1h, aktual, faktual, penting, menarik, struktur, bahasa`, "invalid", "weights")
		check("public lookup in English", call(http.MethodGet, "/api/v1/certificates/ABCD-EFGH-JKMN", "", "Accept-Language", "en"),
			"Certificate not found. This code's check character does not match: a character was mistyped or changed. Check the code on the certificate again.", "not_found", "code")
	})
}
