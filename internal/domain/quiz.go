package domain

import (
	"encoding/json"
	"time"
)

// QuizAttempt is one submitted quiz, scored against the quiz version of that moment.
type QuizAttempt struct {
	ID           int64     `db:"id"`
	EnrollmentID int64     `db:"enrollment_id"`
	CourseID     string    `db:"course_id"`
	ItemID       string    `db:"item_id"`
	ContentHash  string    `db:"content_hash"`
	AnswersJSON  string    `db:"answers_json"`
	Correct      int       `db:"correct"`
	Total        int       `db:"total"`
	Score        int       `db:"score"`
	PassScore    int       `db:"pass_score"`
	Passed       bool      `db:"passed"`
	CreatedAt    time.Time `db:"created_at"`
}

// Answers decodes the stored answers.
func (a QuizAttempt) Answers() map[string][]string {
	m := map[string][]string{}
	_ = json.Unmarshal([]byte(a.AnswersJSON), &m)
	return m
}
