package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
)

type errorPage struct {
	Title, Message, RequestID string
}

// handleError is the one place errors become HTTP responses: domain codes and
// echo errors map to a status and an Indonesian page; details stay in the log.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status := http.StatusInternalServerError
	var he *echo.HTTPError
	if errors.As(err, &he) {
		status = he.Code
	} else {
		switch domain.ErrorCode(err) {
		case domain.CodeNotFound:
			status = http.StatusNotFound
		case domain.CodeForbidden:
			status = http.StatusForbidden
		case domain.CodeInvalid:
			status = http.StatusBadRequest
		case domain.CodeConflict:
			status = http.StatusConflict
		}
	}
	page := errorPage{RequestID: c.Response().Header().Get(echo.HeaderXRequestID)}
	switch status {
	case http.StatusNotFound:
		page.Title, page.Message = "Halaman tidak ditemukan", "Alamat yang Anda buka tidak ada atau tidak dapat Anda akses. Periksa kembali tautannya."
	case http.StatusForbidden:
		if he != nil && errors.Is(asError(he.Message), errCSRF) {
			page.Title, page.Message = "Formulir kedaluwarsa", "Formulir ini tidak dapat diproses karena token keamanannya tidak ada atau sudah tidak berlaku. Muat ulang halaman, lalu kirim lagi."
		} else {
			page.Title, page.Message = "Akses ditolak", "Peran Anda tidak memiliki akses ke halaman ini."
		}
	case http.StatusRequestEntityTooLarge:
		page.Title, page.Message = "Kiriman terlalu besar", "Data yang Anda kirim melebihi batas 1 MB. Kurangi ukurannya, lalu coba lagi."
	case http.StatusMethodNotAllowed:
		page.Title, page.Message = "Cara akses tidak didukung", "Halaman ini tidak dapat dibuka dengan cara tersebut."
	case http.StatusTooManyRequests:
		page.Title, page.Message = "Terlalu banyak permintaan", "Tunggu sebentar, lalu coba lagi."
	case http.StatusBadRequest, http.StatusConflict:
		page.Title, page.Message = "Permintaan tidak dapat diproses", "Data yang dikirim tidak sesuai."
		var de *domain.Error
		if errors.As(err, &de) {
			page.Message = de.Message
		}
	default:
		if status < 500 {
			page.Title, page.Message = "Permintaan tidak dapat diproses", http.StatusText(status)
			break
		}
		status = http.StatusInternalServerError
		page.Title, page.Message = "Terjadi kesalahan di server", "Maaf, permintaan Anda gagal diproses. Coba lagi beberapa saat lagi; bila masih gagal, sampaikan kode permintaan di bawah ini kepada admin."
		s.log.Error("kesalahan server", "request_id", page.RequestID, "path", c.Request().URL.Path, "err", err)
	}
	if strings.HasPrefix(c.Request().URL.Path, "/api/") {
		_ = c.JSON(status, map[string]string{"error": page.Message, "request_id": page.RequestID})
		return
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(status)
		return
	}
	if rerr := s.render(c, status, "error", page); rerr != nil {
		s.log.Error("menampilkan halaman galat gagal", "err", rerr)
		_ = c.String(status, page.Title)
	}
}

func asError(v any) error {
	if e, ok := v.(error); ok {
		return e
	}
	return nil
}
