package brief

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Brief is a practice item's facts sheet: what really happened. The grader
// checks a release against it.
type Brief struct {
	Apa       string   `yaml:"apa" json:"apa"`
	Siapa     []Person `yaml:"siapa,omitempty" json:"siapa,omitempty"`
	Kapan     string   `yaml:"kapan" json:"kapan"`                     // event date, YYYY-MM-DD
	Pukul     string   `yaml:"pukul,omitempty" json:"pukul,omitempty"` // event time, HH.MM (WIB)
	DiMana    string   `yaml:"di_mana,omitempty" json:"di_mana,omitempty"`
	Mengapa   string   `yaml:"mengapa,omitempty" json:"mengapa,omitempty"`
	Bagaimana string   `yaml:"bagaimana,omitempty" json:"bagaimana,omitempty"`
	Angka     []Figure `yaml:"angka,omitempty" json:"angka,omitempty"`
	Kutipan   []Quote  `yaml:"kutipan,omitempty" json:"kutipan,omitempty"`
	// PublishByDays is how many days after the event the release may still be
	// published; 0 means the practice sets no deadline.
	PublishByDays int `yaml:"publish_by_days,omitempty" json:"publish_by_days,omitempty"`
	// Ketentuan are the practice's rules that the grader checks; nil when the
	// brief states none.
	Ketentuan *Requirements `yaml:"ketentuan,omitempty" json:"ketentuan,omitempty"`

	lines map[string]int // source line of each field path, for Validate's errors
}

// Person is someone the release may name, with their exact title.
type Person struct {
	Nama    string `yaml:"nama" json:"nama"`
	Jabatan string `yaml:"jabatan,omitempty" json:"jabatan,omitempty"`
}

// Figure is a number the release should state correctly.
type Figure struct {
	Nilai      float64 `yaml:"nilai" json:"nilai"`
	Satuan     string  `yaml:"satuan" json:"satuan"`
	Keterangan string  `yaml:"keterangan,omitempty" json:"keterangan,omitempty"`
}

// Quote is a statement a person really made.
type Quote struct {
	Oleh string `yaml:"oleh" json:"oleh"`
	Teks string `yaml:"teks" json:"teks"`
}

// Error is a problem in a brief. Line counts from 1 within the bytes given
// to Parse (a caller that cut the brief out of a larger file adds its own
// offset); Field is the path of the offending key, e.g. "siapa[0].nama".
type Error struct {
	Line  int
	Field string
	Msg   string
}

func (e *Error) Error() string { return fmt.Sprintf("baris %d: %s", e.Line, e.Msg) }

// briefKeys are the keys a brief may have, in documentation order.
var briefKeys = []string{"apa", "siapa", "kapan", "pukul", "di_mana", "mengapa", "bagaimana", "angka", "kutipan", "publish_by_days", "ketentuan"}

var (
	briefDateRe  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	briefClockRe = regexp.MustCompile(`^([01]?\d|2[0-3])[.:]([0-5]\d)$`)
	yamlLineRe   = regexp.MustCompile(`line (\d+)`)
)

// Parse reads a brief from YAML. Every error is a *Error naming the
// line and the field in Indonesian, e.g. "baris 4: kapan harus berupa tanggal
// YYYY-MM-DD". Unknown keys are errors.
func Parse(data []byte) (*Brief, error) {
	// Line numbers are the editor's: CRLF and lone CR end a line once, and
	// UTF-16 (which yaml.v3 would transcode) is refused as a whole.
	if !utf8.Valid(data) {
		return nil, &Error{Line: 1, Msg: "brief bukan teks UTF-8; simpan ulang dengan pengodean UTF-8"}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	data = bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 1
		if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		return nil, &Error{Line: line, Msg: "susunan YAML tidak valid; periksa indentasi, tanda titik dua, dan tanda petik"}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 || doc.Content[0].Tag == "!!null" {
		return nil, &Error{Line: 1, Msg: "brief kosong; isi setidaknya apa dan kapan"}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &Error{Line: root.Line, Msg: "brief harus berupa daftar kunci dan nilai (apa, siapa, kapan, …)"}
	}
	b := &Brief{lines: map[string]int{"": root.Line}}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		if seen[key] {
			return nil, &Error{Line: k.Line, Field: key, Msg: fmt.Sprintf("kunci %q ditulis dua kali", key)}
		}
		seen[key] = true
		b.lines[key] = k.Line
		var err error
		switch key {
		case "apa":
			b.Apa, err = scalarText(v, key)
		case "kapan":
			b.Kapan, err = scalarText(v, key)
		case "pukul":
			b.Pukul, err = scalarText(v, key)
		case "di_mana":
			b.DiMana, err = scalarText(v, key)
		case "mengapa":
			b.Mengapa, err = scalarText(v, key)
		case "bagaimana":
			b.Bagaimana, err = scalarText(v, key)
		case "publish_by_days":
			b.PublishByDays, err = scalarInt(v, key)
		case "siapa":
			err = b.decodeSiapa(v)
		case "angka":
			err = b.decodeAngka(v)
		case "kutipan":
			err = b.decodeKutipan(v)
		case "ketentuan":
			b.Ketentuan, err = b.decodeRequirements(v)
		default:
			return nil, &Error{Line: k.Line, Field: key, Msg: fmt.Sprintf("kunci %q tidak dikenal; kunci yang boleh: %s", key, strings.Join(briefKeys, ", "))}
		}
		if err != nil {
			return nil, err
		}
	}
	if err := b.Validate(); err != nil {
		return nil, err
	}
	return b, nil
}

