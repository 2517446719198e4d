package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Rescued text is kept for RescueLifetime; one address may leave at most
// RescuesPerHour rows in an hour.
const (
	RescueLifetime = 24 * time.Hour
	RescuesPerHour = 30
)

// Rescue is text sent after a session expired, kept for the browser that sent it.
type Rescue struct {
	ID       string
	Path     string // the practice item's page
	Headline string
	Body     string
	Browser  string // SHA-256 (hex) of the browser's rescue cookie
	Address  string
}

// RescueText keeps r unless its address already left RescuesPerHour rows in
// the last hour; ok reports whether it was kept. Counting and writing happen
// under one lock, so simultaneous requests cannot pass the limit together.
func (db *DB) RescueText(ctx context.Context, r Rescue) (ok bool, err error) {
	t := now()
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		ok = false // a retried transaction decides afresh
		if db.Dialect == Postgres {
			// SQLite needs no lock: its one writer runs write transactions in turn.
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7303, hashtext($1))`, r.Address); err != nil {
				return fmt.Errorf("mengunci teks yang diselamatkan: %w", err)
			}
		}
		var n int
		if err := tx.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM rescued_texts WHERE address = ? AND created_at > ?`), r.Address, t.Add(-time.Hour)); err != nil {
			return fmt.Errorf("menghitung teks yang diselamatkan: %w", err)
		}
		if n >= RescuesPerHour {
			return nil
		}
		if _, err := tx.ExecContext(ctx, db.q(`INSERT INTO rescued_texts (id, path, headline, body, browser, address, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
			r.ID, r.Path, r.Headline, r.Body, r.Browser, r.Address, t); err != nil {
			return fmt.Errorf("menyimpan teks: %w", err)
		}
		ok = true
		return nil
	})
	return ok, err
}

// TakeRescuedText returns and deletes the rescued text with this id written by
// this browser on this page within RescueLifetime; otherwise ErrNotFound.
func (db *DB) TakeRescuedText(ctx context.Context, id, browser, path string) (headline, body string, err error) {
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		row := struct {
			Headline string `db:"headline"`
			Body     string `db:"body"`
		}{}
		if err := tx.GetContext(ctx, &row, db.q(`SELECT headline, body FROM rescued_texts
			WHERE id = ? AND browser = ? AND path = ? AND created_at > ?`), id, browser, path, now().Add(-RescueLifetime)); err != nil {
			return notFound(err)
		}
		res, err := tx.ExecContext(ctx, db.q(`DELETE FROM rescued_texts WHERE id = ?`), id)
		if err != nil {
			return fmt.Errorf("menghapus teks: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound // taken by a request at the same moment
		}
		headline, body = row.Headline, row.Body
		return nil
	})
	return headline, body, err
}

// PruneRescuedTexts deletes rescued text older than RescueLifetime.
func (db *DB) PruneRescuedTexts(ctx context.Context) (int64, error) {
	res, err := db.w.ExecContext(ctx, db.q(`DELETE FROM rescued_texts WHERE created_at < ?`), now().Add(-RescueLifetime))
	if err != nil {
		return 0, fmt.Errorf("membersihkan teks yang diselamatkan: %w", err)
	}
	return res.RowsAffected()
}
