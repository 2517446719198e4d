package course

import (
	"bytes"
	"errors"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/bimtek/bimtek/internal/brief"
)

// parsePractice reads and checks a *.practice.yaml file into it.Practice.
func parsePractice(fc *fileCheck, src []byte, it *Item) {
	p := &Practice{}
	it.Practice = p
	doc := fc.parseYAML(src)
	if doc == nil {
		return
	}
	f := fc.mapping(doc, "", "id", "title", "instructions", "brief", "pass_score", "max_attempts", "review", "rubric")
	it.ID = f.id("id")
	it.idLine = fc.line(f.vals["id"])
	it.Title = f.str("title", true)
	p.Instructions = f.str("instructions", true)
	if v := f.vals["instructions"]; v != nil {
		p.instrLine = fc.line(v)
		// A literal block keeps its lines, and its text starts on the line after "|".
		if v.Style&yaml.LiteralStyle != 0 {
			p.instrLine++
			p.instrLines = true
		}
	}
	p.PassScore, _ = f.intIn("pass_score", 1, 100, true)
	p.MaxAttempts, _ = f.intIn("max_attempts", 1, 20, true)
	p.Review = Review(f.oneOf("review", true, string(ReviewRequired), string(ReviewAuto)))

	if f.has("rubric") {
		rf := fc.mapping(f.vals["rubric"], "rubric", RubricKeys...)
		if !rf.quiet {
			p.Rubric = map[string]int{}
			sum, allOK := 0, true
			for _, k := range RubricKeys {
				if !rf.has(k) {
					continue
				}
				w, ok := rf.intIn(k, 0, -1, false)
				allOK = allOK && ok
				p.Rubric[k] = w
				sum += w
			}
			if allOK && sum <= 0 {
				fc.addNode(f.keys["rubric"], "jumlah bobot rubric harus lebih dari 0")
			}
		}
	}

	if !f.has("brief") {
		f.missing("brief")
		return
	}
	data, base := briefSource(src, doc, f.keys["brief"], f.vals["brief"])
	p.BriefYAML = data
	b, err := brief.Parse(data)
	if err != nil {
		var be *brief.Error
		if errors.As(err, &be) {
			line := base
			if be.Line > 1 {
				line += be.Line - 1
			}
			fc.add(fc.off+line, "brief: %s", be.Msg)
		} else {
			fc.addNode(f.keys["brief"], "brief tidak sah: %v", err)
		}
		return
	}
	p.Brief = b
	if p.Instructions != "" {
		checkRules(fc, p, b, f.vals["brief"])
	}
}

// briefSource returns the brief's YAML for brief.Parse and the file
// line its first line stands for. A block mapping is cut from the source as
// written (dedented), so the brief's line numbers map exactly onto the file;
// any other form is re-encoded and its problems reported at the brief's line.
func briefSource(src []byte, parent, key, val *yaml.Node) ([]byte, int) {
	if val.Kind == yaml.MappingNode && val.Style&yaml.FlowStyle == 0 && val.Line > key.Line && val.Column > 1 {
		end := -1 // last file line of the block: the line before the next top-level key
		for i := 0; i+1 < len(parent.Content); i += 2 {
			if k := parent.Content[i]; k.Line > val.Line && (end < 0 || k.Line-1 < end) {
				end = k.Line - 1
			}
		}
		lines := strings.SplitAfter(string(src), "\n")
		if end < 0 || end > len(lines) {
			end = len(lines)
		}
		var b bytes.Buffer
		indent := val.Column - 1
		for _, ln := range lines[val.Line-1 : end] {
			cut := 0
			for cut < indent && cut < len(ln) && ln[cut] == ' ' {
				cut++
			}
			b.WriteString(ln[cut:])
		}
		return b.Bytes(), val.Line
	}
	data, err := yaml.Marshal(val)
	if err != nil {
		return nil, val.Line
	}
	return data, val.Line
}