// Validate checks the brief's content: apa and kapan are required, kapan is a
// real date, pukul a time of day, every person has a name, every figure a
// unit, every quote a speaker and a text. The error is a *Error.
func (b *Brief) Validate() error {
	if strings.TrimSpace(b.Apa) == "" {
		return b.errorf("apa", "apa wajib diisi: tulis kegiatan atau peristiwanya dalam satu kalimat")
	}
	if _, ok := b.EventDate(); !ok {
		if strings.TrimSpace(b.Kapan) == "" {
			return b.errorf("kapan", "kapan wajib diisi dengan tanggal YYYY-MM-DD")
		}
		return b.errorf("kapan", "kapan harus berupa tanggal YYYY-MM-DD")
	}
	if b.Pukul != "" && !briefClockRe.MatchString(b.Pukul) {
		return b.errorf("pukul", `pukul harus berupa jam HH.MM, misalnya "09.00"`)
	}
	if b.PublishByDays < 0 {
		return b.errorf("publish_by_days", "publish_by_days harus berupa bilangan bulat 0 atau lebih")
	}
	for i, p := range b.Siapa {
		if strings.TrimSpace(p.Nama) == "" {
			return b.errorf(fmt.Sprintf("siapa[%d].nama", i), fmt.Sprintf("nama pada siapa ke-%d wajib diisi", i+1))
		}
	}
	for i, a := range b.Angka {
		if strings.TrimSpace(a.Satuan) == "" {
			return b.errorf(fmt.Sprintf("angka[%d].satuan", i), fmt.Sprintf("satuan pada angka ke-%d wajib diisi, misalnya peserta atau OPD", i+1))
		}
		if a.Nilai < 0 {
			return b.errorf(fmt.Sprintf("angka[%d].nilai", i), fmt.Sprintf("nilai pada angka ke-%d tidak boleh negatif", i+1))
		}
	}
	for i, q := range b.Kutipan {
		if strings.TrimSpace(q.Oleh) == "" {
			return b.errorf(fmt.Sprintf("kutipan[%d].oleh", i), fmt.Sprintf("oleh pada kutipan ke-%d wajib diisi", i+1))
		}
		if strings.TrimSpace(q.Teks) == "" {
			return b.errorf(fmt.Sprintf("kutipan[%d].teks", i), fmt.Sprintf("teks pada kutipan ke-%d wajib diisi", i+1))
		}
	}
	if b.Ketentuan != nil {
		return b.Ketentuan.validate(b)
	}
	return nil
}

// EventDate returns Kapan as a date (midnight UTC), and whether it is valid.
func (b *Brief) EventDate() (time.Time, bool) {
	if !briefDateRe.MatchString(b.Kapan) {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", b.Kapan)
	return t, err == nil
}

// errorf builds a *Error at the line of path, falling back to its parent
// key and then to the brief's first line.
func (b *Brief) errorf(path, msg string) error {
	line := 1
	for p := path; ; {
		if l, ok := b.lines[p]; ok {
			line = l
			break
		}
		cut := strings.LastIndexAny(p, ".[")
		if cut < 0 {
			if l, ok := b.lines[""]; ok {
				line = l
			}
			break
		}
		p = p[:cut]
	}
	return &Error{Line: line, Field: path, Msg: msg}
}

func scalarText(v *yaml.Node, path string) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", &Error{Line: v.Line, Field: path, Msg: fmt.Sprintf("%s harus berupa teks satu baris atau satu paragraf", path)}
	}
	if v.Tag == "!!null" {
		return "", nil
	}
	return strings.TrimSpace(v.Value), nil
}

func scalarInt(v *yaml.Node, path string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v.Value))
	if v.Kind != yaml.ScalarNode || err != nil {
		return 0, &Error{Line: v.Line, Field: path, Msg: fmt.Sprintf("%s harus berupa bilangan bulat", path)}
	}
	return n, nil
}

