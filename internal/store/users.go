package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/domain"
)

// NormalizeEmail is the form emails are stored and looked up in.
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// CreateUser stores a new account and records it in the audit log, in one transaction.
// A taken email is a CodeConflict error; a name or email outside the text
// rules (domain.TextUserName, domain.TextEmail) is CodeInvalid.
func (db *DB) CreateUser(ctx context.Context, actorID *int64, nu domain.NewUser) (domain.User, error) {
	var u domain.User
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		u, err = insertUser(ctx, db, tx, actorID, nu)
		return err
	})
	return u, err
}

// CreateUsers stores every account or none (one transaction), as CreateUser,
// and returns them in the order given. Rows are inserted in email order, so
// two imports sharing emails wait for each other instead of deadlocking.
func (db *DB) CreateUsers(ctx context.Context, actorID *int64, nus []domain.NewUser) ([]domain.User, error) {
	order, err := usersOrder(nus)
	if err != nil {
		return nil, err
	}
	var us []domain.User
	err = db.inTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		us, err = insertUsers(ctx, db, tx, actorID, nus, order)
		return err
	})
	if err != nil {
		return nil, err
	}
	return us, nil
}

// insertUsers inserts nus in the given order and returns them in theirs.
func insertUsers(ctx context.Context, db *DB, tx *sqlx.Tx, actorID *int64, nus []domain.NewUser, order []int) ([]domain.User, error) {
	us := make([]domain.User, len(nus))
	for _, i := range order {
		u, err := insertUser(ctx, db, tx, actorID, nus[i])
		if err != nil {
			return nil, err
		}
		us[i] = u
	}
	return us, nil
}

// usersOrder checks every new account and returns the order to insert them
// in: by email, so two imports sharing emails wait for each other instead of
// deadlocking. A refusal names the first bad row in the given order.
func usersOrder(nus []domain.NewUser) ([]int, error) {
	order := make([]int, len(nus))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(NormalizeEmail(nus[a].Email), NormalizeEmail(nus[b].Email)) })
	for _, nu := range nus {
		if _, err := checkNewUser(nu); err != nil {
			return nil, err
		}
	}
	return order, nil
}

// checkNewUser refuses what the schema would, with a message; it returns the cleaned name.
func checkNewUser(nu domain.NewUser) (string, error) {
	if !nu.Role.Valid() {
		return "", domain.Errorf(domain.CodeInvalid, "peran “%s” tidak dikenal", nu.Role)
	}
	if nu.Role == domain.RolePimpinanOPD && nu.OPDID == nil {
		return "", domain.Errorf(domain.CodeInvalid, "pimpinan OPD harus terhubung dengan satu OPD")
	}
	name, err := domain.TextUserName.Err(nu.Name)
	if err != nil {
		return "", err
	}
	if _, err := domain.TextEmail.Err(nu.Email); err != nil {
		return "", err
	}
	return name, nil
}

func insertUser(ctx context.Context, db *DB, tx *sqlx.Tx, actorID *int64, nu domain.NewUser) (domain.User, error) {
	var u domain.User
	name, err := checkNewUser(nu)
	if err != nil {
		return u, err
	}
	t := now()
	err = tx.GetContext(ctx, &u, db.q(`INSERT INTO users
		(region_id, opd_id, email, name, role, is_designated_admin, password_hash, active, created_at, password_changed_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?) RETURNING *`),
		nu.RegionID, nu.OPDID, NormalizeEmail(nu.Email), name, nu.Role, nu.IsDesignatedAdmin, nu.PasswordHash, t, t)
	if isUniqueViolation(err) {
		return u, domain.Errort(domain.CodeConflict, "email {{.Email}} sudah terdaftar", map[string]any{"Email": NormalizeEmail(nu.Email)})
	}
	if err != nil {
		return u, fmt.Errorf("menyimpan pengguna: %w", err)
	}
	return u, insertAudit(ctx, db, tx, domain.AuditEntry{
		ActorID: actorID, Action: "user.create", ObjectType: "user", ObjectID: fmt.Sprint(u.ID),
		After: map[string]any{"email": u.Email, "role": u.Role, "opd_id": u.OPDID, "designated_admin": u.IsDesignatedAdmin},
	})
}

