package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// ItemStates returns the stored state of each item the enrollment has touched.
func (db *DB) ItemStates(ctx context.Context, enrollmentID int64) (map[string]string, error) {
	st, err := db.prepared(ctx, `SELECT item_id, state FROM progress WHERE enrollment_id = ?`)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, enrollmentID)
	if err != nil {
		return nil, fmt.Errorf("membaca kemajuan: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var item, state string
		if err := rows.Scan(&item, &state); err != nil {
			return nil, fmt.Errorf("membaca kemajuan: %w", err)
		}
		out[item] = state
	}
	return out, rows.Err()
}

// SetItemState moves an item's state forward (never back: a passed quiz stays passed).
//
// It is one statement outside a transaction, then, for a state that may
// complete the course, one read of what the certificate still needs; only
// when nothing is missing does a transaction read the requirements and issue.
// On PostgreSQL the statement first locks the enrollment row, which the
// transactions that issue hold until they commit: the read, a statement of its
// own, then sees every change that committed before, so of two changes that
// complete the last requirements at once the later one always issues. A
// transaction round the statement would only add round trips.
func (db *DB) SetItemState(ctx context.Context, enrollmentID int64, courseID, itemID, hash, state string) error {
	return db.SetItemStateOpening(ctx, enrollmentID, courseID, itemID, hash, state, ItemRef{})
}

// ItemRef names a course item in its current version.
type ItemRef struct{ ID, Hash string }

// SetItemStateOpening is SetItemState that also marks open started (unless
// its state is already as far), in the same statement: "Tandai selesai"
// leads to the next item, whose first view would otherwise write its start
// as a second write, after which the trainee's pages read their progress
// again a second time. open.ID "" marks nothing more.
func (db *DB) SetItemStateOpening(ctx context.Context, enrollmentID int64, courseID, itemID, hash, state string, open ItemRef) error {
	issuing := state != domain.StateStarted
	err := db.retrying(ctx, func() error {
		if open.ID != "" && open.ID != itemID {
			t := now()
			_, err := db.writeExec(ctx, nil, setStatesSQL(issuing && db.Dialect == Postgres), enrollmentID, courseID, itemID, state, hash, t, t,
				enrollmentID, courseID, open.ID, domain.StateStarted, open.Hash, t, t)
			if err != nil {
				return fmt.Errorf("menyimpan kemajuan %s dan %s: %w", itemID, open.ID, err)
			}
			return nil
		}
		return setState(ctx, db, nil, enrollmentID, courseID, itemID, hash, state, issuing)
	})
	if err != nil {
		return err
	}
	if !issuing {
		db.afterWrite(ctx)
		return nil
	}
	var c completion
	if err := db.getSynced(ctx, &c, dueCheckSQL, enrollmentID); err != nil {
		return fmt.Errorf("memeriksa persyaratan sertifikat: %w", notFound(err))
	}
	if !c.mayBeDue() {
		return nil
	}
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := issueIfComplete(ctx, db, tx, enrollmentID, now())
		return err
	})
	return err
}

// setState is one statement on both engines: two requests touching the same
// item at once (two tabs opening it, a double click on "Tandai selesai") meet
// at the primary key, where the second updates the first's row instead of
// failing, and only to a later state. lockEnrollment (PostgreSQL) takes the
// enrollment row first, as issueIfComplete does, for SetItemState outside a
// transaction (tx nil: a statement of its own). On SQLite it runs prepared
// (parsing it with its triggers cost a third of a Tandai selesai).
func setState(ctx context.Context, db *DB, tx *sqlx.Tx, enrollmentID int64, courseID, itemID, hash, state string, lockEnrollment bool) error {
	t := now()
	_, err := db.writeExec(ctx, tx, setStateSQL(lockEnrollment && db.Dialect == Postgres), enrollmentID, courseID, itemID, state, hash, t, t)
	if err != nil {
		return fmt.Errorf("menyimpan kemajuan %s: %w", itemID, err)
	}
	return nil
}

// setStateSQL is setState's statement, locking the enrollment row first when lockEnrollment.
func setStateSQL(lockEnrollment bool) string {
	if lockEnrollment {
		return setStateLockingSQL
	}
	return setStatePlainSQL
}

