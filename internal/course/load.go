package course

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// File names and suffixes of the course format.
const (
	courseFile     = "course.yaml"
	moduleFile     = "module.yaml"
	lessonSuffix   = ".md"
	quizSuffix     = ".quiz.yaml"
	practiceSuffix = ".practice.yaml"
)

var moduleDirRE = regexp.MustCompile(`^([0-9]{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$`)

// Load reads every course under root in fsys (each a directory holding
// course.yaml) with the default Options. See LoadWith.
func Load(fsys fs.FS, root string) (*Catalog, []Problem) {
	return LoadWith(fsys, root, Options{})
}

// LoadWith reads every course under root in fsys, validates it and renders
// lesson HTML. It never stops at the first problem: every problem of every
// file is returned, sorted by file and line, with paths as seen in fsys. The
// catalog is always returned; when problems is not empty it may be partial
// (files that could not be read are left out) and must not be served or synced.
func LoadWith(fsys fs.FS, root string, opts Options) (*Catalog, []Problem) {
	if opts.ItemURL == nil {
		opts.ItemURL = DefaultItemURL
	}
	if opts.AssetURL == nil {
		opts.AssetURL = DefaultAssetURL
	}
	l := &loader{fsys: fsys, opts: opts, md: newMarkdown()}
	cat := &Catalog{byID: map[string]*Course{}}
	root = path.Clean(root)

	entries, err := fs.ReadDir(fsys, root)
	if err != nil {
		l.add(root, 0, "folder kursus tidak dapat dibaca: %v", err)
		return cat, l.sorted()
	}
	firstFile := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		p := path.Join(root, name)
		if hidden(name) {
			continue
		}
		if !e.IsDir() {
			if name != "README.md" && (strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")) {
				l.add(p, 0, "berkas ini berada di luar folder kursus sehingga tidak dibaca; pindahkan ke <id-kursus>/ atau <id-kursus>/NN-modul/")
			}
			continue
		}
		c := l.loadCourse(p)
		if c == nil {
			continue
		}
		if c.ID != "" {
			if prev, dup := firstFile[c.ID]; dup {
				l.add(c.File, 0, "id kursus %q sudah dipakai oleh %s", c.ID, prev)
				continue
			}
			firstFile[c.ID] = c.File
			cat.byID[c.ID] = c
		}
		cat.Courses = append(cat.Courses, c)
	}
	if len(cat.Courses) == 0 && len(l.probs) == 0 {
		l.add(root, 0, "tidak ada kursus: setiap kursus adalah folder berisi %s", courseFile)
	}
	return cat, l.sorted()
}

