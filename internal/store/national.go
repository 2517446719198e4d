package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// NationalScale says how much data GenerateNational makes.
type NationalScale struct {
	OPDs, Trainees, Versions int
}

// National is the scale of DESIGN.md §14: the region dashboard must stay
// within budget over this much data in one region (the worst case: a whole
// country's OPDs on one dashboard).
var National = NationalScale{OPDs: 25000, Trainees: 100000, Versions: 1000000}

// NationalData says what GenerateNational made.
type NationalData struct {
	RegionID int64
	CourseID string
	// SampleOPD is an OPD with accounts, a designated admin and a certificate.
	SampleOPD int64
}

// nationalCourse is the synthetic course every generated trainee takes:
// 10 lessons, 3 quizzes and 2 practice releases.
const nationalCourse = "kursus-nasional"

// The triggers of migration 00007, switched off during the bulk load (one
// recount at the end is far cheaper than one per row) and back on after.
var statsTriggers = []struct{ table, name string }{
	{"opds", "opd_stats_opd"}, {"social_accounts", "opd_stats_account"}, {"users", "opd_stats_user"},
	{"certificates", "opd_stats_certificate"}, {"submission_versions", "opd_stats_version"},
	{"quiz_attempts", "opd_stats_quiz"}, {"progress", "opd_stats_progress"},
}