// setStatesSQL is setStateSQL for two items (SetItemStateOpening).
func setStatesSQL(lockEnrollment bool) string {
	if lockEnrollment {
		return setStatesLockingSQL
	}
	return setStatesPlainSQL
}

var (
	setStatePlainSQL    = setStateQuery(1, `?`)
	setStateLockingSQL  = setStateQuery(1, `(SELECT id FROM enrollments WHERE id = ? FOR NO KEY UPDATE)`)
	setStatesPlainSQL   = setStateQuery(2, `?`)
	setStatesLockingSQL = setStateQuery(2, `(SELECT id FROM enrollments WHERE id = ? FOR NO KEY UPDATE)`)
)

// setStateQuery writes the state of n items of one enrollment.
func setStateQuery(n int, enrollment string) string {
	row := `(` + enrollment + `, ?, ?, ?, ?, ?, ?)`
	rows := row
	for range n - 1 {
		rows += `, ` + row
	}
	return `INSERT INTO progress (enrollment_id, course_id, item_id, state, content_hash, started_at, updated_at)
		VALUES ` + rows + `
		ON CONFLICT (enrollment_id, item_id) DO UPDATE SET state = excluded.state, content_hash = excluded.content_hash, updated_at = excluded.updated_at
		WHERE ` + stateRankSQL("progress.state") + ` < ` + stateRankSQL("excluded.state")
}

// stateRankSQL orders the states of column so progress only ever moves forward.
func stateRankSQL(column string) string {
	return fmt.Sprintf(`(CASE %s WHEN '%s' THEN 1 WHEN '%s' THEN 2 WHEN '%s' THEN 3 ELSE 0 END)`,
		column, domain.StateStarted, domain.StateDone, domain.StatePassed)
}

// ErrNoQuizAttemptsLeft refuses an attempt beyond the quiz's limit.
var ErrNoQuizAttemptsLeft = domain.Errorf(domain.CodeConflict, "kesempatan mengerjakan kuis ini sudah habis; percobaan ini tidak disimpan")

// RecordQuizAttempt stores an attempt and moves the item to lulus or sedang,
// in one transaction. maxAttempts > 0 bounds the enrollment's attempts at the
// quiz: attempts sent at once take turns on the enrollment's row (the single
// writer on SQLite), so together they never pass the limit; the one beyond it
// gets ErrNoQuizAttemptsLeft.
func (db *DB) RecordQuizAttempt(ctx context.Context, a domain.QuizAttempt, answers map[string][]string, maxAttempts int) (domain.QuizAttempt, error) {
	b, err := json.Marshal(answers)
	if err != nil {
		return a, fmt.Errorf("menyandikan jawaban: %w", err)
	}
	a.AnswersJSON = string(b)
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		if maxAttempts > 0 {
			if db.Dialect == Postgres {
				// The same lock issueIfComplete takes later in this transaction.
				var id int64
				if err := tx.GetContext(ctx, &id, db.q(`SELECT id FROM enrollments WHERE id = ? FOR NO KEY UPDATE`), a.EnrollmentID); err != nil {
					return fmt.Errorf("mengunci pendaftaran #%d: %w", a.EnrollmentID, notFound(err))
				}
			}
			var used int
			if err := tx.GetContext(ctx, &used, db.q(`SELECT COUNT(*) FROM quiz_attempts WHERE enrollment_id = ? AND item_id = ?`), a.EnrollmentID, a.ItemID); err != nil {
				return fmt.Errorf("menghitung percobaan kuis: %w", err)
			}
			if used >= maxAttempts {
				return ErrNoQuizAttemptsLeft
			}
		}
		err := tx.GetContext(ctx, &a, db.q(`INSERT INTO quiz_attempts (enrollment_id, course_id, item_id, content_hash, answers_json, correct, total, score, pass_score, passed, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`),
			a.EnrollmentID, a.CourseID, a.ItemID, a.ContentHash, a.AnswersJSON, a.Correct, a.Total, a.Score, a.PassScore, a.Passed, now())
		if err != nil {
			return fmt.Errorf("menyimpan percobaan kuis: %w", err)
		}
		state := domain.StateStarted
		if a.Passed {
			state = domain.StatePassed
		}
		if err := setState(ctx, db, tx, a.EnrollmentID, a.CourseID, a.ItemID, a.ContentHash, state, false); err != nil {
			return err
		}
		if !a.Passed {
			// The state may not move, but the attempts left did: touching the
			// row tells the change feed, so cached checklists are dropped.
			if _, err := tx.ExecContext(ctx, db.q(`UPDATE progress SET updated_at = ? WHERE enrollment_id = ? AND item_id = ?`),
				now(), a.EnrollmentID, a.ItemID); err != nil {
				return fmt.Errorf("mencatat percobaan kuis: %w", err)
			}
			return nil
		}
		_, err = issueIfComplete(ctx, db, tx, a.EnrollmentID, now())
		return err
	})
	return a, err
}

