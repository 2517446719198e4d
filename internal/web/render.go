package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	assets "github.com/bimtek/bimtek/web"
)

// View is what every page template receives.
type View struct {
	Title string
	User  *domain.User
	// Top is the page header (who is logged in, logout, navigation) and
	// Chrome the layout's fixed parts, both built in Go: they are on every
	// page, and each template action costs more than writing the HTML.
	Top    template.HTML
	Chrome *chrome
	CSRF   string
	Flash  string
	Data   any
	Body   template.HTML // the content block, when already rendered (renderBody)
}

// chrome is the layout's HTML that does not change while the server runs.
type chrome struct{ Head, Foot template.HTML }

// NavItem is one navigation link.
type NavItem struct {
	Label, Href string
	Current     bool
}

// renderer holds the parsed templates (one set per page) and the asset hashes.
type renderer struct {
	pages  map[string]*template.Template
	hashes map[string]string
	chrome chrome
}

// newRenderer parses every page template with the layout at start-up, so a
// broken template stops the server instead of failing a request later.
func newRenderer(version string) (*renderer, error) {
	r := &renderer{pages: map[string]*template.Template{}, hashes: map[string]string{}}
	err := fs.WalkDir(assets.Static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(assets.Static, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		r.hashes[strings.TrimPrefix(p, "static/")] = hex.EncodeToString(sum[:6])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("membaca aset statis: %w", err)
	}
	funcs := template.FuncMap{
		"asset": func(name string) (string, error) {
			h, ok := r.hashes[name]
			if !ok {
				return "", fmt.Errorf("aset %q tidak ada", name)
			}
			return "/static/" + name + "?v=" + h, nil
		},
		"kindLabel":       domain.OPDKindLabel,
		"stateLabel":      domain.StateLabel,
		"attendanceLabel": domain.AttendanceLabel,
		"longDate":        longDate,
		"shortDate":       shortDate,
		"dateTime":        dateTime,
		"itemURL":         course.DefaultItemURL,
		"inc":             func(i int) int { return i + 1 },
		"ribuan":          thousands,
		"subState":        func(s interface{ Label() string }) string { return s.Label() }, // a state or a decision
		"criterionLabel":  grading.CriterionLabel,
		"chartHeight":     func(n int) int { return n*22 + 4 },
		"chartY":          func(i, dy int) int { return i*22 + dy },
		"scoreClass": func(score int) string {
			switch {
			case score >= 85:
				return "tinggi"
			case score >= 55:
				return "sedang"
			}
			return "rendah"
		},
	}
	r.chrome = chrome{
		Head: template.HTML(`<link rel="stylesheet" href="/static/app.css?v=` + r.hashes["app.css"] + `">
<link rel="icon" href="/static/favicon.svg?v=` + r.hashes["favicon.svg"] + `" type="image/svg+xml">`),
		Foot: template.HTML(`<footer class="foot wrap">
  <p>Bimtek — bimbingan teknis admin media sosial OPD · versi ` + html.EscapeString(version) + `</p>
</footer>
<script src="/static/nav.js?v=` + r.hashes["nav.js"] + `" defer></script>`),
	}
	base, err := template.New("base").Funcs(funcs).ParseFS(assets.Templates, "templates/layout.html", "templates/partials.html")
	if err != nil {
		return nil, fmt.Errorf("membaca templat dasar: %w", err)
	}
	files, err := fs.Glob(assets.Templates, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "layout" || name == "partials" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(assets.Templates, f)
		if err != nil {
			return nil, fmt.Errorf("membaca templat %s: %w", f, err)
		}
		r.pages[name] = t
	}
	return r, nil
}

// render writes page name with status, filling the common view fields.
func (s *Server) render(c echo.Context, status int, name string, data any) error {
	return s.renderView(c, status, name, s.view(c, data))
}

// renderView writes page name from a prepared view; v.Body, when set,
// stands for the page's content block (see renderBody).
func (s *Server) renderView(c echo.Context, status int, name string, v View) error {
	buf := pageBufs.Get().(*bytes.Buffer)
	defer putPageBuf(buf)
	if err := s.execute(buf, name, "layout", v); err != nil {
		return err
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// renderBody renders only the content block of page name, to be kept and
// set as v.Body while what it shows is unchanged.
func (s *Server) renderBody(name string, v View) (template.HTML, error) {
	buf := pageBufs.Get().(*bytes.Buffer)
	defer putPageBuf(buf)
	if err := s.execute(buf, name, "content", v); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil // produced by html/template, escaped
}

func (s *Server) execute(buf *bytes.Buffer, page, block string, v View) error {
	t, ok := s.tmpl.pages[page]
	if !ok {
		return fmt.Errorf("templat %q tidak ada", page)
	}
	if err := t.ExecuteTemplate(buf, block, v); err != nil {
		return fmt.Errorf("menampilkan %s: %w", page, err)
	}
	return nil
}

func (s *Server) view(c echo.Context, data any) View {
	v := View{User: currentUser(c), CSRF: csrfToken(c), Data: data, Chrome: &s.tmpl.chrome}
	v.Top = topHTML(v.User, v.CSRF, s.navFor(c.Request().Context(), v.User, c.Request().URL.Path))
	if f, ok := c.Get(ctxFlash).(string); ok {
		v.Flash = f
	}
	return v
}

func putPageBuf(buf *bytes.Buffer) {
	if buf.Cap() <= maxPooledPage {
		buf.Reset()
		pageBufs.Put(buf)
	}
}

// pageBufs reuses the buffers pages are rendered into; most pages are
// 10–40 KB, and growing a fresh buffer for each is much of a view's garbage.
var pageBufs = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 32<<10)) }}

