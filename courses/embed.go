// Package courses embeds the course content (YAML + Markdown) into the binary.
package courses

import "embed"

// FS holds every course directory; `serve` loads it unless --courses names a directory.
//
//go:embed admin-medsos-opd
var FS embed.FS
