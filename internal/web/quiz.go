package web

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"html/template"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
)

// quizAttemptsShown bounds the attempt history on a quiz page.
const quizAttemptsShown = 20

type quizView struct {
	// form is the questions in this attempt's order, in pieces rendered
	// once per content version (see quizFor), written one after another.
	form     []string
	Errors   []FormError
	Attempts []domain.QuizAttempt
	Result   *domain.QuizAttempt // the attempt just made (or chosen)
	// Review is the chosen attempt question by question, with the correct
	// answers and explanations; only when the quiz's policy reveals them.
	Review   []questionView
	Revealed bool
	Best     int
	Passed   bool
	// Used attempts of Limit (0: unlimited); Left is -1 when unlimited.
	Used, Limit, Left int
	Attempt           int    // the number of the attempt the form is for
	Closed            bool   // no attempt left: the form is not shown
	Withheld          string // why the answers are not shown, when they are not
	Refused           string // why the attempt just sent was not stored
}

type questionView struct {
	*course.Question
	Number   int
	Field    string
	Multiple bool
	Choices  []choiceView
	Missing  bool
	// Filled in for the review of an attempt.
	Answered bool
	Correct  bool
	Right    string // the correct answer, in words
	Given    string // the trainee's answer, in words
}

type choiceView struct {
	course.Choice
	ID      string
	Checked bool
}

