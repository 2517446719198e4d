package course

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// Limits on quiz questions and attempts.
const (
	minOptions      = 2
	maxOptions      = 6
	maxQuizAttempts = 20
)

// multipleHint is what the quiz page adds to every multiple-choice question,
// so the question text must not say it again.
const multipleHint = "pilih semua yang benar"

// boolean returns a true/false setting, def when absent; anything else is reported.
func (f *fields) boolean(key string, def bool) bool {
	v := f.vals[key]
	if v == nil || isNull(v) {
		return def
	}
	var b bool
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" || v.Decode(&b) != nil {
		f.fc.addNode(v, "%s harus true atau false, bukan %q", key, nodeText(v))
		return def
	}
	return b
}

// parseQuiz reads and checks a *.quiz.yaml file into it.Quiz.
func parseQuiz(fc *fileCheck, src []byte, it *Item) {
	it.Quiz = &Quiz{}
	doc := fc.parseYAML(src)
	if doc == nil {
		return
	}
	f := fc.mapping(doc, "", "id", "title", "pass_score", "max_attempts", "shuffle_questions", "shuffle_options", "reveal_answers", "questions")
	it.ID = f.id("id")
	it.idLine = fc.line(f.vals["id"])
	it.Title = f.str("title", true)
	it.Quiz.PassScore, _ = f.intIn("pass_score", 1, 100, true)
	it.Quiz.MaxAttempts = DefaultQuizAttempts
	if n, ok := f.intIn("max_attempts", 1, maxQuizAttempts, false); ok {
		it.Quiz.MaxAttempts = n
	}
	it.Quiz.ShuffleQuestions = f.boolean("shuffle_questions", true)
	it.Quiz.ShuffleOptions = f.boolean("shuffle_options", true)
	it.Quiz.Reveal = DefaultReveal
	if r := f.oneOf("reveal_answers", false, string(RevealNever), string(RevealAfterPassing), string(RevealAfterLast)); r != "" {
		it.Quiz.Reveal = Reveal(r)
	}
	if !f.has("questions") {
		f.missing("questions")
		return
	}
	seq := f.vals["questions"]
	if seq.Kind != yaml.SequenceNode {
		fc.addNode(seq, "questions harus berupa daftar soal")
		return
	}
	if len(seq.Content) == 0 {
		fc.addNode(seq, "questions kosong; tulis setidaknya satu soal")
		return
	}
	seen := map[string]int{}
	for _, qn := range seq.Content {
		q := parseQuestion(fc, resolve(qn))
		if q == nil {
			continue
		}
		if q.ID != "" {
			if prev, dup := seen[q.ID]; dup {
				fc.add(q.Line, "id soal %q sudah dipakai di baris %d; id soal harus unik dalam satu kuis", q.ID, prev)
			} else {
				seen[q.ID] = q.Line
			}
		}
		it.Quiz.Questions = append(it.Quiz.Questions, q)
	}
}

