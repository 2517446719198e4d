package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// CreateLiveSession schedules a sesi tatap muka for a cohort.
func (db *DB) CreateLiveSession(ctx context.Context, actorID *int64, s domain.LiveSession) (domain.LiveSession, error) {
	var out domain.LiveSession
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &out, db.q(`INSERT INTO live_sessions (cohort_id, topic, starts_at, ends_at, place, speaker, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`), s.CohortID, strings.TrimSpace(s.Topic), s.StartsAt.UTC(), s.EndsAt.UTC(),
			strings.TrimSpace(s.Place), strings.TrimSpace(s.Speaker), now())
		if err != nil {
			return fmt.Errorf("menyimpan sesi tatap muka: %w", err)
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: actorID, Action: "live_session.create", ObjectType: "live_session",
			ObjectID: fmt.Sprint(out.ID), After: map[string]any{"cohort_id": out.CohortID, "topic": out.Topic, "starts_at": out.StartsAt}})
	})
	return out, err
}

// LiveSession returns one session.
func (db *DB) LiveSession(ctx context.Context, id int64) (domain.LiveSession, error) {
	var s domain.LiveSession
	err := db.r.GetContext(ctx, &s, db.q(`SELECT * FROM live_sessions WHERE id = ?`), id)
	return s, notFound(err)
}

// SessionsOfCohort lists a cohort's sessions in time order.
func (db *DB) SessionsOfCohort(ctx context.Context, cohortID int64) ([]domain.LiveSession, error) {
	var out []domain.LiveSession
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT * FROM live_sessions WHERE cohort_id = ? ORDER BY starts_at LIMIT 200`), cohortID)
	if err != nil {
		return nil, fmt.Errorf("membaca sesi tatap muka: %w", err)
	}
	return out, nil
}

// SessionsOfTrainee lists the sessions of the trainee's cohorts, ending at or after since.
func (db *DB) SessionsOfTrainee(ctx context.Context, userID int64, since time.Time, limit int) ([]domain.TraineeSession, error) {
	var out []domain.TraineeSession
	err := db.selectHot(ctx, &out, `SELECT s.*, c.name AS cohort_name, COALESCE(a.status, '') AS attendance
		FROM live_sessions s
		JOIN cohorts c ON c.id = s.cohort_id
		JOIN enrollments e ON e.cohort_id = c.id AND e.user_id = ? AND e.status <> 'keluar'
		LEFT JOIN attendance a ON a.session_id = s.id AND a.user_id = e.user_id
		WHERE s.ends_at >= ? ORDER BY s.starts_at LIMIT ?`, userID, since.UTC(), limit)
	if err != nil {
		return nil, fmt.Errorf("membaca jadwal: %w", err)
	}
	return out, nil
}

// SessionAttendance lists every trainee of the session's cohort with their recorded status ("" when not yet).
func (db *DB) SessionAttendance(ctx context.Context, sessionID int64) ([]domain.AttendanceRow, error) {
	var out []domain.AttendanceRow
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT u.id AS user_id, u.name, COALESCE(o.name, '') AS opd_name, COALESCE(a.status, '') AS status
		FROM live_sessions s
		JOIN enrollments e ON e.cohort_id = s.cohort_id AND e.status <> 'keluar'
		JOIN users u ON u.id = e.user_id
		LEFT JOIN opds o ON o.id = u.opd_id
		LEFT JOIN attendance a ON a.session_id = s.id AND a.user_id = u.id
		WHERE s.id = ? ORDER BY u.name LIMIT 1000`), sessionID)
	if err != nil {
		return nil, fmt.Errorf("membaca kehadiran: %w", err)
	}
	return out, nil
}

// ErrSessionNotStarted refuses attendance for a session that has not begun.
var ErrSessionNotStarted = domain.Errorf(domain.CodeInvalid, "sesi tatap muka ini belum dimulai; kehadiran baru dapat dicatat setelah sesi dimulai, dan tidak ada yang disimpan")

// MarkAttendance records the statuses of a session (user id → status) in one
// transaction at the moment at (the caller's clock, stored as marked_at);
// users not enrolled in the session's cohort are refused, and so is a
// session that has not started by then (ErrSessionNotStarted).
func (db *DB) MarkAttendance(ctx context.Context, actorID int64, sessionID int64, statuses map[int64]string, at time.Time) error {
	// Two lists saved for one session take turns on the session's row, and
	// rows are written in user order: no two saves wait on each other.
	uids := make([]int64, 0, len(statuses))
	for uid := range statuses {
		uids = append(uids, uid)
	}
	slices.Sort(uids)
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := lockRow(ctx, db, tx, "live_sessions", sessionID); err != nil && !errors.Is(err, errNotFound) {
			return err
		}
		t := at.UTC().Truncate(time.Microsecond)
		var startsAt time.Time
		if err := tx.GetContext(ctx, &startsAt, db.q(`SELECT starts_at FROM live_sessions WHERE id = ?`), sessionID); err != nil {
			return fmt.Errorf("membaca sesi tatap muka #%d: %w", sessionID, notFound(err))
		}
		if t.Before(startsAt) {
			// Attendance of a session to come would count towards a certificate.
			return ErrSessionNotStarted
		}
		for _, uid := range uids {
			st := statuses[uid]
			if st != domain.AttendPresent && st != domain.AttendExcused && st != domain.AttendAbsent {
				return domain.Errorf(domain.CodeInvalid, "status kehadiran “%s” tidak dikenal", st)
			}
			var n int
			if err := tx.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM live_sessions s JOIN enrollments e ON e.cohort_id = s.cohort_id
				WHERE s.id = ? AND e.user_id = ? AND e.status <> 'keluar'`), sessionID, uid); err != nil {
				return fmt.Errorf("memeriksa peserta: %w", err)
			}
			if n == 0 {
				return domain.Errorf(domain.CodeInvalid, "pengguna #%d bukan peserta angkatan sesi ini", uid)
			}
			_, err := tx.ExecContext(ctx, db.q(`INSERT INTO attendance (session_id, user_id, status, marked_by, marked_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (session_id, user_id) DO UPDATE SET status = excluded.status, marked_by = excluded.marked_by, marked_at = excluded.marked_at`),
				sessionID, uid, st, actorID, t)
			if err != nil {
				return fmt.Errorf("menyimpan kehadiran: %w", err)
			}
		}
		if err := insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &actorID, Action: "attendance.mark", ObjectType: "live_session",
			ObjectID: fmt.Sprint(sessionID), After: statuses}); err != nil {
			return err
		}
		return issueForAttendance(ctx, db, tx, sessionID, statuses, t)
	})
}

// AttendedSessions counts the sessions of a cohort a trainee attended (hadir) — used by certification rules.
func (db *DB) AttendedSessions(ctx context.Context, userID, cohortID int64) (int, error) {
	var n int
	err := db.r.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM attendance a JOIN live_sessions s ON s.id = a.session_id
		WHERE a.user_id = ? AND s.cohort_id = ? AND a.status = 'hadir'`), userID, cohortID)
	if err != nil {
		return 0, fmt.Errorf("menghitung kehadiran: %w", err)
	}
	return n, nil
}
