package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

// validOPDKind reports whether kind is one the schema accepts.
func validOPDKind(kind string) bool {
	for _, k := range domain.OPDKinds {
		if k.Kind == kind {
			return true
		}
	}
	return false
}

// CreateOPD adds an OPD to a region, audit-logged. A name the region already
// has is CodeConflict; an unknown kind is CodeInvalid. Field lengths are the
// caller's to check (the schema refuses names outside 3–200 characters).
func (db *DB) CreateOPD(ctx context.Context, actorID int64, regionID int64, in domain.OPDInput) (domain.OPD, error) {
	var o domain.OPD
	in.Name, in.ShortName = strings.TrimSpace(in.Name), strings.TrimSpace(in.ShortName)
	if !validOPDKind(in.Kind) {
		return o, domain.Errorf(domain.CodeInvalid, "jenis OPD “%s” tidak dikenal", in.Kind)
	}
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &o, db.q(`INSERT INTO opds (region_id, name, short_name, kind, created_at)
			VALUES (?, ?, ?, ?, ?) RETURNING *`), regionID, in.Name, in.ShortName, in.Kind, now())
		if isUniqueViolation(err) {
			return domain.Errorf(domain.CodeConflict, "OPD bernama %s sudah terdaftar di wilayah ini", in.Name)
		}
		if err != nil {
			return fmt.Errorf("menyimpan OPD %s: %w", in.Name, err)
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &actorID, Action: "opd.create", ObjectType: "opd", ObjectID: fmt.Sprint(o.ID),
			After: map[string]any{"name": o.Name, "short_name": o.ShortName, "kind": o.Kind}})
	})
	return o, err
}

// RegionOPD returns an OPD of the region; an OPD of another region is ErrNotFound.
func (db *DB) RegionOPD(ctx context.Context, regionID, id int64) (domain.OPD, error) {
	o, err := db.OPD(ctx, id)
	if err == nil && o.RegionID != regionID {
		return domain.OPD{}, errNotFound
	}
	return o, err
}

// UpdateOPD changes an OPD's name, short name and kind, audit-logged with the
// values before and after. Errors as CreateOPD; ErrNotFound outside the region.
func (db *DB) UpdateOPD(ctx context.Context, actorID, regionID, id int64, in domain.OPDInput) (domain.OPD, error) {
	var o domain.OPD
	in.Name, in.ShortName = strings.TrimSpace(in.Name), strings.TrimSpace(in.ShortName)
	if !validOPDKind(in.Kind) {
		return o, domain.Errorf(domain.CodeInvalid, "jenis OPD “%s” tidak dikenal", in.Kind)
	}
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		// Two edits of one OPD take turns, so the audit's "before" is what the edit replaced.
		if err := lockRow(ctx, db, tx, "opds", id); err != nil {
			return err
		}
		var before domain.OPD
		if err := tx.GetContext(ctx, &before, db.q(`SELECT * FROM opds WHERE id = ? AND region_id = ?`), id, regionID); err != nil {
			return notFound(err)
		}
		err := tx.GetContext(ctx, &o, db.q(`UPDATE opds SET name = ?, short_name = ?, kind = ? WHERE id = ? RETURNING *`),
			in.Name, in.ShortName, in.Kind, id)
		if isUniqueViolation(err) {
			return domain.Errorf(domain.CodeConflict, "OPD bernama %s sudah terdaftar di wilayah ini", in.Name)
		}
		if err != nil {
			return fmt.Errorf("mengubah OPD %d: %w", id, err)
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &actorID, Action: "opd.update", ObjectType: "opd", ObjectID: fmt.Sprint(id),
			Before: map[string]any{"name": before.Name, "short_name": before.ShortName, "kind": before.Kind},
			After:  map[string]any{"name": o.Name, "short_name": o.ShortName, "kind": o.Kind}})
	})
	return o, err
}

// maxAccountsPerOPD bounds an OPD's accounts, so its pages never list without end.
const maxAccountsPerOPD = 50

// SocialAccounts lists an OPD's current accounts (removed ones excluded), by platform and handle.
func (db *DB) SocialAccounts(ctx context.Context, opdID int64) ([]domain.SocialAccount, error) {
	var out []domain.SocialAccount
	err := db.selectHot(ctx, &out, `SELECT * FROM social_accounts WHERE opd_id = ? AND removed_at IS NULL
		ORDER BY platform, handle LIMIT 50`, opdID)
	if err != nil {
		return nil, fmt.Errorf("membaca akun resmi OPD %d: %w", opdID, err)
	}
	return out, nil
}

