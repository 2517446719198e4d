// Package testkit holds the helpers tests share: a fresh, migrated database on
// every engine (SQLite always, PostgreSQL when BIMTEK_TEST_POSTGRES_URL is set,
// required under CI=true), and the rule for a missing tool (skip with the
// reason, fail under CI).
//
// Migrating a database costs far more than copying one, so each engine is
// migrated once and copied per test: SQLite as the bytes of a migrated file
// (once per test process), PostgreSQL as a database created from a migrated
// template database (once per set of migrations, shared by every process).
// A test therefore starts from exactly the schema db.Migrate leaves, with no
// rows, as before.
package testkit

import (
	"os"
	"testing"
)

// Need says that a test cannot run without something (a browser, a tool, a
// database): outside CI the test is skipped with how to get it; under CI=true
// it fails, because CI installs everything the tests need.
func Need(t testing.TB, what, howToGet string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s: under CI this test must run (%s)", what, howToGet)
	}
	t.Skipf("%s: %s to run this test", what, howToGet)
}
