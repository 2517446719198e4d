package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// Import job states.
const (
	ImportReady   = "siap"
	ImportRunning = "berjalan"
	ImportDone    = "selesai"
	ImportFailed  = "gagal"
)

// ImportPasswordsKept is how long the first passwords of a finished import
// wait for the admin who ran it to download them and say they are saved.
const ImportPasswordsKept = 24 * time.Hour

// CreateImportJob keeps a checked file of total accounts, waiting to start.
func (db *DB) CreateImportJob(ctx context.Context, regionID, adminID int64, fileName, csvText string, total int) (domain.ImportJob, error) {
	var j domain.ImportJob
	t := now()
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		return tx.GetContext(ctx, &j, db.q(`INSERT INTO import_jobs (region_id, admin_id, file_name, csv_text, total, state, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, 'siap', ?, ?) RETURNING *`), regionID, adminID, fileName, csvText, total, t, t)
	})
	if err != nil {
		return j, fmt.Errorf("menyimpan impor: %w", err)
	}
	return j, nil
}

// ImportJob returns one import of the region, or ErrNotFound.
func (db *DB) ImportJob(ctx context.Context, regionID, id int64) (domain.ImportJob, error) {
	var j domain.ImportJob
	err := db.w.GetContext(ctx, &j, db.q(`SELECT * FROM import_jobs WHERE id = ? AND region_id = ?`), id, regionID)
	return j, notFound(err)
}

// StartImportJob moves a waiting import to running, with adminID as the
// admin who runs it, and reports whether this call did: of two clicks at
// once only one starts it.
func (db *DB) StartImportJob(ctx context.Context, regionID, id, adminID int64) (bool, error) {
	var started bool
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, db.q(`UPDATE import_jobs SET state = 'berjalan', admin_id = ?, updated_at = ? WHERE id = ? AND region_id = ? AND state = 'siap'`),
			adminID, now(), id, regionID)
		if err != nil {
			return fmt.Errorf("memulai impor: %w", err)
		}
		n, _ := res.RowsAffected()
		started = n == 1
		return nil
	})
	return started, err
}

// ImportProgress records how many first passwords are made.
func (db *DB) ImportProgress(ctx context.Context, id int64, done int) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, db.q(`UPDATE import_jobs SET done = ?, updated_at = ? WHERE id = ? AND state = 'berjalan'`), done, now(), id)
		if err != nil {
			return fmt.Errorf("mencatat kemajuan impor: %w", err)
		}
		return nil
	})
}

// FinishImportJob stores every account of a running import or none, and in
// the same transaction marks it done, drops the file's text and keeps the
// sealed first passwords until ImportPasswordsKept after now.
func (db *DB) FinishImportJob(ctx context.Context, id, actorID int64, nus []domain.NewUser, sealed string, now time.Time) ([]domain.User, error) {
	order, err := usersOrder(nus)
	if err != nil {
		return nil, err
	}
	var us []domain.User
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, db.q(`UPDATE import_jobs SET state = 'selesai', done = total, csv_text = '', passwords = ?, passwords_until = ?, updated_at = ?
			WHERE id = ? AND state = 'berjalan'`), sealed, now.UTC().Add(ImportPasswordsKept), now.UTC(), id)
		if err != nil {
			return fmt.Errorf("menyelesaikan impor: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Errorf(domain.CodeConflict, "impor ini tidak sedang berjalan")
		}
		us, err = insertUsers(ctx, db, tx, &actorID, nus, order)
		return err
	})
	return us, err
}

// FailImportJob ends a running import that stored nothing, with the reason.
func (db *DB) FailImportJob(ctx context.Context, id int64, problem string) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, db.q(`UPDATE import_jobs SET state = 'gagal', problem = ?, csv_text = '', updated_at = ? WHERE id = ? AND state = 'berjalan'`),
			problem, now(), id)
		if err != nil {
			return fmt.Errorf("mencatat impor yang gagal: %w", err)
		}
		return nil
	})
}

// ImportPasswords returns the sealed first passwords of a finished import of
// the region to adminID, the admin who ran it, while they are kept at t, and
// notes the first download; they stay for another download until
// ForgetImportPasswords or their time ends. For any other admin the file
// does not exist (ErrNotFound); once wiped it is a CodeConflict.
func (db *DB) ImportPasswords(ctx context.Context, regionID, id, adminID int64, t time.Time) (string, error) {
	var j domain.ImportJob
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := tx.GetContext(ctx, &j, db.q(`SELECT * FROM import_jobs WHERE id = ? AND region_id = ? AND admin_id = ? AND state = 'selesai'`),
			id, regionID, adminID); err != nil {
			return notFound(err)
		}
		if !j.PasswordsKept(t) {
			return domain.Errorf(domain.CodeConflict, "kata sandi awal impor ini sudah dihapus dari server")
		}
		_, err := tx.ExecContext(ctx, db.q(`UPDATE import_jobs SET downloaded_at = ? WHERE id = ? AND downloaded_at IS NULL`), t.UTC(), id)
		if err != nil {
			return fmt.Errorf("mencatat unduhan kata sandi: %w", err)
		}
		return nil
	})
	return j.Passwords, err
}

// ForgetImportPasswords wipes the first passwords of an import at adminID's
// word that they are saved; only the admin who ran it can, and only after a
// download. It reports whether they were wiped now.
func (db *DB) ForgetImportPasswords(ctx context.Context, regionID, id, adminID int64, t time.Time) (bool, error) {
	var wiped bool
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, db.q(`UPDATE import_jobs SET passwords = '', passwords_wiped_at = ?
			WHERE id = ? AND region_id = ? AND admin_id = ? AND state = 'selesai' AND passwords_wiped_at IS NULL AND downloaded_at IS NOT NULL`),
			t.UTC(), id, regionID, adminID)
		if err != nil {
			return fmt.Errorf("menghapus kata sandi awal: %w", err)
		}
		n, _ := res.RowsAffected()
		wiped = n == 1
		return nil
	})
	return wiped, err
}

// WipeExpiredImportPasswords wipes the first passwords whose time ended by t
// (downloaded or not) and reports how many imports had them.
func (db *DB) WipeExpiredImportPasswords(ctx context.Context, t time.Time) (int64, error) {
	var n int64
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, db.q(`UPDATE import_jobs SET passwords = '', passwords_wiped_at = passwords_until
			WHERE passwords_wiped_at IS NULL AND passwords_until IS NOT NULL AND passwords_until <= ?`), t.UTC())
		if err != nil {
			return fmt.Errorf("menghapus kata sandi awal yang habis waktunya: %w", err)
		}
		n, _ = res.RowsAffected()
		return nil
	})
	return n, err
}
