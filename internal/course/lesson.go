package course

import (
	"gopkg.in/yaml.v3"

	"bytes"
	"io/fs"
	"net/url"
	"path"
	"strings"
	"unicode"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// frontMatter splits a lesson into its YAML front matter and Markdown body.
// fmLine and bodyLine are the file lines where each starts. ok is false (and a
// problem reported) when the front matter is missing or not closed.
func frontMatter(fc *fileCheck, src []byte) (fm []byte, fmLine int, body []byte, bodyLine int, ok bool) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	if len(lines) == 0 || !isFence(lines[0], false) {
		fc.add(1, "front matter tidak ada: berkas materi harus diawali baris --- lalu id, title, dan minutes, lalu baris --- lagi")
		return nil, 0, src, 1, false
	}
	off := len(lines[0])
	for i := 1; i < len(lines); i++ {
		if isFence(lines[i], true) {
			fm = src[len(lines[0]):off]
			bodyLine = i + 2
			if !bytes.HasSuffix(lines[i], []byte("\n")) {
				bodyLine = i + 1 // the file ends on the fence: point at it, not past the end
			}
			return fm, 2, src[off+len(lines[i]):], bodyLine, true
		}
		off += len(lines[i])
	}
	fc.add(1, "front matter tidak ditutup: tambahkan baris --- setelah id, title, dan minutes")
	return nil, 0, nil, 1, false
}

// isFence reports whether line is "---" (or "..." when closing, as YAML allows).
func isFence(line []byte, closing bool) bool {
	s := strings.TrimRight(string(line), " \t\r\n")
	return s == "---" || (closing && s == "...")
}

// parseLesson reads the front matter; the body is rendered later by renderCourse.
func parseLesson(fc *fileCheck, src []byte, it *Item) {
	it.Lesson = &Lesson{}
	fm, fmLine, body, bodyLine, ok := frontMatter(fc, src)
	it.Lesson.Markdown, it.Lesson.bodyLine = string(body), bodyLine
	if !ok {
		it.Lesson.broken = true
		return
	}
	if len(bytes.TrimSpace(fm)) == 0 {
		fc.add(1, "front matter kosong; isi id, title, dan minutes")
		return
	}
	yc := &fileCheck{probs: fc.probs, file: fc.file, off: fmLine - 1}
	doc := yc.parseYAML(fm)
	if doc == nil {
		return
	}
	f := yc.mapping(doc, "front matter", "id", "title", "minutes", "teaches")
	it.ID = f.id("id")
	it.idLine = yc.line(f.vals["id"])
	it.Title = f.str("title", true)
	it.Lesson.Minutes, _ = f.intIn("minutes", 1, 120, true)
	it.Lesson.Teaches = f.slugs("teaches")
}

// slugs returns an optional list of slugs (lesson topics such as "kutipan").
func (f *fields) slugs(key string) []string {
	v := f.vals[key]
	if v == nil || isNull(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		f.fc.addNode(v, "%s harus berupa daftar, misalnya [kutipan, ejaan]", key)
		return nil
	}
	var out []string
	for _, n := range v.Content {
		if n.Kind != yaml.ScalarNode || !validID(n.Value) {
			f.fc.addNode(n, "%s: %q bukan nama topik yang sah (huruf kecil a–z, angka, dan tanda hubung)", key, nodeText(n))
			continue
		}
		out = append(out, n.Value)
	}
	return out
}

// markdown renders lesson Markdown to safe HTML.
type markdown struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
}

func newMarkdown() *markdown {
	p := bluemonday.UGCPolicy()
	// Links to other sites open in a new tab so the lesson stays open.
	p.AddTargetBlankToFullyQualifiedLinks(true)
	return &markdown{
		md: goldmark.New(
			goldmark.WithExtensions(extension.GFM),
			goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		),
		policy: p,
	}
}

type rendered struct {
	html  string
	words int
	links []Link
}

// imageExts are the image types we make and serve.
var imageExts = []string{".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif"}

