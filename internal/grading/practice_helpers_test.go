package grading

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/bimtek/bimtek/courses"
)

// practice is a curriculum practice as the web app grades it: its brief (with
// ketentuan), rubric weights and the moment of writing (the afternoon of the
// event, as internal/web's writingTime assumes).
type practice struct {
	id      string
	brief   *Brief
	weights map[string]int
	now     time.Time
}

// loadPractices reads the four practices of the embedded curriculum.
func loadPractices(t testing.TB) map[string]practice {
	t.Helper()
	out := map[string]practice{}
	err := fs.WalkDir(courses.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".practice.yaml") {
			return err
		}
		data, err := fs.ReadFile(courses.FS, path)
		if err != nil {
			return err
		}
		var doc struct {
			ID     string         `yaml:"id"`
			Brief  yaml.Node      `yaml:"brief"`
			Rubric map[string]int `yaml:"rubric"`
		}
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return err
		}
		raw, err := yaml.Marshal(&doc.Brief)
		if err != nil {
			return err
		}
		b, err := ParseBrief(raw)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		ev, _ := b.EventDate()
		wib := time.FixedZone("WIB", 7*3600)
		out[doc.ID] = practice{id: doc.ID, brief: b, weights: doc.Rubric,
			now: time.Date(ev.Year(), ev.Month(), ev.Day(), 17, 0, 0, 0, wib)}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 4 {
		t.Fatalf("curriculum has %d practices, want 4", len(out))
	}
	return out
}

// soundRelease reads the sound release written for a practice.
func soundRelease(t testing.TB, id string) (headline, body string) {
	t.Helper()
	return releaseFile(t, "sound", id)
}

// releaseFile reads a release written for a practice from testdata/dir.
func releaseFile(t testing.TB, dir, id string) (headline, body string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", dir, id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	h, b, err := SplitRelease(string(data))
	if err != nil {
		t.Fatal(err)
	}
	return h, b
}

func (p practice) input(headline, body string) Input {
	return Input{Headline: headline, Body: body, Brief: p.brief, Now: p.now, Weights: p.weights}
}
