package web

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/lib/pq"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestEveryErrorMapsInOnePlace returns each kind of error from a handler, on
// a page and under /api/, and checks the status, the page's title and
// message, and the JSON body (error, field, request_id). Domain codes,
// echo's own errors and the CSRF refusal all go through handleError.
func TestEveryErrorMapsInOnePlace(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	const (
		notFound       = "Alamat yang Anda buka tidak ada atau tidak dapat Anda akses. Periksa kembali tautannya."
		denied         = "Peran Anda tidak memiliki akses ke halaman ini."
		unavailable    = "Layanan sementara tidak tersedia karena basis data tidak dapat dihubungi. Tunggu beberapa detik, lalu coba lagi. Teks rilis yang sedang Anda tulis tetap tersimpan di peramban ini."
		apiUnavailable = "basis data tidak dapat dihubungi; coba lagi sebentar lagi"
		fault          = "Maaf, permintaan Anda gagal diproses. Coba lagi beberapa saat lagi; bila masih gagal, sampaikan kode permintaan di bawah ini kepada admin."
	)
	cases := []struct {
		name           string
		err            error
		h              echo.HandlerFunc // instead of returning err
		status         int
		title, message string // the page
		apiErr, field  string // the JSON body
	}{
		{name: "not found", err: domain.ErrNotFound, status: 404,
			title: "Halaman tidak ditemukan", message: notFound, apiErr: notFound},
		{name: "not found, wrapped", err: fmt.Errorf("membaca angkatan: %w", domain.ErrNotFound), status: 404,
			title: "Halaman tidak ditemukan", message: notFound, apiErr: notFound},
		{name: "not found with words of its own", err: domain.Errorf(domain.CodeNotFound, "OPD tidak ditemukan"), status: 404,
			title: "Halaman tidak ditemukan", message: notFound, apiErr: "OPD tidak ditemukan"},
		{name: "invalid with a field", err: domain.InvalidField("per_halaman", "per_halaman harus bilangan bulat 1–200; sekarang %q", "0"), status: 400,
			title: "Permintaan tidak dapat diproses", message: `per_halaman harus bilangan bulat 1–200; sekarang "0"`,
			apiErr: `per_halaman harus bilangan bulat 1–200; sekarang "0"`, field: "per_halaman"},
		{name: "invalid, several fields", err: domain.Invalid(domain.FieldError{Field: "status", Message: "status tidak dikenal"}, domain.FieldError{Field: "urut", Message: "urutan tidak dikenal"}), status: 400,
			title: "Permintaan tidak dapat diproses", message: "status tidak dikenal", apiErr: "status tidak dikenal", field: "status"},
		{name: "conflict", err: domain.ErrConflict, status: 409,
			title: "Permintaan tidak dapat diproses", message: domain.ErrConflict.Message, apiErr: domain.ErrConflict.Message},
		{name: "conflict with words of its own", err: domain.Errorf(domain.CodeConflict, "akun ini sudah nonaktif; tidak ada yang diubah"), status: 409,
			title: "Permintaan tidak dapat diproses", message: "akun ini sudah nonaktif; tidak ada yang diubah", apiErr: "akun ini sudah nonaktif; tidak ada yang diubah"},
		{name: "forbidden", err: domain.ErrForbidden, status: 403,
			title: "Akses ditolak", message: denied, apiErr: denied},
		{name: "forbidden with words of its own", err: domain.Errorf(domain.CodeForbidden, "peran Anda tidak dapat membaca status kepatuhan OPD"), status: 403,
			title: "Akses ditolak", message: denied, apiErr: "peran Anda tidak dapat membaca status kepatuhan OPD"},
		{name: "unauthenticated", err: domain.Errorf(domain.CodeUnauthenticated, "token kedaluwarsa"), status: 401,
			title: "Perlu masuk", message: "token kedaluwarsa", apiErr: "token kedaluwarsa"},
		{name: "too many requests", err: domain.Errorf(domain.CodeTooManyRequests, "coba lagi dalam 12 detik"), status: 429,
			title: "Terlalu banyak permintaan", message: "coba lagi dalam 12 detik", apiErr: "coba lagi dalam 12 detik"},
		{name: "internal code", err: domain.Errorf(domain.CodeInternal, "kata sandi basis data salah"), status: 500,
			title: "Terjadi kesalahan di server", message: fault, apiErr: fault},
		{name: "plain error", err: errors.New("koneksi basis data terputus"), status: 500,
			title: "Terjadi kesalahan di server", message: fault, apiErr: fault},
		{name: "csrf", err: errCSRFRefused, status: 403, title: "Formulir kedaluwarsa",
			message: "Formulir ini tidak dapat diproses karena token keamanannya tidak ada atau sudah tidak berlaku. Muat ulang halaman, lalu kirim lagi.",
			apiErr:  "permintaan dengan cookie sesi harus membawa header X-CSRF-Token berisi token CSRF dari halaman (kolom csrf_token); sistem lain sebaiknya memakai token API",
			field:   "X-CSRF-Token"},
		{name: "echo: no route", err: echo.ErrNotFound, status: 404,
			title: "Halaman tidak ditemukan", message: notFound, apiErr: notFound},
		{name: "echo: body too large, wrapped", err: fmt.Errorf("membaca: %w", echo.ErrStatusRequestEntityTooLarge), status: 413,
			title: "Kiriman terlalu besar", message: "Data yang Anda kirim melebihi batas 1 MB. Kurangi ukurannya, lalu coba lagi.",
			apiErr: "Data yang Anda kirim melebihi batas 1 MB. Kurangi ukurannya, lalu coba lagi."},
		{name: "echo: wrong method", err: echo.ErrMethodNotAllowed, status: 405,
			title: "Cara akses tidak didukung", message: "Halaman ini tidak dapat dibuka dengan cara tersebut.",
			apiErr: "Halaman ini tidak dapat dibuka dengan cara tersebut."},
		{name: "wrong method with Allow", h: apiMethodNotAllowed("POST"), status: 405,
			title: "Cara akses tidak didukung", message: "Halaman ini tidak dapat dibuka dengan cara tersebut.",
			apiErr: "metode GET tidak didukung di alamat ini; gunakan POST"},
		{name: "echo: other 4xx", err: echo.ErrUnsupportedMediaType, status: 415,
			title: "Permintaan tidak dapat diproses", message: "Unsupported Media Type", apiErr: "Unsupported Media Type"},
		{name: "echo: 5xx", err: echo.ErrBadGateway, status: 500,
			title: "Terjadi kesalahan di server", message: fault, apiErr: fault},
		{name: "database: connection terminated", err: fmt.Errorf("membaca sesi: %w", &pq.Error{Code: "57P01", Message: "terminating connection due to administrator command"}),
			status: 503, title: "Layanan sementara tidak tersedia", message: unavailable, apiErr: apiUnavailable},
		{name: "database: refused", err: fmt.Errorf("membuka koneksi: %w", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}),
			status: 503, title: "Layanan sementara tidak tersedia", message: unavailable, apiErr: apiUnavailable},
		{name: "database: bad connection", err: fmt.Errorf("menyimpan draf: %w", driver.ErrBadConn),
			status: 503, title: "Layanan sementara tidak tersedia", message: unavailable, apiErr: apiUnavailable},
		{name: "database: statement refused stays 500", err: &pq.Error{Code: "42P01", Message: "relation does not exist"}, status: 500,
			title: "Terjadi kesalahan di server", message: fault, apiErr: fault},
	}
	for i, tc := range cases {
		h := tc.h
		if h == nil {
			err := tc.err
			h = func(echo.Context) error { return err }
		}
		pagePath, apiPath := fmt.Sprintf("/uji-galat/%d", i), fmt.Sprintf("/api/v1/uji-galat/%d", i)
		f.srv.e.GET(pagePath, h)
		f.srv.e.GET(apiPath, h)
		t.Run(tc.name, func(t *testing.T) {
			c := f.client()
			p := c.get(pagePath)
			if p.status != tc.status {
				t.Fatalf("page status = %d, want %d", p.status, tc.status)
			}
			if got := p.text("main h1"); got != tc.title {
				t.Errorf("page title = %q, want %q", got, tc.title)
			}
			if got := p.text("main p.lead"); got != tc.message {
				t.Errorf("page message = %q, want %q", got, tc.message)
			}
			if got := p.header.Get("Retry-After"); (tc.status == 503) != (got == "5") {
				t.Errorf("Retry-After = %q on a %d", got, tc.status)
			}
			if tc.status == 500 && p.text("main code") == "" {
				t.Error("a server fault's page does not show the request id")
			}
			a := c.get(apiPath)
			if a.status != tc.status {
				t.Fatalf("API status = %d, want %d", a.status, tc.status)
			}
			var body map[string]string
			if err := json.Unmarshal([]byte(a.body), &body); err != nil || !strings.HasPrefix(a.header.Get("Content-Type"), "application/json") {
				t.Fatalf("API body is not JSON (%v): %s", err, a.body)
			}
			if body["error"] != tc.apiErr || body["field"] != tc.field {
				t.Errorf("API body = %v, want error %q and field %q", body, tc.apiErr, tc.field)
			}
			if _, hasField := body["field"]; hasField && tc.field == "" {
				t.Errorf("API body names an empty field: %s", a.body)
			}
			if body["request_id"] == "" || body["request_id"] != a.header.Get(echo.HeaderXRequestID) {
				t.Errorf("API request_id = %q, header %q", body["request_id"], a.header.Get(echo.HeaderXRequestID))
			}
			for k := range body {
				if k != "error" && k != "code" && k != "field" && k != "request_id" {
					t.Errorf("API body has keys beyond error, code, field, request_id: %s", a.body)
				}
			}
			wantCode := map[int]string{400: "invalid", 401: "unauthenticated", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
				409: "conflict", 413: "too_large", 429: "too_many_requests", 500: "internal", 503: "unavailable"}[tc.status]
			if tc.field == CSRFHeader {
				wantCode = "csrf"
			}
			if wantCode == "" { // another client error
				wantCode = "invalid"
			}
			if body["code"] != wantCode {
				t.Errorf("API code = %q, want %q", body["code"], wantCode)
			}
		})
	}
	t.Run("HEAD has no body", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodHead, f.ts.URL+"/tidak-ada", nil)
		if p := f.client().do(req); p.status != 404 || p.body != "" {
			t.Errorf("HEAD: %d %q", p.status, p.body)
		}
	})
}

