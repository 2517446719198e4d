package course

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/bimtek/bimtek/internal/brief"
)

// Catalog is every course found under one content directory. It is built once
// by Load and never changed afterwards, so it is safe for concurrent readers.
type Catalog struct {
	Courses []*Course // ordered by directory name
	byID    map[string]*Course
}

// Course returns the course with the given id, or nil when there is none.
func (c *Catalog) Course(id string) *Course {
	if c == nil {
		return nil
	}
	return c.byID[id]
}

// Stats counts what the catalog holds.
type Stats struct {
	Courses, Modules, Lessons, Quizzes, Practices int
}

// Stats counts courses, modules and items of each kind.
func (c *Catalog) Stats() Stats {
	var s Stats
	if c == nil {
		return s
	}
	for _, co := range c.Courses {
		s.Courses++
		s.Modules += len(co.Modules)
		for _, it := range co.Items {
			switch it.Kind {
			case KindLesson:
				s.Lessons++
			case KindQuiz:
				s.Quizzes++
			case KindPractice:
				s.Practices++
			}
		}
	}
	return s
}

// Course is one course: course.yaml plus its module directories.
type Course struct {
	ID          string
	Title       string
	Summary     string
	Hours       int // jam pelajaran
	Certificate Certificate
	Dir         string // directory of the course inside the loaded fs.FS, e.g. "courses/admin-medsos-opd"
	File        string // path of course.yaml inside the fs.FS
	Hash        string // sha256 of course.yaml, hex
	Modules     []*Module
	Items       []*Item // every item of every module, in course order

	// Assets maps an asset path relative to Dir (as used in /kursus-aset/<course>/<path>)
	// to its path inside the fs.FS. Only files that lessons reference are listed, so the
	// web layer can serve exactly these and nothing else from the content tree.
	Assets map[string]string

	itemByID   map[string]*Item
	moduleByID map[string]*Module
}

// Item returns the item with the given id, or nil when the course has none.
func (c *Course) Item(id string) *Item { return c.itemByID[id] }

// Module returns the module with the given id, or nil when the course has none.
func (c *Course) Module(id string) *Module { return c.moduleByID[id] }

// Prev returns the item before it in course order, or nil for the first one.
func (c *Course) Prev(it *Item) *Item {
	if it == nil || it.Index <= 0 || it.Index > len(c.Items)-1 {
		return nil
	}
	return c.Items[it.Index-1]
}

// Next returns the item after it in course order, or nil for the last one.
func (c *Course) Next(it *Item) *Item {
	if it == nil || it.Index < 0 || it.Index >= len(c.Items)-1 {
		return nil
	}
	return c.Items[it.Index+1]
}

// Minutes is the sum of the reading minutes of all lessons.
func (c *Course) Minutes() int {
	n := 0
	for _, m := range c.Modules {
		n += m.Minutes()
	}
	return n
}

// Requirement says whether all items of one kind are needed for the certificate.
type Requirement string

// Requirement values as written in course.yaml.
const (
	RequireAll  Requirement = "all"
	RequireNone Requirement = "none"
)

// Certificate describes the certificate a course issues and what earns it.
type Certificate struct {
	Title          string
	ValidityMonths int // 1..120
	Requirements   Requirements
}

// Requirements lists what a trainee must complete. Keys missing from
// course.yaml default to "all" for items and 0 for attendance.
type Requirements struct {
	Lessons    Requirement
	Quizzes    Requirement
	Practices  Requirement
	Attendance int // minimum live sessions attended
}

// Module is one NN-slug directory of a course.
type Module struct {
	ID      string
	Title   string
	Summary string
	Order   int    // NN from the directory name
	Dir     string // path of the module directory inside the fs.FS
	File    string // path of module.yaml inside the fs.FS
	Hash    string // sha256 of module.yaml, hex
	Items   []*Item
}

// Minutes is the sum of the reading minutes of the module's lessons.
func (m *Module) Minutes() int {
	n := 0
	for _, it := range m.Items {
		if it.Lesson != nil {
			n += it.Lesson.Minutes
		}
	}
	return n
}

// Kind is the kind of a module item.
type Kind string

// Item kinds, as written in module.yaml.
const (
	KindLesson   Kind = "lesson"
	KindQuiz     Kind = "quiz"
	KindPractice Kind = "practice"
)

