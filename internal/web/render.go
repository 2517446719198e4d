package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/i18n"
	assets "github.com/bimtek/bimtek/web"
)

// View is what every page template receives.
type View struct {
	Title string
	User  *domain.User
	Lang  i18n.Lang // the page's language; the template set and every cached piece follow it
	// Top is the page header (who is logged in, logout, navigation) and
	// Chrome the layout's fixed parts, both built in Go: they are on every
	// page, and each template action costs more than writing the HTML.
	Top    template.HTML
	Chrome *chrome
	CSRF   string
	Flash  string
	// Once names the address's parameters that brought Flash (?pesan=…):
	// the page's script takes them out of the address once it is shown.
	Once string
	// Address is the page's own address when it answers a POST (a refused
	// form): the script puts it in place of the POST's, so a reload does
	// not send the form again.
	Address string
	Data    any
	Body    template.HTML // the content block, when already rendered (renderBody)
	// body is the content block in pieces with the form token and the form
	// between them (see keptContent); it stands for Body, without joining
	// them first.
	body *contentPieces
	form []string // written one after another
	vals []string // the view's own values in body, escaped (see keptContentOf)
	// parts is the content block as rendered parts, written one after
	// another; it also stands for Body.
	parts *bodyParts
	// title and scripts, when set, are the page's title and scripts blocks
	// as rendered (keptTitle, keptBlock).
	title, scripts string
}

// bodyParts is a content block in parts: lead, then list.
type bodyParts struct {
	lead [2]template.HTML
	list []string
}

func (p *bodyParts) write(buf *bytes.Buffer) {
	for _, h := range p.lead {
		buf.WriteString(string(h))
	}
	for _, h := range p.list {
		buf.WriteString(h)
	}
}

// chrome is the layout's HTML that does not change while the server runs.
type chrome struct{ Head, Foot template.HTML }

// NavItem is one navigation link.
type NavItem struct {
	Label, Href string
	Current     bool
}

// renderer holds the parsed templates (one set per page and language) and the asset hashes.
type renderer struct {
	pages  map[i18n.Lang]map[string]*template.Template
	shells map[i18n.Lang]map[string]*shell
	hashes map[string]string
	chrome map[i18n.Lang]*chrome
}

// page returns the template set of a page in a language.
func (r *renderer) page(l i18n.Lang, name string) (*template.Template, bool) {
	ps, ok := r.pages[l]
	if !ok {
		ps = r.pages[i18n.ID]
	}
	t, ok := ps[name]
	return t, ok
}

// newRenderer parses every page template with the layout at start-up, so a
// broken template stops the server instead of failing a request later.
//
// The templates are embedded, so the result depends on the version alone and
// is kept: a process that starts several servers (the tests start hundreds)
// parses and translates them once. A renderer is never changed after it is made.
func newRenderer(version string) (*renderer, error) {
	if r, ok := renderers.Load(version); ok {
		return r.(*renderer), nil
	}
	r, err := parseRenderer(version)
	if err != nil {
		return nil, err
	}
	r2, _ := renderers.LoadOrStore(version, r)
	return r2.(*renderer), nil
}

// renderers holds the renderer of each version newRenderer has made.
var renderers sync.Map

func parseRenderer(version string) (*renderer, error) {
	r := &renderer{pages: map[i18n.Lang]map[string]*template.Template{}, shells: map[i18n.Lang]map[string]*shell{},
		hashes: map[string]string{}, chrome: map[i18n.Lang]*chrome{}}
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
	cat := i18n.Default()
	for _, l := range i18n.Langs {
		r.chrome[l] = &chrome{
			Head: template.HTML(`<link rel="stylesheet" href="/static/app.css?v=` + r.hashes["app.css"] + `">
<link rel="icon" href="/static/favicon.svg?v=` + r.hashes["favicon.svg"] + `" type="image/svg+xml">`),
			Foot: template.HTML(`<footer class="foot wrap">
  <p>Bimtek — ` + html.EscapeString(i18n.T(l, "bimbingan teknis admin media sosial OPD")) + ` · ` + i18n.T(l, "versi") + ` ` + html.EscapeString(version) + `</p>
</footer>
<script src="/static/nav.js?v=` + r.hashes["nav.js"] + `" defer></script>`),
		}
		pages, err := r.parsePages(l, cat)
		if err != nil {
			return nil, err
		}
		r.pages[l] = pages
		r.shells[l] = map[string]*shell{}
		for name, t := range pages {
			sh, err := newShell(t, View{Lang: l, Chrome: r.chrome[l]})
			if err != nil {
				return nil, fmt.Errorf("menyiapkan kerangka %s: %w", name, err)
			}
			r.shells[l][name] = sh
		}
	}
	return r, nil
}

