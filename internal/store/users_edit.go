package store

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// ErrUserChanged is UpdateUser's refusal when the account changed after the
// form was opened.
var ErrUserChanged = domain.Errorf(domain.CodeConflict, "data akun ini baru saja diubah oleh admin lain; tidak ada yang disimpan. Muat ulang halaman, periksa datanya, lalu ubah lagi bila perlu")

// UpdateUser corrects an account's email, name, role, OPD and designation,
// audit-logged with the values before and after. The update is conditional on
// the values the form showed (compare-and-set), so of two admins saving at
// once the second gets ErrUserChanged instead of overwriting the first. The
// same rules as CreateUser: a taken email is CodeConflict, text outside the
// rules or a pimpinan OPD without an OPD is CodeInvalid. Nothing changed is
// not an error and writes nothing.
func (db *DB) UpdateUser(ctx context.Context, actorID int64, e domain.UserEdit) (domain.User, error) {
	nu := domain.NewUser{RegionID: e.RegionID, OPDID: e.OPDID, Email: e.Email, Name: e.Name, Role: e.Role, IsDesignatedAdmin: e.IsDesignatedAdmin}
	name, err := checkNewUser(nu)
	if err != nil {
		return domain.User{}, err
	}
	if e.IsDesignatedAdmin && e.Role != domain.RolePeserta {
		return domain.User{}, domain.Errorf(domain.CodeInvalid, "hanya peserta yang dapat ditunjuk sebagai admin media sosial OPD")
	}
	email := NormalizeEmail(e.Email)
	s := e.Seen
	var u domain.User
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		if err := tx.GetContext(ctx, &u, db.q(`SELECT * FROM users WHERE id = ? AND region_id = ?`), e.UserID, e.RegionID); err != nil {
			return notFound(err)
		}
		if u.Email == email && u.Name == name && u.Role == e.Role && sameID(u.OPDID, e.OPDID) && u.IsDesignatedAdmin == e.IsDesignatedAdmin {
			return nil
		}
		res, err := tx.ExecContext(ctx, db.q(`UPDATE users SET email = ?, name = ?, role = ?, opd_id = ?, is_designated_admin = ?
			WHERE id = ? AND email = ? AND name = ? AND role = ? AND COALESCE(opd_id, 0) = ? AND is_designated_admin = ?`),
			email, name, e.Role, e.OPDID, e.IsDesignatedAdmin,
			e.UserID, s.Email, s.Name, s.Role, idOrZero(s.OPDID), s.IsDesignatedAdmin)
		if isUniqueViolation(err) {
			return domain.Errort(domain.CodeConflict, "email {{.Email}} sudah terdaftar", map[string]any{"Email": email})
		}
		if err != nil {
			return fmt.Errorf("mengubah pengguna %d: %w", e.UserID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrUserChanged
		}
		before := u
		if err := tx.GetContext(ctx, &u, db.q(`SELECT * FROM users WHERE id = ?`), e.UserID); err != nil {
			return fmt.Errorf("membaca pengguna %d: %w", e.UserID, err)
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &actorID, Action: "user.update", ObjectType: "user", ObjectID: fmt.Sprint(u.ID),
			Before: userFacts(before), After: userFacts(u)})
	})
	return u, err
}

func userFacts(u domain.User) map[string]any {
	return map[string]any{"email": u.Email, "name": u.Name, "role": u.Role, "opd_id": u.OPDID, "designated_admin": u.IsDesignatedAdmin}
}

func sameID(a, b *int64) bool { return idOrZero(a) == idOrZero(b) }

func idOrZero(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}
