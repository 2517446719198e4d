// Package web holds the HTML templates and static assets, embedded into the binary.
package web

import "embed"

// Templates holds templates/*.html: layout.html plus one file per page.
//
//go:embed templates/*.html
var Templates embed.FS

// Messages holds the interface's translations: i18n/en.json maps each
// Indonesian text (the message id) to its English (go-i18n message file).
//
//go:embed i18n/*.json
var Messages embed.FS

// Static holds the files served under /static/.
//
//go:embed static
var Static embed.FS
