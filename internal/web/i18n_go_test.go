package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/notice"
)

// goMessageDirs are the packages whose Go code writes what people read on
// the pages, in e-mails and in the certificate.
var goMessageDirs = []string{".", "../store", "../domain", "../notice", "../mailer", "../certify", "../certify/certpdf", "../compliance", "../compliance/export", "../userimport"}

// messageCalls are the functions that take a message id (its Indonesian):
// the name and which argument is the id.
var messageCalls = map[string]int{
	"tf": 1, "tfl": 1, "tr": 1, "say": 0, "sayf": 0, "fail": 0, // internal/web
	"T": 1, "Tf": 1, "TC": 2, "Message": 0, "Phrase": 0, "LowerPhrase": 0, // internal/i18n
	"Errort": 1, "FieldMsg": 1, "Label": 0, // internal/domain
	"codeErr": 0, "Problem": 0, // internal/certify
	"named":           1, // internal/notice
	"apiUnauthorized": 2, // internal/web's API
}

// shownNames are fields and variables whose string literal a page prints
// through tr (fields ending in Label, messages, notices, titles).
func shownName(name string) bool {
	return strings.HasSuffix(name, "Label") || shownGoFields[name] || shownGoLists[name] || map[string]bool{
		"Title": true, "ProblemTitle": true, "Badge": true, "Summary": true, "title": true, "message": true, "Flash": true, "apiMessage": true,
	}[name]
}

// goMessages finds every message id Go code uses, with where it is: the
// literal ids of the message functions, the fixed texts given to forms
// (Form.Add, FormError), flash messages, shown fields, the domain's fixed
// error messages (domain.Errorf without values) and the msg… constants.
// Texts for logs, the API's JSON and the command line are not collected.
func goMessages(t *testing.T) map[string]string {
	msgs, _ := scanGoMessages(t)
	return msgs
}

// formattedOnlyForMachines are the domain errors still formatted with
// fmt verbs: each is read only by the JSON API or the command line, or the
// page that could show it checks the input first or writes its own words.
var formattedOnlyForMachines = map[string]bool{
	"kursus %s tidak menerbitkan sertifikat":                         true, // demo data and the command line
	"nama angkatan “%s” sudah dipakai":                               true, // the cohort pages write their own message
	"pengguna #%d bukan fasilitator":                                 true, // the page offers only facilitators
	"jenis OPD “%s” tidak dikenal":                                   true, // the API and command line; the pages check the kind first
	"status kehadiran “%s” tidak dikenal":                            true, // the attendance page checks each status first
	"pengguna #%d bukan peserta angkatan sesi ini":                   true, // the attendance page lists only the cohort's trainees
	"OPD bernama %s sudah terdaftar di wilayah ini":                  true, // the OPD pages write their own message
	"OPD “%s” tidak ditemukan":                                       true, // the command line
	"nama OPD “%s” cocok dengan lebih dari satu OPD; gunakan ID-nya": true, // the command line
	"kode wilayah %s sudah dipakai wilayah lain":                     true, // the command line
	"nilai %s diubah tanpa alasan":                                   true, // the review page asks for the reason first
	"peran “%s” tidak dikenal":                                       true, // the pages check the role first
	"bahasa “%s” tidak dikenal":                                      true, // the account page checks the language first
}

