package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

// Submission returns one submission.
func (db *DB) Submission(ctx context.Context, id int64) (domain.Submission, error) {
	var s domain.Submission
	err := db.r.GetContext(ctx, &s, db.q(`SELECT * FROM submissions WHERE id = ?`), id)
	return s, notFound(err)
}

// SubmissionFor returns the enrollment's submission for a practice item, or ErrNotFound.
func (db *DB) SubmissionFor(ctx context.Context, enrollmentID int64, itemID string) (domain.Submission, error) {
	var s domain.Submission
	err := db.getHot(ctx, &s, `SELECT * FROM submissions WHERE enrollment_id = ? AND item_id = ?`, enrollmentID, itemID)
	return s, notFound(err)
}

// EnsureSubmission returns the enrollment's submission for an item, creating a draft.
func (db *DB) EnsureSubmission(ctx context.Context, enrollmentID, userID int64, courseID, itemID string) (domain.Submission, error) {
	s, err := db.SubmissionFor(ctx, enrollmentID, itemID)
	if !errors.Is(err, domain.ErrNotFound) {
		return s, err
	}
	return db.CreateSubmission(ctx, enrollmentID, userID, courseID, itemID)
}

// CreateSubmission is EnsureSubmission for a caller that already read that
// there is none (a kept copy): it creates the draft, or returns the
// submission made at the same moment by another request.
func (db *DB) CreateSubmission(ctx context.Context, enrollmentID, userID int64, courseID, itemID string) (domain.Submission, error) {
	return db.createSubmission(ctx, enrollmentID, userID, courseID, itemID, true)
}

// createSubmission is CreateSubmission, waiting for the change feed only when
// sync (a caller that writes again right after waits once, for both).
func (db *DB) createSubmission(ctx context.Context, enrollmentID, userID int64, courseID, itemID string, sync bool) (domain.Submission, error) {
	var s domain.Submission
	t := now()
	err := db.writeGet(ctx, nil, &s, `INSERT INTO submissions (enrollment_id, user_id, course_id, item_id, state, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'draft', ?, ?) ON CONFLICT (enrollment_id, item_id) DO NOTHING RETURNING *`, enrollmentID, userID, courseID, itemID, t, t)
	if errors.Is(err, sql.ErrNoRows) {
		// Made at the same moment by another request, which waits for its notices.
		return db.SubmissionFor(ctx, enrollmentID, itemID)
	}
	if err != nil {
		return s, fmt.Errorf("membuat latihan: %w", uniqueAsConflict(err))
	}
	if sync {
		db.afterWrite(ctx)
	}
	return s, nil
}

// ErrNotEditable is returned when the text may not change in the submission's state.
var ErrNotEditable = domain.Errorf(domain.CodeConflict, "rilis ini sedang dinilai atau sudah diputuskan, sehingga tidak dapat diubah")

// SaveDraft stores the text being written. Drafts do not move the lock
// version, so an autosave never invalidates the open "Kirim rilis" form.
func (db *DB) SaveDraft(ctx context.Context, submissionID int64, headline, body string) (time.Time, error) {
	t := now()
	res, err := db.w.ExecContext(ctx, db.q(`UPDATE submissions SET draft_headline = ?, draft_body = ?, draft_saved_at = ?, updated_at = ?
		WHERE id = ? AND state IN ('draft', 'returned')`), headline, body, t, t, submissionID)
	if err != nil {
		return t, fmt.Errorf("menyimpan draf: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return t, ErrNotEditable
	}
	db.afterWrite(ctx)
	return t, nil
}

// SaveDraftOf stores the text being written on the enrollment's practice,
// creating the submission as a draft the first time: one statement (an
// autosave is a third of a trainee's writes). Like SaveDraft it moves no lock
// version. It waits for the change feed like every write: the practice page
// keeps the draft, and its notice (migration 00027) drops that copy before
// the next page of the writer, once and for good.
func (db *DB) SaveDraftOf(ctx context.Context, enrollmentID, userID int64, courseID, itemID, headline, body string) (time.Time, error) {
	t := now()
	var created time.Time
	err := db.writeGet(ctx, nil, &created, `INSERT INTO submissions (enrollment_id, user_id, course_id, item_id, state,
			draft_headline, draft_body, draft_saved_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)
		ON CONFLICT (enrollment_id, item_id) DO UPDATE SET draft_headline = excluded.draft_headline, draft_body = excluded.draft_body,
			draft_saved_at = excluded.draft_saved_at, updated_at = excluded.updated_at
		WHERE submissions.state IN ('draft', 'returned')
		RETURNING created_at`, enrollmentID, userID, courseID, itemID, headline, body, t, t, t)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotEditable
	}
	if err != nil {
		return t, fmt.Errorf("menyimpan draf: %w", uniqueAsConflict(err))
	}
	db.afterWrite(ctx)
	return t, nil
}