// linkSchemes are the schemes an external link may use.
var linkSchemes = []string{"http", "https", "mailto", "tel"}

// render parses Markdown, checks and rewrites its links and images, counts
// words and renders sanitised HTML. startLine is the file line of the first
// Markdown line; follow says whether later Markdown lines are later file lines.
func (l *loader) render(c *Course, byFile map[string]*Item, it *Item, src string, startLine int, follow bool) rendered {
	fc := l.check(it.File)
	source := []byte(src)
	doc := l.md.md.Parser().Parse(text.NewReader(source))
	lineAt := func(off int) int {
		if !follow || off <= 0 {
			return startLine
		}
		return startLine + bytes.Count(source[:min(off, len(source))], []byte("\n"))
	}
	var words strings.Builder
	var links []Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				words.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			words.Write(n.Value(source))
			if n.SoftLineBreak() || n.HardLineBreak() {
				words.WriteByte(' ')
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				words.Write(seg.Value(source))
				words.WriteByte(' ')
			}
		case *ast.Link:
			line := lineAt(nodeOffset(n, source, n.Destination))
			dest, lk := l.resolveLink(fc, c, byFile, it.File, string(n.Destination), line)
			n.Destination = []byte(dest)
			if lk != nil {
				links = append(links, *lk)
			}
		case *ast.Image:
			line := lineAt(nodeOffset(n, source, n.Destination))
			n.Destination = []byte(l.resolveImage(fc, c, it.File, string(n.Destination), altText(n, source), line))
			return ast.WalkSkipChildren, nil // alt text is not running text
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				seg := n.Segments.At(0)
				if !bytes.HasPrefix(seg.Value(source), []byte("<!--")) {
					fc.add(lineAt(seg.Start), "HTML %q tidak ditampilkan; tulis dengan Markdown", string(seg.Value(source)))
				}
			}
		case *ast.HTMLBlock:
			// Comments (type 2) are notes for authors and may stay.
			if n.HTMLBlockType != ast.HTMLBlockType2 && n.Lines().Len() > 0 {
				seg := n.Lines().At(0)
				fc.add(lineAt(seg.Start), "blok HTML tidak ditampilkan; tulis dengan Markdown")
			}
		}
		return ast.WalkContinue, nil
	})
	var buf bytes.Buffer
	if err := l.md.md.Renderer().Render(&buf, source, doc); err != nil {
		fc.add(startLine, "Markdown tidak dapat dirender: %v", err)
	}
	return rendered{
		html:  string(l.md.policy.SanitizeBytes(buf.Bytes())),
		words: countWords(words.String()),
		links: links,
	}
}

// countWords counts tokens holding at least one letter or digit, so dashes
// and bullets are not words.
func countWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// altText is the plain text inside an image's brackets.
func altText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Value(source))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// nodeOffset finds a byte offset in source for an inline node, for line numbers:
// its first text, else its destination searched from the start of its block.
func nodeOffset(n ast.Node, source, dest []byte) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off >= 0 {
		return off
	}
	start := 0
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			start = p.Lines().At(0).Start
			break
		}
	}
	if len(dest) > 0 && start <= len(source) {
		if i := bytes.Index(source[start:], dest); i >= 0 {
			return start + i
		}
	}
	return start
}

// inCourse resolves a relative reference from a file and reports whether it
// stays inside the course directory; rel is the path relative to it.
func inCourse(c *Course, fromFile, ref string) (target, rel string, ok bool) {
	target = path.Join(path.Dir(fromFile), ref)
	if !strings.HasPrefix(target, c.Dir+"/") {
		return target, "", false
	}
	return target, strings.TrimPrefix(target, c.Dir+"/"), true
}

func (l *loader) isFile(p string) bool {
	st, err := fs.Stat(l.fsys, p)
	return err == nil && !st.IsDir()
}