func hidden(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

type loader struct {
	fsys  fs.FS
	opts  Options
	md    *markdown
	probs []Problem
}

func (l *loader) add(file string, line int, format string, args ...any) {
	fc := fileCheck{probs: &l.probs, file: file}
	fc.add(line, format, args...)
}

func (l *loader) check(file string) *fileCheck {
	return &fileCheck{probs: &l.probs, file: file}
}

func (l *loader) sorted() []Problem {
	slices.SortStableFunc(l.probs, func(a, b Problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return l.probs
}

// readText reads a file that must be UTF-8 text and returns it normalised
// for parsing (the hash is taken over the original bytes).
func (l *loader) readText(fc *fileCheck, p string) (raw, text []byte, ok bool) {
	raw, err := fs.ReadFile(l.fsys, p)
	if err != nil {
		fc.add(0, "berkas tidak dapat dibaca: %v", err)
		return nil, nil, false
	}
	if !utf8.Valid(raw) {
		fc.add(0, "berkas bukan teks UTF-8; simpan ulang dengan pengodean UTF-8")
		return raw, nil, false
	}
	return raw, normalize(raw), true
}

// normalize drops a byte order mark and makes CRLF and lone CR line ends LF,
// so line numbers agree with what editors show and YAML counts.
func normalize(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}

func hashOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func (l *loader) loadCourse(dir string) *Course {
	file := path.Join(dir, courseFile)
	if _, err := fs.Stat(l.fsys, file); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			l.add(dir, 0, "folder kursus tanpa %s", courseFile)
		} else {
			l.add(file, 0, "berkas tidak dapat dibaca: %v", err)
		}
		return nil
	}
	c := &Course{
		Dir: dir, File: file,
		Assets:     map[string]string{},
		itemByID:   map[string]*Item{},
		moduleByID: map[string]*Module{},
	}
	fc := l.check(file)
	raw, text, ok := l.readText(fc, file)
	c.Hash = hashOf(raw)
	if ok {
		if doc := fc.parseYAML(text); doc != nil {
			parseCourseYAML(fc, doc, c)
		}
	}
	if c.ID != "" && c.ID != path.Base(dir) {
		fc.add(0, "id %q berbeda dengan nama foldernya %q; samakan keduanya", c.ID, path.Base(dir))
	}

	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		l.add(dir, 0, "folder kursus tidak dapat dibaca: %v", err)
		return c
	}
	orderDir := map[int]string{}
	for _, e := range entries {
		name := e.Name()
		p := path.Join(dir, name)
		if hidden(name) || name == courseFile {
			continue
		}
		if !e.IsDir() {
			if name != "README.md" && (isContentFile(name) || strings.HasSuffix(name, ".yml") || strings.HasSuffix(name, ".yaml")) {
				l.add(p, 0, "berkas ini tidak berada di folder modul sehingga tidak dibaca; pindahkan ke folder NN-modul")
			}
			continue
		}
		m := moduleDirRE.FindStringSubmatch(name)
		if m == nil {
			if name != "img" {
				l.add(p, 0, "nama folder modul harus berbentuk NN-slug, dua angka lalu huruf kecil dan tanda hubung (contoh: 01-keterbukaan-informasi)")
			}
			continue
		}
		order, _ := strconv.Atoi(m[1])
		if prev, dup := orderDir[order]; dup {
			l.add(p, 0, "nomor urut %s sudah dipakai oleh folder %s", m[1], prev)
		} else {
			orderDir[order] = name
		}
		if mod := l.loadModule(c, p, order); mod != nil {
			c.Modules = append(c.Modules, mod)
		}
	}
	if len(c.Modules) == 0 {
		l.add(dir, 0, "kursus ini belum punya modul (folder NN-slug berisi %s)", moduleFile)
	}
	l.indexCourse(c)
	l.renderCourse(c)
	return c
}

func isContentFile(name string) bool {
	return strings.HasSuffix(name, lessonSuffix) || strings.HasSuffix(name, quizSuffix) || strings.HasSuffix(name, practiceSuffix)
}

func parseCourseYAML(fc *fileCheck, doc *yaml.Node, c *Course) {
	f := fc.mapping(doc, "", "id", "title", "summary", "hours", "certificate")
	c.ID = f.id("id")
	c.Title = f.str("title", true)
	c.Summary = f.str("summary", false)
	c.Hours, _ = f.intIn("hours", 1, -1, true)
	if !f.has("certificate") {
		f.missing("certificate")
		return
	}
	cf := fc.mapping(f.vals["certificate"], "certificate", "title", "validity_months", "requirements")
	c.Certificate.Title = cf.str("title", true)
	c.Certificate.ValidityMonths, _ = cf.intIn("validity_months", 1, 120, true)
	req := Requirements{Lessons: RequireAll, Quizzes: RequireAll, Practices: RequireAll}
	if cf.has("requirements") {
		rf := fc.mapping(cf.vals["requirements"], "requirements", "lessons", "quizzes", "practices", "attendance")
		for key, dst := range map[string]*Requirement{"lessons": &req.Lessons, "quizzes": &req.Quizzes, "practices": &req.Practices} {
			if v := rf.oneOf(key, false, string(RequireAll), string(RequireNone)); v != "" {
				*dst = Requirement(v)
			}
		}
		req.Attendance, _ = rf.intIn("attendance", 0, -1, false)
	}
	c.Certificate.Requirements = req
}