// User returns one user by id.
func (db *DB) User(ctx context.Context, id int64) (domain.User, error) {
	var u domain.User
	err := db.getHot(ctx, &u, `SELECT * FROM users WHERE id = ?`, id)
	return u, notFound(err)
}

// UserByEmail returns the user with that email (normalised).
func (db *DB) UserByEmail(ctx context.Context, email string) (domain.User, error) {
	var u domain.User
	err := db.r.GetContext(ctx, &u, db.q(`SELECT * FROM users WHERE email = ?`), NormalizeEmail(email))
	return u, notFound(err)
}

// UsersOfOPD lists the active users of an OPD, designated admins first.
func (db *DB) UsersOfOPD(ctx context.Context, opdID int64, limit int) ([]domain.User, error) {
	var us []domain.User
	err := db.r.SelectContext(ctx, &us, db.q(`SELECT * FROM users WHERE opd_id = ? AND active
		ORDER BY is_designated_admin DESC, name LIMIT ?`), opdID, limit)
	if err != nil {
		return nil, fmt.Errorf("membaca pengguna OPD %d: %w", opdID, err)
	}
	return us, nil
}

// CountUsersByRole counts the active users of a region per role.
func (db *DB) CountUsersByRole(ctx context.Context, regionID int64) (map[domain.Role]int, error) {
	rows := []struct {
		Role  domain.Role `db:"role"`
		Count int         `db:"n"`
	}{}
	err := db.r.SelectContext(ctx, &rows, db.q(`SELECT role, COUNT(*) AS n FROM users WHERE region_id = ? AND active GROUP BY role`), regionID)
	if err != nil {
		return nil, fmt.Errorf("menghitung pengguna: %w", err)
	}
	out := map[domain.Role]int{}
	for _, r := range rows {
		out[r.Role] = r.Count
	}
	return out, nil
}

// SetPassword replaces a user's password hash and revokes all their sessions,
// so a changed password logs out every other device.
func (db *DB) SetPassword(ctx context.Context, actorID *int64, userID int64, hash string) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, db.q(`UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?`), hash, now(), userID)
		if err != nil {
			return fmt.Errorf("mengganti kata sandi: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound
		}
		if _, err := tx.ExecContext(ctx, db.q(`DELETE FROM sessions WHERE user_id = ?`), userID); err != nil {
			return fmt.Errorf("mencabut sesi: %w", err)
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: actorID, Action: "user.password", ObjectType: "user", ObjectID: fmt.Sprint(userID)})
	})
}

// ReplacePasswordHash stores a new hash of the same password (made with
// today's parameters) unless the password changed meanwhile; sessions stay.
func (db *DB) ReplacePasswordHash(ctx context.Context, userID int64, old, hash string) error {
	if _, err := db.w.ExecContext(ctx, db.q(`UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?`), hash, userID, old); err != nil {
		return fmt.Errorf("menyimpan ulang hash kata sandi: %w", err)
	}
	return nil
}

// DesignatedAdmins lists the ids of a region's active designated social-media admins (peserta).
func (db *DB) DesignatedAdmins(ctx context.Context, regionID int64) ([]int64, error) {
	var ids []int64
	err := db.r.SelectContext(ctx, &ids, db.q(`SELECT id FROM users WHERE region_id = ? AND role = 'peserta' AND is_designated_admin AND active ORDER BY id`), regionID)
	if err != nil {
		return nil, fmt.Errorf("membaca admin medsos: %w", err)
	}
	return ids, nil
}

// SetUserLang stores the interface language a user chose ("id", "en", or ""
// to follow the browser). The users row's change trigger drops the user's
// cached copies, so the next page is in the new language.
func (db *DB) SetUserLang(ctx context.Context, userID int64, lang string) error {
	if lang != "" && lang != "id" && lang != "en" {
		return domain.Errorf(domain.CodeInvalid, "bahasa “%s” tidak dikenal", lang)
	}
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, db.q(`UPDATE users SET lang = ? WHERE id = ?`), lang, userID)
		if err != nil {
			return fmt.Errorf("menyimpan bahasa: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound
		}
		return nil
	})
}
