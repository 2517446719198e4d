package store

import (
	"context"
	"fmt"

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

// StartImportJob moves a waiting import to running and reports whether this
// call did: of two clicks at once only one starts it.
func (db *DB) StartImportJob(ctx context.Context, regionID, id int64) (bool, error) {
	var started bool
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, db.q(`UPDATE import_jobs SET state = 'berjalan', updated_at = ? WHERE id = ? AND region_id = ? AND state = 'siap'`),
			now(), id, regionID)
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
// sealed first passwords for one download.
func (db *DB) FinishImportJob(ctx context.Context, id, actorID int64, nus []domain.NewUser, sealed string) ([]domain.User, error) {
	order, err := usersOrder(nus)
	if err != nil {
		return nil, err
	}
	var us []domain.User
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, db.q(`UPDATE import_jobs SET state = 'selesai', done = total, csv_text = '', passwords = ?, updated_at = ?
			WHERE id = ? AND state = 'berjalan'`), sealed, now(), id)
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

// TakeImportPasswords returns the sealed first passwords of a finished import
// of the region and deletes them: they are given out once. A second call is
// a CodeConflict.
func (db *DB) TakeImportPasswords(ctx context.Context, regionID, id int64) (string, error) {
	var sealed string
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := tx.GetContext(ctx, &sealed, db.q(`SELECT passwords FROM import_jobs WHERE id = ? AND region_id = ? AND state = 'selesai'`), id, regionID); err != nil {
			return notFound(err)
		}
		res, err := tx.ExecContext(ctx, db.q(`UPDATE import_jobs SET passwords = '', downloaded_at = ? WHERE id = ? AND downloaded_at IS NULL`), now(), id)
		if err != nil {
			return fmt.Errorf("mencatat unduhan kata sandi: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 || sealed == "" {
			return domain.Errorf(domain.CodeConflict, "kata sandi awal impor ini sudah diunduh dan tidak disimpan lagi")
		}
		return nil
	})
	return sealed, err
}
