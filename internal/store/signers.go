package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"github.com/bimtek/bimtek/internal/certify"
	"github.com/bimtek/bimtek/internal/domain"
)

// Limits of the signing official's fields, in characters.
const (
	SignerNameMax  = 200
	SignerTitleMax = 300
	// EmblemMaxBytes bounds a stored emblem; the web form checks the image
	// itself (certpdf.CheckEmblem), the store only what it keeps.
	EmblemMaxBytes = 512 << 10
)

const signerColumns = `s.region_id, s.name, s.nip, s.title, s.emblem_type, s.version, s.updated_by, s.updated_at,
	COALESCE(u.name, '') AS updated_by_name, COALESCE(LENGTH(s.emblem), 0) AS emblem_bytes`

// RegionSigner returns the region's signing official; with emblem, the
// emblem's bytes too (the certificate PDF needs them, pages do not).
func (db *DB) RegionSigner(ctx context.Context, regionID int64, emblem bool) (domain.RegionSigner, error) {
	cols := signerColumns
	if emblem {
		cols += ", s.emblem"
	}
	var s domain.RegionSigner
	err := db.r.GetContext(ctx, &s, db.q(`SELECT `+cols+` FROM region_signers s LEFT JOIN users u ON u.id = s.updated_by WHERE s.region_id = ?`), regionID)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.RegionSigner{RegionID: regionID}, nil
	}
	if err != nil {
		return s, fmt.Errorf("membaca pejabat penanda tangan wilayah %d: %w", regionID, err)
	}
	return s, nil
}

// currentSignerSQL selects the id of the region's setting in force (one
// parameter: the region), for a certificate to keep; NULL when none was set.
const currentSignerSQL = `SELECT v.id FROM region_signers s
	JOIN region_signer_versions v ON v.region_id = s.region_id AND v.version = s.version WHERE s.region_id = ?`

// CertificateSigner returns the signing official and emblem a certificate
// keeps (domain.Certificate.SignerID); nil is none. With emblem, the
// emblem's bytes too.
func (db *DB) CertificateSigner(ctx context.Context, signerID *int64, emblem bool) (domain.RegionSigner, error) {
	if signerID == nil {
		return domain.RegionSigner{}, nil
	}
	cols := `region_id, name, nip, title, emblem_type, version, saved_at AS updated_at, COALESCE(LENGTH(emblem), 0) AS emblem_bytes`
	if emblem {
		cols += ", emblem"
	}
	var s domain.RegionSigner
	if err := db.r.GetContext(ctx, &s, db.q(`SELECT `+cols+` FROM region_signer_versions WHERE id = ?`), *signerID); err != nil {
		return s, fmt.Errorf("membaca penanda tangan sertifikat (%d): %w", *signerID, err)
	}
	return s, nil
}

// CheckSigner cleans the official's fields and reports every problem by
// field (nama, nip, jabatan). An official needs a name and a title; the NIP
// is optional (a regent or a mayor has none) and, when given, must be a
// valid NIP. All three empty means the certificates print no official.
func CheckSigner(name, nip, title string) (string, string, string, []domain.FieldError) {
	name, nip, title = strings.TrimSpace(name), strings.TrimSpace(nip), strings.TrimSpace(title)
	var errs []domain.FieldError
	if name == "" && nip == "" && title == "" {
		return "", "", "", nil
	}
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		errs = append(errs, domain.FieldError{Field: "nama", Message: "Nama pejabat wajib diisi bila NIP atau jabatan diisi."})
	case n > SignerNameMax:
		errs = append(errs, domain.FieldMsg("nama", "Nama pejabat paling banyak {{.Max}} karakter; saat ini {{.N}} karakter.", map[string]any{"Max": SignerNameMax, "N": n}))
	}
	if nip != "" {
		clean, err := certify.ParseNIP(nip)
		if err != nil {
			var ce *certify.CodeError
			if errors.As(err, &ce) {
				errs = append(errs, domain.FieldMsg("nip", ce.MsgID, ce.Data))
			} else {
				errs = append(errs, domain.FieldError{Field: "nip", Message: err.Error()})
			}
		}
		nip = clean
	}
	switch n := utf8.RuneCountInString(title); {
	case n == 0:
		errs = append(errs, domain.FieldError{Field: "jabatan", Message: "Jabatan wajib diisi, misalnya Kepala Dinas Komunikasi dan Informatika."})
	case n > SignerTitleMax:
		errs = append(errs, domain.FieldMsg("jabatan", "Jabatan paling banyak {{.Max}} karakter; saat ini {{.N}} karakter.", map[string]any{"Max": SignerTitleMax, "N": n}))
	}
	return name, nip, title, errs
}

