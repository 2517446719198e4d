package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

const certificateViewSQL = `SELECT c.*, u.name AS holder_name, u.opd_id, COALESCE(o.name, '') AS opd_name,
		co.title AS course_title, co.certificate_title, co.hours, e.cohort_id, h.name AS cohort_name,
		r.name AS region_name, r.timezone AS region_timezone, COALESCE(rb.name, '') AS revoked_by_name
	FROM certificates c
	JOIN users u ON u.id = c.user_id
	LEFT JOIN opds o ON o.id = u.opd_id
	JOIN courses co ON co.id = c.course_id
	JOIN enrollments e ON e.id = c.enrollment_id
	JOIN cohorts h ON h.id = e.cohort_id
	JOIN regions r ON r.id = c.region_id
	LEFT JOIN users rb ON rb.id = c.revoked_by`

// completion is what decides whether an enrollment has earned its certificate.
type completion struct {
	EnrollmentID       int64                   `db:"enrollment_id"`
	UserID             int64                   `db:"user_id"`
	Status             domain.EnrollmentStatus `db:"status"`
	RegionID           int64                   `db:"region_id"`
	RegionCode         string                  `db:"region_code"`
	RegionTimezone     string                  `db:"region_timezone"`
	CourseID           string                  `db:"course_id"`
	CourseTitle        string                  `db:"course_title"`
	CertificateTitle   string                  `db:"certificate_title"`
	ValidityMonths     int                     `db:"validity_months"`
	RequiredAttendance int                     `db:"required_attendance"`
	CourseRemovedAt    *time.Time              `db:"course_removed_at"`
	Issued             int                     `db:"issued"`
	// Pending counts the required items not yet done (RequiredItem.Done):
	// while any is, the requirements need not be read.
	Pending int `db:"pending"`
}

// completionSQL reads, for one enrollment, what issuing needs besides the
// requirements themselves (domain.Requirements, read by readRequirements).
const completionSQL = `SELECT e.id AS enrollment_id, e.user_id, e.status, h.region_id, r.code AS region_code,
		r.timezone AS region_timezone, co.id AS course_id, co.title AS course_title, co.certificate_title,
		co.validity_months, co.required_attendance, co.removed_at AS course_removed_at,
		(SELECT COUNT(*) FROM certificates x WHERE x.enrollment_id = e.id) AS issued, ` + pendingSQL + ` AS pending
	FROM enrollments e
	JOIN cohorts h ON h.id = e.cohort_id
	JOIN courses co ON co.id = h.course_id
	JOIN regions r ON r.id = h.region_id
	WHERE e.id = ?`

// pendingSQL counts an enrollment's (e, its cohort h) required items not yet done.
const pendingSQL = `(SELECT COUNT(*) FROM course_items i LEFT JOIN progress p ON p.enrollment_id = e.id AND p.item_id = i.item_id
			WHERE i.course_id = h.course_id AND i.required AND i.removed_at IS NULL
			AND COALESCE(p.state, '') <> '` + domain.StatePassed + `'
			AND NOT (COALESCE(p.state, '') = '` + domain.StateDone + `' AND i.kind = 'lesson'))`

// dueCheckSQL is the part of completionSQL that mayBeDue reads, for
// SetItemState after every item done or passed: without the names and the
// region PostgreSQL plans it in half the time (0.23 against 0.53 ms, most of
// the statement's cost).
const dueCheckSQL = `SELECT e.id AS enrollment_id, co.validity_months,
		(SELECT COUNT(*) FROM certificates x WHERE x.enrollment_id = e.id) AS issued, ` + pendingSQL + ` AS pending
	FROM enrollments e
	JOIN cohorts h ON h.id = e.cohort_id
	JOIN courses co ON co.id = h.course_id
	WHERE e.id = ?`

// mayBeDue reports whether the requirements are worth reading: no
// certificate yet, the course gives one, and every required item done.
func (c completion) mayBeDue() bool {
	return c.Issued == 0 && c.ValidityMonths > 0 && c.Pending == 0
}

