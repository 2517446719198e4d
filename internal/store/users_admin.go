package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

func userWhere(f domain.UserFilter) (string, []any) {
	w := ` WHERE u.region_id = ?`
	args := []any{f.RegionID}
	if q := strings.ToLower(strings.TrimSpace(f.Query)); q != "" {
		w += ` AND (lower(u.name) LIKE ? OR u.email LIKE ?)`
		like := "%" + strings.NewReplacer("%", "", "_", "").Replace(q) + "%"
		args = append(args, like, like)
	}
	if f.Role.Valid() {
		w += ` AND u.role = ?`
		args = append(args, f.Role)
	}
	if f.OPDID != 0 {
		w += ` AND u.opd_id = ?`
		args = append(args, f.OPDID)
	}
	return w, args
}

// ListUsers returns one page of a region's users, by name, and the total.
func (db *DB) ListUsers(ctx context.Context, f domain.UserFilter, limit, offset int) ([]domain.UserRow, int, error) {
	w, args := userWhere(f)
	var total int
	if err := db.r.GetContext(ctx, &total, db.q(`SELECT COUNT(*) FROM users u`+w), args...); err != nil {
		return nil, 0, fmt.Errorf("menghitung pengguna: %w", err)
	}
	var out []domain.UserRow
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT u.*, COALESCE(o.name, '') AS opd_name FROM users u LEFT JOIN opds o ON o.id = u.opd_id`+
		w+` ORDER BY u.name, u.id LIMIT ? OFFSET ?`), append(args, limit, offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("membaca pengguna: %w", err)
	}
	return out, total, nil
}

// SetActive turns an account on or off, audit-logged; turning it off also
// ends all its sessions.
func (db *DB) SetActive(ctx context.Context, actorID, userID int64, active bool) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		var before bool
		if err := tx.GetContext(ctx, &before, db.q(`SELECT active FROM users WHERE id = ?`), userID); err != nil {
			return notFound(err)
		}
		if before == active {
			return alreadyActive(active)
		}
		// The guard makes the second of two identical changes at once the same conflict as above.
		res, err := tx.ExecContext(ctx, db.q(`UPDATE users SET active = ? WHERE id = ? AND active <> ?`), active, userID, active)
		if err != nil {
			return fmt.Errorf("mengubah status akun: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return alreadyActive(active)
		}
		if !active {
			if _, err := tx.ExecContext(ctx, db.q(`DELETE FROM sessions WHERE user_id = ?`), userID); err != nil {
				return fmt.Errorf("mencabut sesi: %w", err)
			}
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &actorID, Action: "user.active", ObjectType: "user", ObjectID: fmt.Sprint(userID),
			Before: map[string]any{"active": before}, After: map[string]any{"active": active}})
	})
}

func alreadyActive(active bool) error {
	if active {
		return domain.Errorf(domain.CodeConflict, "akun ini sudah aktif; tidak ada yang diubah")
	}
	return domain.Errorf(domain.CodeConflict, "akun ini sudah nonaktif; tidak ada yang diubah")
}