// The statements of Submit (prepared once on SQLite, see prepareWrites).
const (
	submitReadSQL = `SELECT s.*,
			COALESCE((SELECT v.id FROM submission_versions v WHERE v.submission_id = s.id AND v.submit_key = ?), 0) AS repeat_id,
			COALESCE((SELECT u.name FROM users u WHERE u.id = s.user_id), '') AS trainee_name,
			COALESCE((SELECT i.title FROM course_items i WHERE i.course_id = s.course_id AND i.item_id = s.item_id), '') AS item_title
		FROM submissions s WHERE s.id = ?`
	submitUpdateSQL = `UPDATE submissions SET state = ?, lock_version = lock_version + 1, versions = versions + 1,
		draft_headline = ?, draft_body = ?, draft_saved_at = ?, submitted_at = ?, decided_at = ?, updated_at = ? WHERE id = ?`
	submitVersionSQL = `INSERT INTO submission_versions (submission_id, number, headline, body, report_json, grader_version, auto_score, final_score, submit_key, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`
	notifyFacilitatorsSQL = `INSERT INTO notifications (user_id, kind, params, created_at)
		SELECT f.user_id, ?, ?, ? FROM cohort_facilitators f WHERE f.cohort_id = ? ORDER BY f.user_id`
)

// Submit stores a new version with its report and moves the submission on,
// in one transaction. A repeated submit key returns the version already made
// (created=false); a stale lock version or a state that does not accept a
// submission is a conflict; no attempts left is invalid.
//
// Requests for one submission take turns on its row (lockRow), so a double
// click or a second tab sent at the same moment is answered exactly as if it
// came a second later: the same version, or the stale-form conflict.
//
// Each statement is a round trip on PostgreSQL, so the submission, a version
// already made by the same click and the names the notices need are read
// together, the notices are one statement, and the statements whose triggers
// update the OPD's shared activity row (the version, the progress) come last,
// so other trainees of the OPD wait for that row as briefly as possible.
func (db *DB) Submit(ctx context.Context, in domain.SubmitInput) (v domain.SubmissionVersion, created bool, err error) {
	oneStatement := db.Dialect == Postgres && !(in.AutoReview && in.AutoScore >= in.PassScore)
	var made *submitRow // the draft created here, as submitReadSQL reads it
	if in.SubmissionID == 0 {
		// The draft's notice is waited for with the version's, after it.
		if oneStatement {
			var s submitRow
			t := now()
			err := db.w.DB.GetContext(ctx, &s, db.q(createForSubmitSQL), in.EnrollmentID, in.UserID, in.CourseID, in.ItemID, t, t)
			switch {
			case err == nil:
				in.SubmissionID, made = s.ID, &s
			case !errors.Is(err, sql.ErrNoRows): // none: made at the same moment by another request
				return v, false, fmt.Errorf("membuat latihan: %w", uniqueAsConflict(err))
			}
		}
		if in.SubmissionID == 0 {
			s, err := db.createSubmission(ctx, in.EnrollmentID, in.UserID, in.CourseID, in.ItemID, false)
			if err != nil {
				return v, false, err
			}
			in.SubmissionID = s.ID
		}
		defer func() {
			if err != nil {
				db.afterWrite(ctx)
			}
		}()
	}
	if oneStatement {
		var done bool
		if v, created, done, err = db.submitOneStatement(ctx, in, made); done || err != nil {
			return v, created, err
		}
	}
	db.prepareWrites(ctx, submitReadSQL, submitUpdateSQL, notifyFacilitatorsSQL, submitVersionSQL, setStateSQL(false))
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		created = false
		if err := lockRow(ctx, db, tx, "submissions", in.SubmissionID); err != nil {
			return err
		}
		var s submitRow
		err := db.writeGet(ctx, tx, &s, submitReadSQL, in.SubmitKey, in.SubmissionID)
		if err != nil {
			return notFound(err)
		}
		if s.Repeat != 0 { // the same click arriving twice
			if err := tx.GetContext(ctx, &v, db.q(`SELECT * FROM submission_versions WHERE id = ?`), s.Repeat); err != nil {
				return fmt.Errorf("memeriksa kiriman: %w", err)
			}
			return nil
		}
		if err := s.check(in); err != nil {
			return err
		}
		t := now()
		number := s.Versions + 1
		state, progress, decided, final := submitOutcome(in, t)
		_, err = db.writeExec(ctx, tx, submitUpdateSQL,
			state, in.Headline, in.Body, t, t, decided, t, s.ID)
		if err != nil {
			return fmt.Errorf("memperbarui status latihan: %w", err)
		}
		if !in.AutoReview && (len(in.Notify) > 0 || in.NotifyCohort != 0) {
			p := domain.NoticeParams{SubmissionID: s.ID, Version: number, Trainee: s.Trainee, CourseID: s.CourseID, ItemID: s.ItemID, ItemTitle: s.ItemTitle}
			if len(in.Notify) > 0 {
				if err := notifyAll(ctx, db, tx, in.Notify, domain.NoticeSubmissionSent, p); err != nil {
					return err
				}
			}
			if in.NotifyCohort != 0 {
				if err := notifyFacilitators(ctx, db, tx, in.NotifyCohort, domain.NoticeSubmissionSent, p); err != nil {
					return err
				}
			}
		}
		err = db.writeGet(ctx, tx, &v, submitVersionSQL, s.ID, number, in.Headline, in.Body, in.ReportJSON, in.GraderVersion, in.AutoScore, final, in.SubmitKey, t)
		if err != nil {
			return fmt.Errorf("menyimpan versi rilis: %w", err)
		}
		created = true
		if err := setState(ctx, db, tx, s.EnrollmentID, s.CourseID, s.ItemID, in.ItemHash, progress, false); err != nil {
			return err
		}
		if state != domain.SubApproved {
			return nil
		}
		_, err = issueIfComplete(ctx, db, tx, s.EnrollmentID, t)
		return err
	})
	return v, created, err
}

