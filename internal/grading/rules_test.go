package grading

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var ruleIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestRulesAreWellFormed(t *testing.T) {
	ids, labels := map[string]bool{}, map[string]bool{}
	for _, r := range Rules {
		if !ruleIDPattern.MatchString(r.ID) {
			t.Errorf("rule id %q is not kebab-case", r.ID)
		}
		if ids[r.ID] {
			t.Errorf("rule id %q listed twice", r.ID)
		}
		ids[r.ID] = true
		if !slices.Contains(CriterionIDs, r.Criterion) {
			t.Errorf("rule %q has unknown criterion %q", r.ID, r.Criterion)
		}
		if r.Label == "" || labels[r.Label] {
			t.Errorf("rule %q: label %q empty or shared with another rule", r.ID, r.Label)
		}
		labels[r.Label] = true
	}
	for k, id := range kindRule {
		if _, ok := RuleByID(id); !ok {
			t.Errorf("word kind %d names unknown rule %q", k, id)
		}
	}
}

// TestEveryRuleIsUsedInSource reads the grader's source: every rule id a
// finding is built with is listed in Rules, and every listed rule is built
// somewhere, so the list is the set of defect classes the grader reports.
func TestEveryRuleIsUsedInSource(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	lit := regexp.MustCompile(`finding\("([^"]*)"`)
	used := map[string]bool{}
	for _, id := range kindRule {
		used[id] = true
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range lit.FindAllStringSubmatch(string(src), -1) {
			if _, ok := RuleByID(m[1]); !ok {
				t.Errorf("%s builds a finding of unknown rule %q", name, m[1])
			}
			used[m[1]] = true
		}
		if n := strings.Count(string(src), "finding("); name != "text.go" && n != len(lit.FindAllString(string(src), -1))+strings.Count(string(src), "finding(kindRule[") {
			t.Errorf("%s builds a finding whose rule is not a literal id", name)
		}
	}
	for _, r := range Rules {
		if !used[r.ID] {
			t.Errorf("rule %q is listed but no finding uses it", r.ID)
		}
	}
}

// TestEveryFindingNamesItsRule grades the test corpus (sound releases,
// trainee releases, every mutant, the shared eval cases, a few bare texts)
// and requires each finding's rule to be known and of the finding's
// criterion.
func TestEveryFindingNamesItsRule(t *testing.T) {
	var inputs []Input
	practices := loadPractices(t)
	for id, p := range practices {
		for _, dir := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, dir, id)
			inputs = append(inputs, p.input(h, b))
		}
		h, b := soundRelease(t, id)
		for _, m := range mutations {
			if mh, mb, _, ok := m.apply(t, id, h, b); ok {
				inputs = append(inputs, p.input(mh, mb))
			}
		}
	}
	for _, tr := range traineeReleases {
		data, err := os.ReadFile(filepath.Join("testdata", "trainee", tr.file))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, e := range tr.edits {
			text = strings.Replace(text, e.old, e.new, 1)
		}
		h, b, err := SplitRelease(text)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, practices[tr.practice].input(h, b))
	}
	root := filepath.Join(sharedDir(t), "eval", "cases")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if d.IsDir() {
			_, in, _ := evalCase(t, filepath.Join(root, d.Name()))
			inputs = append(inputs, in)
		}
	}
	for _, bare := range [][2]string{
		{"KEGIATAN SOSIALISASI!!!", "Dalam rangka meningkatkan pengetahuan, bertempat di balai desa, telah dilaksanakan kegiatan yang sangat meriah dan luar biasa. Silahkan warga datang , himbauan di sampaikan dikantor desa  jam 09.00. Beliau mengatakan,dimana warga hadir."},
		{"Pelatihan.", "Kegiatan. Kegiatan. Kegiatan berlangsung kemarin di kecamatan Cikadu bersama camat Yayan pada hari senin."},
	} {
		inputs = append(inputs, Input{Headline: bare[0], Body: bare[1]})
	}
	seen := map[string]int{}
	for _, in := range inputs {
		for _, f := range Grade(in).Findings {
			r, ok := RuleByID(f.Rule)
			switch {
			case f.Rule == "" || !ok:
				t.Errorf("finding with unknown rule %q: %s", f.Rule, f.Message)
			case r.Criterion != f.Criterion:
				t.Errorf("finding of rule %q is %s, the rule is %s: %s", f.Rule, f.Criterion, r.Criterion, f.Message)
			}
			seen[f.Rule]++
		}
	}
	t.Logf("%d releases, %d of %d rules reported", len(inputs), len(seen), len(Rules))
	if len(seen) < len(Rules)/2 {
		t.Errorf("the corpus reports only %d of %d rules", len(seen), len(Rules))
	}
}