// Label is the interface word for the kind (DESIGN.md §11).
func (k Kind) Label() string {
	switch k {
	case KindLesson:
		return "Materi"
	case KindQuiz:
		return "Kuis"
	case KindPractice:
		return "Latihan"
	}
	return string(k)
}

// Item is one lesson, quiz or practice. Exactly one of Lesson, Quiz and
// Practice is set, matching Kind.
type Item struct {
	ID       string // stable key for progress; unique within the course
	Title    string
	Kind     Kind
	CourseID string
	ModuleID string
	Order    int    // 1-based position within the module
	Index    int    // 0-based position within Course.Items
	File     string // path inside the fs.FS
	Hash     string // sha256 of the file's bytes, hex: changes whenever the source changes

	Lesson   *Lesson
	Quiz     *Quiz
	Practice *Practice

	idLine int // line of the id, for duplicate reports
}

// Lesson is the content of a Markdown lesson.
type Lesson struct {
	Minutes  int    // estimated reading minutes from the front matter
	Words    int    // words of running text in the body
	Markdown string // the body after the front matter
	HTML     string // rendered and sanitised body, safe to insert into a page as is
	Links    []Link // links to other items of the course, in document order
	// Teaches lists the grader's finding topics this lesson explains
	// (front matter "teaches"), so a report can link a finding to it.
	Teaches []string

	bodyLine int  // file line where Markdown starts
	broken   bool // the front matter is missing or unclosed: the body is unknown
}

// Link is a link from a lesson (or practice instructions) to another item.
type Link struct {
	Target   string // item id
	Fragment string // without '#', may be empty
	Line     int    // line in the source file
}

// QuestionType is the kind of a quiz question.
type QuestionType string

// Question types, as written in quiz files.
const (
	Single    QuestionType = "single"
	Multiple  QuestionType = "multiple"
	TrueFalse QuestionType = "true_false"
)

// Quiz is a set of questions with a pass mark.
type Quiz struct {
	PassScore int // percent 1..100
	// MaxAttempts bounds the attempts of one enrollment (max_attempts,
	// default DefaultQuizAttempts; 0 only in a Quiz built by hand: unlimited).
	MaxAttempts int
	// ShuffleQuestions and ShuffleOptions give each attempt its own order
	// (default true); true/false choices keep their order.
	ShuffleQuestions bool
	ShuffleOptions   bool
	// Reveal says when the correct answers and explanations are shown.
	Reveal    Reveal
	Questions []*Question
}

// Reveal is a quiz's answers policy (reveal_answers).
type Reveal string

// Reveal policies as written in *.quiz.yaml.
const (
	RevealNever        Reveal = "never"              // only the score, never the answers
	RevealAfterPassing Reveal = "after_passing"      // once the trainee has passed
	RevealAfterLast    Reveal = "after_last_attempt" // once passed or no attempt is left
)

// Quiz defaults: a quiz measures something when a failed attempt does not
// hand out the answers and a retake is not unlimited guessing.
const (
	DefaultQuizAttempts = 3
	DefaultReveal       = RevealAfterPassing
)

// Revealed reports whether the answers may be shown to a trainee who has
// made used attempts and has (or has not) passed.
func (q *Quiz) Revealed(passed bool, used int) bool {
	switch q.Reveal {
	case RevealNever:
		return false
	case RevealAfterLast:
		return passed || (q.MaxAttempts > 0 && used >= q.MaxAttempts)
	}
	return passed
}

// AttemptsLeft is how many attempts remain after used ones (-1: unlimited).
func (q *Quiz) AttemptsLeft(used int) int {
	if q.MaxAttempts <= 0 {
		return -1
	}
	return max(0, q.MaxAttempts-used)
}

// Question is one quiz question. For Single and Multiple, Answers holds the
// correct option texts; for TrueFalse, Truth is the correct answer.
type Question struct {
	ID          string
	Type        QuestionType
	Text        string
	Options     []string
	Answers     []string
	Truth       bool
	Explanation string
	Line        int
}

// Choice is one answer a trainee can pick: Value goes into the form, Label is shown.
type Choice struct {
	Value string
	Label string
}

// True/false answers as submitted in forms.
const (
	ValueTrue  = "true"
	ValueFalse = "false"
)

