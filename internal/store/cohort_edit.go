package store

import (
	"context"
	"fmt"
	"strings"
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
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &actorID, Action: "cohort.withdraw", ObjectType: "cohort",
			ObjectID: fmt.Sprint(cohortID), After: map[string]any{"user_id": userID, "status": domain.EnrollmentLeft}})
	})
}

// CancelLiveSession calls off a session that has not started and has no
// attendance: the session is deleted (it never counted towards anything),
// audit-logged with what it was, and every active trainee of its cohort gets
// a live_session_cancelled notification, in one transaction. It returns the
// session as it was and how many trainees were told. A session that has
// started is CodeInvalid; one already cancelled is ErrNotFound.
func (db *DB) CancelLiveSession(ctx context.Context, in domain.CancelSession) (domain.LiveSession, int, error) {
	var ls domain.LiveSession
	told := 0
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		told = 0
		var started bool
		var err error
		if ls, started, err = db.lockSession(ctx, tx, in.SessionID, in.Now); err != nil {
			return err
		}
		if started {
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
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &in.ActorID, Action: "live_session.cancel", ObjectType: "live_session",
			ObjectID: fmt.Sprint(ls.ID), Reason: in.Reason,
			Before: map[string]any{"cohort_id": ls.CohortID, "topic": ls.Topic, "starts_at": ls.StartsAt, "place": ls.Place}})
	})
	return ls, told, err
}

// ErrSessionStarted refuses a change to a session that has begun or has attendance.
var ErrSessionStarted = domain.Errorf(domain.CodeInvalid, "sesi yang sudah dimulai atau sudah ada kehadirannya tidak dapat diubah")

// UpdateLiveSession changes a session that has not started and has no
// attendance, in one transaction: the row, an audit entry with the session
// before and after, and a live_session_changed notification to every active
// trainee of its cohort when what they were told (topic, time, place)
// changed. It returns the session as it was and how many trainees were told.
// Saving the same values again changes nothing and tells no one, so a
// repeated form is harmless. A started session is ErrSessionStarted; a
// cancelled one ErrNotFound.
func (db *DB) UpdateLiveSession(ctx context.Context, in domain.EditSession) (domain.LiveSession, int, error) {
	var ls domain.LiveSession
	told := 0
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		told = 0
		var started bool
		var err error
		if ls, started, err = db.lockSession(ctx, tx, in.SessionID, in.Now); err != nil {
			return err
		}
		if started {
			return ErrSessionStarted
		}
		if !in.EndsAt.After(in.StartsAt) {
			return domain.Errorf(domain.CodeInvalid, "pukul selesai harus setelah pukul mulai")
		}
		topic, place, speaker := strings.TrimSpace(in.Topic), strings.TrimSpace(in.Place), strings.TrimSpace(in.Speaker)
		start, end := in.StartsAt.UTC(), in.EndsAt.UTC()
		seen := topic != ls.Topic || !start.Equal(ls.StartsAt) || !end.Equal(ls.EndsAt) || place != ls.Place
		if !seen && speaker == ls.Speaker {
			return nil
		}
		if _, err := tx.ExecContext(ctx, db.q(`UPDATE live_sessions SET topic = ?, starts_at = ?, ends_at = ?, place = ?, speaker = ? WHERE id = ?`),
			topic, start, end, place, speaker, ls.ID); err != nil {
			return fmt.Errorf("mengubah sesi tatap muka: %w", err)
		}
		if err := insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &in.ActorID, Action: "live_session.update", ObjectType: "live_session",
			ObjectID: fmt.Sprint(ls.ID),
			Before:   map[string]any{"topic": ls.Topic, "starts_at": ls.StartsAt, "ends_at": ls.EndsAt, "place": ls.Place, "speaker": ls.Speaker},
			After:    map[string]any{"topic": topic, "starts_at": start, "ends_at": end, "place": place, "speaker": speaker}}); err != nil {
			return err
		}
		if !seen {
			return nil // only the speaker changed: nothing the trainees were told
		}
		var cohortName string
		if err := tx.GetContext(ctx, &cohortName, db.q(`SELECT name FROM cohorts WHERE id = ?`), ls.CohortID); err != nil {
			return fmt.Errorf("membaca angkatan: %w", err)
		}
		var trainees []int64
		if err := tx.SelectContext(ctx, &trainees, db.q(`SELECT user_id FROM enrollments WHERE cohort_id = ? AND status = 'aktif' ORDER BY user_id`), ls.CohortID); err != nil {
			return fmt.Errorf("membaca peserta angkatan: %w", err)
		}
		p := domain.NoticeParams{SessionTopic: topic, SessionWhen: in.WhenOf(start, end), SessionPlace: place, CohortName: cohortName,
			PrevTopic: ls.Topic, PrevWhen: in.WhenOf(ls.StartsAt, ls.EndsAt), PrevPlace: ls.Place}
		for _, uid := range trainees {
			if err := notify(ctx, db, tx, uid, domain.NoticeLiveSessionChanged, p); err != nil {
				return err
			}
			told++
		}
		return nil
	})
	return ls, told, err
}

