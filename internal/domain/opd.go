package domain

// OPDInput is what an admin fills in for an OPD.
type OPDInput struct {
	Name, ShortName, Kind string
}

// OPDSummary is an OPD with its user counts, for the admin's overview.
type OPDSummary struct {
	OPD
	Users           int `db:"users"`
	Trainees        int `db:"trainees"`
	DesignatedAdmin int `db:"designated_admins"`
}