// seqOfMaps checks that v is a list of mappings with only the allowed keys and
// calls fn for each item's key/value pairs.
func (b *Brief) seqOfMaps(v *yaml.Node, key string, allowed []string, fn func(i int, k string, val *yaml.Node) error) error {
	if v.Kind != yaml.SequenceNode {
		return &Error{Line: v.Line, Field: key, Msg: fmt.Sprintf("%s harus berupa daftar (setiap butir diawali tanda -)", key)}
	}
	for i, item := range v.Content {
		path := fmt.Sprintf("%s[%d]", key, i)
		b.lines[path] = item.Line
		if item.Kind != yaml.MappingNode {
			return &Error{Line: item.Line, Field: path, Msg: fmt.Sprintf("%s ke-%d harus berisi %s", key, i+1, strings.Join(allowed, ", "))}
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			k, val := item.Content[j], item.Content[j+1]
			if !contains(allowed, k.Value) {
				return &Error{Line: k.Line, Field: path + "." + k.Value, Msg: fmt.Sprintf("kunci %q pada %s ke-%d tidak dikenal; kunci yang boleh: %s", k.Value, key, i+1, strings.Join(allowed, ", "))}
			}
			b.lines[path+"."+k.Value] = k.Line
			if err := fn(i, k.Value, val); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *Brief) decodeSiapa(v *yaml.Node) error {
	if v.Kind == yaml.SequenceNode {
		b.Siapa = make([]Person, len(v.Content))
	}
	return b.seqOfMaps(v, "siapa", []string{"nama", "jabatan"}, func(i int, k string, val *yaml.Node) error {
		s, err := scalarText(val, fmt.Sprintf("siapa[%d].%s", i, k))
		if k == "nama" {
			b.Siapa[i].Nama = s
		} else {
			b.Siapa[i].Jabatan = s
		}
		return err
	})
}

func (b *Brief) decodeAngka(v *yaml.Node) error {
	if v.Kind == yaml.SequenceNode {
		b.Angka = make([]Figure, len(v.Content))
	}
	err := b.seqOfMaps(v, "angka", []string{"nilai", "satuan", "keterangan"}, func(i int, k string, val *yaml.Node) error {
		path := fmt.Sprintf("angka[%d].%s", i, k)
		switch k {
		case "nilai":
			n, ok := parseBriefNumber(val)
			if !ok {
				return &Error{Line: val.Line, Field: path, Msg: fmt.Sprintf("nilai pada angka ke-%d harus berupa bilangan, misalnya 120", i+1)}
			}
			b.Angka[i].Nilai = n
		case "satuan":
			s, err := scalarText(val, path)
			b.Angka[i].Satuan = s
			return err
		default:
			s, err := scalarText(val, path)
			b.Angka[i].Keterangan = s
			return err
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i := range b.Angka {
		if _, ok := b.lines[fmt.Sprintf("angka[%d].nilai", i)]; !ok {
			return b.errorf(fmt.Sprintf("angka[%d].nilai", i), fmt.Sprintf("nilai pada angka ke-%d wajib diisi", i+1))
		}
	}
	return nil
}

func (b *Brief) decodeKutipan(v *yaml.Node) error {
	if v.Kind == yaml.SequenceNode {
		b.Kutipan = make([]Quote, len(v.Content))
	}
	return b.seqOfMaps(v, "kutipan", []string{"oleh", "teks"}, func(i int, k string, val *yaml.Node) error {
		s, err := scalarText(val, fmt.Sprintf("kutipan[%d].%s", i, k))
		if k == "oleh" {
			b.Kutipan[i].Oleh = s
		} else {
			b.Kutipan[i].Teks = s
		}
		return err
	})
}

// parseBriefNumber accepts YAML numbers (120, 2.5) and Indonesian-written
// numbers in quotes ("8.450", "2,5").
func parseBriefNumber(v *yaml.Node) (float64, bool) {
	if v.Kind != yaml.ScalarNode {
		return 0, false
	}
	s := strings.TrimSpace(v.Value)
	if v.Tag == "!!int" || v.Tag == "!!float" {
		f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		return f, err == nil
	}
	return ParseNumber(s)
}

// ParseNumber reads a number written the Indonesian way: dots group
// thousands, a comma marks decimals ("8.450" = 8450, "2,5" = 2.5).
func ParseNumber(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	intPart, frac, hasFrac := strings.Cut(s, ",")
	groups := strings.Split(intPart, ".")
	if len(groups) > 1 {
		// "09.00" and "4.0" are not thousands: every group after the first has 3 digits.
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, false
			}
		}
	}
	digits := strings.Join(groups, "")
	for _, r := range digits {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	if hasFrac {
		for _, r := range frac {
			if r < '0' || r > '9' {
				return 0, false
			}
		}
		digits += "." + frac
	}
	f, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return 0, false
	}
	return f, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
