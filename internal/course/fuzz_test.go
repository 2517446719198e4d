package course

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzParseQuiz: arbitrary bytes never panic, every problem points inside the
// file, and a quiz without problems is well formed.
func FuzzParseQuiz(f *testing.F) {
	f.Add(validFS()[fxQuiz].Data)
	f.Add([]byte("id: a\ntitle: b\npass_score: 50\nquestions:\n  - {id: q, type: true_false, text: t, answer: false, explanation: e}\n"))
	f.Add([]byte("questions: &a [*a]\n"))
	f.Add([]byte("- [\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		var probs []Problem
		it := &Item{}
		data = normalize(data)
		parseQuiz(&fileCheck{probs: &probs, file: "k.quiz.yaml"}, data, it)
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, p := range probs {
			if p.Line < 0 || p.Line > lines || p.Msg == "" {
				t.Fatalf("problem outside the file (%d lines): %s", lines, p)
			}
		}
		if len(probs) > 0 {
			return
		}
		if !validID(it.ID) || len(it.Quiz.Questions) == 0 || it.Quiz.PassScore < 1 || it.Quiz.PassScore > 100 {
			t.Fatalf("clean quiz is malformed: %+v %+v", it, it.Quiz)
		}
		for _, q := range it.Quiz.Questions {
			if q.Type == TrueFalse {
				if len(q.Options) != 0 {
					t.Fatalf("true_false with options: %+v", q)
				}
				continue
			}
			if len(q.Options) < minOptions || len(q.Options) > maxOptions || len(q.Answers) == 0 {
				t.Fatalf("clean question is malformed: %+v", q)
			}
			if !q.Correct(q.Answers) {
				t.Fatalf("the answer of a clean question is not correct: %+v", q)
			}
		}
	})
}

// FuzzLesson: any lesson file loads without panic, problems point inside the
// file, and the HTML never carries script.
func FuzzLesson(f *testing.F) {
	f.Add(validFS()[fxLesson1].Data)
	f.Add([]byte("---\nid: x\ntitle: y\nminutes: 3\n---\n<script>alert(1)</script>\n[a](javascript:x) ![](../../../x.png) [b](<../01-a.md#c d>)\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\nid: [\n---\n| a |\n|---|\n| ![x](img/kalender.svg) |\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := validFS()
		put(fsys, fxLesson2, string(data))
		cat, probs := Load(fsys, "courses")
		lines := bytes.Count(normalize(data), []byte("\n")) + 1
		for _, p := range probs {
			if p.File == fxLesson2 && (p.Line < 0 || p.Line > lines) {
				t.Fatalf("problem outside the file (%d lines): %s", lines, p)
			}
		}
		c := cat.Course("admin-medsos-opd")
		if c == nil {
			t.Fatal("course lost")
		}
		for _, it := range c.Items {
			if it.Lesson != nil && strings.Contains(strings.ToLower(it.Lesson.HTML), "<script") {
				t.Fatalf("script in HTML: %s", it.Lesson.HTML)
			}
		}
	})
}

// A UTF-16 file (byte-order mark FF FE) is refused as a whole, not reported on
// lines yaml.v3 counts after transcoding it (FuzzParseQuiz found line 2 of 1).
func TestQuizInUTF16IsRefusedAtFileLevel(t *testing.T) {
	var probs []Problem
	parseQuiz(&fileCheck{probs: &probs, file: "k.quiz.yaml"}, []byte("\xff\xfe( 00"), &Item{})
	if len(probs) != 1 || probs[0].Line != 0 || !strings.Contains(probs[0].Msg, "UTF-8") {
		t.Fatalf("problems = %v, want one file-level UTF-8 problem", probs)
	}
}