// QuizAttempts lists an enrollment's attempts at a quiz, newest first.
func (db *DB) QuizAttempts(ctx context.Context, enrollmentID int64, itemID string, limit int) ([]domain.QuizAttempt, error) {
	var out []domain.QuizAttempt
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT * FROM quiz_attempts WHERE enrollment_id = ? AND item_id = ? ORDER BY id DESC LIMIT ?`),
		enrollmentID, itemID, limit)
	if err != nil {
		return nil, fmt.Errorf("membaca percobaan kuis: %w", err)
	}
	return out, nil
}

// CountQuizAttempts counts an enrollment's attempts at a quiz.
func (db *DB) CountQuizAttempts(ctx context.Context, enrollmentID int64, itemID string) (int, error) {
	var n int
	if err := db.r.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM quiz_attempts WHERE enrollment_id = ? AND item_id = ?`), enrollmentID, itemID); err != nil {
		return 0, fmt.Errorf("menghitung percobaan kuis: %w", err)
	}
	return n, nil
}

// QuizAttempt returns one attempt of an enrollment (ErrNotFound for another's).
func (db *DB) QuizAttempt(ctx context.Context, enrollmentID, id int64) (domain.QuizAttempt, error) {
	var a domain.QuizAttempt
	err := db.r.GetContext(ctx, &a, db.q(`SELECT * FROM quiz_attempts WHERE id = ? AND enrollment_id = ?`), id, enrollmentID)
	return a, notFound(err)
}

// UserStates returns, for every enrollment of a trainee, the stored item
// states and the practice submission states, in one round trip (the Beranda).
func (db *DB) UserStates(ctx context.Context, userID int64) (items, subs map[int64]map[string]string, err error) {
	rows := []struct {
		EnrollmentID int64  `db:"enrollment_id"`
		ItemID       string `db:"item_id"`
		State        string `db:"state"`
		Kind         string `db:"kind"`
	}{}
	// PostgreSQL joined progress to the user's enrollments by hashing the
	// whole progress table when its statistics were missing or small (a
	// fresh database; at 5,000 trainees milliseconds of server CPU after
	// every write); the enrollment ids given as an array keep it on the
	// primary key whatever the statistics say.
	enrollments := `JOIN enrollments e ON e.id = p.enrollment_id WHERE e.user_id = ?`
	if db.Dialect == Postgres {
		enrollments = `WHERE p.enrollment_id = ANY(ARRAY(SELECT e.id FROM enrollments e WHERE e.user_id = ?))`
	}
	err = db.selectHot(ctx, &rows, `SELECT p.enrollment_id, p.item_id, p.state, 'p' AS kind FROM progress p `+enrollments+`
		UNION ALL
		SELECT s.enrollment_id, s.item_id, s.state, 's' AS kind FROM submissions s WHERE s.user_id = ?`, userID, userID)
	if err != nil {
		return nil, nil, fmt.Errorf("membaca kemajuan: %w", err)
	}
	items, subs = map[int64]map[string]string{}, map[int64]map[string]string{}
	for _, r := range rows {
		m := items
		if r.Kind == "s" {
			m = subs
		}
		if m[r.EnrollmentID] == nil {
			m[r.EnrollmentID] = map[string]string{}
		}
		m[r.EnrollmentID][r.ItemID] = r.State
	}
	return items, subs, nil
}
