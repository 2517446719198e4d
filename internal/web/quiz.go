package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// quizAttemptsShown bounds the attempt history on a quiz page.
const quizAttemptsShown = 20

type quizView struct {
	Questions []questionView // the form, in this attempt's order
	Errors    []FormError
	Attempts  []domain.QuizAttempt
	Result    *domain.QuizAttempt // the attempt just made (or chosen)
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
		ctx := c.Request().Context()
		if q.Attempts, err = s.db.QuizAttempts(ctx, v.Enrollment.ID, v.Item.ID, quizAttemptsShown); err != nil {
			return nil, err
		}
		q.Used = len(q.Attempts)
		if q.Used == quizAttemptsShown {
			if q.Used, err = s.db.CountQuizAttempts(ctx, v.Enrollment.ID, v.Item.ID); err != nil {
				return nil, err
			}
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
				Correct: qu.Correct(given[qu.ID]), Right: rightAnswer(qu), Given: givenAnswer(qu, given[qu.ID])}
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
	for i, qu := range questions {
		qv := questionView{Question: qu, Number: i + 1, Field: "q-" + qu.ID, Multiple: qu.Type == course.Multiple, Missing: missing[qu.ID]}
		chosen := map[string]bool{}
		for _, a := range answers[qu.ID] {
			chosen[a] = true
		}
		choices := qu.Choices()
		ids := make(map[string]string, len(choices)) // ids follow the file's order, whatever the order shown
		for j, ch := range choices {
			ids[ch.Value] = fmt.Sprintf("q-%s-%d", qu.ID, j)
		}
		if rng != nil && quiz.ShuffleOptions && qu.Type != course.TrueFalse {
			rng.Shuffle(len(choices), func(i, j int) { choices[i], choices[j] = choices[j], choices[i] })
		}
		for _, ch := range choices {
			qv.Choices = append(qv.Choices, choiceView{Choice: ch, ID: ids[ch.Value], Checked: chosen[ch.Value]})
		}
		if qv.Missing {
			q.Errors = append(q.Errors, FormError{Field: qv.Choices[0].ID, Message: tf(c, "Pertanyaan {{.N}} belum dijawab.", map[string]any{"N": qv.Number})})
		}
		q.Questions = append(q.Questions, qv)
	}
	return q, nil
}

// quizOrder is the random order of one attempt of a trainee at a quiz: the
// same for every view of that attempt (a reload or a refused form keeps it),
// another for the next attempt, and not guessable without the server's
// secret. Staff previews keep the file's order (nil).
func (s *Server) quizOrder(v itemView, attempt int) *rand.Rand {
	if v.Enrollment == nil {
		return nil
	}
	mac := hmac.New(sha256.New, s.cfg.Secret)
	fmt.Fprintf(mac, "urutan-kuis|%d|%s|%s|%d", v.Enrollment.ID, v.Item.ID, v.Item.Hash, attempt)
	sum := mac.Sum(nil)
	return rand.New(rand.NewPCG(binary.LittleEndian.Uint64(sum[:8]), binary.LittleEndian.Uint64(sum[8:16])))
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
	q.Refused = tf(c, "Jawaban ini tidak disimpan: kesempatan mengerjakan kuis ini sudah habis ({{.Used}} dari {{.N}} percobaan).", map[string]any{"Used": q.Used, "N": q.Limit})
	v.Quiz = q
	return s.render(c, http.StatusConflict, "quiz", v)
}
