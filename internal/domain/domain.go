// Package domain holds the types every layer shares: roles, users, OPDs and the
// application error with its code (the one error vocabulary of store, services
// and handlers). It imports nothing of the app but the leaf msgfill.
package domain

import (
	"errors"
	"fmt"
	"time"

	"github.com/bimtek/bimtek/internal/msgfill"
)

// Role is what a user may do; see DESIGN.md §5.
type Role string

// The four roles.
const (
	RolePeserta     Role = "peserta"
	RoleFasilitator Role = "fasilitator"
	RolePimpinanOPD Role = "pimpinan_opd"
	RoleAdmin       Role = "admin"
)

// Roles lists every role in display order.
var Roles = []Role{RolePeserta, RoleFasilitator, RolePimpinanOPD, RoleAdmin}

// Valid reports whether r is one of the four roles.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// Label is the role's name as the interface shows it.
func (r Role) Label() string {
	switch r {
	case RolePeserta:
		return "Peserta"
	case RoleFasilitator:
		return "Fasilitator"
	case RolePimpinanOPD:
		return "Pimpinan OPD"
	case RoleAdmin:
		return "Admin"
	}
	return string(r)
}

// OPDKinds are the kinds of regional agency the schema accepts, with labels.
var OPDKinds = []struct{ Kind, Label string }{
	{"sekretariat", "Sekretariat"},
	{"bagian", "Bagian"},
	{"inspektorat", "Inspektorat"},
	{"dinas", "Dinas"},
	{"badan", "Badan"},
	{"satuan", "Satuan"},
	{"rsud", "RSUD"},
	{"kecamatan", "Kecamatan"},
	{"kelurahan", "Kelurahan"},
	{"lainnya", "Lainnya"},
}

// OPDKindLabel returns the display label of an OPD kind.
func OPDKindLabel(kind string) string {
	for _, k := range OPDKinds {
		if k.Kind == kind {
			return k.Label
		}
	}
	return kind
}

// Region is a regional government (pemerintah daerah).
type Region struct {
	ID        int64     `db:"id"`
	Slug      string    `db:"slug"`
	Name      string    `db:"name"`
	Code      string    `db:"code"`
	Timezone  string    `db:"timezone"`
	CreatedAt time.Time `db:"created_at"`
}

// OPD is a regional agency (Organisasi Perangkat Daerah).
type OPD struct {
	ID        int64     `db:"id"`
	RegionID  int64     `db:"region_id"`
	Name      string    `db:"name"`
	ShortName string    `db:"short_name"`
	Kind      string    `db:"kind"`
	CreatedAt time.Time `db:"created_at"`
}

// User is a person who can log in.
type User struct {
	ID                int64     `db:"id"`
	RegionID          int64     `db:"region_id"`
	OPDID             *int64    `db:"opd_id"`
	Email             string    `db:"email"`
	Name              string    `db:"name"`
	Role              Role      `db:"role"`
	IsDesignatedAdmin bool      `db:"is_designated_admin"`
	PasswordHash      string    `db:"password_hash"`
	Active            bool      `db:"active"`
	CreatedAt         time.Time `db:"created_at"`
	PasswordChangedAt time.Time `db:"password_changed_at"`
	// Lang is the interface language the user chose ("id", "en"); "" follows the browser.
	Lang string `db:"lang"`
}

// Code classifies an application error; the HTTP layer maps each code to a
// status in one place (internal/web/errors.go).
type Code int

// Error codes.
const (
	CodeInternal        Code = iota // a fault of ours (500); the message is for the log
	CodeNotFound                    // no such object, or one the user may not reach (404)
	CodeInvalid                     // the input is wrong; Fields say where (400, or the form again)
	CodeConflict                    // the object's state does not allow it now, or someone changed it first (409)
	CodeForbidden                   // the user may not do this at all (403)
	CodeUnauthenticated             // no valid credentials (401)
	CodeTooManyRequests             // a limit per time was reached (429)
)

// FieldError is one refused input with the message that explains it.
type FieldError struct {
	Field   string // the input's name (a form field, a JSON key, a query parameter)
	Message string
	// MsgID, when set, is the message as a template of the message file
	// (web/i18n/en.json) filled with Data, so the pages can show it in the
	// reader's language; Message is its Indonesian. Without it Message is a
	// fixed text, itself the message id.
	MsgID string
	Data  map[string]any
}

// FieldMsg is a FieldError whose message carries values: id is a go-i18n
// template ("Jabatan paling banyak {{.Max}} karakter"), filled with data.
func FieldMsg(field, id string, data map[string]any) FieldError {
	return FieldError{Field: field, Message: Fill(id, data), MsgID: id, Data: data}
}

// Error is the application error: a code and a message a person can read
// (Indonesian); for CodeInvalid, Fields name the inputs that are wrong.
type Error struct {
	Code    Code
	Message string
	Fields  []FieldError
	Err     error
	// MsgID and Data are Message as a template of the message file and its
	// values (see Errort); without them Message is a fixed text.
	MsgID string
	Data  map[string]any
}

// Errort builds an *Error whose message carries values: id is a go-i18n
// template of the message file ("nama angkatan \"{{.Name}}\" sudah
// dipakai") filled with data; Message is the Indonesian, and the pages put
// MsgID and Data into the reader's language.
func Errort(code Code, id string, data map[string]any) *Error {
	return &Error{Code: code, Message: Fill(id, data), MsgID: id, Data: data}
}

// Fill executes a message template with data in Indonesian (msgfill.Fill).
func Fill(id string, data map[string]any) string { return msgfill.Fill(id, data) }

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Message, e.Err)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Field is the first refused input's name, or "".
func (e *Error) Field() string {
	if len(e.Fields) == 0 {
		return ""
	}
	return e.Fields[0].Field
}

// Errorf builds an *Error with a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid is a CodeInvalid error naming the refused inputs; its message is the first one's.
func Invalid(fields ...FieldError) *Error {
	e := &Error{Code: CodeInvalid, Fields: fields}
	if len(fields) > 0 {
		e.Message = fields[0].Message
	}
	return e
}

// InvalidField is Invalid for one input with a formatted message.
func InvalidField(field, format string, args ...any) *Error {
	return Invalid(FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// The errors without details of their own. The HTTP layer shows its own page
// for them; a more specific message is made with Errorf and the same code.
var (
	// ErrNotFound is returned when a looked-up object does not exist (or may not be seen).
	ErrNotFound = &Error{Code: CodeNotFound, Message: "data tidak ditemukan"}
	// ErrForbidden is returned when the user's role may not do what was asked.
	ErrForbidden = &Error{Code: CodeForbidden, Message: "akses ditolak"}
	// ErrConflict is returned when a write finds the object changed since it
	// was read (an optimistic lock lost a race): nothing was written.
	ErrConflict = &Error{Code: CodeConflict, Message: "data ini baru saja diubah oleh orang lain; tidak ada yang tertimpa. Muat ulang halaman, lalu coba lagi"}
)

// ErrorCode extracts the code of err; errors that are not *Error are internal.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}