// submitRow is the submission as Submit reads it (submitReadSQL).
type submitRow struct {
	domain.Submission
	Repeat    int64  `db:"repeat_id"`
	Trainee   string `db:"trainee_name"`
	ItemTitle string `db:"item_title"`
}

// check refuses a new version the submission does not take now. It reads
// the state, lock version, versions and extra attempts alone (the one
// statement of submitOneStatement changes the row only if they are unchanged).
func (s submitRow) check(in domain.SubmitInput) error {
	if !domain.CanTransition(s.State, domain.SubSubmitted) {
		return domain.Errort(domain.CodeConflict, "rilis ini sudah dikirim dan berstatus {{.State}}; tidak ada versi baru yang dibuat", map[string]any{"State": i18n.LowerPhrase(domain.SubmissionStateLabel(s.State))})
	}
	if s.LockVersion != in.LockVersion {
		return domain.Errorf(domain.CodeConflict, "rilis ini baru saja dikirim dari tab atau perangkat lain; muat ulang halaman untuk melihat hasilnya")
	}
	if s.AttemptsLeft(in.MaxAttempts) == 0 {
		return domain.Errort(domain.CodeInvalid, "kesempatan mengirim rilis ini sudah habis ({{.N}} kali)", map[string]any{"N": s.AttemptLimit(in.MaxAttempts)})
	}
	return nil
}

// submitOutcome is where a new version moves the submission and the item's progress.
func submitOutcome(in domain.SubmitInput, t time.Time) (state domain.SubmissionState, progress string, decided, final any) {
	state, progress = domain.SubSubmitted, domain.StateDone
	if in.AutoReview {
		state, decided, final = domain.SubReturned, t, in.AutoScore
		if in.AutoScore >= in.PassScore {
			state, progress = domain.SubApproved, domain.StatePassed
		}
	}
	return state, progress, decided, final
}

// submitOneSQL is Submit on PostgreSQL as one statement: the submission moves
// on only if what its checks read is unchanged since the read before it, and
// the notices, the version and the progress are written only with it.
var submitOneSQL = `WITH s AS (
		UPDATE submissions SET state = ?, lock_version = lock_version + 1, versions = versions + 1,
			draft_headline = ?, draft_body = ?, draft_saved_at = ?, submitted_at = ?, decided_at = ?, updated_at = ?
		WHERE id = ? AND state = ? AND lock_version = ? AND versions = ? AND extra_attempts = ?
		RETURNING id, enrollment_id, course_id, item_id),
	n AS (
		INSERT INTO notifications (user_id, kind, params, created_at)
		SELECT x.user_id, ?, ?, ? FROM s, (SELECT unnest(CAST(? AS bigint[])) AS user_id
			UNION ALL SELECT f.user_id FROM cohort_facilitators f WHERE f.cohort_id = ?) x
		ORDER BY x.user_id),
	p AS (
		INSERT INTO progress (enrollment_id, course_id, item_id, state, content_hash, started_at, updated_at)
		SELECT s.enrollment_id, s.course_id, s.item_id, ?, ?, ?, ? FROM s
		ON CONFLICT (enrollment_id, item_id) DO UPDATE SET state = excluded.state, content_hash = excluded.content_hash, updated_at = excluded.updated_at
		WHERE ` + stateRankSQL("progress.state") + ` < ` + stateRankSQL("excluded.state") + `)
	INSERT INTO submission_versions (submission_id, number, headline, body, report_json, grader_version, auto_score, final_score, submit_key, created_at)
	SELECT s.id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM s RETURNING *`