// scanGoMessages is goMessages, and the domain errors formatted with fmt
// verbs (untranslatable) that are not in formattedOnlyForMachines.
func scanGoMessages(t *testing.T) (map[string]string, []string) {
	t.Helper()
	out := map[string]string{}
	var formatted []string
	fset := token.NewFileSet()
	for _, dir := range goMessageDirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") || filepath.Base(path) == "metrics.go" {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(fset, path, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			add := func(e ast.Expr) {
				s, ok := stringLit(e)
				if !ok || strings.TrimSpace(s) == "" {
					return
				}
				if _, seen := out[s]; !seen {
					out[s] = fset.Position(e.Pos()).String()
				}
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.CallExpr:
					name := callName(x.Fun)
					if i, ok := messageCalls[name]; ok && i < len(x.Args) {
						add(x.Args[i])
					}
					switch {
					case name == "Set" && len(x.Args) == 2 && exprName(x.Args[0]) == "ctxFlash":
						add(x.Args[1])
					case name == "Add" && len(x.Args) == 2 && isFormValue(x.Fun):
						add(x.Args[1])
					case name == "Errorf" && len(x.Args) == 2 && exprName(x.Fun) == "domain.Errorf":
						if s, ok := stringLit(x.Args[1]); ok && !strings.Contains(s, "%") {
							add(x.Args[1])
						}
					case (exprName(x.Fun) == "domain.Errorf" || exprName(x.Fun) == "domain.InvalidField") && len(x.Args) > 2 && (dir == "." || dir == "../store"):
						if s, ok := stringLit(x.Args[1]); ok && !formattedOnlyForMachines[s] {
							formatted = append(formatted, fset.Position(x.Pos()).String()+": "+s)
						}
					case name == "renderPractice" && len(x.Args) > 4:
						add(x.Args[4])
					case name == "rerenderCohort" && len(x.Args) > 2:
						add(x.Args[2])
					case name == "rerenderCohortStatus" && len(x.Args) > 3:
						add(x.Args[3])
					}
				case *ast.CompositeLit:
					if exprName(x.Type) == "domain.FieldError" && (dir == "." || dir == "../store") {
						for _, e := range x.Elts {
							kv, ok := e.(*ast.KeyValueExpr)
							if !ok || exprName(kv.Key) != "Message" {
								continue
							}
							if _, lit := stringLit(kv.Value); !lit && !isErrorText(kv.Value) {
								if call, ok := kv.Value.(*ast.CallExpr); ok && exprName(call.Fun) == "fmt.Sprintf" {
									formatted = append(formatted, fset.Position(x.Pos()).String()+": a FieldError message made with fmt.Sprintf")
								}
								if _, ok := kv.Value.(*ast.BinaryExpr); ok {
									formatted = append(formatted, fset.Position(x.Pos()).String()+": a FieldError message joined with +")
								}
							}
						}
					}
					if id, ok := x.Type.(*ast.Ident); ok && id.Name == "filterOption" && len(x.Elts) > 1 {
						add(x.Elts[1]) // a select's option label
					}
					if at, ok := x.Type.(*ast.ArrayType); ok && exprName(at.Elt) == "filterOption" {
						for _, e := range x.Elts { // []filterOption{{"", "Semua jenis", …}}: the element's type is left out
							if o, ok := e.(*ast.CompositeLit); ok && o.Type == nil && len(o.Elts) > 1 {
								add(o.Elts[1])
							}
						}
					}
				case *ast.FuncDecl:
					if strings.HasSuffix(x.Name.Name, "Flash") && x.Body != nil { // a redirect's message key in words
						ast.Inspect(x.Body, func(n ast.Node) bool {
							if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
								add(r.Results[0])
							}
							return true
						})
					}
					if x.Name.Name == "problem" && x.Body != nil { // domain.TextRule's messages
						ast.Inspect(x.Body, func(n ast.Node) bool {
							if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) > 0 {
								add(r.Results[0])
							}
							return true
						})
					}
				case *ast.KeyValueExpr:
					if k, ok := x.Key.(*ast.Ident); ok && shownName(k.Name) && (dir == "." || k.Name == "Label" || k.Name == "Message") {
						add(x.Value)
					}
				case *ast.AssignStmt:
					if len(x.Lhs) == len(x.Rhs) {
						for i, l := range x.Lhs {
							if sel, ok := l.(*ast.SelectorExpr); ok && shownName(sel.Sel.Name) {
								add(x.Rhs[i])
							}
							if id, ok := l.(*ast.Ident); ok && (id.Name == "notice" || id.Name == "problem") {
								add(x.Rhs[i])
							}
						}
					}
				case *ast.ValueSpec:
					for i, id := range x.Names {
						if strings.HasPrefix(id.Name, "msg") && i < len(x.Values) && dir == "." {
							add(x.Values[i])
						}
						if strings.HasPrefix(id.Name, "Reason") && i < len(x.Values) && dir == "../compliance" { // why an OPD does not comply
							add(x.Values[i])
						}
						if (strings.HasSuffix(id.Name, "Columns") || strings.HasSuffix(id.Name, "Sheet")) && i < len(x.Values) && dir == "../compliance/export" { // an export's titles
							if m, ok := x.Values[i].(*ast.CompositeLit); ok {
								for _, e := range m.Elts {
									if s, ok := stringLit(e); !ok || s != "ID" { // "ID" is the same in English (and reserved in go-i18n files)
										add(e)
									}
								}
							} else {
								add(x.Values[i])
							}
						}
						if strings.HasSuffix(id.Name, "Flash") && i < len(x.Values) { // a map of flash messages
							if m, ok := x.Values[i].(*ast.CompositeLit); ok {
								for _, e := range m.Elts {
									if kv, ok := e.(*ast.KeyValueExpr); ok {
										add(kv.Value)
									}
								}
							}
						}
					}
				}
				return true
			})
		}
	}
	for _, id := range notice.Subjects() {
		if _, ok := out[id]; !ok {
			out[id] = "internal/notice"
		}
	}
	return out, formatted
}