// Choices lists what the trainee can pick, in order.
func (q *Question) Choices() []Choice {
	if q.Type == TrueFalse {
		return []Choice{{ValueTrue, "Benar"}, {ValueFalse, "Salah"}}
	}
	cs := make([]Choice, len(q.Options))
	for i, o := range q.Options {
		cs[i] = Choice{Value: o, Label: o}
	}
	return cs
}

// Correct reports whether the chosen values are exactly the right answer:
// one option for Single, the same set of options for Multiple, "true" or
// "false" for TrueFalse.
func (q *Question) Correct(chosen []string) bool {
	switch q.Type {
	case TrueFalse:
		if len(chosen) != 1 {
			return false
		}
		want := ValueFalse
		if q.Truth {
			want = ValueTrue
		}
		return chosen[0] == want
	case Single, Multiple:
		got := map[string]bool{}
		for _, c := range chosen {
			got[c] = true
		}
		if len(got) != len(q.Answers) || len(got) != len(chosen) {
			return false
		}
		for _, a := range q.Answers {
			if !got[a] {
				return false
			}
		}
		return true
	}
	return false
}

// Result is the outcome of one quiz attempt.
type Result struct {
	Correct int
	Total   int
	Score   int             // percent, rounded down
	Passed  bool            // Score >= PassScore
	ByID    map[string]bool // question id → answered correctly
}

// Score grades answers keyed by question id (values as in Choices). Questions
// without an answer count as wrong; answers to unknown ids are ignored.
func (qz *Quiz) Score(answers map[string][]string) Result {
	r := Result{Total: len(qz.Questions), ByID: make(map[string]bool, len(qz.Questions))}
	for _, q := range qz.Questions {
		ok := q.Correct(answers[q.ID])
		r.ByID[q.ID] = ok
		if ok {
			r.Correct++
		}
	}
	if r.Total > 0 {
		r.Score = r.Correct * 100 / r.Total
	}
	r.Passed = r.Total > 0 && r.Score >= qz.PassScore
	return r
}

// Review says whether a facilitator must approve a practice submission.
type Review string

// Review values as written in practice files.
const (
	ReviewRequired Review = "required"
	ReviewAuto     Review = "auto"
)

// Practice is a practice release: instructions, the facts sheet for the
// grader and the rules for passing.
type Practice struct {
	Instructions     string // Markdown source
	InstructionsHTML string // rendered and sanitised
	Brief            *brief.Brief
	BriefYAML        []byte // the brief's own YAML, as given to brief.Parse
	PassScore        int    // 1..100
	MaxAttempts      int    // 1..20
	Review           Review
	Rubric           map[string]int // weight overrides by criterion id; nil when none
	Links            []Link

	instrLine  int  // file line where the instructions text starts
	instrLines bool // the text keeps its line breaks (block scalar), so lines can be followed
}

// RubricKeys are the criterion ids a rubric may weigh (DESIGN.md §8).
var RubricKeys = []string{"5w1h", "aktual", "faktual", "penting", "menarik", "struktur", "bahasa"}

// Problem is one thing wrong with the course files. Msg is Indonesian.
type Problem struct {
	File string // path inside the loaded fs.FS
	Line int    // 1-based; 0 when the problem concerns the whole file or directory
	Msg  string
}

// String formats the problem as "file:line: message" (without the line when it is 0).
func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Options change how Load renders links. The zero value uses the defaults.
type Options struct {
	// ItemURL builds the URL of an item that a lesson links to. Default:
	// /kursus/<course>/materi/<item-id>.
	ItemURL func(courseID string, it *Item) string
	// AssetURL builds the URL of an image or file inside a course, given its
	// path relative to the course directory. Default: /kursus-aset/<course>/<path>.
	AssetURL func(courseID, assetPath string) string
}

// DefaultItemURL is the default Options.ItemURL.
func DefaultItemURL(courseID string, it *Item) string {
	return "/kursus/" + url.PathEscape(courseID) + "/materi/" + url.PathEscape(it.ID)
}

// DefaultAssetURL is the default Options.AssetURL; every path segment is escaped.
func DefaultAssetURL(courseID, assetPath string) string {
	segs := strings.Split(assetPath, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return "/kursus-aset/" + url.PathEscape(courseID) + "/" + strings.Join(segs, "/")
}
