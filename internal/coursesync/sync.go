// Package coursesync loads course content and mirrors it into the database.
package coursesync

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/bimtek/bimtek/courses"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/store"
)

// ProblemsError is returned when the content is invalid; it lists every problem.
type ProblemsError struct{ Problems []course.Problem }

func (e *ProblemsError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return fmt.Sprintf("konten kursus tidak valid (%d masalah):\n%s", len(e.Problems), strings.Join(lines, "\n"))
}

// Load reads the courses from dir, or the embedded copy when dir is empty,
// and returns them with the file system they came from (lesson images are
// served from it). Invalid content is refused as a whole with the full list of problems.
func Load(dir string) (*course.Catalog, fs.FS, error) {
	var fsys fs.FS = courses.FS
	if dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, nil, fmt.Errorf("direktori kursus %s tidak ditemukan", dir)
		}
		fsys = os.DirFS(dir)
	}
	cat, problems := course.Load(fsys, ".")
	if len(problems) > 0 {
		return nil, nil, &ProblemsError{Problems: problems}
	}
	if len(cat.Courses) == 0 {
		return nil, nil, fmt.Errorf("tidak ada kursus di %s", dirName(dir))
	}
	return cat, fsys, nil
}

func dirName(dir string) string {
	if dir == "" {
		return "konten bawaan"
	}
	return dir
}

// Sync mirrors the catalog into the database, keyed by stable ids.
func Sync(ctx context.Context, db *store.DB, cat *course.Catalog) (store.SyncStats, error) {
	rows := make([]store.CourseRow, 0, len(cat.Courses))
	for _, c := range cat.Courses {
		cert := c.Certificate
		row := store.CourseRow{ID: c.ID, Title: c.Title, Summary: c.Summary, Hours: c.Hours, ContentHash: c.Hash,
			CertificateTitle: cert.Title, ValidityMonths: cert.ValidityMonths, RequiredAttendance: cert.Requirements.Attendance}
		for _, it := range c.Items {
			row.Items = append(row.Items, store.ItemRow{CourseID: c.ID, ItemID: it.ID, Kind: string(it.Kind), Title: it.Title,
				ModuleID: it.ModuleID, Position: it.Index + 1, ContentHash: it.Hash, Required: Required(cert.Requirements, it.Kind)})
		}
		rows = append(rows, row)
	}
	st, err := db.SyncCourses(ctx, rows)
	if err != nil {
		return st, fmt.Errorf("menyinkronkan kursus: %w", err)
	}
	return st, nil
}

// Required says whether items of a kind count towards the certificate: a
// requirement of "all" makes every lesson, quiz or practice needed, "none" none.
func Required(req course.Requirements, kind course.Kind) bool {
	switch kind {
	case course.KindLesson:
		return req.Lessons == course.RequireAll
	case course.KindQuiz:
		return req.Quizzes == course.RequireAll
	case course.KindPractice:
		return req.Practices == course.RequireAll
	}
	return false
}
