package course

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fileCheck collects the problems of one file. off is added to YAML line
// numbers, for YAML that starts below line 1 (lesson front matter).
type fileCheck struct {
	probs *[]Problem
	file  string
	off   int
}

func (fc *fileCheck) add(line int, format string, args ...any) {
	*fc.probs = append(*fc.probs, Problem{File: fc.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// addNode reports at the line of a YAML node (shifted by off).
func (fc *fileCheck) addNode(n *yaml.Node, format string, args ...any) {
	fc.add(fc.line(n), format, args...)
}

func (fc *fileCheck) line(n *yaml.Node) int {
	if n == nil || n.Line == 0 {
		return 0
	}
	return n.Line + fc.off
}

var yamlErrLine = regexp.MustCompile(`line (\d+): (.*)`)

// yamlHints explains the commonest yaml.v3 syntax errors in Indonesian.
var yamlHints = []struct{ match, hint string }{
	{"did not find expected key", "struktur tidak sesuai; periksa indentasi (gunakan spasi, bukan tab)"},
	{"mapping values are not allowed", "ada titik dua di tempat yang tidak semestinya; beri tanda kutip pada teks yang memuat \": \""},
	{"found character that cannot start any token", "ada karakter yang tidak boleh mengawali nilai (misalnya tab, @, atau `); beri tanda kutip pada teksnya"},
	{"did not find expected '-' indicator", "indentasi tidak sejajar; setiap butir daftar diawali \"- \" dan kunci-kuncinya sejajar"},
	{"could not find expected ':'", "kunci tanpa titik dua; tulis kunci: nilai"},
	{"found a tab character", "ada karakter tab; gunakan spasi untuk indentasi"},
	{"did not find expected node content", "nilai kosong atau tidak lengkap"},
	{"found unexpected end of stream", "berkas berakhir sebelum nilai selesai; periksa tanda kutip yang belum ditutup"},
	{"did not find expected alphabetic or numeric character", "penanda tidak sah setelah & atau *; beri tanda kutip pada teksnya"},
	{"found undefined alias", "alias * menunjuk ke penanda yang tidak ada; beri tanda kutip pada teks yang diawali *"},
}

// parseYAML decodes data into a document node, reporting syntax errors with
// their line. It returns nil when the file cannot be read as YAML.
func (fc *fileCheck) parseYAML(data []byte) *yaml.Node {
	// yaml.v3 transcodes UTF-16 after a byte-order mark, so its line numbers
	// would not be the file's; course files are UTF-8 only.
	if !utf8.Valid(data) {
		fc.add(0, "berkas bukan teks UTF-8; simpan ulang dengan pengodean UTF-8")
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := err.Error()
		line := 0
		if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		if line > 0 {
			line = firstBadLine(data, line)
		}
		hint := ""
		for _, h := range yamlHints {
			if strings.Contains(msg, h.match) {
				hint = h.hint + " "
				break
			}
		}
		if line > 0 {
			line += fc.off
		}
		fc.add(line, "YAML tidak dapat dibaca: %s(%s)", hint, msg)
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 || isNull(doc.Content[0]) {
		fc.add(fc.off+1, "berkas kosong")
		return nil
	}
	return doc.Content[0]
}

// maxScanLines bounds the prefix scan of firstBadLine (it parses O(n²) bytes).
const maxScanLines = 2000

// firstBadLine finds the line that breaks the YAML. yaml.v3 reports the line
// where the enclosing block starts (e.g. "questions:"), which is far from the
// mistake in a long quiz; the shortest failing prefix ends at the mistake.
func firstBadLine(data []byte, reported int) int {
	lines := strings.SplitAfter(string(data), "\n")
	if len(lines) > maxScanLines {
		return reported
	}
	var n yaml.Node
	prefix := 0
	for i, ln := range lines {
		prefix += len(ln)
		if i+1 < reported {
			continue // the mistake cannot be above the block yaml.v3 names
		}
		if yaml.Unmarshal(data[:prefix], &n) != nil {
			return i + 1
		}
	}
	return reported
}

// resolve follows aliases so checks see the aliased value.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// fields is a YAML mapping whose keys were checked against an allowed set.
type fields struct {
	fc    *fileCheck
	node  *yaml.Node
	keys  map[string]*yaml.Node
	vals  map[string]*yaml.Node
	quiet bool // the node was not a mapping: do not pile up "missing" reports
}

// mapping checks that n is a mapping holding only allowed keys, each once.
// where names the mapping in messages ("" for the top level).
func (fc *fileCheck) mapping(n *yaml.Node, where string, allowed ...string) *fields {
	f := &fields{fc: fc, node: n, keys: map[string]*yaml.Node{}, vals: map[string]*yaml.Node{}}
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		if where == "" {
			fc.addNode(n, "isi berkas harus berupa pasangan kunci: nilai")
		} else {
			fc.addNode(n, "%s harus berupa pasangan kunci: nilai", where)
		}
		f.quiet = true
		return f
	}
	f.node = n
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if !contains(allowed, key) {
			if where == "" {
				fc.addNode(k, "kunci %q tidak dikenal; kunci yang sah: %s", key, strings.Join(allowed, ", "))
			} else {
				fc.addNode(k, "kunci %q tidak dikenal di %s; kunci yang sah: %s", key, where, strings.Join(allowed, ", "))
			}
			continue
		}
		if prev, dup := f.keys[key]; dup {
			fc.addNode(k, "kunci %q ditulis dua kali (pertama di baris %d)", key, fc.line(prev))
			continue
		}
		f.keys[key] = k
		f.vals[key] = resolve(v)
	}
	return f
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// has reports whether key is present with a non-null value.
func (f *fields) has(key string) bool {
	v := f.vals[key]
	return v != nil && !isNull(v)
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// missing reports a required key that is absent or empty.
func (f *fields) missing(key string) {
	if f.quiet {
		return
	}
	if k := f.keys[key]; k != nil {
		f.fc.addNode(k, "%s wajib diisi", key)
		return
	}
	f.fc.addNode(f.node, "%s wajib diisi", key)
}

// str returns a scalar as trimmed text; required reports it when absent or blank.
func (f *fields) str(key string, required bool) string {
	v := f.vals[key]
	if v == nil || isNull(v) {
		if required {
			f.missing(key)
		}
		return ""
	}
	if v.Kind != yaml.ScalarNode {
		f.fc.addNode(v, "%s harus berupa teks", key)
		return ""
	}
	s := strings.TrimSpace(v.Value)
	if s == "" && required {
		f.missing(key)
	}
	return s
}

// id returns an id checked against the slug syntax.
func (f *fields) id(key string) string {
	s := f.str(key, true)
	if s != "" && !validID(s) {
		f.fc.addNode(f.vals[key], "%s %q tidak sah: gunakan huruf kecil a–z, angka, dan tanda hubung di antara kata (contoh: kuis-modul-1), paling panjang %d karakter", key, s, maxIDLen)
		return ""
	}
	return s
}

// intIn returns an integer within [lo, hi] (hi < 0: no upper bound); ok is
// false when it is absent or invalid (and then it has been reported, if required).
func (f *fields) intIn(key string, lo, hi int, required bool) (int, bool) {
	v := f.vals[key]
	if v == nil || isNull(v) {
		if required {
			f.missing(key)
		}
		return 0, false
	}
	rng := fmt.Sprintf("%d–%d", lo, hi)
	if hi < 0 {
		rng = fmt.Sprintf("≥ %d", lo)
	}
	var i int
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || v.Decode(&i) != nil {
		f.fc.addNode(v, "%s harus berupa bilangan bulat %s, bukan %q", key, rng, nodeText(v))
		return 0, false
	}
	if i < lo || (hi >= 0 && i > hi) {
		f.fc.addNode(v, "%s harus berupa bilangan bulat %s, bukan %d", key, rng, i)
		return 0, false
	}
	return i, true
}

// oneOf returns a scalar that must be one of the allowed words.
func (f *fields) oneOf(key string, required bool, allowed ...string) string {
	s := f.str(key, required)
	if s == "" {
		return ""
	}
	if !contains(allowed, s) {
		f.fc.addNode(f.vals[key], "%s %q tidak dikenal; gunakan %s", key, s, orList(allowed))
		return ""
	}
	return s
}

// orList joins words as "a, b, atau c".
func orList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	case 2:
		return words[0] + " atau " + words[1]
	}
	return strings.Join(words[:len(words)-1], ", ") + ", atau " + words[len(words)-1]
}

// nodeText is a short rendering of a node for messages.
func nodeText(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.SequenceNode:
		return "daftar"
	case yaml.MappingNode:
		return "pasangan kunci: nilai"
	}
	return ""
}

const maxIDLen = 64

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validID reports whether s is a lowercase slug of at most 64 characters.
func validID(s string) bool {
	return len(s) <= maxIDLen && idRE.MatchString(s)
}