// createForSubmitSQL creates the draft a first "Kirim rilis" sends, on
// PostgreSQL, and returns it as submitReadSQL reads a submission; no row
// when there is one already.
const createForSubmitSQL = `INSERT INTO submissions AS n (enrollment_id, user_id, course_id, item_id, state, created_at, updated_at)
	VALUES (?, ?, ?, ?, 'draft', ?, ?) ON CONFLICT (enrollment_id, item_id) DO NOTHING
	RETURNING n.*, 0 AS repeat_id,
		COALESCE((SELECT u.name FROM users u WHERE u.id = n.user_id), '') AS trainee_name,
		COALESCE((SELECT i.title FROM course_items i WHERE i.course_id = n.course_id AND i.item_id = n.item_id), '') AS item_title`

// submitOneStatement is Submit on PostgreSQL in two round trips and the
// change feed's, instead of a transaction's nine: a read of the submission,
// then submitOneSQL, whose row lock is held only while it runs. A request at
// the same moment that changed the row first leaves the statement nothing to
// change: the row is read again and checked as a transaction waiting for its
// lock would have. Not for an approval (its certificate is issued in
// Submit's transaction); done is false when it leaves the submit to that.
func (db *DB) submitOneStatement(ctx context.Context, in domain.SubmitInput, made *submitRow) (v domain.SubmissionVersion, created, done bool, err error) {
	q := db.q(submitOneSQL)
	for range 3 {
		var s submitRow
		if made != nil { // just created: nothing to read
			s, made = *made, nil
		} else if err := db.w.DB.GetContext(ctx, &s, db.q(submitReadSQL), in.SubmitKey, in.SubmissionID); err != nil {
			return v, false, true, notFound(err)
		}
		if s.Repeat != 0 { // the same click arriving twice: its notices are waited for as its own
			if err := db.w.DB.GetContext(ctx, &v, db.q(`SELECT * FROM submission_versions WHERE id = ?`), s.Repeat); err != nil {
				return v, false, true, fmt.Errorf("memeriksa kiriman: %w", err)
			}
			db.afterWrite(ctx)
			return v, false, true, nil
		}
		if err := s.check(in); err != nil {
			return v, false, true, err
		}
		t := now()
		number := s.Versions + 1
		state, progress, decided, final := submitOutcome(in, t)
		var notify []int64
		var cohort int64
		var params any
		if !in.AutoReview && (len(in.Notify) > 0 || in.NotifyCohort != 0) {
			notify, cohort = in.Notify, in.NotifyCohort
			p := domain.NoticeParams{SubmissionID: s.ID, Version: number, Trainee: s.Trainee, CourseID: s.CourseID, ItemID: s.ItemID, ItemTitle: s.ItemTitle}
			if params, err = p.Value(); err != nil {
				return v, false, true, err
			}
		}
		err := db.retrying(ctx, func() error {
			return db.w.DB.GetContext(ctx, &v, q,
				state, in.Headline, in.Body, t, t, decided, t,
				s.ID, s.State, s.LockVersion, s.Versions, s.ExtraAttempts,
				string(domain.NoticeSubmissionSent), params, t, pq.Array(notify), cohort,
				progress, in.ItemHash, t, t,
				number, in.Headline, in.Body, in.ReportJSON, in.GraderVersion, in.AutoScore, final, in.SubmitKey, t)
		})
		if errors.Is(err, sql.ErrNoRows) {
			continue // changed since the read
		}
		if err != nil {
			return v, false, true, fmt.Errorf("menyimpan versi rilis: %w", err)
		}
		db.afterWrite(ctx)
		return v, true, true, nil
	}
	return v, false, false, nil
}

// ErrNoAttemptsLeft refuses a fresh start on a rejected practice whose attempts are used up.
var ErrNoAttemptsLeft = domain.Errorf(domain.CodeInvalid, "kesempatan mengirim latihan ini sudah habis; hanya fasilitator yang dapat membukanya kembali")