// TestHandlersReturnDomainErrors keeps the one vocabulary: no code of the
// package makes an echo error of its own (echo.ErrNotFound, NewHTTPError, a
// literal HTTPError…); handlers return domain errors and handleError maps
// them. The one exception stands in for echo's router: a known API path
// called with another method.
func TestHandlersReturnDomainErrors(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	// apiMethodNotAllowed answers as echo's router would; the upload forms'
	// body reader answers 413 as echo's body limit does for other forms.
	allowed := map[string]bool{"apiMethodNotAllowed": true, "uploadBody": true, "uploadReadError": true}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || allowed[fn.Name.Name] {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "echo" &&
					(strings.HasPrefix(sel.Sel.Name, "Err") || sel.Sel.Name == "NewHTTPError" || sel.Sel.Name == "HTTPError") {
					// Reading an echo error that passes through (errors.As into *echo.HTTPError) is fine; making one is not.
					if _, isStar := parentStar(fn, sel); !isStar {
						t.Errorf("%s: %s makes echo.%s; return a domain error", fset.Position(sel.Pos()), fn.Name.Name, sel.Sel.Name)
					}
				}
				return true
			})
		}
	}
	if checked < 20 {
		t.Fatalf("checked %d files; run from the package directory", checked)
	}
}

// parentStar reports whether sel is the operand of a pointer type (*echo.HTTPError),
// which declares a variable to read an error into rather than making one.
func parentStar(root ast.Node, sel *ast.SelectorExpr) (*ast.StarExpr, bool) {
	var found *ast.StarExpr
	ast.Inspect(root, func(n ast.Node) bool {
		if st, ok := n.(*ast.StarExpr); ok && st.X == sel {
			found = st
		}
		return found == nil
	})
	return found, found != nil
}

