package store

import "context"

// ExecComplianceTest runs a statement on the writer, for the compliance tests
// to make changes no store function makes (moving a user to another OPD,
// deactivating an account, revoking a certificate behind the store's back).
func (db *DB) ExecComplianceTest(ctx context.Context, query string, args ...any) error {
	_, err := db.w.ExecContext(ctx, db.q(query), args...)
	return err
}

// CountForComplianceTest counts the rows of a table.
func (db *DB) CountForComplianceTest(ctx context.Context, table string, n *int) error {
	return db.r.GetContext(ctx, n, "SELECT COUNT(*) FROM "+table)
}
