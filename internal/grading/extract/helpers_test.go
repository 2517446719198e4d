package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// sharedDir finds ../shared next to the module root (the directory holding
// go.mod). It skips the test when the data is missing, except under CI.
func sharedDir(t testing.TB) string {
	t.Helper()
	shared, err := findShared()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data missing: %v", err)
		}
		t.Skipf("shared data missing (set up ../shared next to the project to run this test): %v", err)
	}
	return shared
}

// findShared walks up from the test directory to the one holding go.mod and
// returns its sibling "shared" directory.
func findShared() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("getwd: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		return "", fmt.Errorf("stat %s: %w", shared, err)
	}
	return shared, nil
}

// checkSpan fails when s is not a faithful slice of text.
func checkSpan(t testing.TB, text string, s Span) {
	t.Helper()
	rs := []rune(text)
	if s.Start < 0 || s.Start > s.End || s.End > len(rs) {
		t.Fatalf("span %+v out of range (runes %d)", s, len(rs))
	}
	if !utf8.ValidString(s.Text) {
		t.Fatalf("span text not valid UTF-8: %q", s.Text)
	}
	if got := string(rs[s.Start:s.End]); got != s.Text {
		t.Fatalf("span text %q != slice %q", s.Text, got)
	}
}

func texts(ss []Span) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}