// due reports whether every requirement holds (req.Met, the rule the
// checklist shows) and no certificate exists yet.
func (c completion) due(req *domain.Requirements) bool {
	return c.Issued == 0 && req != nil && req.Met() &&
		c.ValidityMonths > 0 && c.Status != domain.EnrollmentLeft && c.CourseRemovedAt == nil
}

// issueIfComplete issues the enrollment's certificate when the transaction
// it runs in has just completed the last requirement. It is called at the end
// of every transaction that can do so (an item done or passed, a practice
// approved, attendance taken) and is a cheap no-op otherwise.
//
// Exactly once: on PostgreSQL the enrollment row is locked first, so two
// transactions completing the last two requirements at once take turns and
// the second sees the first's work (without the lock each would miss the
// other's uncommitted change and neither would issue); on SQLite the single
// writer serialises them anyway. The UNIQUE enrollment_id is the last line:
// a violation there means "already issued" and leaves the caller's
// transaction intact.
func issueIfComplete(ctx context.Context, db *DB, tx *sqlx.Tx, enrollmentID int64, now time.Time) (issued bool, err error) {
	if db.Dialect == Postgres {
		// NO KEY UPDATE does not conflict with the KEY SHARE locks that the
		// foreign keys of progress and attendance rows take on the same
		// enrollment, so it cannot deadlock with them.
		var id int64
		if err := tx.GetContext(ctx, &id, db.q(`SELECT id FROM enrollments WHERE id = ? FOR NO KEY UPDATE`), enrollmentID); err != nil {
			return false, fmt.Errorf("mengunci pendaftaran #%d: %w", enrollmentID, notFound(err))
		}
	}
	var c completion
	if err := tx.GetContext(ctx, &c, db.q(completionSQL), enrollmentID); err != nil {
		return false, fmt.Errorf("memeriksa persyaratan sertifikat: %w", notFound(err))
	}
	if !c.mayBeDue() {
		return false, nil // no need to read the requirements
	}
	reqs, err := readRequirements(ctx, db, tx, []int64{enrollmentID}, false)
	if err != nil {
		return false, err
	}
	if !c.due(reqs[enrollmentID]) {
		return false, nil
	}
	cert, ok, err := insertCertificate(ctx, db, tx, c, now.UTC().Truncate(time.Microsecond))
	if err != nil || !ok {
		return false, err
	}
	if err := insertAudit(ctx, db, tx, domain.AuditEntry{Action: "certificate.issue", ObjectType: "certificate", ObjectID: fmt.Sprint(cert.ID),
		After: map[string]any{"number": cert.Number, "user_id": cert.UserID, "enrollment_id": cert.EnrollmentID,
			"issued_at": cert.IssuedAt, "valid_until": cert.ValidUntil},
		Reason: "Semua persyaratan kelulusan terpenuhi."}); err != nil {
		return false, err
	}
	p := domain.NoticeParams{CertificateID: cert.ID, Number: cert.Number, CourseID: c.CourseID, CourseTitle: c.CourseTitle, CertificateTitle: c.CertificateTitle}
	if err := notify(ctx, db, tx, cert.UserID, domain.NoticeCertificateIssued, p); err != nil {
		return false, err
	}
	return true, nil
}

// issueForAttendance runs issueIfComplete for the trainees a session's
// attendance marked present, in enrollment order so that two attendance
// lists saved at once lock the enrollments in the same order.
func issueForAttendance(ctx context.Context, db *DB, tx *sqlx.Tx, sessionID int64, statuses map[int64]string, now time.Time) error {
	var present []int64
	for uid, st := range statuses {
		if st == domain.AttendPresent {
			present = append(present, uid)
		}
	}
	if len(present) == 0 {
		return nil
	}
	query, args, err := sqlx.In(`SELECT e.id FROM live_sessions s JOIN enrollments e ON e.cohort_id = s.cohort_id
		WHERE s.id = ? AND e.user_id IN (?)`, sessionID, present)
	if err != nil {
		return fmt.Errorf("menyiapkan pemeriksaan sertifikat: %w", err)
	}
	var ids []int64
	if err := tx.SelectContext(ctx, &ids, db.q(query), args...); err != nil {
		return fmt.Errorf("membaca pendaftaran peserta sesi: %w", err)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		if _, err := issueIfComplete(ctx, db, tx, id, now); err != nil {
			return err
		}
	}
	return nil
}