// RestartRejected gives a rejected submission a fresh start: an empty draft on
// the same practice, its sent versions (and their reviews) kept as history.
// Only the trainee's own rejected submission with attempts left may restart
// (maxAttempts 0: unlimited); anything else is a conflict, no attempts left
// is ErrNoAttemptsLeft. A second click after the restart finds a draft and
// is a no-op, so a refresh never empties a text written since.
func (db *DB) RestartRejected(ctx context.Context, submissionID, userID int64, maxAttempts int) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockRow(ctx, db, tx, "submissions", submissionID); err != nil {
			return err
		}
		var s domain.Submission
		if err := tx.GetContext(ctx, &s, db.q(`SELECT * FROM submissions WHERE id = ? AND user_id = ?`), submissionID, userID); err != nil {
			return notFound(err)
		}
		if s.State == domain.SubDraft {
			return nil
		}
		if !domain.CanTransition(s.State, domain.SubDraft) {
			return domain.Errort(domain.CodeConflict, "latihan berstatus {{.State}} tidak dapat dimulai lagi", map[string]any{"State": i18n.LowerPhrase(domain.SubmissionStateLabel(s.State))})
		}
		if s.AttemptsLeft(maxAttempts) == 0 {
			return ErrNoAttemptsLeft
		}
		t := now()
		_, err := tx.ExecContext(ctx, db.q(`UPDATE submissions SET state = 'draft', lock_version = lock_version + 1,
			draft_headline = '', draft_body = '', draft_saved_at = NULL, updated_at = ? WHERE id = ?`), t, s.ID)
		if err != nil {
			return fmt.Errorf("memulai latihan lagi: %w", err)
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &userID, Action: "submission.restart", ObjectType: "submission",
			ObjectID: fmt.Sprint(s.ID), Before: map[string]any{"state": s.State, "versions": s.Versions},
			After: map[string]any{"state": domain.SubDraft}})
	})
}

// ErrNotRejected refuses to reopen a submission that is not (or no longer) rejected.
var ErrNotRejected = domain.Errorf(domain.CodeConflict, "hanya rilis berstatus Ditolak yang dapat dibuka kembali; tidak ada yang diubah")

// Reopen takes back a rejection, in one transaction: the submission is
// Dikembalikan again (the trainee revises the text last sent, with the
// facilitator's words beside it), one attempt is given back when none is
// left, and the decision's review stays in the history. It is audited with
// the reason, and the trainee gets a submission_reopened notification. Only
// a rejected submission of a trainee still in the cohort may be reopened; a
// second click finds it reopened (ErrNotRejected), and a stale lock version
// is domain.ErrConflict. It returns the submission as it is now.
func (db *DB) Reopen(ctx context.Context, in domain.ReopenInput) (domain.Submission, error) {
	var s domain.Submission
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockRow(ctx, db, tx, "submissions", in.SubmissionID); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &s, db.q(`SELECT * FROM submissions WHERE id = ?`), in.SubmissionID); err != nil {
			return notFound(err)
		}
		if !domain.CanReopen(s.State) {
			return ErrNotRejected
		}
		if s.LockVersion != in.LockVersion {
			return domain.ErrConflict
		}
		reason := strings.TrimSpace(in.Reason)
		if reason == "" {
			return domain.Errorf(domain.CodeInvalid, "tuliskan alasan membuka kembali; peserta membacanya")
		}
		var status domain.EnrollmentStatus
		if err := tx.GetContext(ctx, &status, db.q(`SELECT status FROM enrollments WHERE id = ?`), s.EnrollmentID); err != nil {
			return notFound(err)
		}
		if status == domain.EnrollmentLeft {
			return domain.Errorf(domain.CodeConflict, "peserta ini sudah dikeluarkan dari angkatannya; rilisnya tidak dapat dibuka kembali")
		}
		extra := 0
		if s.AttemptsLeft(in.MaxAttempts) == 0 {
			extra = 1
		}
		t := now()
		if _, err := tx.ExecContext(ctx, db.q(`UPDATE submissions SET state = 'returned', lock_version = lock_version + 1,
			extra_attempts = extra_attempts + ?, updated_at = ? WHERE id = ?`), extra, t, s.ID); err != nil {
			return fmt.Errorf("membuka kembali rilis: %w", err)
		}
		if err := insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &in.ActorID, Action: "submission.reopen", ObjectType: "submission",
			ObjectID: fmt.Sprint(s.ID), Reason: reason,
			Before: map[string]any{"state": s.State, "extra_attempts": s.ExtraAttempts},
			After:  map[string]any{"state": domain.SubReturned, "extra_attempts": s.ExtraAttempts + extra}}); err != nil {
			return err
		}
		title := s.ItemID
		if err := tx.GetContext(ctx, &title, db.q(`SELECT title FROM course_items WHERE course_id = ? AND item_id = ?`), s.CourseID, s.ItemID); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("membaca judul latihan: %w", err)
		}
		p := domain.NoticeParams{SubmissionID: s.ID, CourseID: s.CourseID, ItemID: s.ItemID, ItemTitle: title, Reason: reason}
		if err := notify(ctx, db, tx, s.UserID, domain.NoticeSubmissionReopened, p); err != nil {
			return err
		}
		return tx.GetContext(ctx, &s, db.q(`SELECT * FROM submissions WHERE id = ?`), s.ID)
	})
	return s, err
}