// AddSocialAccount registers an official account of an OPD of the region,
// audit-logged. The input must have passed compliance.ValidateAccount. The
// same platform and handle twice is CodeConflict; re-adding an account that
// was removed brings it back with the new address.
func (db *DB) AddSocialAccount(ctx context.Context, actorID, regionID, opdID int64, in compliance.AccountInput) (domain.SocialAccount, error) {
	var a domain.SocialAccount
	if _, errs := compliance.ValidateAccount(in); len(errs) > 0 {
		return a, domain.Invalid(errs...)
	}
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		var n int
		if err := tx.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM opds WHERE id = ? AND region_id = ?`), opdID, regionID); err != nil {
			return fmt.Errorf("membaca OPD %d: %w", opdID, err)
		}
		if n == 0 {
			return errNotFound
		}
		// Two admins adding accounts to one OPD take turns, so the checks
		// below (the limit, the same handle) see each other's result.
		if err := lockRow(ctx, db, tx, "opds", opdID); err != nil {
			return err
		}
		if err := tx.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM social_accounts WHERE opd_id = ? AND removed_at IS NULL`), opdID); err != nil {
			return fmt.Errorf("menghitung akun OPD %d: %w", opdID, err)
		}
		if n >= maxAccountsPerOPD {
			return domain.Errort(domain.CodeInvalid, "satu OPD paling banyak memiliki {{.Max}} akun resmi; hapus akun yang tidak dipakai lebih dahulu", map[string]any{"Max": maxAccountsPerOPD})
		}
		var old domain.SocialAccount
		err := tx.GetContext(ctx, &old, db.q(`SELECT * FROM social_accounts WHERE opd_id = ? AND platform = ? AND handle = ?`), opdID, in.Platform, in.Handle)
		switch {
		case err == nil && old.RemovedAt == nil:
			return domain.Errort(domain.CodeConflict, "akun {{.Platform}} {{.Handle}} sudah terdaftar untuk OPD ini", map[string]any{"Platform": compliance.PlatformLabel(in.Platform), "Handle": in.Handle})
		case err == nil:
			err = tx.GetContext(ctx, &a, db.q(`UPDATE social_accounts SET url = ?, removed_at = NULL WHERE id = ? RETURNING *`), in.URL, old.ID)
		case errors.Is(err, sql.ErrNoRows):
			err = tx.GetContext(ctx, &a, db.q(`INSERT INTO social_accounts (opd_id, platform, handle, url, created_at)
				VALUES (?, ?, ?, ?, ?) RETURNING *`), opdID, in.Platform, in.Handle, in.URL, now())
		}
		if isUniqueViolation(err) {
			return domain.Errort(domain.CodeConflict, "akun {{.Platform}} {{.Handle}} sudah terdaftar untuk OPD ini", map[string]any{"Platform": compliance.PlatformLabel(in.Platform), "Handle": in.Handle})
		}
		if err != nil {
			return fmt.Errorf("menyimpan akun resmi: %w", err)
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &actorID, Action: "social_account.add", ObjectType: "opd", ObjectID: fmt.Sprint(opdID),
			After: map[string]any{"account_id": a.ID, "platform": a.Platform, "handle": a.Handle, "url": a.URL}})
	})
	return a, err
}

