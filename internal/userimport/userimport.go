// Package userimport reads a CSV of accounts to create (email, nama, peran,
// opd, admin_medsos) and checks every row before anything is stored, with the
// rules store.CreateUsers applies. `bimtek import users` and the admin's
// import page both use it, so a file passes or fails the same way in both.
package userimport

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
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

// Problem is what is wrong with one line of the file: Message in
// Indonesian (the command line's), Parts the same as messages of the message
// file (web/i18n/en.json) for a reader of another language.
type Problem struct {
	Line    int
	Message string
	Parts   []i18n.Msg
}

// In is what is wrong in language l.
func (p Problem) In(l i18n.Lang) string {
	if len(p.Parts) == 0 {
		return i18n.T(l, p.Message)
	}
	out := make([]string, len(p.Parts))
	for i, m := range p.Parts {
		out[i] = m.In(l)
	}
	return strings.Join(out, "; ")
}

// problem joins the messages of one line.
func problem(line int, parts []i18n.Msg) Problem {
	texts := make([]string, len(parts))
	for i, m := range parts {
		texts[i] = m.String()
	}
	return Problem{Line: line, Message: strings.Join(texts, "; "), Parts: parts}
}

// textProblem is a text rule's message as a message of the file.
func textProblem(rule domain.TextRule, raw string) (string, *i18n.Msg) {
	clean, id, data := rule.Problem(raw)
	if id == "" {
		return clean, nil
	}
	for k, v := range data {
		switch x := v.(type) {
		case domain.Label:
			data[k] = i18n.Phrase(x)
		case domain.Num:
			data[k] = int(x)
		}
	}
	m := i18n.Message(id, data)
	return clean, &m
}

func (p Problem) String() string { return p.LineIn(i18n.ID) }

// LineIn is the problem with its line number in language l: "baris 3: …".
func (p Problem) LineIn(l i18n.Lang) string {
	return i18n.Tf(l, "baris {{.Line}}: {{.Problem}}", map[string]any{"Line": p.Line, "Problem": p.In(l)})
}

