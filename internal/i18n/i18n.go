// Package i18n holds the interface languages: Indonesian, the default and the
// language every text is written in, and English. A message's id is its
// Indonesian text, so templates and Go code keep their Indonesian and the
// English comes from web/i18n/en.json (a go-i18n message file).
package i18n

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"unicode"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	assets "github.com/bimtek/bimtek/web"
)

// Lang is an interface language.
type Lang string

// The interface languages; ID is the default.
const (
	ID Lang = "id"
	EN Lang = "en"
)

// Langs lists the languages, the default first.
var Langs = []Lang{ID, EN}

// Parse reads a stored or posted language code; "" and unknown codes are not languages.
func Parse(s string) (Lang, bool) {
	switch Lang(s) {
	case ID, EN:
		return Lang(s), true
	}
	return "", false
}

// Name is the language's name in itself, for the choice on the account page.
func (l Lang) Name() string {
	if l == EN {
		return "English"
	}
	return "Bahasa Indonesia"
}

var matcher = language.NewMatcher([]language.Tag{language.Indonesian, language.English})

// Negotiate picks the language for an Accept-Language header; Indonesian
// when the header is empty, unreadable or prefers neither.
func Negotiate(acceptLanguage string) Lang {
	if acceptLanguage == "" {
		return ID
	}
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return ID
	}
	_, i, conf := matcher.Match(tags...)
	if conf == language.No || i != 1 {
		return ID
	}
	return EN
}

// Catalog is the loaded message files.
type Catalog struct {
	bundle *goi18n.Bundle
	en     map[string]string // Indonesian text → English
	loc    *goi18n.Localizer
}

// MessageFile is the English message file inside web/.
const MessageFile = "i18n/en.json"

// Load parses the embedded message file.
func Load() (*Catalog, error) {
	b, err := fs.ReadFile(assets.Messages, MessageFile)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", MessageFile, err)
	}
	return parseCatalog(b)
}

func parseCatalog(b []byte) (*Catalog, error) {
	bundle := goi18n.NewBundle(language.Indonesian)
	mf, err := bundle.ParseMessageFileBytes(b, "en.json")
	if err != nil {
		return nil, fmt.Errorf("parsing %s: %w", MessageFile, err)
	}
	c := &Catalog{bundle: bundle, en: make(map[string]string, len(mf.Messages)), loc: goi18n.NewLocalizer(bundle, "en")}
	for _, m := range mf.Messages {
		if Normalize(m.ID) != m.ID {
			return nil, fmt.Errorf("%s: id %q has spaces at its ends or more than one in a row", MessageFile, m.ID)
		}
		c.en[m.ID] = m.Other
	}
	return c, nil
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
	defaultErr  error
)

// Default is the embedded catalog, loaded once; a broken message file is a
// build mistake, caught by the package's tests, so it panics.
func Default() *Catalog {
	defaultOnce.Do(func() { defaultCat, defaultErr = Load() })
	if defaultErr != nil {
		panic(defaultErr)
	}
	return defaultCat
}

// Lookup returns the English for an Indonesian text (normalised as the id).
func (c *Catalog) Lookup(id string) (string, bool) {
	s, ok := c.en[id]
	return s, ok
}

// IDs lists every message id.
func (c *Catalog) IDs() []string {
	out := make([]string, 0, len(c.en))
	for id := range c.en {
		out = append(out, id)
	}
	return out
}

// T returns the text s (Indonesian) in language l; s itself when l is
// Indonesian or the message file has no entry for it.
func (c *Catalog) T(l Lang, s string) string {
	if l != EN || s == "" {
		return s
	}
	if t, ok := c.en[s]; ok {
		return t
	}
	if t, ok := c.en[Normalize(s)]; ok {
		return t
	}
	return s
}

// TC is T with a context: the entry "context: s" when the file has one (a
// word whose English differs by place, such as a plural menu label), else
// the entry for s.
func (c *Catalog) TC(l Lang, context, s string) string {
	if l == EN {
		if t, ok := c.en[context+": "+s]; ok {
			return t
		}
	}
	return c.T(l, s)
}

