package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// WithdrawTrainee takes a trainee out of a cohort: the enrollment's status
// becomes keluar, audit-logged. Nothing of theirs is deleted: progress, quiz
// attempts, sent releases, attendance and certificates stay, and enrolling
// them again in the same cohort (Enroll) makes the enrollment active with
// that progress. A trainee already out is a CodeConflict; one never enrolled
// is ErrNotFound.
func (db *DB) WithdrawTrainee(ctx context.Context, actorID, cohortID, userID int64) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, db.q(`UPDATE enrollments SET status = 'keluar' WHERE cohort_id = ? AND user_id = ? AND status <> 'keluar'`),
			cohortID, userID)
		if err != nil {
			return fmt.Errorf("mengeluarkan peserta: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var st domain.EnrollmentStatus
			if err := tx.GetContext(ctx, &st, db.q(`SELECT status FROM enrollments WHERE cohort_id = ? AND user_id = ?`), cohortID, userID); err != nil {
				return notFound(err)
			}
			return domain.Errorf(domain.CodeConflict, "peserta ini sudah dikeluarkan dari angkatan ini; tidak ada yang diubah")
		}
		return insertAudit(ctx, db, tx, AuditEntry{ActorID: &actorID, Action: "cohort.withdraw", ObjectType: "cohort",
			ObjectID: fmt.Sprint(cohortID), After: map[string]any{"user_id": userID, "status": domain.EnrollmentLeft}})
	})
}

// CancelSession is a coming live session to call off, with what its
// notification to the trainees says.
type CancelSession struct {
	SessionID int64
	ActorID   int64
	Reason    string // optional, shown to the trainees
	When      string // the session's time in words, as the trainees knew it
	Now       time.Time
}

// CancelLiveSession calls off a session that has not started and has no
// attendance: the session is deleted (it never counted towards anything),
// audit-logged with what it was, and every active trainee of its cohort gets
// a live_session_cancelled notification, in one transaction. It returns the
// session as it was and how many trainees were told. A session that has
// started is CodeInvalid; one already cancelled is ErrNotFound.
func (db *DB) CancelLiveSession(ctx context.Context, in CancelSession) (domain.LiveSession, int, error) {
	var ls domain.LiveSession
	told := 0
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		told = 0
		// Takes turns with attendance being saved for the same session.
		if err := lockRow(ctx, db, tx, "live_sessions", in.SessionID); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &ls, db.q(`SELECT * FROM live_sessions WHERE id = ?`), in.SessionID); err != nil {
			return notFound(err)
		}
		var marked int
		if err := tx.GetContext(ctx, &marked, db.q(`SELECT COUNT(*) FROM attendance WHERE session_id = ?`), in.SessionID); err != nil {
			return fmt.Errorf("memeriksa kehadiran: %w", err)
		}
		if marked > 0 || !in.Now.Before(ls.StartsAt) {
			return domain.Errorf(domain.CodeInvalid, "sesi yang sudah dimulai atau sudah ada kehadirannya tidak dapat dibatalkan")
		}
		var cohortName string
		if err := tx.GetContext(ctx, &cohortName, db.q(`SELECT name FROM cohorts WHERE id = ?`), ls.CohortID); err != nil {
			return fmt.Errorf("membaca angkatan: %w", err)
		}
		var trainees []int64
		if err := tx.SelectContext(ctx, &trainees, db.q(`SELECT user_id FROM enrollments WHERE cohort_id = ? AND status = 'aktif' ORDER BY user_id`), ls.CohortID); err != nil {
			return fmt.Errorf("membaca peserta angkatan: %w", err)
		}
		if _, err := tx.ExecContext(ctx, db.q(`DELETE FROM live_sessions WHERE id = ?`), in.SessionID); err != nil {
			return fmt.Errorf("membatalkan sesi tatap muka: %w", err)
		}
		p := domain.NoticeParams{SessionTopic: ls.Topic, SessionWhen: in.When, CohortName: cohortName, Reason: in.Reason}
		for _, uid := range trainees {
			if err := notify(ctx, db, tx, uid, domain.NoticeLiveSessionCancelled, p); err != nil {
				return err
			}
			told++
		}
		return insertAudit(ctx, db, tx, AuditEntry{ActorID: &in.ActorID, Action: "live_session.cancel", ObjectType: "live_session",
			ObjectID: fmt.Sprint(ls.ID), Reason: in.Reason,
			Before: map[string]any{"cohort_id": ls.CohortID, "topic": ls.Topic, "starts_at": ls.StartsAt, "place": ls.Place}})
	})
	return ls, told, err
}