// ErrLastFacilitator refuses taking the only facilitator off a cohort.
var ErrLastFacilitator = domain.Errorf(domain.CodeConflict,
	"angkatan harus memiliki sedikitnya satu fasilitator; tambahkan fasilitator pengganti lebih dulu, lalu lepaskan yang ini")

// RemoveFacilitator takes a facilitator off a cohort, audit-logged: from then
// on the cohort, its submissions and its sessions are closed to them
// (internal/access asks store.Facilitates on every request). Their past
// reviews and attendance records stay. The last facilitator of a cohort is
// ErrLastFacilitator; one not assigned is ErrNotFound. Removals of one
// cohort take turns, so two at once cannot leave it without a facilitator.
func (db *DB) RemoveFacilitator(ctx context.Context, actorID, cohortID, userID int64) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockRow(ctx, db, tx, "cohorts", cohortID); err != nil {
			return err
		}
		var ids []int64
		if err := tx.SelectContext(ctx, &ids, db.q(`SELECT user_id FROM cohort_facilitators WHERE cohort_id = ? ORDER BY user_id`), cohortID); err != nil {
			return fmt.Errorf("membaca fasilitator angkatan: %w", err)
		}
		found := false
		for _, id := range ids {
			found = found || id == userID
		}
		switch {
		case !found:
			return domain.ErrNotFound
		case len(ids) == 1:
			return ErrLastFacilitator
		}
		if _, err := tx.ExecContext(ctx, db.q(`DELETE FROM cohort_facilitators WHERE cohort_id = ? AND user_id = ?`), cohortID, userID); err != nil {
			return fmt.Errorf("melepas fasilitator: %w", err)
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &actorID, Action: "cohort.facilitator.remove", ObjectType: "cohort",
			ObjectID: fmt.Sprint(cohortID), Before: map[string]any{"user_id": userID}})
	})
}

// lockSession locks a live session's row (so attendance being saved, an
// edit and a cancellation take turns) and reads it; started reports that it
// has begun at now or has attendance recorded, when it can no longer change.
func (db *DB) lockSession(ctx context.Context, tx *sqlx.Tx, id int64, now time.Time) (ls domain.LiveSession, started bool, err error) {
	if err := lockRow(ctx, db, tx, "live_sessions", id); err != nil {
		return ls, false, err
	}
	if err := tx.GetContext(ctx, &ls, db.q(`SELECT * FROM live_sessions WHERE id = ?`), id); err != nil {
		return ls, false, notFound(err)
	}
	var marked int
	if err := tx.GetContext(ctx, &marked, db.q(`SELECT COUNT(*) FROM attendance WHERE session_id = ?`), id); err != nil {
		return ls, false, fmt.Errorf("memeriksa kehadiran: %w", err)
	}
	return ls, marked > 0 || !now.Before(ls.StartsAt), nil
}