// codeAttempts bounds retries on the (astronomically unlikely) clash of two random codes.
const codeAttempts = 4

// insertCertificate numbers and stores the certificate of c inside a
// savepoint: the counter bump and the insert are undone together when the
// enrollment already has a certificate, so numbers have no gaps and the
// caller's transaction goes on. ok is false in that case.
func insertCertificate(ctx context.Context, db *DB, tx *sqlx.Tx, c completion, issuedAt time.Time) (cert domain.Certificate, ok bool, err error) {
	zone := certify.Zone(c.RegionTimezone)
	validUntil, err := certify.ValidUntil(issuedAt, c.ValidityMonths, zone)
	if err != nil {
		return cert, false, fmt.Errorf("menghitung masa berlaku sertifikat: %w", err)
	}
	year := issuedAt.In(zone).Year()
	for attempt := 1; ; attempt++ {
		if _, err := tx.ExecContext(ctx, `SAVEPOINT certificate_issue`); err != nil {
			return cert, false, fmt.Errorf("menyiapkan penerbitan sertifikat: %w", err)
		}
		cert, err = insertCertificateRow(ctx, db, tx, c, year, issuedAt, validUntil)
		if err == nil {
			if _, err := tx.ExecContext(ctx, `RELEASE SAVEPOINT certificate_issue`); err != nil {
				return cert, false, fmt.Errorf("menyelesaikan penerbitan sertifikat: %w", err)
			}
			return cert, true, nil
		}
		if !isUniqueViolation(err) {
			return cert, false, err
		}
		// On PostgreSQL a failed statement spoils the transaction until it
		// rolls back to the savepoint, which also takes back the number.
		if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT certificate_issue`); rerr != nil {
			return cert, false, fmt.Errorf("membatalkan penerbitan sertifikat: %w", rerr)
		}
		if _, rerr := tx.ExecContext(ctx, `RELEASE SAVEPOINT certificate_issue`); rerr != nil {
			return cert, false, fmt.Errorf("membatalkan penerbitan sertifikat: %w", rerr)
		}
		var n int
		if qerr := tx.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM certificates WHERE enrollment_id = ?`), c.EnrollmentID); qerr != nil {
			return cert, false, fmt.Errorf("memeriksa sertifikat yang sudah terbit: %w", qerr)
		}
		if n > 0 {
			return domain.Certificate{}, false, nil // another transaction issued it first
		}
		if attempt == codeAttempts {
			return cert, false, fmt.Errorf("menerbitkan sertifikat: %w", err)
		}
	}
}

func insertCertificateRow(ctx context.Context, db *DB, tx *sqlx.Tx, c completion, year int, issuedAt, validUntil time.Time) (domain.Certificate, error) {
	var cert domain.Certificate
	// One statement on both engines: a row per region and year, bumped in
	// this transaction, so a failed issue gives its number back.
	var seq int
	err := tx.GetContext(ctx, &seq, db.q(`INSERT INTO certificate_counters (region_id, year, last_seq) VALUES (?, ?, 1)
		ON CONFLICT (region_id, year) DO UPDATE SET last_seq = certificate_counters.last_seq + 1
		RETURNING last_seq`), c.RegionID, year)
	if err != nil {
		return cert, fmt.Errorf("menomori sertifikat: %w", err)
	}
	code, err := certify.NewCode()
	if err != nil {
		return cert, err
	}
	err = tx.GetContext(ctx, &cert, db.q(`INSERT INTO certificates (region_id, user_id, enrollment_id, course_id, year, seq, number, code, issued_at, valid_until, signer_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (`+currentSignerSQL+`)) RETURNING *`),
		c.RegionID, c.UserID, c.EnrollmentID, c.CourseID, year, seq, certify.Number(year, c.RegionCode, seq), code, issuedAt, validUntil, c.RegionID)
	if err != nil {
		return cert, fmt.Errorf("menyimpan sertifikat: %w", err)
	}
	return cert, nil
}