// parseQuestion reads one question; it reports every problem it finds and
// returns nil only when the entry is not a mapping at all.
func parseQuestion(fc *fileCheck, n *yaml.Node) *Question {
	if n == nil || n.Kind != yaml.MappingNode {
		fc.addNode(n, "setiap soal harus berupa pasangan kunci: nilai (id, type, text, options, answer, explanation)")
		return nil
	}
	f := fc.mapping(n, "soal", "id", "type", "text", "options", "answer", "explanation")
	q := &Question{Line: fc.line(n)}
	q.ID = f.id("id")
	if v := f.vals["id"]; v != nil {
		q.Line = fc.line(v)
	}
	q.Type = QuestionType(f.oneOf("type", true, string(Single), string(Multiple), string(TrueFalse)))
	q.Text = f.str("text", true)
	q.Explanation = f.str("explanation", true)
	if q.Type == Multiple && strings.Contains(strings.ToLower(q.Text), multipleHint) {
		fc.addNode(f.vals["text"], "text soal multiple tidak perlu menulis “Pilih semua yang benar”; halaman kuis sudah menambahkannya di setiap soal multiple")
	}

	if q.Type == TrueFalse {
		if f.has("options") {
			fc.addNode(f.keys["options"], "soal true_false tidak memakai options; hapus options (pilihannya selalu Benar dan Salah)")
		}
		if !f.has("answer") {
			f.missing("answer")
		} else if a := f.vals["answer"]; a.Kind != yaml.ScalarNode || a.Tag != "!!bool" || a.Decode(&q.Truth) != nil {
			fc.addNode(a, "jawaban soal true_false harus true atau false, bukan %q", nodeText(a))
		}
		return q
	}

	// single and multiple (and an unknown type: still check what can be checked)
	opts := map[string]bool{}
	folded := map[string]string{}
	if !f.has("options") {
		if q.Type != "" {
			f.missing("options")
		}
	} else if seq := f.vals["options"]; seq.Kind != yaml.SequenceNode {
		fc.addNode(seq, "options harus berupa daftar pilihan")
	} else {
		for _, on := range seq.Content {
			on = resolve(on)
			if on.Kind != yaml.ScalarNode || isNull(on) || strings.TrimSpace(on.Value) == "" {
				fc.addNode(on, "setiap pilihan harus berupa teks yang tidak kosong")
				continue
			}
			o := strings.TrimSpace(on.Value)
			key := fold(o)
			if prev, dup := folded[key]; dup {
				fc.addNode(on, "pilihan %q sama dengan pilihan %q; setiap pilihan harus berbeda", o, prev)
				continue
			}
			folded[key] = o
			opts[o] = true
			q.Options = append(q.Options, o)
		}
		if c := len(seq.Content); c < minOptions || c > maxOptions {
			fc.addNode(seq, "options harus berisi %d–%d pilihan, bukan %d", minOptions, maxOptions, c)
		}
	}
	if !f.has("answer") {
		f.missing("answer")
		return q
	}
	a := f.vals["answer"]
	// checkAnswer reports an answer that is not exactly one of the options.
	checkAnswer := func(n *yaml.Node) (string, bool) {
		if n.Kind != yaml.ScalarNode || isNull(n) {
			fc.addNode(n, "setiap jawaban harus berupa teks salah satu pilihan")
			return "", false
		}
		s := strings.TrimSpace(n.Value)
		if len(opts) == 0 {
			return s, true // options are missing or broken: that is already reported
		}
		if !opts[s] {
			if near, ok := folded[fold(s)]; ok {
				fc.addNode(n, "jawaban %q bukan salah satu pilihan; tulis persis sama dengan pilihan %q", s, near)
			} else {
				fc.addNode(n, "jawaban %q bukan salah satu pilihan", s)
			}
			return "", false
		}
		return s, true
	}
	switch q.Type {
	case Single:
		if a.Kind != yaml.ScalarNode {
			fc.addNode(a, "jawaban soal single harus satu teks pilihan, bukan %s", nodeText(a))
			return q
		}
		if s, ok := checkAnswer(a); ok {
			q.Answers = []string{s}
		}
	case Multiple:
		if a.Kind != yaml.SequenceNode {
			fc.addNode(a, "jawaban soal multiple harus berupa daftar teks pilihan (boleh satu butir)")
			return q
		}
		if len(a.Content) == 0 {
			fc.addNode(a, "jawaban soal multiple harus berisi setidaknya satu pilihan")
		}
		got := map[string]bool{}
		for _, an := range a.Content {
			s, ok := checkAnswer(resolve(an))
			if !ok {
				continue
			}
			if got[s] {
				fc.addNode(an, "jawaban %q ditulis dua kali", s)
				continue
			}
			got[s] = true
			q.Answers = append(q.Answers, s)
		}
	}
	return q
}

// fold makes near-identical texts compare equal: case and runs of spaces.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