// signerAudit is what the audit log keeps of a setting: the emblem as its
// size and a short hash, not the image.
func signerAudit(name, nip, title string, emblem []byte) map[string]any {
	m := map[string]any{"name": name, "nip": nip, "title": title, "emblem": ""}
	if len(emblem) > 0 {
		sum := sha256.Sum256(emblem)
		m["emblem"] = fmt.Sprintf("%d byte, sha256 %x…", len(emblem), sum[:8])
	}
	return m
}

// SaveRegionSigner stores the region's signing official and emblem with an
// audit entry. It changes nothing and answers a conflict when the setting
// is no longer at in.Version: another admin saved first, and this form was
// filled in over what they replaced.
func (db *DB) SaveRegionSigner(ctx context.Context, in domain.SignerInput) (domain.RegionSigner, error) {
	name, nip, title, errs := CheckSigner(in.Name, in.NIP, in.Title)
	if len(errs) > 0 {
		return domain.RegionSigner{}, domain.Invalid(errs...)
	}
	if in.Emblem != nil {
		if len(in.Emblem) == 0 || len(in.Emblem) > EmblemMaxBytes || (in.EmblemType != "PNG" && in.EmblemType != "JPG") {
			return domain.RegionSigner{}, domain.Invalid(domain.FieldMsg("lambang", "Berkas lambang harus gambar PNG atau JPEG paling besar {{.MaxKB}} KB.", map[string]any{"MaxKB": EmblemMaxBytes >> 10}))
		}
	}
	at := now()
	err := db.inTx(ctx, func(tx *sqlx.Tx) error {
		var cur domain.RegionSigner
		err := tx.GetContext(ctx, &cur, db.q(`SELECT region_id, name, nip, title, emblem, emblem_type, version, updated_by, updated_at
			FROM region_signers WHERE region_id = ?`), in.RegionID)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("membaca pejabat penanda tangan: %w", err)
		}
		if cur.Version != in.Version {
			return signerChanged()
		}
		emblem, kind := cur.Emblem, cur.EmblemType
		switch {
		case in.Emblem != nil:
			emblem, kind = in.Emblem, in.EmblemType
		case in.RemoveEmblem:
			emblem, kind = nil, ""
		}
		var res sql.Result
		if in.Version == 0 {
			// Two first saves at once: the second inserts nothing.
			res, err = tx.ExecContext(ctx, db.q(`INSERT INTO region_signers (region_id, name, nip, title, emblem, emblem_type, version, updated_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (region_id) DO NOTHING`),
				in.RegionID, name, nip, title, emblem, kind, in.ActorID, at)
		} else {
			res, err = tx.ExecContext(ctx, db.q(`UPDATE region_signers SET name = ?, nip = ?, title = ?, emblem = ?, emblem_type = ?,
				version = version + 1, updated_by = ?, updated_at = ? WHERE region_id = ? AND version = ?`),
				name, nip, title, emblem, kind, in.ActorID, at, in.RegionID, in.Version)
		}
		if err != nil {
			return fmt.Errorf("menyimpan pejabat penanda tangan: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return signerChanged()
		}
		// Kept for the certificates issued while this setting is in force.
		if _, err := tx.ExecContext(ctx, db.q(`INSERT INTO region_signer_versions (region_id, version, name, nip, title, emblem, emblem_type, saved_at)
			SELECT region_id, version, name, nip, title, emblem, emblem_type, updated_at FROM region_signers WHERE region_id = ?`), in.RegionID); err != nil {
			return fmt.Errorf("menyimpan riwayat pejabat penanda tangan: %w", err)
		}
		return insertAudit(ctx, db, tx, domain.AuditEntry{ActorID: &in.ActorID, Action: "region.signer", ObjectType: "region",
			ObjectID: fmt.Sprint(in.RegionID), Before: signerAudit(cur.Name, cur.NIP, cur.Title, cur.Emblem),
			After: signerAudit(name, nip, title, emblem)})
	})
	if err != nil {
		return domain.RegionSigner{}, err
	}
	return db.RegionSigner(ctx, in.RegionID, false)
}

func signerChanged() error {
	return domain.Errorf(domain.CodeConflict, "Pejabat penanda tangan baru saja diubah oleh admin lain. Isian Anda belum disimpan: bandingkan dengan data terbaru, lalu simpan lagi bila isian Anda yang benar.")
}
