package course

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLoadFixture measures loading, checking and rendering the small
// fixture course (two modules, five items).
func BenchmarkLoadFixture(b *testing.B) {
	fsys := validFS()
	b.ReportAllocs()
	for b.Loop() {
		if _, probs := Load(fsys, "courses"); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}

// BenchmarkLoadProjectCourses measures loading the project's real courses/
// directory, part of the server's start-up budget (DESIGN.md §14).
func BenchmarkLoadProjectCourses(b *testing.B) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "courses"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no courses directory at %s", dir)
	}
	fsys := os.DirFS(dir)
	b.ReportAllocs()
	for b.Loop() {
		Load(fsys, ".")
	}
}