// OpenForReview marks a submitted text as being reviewed. Opening does not
// move the lock version: two facilitators may look at once; the second
// decision is the one refused.
func (db *DB) OpenForReview(ctx context.Context, submissionID int64) error {
	_, err := db.w.ExecContext(ctx, db.q(`UPDATE submissions SET state = 'in_review', updated_at = ? WHERE id = ? AND state = 'submitted'`), now(), submissionID)
	if err != nil {
		return fmt.Errorf("membuka penilaian: %w", err)
	}
	return nil
}

// Decide records a decision, its scores and the state change, in one
// transaction, with every changed score and the decision in the audit log.
// A decision made on a stale lock version (someone decided first) is
// domain.ErrConflict; one the state or version does not allow is another CodeConflict.
func (db *DB) Decide(ctx context.Context, in domain.DecideInput) (domain.Review, error) {
	var r domain.Review
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		var s domain.Submission
		if err := tx.GetContext(ctx, &s, db.q(`SELECT * FROM submissions WHERE id = ?`), in.SubmissionID); err != nil {
			return notFound(err)
		}
		if s.LockVersion != in.LockVersion {
			return domain.ErrConflict
		}
		to, _ := in.Decision.Result()
		if !domain.CanDecide(s.State, in.Decision) {
			return domain.Errort(domain.CodeConflict, "keputusan {{.Decision}} tidak dapat diberikan pada rilis berstatus {{.State}}",
				map[string]any{"Decision": i18n.LowerPhrase(in.Decision.Label()), "State": i18n.LowerPhrase(s.State.Label())})
		}
		var latest int64
		if err := tx.GetContext(ctx, &latest, db.q(`SELECT id FROM submission_versions WHERE submission_id = ? ORDER BY number DESC LIMIT 1`), s.ID); err != nil {
			return notFound(err)
		}
		if latest != in.VersionID {
			return domain.Errorf(domain.CodeConflict, "hanya versi terbaru yang dapat dinilai")
		}
		// Sent back for revision with no attempt left, the trainee could not
		// send the revision the facilitator asks for: one attempt is given back.
		extra := 0
		if in.Decision == domain.DecisionReturn && s.AttemptsLeft(in.MaxAttempts) == 0 {
			extra = 1
		}
		t := now()
		res, err := tx.ExecContext(ctx, db.q(`UPDATE submissions SET state = ?, lock_version = lock_version + 1, decided_at = ?, updated_at = ?,
			extra_attempts = extra_attempts + ? WHERE id = ? AND lock_version = ?`), to, t, t, extra, s.ID, in.LockVersion)
		if err != nil {
			return fmt.Errorf("menyimpan keputusan: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.ErrConflict
		}
		err = tx.GetContext(ctx, &r, db.q(`INSERT INTO reviews (version_id, reviewer_id, decision, general_comment, final_score, created_at)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING *`), in.VersionID, in.ReviewerID, in.Decision, strings.TrimSpace(in.General), in.FinalScore, t)
		if isUniqueViolation(err) {
			return domain.ErrConflict
		}
		if err != nil {
			return fmt.Errorf("menyimpan penilaian: %w", err)
		}
		for _, sc := range in.Scores {
			if sc.FinalScore != sc.AutoScore && strings.TrimSpace(sc.Reason) == "" {
				return domain.Errorf(domain.CodeInvalid, "nilai %s diubah tanpa alasan", sc.Criterion)
			}
			_, err := tx.ExecContext(ctx, db.q(`INSERT INTO review_scores (review_id, criterion, auto_score, final_score, reason) VALUES (?, ?, ?, ?, ?)`),
				r.ID, sc.Criterion, sc.AutoScore, sc.FinalScore, strings.TrimSpace(sc.Reason))
			if err != nil {
				return fmt.Errorf("menyimpan nilai %s: %w", sc.Criterion, err)
			}
			if sc.FinalScore != sc.AutoScore {
				if err := insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &in.ReviewerID, Action: "review.score", ObjectType: "submission_version",
					ObjectID: fmt.Sprint(in.VersionID), Before: map[string]any{"criterion": sc.Criterion, "score": sc.AutoScore},
					After: map[string]any{"criterion": sc.Criterion, "score": sc.FinalScore}, Reason: sc.Reason}); err != nil {
					return err
				}
			}
		}
		if _, err := tx.ExecContext(ctx, db.q(`UPDATE submission_versions SET final_score = ? WHERE id = ?`), in.FinalScore, in.VersionID); err != nil {
			return fmt.Errorf("menyimpan nilai akhir: %w", err)
		}
		item := struct {
			Title string `db:"title"`
			Hash  string `db:"content_hash"`
		}{Title: s.ItemID}
		err = tx.GetContext(ctx, &item, db.q(`SELECT title, content_hash FROM course_items WHERE course_id = ? AND item_id = ?`), s.CourseID, s.ItemID)
		// An item gone from course_items keeps its id as title; approving needs its hash.
		if err != nil && (in.Decision == domain.DecisionApprove || !errors.Is(err, sql.ErrNoRows)) {
			return notFound(err)
		}
		if in.Decision == domain.DecisionApprove {
			if err := setState(ctx, db, tx, s.EnrollmentID, s.CourseID, s.ItemID, item.Hash, domain.StatePassed, false); err != nil {
				return err
			}
		}
		if err := insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &in.ReviewerID, Action: "review.decide", ObjectType: "submission",
			ObjectID: fmt.Sprint(s.ID), Before: map[string]any{"state": s.State, "extra_attempts": s.ExtraAttempts},
			After: map[string]any{"state": to, "version_id": in.VersionID, "final_score": in.FinalScore, "extra_attempts": s.ExtraAttempts + extra}, Reason: in.General}); err != nil {
			return err
		}
		kind, err := domain.DecisionNotice(in.Decision)
		if err != nil {
			return err
		}
		p := domain.NoticeParams{SubmissionID: s.ID, CourseID: s.CourseID, ItemID: s.ItemID, ItemTitle: item.Title, Score: in.FinalScore}
		if err := notify(ctx, db, tx, s.UserID, kind, p); err != nil || in.Decision != domain.DecisionApprove {
			return err
		}
		_, err = issueIfComplete(ctx, db, tx, s.EnrollmentID, t)
		return err
	})
	return r, err
}

