package domain

import "time"

// RegionSigner is the official who signs a region's certificates and the
// region's emblem. The zero value (Version 0) means nothing was set.
type RegionSigner struct {
	RegionID   int64     `db:"region_id"`
	Name       string    `db:"name"`
	NIP        string    `db:"nip"` // 18 digits, or "" for an official who is not a civil servant
	Title      string    `db:"title"`
	Emblem     []byte    `db:"emblem"`
	EmblemType string    `db:"emblem_type"` // "PNG", "JPG" or ""
	Version    int64     `db:"version"`
	UpdatedBy  *int64    `db:"updated_by"`
	UpdatedAt  time.Time `db:"updated_at"`

	UpdatedByName string `db:"updated_by_name"`
	EmblemBytes   int    `db:"emblem_bytes"`
}

// SignerInput is one save of the admin's form. Version is the version the
// form was shown with (0 when nothing was set yet). Emblem, when not nil,
// replaces the emblem; RemoveEmblem removes it; otherwise it stays.
type SignerInput struct {
	ActorID, RegionID int64
	Version           int64
	Name, NIP, Title  string
	Emblem            []byte
	EmblemType        string
	RemoveEmblem      bool
}
