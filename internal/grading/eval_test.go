package grading

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// findShared walks up from the test's directory to the one holding go.mod
// and returns ../shared beside it, if it exists.
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
			return "", errors.New("no go.mod above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		return "", fmt.Errorf("../shared beside the project: %w", err)
	}
	return shared, nil
}

// sharedDir returns ../shared. It skips the test when the directory is
// missing, except under CI, where missing data is a failure.
func sharedDir(t testing.TB) string {
	t.Helper()
	shared, err := findShared()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v; CI must provide ../shared", err)
		}
		t.Skipf("%v; the eval cases live there", err)
	}
	return shared
}

// evalExpect is an eval case's expect.yaml (see ../shared/eval/README.md).
type evalExpect struct {
	Now      string `yaml:"now"`
	Brief    string `yaml:"brief"`
	Elements map[string]struct {
		Found  *bool `yaml:"found"`
		InLead *bool `yaml:"in_lead"`
	} `yaml:"elements"`
	Findings   []evalFinding `yaml:"findings"`
	NoFindings []evalFinding `yaml:"no_findings"`
	Score      struct {
		Min *int `yaml:"min"`
		Max *int `yaml:"max"`
	} `yaml:"score"`
}

type evalFinding struct {
	Criterion    string  `yaml:"criterion"`
	Severity     string  `yaml:"severity"`
	Field        string  `yaml:"field"`
	SpanContains string  `yaml:"span_contains"`
	Suggestion   *string `yaml:"suggestion"`
}

// matches applies the README's matching rules to one finding.
func (e evalFinding) matches(f Finding, headline, body string) bool {
	if e.Criterion != "" && f.Criterion != e.Criterion {
		return false
	}
	if e.Severity != "" && SeverityRank(f.Severity) < SeverityRank(e.Severity) {
		return false
	}
	if e.Field != "" && f.Field != e.Field {
		return false
	}
	if e.SpanContains != "" && !strings.Contains(f.Passage(headline, body), e.SpanContains) {
		return false
	}
	if e.Suggestion != nil && f.Suggestion != *e.Suggestion {
		return false
	}
	return true
}

// evalCase loads one case directory and grades it.
func evalCase(t *testing.T, dir string) (evalExpect, Input, Report) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "expect.yaml"))
	if err != nil {
		t.Fatalf("read expect.yaml: %v", err)
	}
	var exp evalExpect
	if err := yaml.Unmarshal(raw, &exp); err != nil {
		t.Fatalf("parse expect.yaml: %v", err)
	}
	text, err := os.ReadFile(filepath.Join(dir, "release.txt"))
	if err != nil {
		t.Fatalf("read release.txt: %v", err)
	}
	head, body, err := SplitRelease(string(text))
	if err != nil {
		t.Fatalf("SplitRelease: %v", err)
	}
	in := Input{Headline: head, Body: body}
	if exp.Now != "" {
		if in.Now, err = time.Parse(time.RFC3339, exp.Now); err != nil {
			t.Fatalf("now %q: %v", exp.Now, err)
		}
	}
	if exp.Brief != "" {
		data, err := os.ReadFile(filepath.Join(dir, exp.Brief))
		if err != nil {
			t.Fatalf("read brief: %v", err)
		}
		if in.Brief, err = ParseBrief(data); err != nil {
			t.Fatalf("ParseBrief(%s): %v", exp.Brief, err)
		}
	}
	return exp, in, Grade(in)
}

// TestEval runs every worked example of ../shared/eval/cases and honours each
// of its expectations.
func TestEval(t *testing.T) {
	root := filepath.Join(sharedDir(t), "eval", "cases")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatalf("read cases: %v", err)
	}
	if len(dirs) == 0 {
		t.Fatalf("no eval cases in %s", root)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			exp, in, rep := evalCase(t, filepath.Join(root, d.Name()))
			for id, want := range exp.Elements {
				got, ok := rep.Elements[id]
				if !ok {
					t.Errorf("element %s missing from report", id)
					continue
				}
				if want.Found != nil && got.Found != *want.Found {
					t.Errorf("element %s found=%v, want %v (spans %v)", id, got.Found, *want.Found, got.Spans)
				}
				if want.InLead != nil && got.InLead != *want.InLead {
					t.Errorf("element %s in_lead=%v, want %v (spans %v)", id, got.InLead, *want.InLead, got.Spans)
				}
			}
			for _, want := range exp.Findings {
				ok := false
				for _, f := range rep.Findings {
					if want.matches(f, in.Headline, in.Body) {
						ok = true
						break
					}
				}
				if !ok {
					t.Errorf("no finding matches %+v", want)
				}
			}
			for _, unwanted := range exp.NoFindings {
				for _, f := range rep.Findings {
					if unwanted.matches(f, in.Headline, in.Body) {
						t.Errorf("finding %+v (passage %q) matches no_findings entry %+v", f, f.Passage(in.Headline, in.Body), unwanted)
					}
				}
			}
			if exp.Score.Min != nil && rep.Score < *exp.Score.Min {
				t.Errorf("score %d below min %d; criteria %+v", rep.Score, *exp.Score.Min, rep.Criteria)
			}
			if exp.Score.Max != nil && rep.Score > *exp.Score.Max {
				t.Errorf("score %d above max %d; criteria %+v", rep.Score, *exp.Score.Max, rep.Criteria)
			}
			if t.Failed() {
				for _, f := range rep.Findings {
					t.Logf("%s %s %s[%d:%d] %q: %s (%s)", f.Criterion, f.Severity, f.Field, f.Start, f.End, f.Passage(in.Headline, in.Body), f.Message, f.Suggestion)
				}
			}
		})
	}
}
