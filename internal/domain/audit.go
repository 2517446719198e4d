package domain

import "time"

// AuditEntry is one line of the audit log: who did what to which object, and the state before and after.
type AuditEntry struct {
	ID         int64     `db:"id"`
	ActorID    *int64    `db:"actor_id"`
	Action     string    `db:"action"`
	ObjectType string    `db:"object_type"`
	ObjectID   string    `db:"object_id"`
	BeforeJSON string    `db:"before_json"`
	AfterJSON  string    `db:"after_json"`
	Reason     string    `db:"reason"`
	CreatedAt  time.Time `db:"created_at"`

	Before any `db:"-"`
	After  any `db:"-"`
}
