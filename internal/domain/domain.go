// Package domain holds the types every layer shares: roles, users, OPDs and the
// application error with its code. It imports nothing of the app.
package domain

import (
	"errors"
	"fmt"
	"time"
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
}

// Code classifies an application error; the HTTP layer maps it to a status in one place.
type Code int

// Error codes.
const (
	CodeInternal Code = iota
	CodeNotFound
	CodeInvalid
	CodeConflict
	CodeForbidden
)

// Error is the application error: a code and a message a person can read (Indonesian).
type Error struct {
	Code    Code
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Message, e.Err)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error with a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrNotFound is returned when a looked-up object does not exist (or may not be seen).
var ErrNotFound = &Error{Code: CodeNotFound, Message: "data tidak ditemukan"}

// ErrorCode extracts the code of err; errors that are not *Error are internal.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}