// CertificateByID returns one certificate with what its pages show.
func (db *DB) CertificateByID(ctx context.Context, id int64) (domain.CertificateView, error) {
	var v domain.CertificateView
	err := db.r.GetContext(ctx, &v, db.q(certificateViewSQL+` WHERE c.id = ?`), id)
	return v, notFound(err)
}

// CertificateByCode finds a certificate by its verification code as stored
// (certify.ParseCode normalises what people type), or ErrNotFound.
func (db *DB) CertificateByCode(ctx context.Context, code string) (domain.CertificateView, error) {
	var v domain.CertificateView
	err := db.getHot(ctx, &v, certificateViewSQL+` WHERE c.code = ?`, code)
	return v, notFound(err)
}

// CertificateOfEnrollment returns the certificate an enrollment earned, or ErrNotFound.
func (db *DB) CertificateOfEnrollment(ctx context.Context, enrollmentID int64) (domain.CertificateView, error) {
	var v domain.CertificateView
	err := db.r.GetContext(ctx, &v, db.q(certificateViewSQL+` WHERE c.enrollment_id = ?`), enrollmentID)
	return v, notFound(err)
}

// maxCertificatesOfUser bounds a trainee's list; a person earns a handful in a career.
const maxCertificatesOfUser = 100

// CertificatesOfUser lists a trainee's certificates, newest first, revoked and expired ones included.
func (db *DB) CertificatesOfUser(ctx context.Context, userID int64) ([]domain.CertificateView, error) {
	var out []domain.CertificateView
	err := db.selectHot(ctx, &out, certificateViewSQL+` WHERE c.user_id = ? ORDER BY c.issued_at DESC, c.id DESC LIMIT ?`, userID, maxCertificatesOfUser)
	if err != nil {
		return nil, fmt.Errorf("membaca sertifikat: %w", err)
	}
	return out, nil
}

// ExpiringCertificates lists a trainee's certificates that are valid at now
// and end by until, leaving out those already renewed (a later unrevoked
// certificate of the same course that runs longer).
func (db *DB) ExpiringCertificates(ctx context.Context, userID int64, now, until time.Time) ([]domain.CertificateView, error) {
	var out []domain.CertificateView
	err := db.selectHot(ctx, &out, certificateViewSQL+` WHERE c.user_id = ? AND c.revoked_at IS NULL AND c.valid_until > ? AND c.valid_until <= ?
			AND NOT EXISTS (SELECT 1 FROM certificates n WHERE n.user_id = c.user_id AND n.course_id = c.course_id
				AND n.revoked_at IS NULL AND n.valid_until > c.valid_until)
		ORDER BY c.valid_until LIMIT 10`, userID, now.UTC(), until.UTC())
	if err != nil {
		return nil, fmt.Errorf("membaca sertifikat yang akan berakhir: %w", err)
	}
	return out, nil
}

func certificateWhere(f domain.CertificateFilter) (string, []any) {
	w := ` WHERE c.region_id = ?`
	args := []any{f.RegionID}
	switch f.Status {
	case certify.Valid:
		w += ` AND c.revoked_at IS NULL AND c.valid_until > ?`
		args = append(args, f.Now.UTC())
	case certify.Expired:
		w += ` AND c.revoked_at IS NULL AND c.valid_until <= ?`
		args = append(args, f.Now.UTC())
	case certify.Revoked:
		w += ` AND c.revoked_at IS NOT NULL`
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		// The typed text is a literal: % and _ must not act as wildcards.
		esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(q))
		w += ` AND (LOWER(u.name) LIKE ? ESCAPE '\' OR LOWER(c.number) LIKE ? ESCAPE '\')`
		args = append(args, "%"+esc+"%", "%"+esc+"%")
	}
	return w, args
}

