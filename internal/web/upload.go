package web

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/certify/certpdf"
	"github.com/bimtek/bimtek/internal/domain"
)

// The forms that send a file, with the largest file each takes. A file
// over its limit must not cost the admin what they typed beside it, so these
// forms are exempt from the 1 MB body limit: uploadBody reads what they send
// (up to MaxUploadBody), keeps the text fields and the first bytes of each
// file, and the handler answers with the page's own message and the typed
// values.
var uploadForms = map[string]int64{
	"/admin/penanda-tangan": certpdf.MaxEmblemBytes,
	"/admin/pengguna/impor": importMaxBytes,
}

const (
	// MaxUploadBody bounds what an upload form's request may carry; above it
	// the answer is the plain 413 (nothing was read). A phone photo or a
	// spreadsheet chosen by mistake is well below it.
	MaxUploadBody = 64 << 20
	// maxUploadText bounds the text fields of an upload form together, as
	// the body limit does for other forms; the parts' headers count too.
	maxUploadText = 1 << 20
	// maxUploadParts bounds the parts of an upload form: the two forms have
	// fewer than ten, and a body of a million tiny parts costs seconds.
	maxUploadParts = 64
)

// ctxUploadSizes holds map[string]int64: each uploaded file's size as sent.
const ctxUploadSizes = "upload_sizes"

// isUploadForm says whether the request is a POST to a form that sends a file.
func isUploadForm(c echo.Context) bool {
	_, ok := uploadForms[c.Path()]
	return ok && c.Request().Method == http.MethodPost
}

// uploadBody rewrites an upload form's multipart body: text fields as sent,
// each file cut one byte past the form's limit (the rest read and dropped),
// and the files' real sizes kept for uploadSize. Other requests pass as they
// are (the 1 MB body limit applies to them). It runs after the session is
// loaded: only an admin's upload is read beyond 1 MB, so nobody can make
// the server read 64 MB without logging in.
func uploadBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !isUploadForm(c) {
			return next(c)
		}
		r := c.Request()
		if u := currentUser(c); u == nil || u.Role != domain.RoleAdmin {
			if r.ContentLength > maxUploadText {
				return echo.ErrStatusRequestEntityTooLarge
			}
			r.Body = http.MaxBytesReader(c.Response(), r.Body, maxUploadText)
			return next(c)
		}
		limit := uploadForms[c.Path()]
		if r.ContentLength > MaxUploadBody {
			return echo.ErrStatusRequestEntityTooLarge
		}
		mt, params, err := mime.ParseMediaType(r.Header.Get(echo.HeaderContentType))
		if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
			r.Body = http.MaxBytesReader(c.Response(), r.Body, maxUploadText)
			return next(c)
		}
		in := multipart.NewReader(http.MaxBytesReader(c.Response(), r.Body, MaxUploadBody), params["boundary"])
		var buf bytes.Buffer
		out := multipart.NewWriter(&buf)
		sizes := map[string]int64{}
		text := int64(0)
		for parts := 1; ; parts++ {
			part, err := in.NextPart()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return uploadReadError(err)
			}
			if parts > maxUploadParts {
				return echo.ErrStatusRequestEntityTooLarge
			}
			h := textproto.MIMEHeader{}
			for _, k := range []string{"Content-Disposition", "Content-Type"} {
				if v := part.Header.Get(k); v != "" {
					h.Set(k, v)
					text += int64(len(v))
				}
			}
			if text > maxUploadText {
				return echo.ErrStatusRequestEntityTooLarge
			}
			w, err := out.CreatePart(h)
			if err != nil {
				return err
			}
			if part.FileName() == "" {
				n, err := io.Copy(w, io.LimitReader(part, maxUploadText-text+1))
				if text += n; err != nil || text > maxUploadText {
					return uploadReadError(err)
				}
				continue
			}
			kept, err := io.Copy(w, io.LimitReader(part, limit+1))
			if err != nil {
				return uploadReadError(err)
			}
			dropped, err := io.Copy(io.Discard, part)
			if err != nil {
				return uploadReadError(err)
			}
			// A repeated file field is judged by its largest file, so a
			// small second part cannot hide a first one cut at the limit.
			sizes[part.FormName()] = max(sizes[part.FormName()], kept+dropped)
		}
		if err := out.Close(); err != nil {
			return err
		}
		r.Body = io.NopCloser(&buf)
		r.ContentLength = int64(buf.Len())
		r.Header.Set(echo.HeaderContentType, out.FormDataContentType())
		c.Set(ctxUploadSizes, sizes)
		return next(c)
	}
}

// uploadReadError is the answer to a body that could not be read whole: 413
// past MaxUploadBody or the text budget, 400 for a broken multipart body.
func uploadReadError(err error) error {
	var tooBig *http.MaxBytesError
	if err == nil || errors.As(err, &tooBig) {
		return echo.ErrStatusRequestEntityTooLarge
	}
	if strings.Contains(err.Error(), "multipart") || errors.Is(err, io.ErrUnexpectedEOF) {
		return domain.Errort(domain.CodeInvalid, "Berkas tidak terkirim utuh. Muat ulang halaman, lalu kirim lagi.", nil)
	}
	return err
}

// uploadSize is the size of the file sent in field as the client sent it
// (the handler sees at most the form's limit plus one byte of it).
func uploadSize(c echo.Context, field string) int64 {
	sizes, _ := c.Get(ctxUploadSizes).(map[string]int64)
	return sizes[field]
}

// UploadPaths lists the forms that send a file (for the reverse proxy's
// body limit), sorted.
func UploadPaths() []string {
	out := make([]string, 0, len(uploadForms))
	for p := range uploadForms {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
