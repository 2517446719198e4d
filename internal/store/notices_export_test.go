package store

import "context"

// MigrateToForTest moves the schema up or down to version, for the tests of
// a migration's effect on rows written before it.
func (db *DB) MigrateToForTest(ctx context.Context, version int64) error {
	p, err := db.provider()
	if err != nil {
		return err
	}
	cur, err := p.GetDBVersion(ctx)
	if err != nil {
		return err
	}
	if version < cur {
		_, err = p.DownTo(ctx, version)
	} else {
		_, err = p.UpTo(ctx, version)
	}
	return err
}
