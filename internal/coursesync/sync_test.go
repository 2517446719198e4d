package coursesync

import (
	"context"
	"testing"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/testkit"
)

func TestRequired(t *testing.T) {
	req := course.Requirements{Lessons: course.RequireAll, Quizzes: course.RequireNone, Practices: course.RequireAll}
	for kind, want := range map[course.Kind]bool{course.KindLesson: true, course.KindQuiz: false, course.KindPractice: true, course.Kind("lain"): false} {
		if got := Required(req, kind); got != want {
			t.Errorf("Required(%s) = %v, want %v", kind, got, want)
		}
	}
}

// TestSyncCopiesCertificateRules syncs the shipped course and checks that
// the store holds its certificate title, validity, attendance and which
// items count, as course.yaml says.
func TestSyncCopiesCertificateRules(t *testing.T) {
	ctx := context.Background()
	cat, _, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	db := testkit.SQLite(t)
	if _, err := Sync(ctx, db, cat); err != nil {
		t.Fatal(err)
	}
	courses, err := db.ActiveCourses(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range courses {
		c := cat.Course(row.ID)
		if c == nil {
			t.Fatalf("course %s not in the catalog", row.ID)
		}
		cert := c.Certificate
		if row.CertificateTitle != cert.Title || row.ValidityMonths != cert.ValidityMonths || row.RequiredAttendance != cert.Requirements.Attendance {
			t.Errorf("%s: stored %q/%d/%d, course.yaml %q/%d/%d", row.ID, row.CertificateTitle, row.ValidityMonths, row.RequiredAttendance,
				cert.Title, cert.ValidityMonths, cert.Requirements.Attendance)
		}
		if row.ValidityMonths == 0 {
			t.Errorf("%s: a shipped course must issue a certificate", row.ID)
		}
		items, err := db.CourseItems(ctx, row.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != len(c.Items) {
			t.Fatalf("%s: %d items stored, %d in the course", row.ID, len(items), len(c.Items))
		}
		for _, it := range items {
			if want := Required(cert.Requirements, course.Kind(it.Kind)); it.Required != want {
				t.Errorf("%s/%s (%s): required %v, want %v", row.ID, it.ItemID, it.Kind, it.Required, want)
			}
		}
	}
	if len(courses) == 0 {
		t.Fatal("no course synced")
	}
}