// RemoveSocialAccount marks an account of an OPD of the region as removed
// (kept for history), audit-logged. ErrNotFound when it is not that OPD's;
// CodeConflict when it was removed already.
func (db *DB) RemoveSocialAccount(ctx context.Context, actorID, regionID, opdID, accountID int64) (domain.SocialAccount, error) {
	var a domain.SocialAccount
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &a, db.q(`SELECT a.* FROM social_accounts a JOIN opds o ON o.id = a.opd_id
			WHERE a.id = ? AND a.opd_id = ? AND o.region_id = ?`), accountID, opdID, regionID)
		if err != nil {
			return notFound(err)
		}
		if a.RemovedAt != nil {
			return domain.Errort(domain.CodeConflict, "akun {{.Platform}} {{.Handle}} sudah dihapus sebelumnya", map[string]any{"Platform": compliance.PlatformLabel(a.Platform), "Handle": a.Handle})
		}
		t := now()
		// The removed_at guard makes a second removal at the same moment a conflict, as it is a moment later.
		res, err := tx.ExecContext(ctx, db.q(`UPDATE social_accounts SET removed_at = ? WHERE id = ? AND removed_at IS NULL`), t, a.ID)
		if err != nil {
			return fmt.Errorf("menghapus akun resmi %d: %w", a.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Errort(domain.CodeConflict, "akun {{.Platform}} {{.Handle}} sudah dihapus sebelumnya", map[string]any{"Platform": compliance.PlatformLabel(a.Platform), "Handle": a.Handle})
		}
		a.RemovedAt = &t
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &actorID, Action: "social_account.remove", ObjectType: "opd", ObjectID: fmt.Sprint(opdID),
			Before: map[string]any{"account_id": a.ID, "platform": a.Platform, "handle": a.Handle, "url": a.URL}})
	})
	return a, err
}

// CountOPDTrainees counts an OPD's active trainees (the people who can be designated).
func (db *DB) CountOPDTrainees(ctx context.Context, opdID int64) (int, error) {
	var n int
	err := db.r.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM users WHERE opd_id = ? AND role = 'peserta' AND active`), opdID)
	if err != nil {
		return 0, fmt.Errorf("menghitung peserta OPD %d: %w", opdID, err)
	}
	return n, nil
}

// OPDTrainees lists an OPD's active trainees, designated admins first, then by name.
func (db *DB) OPDTrainees(ctx context.Context, opdID int64, limit, offset int) ([]domain.User, error) {
	var out []domain.User
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT * FROM users WHERE opd_id = ? AND role = 'peserta' AND active
		ORDER BY is_designated_admin DESC, name, id LIMIT ? OFFSET ?`), opdID, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("membaca peserta OPD %d: %w", opdID, err)
	}
	return out, nil
}

// SetDesignatedAdmin designates a trainee of the OPD as its social-media admin
// (or withdraws the designation). It is a permission change, so it is
// audit-logged with the state before and after. ErrNotFound when the user is
// not in that OPD of the region; CodeInvalid when they are not an active
// trainee; CodeConflict when they already are (or are not) designated.
func (db *DB) SetDesignatedAdmin(ctx context.Context, actorID, regionID, opdID, userID int64, designated bool) (domain.User, error) {
	var u domain.User
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		// The conditional update is the check: two admins clicking at once
		// cannot both change it, and the loser learns why below.
		res, err := tx.ExecContext(ctx, db.q(`UPDATE users SET is_designated_admin = ?
			WHERE id = ? AND opd_id = ? AND region_id = ? AND role = 'peserta' AND active AND is_designated_admin <> ?`),
			designated, userID, opdID, regionID, designated)
		if err != nil {
			return fmt.Errorf("mengubah penunjukan admin: %w", err)
		}
		if err := tx.GetContext(ctx, &u, db.q(`SELECT * FROM users WHERE id = ? AND opd_id = ? AND region_id = ?`), userID, opdID, regionID); err != nil {
			return notFound(err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			switch {
			case u.Role != domain.RolePeserta:
				return domain.Errort(domain.CodeInvalid, "{{.Name}} berperan {{.Role}}; hanya peserta yang dapat ditunjuk sebagai admin media sosial", map[string]any{"Name": u.Name, "Role": i18n.Phrase(u.Role.Label())})
			case !u.Active:
				return domain.Errort(domain.CodeInvalid, "akun {{.Name}} tidak aktif, sehingga tidak dapat ditunjuk", map[string]any{"Name": u.Name})
			case designated:
				return domain.Errort(domain.CodeConflict, "{{.Name}} sudah menjadi admin media sosial yang ditunjuk", map[string]any{"Name": u.Name})
			default:
				return domain.Errort(domain.CodeConflict, "{{.Name}} memang bukan admin media sosial yang ditunjuk", map[string]any{"Name": u.Name})
			}
		}
		action := "user.designate"
		if !designated {
			action = "user.undesignate"
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &actorID, Action: action, ObjectType: "user", ObjectID: fmt.Sprint(userID),
			Before: map[string]any{"designated_admin": !designated, "opd_id": opdID},
			After:  map[string]any{"designated_admin": designated, "opd_id": opdID}})
	})
	return u, err
}