// CountCertificates counts a region's certificates that match the filter.
func (db *DB) CountCertificates(ctx context.Context, f domain.CertificateFilter) (int, error) {
	w, args := certificateWhere(f)
	var total int
	if err := db.r.GetContext(ctx, &total, db.q(`SELECT COUNT(*) FROM certificates c JOIN users u ON u.id = c.user_id`+w), args...); err != nil {
		return 0, fmt.Errorf("menghitung sertifikat: %w", err)
	}
	return total, nil
}

// CertificatesOfRegion lists one page of a region's certificates that match
// the filter, newest first.
func (db *DB) CertificatesOfRegion(ctx context.Context, f domain.CertificateFilter, limit, offset int) ([]domain.CertificateView, error) {
	w, args := certificateWhere(f)
	var out []domain.CertificateView
	err := db.r.SelectContext(ctx, &out, db.q(certificateViewSQL+w+` ORDER BY c.issued_at DESC, c.id DESC LIMIT ? OFFSET ?`), append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("membaca sertifikat: %w", err)
	}
	return out, nil
}

// MaxRevokeReason bounds the reason an admin writes when revoking.
const MaxRevokeReason = 500

// RevokeCertificate revokes a certificate with a reason, audit-logged, and
// tells its holder. An empty or overlong reason is invalid; a certificate
// revoked already is a conflict that names when, by whom and why, and
// nothing changes.
func (db *DB) RevokeCertificate(ctx context.Context, in domain.RevokeInput) (domain.CertificateView, error) {
	reason := strings.TrimSpace(in.Reason)
	switch {
	case reason == "":
		return domain.CertificateView{}, domain.Errorf(domain.CodeInvalid, "Alasan pencabutan wajib diisi.")
	case utf8.RuneCountInString(reason) > MaxRevokeReason:
		return domain.CertificateView{}, domain.Errort(domain.CodeInvalid, "Alasan pencabutan paling banyak {{.Max}} karakter; saat ini {{.N}} karakter.",
			map[string]any{"Max": MaxRevokeReason, "N": utf8.RuneCountInString(reason)})
	}
	at := in.Now.UTC().Truncate(time.Microsecond)
	var v domain.CertificateView
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := tx.GetContext(ctx, &v, db.q(certificateViewSQL+` WHERE c.id = ? AND c.region_id = ?`), in.CertificateID, in.RegionID); err != nil {
			return notFound(err)
		}
		if v.RevokedAt != nil {
			return alreadyRevoked(v)
		}
		res, err := tx.ExecContext(ctx, db.q(`UPDATE certificates SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL`),
			at, in.ActorID, reason, v.ID)
		if err != nil {
			return fmt.Errorf("mencabut sertifikat: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			// Another admin revoked it between the read and the update.
			if err := tx.GetContext(ctx, &v, db.q(certificateViewSQL+` WHERE c.id = ?`), v.ID); err != nil {
				return notFound(err)
			}
			return alreadyRevoked(v)
		}
		if err := insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &in.ActorID, Action: "certificate.revoke", ObjectType: "certificate",
			ObjectID: fmt.Sprint(v.ID), Before: map[string]any{"number": v.Number, "status": string(v.StatusAt(at))},
			After: map[string]any{"number": v.Number, "status": string(certify.Revoked), "revoked_at": at}, Reason: reason}); err != nil {
			return err
		}
		p := domain.NoticeParams{CertificateID: v.ID, Number: v.Number, CourseID: v.CourseID, CourseTitle: v.CourseTitle,
			CertificateTitle: v.CertificateTitle, Reason: reason}
		if err := notify(ctx, db, tx, v.UserID, domain.NoticeCertificateRevoked, p); err != nil {
			return err
		}
		return tx.GetContext(ctx, &v, db.q(certificateViewSQL+` WHERE c.id = ?`), v.ID)
	})
	return v, err
}

func alreadyRevoked(v domain.CertificateView) error {
	data := map[string]any{"Number": v.Number, "Date": i18n.Date(v.RevokedAt.In(certify.Zone(v.RegionTimezone))), "By": v.RevokedByName, "Reason": v.RevokeReason}
	if v.RevokedByName != "" {
		return domain.Errort(domain.CodeConflict, "Sertifikat {{.Number}} sudah dicabut pada {{.Date}} oleh {{.By}} dengan alasan “{{.Reason}}”; tidak ada yang diubah.", data)
	}
	return domain.Errort(domain.CodeConflict, "Sertifikat {{.Number}} sudah dicabut pada {{.Date}} dengan alasan “{{.Reason}}”; tidak ada yang diubah.", data)
}

