package brief

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Requirements are the rules a practice's instructions promise, written so a
// machine can check them (the brief's "ketentuan"). A zero field is a rule the
// practice does not set. The publish window is the brief's PublishByDays.
type Requirements struct {
	// BodyWords is the word range of the body: [min, max].
	BodyWords [2]int `yaml:"kata_isi,omitempty" json:"kata_isi,omitempty"`
	// HeadlineWords is the word range of the headline: [min, max].
	HeadlineWords [2]int `yaml:"kata_judul,omitempty" json:"kata_judul,omitempty"`
	// LeadMaxWords is the most words the lead may have.
	LeadMaxWords int `yaml:"kata_teras_maks,omitempty" json:"kata_teras_maks,omitempty"`
	// Dateline is the place the lead must open with, in capitals ("SUKAMAJU").
	Dateline string `yaml:"dateline,omitempty" json:"dateline,omitempty"`
	// AttributedQuotes is how many direct quotes, each attributed, the release needs.
	AttributedQuotes int `yaml:"kutipan_beratribusi,omitempty" json:"kutipan_beratribusi,omitempty"`
	// QuotesFromBrief: every direct quote must be one of the brief's kutipan.
	QuotesFromBrief bool `yaml:"kutipan_dari_lembar_fakta,omitempty" json:"kutipan_dari_lembar_fakta,omitempty"`
	// ThousandsSeparator: numbers of four digits or more group thousands with
	// a dot ("1.240 warga").
	ThousandsSeparator bool `yaml:"pemisah_ribuan,omitempty" json:"pemisah_ribuan,omitempty"`
	// ActiveHeadline: the headline is an active clause, an actor and a verb
	// ("Disdukcapil Jemput Bola …"), neither passive nor without a verb.
	ActiveHeadline bool `yaml:"judul_aktif,omitempty" json:"judul_aktif,omitempty"`
}

// RequirementKeys are the keys of ketentuan, in documentation order.
var RequirementKeys = []string{"kata_isi", "kata_judul", "kata_teras_maks", "dateline", "kutipan_beratribusi", "kutipan_dari_lembar_fakta", "pemisah_ribuan", "judul_aktif"}

// maxWordsRule bounds every word count a practice may ask for.
const maxWordsRule = 5000

func (b *Brief) decodeRequirements(v *yaml.Node) (*Requirements, error) {
	if v.Kind != yaml.MappingNode {
		return nil, &Error{Line: v.Line, Field: "ketentuan", Msg: "ketentuan harus berupa pasangan kunci: nilai (kata_isi, kata_teras_maks, …)"}
	}
	r := &Requirements{}
	seen := map[string]bool{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		path := "ketentuan." + k.Value
		if seen[k.Value] {
			return nil, &Error{Line: k.Line, Field: path, Msg: fmt.Sprintf("kunci %q pada ketentuan ditulis dua kali", k.Value)}
		}
		seen[k.Value] = true
		b.lines[path] = k.Line
		var err error
		switch k.Value {
		case "kata_isi":
			r.BodyWords, err = wordRange(val, path)
		case "kata_judul":
			r.HeadlineWords, err = wordRange(val, path)
		case "kata_teras_maks":
			r.LeadMaxWords, err = scalarInt(val, path)
		case "dateline":
			r.Dateline, err = scalarText(val, path)
		case "kutipan_beratribusi":
			r.AttributedQuotes, err = scalarInt(val, path)
		case "kutipan_dari_lembar_fakta":
			r.QuotesFromBrief, err = scalarBool(val, path)
		case "pemisah_ribuan":
			r.ThousandsSeparator, err = scalarBool(val, path)
		case "judul_aktif":
			r.ActiveHeadline, err = scalarBool(val, path)
		default:
			return nil, &Error{Line: k.Line, Field: path, Msg: fmt.Sprintf("kunci %q pada ketentuan tidak dikenal; kunci yang boleh: %s", k.Value, strings.Join(RequirementKeys, ", "))}
		}
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// validate checks that the rules can be met: ranges in order, counts
// positive, a dateline in capitals, and quotes that the brief can supply.
func (r *Requirements) validate(b *Brief) error {
	for _, wr := range []struct {
		key string
		v   [2]int
	}{{"kata_isi", r.BodyWords}, {"kata_judul", r.HeadlineWords}} {
		if wr.v == [2]int{} {
			continue
		}
		if wr.v[0] < 1 || wr.v[1] < wr.v[0] || wr.v[1] > maxWordsRule {
			return b.errorf("ketentuan."+wr.key, fmt.Sprintf("%s harus berupa rentang [paling sedikit, paling banyak] dengan 1 ≤ paling sedikit ≤ paling banyak ≤ %d", wr.key, maxWordsRule))
		}
	}
	if r.LeadMaxWords < 0 || r.LeadMaxWords > maxWordsRule {
		return b.errorf("ketentuan.kata_teras_maks", fmt.Sprintf("kata_teras_maks harus berupa bilangan bulat 1–%d", maxWordsRule))
	}
	if r.Dateline != "" && r.Dateline != strings.ToUpper(r.Dateline) {
		return b.errorf("ketentuan.dateline", fmt.Sprintf("dateline ditulis dengan huruf kapital semua, misalnya %q", strings.ToUpper(r.Dateline)))
	}
	if r.AttributedQuotes < 0 {
		return b.errorf("ketentuan.kutipan_beratribusi", "kutipan_beratribusi harus berupa bilangan bulat 0 atau lebih")
	}
	if r.QuotesFromBrief && r.AttributedQuotes > len(b.Kutipan) {
		return b.errorf("ketentuan.kutipan_beratribusi", fmt.Sprintf("kutipan_beratribusi %d, padahal kutipan harus dari lembar fakta yang hanya memuat %d kutipan", r.AttributedQuotes, len(b.Kutipan)))
	}
	return nil
}

func wordRange(v *yaml.Node, path string) ([2]int, error) {
	bad := &Error{Line: v.Line, Field: path, Msg: fmt.Sprintf("%s harus berupa rentang dua bilangan bulat, misalnya [250, 400]", path[strings.LastIndex(path, ".")+1:])}
	if v.Kind != yaml.SequenceNode || len(v.Content) != 2 {
		return [2]int{}, bad
	}
	var out [2]int
	for i, n := range v.Content {
		x, err := strconv.Atoi(strings.TrimSpace(n.Value))
		if n.Kind != yaml.ScalarNode || err != nil {
			return [2]int{}, bad
		}
		out[i] = x
	}
	return out, nil
}

func scalarBool(v *yaml.Node, path string) (bool, error) {
	var x bool
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" || v.Decode(&x) != nil {
		return false, &Error{Line: v.Line, Field: path, Msg: fmt.Sprintf("%s harus berupa true atau false", path[strings.LastIndex(path, ".")+1:])}
	}
	return x, nil
}

// Written writes the figure's value the Indonesian way: 1240 → "1.240", 2.5 → "2,5".
func (f Figure) Written() string { return FormatNumber(f.Nilai) }

// FormatNumber writes a number the Indonesian way: dots group thousands, a
// comma marks decimals (8450 → "8.450", 2.5 → "2,5").
func FormatNumber(v float64) string {
	if v != math.Trunc(v) {
		return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
	}
	s := strconv.FormatFloat(v, 'f', 0, 64)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}