// loadModule reads module.yaml and every item it lists.
func (l *loader) loadModule(c *Course, dir string, order int) *Module {
	mod := &Module{Order: order, Dir: dir, File: path.Join(dir, moduleFile)}
	fc := l.check(mod.File)
	if _, err := fs.Stat(l.fsys, mod.File); err != nil {
		l.add(dir, 0, "folder modul tanpa %s", moduleFile)
		return nil
	}
	raw, text, ok := l.readText(fc, mod.File)
	mod.Hash = hashOf(raw)
	var doc *yaml.Node
	if ok {
		doc = fc.parseYAML(text)
	}
	listed := map[string]bool{}
	if doc != nil {
		f := fc.mapping(doc, "", "id", "title", "summary", "items")
		mod.ID = f.id("id")
		mod.Title = f.str("title", true)
		mod.Summary = f.str("summary", false)
		if !f.has("items") {
			f.missing("items")
		} else if seq := f.vals["items"]; seq.Kind != yaml.SequenceNode {
			fc.addNode(seq, "items harus berupa daftar (setiap butir: lesson, quiz, atau practice)")
		} else {
			for _, entry := range seq.Content {
				entry = resolve(entry)
				for _, one := range splitEntry(fc, entry) {
					if it := l.loadItem(c, mod, fc, one, listed); it != nil {
						it.Order = len(mod.Items) + 1
						mod.Items = append(mod.Items, it)
					}
				}
			}
			if len(seq.Content) == 0 {
				fc.addNode(seq, "items kosong; cantumkan setidaknya satu materi, kuis, atau latihan")
			}
		}
	}

	// Every content file in the directory must be listed, so nothing written is silently left out.
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		l.add(dir, 0, "folder modul tidak dapat dibaca: %v", err)
		return mod
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || hidden(name) || name == moduleFile {
			continue
		}
		p := path.Join(dir, name)
		switch {
		case isContentFile(name):
			if doc != nil && !listed[name] {
				l.add(p, 0, "berkas ini tidak tercantum di items %s", moduleFile)
			}
		case strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml"):
			l.add(p, 0, "berkas YAML tidak dikenali; kuis berakhiran %s dan latihan berakhiran %s", quizSuffix, practiceSuffix)
		}
	}
	return mod
}

// splitEntry reports an items entry with several keys (usually a forgotten
// "- ") and then treats each key as its own entry, so the files are still read.
func splitEntry(fc *fileCheck, entry *yaml.Node) []*yaml.Node {
	if entry == nil || entry.Kind != yaml.MappingNode || len(entry.Content) <= 2 {
		return []*yaml.Node{entry}
	}
	fc.addNode(entry, "setiap butir items harus berisi tepat satu kunci: lesson, quiz, atau practice, diikuti nama berkas; awali setiap berkas dengan \"- \"")
	var out []*yaml.Node
	for i := 0; i+1 < len(entry.Content); i += 2 {
		out = append(out, &yaml.Node{Kind: yaml.MappingNode, Line: entry.Content[i].Line, Column: entry.Content[i].Column, Content: entry.Content[i : i+2]})
	}
	return out
}