// Check reads every row of r and checks it: email (a plain address with a
// domain ending, not twice in the file, not taken), name, role, OPD (of
// regionID when it is not 0) and designation. It returns the good rows and
// every problem with its line; an error only when the file has no readable
// header or lacks a column (a CodeInvalid *domain.Error with its message id).
func Check(ctx context.Context, db *store.DB, r io.Reader, regionID int64) ([]Row, []Problem, error) {
	var raw bytes.Buffer // the text read so far, to say what a parse error is about
	cr := csv.NewReader(io.TeeReader(r, &raw))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, domain.Errort(domain.CodeInvalid, "berkas CSV kosong", nil)
	}
	if err != nil {
		m := csvProblem(err, raw.Bytes())
		return nil, nil, domain.Errort(domain.CodeInvalid, "baris judul CSV tidak dapat dibaca: {{.Problem}}", map[string]any{"Problem": m})
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, want := range Columns[:4] {
		if _, ok := col[want]; !ok {
			return nil, nil, domain.Errort(domain.CodeInvalid, "kolom “{{.Column}}” tidak ada di baris judul; kolom yang diharapkan: {{.Columns}}",
				map[string]any{"Column": want, "Columns": strings.Join(Columns, ",")})
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
			var pe *csv.ParseError
			if errors.As(err, &pe) && pe.StartLine > 0 {
				line = pe.StartLine
			}
			problems = append(problems, problem(line, []i18n.Msg{csvProblem(err, raw.Bytes())}))
			if pe != nil && pe.Line > line {
				line = pe.Line
			}
			continue
		}
		if len(rec) > len(header) && strings.TrimSpace(strings.Join(rec[len(header):], "")) != "" {
			problems = append(problems, problem(line, []i18n.Msg{i18n.Message("baris ini berisi {{.Got}} kolom, lebih banyak daripada baris judul ({{.Want}} kolom); isi kolom yang memuat koma harus diapit tanda kutip ({{.Q}})",
				map[string]any{"Got": len(rec), "Want": len(header), "Q": `"`})}))
			continue
		}
		row := Row{Line: line, Role: domain.Role(strings.ToLower(get(rec, "peran")))}
		var bad []i18n.Msg
		say := func(id string, data map[string]any) { bad = append(bad, i18n.Message(id, data)) }
		// The same text rules as the real insert (store.CreateUsers), so a
		// check passes exactly the rows the import then stores.
		email, msg := textProblem(domain.TextEmail, get(rec, "email"))
		row.Email = store.NormalizeEmail(email)
		if msg != nil {
			bad = append(bad, *msg)
		} else if !domain.ValidEmail(row.Email) {
			say("email “{{.Email}}” tidak valid", map[string]any{"Email": row.Email})
		} else if prev, dup := seen[row.Email]; dup {
			say("email {{.Email}} sudah ada di baris {{.Line}}", map[string]any{"Email": row.Email, "Line": prev})
		} else if _, err := db.UserByEmail(ctx, row.Email); err == nil {
			say("email {{.Email}} sudah terdaftar", map[string]any{"Email": row.Email})
		} else if !errors.Is(err, domain.ErrNotFound) {
			return nil, nil, err
		}
		seen[row.Email] = line
		if row.Name, msg = textProblem(domain.TextUserName, get(rec, "nama")); msg != nil {
			bad = append(bad, *msg)
		}
		if !row.Role.Valid() {
			say("peran “{{.Role}}” tidak dikenal (peserta, fasilitator, pimpinan_opd, admin)", map[string]any{"Role": get(rec, "peran")})
		}
		if o := get(rec, "opd"); o != "" {
			opd, err := db.FindOPD(ctx, o)
			if err != nil || (regionID != 0 && opd.RegionID != regionID) {
				say("OPD “{{.OPD}}” tidak ditemukan", map[string]any{"OPD": o})
			} else {
				row.OPDID = &opd.ID
			}
		} else if row.Role == domain.RolePimpinanOPD {
			say("peran pimpinan_opd wajib terhubung dengan satu OPD", nil)
		}
		switch strings.ToLower(get(rec, "admin_medsos")) {
		case "ya", "y", "1", "true":
			row.Designated = true
			if row.Role != domain.RolePeserta {
				say("hanya peserta yang dapat ditunjuk sebagai admin media sosial", nil)
			}
		case "", "tidak", "t", "0", "false":
		default:
			say("admin_medsos “{{.Value}}” harus ya atau tidak", map[string]any{"Value": get(rec, "admin_medsos")})
		}
		if len(bad) > 0 {
			problems = append(problems, problem(line, bad))
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
func FirstPasswords(rows []Row, regionID int64, progress func(done int)) ([]string, []domain.NewUser, error) {
	passwords := make([]string, len(rows))
	users := make([]domain.NewUser, len(rows))
	for i, r := range rows {
		pw := auth.GeneratePassword()
		hash, err := auth.HashFirstPassword(pw)
		if err != nil {
			return nil, nil, fmt.Errorf("baris %d: %w", r.Line, err)
		}
		passwords[i] = pw
		users[i] = domain.NewUser{RegionID: regionID, OPDID: r.OPDID, Email: r.Email, Name: r.Name,
			Role: r.Role, IsDesignatedAdmin: r.Designated, PasswordHash: hash}
		if progress != nil {
			progress(i + 1)
		}
	}
	return passwords, users, nil
}

// csvProblem says in plain words what is wrong where the CSV reader stopped,
// instead of the reader's own English: a quote in the middle of a field, text
// after a closing quote, or a quote never closed. raw is the text read so far.
func csvProblem(err error, raw []byte) i18n.Msg {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return i18n.Message("berkas tidak dapat dibaca sampai akhir", nil)
	}
	lines := strings.Split(string(raw), "\n")
	text := ""
	if pe.Line >= 1 && pe.Line <= len(lines) {
		text = strings.TrimSuffix(lines[pe.Line-1], "\r")
	}
	column := pe.Column
	if pe.Column >= 1 && pe.Column-1 <= len(text) {
		column = utf8.RuneCountInString(text[:pe.Column-1]) + 1
	}
	at := map[string]any{"Line": pe.Line, "Column": column, "Q": `"`, "QQ": `""`}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return i18n.Message("ada tanda kutip ({{.Q}}) di tengah isi kolom (baris {{.Line}}, karakter ke-{{.Column}}); apit seluruh isi kolom dengan tanda kutip dan tulis setiap tanda kutip di dalamnya dua kali ({{.QQ}})", at)
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Column >= 1 && pe.Column <= len(text) && text[pe.Column-1] == '"':
		return i18n.Message("ada teks sesudah tanda kutip penutup (baris {{.Line}}, karakter ke-{{.Column}}); tanda kutip di dalam isi kolom harus ditulis dua kali ({{.QQ}})", at)
	case errors.Is(pe.Err, csv.ErrQuote):
		return i18n.Message("tanda kutip ({{.Q}}) pembuka di baris {{.Line}} tidak pernah ditutup, sehingga sisa berkas terbaca sebagai isi satu kolom; tambahkan tanda kutip penutup di akhir isi kolom itu",
			map[string]any{"Line": pe.StartLine, "Q": `"`})
	case errors.Is(pe.Err, csv.ErrFieldCount):
		return i18n.Message("jumlah kolom baris {{.Line}} berbeda dari baris judul", at)
	}
	return i18n.Message("baris {{.Line}} tidak dapat dibaca sebagai CSV", at)
}
