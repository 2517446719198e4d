// Package migrations holds the goose SQL migrations for both database engines.
// Both directories use the same version numbers; a test proves they end at the same schema.
package migrations

import "embed"

// FS holds sqlite/*.sql and postgres/*.sql.
//
//go:embed sqlite/*.sql postgres/*.sql
var FS embed.FS
