package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// elementExpect is one line of an eval case's "elements:" block.
type elementExpect struct {
	found, hasLead, inLead bool
}

var expectLine = regexp.MustCompile(`^\s+(siapa|apa|kapan|di_mana|mengapa|bagaimana):\s*\{([^}]*)\}`)

// readElementExpectations reads the elements block of expect.yaml; the format
// is simple enough that the standard library suffices.
func readElementExpectations(t *testing.T, path string) map[string]elementExpect {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	out := map[string]elementExpect{}
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "elements:") {
			in = true
			continue
		}
		if in && line != "" && !strings.HasPrefix(line, " ") {
			break
		}
		m := expectLine.FindStringSubmatch(line)
		if !in || m == nil {
			continue
		}
		var e elementExpect
		for _, kv := range strings.Split(m[2], ",") {
			k, v, _ := strings.Cut(kv, ":")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			switch k {
			case "found":
				e.found = v == "true"
			case "in_lead":
				e.hasLead, e.inLead = true, v == "true"
			}
		}
		out[m[1]] = e
	}
	return out
}

// TestEvalCaseElements runs Elements over the headline and body of every
// worked example and checks found / in_lead as the grader will compute them.
func TestEvalCaseElements(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join(sharedDir(t), "eval", "cases", "*"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no eval cases: %v", err)
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want := readElementExpectations(t, filepath.Join(dir, "expect.yaml"))
			raw, err := os.ReadFile(filepath.Join(dir, "release.txt"))
			if err != nil {
				t.Fatalf("read release: %v", err)
			}
			text := strings.TrimLeft(string(raw), "\r\n\t ")
			head, body, _ := strings.Cut(text, "\n")
			head = strings.TrimSpace(head)
			body = strings.TrimSpace(body)
			paras := Paragraphs(body)
			if len(paras) == 0 {
				t.Fatal("no paragraphs in body")
			}
			lead := paras[0]
			he, be := Elements(head), Elements(body)
			for id, w := range want {
				found := len(he[id])+len(be[id]) > 0
				inLead := false
				for _, s := range be[id] {
					if s.Start >= lead.Start && s.End <= lead.End {
						inLead = true
					}
				}
				if found != w.found {
					t.Errorf("%s found = %v, want %v (headline %q, body %q)", id, found, w.found, texts(he[id]), texts(be[id]))
				}
				if w.hasLead && inLead != w.inLead {
					t.Errorf("%s in_lead = %v, want %v (body %q)", id, inLead, w.inLead, texts(be[id]))
				}
			}
		})
	}
}