// loadItem checks one entry of items and parses the file it names.
func (l *loader) loadItem(c *Course, mod *Module, fc *fileCheck, entry *yaml.Node, listed map[string]bool) *Item {
	if entry == nil || entry.Kind != yaml.MappingNode || len(entry.Content) < 2 {
		fc.addNode(entry, "setiap butir items harus berisi tepat satu kunci: lesson, quiz, atau practice, diikuti nama berkas")
		return nil
	}
	k, v := entry.Content[0], resolve(entry.Content[1])
	if v == nil || v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" || isNull(v) {
		fc.addNode(k, "%s harus diikuti nama berkas", k.Value)
		return nil
	}
	name := strings.TrimSpace(v.Value)
	if strings.ContainsAny(name, `/\`) {
		fc.addNode(v, "%q harus nama berkas di folder modul ini, tanpa garis miring", name)
		return nil
	}
	if listed[name] {
		fc.addNode(v, "berkas %q sudah tercantum di items", name)
		return nil
	}
	// Mark it listed before checking the kind, so a wrong key is reported once, not also as an unlisted file.
	listed[name] = true
	kind := Kind(k.Value)
	var suffix string
	switch kind {
	case KindLesson:
		suffix = lessonSuffix
	case KindQuiz:
		suffix = quizSuffix
	case KindPractice:
		suffix = practiceSuffix
	default:
		fc.addNode(k, "kunci %q tidak dikenal di items; gunakan lesson, quiz, atau practice", k.Value)
		return nil
	}
	if !strings.HasSuffix(name, suffix) || (kind == KindLesson && (strings.HasSuffix(name, quizSuffix) || strings.HasSuffix(name, practiceSuffix))) {
		fc.addNode(v, "berkas %s harus berakhiran %s, bukan %q", kind, suffix, name)
		return nil
	}
	p := path.Join(mod.Dir, name)
	if _, err := fs.Stat(l.fsys, p); err != nil {
		fc.addNode(v, "berkas %q tidak ada di folder modul", name)
		return nil
	}
	it := &Item{Kind: kind, CourseID: c.ID, ModuleID: mod.ID, File: p}
	ifc := l.check(p)
	raw, text, ok := l.readText(ifc, p)
	it.Hash = hashOf(raw)
	if !ok {
		return it
	}
	switch kind {
	case KindLesson:
		parseLesson(ifc, text, it)
	case KindQuiz:
		parseQuiz(ifc, text, it)
	case KindPractice:
		parsePractice(ifc, text, it)
	}
	return it
}

// indexCourse builds the course's lookups and reports duplicate ids.
func (l *loader) indexCourse(c *Course) {
	modFile := map[string]string{}
	for _, m := range c.Modules {
		if m.ID == "" {
			continue
		}
		if prev, dup := modFile[m.ID]; dup {
			l.add(m.File, 0, "id modul %q sudah dipakai oleh %s", m.ID, prev)
			continue
		}
		modFile[m.ID] = m.File
		c.moduleByID[m.ID] = m
	}
	for _, m := range c.Modules {
		for _, it := range m.Items {
			it.Index = len(c.Items)
			c.Items = append(c.Items, it)
			if it.ID == "" {
				continue
			}
			if prev, dup := c.itemByID[it.ID]; dup {
				l.add(it.File, it.idLine, "id %q sudah dipakai oleh %s; id harus unik di seluruh kursus", it.ID, prev.File)
				continue
			}
			c.itemByID[it.ID] = it
		}
	}
}

// renderCourse renders lesson bodies and practice instructions once every
// item of the course is known, so links across modules can be resolved.
func (l *loader) renderCourse(c *Course) {
	byFile := map[string]*Item{}
	for _, it := range c.Items {
		byFile[it.File] = it
	}
	for _, it := range c.Items {
		switch {
		case it.Lesson != nil:
			r := l.render(c, byFile, it, it.Lesson.Markdown, it.Lesson.bodyLine, true)
			it.Lesson.HTML, it.Lesson.Words, it.Lesson.Links = r.html, r.words, r.links
			if r.words == 0 && !it.Lesson.broken {
				l.add(it.File, it.Lesson.bodyLine, "isi materi kosong; tulis teks pelajaran di bawah front matter")
			}
		case it.Practice != nil && it.Practice.Instructions != "":
			r := l.render(c, byFile, it, it.Practice.Instructions, it.Practice.instrLine, it.Practice.instrLines)
			it.Practice.InstructionsHTML, it.Practice.Links = r.html, r.links
		}
	}
}