// resolveLink checks a link and returns the destination to render: lesson and
// item links become item URLs, other course files asset URLs, the rest stays.
func (l *loader) resolveLink(fc *fileCheck, c *Course, byFile map[string]*Item, from, dest string, line int) (string, *Link) {
	dest = strings.TrimSpace(dest)
	if dest == "" {
		fc.add(line, "tautan tanpa alamat; tulis [teks](alamat)")
		return dest, nil
	}
	u, err := url.Parse(dest)
	if err != nil {
		fc.add(line, "alamat tautan %q tidak sah", dest)
		return "", nil
	}
	if u.Scheme != "" || u.Host != "" {
		if !contains(linkSchemes, strings.ToLower(u.Scheme)) {
			fc.add(line, "tautan %q memakai skema yang tidak diizinkan; gunakan https:, mailto:, atau tel:", dest)
			return "", nil
		}
		return dest, nil
	}
	if u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return dest, nil // a fragment of this page or a page of the site itself
	}
	target, rel, ok := inCourse(c, from, u.Path)
	if !ok {
		fc.add(line, "tautan %q keluar dari folder kursus; tautan antarmateri hanya boleh di dalam kursus yang sama", dest)
		return "", nil
	}
	if it := byFile[target]; it != nil {
		if it.ID == "" {
			return "", nil // its own problem is reported on that file
		}
		out := l.opts.ItemURL(c.ID, it)
		if u.Fragment != "" {
			out += "#" + url.PathEscape(u.Fragment)
		}
		return out, &Link{Target: it.ID, Fragment: u.Fragment, Line: line}
	}
	exists := l.isFile(target)
	switch {
	case strings.HasSuffix(target, lessonSuffix) && exists:
		fc.add(line, "tautan %q menuju berkas .md yang bukan materi kursus ini (tidak tercantum di items modul)", dest)
	case strings.HasSuffix(target, lessonSuffix):
		fc.add(line, "tautan %q menuju materi yang tidak ada", dest)
	case !exists:
		fc.add(line, "tautan %q menuju berkas yang tidak ada", dest)
	case isContentFile(target) || strings.HasSuffix(target, ".yaml") || strings.HasSuffix(target, ".yml"):
		fc.add(line, "tautan %q menuju berkas sumber yang tidak dapat dibuka peserta", dest)
	default:
		c.Assets[rel] = target
		return l.opts.AssetURL(c.ID, rel), nil
	}
	return "", nil
}

// resolveImage checks an image (local file, known type, alt text) and returns its asset URL.
func (l *loader) resolveImage(fc *fileCheck, c *Course, from, dest, alt string, line int) string {
	dest = strings.TrimSpace(dest)
	if alt == "" {
		fc.add(line, "gambar %q tidak punya teks alternatif; tulis ![keterangan isi gambar](%s) agar pembaca layar dapat membacakannya", dest, dest)
	}
	if dest == "" {
		fc.add(line, "gambar tanpa alamat berkas")
		return ""
	}
	u, err := url.Parse(dest)
	if err != nil {
		fc.add(line, "alamat gambar %q tidak sah", dest)
		return ""
	}
	if u.Scheme != "" || u.Host != "" {
		fc.add(line, "gambar %q diambil dari situs lain; simpan berkasnya di folder img/ modul ini lalu tautkan secara relatif", dest)
		return ""
	}
	if u.Path == "" || strings.HasPrefix(u.Path, "/") {
		fc.add(line, "gambar %q harus ditautkan secara relatif terhadap berkas ini (contoh: img/bagan.svg)", dest)
		return ""
	}
	target, rel, ok := inCourse(c, from, u.Path)
	if !ok {
		fc.add(line, "gambar %q berada di luar folder kursus", dest)
		return ""
	}
	if !contains(imageExts, strings.ToLower(path.Ext(target))) {
		fc.add(line, "gambar %q bukan berkas gambar yang didukung (%s)", dest, strings.Join(imageExts, ", "))
		return ""
	}
	if !l.isFile(target) {
		fc.add(line, "gambar %q tidak ditemukan", dest)
		return ""
	}
	c.Assets[rel] = target
	return l.opts.AssetURL(c.ID, rel)
}
