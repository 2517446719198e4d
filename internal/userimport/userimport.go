// Package userimport reads a CSV of accounts to create (email, nama, peran,
// opd, admin_medsos) and checks every row before anything is stored, with the
// rules store.CreateUsers applies. `bimtek import users` and the admin's
// import page both use it, so a file passes or fails the same way in both.
package userimport

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// Columns are the CSV header, in Indonesian as admins write it; the last
// (admin_medsos) may be left out.
var Columns = []string{"email", "nama", "peran", "opd", "admin_medsos"}

// Row is one account the file asks for, checked.
type Row struct {
	Line       int
	Email      string
	Name       string
	Role       domain.Role
	OPDID      *int64
	Designated bool
}

// Problem is what is wrong with one line of the file.
type Problem struct {
	Line    int
	Message string
}

func (p Problem) String() string { return fmt.Sprintf("baris %d: %s", p.Line, p.Message) }

// Check reads every row of r and checks it: email (a plain address with a
// domain ending, not twice in the file, not taken), name, role, OPD (of
// regionID when it is not 0) and designation. It returns the good rows and
// every problem with its line; an error only when the file has no readable
// header or lacks a column.
func Check(ctx context.Context, db *store.DB, r io.Reader, regionID int64) ([]Row, []Problem, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("berkas CSV kosong atau rusak: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, want := range Columns[:4] {
		if _, ok := col[want]; !ok {
			return nil, nil, fmt.Errorf("kolom %q tidak ada di baris judul; kolom yang diharapkan: %s", want, strings.Join(Columns, ","))
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var rows []Row
	var problems []Problem
	seen := map[string]int{}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			problems = append(problems, Problem{line, fmt.Sprintf("CSV tidak dapat dibaca: %v", err)})
			continue
		}
		row := Row{Line: line, Role: domain.Role(strings.ToLower(get(rec, "peran")))}
		var bad []string
		// The same text rules as the real insert (store.CreateUsers), so a
		// check passes exactly the rows the import then stores.
		email, msg := domain.TextEmail.Check(get(rec, "email"))
		row.Email = store.NormalizeEmail(email)
		if msg != "" {
			bad = append(bad, msg)
		} else if !domain.ValidEmail(row.Email) {
			bad = append(bad, fmt.Sprintf("email %q tidak valid", row.Email))
		} else if prev, dup := seen[row.Email]; dup {
			bad = append(bad, fmt.Sprintf("email %s sudah ada di baris %d", row.Email, prev))
		} else if _, err := db.UserByEmail(ctx, row.Email); err == nil {
			bad = append(bad, fmt.Sprintf("email %s sudah terdaftar", row.Email))
		} else if !errors.Is(err, domain.ErrNotFound) {
			return nil, nil, err
		}
		seen[row.Email] = line
		if row.Name, msg = domain.TextUserName.Check(get(rec, "nama")); msg != "" {
			bad = append(bad, msg)
		}
		if !row.Role.Valid() {
			bad = append(bad, fmt.Sprintf("peran %q tidak dikenal (peserta, fasilitator, pimpinan_opd, admin)", get(rec, "peran")))
		}
		if o := get(rec, "opd"); o != "" {
			opd, err := db.FindOPD(ctx, o)
			if err != nil || (regionID != 0 && opd.RegionID != regionID) {
				bad = append(bad, fmt.Sprintf("OPD %q tidak ditemukan", o))
			} else {
				row.OPDID = &opd.ID
			}
		} else if row.Role == domain.RolePimpinanOPD {
			bad = append(bad, "pimpinan_opd wajib punya OPD")
		}
		switch strings.ToLower(get(rec, "admin_medsos")) {
		case "ya", "y", "1", "true":
			row.Designated = true
			if row.Role != domain.RolePeserta {
				bad = append(bad, "hanya peserta yang dapat ditunjuk sebagai admin media sosial")
			}
		case "", "tidak", "t", "0", "false":
		default:
			bad = append(bad, fmt.Sprintf("admin_medsos %q harus ya atau tidak", get(rec, "admin_medsos")))
		}
		if len(bad) > 0 {
			problems = append(problems, Problem{line, strings.Join(bad, "; ")})
			continue
		}
		rows = append(rows, row)
	}
	return rows, problems, nil
}

// CSVCell keeps a spreadsheet from reading a cell as a formula: one starting
// with = + - @ (or a tab or carriage return) gets a leading apostrophe.
func CSVCell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

// FirstPasswords makes a first password for every row and its fast hash
// (auth.HashFirstPassword: a random secret changed at the first login), and
// the accounts to store in regionID; progress, when not nil, is told after
// each row.
func FirstPasswords(rows []Row, regionID int64, progress func(done int)) ([]string, []store.NewUser, error) {
	passwords := make([]string, len(rows))
	users := make([]store.NewUser, len(rows))
	for i, r := range rows {
		pw := auth.GeneratePassword()
		hash, err := auth.HashFirstPassword(pw)
		if err != nil {
			return nil, nil, fmt.Errorf("baris %d: %w", r.Line, err)
		}
		passwords[i] = pw
		users[i] = store.NewUser{RegionID: regionID, OPDID: r.OPDID, Email: r.Email, Name: r.Name,
			Role: r.Role, IsDesignatedAdmin: r.Designated, PasswordHash: hash}
		if progress != nil {
			progress(i + 1)
		}
	}
	return passwords, users, nil
}