// Tf fills the message id (Indonesian, a go-i18n template such as
// "{{.N}} peserta") with data in language l. Localized values in data are put
// into l first; data["N"], when present, is the count that chooses English's
// plural form ("one" or "other" in the message file).
func (c *Catalog) Tf(l Lang, id string, data map[string]any) string {
	data = localize(l, data)
	if l != EN {
		return fillDefault(id, data)
	}
	cfg := &goi18n.LocalizeConfig{MessageID: id, TemplateData: data, DefaultMessage: &goi18n.Message{ID: id, Other: id}}
	if n, ok := data["N"]; ok {
		cfg.PluralCount = n
	}
	s, tag, err := c.loc.LocalizeWithTag(cfg)
	if err != nil && (s == "" || tag != language.English) {
		return fillDefault(id, data)
	}
	return s
}

// indonesian is a localizer with no messages: Tf's fallback, made once
// (a bundle builds its plural rules for every language, 0.1 ms a call).
var indonesian = sync.OnceValue(func() *goi18n.Localizer {
	return goi18n.NewLocalizer(goi18n.NewBundle(language.Indonesian), "id")
})

// fillDefault executes the Indonesian template itself: messages made only of
// text and {{.Name}} actions (all of ours) are split once and filled by
// concatenation; anything else goes through go-i18n, which parses the
// template on every call (a fifth of a course page's CPU when it did so for
// every checklist line).
func fillDefault(id string, data map[string]any) string {
	if f := splitOnce(id); f != nil {
		return f.fill(data)
	}
	s, err := indonesian().Localize(&goi18n.LocalizeConfig{DefaultMessage: &goi18n.Message{ID: id, Other: id}, TemplateData: data})
	if err != nil {
		return id
	}
	return s
}

// T translates with the embedded catalog: the one function Go code calls for
// a text a person reads.
func T(l Lang, s string) string { return Default().T(l, s) }

// TC translates with a context with the embedded catalog.
func TC(l Lang, context, s string) string { return Default().TC(l, context, s) }

// Tf fills and translates with the embedded catalog.
func Tf(l Lang, id string, data map[string]any) string { return Default().Tf(l, id, data) }

// Normalize is the form of a text used as its id: spaces, tabs and line
// breaks in a row become one space, none at the ends.
func Normalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// fields is a message split at its {{.Name}} actions: text[i] comes before
// names[i], and text has one part more than names.
type fields struct {
	text, names []string
}

// splitCache maps a message id to its *fields, or to nil when the id holds
// template syntax other than {{.Name}}.
var splitCache sync.Map

func splitOnce(id string) *fields {
	if v, ok := splitCache.Load(id); ok {
		return v.(*fields)
	}
	f := splitFields(id)
	splitCache.Store(id, f)
	return f
}

func splitFields(id string) *fields {
	f := &fields{}
	rest := id
	for {
		i := strings.Index(rest, "{{")
		if i < 0 {
			f.text = append(f.text, rest)
			return f
		}
		j := strings.Index(rest[i:], "}}")
		if j < 0 {
			return nil
		}
		name := strings.TrimSpace(rest[i+2 : i+j])
		if len(name) < 2 || name[0] != '.' || !isIdent(name[1:]) {
			return nil
		}
		f.text = append(f.text, rest[:i])
		f.names = append(f.names, name[1:])
		rest = rest[i+j+2:]
	}
}

func isIdent(s string) bool {
	for i, r := range s {
		if r != '_' && !unicode.IsLetter(r) && (i == 0 || !unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// fill writes the message with data's values as text/template prints them
// ("<no value>" for a missing one).
func (f *fields) fill(data map[string]any) string {
	var b strings.Builder
	for i, name := range f.names {
		b.WriteString(f.text[i])
		v, ok := data[name]
		switch x := v.(type) {
		case string:
			b.WriteString(x)
		case int:
			b.WriteString(strconv.Itoa(x))
		default:
			if !ok || v == nil {
				b.WriteString("<no value>")
			} else {
				fmt.Fprint(&b, v)
			}
		}
	}
	b.WriteString(f.text[len(f.names)])
	return b.String()
}
