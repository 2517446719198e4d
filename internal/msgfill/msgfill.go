// Package msgfill fills a message template of the message file
// (web/i18n/en.json: the id is the Indonesian, a go-i18n template such as
// "Nama angkatan \"{{.Name}}\" sudah dipakai") with its values, in
// Indonesian. It imports nothing, so the packages that say what went wrong
// (domain, certify) can keep a message's id and values for a reader of
// another language (internal/i18n) and still have the Indonesian text.
package msgfill

import (
	"strings"
	"sync"
	"text/template"
)

var parsed sync.Map // id → *template.Template; ids are literals, so the map stays small

// Fill executes id with data. Values print as fmt prints them, so a value
// with words of its own per language shows its Indonesian through its String
// method. An id that is not a valid template is returned as it is.
func Fill(id string, data map[string]any) string {
	if !strings.Contains(id, "{{") {
		return id
	}
	t, ok := parsed.Load(id)
	if !ok {
		p, err := template.New("").Option("missingkey=zero").Parse(id)
		if err != nil {
			return id
		}
		t, _ = parsed.LoadOrStore(id, p)
	}
	var b strings.Builder
	if err := t.(*template.Template).Execute(&b, data); err != nil {
		return id
	}
	return b.String()
}