// SeedCertificateInput places a certificate in the past, for demo data.
type SeedCertificateInput struct {
	EnrollmentID int64
	IssuedAt     time.Time
	// Revoke, when set, revokes the certificate at RevokedAt by RevokedBy with Reason.
	RevokedAt *time.Time
	RevokedBy *int64
	Reason    string
}

// SeedCertificate issues the enrollment's certificate at a chosen moment,
// without checking the requirements: it exists so the demo can show valid,
// expired and revoked certificates. Numbers come from the same counters as
// real issues. An enrollment with a certificate already gets it back unchanged.
func (db *DB) SeedCertificate(ctx context.Context, in SeedCertificateInput) (domain.CertificateView, error) {
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		var c completion
		if err := tx.GetContext(ctx, &c, db.q(completionSQL), in.EnrollmentID); err != nil {
			return notFound(err)
		}
		if c.Issued > 0 {
			return nil
		}
		if c.ValidityMonths == 0 {
			return domain.Errorf(domain.CodeInvalid, "kursus %s tidak menerbitkan sertifikat", c.CourseID)
		}
		cert, ok, err := insertCertificate(ctx, db, tx, c, in.IssuedAt.UTC().Truncate(time.Microsecond))
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if err := insertAudit(ctx, db, tx, domain.AuditEntry{Action: "certificate.issue", ObjectType: "certificate", ObjectID: fmt.Sprint(cert.ID),
			After: map[string]any{"number": cert.Number, "user_id": cert.UserID, "issued_at": cert.IssuedAt}, Reason: "Data demo."}); err != nil {
			return err
		}
		if in.RevokedAt == nil {
			return nil
		}
		reason := strings.TrimSpace(in.Reason)
		if reason == "" {
			return errors.New("sertifikat demo yang dicabut memerlukan alasan")
		}
		_, err = tx.ExecContext(ctx, db.q(`UPDATE certificates SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?`),
			in.RevokedAt.UTC().Truncate(time.Microsecond), in.RevokedBy, reason, cert.ID)
		if err != nil {
			return fmt.Errorf("mencabut sertifikat demo: %w", err)
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: in.RevokedBy, Action: "certificate.revoke", ObjectType: "certificate",
			ObjectID: fmt.Sprint(cert.ID), After: map[string]any{"number": cert.Number, "status": string(certify.Revoked)}, Reason: reason})
	})
	if err != nil {
		return domain.CertificateView{}, fmt.Errorf("sertifikat demo: %w", err)
	}
	return db.CertificateOfEnrollment(ctx, in.EnrollmentID)
}

// HitLookupLimit counts one request of an address in the current window of
// the given length and returns how many it has made in that window,
// this one included. The count lives in the database, so every app process
// shares it. Opening a new window also clears windows older than an hour.
func (db *DB) HitLookupLimit(ctx context.Context, scope, address string, now time.Time, window time.Duration) (int, error) {
	start := now.UTC().Truncate(window)
	var hits int
	err := db.w.GetContext(ctx, &hits, db.q(`INSERT INTO lookup_limits (scope, address, window_start, hits) VALUES (?, ?, ?, 1)
		ON CONFLICT (scope, address, window_start) DO UPDATE SET hits = lookup_limits.hits + 1
		RETURNING hits`), scope, address, start)
	if err != nil {
		return 0, fmt.Errorf("menghitung permintaan: %w", err)
	}
	if hits == 1 {
		if _, err := db.w.ExecContext(ctx, db.q(`DELETE FROM lookup_limits WHERE window_start < ?`), start.Add(-time.Hour)); err != nil {
			return hits, fmt.Errorf("membersihkan hitungan permintaan: %w", err)
		}
	}
	return hits, nil
}