// parsePages parses every page with the layout in language l. The templates
// are written in Indonesian; for another language the text of each parsed
// tree is replaced by its translation before anything is executed, so
// html/template escapes the translated pages exactly like the Indonesian.
func (r *renderer) parsePages(l i18n.Lang, cat *i18n.Catalog) (map[string]*template.Template, error) {
	pages := map[string]*template.Template{}
	funcs := r.funcs(l)
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
		if l != i18n.ID {
			if err := translatePage(t, cat); err != nil {
				return nil, fmt.Errorf("menerjemahkan templat %s: %w", f, err)
			}
		}
		pages[name] = t
	}
	return pages, nil
}

// labelFuncs are the template functions whose value Go writes in Indonesian.
var labelFuncs = []string{"kindLabel", "stateLabel", "attendanceLabel", "subState", "criterionLabel"}

// funcs are the template functions of language l.
func (r *renderer) funcs(l i18n.Lang) template.FuncMap {
	funcs := template.FuncMap{
		"asset": func(name string) (string, error) {
			h, ok := r.hashes[name]
			if !ok {
				return "", fmt.Errorf("aset “%s” tidak ada", name)
			}
			return "/static/" + name + "?v=" + h, nil
		},
		"kindLabel":       domain.OPDKindLabel,
		"stateLabel":      func(k course.Kind, s string) string { return domain.ItemStateLabel(string(k), s) },
		"attendanceLabel": domain.AttendanceLabel,
		"longDate":        func(t time.Time) string { return i18n.LongDate(l, t) },
		"shortDate":       func(t time.Time) string { return i18n.ShortDate(l, t) },
		"dateTime":        func(t time.Time) string { return i18n.DateTime(l, t.In(WIB)) },
		"itemURL":         course.DefaultItemURL,
		"inc":             func(i int) int { return i + 1 },
		"ribuan":          func(n int) string { return i18n.Thousands(l, n) },
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
	funcs["english"] = func() bool { return l == i18n.EN }
	// roleNoun is a role inside a sentence, a common noun: "sebagai fasilitator".
	funcs["roleNoun"] = func(r domain.Role) string {
		s := i18n.T(l, r.Label())
		_, n := utf8.DecodeRuneInString(s)
		return strings.ToLower(s[:n]) + s[n:]
	}
	funcs["tr"] = func(v any) any {
		switch x := v.(type) {
		case string:
			return i18n.DateText(l, i18n.T(l, x))
		case template.HTML:
			return template.HTML(i18n.T(l, string(x)))
		}
		return v
	}
	for _, name := range labelFuncs {
		f := reflect.ValueOf(funcs[name])
		funcs[name] = reflect.MakeFunc(f.Type(), func(args []reflect.Value) []reflect.Value {
			out := f.Call(args)
			out[0] = reflect.ValueOf(i18n.T(l, out[0].String())).Convert(f.Type().Out(0))
			return out
		}).Interface()
	}
	return funcs
}

// shownGoFields are the fields whose text Go writes in Indonesian and pages
// print as they are: messages, and dates (tr puts their day and month names
// into the page's language, i18n.DateText).
var shownGoFields = map[string]bool{
	"Message": true, "CriterionName": true, "Problem": true, "Conflict": true,
	"When": true, "SentAt": true, "Dates": true, "Created": true, "ExpiresAt": true, "LastUse": true, "Updated": true,
	"Downloaded": true, "Period": true, "Deadline": true, "AsOf": true, "LastActivity": true, "Until": true,
	"Checked": true, "Date": true, "PublishBy": true, "Expires": true,
	"Notice": true, "Error": true, "QueryError": true, "ConfirmErr": true, "GeneralErr": true, "FileErr": true,
	"ReasonErr": true, "ScoreErr": true, "DecisionErr": true, "ValidText": true, "IssuedText": true, "RevokedText": true,
	"ErrorTitle": true, "EditConflict": true, "Suggestion": true, "Verdict": true, "Todo": true, "Result": true,
	"Status": true, "Action": true, "Withheld": true, "Refused": true, "KeptUntil": true, "WipedAt": true, "ReopenedWhen": true,
}

// shownGoLists are lists of such texts, printed with {{range}}.
var shownGoLists = map[string]bool{"Notes": true, "Problems": true, "EmailErrors": true, "Reasons": true}

// translatePage translates every template of a page set: the text runs from
// the message file, and values Go wrote (fields ending in Label, form
// messages) through tr when executed.
func translatePage(t *template.Template, cat *i18n.Catalog) error {
	block := "" // the template being translated: "title" for a page's <title>
	tr := &i18n.Translator{
		Lookup: func(r i18n.Run) (string, bool) {
			if r.Tag != "" {
				if s, ok := cat.Lookup(r.Tag + ": " + r.ID); ok {
					return s, true
				}
			} else if block == "title" {
				if s, ok := cat.Lookup("title: " + r.ID); ok { // "Pengguna" is "Users" as a list's title
					return s, true
				}
			}
			return cat.Lookup(r.ID)
		},
		WrapFunc: "tr",
		Wrap: func(a *parse.ActionNode) bool {
			n := i18n.LastName(a)
			return strings.HasSuffix(n, "Label") || shownGoFields[n]
		},
		WrapDotIn: func(p *parse.PipeNode) bool {
			if len(p.Cmds) != 1 || len(p.Cmds[0].Args) == 0 {
				return false
			}
			arg := p.Cmds[0].Args[0].String()
			if strings.HasSuffix(arg, ".ErrorFor") {
				return true
			}
			return shownGoLists[arg[strings.LastIndex(arg, ".")+1:]] || shownGoFields[arg[strings.LastIndex(arg, ".")+1:]]
		},
	}
	for _, x := range t.Templates() {
		block = x.Name()
		if err := tr.Tree(x.Tree); err != nil {
			return fmt.Errorf("%s: %w", x.Name(), err)
		}
	}
	return nil
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
	if err := s.executePage(buf, name, v); err != nil {
		return err
	}
	return writeHTML(c, status, buf.Bytes())
}

// writeHTML sends a whole page in one write with its length, so the
// response is not chunked.
func writeHTML(c echo.Context, status int, b []byte) error {
	c.Response().Header()[echo.HeaderContentLength] = []string{strconv.Itoa(len(b))}
	return c.HTMLBlob(status, b)
}

// executePage writes page name with the layout. The layout's fixed parts
// come from the page's shell; the blocks that depend on the view (title,
// content, scripts) run as templates, each in the context it has in the
// layout, so the page is byte for byte what the layout would write.
func (s *Server) executePage(buf *bytes.Buffer, name string, v View) error {
	sh := s.tmpl.shells[v.Lang][name]
	if sh == nil {
		sh = s.tmpl.shells[i18n.ID][name]
	}
	if sh == nil || v.Flash != "" || v.Address != "" || s.fullLayout {
		if v.body != nil {
			v.Body = template.HTML(v.body.join(v.CSRF, v.form, v.vals))
		}
		if v.parts != nil {
			var b bytes.Buffer
			v.parts.write(&b)
			v.Body = template.HTML(b.String())
		}
		return s.execute(buf, name, "layout", v)
	}
	t, _ := s.tmpl.page(v.Lang, name)
	for i, piece := range sh.pieces {
		buf.WriteString(piece)
		if i == len(sh.holes) {
			break
		}
		switch h := sh.holes[i]; h {
		case holeTop:
			buf.WriteString(string(v.Top))
		case holeTitle:
			if v.title != "" {
				buf.WriteString(v.title)
				continue
			}
			if err := t.ExecuteTemplate(buf, h.block(), v); err != nil {
				return fmt.Errorf("menampilkan %s: %w", name, err)
			}
		case holeScripts:
			if v.scripts != "" {
				buf.WriteString(v.scripts)
				continue
			}
			if err := t.ExecuteTemplate(buf, h.block(), v); err != nil {
				return fmt.Errorf("menampilkan %s: %w", name, err)
			}
		case holeContent:
			if v.body != nil {
				v.body.write(buf, v.CSRF, v.form, v.vals)
				continue
			}
			if v.parts != nil {
				v.parts.write(buf)
				continue
			}
			if v.Body != "" {
				buf.WriteString(string(v.Body))
				continue
			}
			fallthrough
		default:
			if err := t.ExecuteTemplate(buf, h.block(), v); err != nil {
				return fmt.Errorf("menampilkan %s: %w", name, err)
			}
		}
	}
	return nil
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
	t, ok := s.tmpl.page(v.Lang, page)
	if !ok {
		return fmt.Errorf("templat “%s” tidak ada", page)
	}
	if err := t.ExecuteTemplate(buf, block, v); err != nil {
		return fmt.Errorf("menampilkan %s: %w", page, err)
	}
	return nil
}

// contentPieces is a content block cut where the view's own parts go:
// parts[i] is followed by holes[i], the form token, the view's form or one
// of the view's values.
type contentPieces struct {
	parts []string
	holes []int // holeCSRF, holeForm, or holeValue+i for View.vals[i]
}

const (
	holeCSRF = iota
	holeForm
	holeValue
)

func (p *contentPieces) write(buf *bytes.Buffer, csrf string, form, vals []string) {
	for i, part := range p.parts {
		buf.WriteString(part)
		if i == len(p.holes) {
			break
		}
		switch h := p.holes[i]; h {
		case holeCSRF:
			buf.WriteString(csrf)
		case holeForm:
			for _, f := range form {
				buf.WriteString(f)
			}
		default:
			buf.WriteString(vals[h-holeValue])
		}
	}
}

func (p *contentPieces) join(csrf string, form, vals []string) string {
	var buf bytes.Buffer
	p.write(&buf, csrf, form, vals)
	return buf.String()
}

// Stand-ins for the form token and the form in a kept content block; the
// second pair checks that nothing else in the block reads the same.
const (
	csrfMark  = "QbimtekCSRFHoleQ"
	csrfMark2 = "QbimtekCSRFHole2Q"
	formMark  = "QbimtekFormHoleQ"
	formMark2 = "QbimtekFormHole2Q"
)

// valueMark is the stand-in for a view's value i in the first (set 0) or
// second rendering of a kept block: letters and digits, which no context escapes.
func valueMark(set, i int) string {
	return "QbimtekValue" + strconv.Itoa(set) + "x" + strconv.Itoa(i) + "Q"
}

// keptContent returns the content block of page name for view v, rendered
// once per key with stand-ins for the form token and, when withForm is given
// (it returns the view with its form replaced), the form, and kept cut there.
// The key must name everything the block shows but those. ok is false when
// the block cannot be kept: a token no context would leave as it is (the
// middleware makes only base64url tokens, but a cookie can carry any).
func keptContent[K comparable](s *Server, key K, name string, v View, withForm func(View, template.HTML) View) (*contentPieces, bool, error) {
	var withMarks func(View, template.HTML, []string) View
	if withForm != nil {
		withMarks = func(v View, form template.HTML, _ []string) View { return withForm(v, form) }
	}
	return keptContentOf(s, key, name, v, 0, withMarks)
}

// keptContentOf is keptContent for a block that also shows n values of the
// view's own: withMarks returns the view with its form and those values
// replaced by the stand-ins given, and a view of the kept block sets
// View.vals to the values escaped as html/template escapes a string in text,
// an RCDATA element or a quoted attribute (escapeText), which is the same.
func keptContentOf[K comparable](s *Server, key K, name string, v View, n int, withMarks func(View, template.HTML, []string) View) (*contentPieces, bool, error) {
	if !plainToken(v.CSRF) || s.fullLayout {
		return nil, false, nil
	}
	if p, ok := s.fragments.Load(key); ok {
		p := p.(*contentPieces)
		return p, p != nil, nil
	}
	var out [2]string
	var vals [2][]string
	for i, marks := range [2][2]string{{csrfMark, formMark}, {csrfMark2, formMark2}} {
		for j := 0; j < n; j++ {
			vals[i] = append(vals[i], valueMark(i, j))
		}
		mv := v
		if withMarks != nil {
			mv = withMarks(v, template.HTML(marks[1]), vals[i])
		}
		mv.CSRF = marks[0]
		var buf bytes.Buffer
		if err := s.execute(&buf, name, "content", mv); err != nil {
			return nil, false, err
		}
		out[i] = buf.String()
	}
	find := append([]string{csrfMark, formMark}, vals[0]...)
	p := &contentPieces{}
	rest := out[0]
	for {
		at, hole := -1, 0
		for h, m := range find {
			if i := strings.Index(rest, m); i >= 0 && (at < 0 || i < at) {
				at, hole = i, h
			}
		}
		if at < 0 {
			break
		}
		p.parts, p.holes, rest = append(p.parts, rest[:at]), append(p.holes, hole), rest[at+len(find[hole]):]
	}
	p.parts = append(p.parts, rest)
	if p.join(csrfMark2, []string{formMark2}, vals[1]) != out[1] { // the page itself holds a stand-in
		s.fragments.Store(key, (*contentPieces)(nil))
		return nil, false, nil
	}
	s.fragments.Store(key, p)
	return p, true, nil
}

// keptTitle returns the title block of page name for view v, rendered once
// per key and kept; the key must name everything the title shows (the
// content version and the language).
func (s *Server) keptTitle(key titleKey, name string, v View) (string, error) {
	return s.keptBlock(key, name, "title", v)
}

// keptBlock is keptTitle for any block of the page's layout holes (title,
// scripts); an empty block is rendered again each time, by the layout.
func (s *Server) keptBlock(key titleKey, name, block string, v View) (string, error) {
	if h, ok := s.fragments.Load(key); ok {
		return h.(string), nil
	}
	t, ok := s.tmpl.page(v.Lang, name)
	if !ok || t.Lookup(block) == nil {
		return "", nil
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, block, v); err != nil {
		return "", fmt.Errorf("menampilkan blok %s %s: %w", block, name, err)
	}
	h := buf.String()
	s.fragments.Store(key, h)
	return h, nil
}

// titleKey names a kept title block: the page, the language and the content
// version (the course and, on an item's page, the item).
type titleKey struct {
	page string
	lang i18n.Lang
	co   *course.Course
	item string
}

// escapeText escapes a string as html/template does in HTML text, in an
// RCDATA element (a textarea) and in a quoted attribute value: the three use
// one table (TestEscapeTextIsTemplates).
var escapeText = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;").Replace

// plainToken reports whether a form token is 1–64 base64url characters,
// which html/template writes as they are wherever the token goes.
func plainToken(t string) bool { return t != "" && shortToken(t) }

// shell is the layout of one page and language cut where a view's own
// parts go: pieces[i] is followed by holes[i]. It is the layout template's
// output with stand-ins for those parts, so the fixed parts are the
// template's own bytes, translation included.
type shell struct {
	pieces []string
	holes  []hole
}

// hole is a part of the layout a view fills in.
type hole int

const (
	holeTitle   hole = iota // the page's title block
	holeTop                 // View.Top
	holeContent             // View.Body, else the page's content block
	holeScripts             // the page's scripts block
)

func (h hole) block() string {
	return [...]string{"title", "", "content", "scripts"}[h]
}

// Stand-ins for the holes: plain letters, which no context escapes.
var holeMarks = [...]string{"QbimtekTitleHoleQ", "QbimtekTopHoleQ", "QbimtekContentHoleQ", "QbimtekScriptsHoleQ"}

// newShell cuts the layout of page set t. A title or scripts block made of
// text alone stays in the fixed parts; one with actions is a hole. A page
// whose stand-ins do not come out exactly once each (a hole inside a
// condition, say) gets nil: it is then written by the layout template.
func newShell(t *template.Template, v View) (*shell, error) {
	c, err := t.Clone()
	if err != nil {
		return nil, err
	}
	marks := `{{define "content"}}` + holeMarks[holeContent] + `{{end}}`
	for _, b := range []hole{holeTitle, holeScripts} {
		if bt := t.Lookup(b.block()); bt != nil && bt.Tree != nil && !textOnly(bt.Tree.Root) {
			marks += `{{define "` + b.block() + `"}}` + holeMarks[b] + `{{end}}`
		}
	}
	if _, err := c.Parse(marks); err != nil {
		return nil, err
	}
	v.Top = template.HTML(holeMarks[holeTop])
	var buf bytes.Buffer
	if err := c.ExecuteTemplate(&buf, "layout", v); err != nil {
		return nil, err
	}
	out := buf.String()
	type at struct {
		h hole
		i int
	}
	var found []at
	for h, m := range holeMarks {
		switch strings.Count(out, m) {
		case 0:
			continue
		case 1:
			found = append(found, at{hole(h), strings.Index(out, m)})
		default:
			return nil, nil
		}
	}
	if len(found) < 2 { // the top and the content at least
		return nil, nil
	}
	slices.SortFunc(found, func(a, b at) int { return a.i - b.i })
	sh, from := &shell{}, 0
	for _, f := range found {
		sh.pieces = append(sh.pieces, out[from:f.i])
		sh.holes = append(sh.holes, f.h)
		from = f.i + len(holeMarks[f.h])
	}
	sh.pieces = append(sh.pieces, out[from:])
	return sh, nil
}

// textOnly reports whether a template is text with no actions.
func textOnly(l *parse.ListNode) bool {
	if l == nil {
		return true
	}
	for _, n := range l.Nodes {
		if _, ok := n.(*parse.TextNode); !ok {
			return false
		}
	}
	return true
}

func (s *Server) view(c echo.Context, data any) View {
	l := langOf(c)
	v := View{User: currentUser(c), Lang: l, CSRF: csrfToken(c), Data: data, Chrome: s.tmpl.chrome[l]}
	var nav [12]NavItem
	v.Top = topHTML(l, v.User, v.CSRF, s.navFor(c.Request().Context(), nav[:0], v.User, c.Request().URL.Path))
	if f, ok := c.Get(ctxFlash).(string); ok {
		v.Flash = i18n.T(l, f)
		v.Once = onceParams(c, "pesan", "jumlah", "sudah", "sandi", "bahasa", "selesai")
	}
	if c.Request().Method == http.MethodPost {
		if p, ok := c.Get(ctxPage).(string); ok {
			v.Address = p
		} else {
			v.Address = s.pageAddress(c.Request().URL.Path)
		}
	}
	return v
}

// onceParams lists which of names the request's address carries.
func onceParams(c echo.Context, names ...string) string {
	var got []string
	for _, n := range names {
		if c.QueryParam(n) != "" {
			got = append(got, n)
		}
	}
	return strings.Join(got, " ")
}

// pageAddress is the page a form posted to path belongs to: path itself when
// it is also a page, else the nearest page above it (…/materi/x/kirim →
// …/materi/x); "" when there is none.
func (s *Server) pageAddress(path string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for n := len(segs); n > 0; n-- {
		for _, p := range s.pages {
			if len(p) == n && matchSegments(p, segs[:n]) {
				return "/" + strings.Join(segs[:n], "/")
			}
		}
	}
	return ""
}

func matchSegments(pattern, segs []string) bool {
	for i, p := range pattern {
		if !strings.HasPrefix(p, ":") && p != segs[i] || segs[i] == "" {
			return false
		}
	}
	return true
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

// fragmentOf renders a partial template once per key and keeps the HTML.
// Course content is immutable while a catalog is loaded, so the parts of an
// item page that depend only on the item need not run their template actions
// on every request. Keys must identify the content and the language exactly.
// Its data is made only when it is rendered.
func fragmentOf[K comparable](s *Server, l i18n.Lang, key K, name string, dataOf func() any) (template.HTML, error) {
	if h, ok := s.fragments.Load(key); ok {
		return h.(template.HTML), nil
	}
	data := dataOf()
	t, _ := s.tmpl.page(l, "lesson")
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return "", fmt.Errorf("menampilkan %s: %w", name, err)
	}
	h := template.HTML(buf.String()) // produced by html/template, escaped
	s.fragments.Store(key, h)
	return h, nil
}

// langOf is the language of a request: the user's choice, else the
// browser's Accept-Language (Indonesian when it prefers neither language).
func langOf(c echo.Context) i18n.Lang {
	if l, ok := c.Get(ctxLang).(i18n.Lang); ok {
		return l
	}
	l, chosen := i18n.ID, false
	if u := currentUser(c); u != nil {
		l, chosen = i18n.Parse(u.Lang)
	}
	if !chosen {
		l = i18n.Negotiate(c.Request().Header.Get("Accept-Language"))
		c.Response().Header().Add("Vary", "Accept-Language")
	}
	c.Set(ctxLang, l)
	return l
}

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
