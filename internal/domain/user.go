package domain

// NewUser is what it takes to create an account.
type NewUser struct {
	RegionID          int64
	OPDID             *int64
	Email             string
	Name              string
	Role              Role
	IsDesignatedAdmin bool
	PasswordHash      string
}

// UserFilter narrows the admin's user list. Zero values mean "all".
type UserFilter struct {
	RegionID int64
	Query    string // part of the name or email
	Role     Role
	OPDID    int64
}

// UserRow is a user with their OPD's name, for lists.
type UserRow struct {
	User
	OPDName string `db:"opd_name"`
}

// UserEdit is an admin's correction of an account: what the form showed
// (Seen) and what it asks for (the rest).
type UserEdit struct {
	UserID            int64
	RegionID          int64
	Email             string
	Name              string
	Role              Role
	OPDID             *int64
	IsDesignatedAdmin bool
	Seen              User
}
