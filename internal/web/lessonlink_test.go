package web

import (
	"slices"
	"testing"

	"github.com/bimtek/bimtek/courses"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/i18n"
)

// TestEveryFindingTopicHasALesson: every topic a finding may name is taught
// by a lesson of the embedded curriculum, so every finding of a practice
// report links to a lesson.
func TestEveryFindingTopicHasALesson(t *testing.T) {
	t.Parallel()
	cat, problems := course.Load(courses.FS, ".")
	if len(problems) > 0 {
		t.Fatalf("curriculum invalid: %v", problems)
	}
	for _, co := range cat.Courses {
		for _, topic := range grading.Topics {
			found := false
			for _, it := range co.Items {
				found = found || it.Lesson != nil && slices.Contains(it.Lesson.Teaches, topic)
			}
			if !found {
				t.Errorf("course %s: no lesson teaches %q", co.ID, topic)
			}
		}
	}
}

func TestReportLinksFindingsToLessons(t *testing.T) {
	t.Parallel()
	cat, _ := course.Load(courses.FS, ".")
	co := cat.Courses[0]
	rep := grading.Grade(grading.Input{Headline: "Kegiatan Sosialisasi", Body: "Dalam rangka sosialisasi, kegiatan di laksanakan dikantor desa. \"Ayo datang.\""})
	rv := newReportView(i18n.ID, "Kegiatan Sosialisasi", "", rep)
	rv.linkLessons(co)
	seen := map[string]string{}
	for _, f := range rv.Findings {
		if f.LessonURL == "" {
			t.Errorf("finding %s %q has no lesson", f.Criterion, f.Message)
		}
		seen[f.Topic] = f.LessonTitle
	}
	if seen[grading.TopicEjaan] == "" || seen[grading.TopicKutipan] == "" || seen[grading.TopicJudulTeras] == "" {
		t.Errorf("lessons by topic: %v", seen)
	}
}