// quizFor builds the quiz page: a blank form in this attempt's order (or
// with the given answers kept and the missing questions marked), the attempt
// history and, with ?percobaan=, that attempt's result, reviewed question by
// question only when the quiz's policy reveals the answers.
func (s *Server) quizFor(c echo.Context, v itemView, answers map[string][]string, missing map[string]bool) (*quizView, error) {
	quiz := v.Item.Quiz
	q := &quizView{Limit: quiz.MaxAttempts}
	var result *domain.QuizAttempt
	if v.Enrollment != nil {
		var err error
		if q.Attempts, q.Used, err = s.quizAttemptsOf(c.Request().Context(), v.progress, v.Enrollment.ID, v.Item.ID); err != nil {
			return nil, err
		}
		for i, a := range q.Attempts {
			if a.Score > q.Best {
				q.Best = a.Score
			}
			q.Passed = q.Passed || a.Passed
			if id, ok := atoi64(c.QueryParam("percobaan")); ok && a.ID == id {
				result = &q.Attempts[i]
			}
		}
	}
	q.Left = quiz.AttemptsLeft(q.Used)
	q.Closed = v.Enrollment != nil && q.Left == 0
	q.Attempt = q.Used + 1
	q.Revealed = quiz.Revealed(q.Passed, q.Used)
	q.Result = result
	if result != nil && !q.Revealed {
		switch quiz.Reveal {
		case course.RevealNever:
			q.Withheld = "Jawaban yang benar tidak ditampilkan untuk kuis ini, agar kuis tetap mengukur pemahaman. Pelajari lagi materi modul ini."
		case course.RevealAfterLast:
			q.Withheld = "Jawaban yang benar dan pembahasannya ditampilkan setelah Anda lulus atau kesempatan Anda habis. Pelajari lagi materi modul ini, lalu coba lagi."
		default:
			q.Withheld = "Jawaban yang benar dan pembahasannya ditampilkan setelah Anda lulus. Pelajari lagi materi modul ini, lalu coba lagi."
		}
	}
	// Past attempts are scored against the quiz as it was; the review is
	// shown only when the quiz has not changed since.
	if result != nil && q.Revealed && result.ContentHash == v.Item.Hash {
		given := result.Answers()
		for i, qu := range quiz.Questions {
			rv := questionView{Question: qu, Number: i + 1, Multiple: qu.Type == course.Multiple, Answered: len(given[qu.ID]) > 0,
				Correct: qu.Correct(given[qu.ID]), Right: asSentence(rightAnswer(qu)), Given: asSentence(givenAnswer(qu, given[qu.ID]))}
			q.Review = append(q.Review, rv)
		}
	}
	if result != nil && result.ContentHash != v.Item.Hash {
		q.Result = nil
	}

	// The form: this attempt's order, stable until the attempt is sent.
	rng := s.quizOrder(v, q.Attempt)
	questions := quiz.Questions
	if rng != nil && quiz.ShuffleQuestions {
		questions = slices.Clone(questions)
		rng.Shuffle(len(questions), func(i, j int) { questions[i], questions[j] = questions[j], questions[i] })
	}
	pieces, err := s.quizPiecesOf(langOf(c), v)
	if err != nil {
		return nil, err
	}
	form := make([]string, 0, pieces.parts)
	for i, qu := range questions {
		qp := pieces.questions[qu.ID]
		miss := missing[qu.ID]
		form = append(form, qp.open[i][b2i(miss)])
		order := make([]int, len(qp.choices)) // ids follow the file's order, whatever the order shown
		for j := range order {
			order[j] = j
		}
		if rng != nil && quiz.ShuffleOptions && qu.Type != course.TrueFalse {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		for _, j := range order {
			form = append(form, qp.choices[j][b2i(slices.Contains(answers[qu.ID], qp.values[j]))])
		}
		form = append(form, "</fieldset>\n")
		if miss {
			q.Errors = append(q.Errors, FormError{Field: fmt.Sprintf("q-%s-%d", qu.ID, order[0]), Message: tf(c, "Pertanyaan {{.N}} belum dijawab.", map[string]any{"N": i + 1})})
		}
	}
	q.form = form
	return q, nil
}

// Form is the questions in this attempt's order, as the page shows them.
func (q *quizView) Form() template.HTML {
	return template.HTML(strings.Join(q.form, "")) // pieces produced by html/template, escaped
}

// renderQuiz writes a quiz page. Before a trainee's first attempt the page
// shows nothing of them but the form (in their attempt's order) and the
// form token, so its content block is kept per content version with those
// two cut out.
func (s *Server) renderQuiz(c echo.Context, v *itemView) error {
	pv := s.view(c, v)
	var err error
	if pv.title, err = s.keptTitle(titleKey{"quiz", pv.Lang, v.Course, v.Item.ID}, "quiz", pv); err != nil {
		return err
	}
	q := v.Quiz
	if q.Result == nil && q.Review == nil && q.Errors == nil && q.Refused == "" && len(q.Attempts) == 0 {
		key := quizPageKey{lang: pv.Lang, co: v.Course, item: v.Item.ID, preview: v.Preview, enrolled: v.Enrollment != nil,
			role: currentUser(c).Role, used: q.Used, limit: q.Limit, attempt: q.Attempt, closed: q.Closed, passed: q.Passed, best: q.Best}
		body, ok, err := keptContent(s, key, "quiz", pv, func(pv View, form template.HTML) View {
			mv, mq := *v, *q
			mq.form, mv.Quiz = []string{string(form)}, &mq
			pv.Data = &mv
			return pv
		})
		if err != nil {
			return err
		}
		if ok {
			pv.body, pv.form = body, q.form
		}
	}
	return s.renderView(c, http.StatusOK, "quiz", pv)
}

// quizPageKey names a kept quiz content block: the content version, the
// language and what the block shows of the viewer.
type quizPageKey struct {
	lang                 i18n.Lang
	co                   *course.Course // changes whenever a catalog is loaded
	item                 string
	preview, enrolled    bool
	role                 domain.Role
	used, limit, attempt int
	closed, passed       bool
	best                 int
}

// quizAttempts is a trainee's shown attempts at a quiz and how many they used.
type quizAttempts struct {
	shown []domain.QuizAttempt
	used  int
	// order is the seed of the next attempt's order (quizOrder), kept
	// with the attempts it follows.
	order atomic.Pointer[quizSeed]
}

// quizSeed is the seed of an attempt's order at a version of the quiz.
type quizSeed struct {
	hash    string
	attempt int
	seed    [2]uint64
}

// quizAttemptsOf reads a trainee's attempts at a quiz, kept with their
// progress copy p (nil: not kept): every attempt also writes the item's
// progress row, whose change drops the copy.
func (s *Server) quizAttemptsOf(ctx context.Context, p *progressData, enrollmentID int64, itemID string) ([]domain.QuizAttempt, int, error) {
	key := quizKey{enrollmentID, itemID}
	if p != nil {
		if a, ok := p.quizzes.Load(key); ok {
			return a.shown, a.used, nil
		}
	}
	shown, err := s.db.QuizAttempts(ctx, enrollmentID, itemID, quizAttemptsShown)
	if err != nil {
		return nil, 0, err
	}
	used := len(shown)
	if used == quizAttemptsShown {
		if used, err = s.db.CountQuizAttempts(ctx, enrollmentID, itemID); err != nil {
			return nil, 0, err
		}
	}
	if p != nil {
		p.quizzes.Store(key, &quizAttempts{shown: shown, used: used})
	}
	return shown, used, nil
}

// quizPieces is a quiz's form rendered once per content version and
// language: each question's opening at every place in the order, missing or
// not, and each choice checked or not, indexed [place][missing] and
// [choice][checked]; a view only puts them in its order.
type quizPieces struct {
	questions map[string]*questionPieces
	parts     int // pieces of one form
}

type questionPieces struct {
	open    [][2]string
	choices [][2]string
	values  []string
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (s *Server) quizPiecesOf(lang i18n.Lang, v itemView) (*quizPieces, error) {
	// The course pointer changes whenever a catalog is loaded, so it keys the content version.
	key := fmt.Sprintf("%s|%p/%s", lang, v.Course, v.Item.ID)
	if p, ok := s.quizForms.Load(key); ok {
		return p.(*quizPieces), nil
	}
	t, _ := s.tmpl.page(lang, "lesson")
	exec := func(name string, data any) (string, error) {
		var buf bytes.Buffer
		if err := t.ExecuteTemplate(&buf, name, data); err != nil {
			return "", fmt.Errorf("menampilkan %s: %w", name, err)
		}
		return buf.String(), nil
	}
	qs := v.Item.Quiz.Questions
	p := &quizPieces{questions: make(map[string]*questionPieces, len(qs))}
	for _, qu := range qs {
		qp := &questionPieces{open: make([][2]string, len(qs))}
		qv := questionView{Question: qu, Field: "q-" + qu.ID, Multiple: qu.Type == course.Multiple}
		for i := range qs {
			for _, miss := range []bool{false, true} {
				qv.Number, qv.Missing = i+1, miss
				h, err := exec("quiz_question", qv)
				if err != nil {
					return nil, err
				}
				qp.open[i][b2i(miss)] = h
			}
		}
		p.parts += 2 // the opening and "</fieldset>"
		for j, ch := range qu.Choices() {
			var pair [2]string
			for _, checked := range []bool{false, true} {
				h, err := exec("quiz_choice", struct {
					choiceView
					Field    string
					Multiple bool
				}{choiceView{Choice: ch, ID: fmt.Sprintf("q-%s-%d", qu.ID, j), Checked: checked}, qv.Field, qv.Multiple})
				if err != nil {
					return nil, err
				}
				pair[b2i(checked)] = h
			}
			qp.choices = append(qp.choices, pair)
			qp.values = append(qp.values, ch.Value)
			p.parts++
		}
		p.questions[qu.ID] = qp
	}
	s.quizForms.Store(key, p)
	return p, nil
}

// quizOrder is the random order of one attempt of a trainee at a quiz: the
// same for every view of that attempt (a reload or a refused form keeps it),
// another for the next attempt, and not guessable without the server's
// secret. Staff previews keep the file's order (nil).
func (s *Server) quizOrder(v itemView, attempt int) *rand.Rand {
	if v.Enrollment == nil {
		return nil
	}
	var kept *quizAttempts
	if v.progress != nil {
		kept, _ = v.progress.quizzes.Load(quizKey{v.Enrollment.ID, v.Item.ID})
	}
	if kept != nil {
		if o := kept.order.Load(); o != nil && o.hash == v.Item.Hash && o.attempt == attempt {
			return rand.New(rand.NewPCG(o.seed[0], o.seed[1]))
		}
	}
	mac := hmac.New(sha256.New, s.cfg.Secret)
	fmt.Fprintf(mac, "urutan-kuis|%d|%s|%s|%d", v.Enrollment.ID, v.Item.ID, v.Item.Hash, attempt)
	sum := mac.Sum(nil)
	seed := [2]uint64{binary.LittleEndian.Uint64(sum[:8]), binary.LittleEndian.Uint64(sum[8:16])}
	if kept != nil {
		kept.order.Store(&quizSeed{hash: v.Item.Hash, attempt: attempt, seed: seed})
	}
	return rand.New(rand.NewPCG(seed[0], seed[1]))
}

// givenAnswer writes what the trainee chose, in words.
func givenAnswer(q *course.Question, given []string) string {
	if len(given) == 0 {
		return ""
	}
	labels := map[string]string{}
	for _, ch := range q.Choices() {
		labels[ch.Value] = ch.Label
	}
	out := make([]string, 0, len(given))
	for _, g := range given {
		out = append(out, labels[g])
	}
	return strings.Join(out, "; ")
}

// asSentence ends an answer quoted in a sentence with one full stop: an
// answer that ends with its own ("… ke puskesmas.") keeps only that one.
func asSentence(s string) string {
	t := strings.TrimRight(s, " ")
	if t == "" || strings.ContainsAny(t[len(t)-1:], ".!?") || strings.HasSuffix(t, "…") {
		return t
	}
	return t + "."
}

func rightAnswer(q *course.Question) string {
	switch q.Type {
	case course.TrueFalse:
		if q.Truth {
			return "Benar"
		}
		return "Salah"
	default:
		out := ""
		for i, a := range q.Answers {
			if i > 0 {
				out += "; "
			}
			out += a
		}
		return out
	}
}

func (s *Server) submitQuiz(c echo.Context) error {
	v, err := s.itemFor(c)
	if err != nil {
		return err
	}
	if v.Item.Kind != course.KindQuiz {
		return domain.ErrNotFound
	}
	if used, err := s.db.CountQuizAttempts(c.Request().Context(), v.Enrollment.ID, v.Item.ID); err != nil {
		return err
	} else if v.Item.Quiz.AttemptsLeft(used) == 0 {
		return s.refuseQuiz(c, v)
	}
	form, err := c.FormParams()
	if err != nil {
		return domain.Errorf(domain.CodeInvalid, "formulir kuis tidak dapat dibaca")
	}
	answers := map[string][]string{}
	missing := map[string]bool{}
	for _, qu := range v.Item.Quiz.Questions {
		valid := map[string]bool{}
		for _, ch := range qu.Choices() {
			valid[ch.Value] = true
		}
		for _, a := range form["q-"+qu.ID] {
			if valid[a] {
				answers[qu.ID] = append(answers[qu.ID], a)
			}
		}
		if len(answers[qu.ID]) == 0 || (qu.Type != course.Multiple && len(answers[qu.ID]) > 1) {
			missing[qu.ID] = true
		}
	}
	if len(missing) > 0 {
		q, err := s.quizFor(c, v, answers, missing)
		if err != nil {
			return err
		}
		v.Quiz = q
		return s.render(c, http.StatusUnprocessableEntity, "quiz", v)
	}
	r := v.Item.Quiz.Score(answers)
	a, err := s.db.RecordQuizAttempt(c.Request().Context(), domain.QuizAttempt{
		EnrollmentID: v.Enrollment.ID, CourseID: v.Course.ID, ItemID: v.Item.ID, ContentHash: v.Item.Hash,
		Correct: r.Correct, Total: r.Total, Score: r.Score, PassScore: v.Item.Quiz.PassScore, Passed: r.Passed,
	}, answers, v.Item.Quiz.MaxAttempts)
	if errors.Is(err, store.ErrNoQuizAttemptsLeft) {
		return s.refuseQuiz(c, v)
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("%s?percobaan=%d#hasil", course.DefaultItemURL(v.Course.ID, v.Item), a.ID))
}

// refuseQuiz answers an attempt beyond the quiz's limit: the quiz page
// saying so, with nothing stored (409).
func (s *Server) refuseQuiz(c echo.Context, v itemView) error {
	q, err := s.quizFor(c, v, nil, nil)
	if err != nil {
		return err
	}
	q.Refused = tf(c, "Jawaban ini tidak disimpan: kesempatan mengerjakan kuis ini sudah habis ({{.Used}} dari {{.N}} kesempatan terpakai).", map[string]any{"Used": q.Used, "N": q.Limit})
	v.Quiz = q
	return s.render(c, http.StatusConflict, "quiz", v)
}
