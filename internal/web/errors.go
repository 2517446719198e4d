package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
)

type errorPage struct {
	Title, Message, RequestID string
}

// apiError is the body of every refused API request (the Error schema of
// web/static/openapi.yaml).
type apiError struct {
	Error     string `json:"error"`
	Code      string `json:"code"`
	Field     string `json:"field,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

// apiCodes are the API's error codes, for programs: the same in every
// language, one per answer status (and csrf for the refused session call).
var apiCodes = map[int]string{
	http.StatusBadRequest:            "invalid",
	http.StatusUnauthorized:          "unauthenticated",
	http.StatusForbidden:             "forbidden",
	http.StatusNotFound:              "not_found",
	http.StatusMethodNotAllowed:      "method_not_allowed",
	http.StatusConflict:              "conflict",
	http.StatusRequestEntityTooLarge: "too_large",
	http.StatusTooManyRequests:       "too_many_requests",
	http.StatusInternalServerError:   "internal",
	http.StatusServiceUnavailable:    "unavailable",
}

// apiCode is the error code of an answer.
func apiCode(p problem) string {
	if p.field == CSRFHeader && p.status == http.StatusForbidden {
		return "csrf"
	}
	if code, ok := apiCodes[p.status]; ok {
		return code
	}
	return "invalid"
}

// problem is how a refused request is answered: a status, the error page's
// title and message, and the JSON API's message and field.
type problem struct {
	status         int
	title, message string
	apiMessage     string
	apiData        map[string]any // apiMessage's values when it is a template
	apiErr         *domain.Error  // the domain error whose words the API client reads
	field          string
	internal       bool // a fault of ours: logged with the request id
	unavailable    bool // the database cannot be reached: 503 with Retry-After
}

// retryAfterSeconds is what a 503 for an unreachable database asks clients to
// wait; a terminated connection is replaced at once, a restart takes seconds.
const retryAfterSeconds = "5"

// The words of the answers that carry no details of their own.
const (
	msgNotFound    = "Alamat yang Anda buka tidak ada atau tidak dapat Anda akses. Periksa kembali tautannya."
	msgForbidden   = "Peran Anda tidak memiliki akses ke halaman ini."
	msgCSRF        = "Formulir ini tidak dapat diproses karena token keamanannya tidak ada atau sudah tidak berlaku. Muat ulang halaman, lalu kirim lagi."
	msgAPICSRF     = "permintaan dengan cookie sesi harus membawa header X-CSRF-Token berisi token CSRF dari halaman (kolom csrf_token); sistem lain sebaiknya memakai token API"
	msgTooLarge    = "Data yang Anda kirim melebihi batas 1 MB. Kurangi ukurannya, lalu coba lagi."
	msgBadMethod   = "Halaman ini tidak dapat dibuka dengan cara tersebut."
	msgTooMany     = "Tunggu sebentar, lalu coba lagi."
	msgBadRequest  = "Data yang dikirim tidak sesuai."
	msgUnavailable = "Layanan sementara tidak tersedia karena basis data tidak dapat dihubungi. Tunggu beberapa detik, lalu coba lagi. Teks rilis yang sedang Anda tulis tetap tersimpan di peramban ini."
	msgServerFault = "Maaf, permintaan Anda gagal diproses. Coba lagi beberapa saat lagi; bila masih gagal, sampaikan kode permintaan di bawah ini kepada admin."
)

// codeStatus is the HTTP status of each domain error code.
var codeStatus = map[domain.Code]int{
	domain.CodeNotFound:        http.StatusNotFound,
	domain.CodeInvalid:         http.StatusBadRequest,
	domain.CodeConflict:        http.StatusConflict,
	domain.CodeForbidden:       http.StatusForbidden,
	domain.CodeUnauthenticated: http.StatusUnauthorized,
	domain.CodeTooManyRequests: http.StatusTooManyRequests,
}

// problemOf maps an error to its answer. Handlers, services and the store
// return domain errors; echo's own (no route, wrong method, body too large)
// and the CSRF refusal arrive here too. This is the one place any of them
// becomes a status and words.
func problemOf(err error, method, allow string) problem {
	var p problem
	var he *echo.HTTPError
	var de *domain.Error
	switch {
	case errors.Is(err, errCSRF):
		return problem{status: http.StatusForbidden, title: "Formulir kedaluwarsa", message: msgCSRF, apiMessage: msgAPICSRF, field: CSRFHeader}
	case store.IsUnavailable(err):
		return problem{status: http.StatusServiceUnavailable, title: "Layanan sementara tidak tersedia", message: msgUnavailable,
			apiMessage: "basis data tidak dapat dihubungi; coba lagi sebentar lagi", unavailable: true}
	case errors.As(err, &he):
		p.status = he.Code
	case errors.As(err, &de):
		p.status = http.StatusInternalServerError
		if st, ok := codeStatus[de.Code]; ok {
			p.status = st
		}
	default:
		p.status = http.StatusInternalServerError
	}
	switch p.status {
	case http.StatusNotFound:
		p.title, p.message = "Halaman tidak ditemukan", msgNotFound
	case http.StatusForbidden:
		p.title, p.message = "Akses ditolak", msgForbidden
	case http.StatusRequestEntityTooLarge:
		p.title, p.message = "Kiriman terlalu besar", msgTooLarge
	case http.StatusMethodNotAllowed:
		p.title, p.message = "Cara akses tidak didukung", msgBadMethod
		if allow != "" {
			p.apiMessage, p.apiData = "metode {{.Method}} tidak didukung di alamat ini; gunakan {{.Allow}}", map[string]any{"Method": method, "Allow": allow}
		}
	case http.StatusTooManyRequests:
		p.title, p.message = "Terlalu banyak permintaan", msgTooMany
	case http.StatusUnauthorized:
		p.title, p.message = "Perlu masuk", "Masuk terlebih dahulu, lalu coba lagi."
	case http.StatusBadRequest, http.StatusConflict:
		p.title, p.message = "Permintaan tidak dapat diproses", msgBadRequest
		if de != nil {
			p.message = de.Message
		}
	default:
		if p.status < 500 {
			p.title, p.message = "Permintaan tidak dapat diproses", http.StatusText(p.status)
			break
		}
		p.status, p.internal = http.StatusInternalServerError, true
		p.title, p.message = "Terjadi kesalahan di server", msgServerFault
	}
	// A domain error's own words reach the API client (and the pages of
	// 401 and 429); the two details-free sentinels keep the page's words, so
	// a refused object reads exactly like a missing one.
	if de != nil && !p.internal && de != domain.ErrNotFound && de != domain.ErrForbidden {
		p.apiMessage, p.apiErr, p.field = de.Message, de, de.Field()
		if p.status == http.StatusUnauthorized || p.status == http.StatusTooManyRequests {
			p.message = de.Message
		}
	}
	if p.apiMessage == "" {
		p.apiMessage = p.message
	}
	return p
}

// apiText is the API's message of p in language l: the token owner's or the
// logged-in user's choice, else the caller's Accept-Language (langOf).
func apiText(l i18n.Lang, p problem) string {
	switch {
	case p.apiErr != nil:
		return errTextIn(l, p.apiErr)
	case p.apiData != nil:
		return tfl(l, p.apiMessage, p.apiData)
	}
	return i18n.T(l, p.apiMessage)
}

// handleError is echo's error handler: problemOf decides the answer, and it
// is written as the error page or, under /api/, as apiError JSON. Details of
// server faults stay in the log.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	p := problemOf(err, c.Request().Method, c.Response().Header().Get(echo.HeaderAllow))
	requestID := c.Response().Header().Get(echo.HeaderXRequestID)
	// The request log (logRequests) writes the one line of a failed request,
	// with its error; nothing is logged here.
	if p.unavailable {
		c.Response().Header().Set("Retry-After", retryAfterSeconds)
	}
	if strings.HasPrefix(c.Request().URL.Path, "/api/") {
		_ = c.JSON(p.status, apiError{Error: apiText(langOf(c), p), Code: apiCode(p), Field: p.field, RequestID: requestID})
		return
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(p.status)
		return
	}
	// The page is in the reader's language: the fixed words from the message
	// file, a domain error's own message through errText (its values kept).
	msg := tr(c, p.message)
	var de *domain.Error
	if errors.As(err, &de) && de.Message == p.message {
		msg = errText(c, de)
	}
	if wantsJSON(c) {
		// A page's script (autosave) reads the words and shows them where it
		// reports the draft's state; an HTML page would read as a lost connection.
		_ = c.JSON(p.status, map[string]string{"error": msg})
		return
	}
	if rerr := s.render(c, p.status, "error", errorPage{Title: tr(c, p.title), Message: msg, RequestID: requestID}); rerr != nil {
		s.log.Error("menampilkan halaman galat gagal", "err", rerr)
		_ = c.String(p.status, p.title)
	}
}