// GenerateNational fills a PostgreSQL database with a region of sc.OPDs
// OPDs, sc.Trainees trainees (a quarter of them designated admins), official
// accounts for four OPDs in five, one enrollment per trainee with lesson
// progress, two practice submissions each sharing sc.Versions versions, and
// certificates issued over the past two years (valid, expired, revoked). It
// works set-based (INSERT … SELECT generate_series) in one transaction, with
// the counting triggers off and one recount at the end, and analyses the
// tables so the planner sees their real sizes. It is meant for an empty
// database or schema: switching triggers off locks the tables.
// regionSlug must be new. now anchors every date. SQLite is refused.
func (db *DB) GenerateNational(ctx context.Context, regionSlug string, sc NationalScale, now time.Time) (NationalData, error) {
	var out NationalData
	if db.Dialect != Postgres {
		return out, errors.New("data skala nasional hanya dibuat di PostgreSQL")
	}
	if sc.OPDs < 1 || sc.Trainees < sc.OPDs || sc.Versions < 2*sc.Trainees {
		return out, fmt.Errorf("skala tidak masuk akal: %+v (perlu OPD ≥ 1, peserta ≥ OPD, versi ≥ 2 × peserta)", sc)
	}
	now = now.UTC().Truncate(time.Microsecond)
	out.CourseID = nationalCourse
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		for _, tr := range statsTriggers {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`ALTER TABLE %s DISABLE TRIGGER %s`, tr.table, tr.name)); err != nil {
				return fmt.Errorf("mematikan pemicu %s: %w", tr.name, err)
			}
		}
		if err := tx.GetContext(ctx, &out.RegionID, `INSERT INTO regions (slug, name, code, created_at)
			VALUES ($1, $2, 'NAS', $3) RETURNING id`, regionSlug, "Data Skala Nasional "+regionSlug, now); err != nil {
			return fmt.Errorf("membuat wilayah nasional: %w", err)
		}
		steps := []struct {
			what  string
			query string
			args  []any
		}{
			{"kursus", `INSERT INTO courses (id, title, summary, hours, content_hash, synced_at)
				VALUES ($1, 'Kursus Skala Nasional', '', 12, 'nasional', $2) ON CONFLICT (id) DO NOTHING`, []any{nationalCourse, now}},
			{"butir kursus", `INSERT INTO course_items (course_id, item_id, kind, title, module_id, position, content_hash, synced_at)
				SELECT $1, 'butir-' || g, CASE WHEN g <= 10 THEN 'lesson' WHEN g <= 13 THEN 'quiz' ELSE 'practice' END,
				       'Butir ' || g, 'modul', g, 'nasional', $2
				FROM generate_series(1, 15) g ON CONFLICT DO NOTHING`, []any{nationalCourse, now}},
			{"OPD", `INSERT INTO opds (region_id, name, short_name, kind, created_at)
				SELECT $1, 'OPD Nasional ' || lpad(g::text, 6, '0'), 'N' || g,
				       (ARRAY['sekretariat','bagian','inspektorat','dinas','badan','satuan','rsud','kecamatan','kelurahan','lainnya'])[1 + (g / 3) % 10],
				       $2 FROM generate_series(0, $3 - 1) g`, []any{out.RegionID, now, sc.OPDs}},
			// Trainee g belongs to OPD g mod OPDs; the first trainee of nine OPDs
			// in ten is designated, and a second one in every third OPD.
			{"peserta", `INSERT INTO users (region_id, opd_id, email, name, role, is_designated_admin, password_hash, active, created_at, password_changed_at)
				SELECT $1, o.id, 'peserta' || g || '@' || $2 || '.nasional.test', 'Peserta Nasional ' || g, 'peserta',
				       (g < $3 AND g % 10 <> 7) OR (g >= $3 AND g < 2 * $3 AND g % 3 = 0), '!tanpa-login', TRUE, $4, $4
				FROM generate_series(0, $5 - 1) g
				JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM opds WHERE region_id = $1) o ON o.i = g % $3`,
				[]any{out.RegionID, regionSlug, sc.OPDs, now, sc.Trainees}},
			{"akun resmi", `INSERT INTO social_accounts (opd_id, platform, handle, url, created_at)
				SELECT o.id, p.platform, 'opd' || o.i, 'https://' || p.host || '/opd' || o.i, $2
				FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM opds WHERE region_id = $1) o
				JOIN (VALUES ('instagram', 'instagram.com', 0), ('facebook', 'facebook.com', 1)) AS p (platform, host, k)
				  ON o.i % 5 <> 2 AND (p.k = 0 OR o.i % 2 = 0)`, []any{out.RegionID, now}},
			// One cohort per 200 trainees, over the past two years.
			{"angkatan", `INSERT INTO cohorts (region_id, course_id, name, starts_on, ends_on, created_at)
				SELECT $1, $2, 'Angkatan Nasional ' || g, ($3::timestamptz - (g % 24) * interval '1 month')::date,
				       ($3::timestamptz - (g % 24) * interval '1 month' + interval '1 month')::date, $3
				FROM generate_series(0, GREATEST($4 / 200, 1) - 1) g`, []any{out.RegionID, nationalCourse, now, sc.Trainees}},
			{"pendaftaran", `INSERT INTO enrollments (cohort_id, user_id, status, created_at)
				SELECT c.id, u.id, 'aktif', $2
				FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM users WHERE region_id = $1 AND role = 'peserta') u
				JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i, count(*) OVER () AS n FROM cohorts WHERE region_id = $1) c
				  ON c.i = u.i % c.n`, []any{out.RegionID, now}},
			// Lessons done: 0 to 10 per trainee, the last one up to a year ago.
			{"kemajuan", `INSERT INTO progress (enrollment_id, course_id, item_id, state, content_hash, started_at, updated_at)
				SELECT e.id, $2, 'butir-' || k, 'selesai', 'nasional',
				       $3::timestamptz - ((e.id % 365) * interval '1 day') - interval '1 hour',
				       $3::timestamptz - ((e.id % 365) * interval '1 day') + k * interval '1 minute'
				FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
				CROSS JOIN generate_series(1, 10) k
				WHERE c.region_id = $1 AND k <= e.id % 11`, []any{out.RegionID, nationalCourse, now}},
			// Two in a hundred wait for a review, as in a region whose
			// facilitators keep up; the rest were decided.
			{"pengumpulan", `INSERT INTO submissions (enrollment_id, user_id, course_id, item_id, state, versions, submitted_at, created_at, updated_at)
				SELECT e.id, e.user_id, $2, 'butir-' || k,
				       CASE (e.id + k) % 100 WHEN 0 THEN 'submitted' WHEN 1 THEN 'in_review'
				            ELSE (ARRAY['approved','approved','approved','returned','rejected'])[1 + (e.id + k) % 5] END,
				       0, $3, $3, $3
				FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id CROSS JOIN generate_series(14, 15) k
				WHERE c.region_id = $1`, []any{out.RegionID, nationalCourse, now}},
			// sc.Versions versions spread evenly over the submissions.
			{"versi rilis", `INSERT INTO submission_versions (submission_id, number, headline, body, report_json, grader_version, auto_score, submit_key, created_at)
				SELECT s.id, n, 'Rilis uji ' || s.id || ' versi ' || n,
				       'SUKAMAJU – Teks rilis uji skala nasional nomor ' || s.id || ', versi ' || n || '.',
				       '{}', 'nasional', 40 + (s.id + n) % 60, 'kunci-' || n,
				       $2::timestamptz - ((s.id % 365) * interval '1 day') + n * interval '1 hour'
				FROM (SELECT sub.id, row_number() OVER (ORDER BY sub.id) - 1 AS i, count(*) OVER () AS total
				      FROM submissions sub JOIN users u ON u.id = sub.user_id WHERE u.region_id = $1) s
				CROSS JOIN LATERAL generate_series(1, $3 / s.total + CASE WHEN s.i < $3 % s.total THEN 1 ELSE 0 END) n`,
				[]any{out.RegionID, now, sc.Versions}},
			{"jumlah versi", `UPDATE submissions sub SET versions = v.n
				FROM (SELECT submission_id, COUNT(*) AS n FROM submission_versions GROUP BY submission_id) v, users u
				WHERE v.submission_id = sub.id AND u.id = sub.user_id AND u.region_id = $1`, []any{out.RegionID}},
			// Three trainees in five hold a certificate, issued over the past two
			// years for twelve months; one in fifty was revoked.
			{"sertifikat", `INSERT INTO certificates (region_id, user_id, enrollment_id, course_id, year, seq, number, code,
				       issued_at, valid_until, revoked_at, revoke_reason)
				SELECT $1, e.user_id, e.id, $2, EXTRACT(YEAR FROM x.issued)::int, e.id,
				       'BMT/' || EXTRACT(YEAR FROM x.issued)::int || '/NAS/' || lpad(e.id::text, 7, '0'),
				       'NAS' || lpad(e.id::text, 9, '0'),
				       x.issued, x.issued + interval '12 months',
				       CASE WHEN e.id % 50 = 0 THEN x.issued + interval '1 month' END,
				       CASE WHEN e.id % 50 = 0 THEN 'dicabut saat pembuatan data uji' ELSE '' END
				FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
				CROSS JOIN LATERAL (SELECT $3::timestamptz - ((e.id * 7) % 730) * interval '1 day' - interval '2 hours' AS issued) x
				WHERE c.region_id = $1 AND e.id % 5 < 3`, []any{out.RegionID, nationalCourse, now}},
		}
		for _, st := range steps {
			if _, err := tx.ExecContext(ctx, st.query, st.args...); err != nil {
				return fmt.Errorf("membuat %s: %w", st.what, err)
			}
		}
		for _, tr := range statsTriggers {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`ALTER TABLE %s ENABLE TRIGGER %s`, tr.table, tr.name)); err != nil {
				return fmt.Errorf("menyalakan pemicu %s: %w", tr.name, err)
			}
		}
		// Fresh statistics, or the planner takes the new tables for empty ones.
		for _, t := range []string{"opds", "users", "social_accounts", "cohorts", "enrollments", "progress",
			"submissions", "submission_versions", "certificates", "course_items", "quiz_attempts"} {
			if _, err := tx.ExecContext(ctx, `ANALYZE `+t); err != nil {
				return fmt.Errorf("menganalisis %s: %w", t, err)
			}
		}
		if _, err := rebuildStats(ctx, db, tx, out.RegionID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `ANALYZE opd_stats, admin_certs`); err != nil {
			return fmt.Errorf("menganalisis statistik: %w", err)
		}
		return tx.GetContext(ctx, &out.SampleOPD, `SELECT opd_id FROM opd_stats
			WHERE region_id = $1 AND accounts > 0 AND designated_admins > 0 AND cert_until > $2 ORDER BY opd_id LIMIT 1`, out.RegionID, now)
	})
	if err != nil {
		return out, fmt.Errorf("data skala nasional: %w", err)
	}
	return out, nil
}

// TidyComplianceStats vacuums and analyses the compliance tables on
// PostgreSQL, as autovacuum does within a minute of a bulk change: a
// benchmark run right after GenerateNational and the first recount of every
// status then measures the steady state, not 25,000 dead row versions.
func (db *DB) TidyComplianceStats(ctx context.Context) error {
	if db.Dialect != Postgres {
		return nil
	}
	if _, err := db.w.ExecContext(ctx, `VACUUM ANALYZE opd_stats, admin_certs, compliance_tally`); err != nil {
		return fmt.Errorf("merapikan tabel kepatuhan: %w", err)
	}
	return nil
}