// maxPooledPage keeps the rare huge page's buffer out of the pool.
const maxPooledPage = 256 << 10

// fragment renders a partial template once per key and keeps the HTML.
// Course content is immutable while a catalog is loaded, so the parts of an
// item page that depend only on the item (breadcrumbs, pager) need not run
// their template actions on every request. Keys must identify the content
// exactly (see itemKey).
func (s *Server) fragment(key, name string, data any) (template.HTML, error) {
	if h, ok := s.fragments.Load(key + "|" + name); ok {
		return h.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := s.tmpl.pages["lesson"].ExecuteTemplate(&buf, name, data); err != nil {
		return "", fmt.Errorf("menampilkan %s: %w", name, err)
	}
	h := template.HTML(buf.String()) // produced by html/template, escaped
	s.fragments.Store(key+"|"+name, h)
	return h, nil
}

// navFor returns the navigation of a role; the server checks access on every
// route regardless of what the navigation shows.
func (s *Server) navFor(ctx context.Context, u *domain.User, current string) []NavItem {
	if u == nil {
		return nil
	}
	items := []NavItem{{Label: "Beranda", Href: "/beranda"}}
	switch u.Role {
	case domain.RolePeserta:
		items = append(items, NavItem{Label: "Jadwal", Href: "/jadwal"}, NavItem{Label: "Sertifikat", Href: "/sertifikat"})
	case domain.RolePimpinanOPD:
		if u.OPDID != nil {
			items = append(items, NavItem{Label: "OPD saya", Href: fmt.Sprintf("/opd/%d", *u.OPDID)})
		}
	case domain.RoleFasilitator:
		items = append(items, s.reviewNav(ctx, u))
	case domain.RoleAdmin:
		items = append(items, NavItem{Label: "Kepatuhan OPD", Href: "/kepatuhan"}, NavItem{Label: "OPD", Href: "/admin/opd"}, NavItem{Label: "Pengguna", Href: "/admin/pengguna"},
			NavItem{Label: "Angkatan", Href: "/admin/angkatan"}, s.reviewNav(ctx, u), NavItem{Label: "Sertifikat", Href: "/admin/sertifikat"},
			NavItem{Label: "Kesesuaian nilai", Href: "/admin/kesesuaian"}, NavItem{Label: "Token API", Href: "/admin/token"})
	}
	items = append(items, NavItem{Label: "Akun saya", Href: "/akun"})
	for i := range items {
		items[i].Current = items[i].Href == current
	}
	return items
}

// topHTML writes the page header: who is logged in with the logout button
// and the navigation, or the login link.
func topHTML(u *domain.User, csrf string, nav []NavItem) template.HTML {
	var b strings.Builder
	b.Grow(1024)
	b.WriteString(`<header class="top">
  <div class="wrap top-in">
    <a class="brand" href="/">Bimtek<span class="brand-sub"> · Admin Medsos OPD</span></a>
`)
	if u == nil {
		b.WriteString(`    <a class="btn btn-small" href="/masuk">Masuk</a>
  </div>
</header>`)
		return template.HTML(b.String())
	}
	b.WriteString(`    <div class="who">
      <span class="who-name">`)
	b.WriteString(html.EscapeString(u.Name))
	b.WriteString(`</span>
      <span class="who-role">`)
	b.WriteString(html.EscapeString(u.Role.Label()))
	b.WriteString(`</span>
      <form method="post" action="/keluar" class="inline">
        <input type="hidden" name="csrf_token" value="`)
	b.WriteString(html.EscapeString(csrf))
	b.WriteString(`">
        <button type="submit" class="link-btn">Keluar</button>
      </form>
    </div>
  </div>
  <nav class="nav" aria-label="Navigasi utama">
    <ul class="wrap">
      `)
	for _, it := range nav {
		b.WriteString(`<li><a href="`)
		b.WriteString(html.EscapeString(it.Href))
		b.WriteString(`"`)
		if it.Current {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteString(`>`)
		b.WriteString(html.EscapeString(it.Label))
		b.WriteString(`</a></li>`)
	}
	b.WriteString(`
    </ul>
  </nav>
</header>`)
	return template.HTML(b.String())
}

// FormError is one message about one field: the domain's per-field message, so a
// refused form and a refused API request speak the same vocabulary.
type FormError = domain.FieldError

// Form keeps what the user typed plus the errors, to re-render a page.
type Form struct {
	Email  string
	Errors []FormError
}

// ErrorFor returns the message for a field, or "".
func (f Form) ErrorFor(field string) string {
	for _, e := range f.Errors {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// Add records an error on a field.
func (f *Form) Add(field, msg string) {
	f.Errors = append(f.Errors, FormError{Field: field, Message: msg})
}

// Page describes one page of a paginated list.
type Page struct {
	Number, Size, Total, Pages int
	HasPrev, HasNext           bool
	PrevURL, NextURL           string
}

// newPage reads ?halaman= from the request, clamped to the existing pages.
func newPage(c echo.Context, size, total int) Page {
	n := 1
	fmt.Sscanf(c.QueryParam("halaman"), "%d", &n)
	pages := (total + size - 1) / size
	if pages < 1 {
		pages = 1
	}
	if n < 1 {
		n = 1
	}
	if n > pages {
		n = pages
	}
	p := Page{Number: n, Size: size, Total: total, Pages: pages, HasPrev: n > 1, HasNext: n < pages}
	u := *c.Request().URL
	q := u.Query()
	q.Set("halaman", fmt.Sprint(n-1))
	u.RawQuery = q.Encode()
	p.PrevURL = u.String()
	q.Set("halaman", fmt.Sprint(n+1))
	u.RawQuery = q.Encode()
	p.NextURL = u.String()
	return p
}

// Offset is the first row of the page.
func (p Page) Offset() int { return (p.Number - 1) * p.Size }

// staticHandler serves embedded assets; a request carrying the current hash is cached for a year.
func (s *Server) staticHandler(c echo.Context) error {
	name := c.Param("*")
	h, ok := s.tmpl.hashes[name]
	if !ok {
		return domain.ErrNotFound
	}
	b, err := fs.ReadFile(assets.Static, "static/"+name)
	if err != nil {
		return domain.ErrNotFound
	}
	if c.QueryParam("v") == h {
		c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		c.Response().Header().Set("Cache-Control", "public, max-age=300")
	}
	ct := "application/octet-stream"
	switch path.Ext(name) {
	case ".css":
		ct = "text/css; charset=utf-8"
	case ".js":
		ct = "text/javascript; charset=utf-8"
	case ".svg":
		ct = "image/svg+xml"
	case ".png":
		ct = "image/png"
	case ".yaml":
		ct = "application/yaml; charset=utf-8"
	}
	return c.Blob(http.StatusOK, ct, b)
}
