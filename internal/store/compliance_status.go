package store

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/compliance"
)

// Each opd_stats row keeps its status, certified and expiring admins for a
// span of time (migration 00021): from the last moment before now at which
// one of its admins' certificates ended or came within the warning window,
// to the next such moment. The triggers end the span (status_to = 0) on
// every change of the OPD's counts; a read first recounts the rows of its
// region whose span does not hold the read's moment. Between changes that
// is only the OPDs whose certificates have just ended or begun to expire,
// so a view of a region of 25,000 OPDs recounts a handful of rows, usually
// none.

// freshenBatch is how many OPDs one recount transaction takes.
const freshenBatch = 500

// Spans without a bound on one side.
const (
	spanStart = math.MinInt64 / 2
	spanEnd   = math.MaxInt64 / 2
)

// freshenStatus recounts the kept status of the region's OPDs (one OPD if
// opdID is not 0) whose span does not hold now.
func (db *DB) freshenStatus(ctx context.Context, regionID, opdID int64, now time.Time) error {
	at := now.UTC().UnixMicro()
	var ids []int64
	var err error
	if opdID != 0 {
		err = db.r.SelectContext(ctx, &ids, db.q(`SELECT opd_id FROM opd_stats
			WHERE opd_id = ? AND region_id = ? AND (status_to <= ? OR status_from > ?)`), opdID, regionID, at, at)
	} else {
		err = db.r.SelectContext(ctx, &ids, db.q(`SELECT opd_id FROM opd_stats WHERE region_id = ? AND status_to <= ?
			UNION SELECT opd_id FROM opd_stats WHERE region_id = ? AND status_from > ?`), regionID, at, regionID, at)
	}
	if err != nil {
		return fmt.Errorf("mencari status OPD yang perlu dihitung ulang: %w", err)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for len(ids) > 0 {
		n := min(len(ids), freshenBatch)
		if err := db.inTx(ctx, func(tx *sqlx.Tx) error { return db.recountStatus(ctx, tx, ids[:n], now) }); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// recountStatus recounts the kept status of the given OPDs (in ascending
// order) at now, inside tx. On PostgreSQL it locks the rows first, in id
// order: a change to one of them (whose trigger locks the same row) then
// either committed before, and is read, or waits and ends the new span.
func (db *DB) recountStatus(ctx context.Context, tx *sqlx.Tx, ids []int64, now time.Time) error {
	at := now.UTC().UnixMicro()
	lock := ""
	if db.Dialect == Postgres {
		lock = ` FOR UPDATE`
	}
	query, args, err := sqlx.In(`SELECT opd_id, accounts, designated_admins FROM opd_stats
		WHERE opd_id IN (?) AND (status_to <= ? OR status_from > ?) ORDER BY opd_id`+lock, ids, at, at)
	if err != nil {
		return fmt.Errorf("menyiapkan hitung ulang status: %w", err)
	}
	var rows []struct {
		ID       int64 `db:"opd_id"`
		Accounts int   `db:"accounts"`
		Admins   int   `db:"designated_admins"`
	}
	if err := tx.SelectContext(ctx, &rows, db.q(query), args...); err != nil {
		return fmt.Errorf("mengunci status OPD: %w", err)
	}
	if len(rows) == 0 {
		return nil
	}
	locked := make([]int64, len(rows))
	for i, r := range rows {
		locked[i] = r.ID
	}
	query, args, err = sqlx.In(`SELECT opd_id, cert_until FROM admin_certs WHERE opd_id IN (?) AND cert_until IS NOT NULL`, locked)
	if err != nil {
		return fmt.Errorf("menyiapkan sertifikat admin: %w", err)
	}
	var certs []struct {
		OPDID int64     `db:"opd_id"`
		Until time.Time `db:"cert_until"`
	}
	if err := tx.SelectContext(ctx, &certs, db.q(query), args...); err != nil {
		return fmt.Errorf("membaca sertifikat admin: %w", err)
	}
	until := make(map[int64][]time.Time, len(rows))
	for _, c := range certs {
		until[c.OPDID] = append(until[c.OPDID], c.Until)
	}
	update := db.q(`UPDATE opd_stats SET status = ?, status_rank = ?, certified = ?, expiring = ?, status_from = ?, status_to = ? WHERE opd_id = ?`)
	for _, r := range rows {
		k := keptStatusAt(r.Accounts, r.Admins, until[r.ID], now)
		if _, err := tx.ExecContext(ctx, update, string(k.status), k.status.Rank(), k.certified, k.expiring, k.from, k.to, r.ID); err != nil {
			return fmt.Errorf("menyimpan status OPD %d: %w", r.ID, err)
		}
	}
	return nil
}

// keptStatus is an OPD's status and admin counts with the span of time
// (Unix microseconds, from inclusive, to exclusive) over which they hold.
type keptStatus struct {
	status              compliance.Status
	certified, expiring int
	from, to            int64
}

// keptStatusAt evaluates an OPD at now from its counts and the latest
// certificate end of each designated admin. An admin stops counting as
// certified at the end itself and counts as expiring from ExpiryWarning
// before it: those moments bound the span.
func keptStatusAt(accounts, admins int, until []time.Time, now time.Time) keptStatus {
	k := keptStatus{from: spanStart, to: spanEnd}
	at := now.UTC().UnixMicro()
	for _, u := range until {
		if u.After(now) {
			k.certified++
			if !u.After(now.Add(compliance.ExpiryWarning)) {
				k.expiring++
			}
		}
		for _, p := range []int64{u.UnixMicro(), u.Add(-compliance.ExpiryWarning).UnixMicro()} {
			if p <= at {
				k.from = max(k.from, p)
			} else {
				k.to = min(k.to, p)
			}
		}
	}
	k.status = compliance.Evaluate(compliance.Counts{Accounts: accounts, DesignatedAdmins: admins, CertifiedAdmins: k.certified}).Status
	return k
}

// tallyCell is one kind and status of a region with its sums.
type tallyCell struct {
	Kind      string            `db:"kind"`
	Status    compliance.Status `db:"status"`
	OPDs      int               `db:"opds"`
	Certified int               `db:"certified"`
	Expiring  int               `db:"expiring"`
	Parts     int               `db:"parts"`
}

// tallyFold is how many rows of compliance_tally a region may have per
// group before a read folds them into one.
const tallyFold = 8

// tallyCells brings the region to now and sums its compliance_tally rows
// per kind and status, folding them when they have piled up.
func (db *DB) tallyCells(ctx context.Context, regionID int64, now time.Time) ([]tallyCell, error) {
	if err := db.freshenStatus(ctx, regionID, 0, now); err != nil {
		return nil, err
	}
	var cells []tallyCell
	if err := db.r.SelectContext(ctx, &cells, db.q(`SELECT kind, status, SUM(opds) AS opds, SUM(certified) AS certified,
		SUM(expiring) AS expiring, COUNT(*) AS parts FROM compliance_tally WHERE region_id = ? GROUP BY kind, status ORDER BY kind, status`), regionID); err != nil {
		return nil, fmt.Errorf("membaca rekap kepatuhan: %w", err)
	}
	parts := 0
	for _, c := range cells {
		parts += c.Parts
	}
	if parts > tallyFold*(len(cells)+1) {
		if err := db.foldTally(ctx, regionID); err != nil {
			return nil, err
		}
	}
	return cells, nil
}

// foldTally replaces a region's compliance_tally rows by one per group. It
// sums exactly the rows its DELETE removed: rows another transaction adds
// meanwhile stay, and two folds at once each fold the rows they took.
func (db *DB) foldTally(ctx context.Context, regionID int64) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		rows, err := tx.QueryxContext(ctx, db.q(`DELETE FROM compliance_tally WHERE region_id = ?
			RETURNING kind, status, opds, certified, expiring`), regionID)
		if err != nil {
			return fmt.Errorf("merangkum rekap kepatuhan: %w", err)
		}
		sums := map[[2]string]*tallyCell{}
		for rows.Next() {
			var c tallyCell
			if err := rows.Scan(&c.Kind, &c.Status, &c.OPDs, &c.Certified, &c.Expiring); err != nil {
				rows.Close()
				return fmt.Errorf("membaca rekap kepatuhan: %w", err)
			}
			key := [2]string{c.Kind, string(c.Status)}
			if s, ok := sums[key]; ok {
				s.OPDs, s.Certified, s.Expiring = s.OPDs+c.OPDs, s.Certified+c.Certified, s.Expiring+c.Expiring
			} else {
				sums[key] = &c
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("membaca rekap kepatuhan: %w", err)
		}
		var values []string
		var args []any
		for _, c := range sums {
			if c.OPDs == 0 && c.Certified == 0 && c.Expiring == 0 {
				continue
			}
			values = append(values, "(?, ?, ?, ?, ?, ?)")
			args = append(args, regionID, c.Kind, string(c.Status), c.OPDs, c.Certified, c.Expiring)
		}
		if len(values) == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, db.q(`INSERT INTO compliance_tally (region_id, kind, status, opds, certified, expiring) VALUES `+
			strings.Join(values, ", ")), args...); err != nil {
			return fmt.Errorf("menyimpan rekap kepatuhan: %w", err)
		}
		return nil
	})
}
