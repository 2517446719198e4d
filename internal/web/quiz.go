package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
)

// quizAttemptsShown bounds the attempt history on a quiz page.
const quizAttemptsShown = 20

type quizView struct {
	Questions []questionView
	Errors    []FormError
	Attempts  []domain.QuizAttempt
	Result    *domain.QuizAttempt // the attempt just made (or chosen), with per-question feedback
	Best      int
	Passed    bool
}

type questionView struct {
	*course.Question
	Number   int
	Field    string
	Multiple bool
	Choices  []choiceView
	Missing  bool
	// Filled in when showing a result.
	Answered bool
	Correct  bool
	Right    string // the correct answer, in words
}

type choiceView struct {
	course.Choice
	ID      string
	Checked bool
}

// quizFor builds the quiz page: the form with the given answers kept, the
// missing questions marked, the attempt history and, with ?percobaan=, a result.
func (s *Server) quizFor(c echo.Context, v itemView, answers map[string][]string, missing map[string]bool) (*quizView, error) {
	q := &quizView{}
	var result *domain.QuizAttempt
	if v.Enrollment != nil {
		var err error
		if q.Attempts, err = s.db.QuizAttempts(c.Request().Context(), v.Enrollment.ID, v.Item.ID, quizAttemptsShown); err != nil {
			return nil, err
		}
		for i, a := range q.Attempts {
			if a.Score > q.Best {
				q.Best = a.Score
			}
			q.Passed = q.Passed || a.Passed
			if id, ok := atoi64(c.QueryParam("percobaan")); ok && a.ID == id && answers == nil {
				result = &q.Attempts[i]
			}
		}
	}
	// Past attempts are scored against the quiz as it was; per-question feedback
	// is shown only when the quiz has not changed since.
	if result != nil && result.ContentHash == v.Item.Hash {
		q.Result = result
		answers = result.Answers()
	}
	for i, qu := range v.Item.Quiz.Questions {
		qv := questionView{Question: qu, Number: i + 1, Field: "q-" + qu.ID, Multiple: qu.Type == course.Multiple, Missing: missing[qu.ID]}
		chosen := map[string]bool{}
		for _, a := range answers[qu.ID] {
			chosen[a] = true
		}
		for j, ch := range qu.Choices() {
			qv.Choices = append(qv.Choices, choiceView{Choice: ch, ID: fmt.Sprintf("q-%s-%d", qu.ID, j), Checked: chosen[ch.Value]})
		}
		if q.Result != nil {
			qv.Answered = len(answers[qu.ID]) > 0
			qv.Correct = qu.Correct(answers[qu.ID])
			qv.Right = rightAnswer(qu)
		}
		if qv.Missing {
			q.Errors = append(q.Errors, FormError{Field: qv.Choices[0].ID, Message: fmt.Sprintf("Pertanyaan %d belum dijawab.", qv.Number)})
		}
		q.Questions = append(q.Questions, qv)
	}
	return q, nil
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
	}, answers)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("%s?percobaan=%d#hasil", course.DefaultItemURL(v.Course.ID, v.Item), a.ID))
}