// Versions lists a submission's versions, oldest first.
func (db *DB) Versions(ctx context.Context, submissionID int64) ([]domain.SubmissionVersion, error) {
	var out []domain.SubmissionVersion
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT * FROM submission_versions WHERE submission_id = ? ORDER BY number LIMIT 100`), submissionID)
	if err != nil {
		return nil, fmt.Errorf("membaca versi rilis: %w", err)
	}
	return out, nil
}

// ReviewsOf returns the reviews of a submission's versions keyed by version id.
func (db *DB) ReviewsOf(ctx context.Context, submissionID int64) (map[int64]domain.Review, error) {
	var rs []domain.Review
	err := db.r.SelectContext(ctx, &rs, db.q(`SELECT r.* FROM reviews r JOIN submission_versions v ON v.id = r.version_id WHERE v.submission_id = ?`), submissionID)
	if err != nil {
		return nil, fmt.Errorf("membaca penilaian: %w", err)
	}
	out := make(map[int64]domain.Review, len(rs))
	for _, r := range rs {
		out[r.VersionID] = r
	}
	return out, nil
}

// ReviewScores lists the criterion scores of a review.
func (db *DB) ReviewScores(ctx context.Context, reviewID int64) ([]domain.ReviewScore, error) {
	var out []domain.ReviewScore
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT * FROM review_scores WHERE review_id = ? ORDER BY criterion`), reviewID)
	if err != nil {
		return nil, fmt.Errorf("membaca nilai penilaian: %w", err)
	}
	return out, nil
}

