package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// Rescued text is kept for RescueLifetime; one address may leave at most
// RescuesPerHour rows in an hour.
const (
	RescueLifetime = 24 * time.Hour
	RescuesPerHour = 30
)

// RescueText keeps r as the browser's text for r.Path, replacing what the
// browser left there before (autosave ticks and beacons do not add rows), and
// returns the id of the row. A new row is refused (ok false) when its address
// already left RescuesPerHour rows in the last hour. Counting and writing
// happen under one lock, so simultaneous requests cannot pass the limit together.
func (db *DB) RescueText(ctx context.Context, r domain.Rescue) (id string, ok bool, err error) {
	t := now()
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		id, ok = "", false // a retried transaction decides afresh
		if db.Dialect == Postgres {
			// SQLite needs no lock: its one writer runs write transactions in turn.
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7303, hashtext($1))`, r.Address); err != nil {
				return fmt.Errorf("mengunci teks yang diselamatkan: %w", err)
			}
		}
		var have int
		if err := tx.GetContext(ctx, &have, db.q(`SELECT COUNT(*) FROM rescued_texts WHERE browser = ? AND path = ?`), r.Browser, r.Path); err != nil {
			return fmt.Errorf("mencari teks yang diselamatkan: %w", err)
		}
		if have == 0 {
			var n int
			if err := tx.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM rescued_texts WHERE address = ? AND created_at > ?`), r.Address, t.Add(-time.Hour)); err != nil {
				return fmt.Errorf("menghitung teks yang diselamatkan: %w", err)
			}
			if n >= RescuesPerHour {
				return nil
			}
		}
		// The same browser from two addresses at once meets on the unique index.
		if err := tx.GetContext(ctx, &id, db.q(`INSERT INTO rescued_texts (id, path, headline, body, browser, address, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (browser, path) DO UPDATE SET headline = excluded.headline, body = excluded.body,
				address = excluded.address, created_at = excluded.created_at
			RETURNING id`), r.ID, r.Path, r.Headline, r.Body, r.Browser, r.Address, t); err != nil {
			return fmt.Errorf("menyimpan teks: %w", err)
		}
		ok = true
		return nil
	})
	return id, ok, err
}

// TakeRescueIntoDraft makes the text this browser rescued for path (within
// RescueLifetime) the draft of the submission, in one transaction: the row is
// deleted and the draft written together, so two tabs opening the page at
// once cannot both take it. A draft saved after the rescue is newer and
// stays (the rescue is dropped); a submission that takes no draft now keeps
// the rescue for later.
func (db *DB) TakeRescueIntoDraft(ctx context.Context, browser, path string, submissionID int64) (domain.RescueTaken, error) {
	var out domain.RescueTaken
	errKeep := errors.New("keep")
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		out = domain.RescueTaken{}
		if err := lockRow(ctx, db, tx, "submissions", submissionID); err != nil {
			return err
		}
		row := struct {
			Headline  string    `db:"headline"`
			Body      string    `db:"body"`
			CreatedAt time.Time `db:"created_at"`
		}{}
		err := tx.GetContext(ctx, &row, db.q(`DELETE FROM rescued_texts WHERE browser = ? AND path = ? AND created_at > ?
			RETURNING headline, body, created_at`), browser, path, now().Add(-RescueLifetime))
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("mengambil teks yang diselamatkan: %w", err)
		}
		out.Headline, out.Body = row.Headline, row.Body
		sub := struct {
			State    string     `db:"state"`
			Headline string     `db:"draft_headline"`
			Body     string     `db:"draft_body"`
			SavedAt  *time.Time `db:"draft_saved_at"`
		}{}
		if err := tx.GetContext(ctx, &sub, db.q(`SELECT state, draft_headline, draft_body, draft_saved_at FROM submissions WHERE id = ?`), submissionID); err != nil {
			return notFound(err)
		}
		out.BeforeHeadline, out.BeforeBody = sub.Headline, sub.Body
		switch {
		case sub.State != "draft" && sub.State != "returned":
			out.Outcome = domain.RescueNotEditable
			return errKeep
		case sub.SavedAt != nil && sub.SavedAt.After(row.CreatedAt):
			out.Outcome = domain.RescueOlder
			return nil
		}
		t := now()
		if _, err := tx.ExecContext(ctx, db.q(`UPDATE submissions SET draft_headline = ?, draft_body = ?, draft_saved_at = ?, updated_at = ? WHERE id = ?`),
			row.Headline, row.Body, t, t, submissionID); err != nil {
			return fmt.Errorf("menyimpan teks yang dipulihkan sebagai draf: %w", err)
		}
		out.Outcome = domain.RescueDrafted
		return nil
	})
	if errors.Is(err, errKeep) {
		err = nil
	}
	return out, err
}

// HasRescuedText reports whether this browser kept text for path within RescueLifetime.
func (db *DB) HasRescuedText(ctx context.Context, browser, path string) (bool, error) {
	var n int
	if err := db.getHot(ctx, &n, `SELECT COUNT(*) FROM rescued_texts WHERE browser = ? AND path = ? AND created_at > ?`,
		browser, path, now().Add(-RescueLifetime)); err != nil {
		return false, fmt.Errorf("mencari teks yang diselamatkan: %w", err)
	}
	return n > 0, nil
}

// PruneRescuedTexts deletes rescued text older than RescueLifetime.
func (db *DB) PruneRescuedTexts(ctx context.Context) (int64, error) {
	res, err := db.w.ExecContext(ctx, db.q(`DELETE FROM rescued_texts WHERE created_at < ?`), now().Add(-RescueLifetime))
	if err != nil {
		return 0, fmt.Errorf("membersihkan teks yang diselamatkan: %w", err)
	}
	return res.RowsAffected()
}

// RescuedTextCount counts the rows of rescued_texts, expired ones included.
func (db *DB) RescuedTextCount(ctx context.Context) (n int, err error) {
	if err := db.r.GetContext(ctx, &n, `SELECT COUNT(*) FROM rescued_texts`); err != nil {
		return 0, fmt.Errorf("menghitung teks yang diselamatkan: %w", err)
	}
	return n, nil
}