// A failed request writes one ERROR line, the request's own, with its error:
// before, handleError logged it again (and a 503 for a lost database was a
// 500 with the same two lines).
func TestFailedRequestLogsOneErrorLine(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	buf := f.captureLog()
	f.srv.e.GET("/uji-galat/satu-baris", func(echo.Context) error { return errors.New("rusak di dalam") })
	f.srv.e.GET("/uji-galat/database", func(echo.Context) error {
		return fmt.Errorf("membaca sesi: %w", &pq.Error{Code: "57P01", Message: "terminating connection"})
	})
	for path, status := range map[string]int{"/uji-galat/satu-baris": 500, "/uji-galat/database": 503} {
		before := len(buf.String())
		if p := f.client().get(path); p.status != status {
			t.Fatalf("%s: status %d, want %d", path, p.status, status)
		}
		lines := strings.Split(strings.TrimSpace(buf.String()[before:]), "\n")
		errorLines := 0
		for _, l := range lines {
			if strings.Contains(l, "level=ERROR") {
				errorLines++
				if !strings.Contains(l, "msg=permintaan") || !strings.Contains(l, "status="+fmt.Sprint(status)) || !strings.Contains(l, "err=") {
					t.Errorf("%s: the error line lacks the request, status or error: %s", path, l)
				}
			}
		}
		if errorLines != 1 {
			t.Errorf("%s: %d ERROR lines, want 1:\n%s", path, errorLines, buf.String())
		}
	}
}