// AddComment anchors a facilitator's remark to a passage of the latest
// version while the submission waits for a decision.
func (db *DB) AddComment(ctx context.Context, c domain.ReviewComment) (domain.ReviewComment, error) {
	var out domain.ReviewComment
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		// Taking turns with a decision on the same submission: a comment
		// never lands on a text that was decided meanwhile.
		var subID int64
		if err := tx.GetContext(ctx, &subID, db.q(`SELECT submission_id FROM submission_versions WHERE id = ?`), c.VersionID); err != nil {
			return notFound(err)
		}
		if err := lockRow(ctx, db, tx, "submissions", subID); err != nil {
			return err
		}
		var state domain.SubmissionState
		var latest int64
		err := tx.QueryRowxContext(ctx, db.q(`SELECT s.state, (SELECT MAX(id) FROM submission_versions WHERE submission_id = s.id)
			FROM submissions s WHERE s.id = ?`), subID).Scan(&state, &latest)
		if err != nil {
			return notFound(err)
		}
		if state != domain.SubSubmitted && state != domain.SubInReview {
			return domain.Errorf(domain.CodeConflict, "komentar hanya dapat ditambahkan sebelum keputusan diberikan")
		}
		if latest != c.VersionID {
			return domain.Errorf(domain.CodeConflict, "komentar hanya dapat ditambahkan pada versi terbaru")
		}
		err = tx.GetContext(ctx, &out, db.q(`INSERT INTO review_comments (version_id, reviewer_id, field, start_pos, end_pos, quote, body, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`), c.VersionID, c.ReviewerID, c.Field, c.Start, c.End, c.Quote, strings.TrimSpace(c.Body), now())
		if err != nil {
			return fmt.Errorf("menyimpan komentar: %w", err)
		}
		return nil
	})
	return out, err
}

// Comments lists the comments on a version in text order.
func (db *DB) Comments(ctx context.Context, versionID int64) ([]domain.ReviewComment, error) {
	var out []domain.ReviewComment
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT * FROM review_comments WHERE version_id = ? ORDER BY field DESC, start_pos, id LIMIT 500`), versionID)
	if err != nil {
		return nil, fmt.Errorf("membaca komentar: %w", err)
	}
	return out, nil
}

// notify stores a notification as its kind and parameters, in the
// transaction of the change it reports: it exists exactly when the change
// does. internal/notice puts it into words when it is shown or mailed.
func notify(ctx context.Context, db *DB, tx *sqlx.Tx, userID int64, kind domain.NoticeKind, p domain.NoticeParams) error {
	_, err := tx.ExecContext(ctx, db.q(`INSERT INTO notifications (user_id, kind, params, created_at) VALUES (?, ?, ?, ?)`), userID, string(kind), p, now())
	if err != nil {
		return fmt.Errorf("menyimpan pemberitahuan: %w", err)
	}
	return nil
}

// notifyAll is notify for several users in one statement.
func notifyAll(ctx context.Context, db *DB, tx *sqlx.Tx, userIDs []int64, kind domain.NoticeKind, p domain.NoticeParams) error {
	params, err := p.Value()
	if err != nil {
		return err
	}
	t := now()
	var b strings.Builder
	b.WriteString(`INSERT INTO notifications (user_id, kind, params, created_at) VALUES `)
	args := make([]any, 0, 4*len(userIDs))
	for i, uid := range userIDs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?)")
		args = append(args, uid, string(kind), params, t)
	}
	if _, err := tx.ExecContext(ctx, db.q(b.String()), args...); err != nil {
		return fmt.Errorf("menyimpan pemberitahuan: %w", err)
	}
	return nil
}

// notifyFacilitators stores one notification for each facilitator of a
// cohort, read and written in one statement.
func notifyFacilitators(ctx context.Context, db *DB, tx *sqlx.Tx, cohortID int64, kind domain.NoticeKind, p domain.NoticeParams) error {
	params, err := p.Value()
	if err != nil {
		return err
	}
	if _, err := db.writeExec(ctx, tx, notifyFacilitatorsSQL, string(kind), params, now(), cohortID); err != nil {
		return fmt.Errorf("menyimpan pemberitahuan fasilitator: %w", err)
	}
	return nil
}

// Notifications lists a user's newest notifications.
func (db *DB) Notifications(ctx context.Context, userID int64, limit int) ([]domain.Notification, error) {
	var out []domain.Notification
	err := db.selectHot(ctx, &out, `SELECT * FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ?`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("membaca pemberitahuan: %w", err)
	}
	return out, nil
}

// MarkNotificationsRead marks all of a user's notifications read.
func (db *DB) MarkNotificationsRead(ctx context.Context, userID int64) error {
	_, err := db.w.ExecContext(ctx, db.q(`UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL`), now(), userID)
	if err != nil {
		return fmt.Errorf("menandai pemberitahuan: %w", err)
	}
	return nil
}
