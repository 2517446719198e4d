package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/i18n"
)

// labelDirs are the packages whose label functions name values the pages show.
var labelDirs = append([]string{"../course", "../grading"}, goMessageDirs...)

// isLabelFunc says whether a function names a value in Indonesian for people:
// its name ends in Label (a method Label, StateLabel, enrollmentLabel…) and it
// does not take the language (those translate themselves).
func isLabelFunc(fd *ast.FuncDecl) bool {
	if !strings.HasSuffix(fd.Name.Name, "Label") || fd.Body == nil {
		return false
	}
	for _, p := range fd.Type.Params.List {
		if exprName(p.Type) == "i18n.Lang" {
			return false
		}
	}
	return true
}

// labelValues finds the words every label function and label map gives:
// the string literals a …Label function returns, and the values of maps
// and fields named …Labels / Label.
func labelValues(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	fset := token.NewFileSet()
	add := func(e ast.Expr) {
		if s, ok := stringLit(e); ok && strings.TrimSpace(s) != "" {
			if _, seen := out[s]; !seen {
				out[s] = fset.Position(e.Pos()).String()
			}
		}
	}
	for _, dir := range labelDirs {
		for _, f := range parseDir(t, fset, dir) {
			ast.Inspect(f, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.FuncDecl:
					if isLabelFunc(x) {
						ast.Inspect(x.Body, func(n ast.Node) bool {
							if r, ok := n.(*ast.ReturnStmt); ok {
								for _, e := range r.Results {
									add(e)
								}
							}
							return true
						})
					}
				case *ast.ValueSpec:
					for i, id := range x.Names {
						if !strings.HasSuffix(id.Name, "Labels") || i >= len(x.Values) {
							continue
						}
						if m, ok := x.Values[i].(*ast.CompositeLit); ok {
							for _, e := range m.Elts {
								if kv, ok := e.(*ast.KeyValueExpr); ok {
									add(kv.Value)
								} else {
									add(e)
								}
							}
						}
					}
				case *ast.KeyValueExpr:
					if k, ok := x.Key.(*ast.Ident); ok && k.Name == "Label" {
						add(x.Value)
					}
				}
				return true
			})
		}
	}
	return out
}

func parseDir(t *testing.T, fset *token.FileSet, dir string) []*ast.File {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

// TestEnglishCoverageLabels: every word a label function or label map gives
// a value (found in the code, not listed by hand) has an English entry.
func TestEnglishCoverageLabels(t *testing.T) {
	t.Parallel()
	cat := loadCatalog(t)
	vals := labelValues(t)
	if len(vals) < 40 {
		t.Fatalf("only %d label values found; the scan is broken", len(vals))
	}
	var missing []string
	for s, where := range vals {
		if _, ok := cat.Lookup(s); !ok {
			missing = append(missing, s+"\t"+where)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d label values have no English in web/i18n/en.json:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// TestShownLabelsTranslated fails when internal/web puts a label (the result
// of a …Label function, a date writer, or a function returning one) into a view field
// the English pages print as it is: only fields ending in Label and the
// shown Go fields go through tr (translatePage). This is how "Disetujui"
// reached the English Beranda through practiceLine.State.
func TestShownLabelsTranslated(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	files := parseDir(t, fset, ".")
	labelNames := map[string]bool{}
	for _, dir := range labelDirs {
		for _, f := range parseDir(t, token.NewFileSet(), dir) {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && isLabelFunc(fd) {
					labelNames[fd.Name.Name] = true
				}
			}
		}
	}
	// So are internal/web's date writers (a time in, Indonesian words out):
	// tr puts their day and month names into English only in shown fields.
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && writesDate(fd) {
				labelNames[fd.Name.Name] = true
			}
		}
	}
	isLabelCall := func(e ast.Expr) bool {
		call, ok := e.(*ast.CallExpr)
		return ok && (labelNames[callName(call.Fun)] || exprName(call.Fun) == "certify.Date")
	}
	// Functions of internal/web that return a label are label functions too.
	for changed := true; changed; {
		changed = false
		for _, f := range files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil || labelNames[fd.Name.Name] {
					continue
				}
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					if _, lit := n.(*ast.FuncLit); lit {
						return false
					}
					if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == 1 && isLabelCall(r.Results[0]) {
						labelNames[fd.Name.Name], changed = true, true
					}
					return true
				})
			}
		}
	}
	shown := func(field string) bool {
		return strings.HasSuffix(field, "Label") || shownGoFields[field] || shownGoLists[field]
	}
	var bad []string
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			tainted := map[string]bool{}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if a, ok := n.(*ast.AssignStmt); ok && len(a.Lhs) == len(a.Rhs) {
					for i, l := range a.Lhs {
						if id, ok := l.(*ast.Ident); ok && isLabelCall(a.Rhs[i]) {
							tainted[id.Name] = true
						}
					}
				}
				return true
			})
			isLabel := func(e ast.Expr) bool {
				if id, ok := e.(*ast.Ident); ok {
					return tainted[id.Name]
				}
				return isLabelCall(e)
			}
			check := func(field string, v ast.Expr) {
				if isLabel(v) && !shown(field) {
					bad = append(bad, fset.Position(v.Pos()).String()+": field "+field)
				}
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.KeyValueExpr:
					if k, ok := x.Key.(*ast.Ident); ok {
						check(k.Name, x.Value)
					}
				case *ast.AssignStmt:
					if len(x.Lhs) == len(x.Rhs) {
						for i, l := range x.Lhs {
							if sel, ok := l.(*ast.SelectorExpr); ok {
								check(sel.Sel.Name, x.Rhs[i])
							}
						}
					}
				}
				return true
			})
		}
	}
	if len(bad) > 0 {
		t.Errorf("labels put into fields the English pages print untranslated; name the field …Label (or translate it in Go):\n%s", strings.Join(bad, "\n"))
	}
}

// writesDate says whether fd takes a time and returns a string without
// taking the language: dateTime, shortDate, dateRange…
func writesDate(fd *ast.FuncDecl) bool {
	res := fd.Type.Results
	if res == nil || len(res.List) != 1 || exprName(res.List[0].Type) != "string" {
		return false
	}
	hasTime := false
	for _, p := range fd.Type.Params.List {
		switch exprName(p.Type) {
		case "i18n.Lang":
			return false
		case "time.Time":
			hasTime = true
		}
	}
	return hasTime
}

// TestEnglishRemainingSessionsCount: the checklist's count reads right for
// one session too (it said "the 1 remaining sessions").
func TestEnglishRemainingSessionsCount(t *testing.T) {
	got := i18n.Tf(i18n.EN, "sisa {{.Left}} sesi tidak cukup untuk memenuhi syarat hadir di {{.N}} sesi", map[string]any{"Left": 1, "N": 2})
	if got != "sessions remaining: 1, too few to meet the requirement of attending 2" {
		t.Errorf("got %q", got)
	}
}