// isErrorText says whether e is err.Error(): a library's own words, passed on.
func isErrorText(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	return ok && callName(call.Fun) == "Error" && len(call.Args) == 0
}

// stringLit is the value of a string literal, or of literals joined with +.
func stringLit(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok1 := stringLit(x.X)
		b, ok2 := stringLit(x.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return stringLit(x.X)
	}
	return "", false
}

func callName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	}
	return ""
}

func exprName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return exprName(x.X) + "." + x.Sel.Name
	}
	return ""
}

// isFormValue says whether a call's receiver is a form (f.Add, p.Form.Add,
// q.Add on a query's form), not url.Values.
func isFormValue(fun ast.Expr) bool {
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	recv := exprName(sel.X)
	return strings.HasSuffix(recv, "Form") || recv == "f" || recv == "ef" || recv == "q" || recv == "form" || strings.HasSuffix(recv, ".Enroll")
}

// TestEnglishCoverageGo is TestEnglishCoverage for the texts Go writes:
// every message id found in Go code (goMessages) has an English entry, and
// an entry of a message with values keeps exactly its values.
func TestEnglishCoverageGo(t *testing.T) {
	t.Parallel()
	cat := loadCatalog(t)
	msgs, formatted := scanGoMessages(t)
	for _, f := range formatted {
		t.Errorf("a domain error formatted with fmt verbs cannot be translated; use domain.Errort with a message of the file: %s", f)
	}
	if len(msgs) < 300 {
		t.Fatalf("only %d Go messages found; the scan of the Go code is broken", len(msgs))
	}
	var missing []string
	for id, where := range msgs {
		key := strings.Join(strings.Fields(id), " ")
		en, ok := cat.Lookup(key)
		if !ok {
			missing = append(missing, key+"\t"+where)
			continue
		}
		checkActions(t, where, key, en)
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		writeMissing(t, missing)
		t.Errorf("%d texts written in Go have no English in web/i18n/en.json:\n%s", len(missing), strings.Join(missing, "\n"))
		return
	}
	t.Logf("%d Go messages, all translated", len(msgs))
}

// TestPracticeScriptEnglish: every word practice.js shows goes through its
// t() and has an entry in its English table; no other sentence is left in
// the script.
func TestPracticeScriptEnglish(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../../web/static/practice.js")
	if err != nil {
		t.Fatal(err)
	}
	js := string(src)
	start, end := strings.Index(js, "var english = {"), strings.Index(js, "};\n  var en =")
	if start < 0 || end < start {
		t.Fatal("practice.js has no English table")
	}
	table := map[string]string{}
	for _, line := range strings.Split(js[start:end], "\n") {
		line = strings.TrimSuffix(strings.TrimSpace(line), ",")
		if !strings.HasPrefix(line, `"`) {
			continue
		}
		k, rest, ok := strings.Cut(line[1:], `": "`)
		if !ok {
			t.Fatalf("table line %q", line)
		}
		table[k] = strings.TrimSuffix(rest, `"`)
	}
	calls := regexp.MustCompile(`\bt\("((?:[^"\\]|\\.)*)"\)`).FindAllStringSubmatch(js[end:], -1)
	if len(calls) < 10 {
		t.Fatalf("only %d t() calls found", len(calls))
	}
	for _, m := range calls {
		if en, ok := table[m[1]]; !ok || en == "" {
			t.Errorf("practice.js: t(%q) has no English", m[1])
		}
	}
	rest := regexp.MustCompile(`\bt\("(?:[^"\\]|\\.)*"\)`).ReplaceAllString(js[end:], "")
	for _, m := range regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`).FindAllStringSubmatch(rest, -1) {
		if strings.TrimSpace(m[1]) != "" && strings.Contains(m[1], " ") && m[1] != "btn btn-secondary" {
			t.Errorf("practice.js shows %q without t()", m[1])
		}
	}
}
