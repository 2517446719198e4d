package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// Schema describes the tables as both engines can report them, so a test can
// prove the two migration sets end at the same structure.
type Schema struct {
	// Tables maps a table name to its columns ("name" or "name NOT NULL"), sorted.
	Tables map[string][]string
	// Uniques maps a table to its unique keys (comma-joined column lists), sorted; primary keys excluded.
	Uniques map[string][]string
	// ForeignKeys maps a table to "col -> table.col" entries, sorted.
	ForeignKeys map[string][]string
}

// ReadSchema reads the application's tables (goose's own table excluded).
func (db *DB) ReadSchema(ctx context.Context) (Schema, error) {
	s := Schema{Tables: map[string][]string{}, Uniques: map[string][]string{}, ForeignKeys: map[string][]string{}}
	var tables []string
	var err error
	if db.Dialect == SQLite {
		err = db.r.SelectContext(ctx, &tables, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'goose_db_version'`)
	} else {
		err = db.r.SelectContext(ctx, &tables, `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'goose_db_version'`)
	}
	if err != nil {
		return s, fmt.Errorf("membaca daftar tabel: %w", err)
	}
	for _, t := range tables {
		var readErr error
		if db.Dialect == SQLite {
			readErr = db.readSQLiteTable(ctx, t, &s)
		} else {
			readErr = db.readPostgresTable(ctx, t, &s)
		}
		if readErr != nil {
			return s, fmt.Errorf("membaca tabel %s: %w", t, readErr)
		}
		sort.Strings(s.Tables[t])
		sort.Strings(s.Uniques[t])
		sort.Strings(s.ForeignKeys[t])
	}
	return s, nil
}

func (db *DB) readSQLiteTable(ctx context.Context, t string, s *Schema) error {
	var cols []struct {
		CID     int     `db:"cid"`
		Name    string  `db:"name"`
		Type    string  `db:"type"`
		NotNull bool    `db:"notnull"`
		Default *string `db:"dflt_value"`
		PK      int     `db:"pk"`
	}
	if err := db.r.SelectContext(ctx, &cols, `SELECT * FROM pragma_table_info(?)`, t); err != nil {
		return err
	}
	for _, c := range cols {
		s.Tables[t] = append(s.Tables[t], colDesc(c.Name, c.NotNull || c.PK > 0))
	}
	var idx []struct {
		Seq     int    `db:"seq"`
		Name    string `db:"name"`
		Unique  bool   `db:"unique"`
		Origin  string `db:"origin"`
		Partial bool   `db:"partial"`
	}
	if err := db.r.SelectContext(ctx, &idx, `SELECT * FROM pragma_index_list(?)`, t); err != nil {
		return err
	}
	for _, ix := range idx {
		if !ix.Unique || ix.Origin == "pk" {
			continue
		}
		var names []string
		if err := db.r.SelectContext(ctx, &names, `SELECT name FROM pragma_index_info(?) ORDER BY seqno`, ix.Name); err != nil {
			return err
		}
		key := strings.Join(names, ",")
		if ix.Partial {
			key += " (sebagian)"
		}
		s.Uniques[t] = append(s.Uniques[t], key)
	}
	var fks []struct {
		Table string `db:"table"`
		From  string `db:"from"`
		To    string `db:"to"`
	}
	if err := db.r.SelectContext(ctx, &fks, `SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)`, t); err != nil {
		return err
	}
	for _, fk := range fks {
		s.ForeignKeys[t] = append(s.ForeignKeys[t], fk.From+" -> "+fk.Table+"."+fk.To)
	}
	return nil
}

func (db *DB) readPostgresTable(ctx context.Context, t string, s *Schema) error {
	var cols []struct {
		Name     string `db:"column_name"`
		Nullable string `db:"is_nullable"`
	}
	if err := db.r.SelectContext(ctx, &cols, db.q(`SELECT column_name, is_nullable FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = ?`), t); err != nil {
		return err
	}
	for _, c := range cols {
		s.Tables[t] = append(s.Tables[t], colDesc(c.Name, c.Nullable == "NO"))
	}
	var uniques []struct {
		Cols    string `db:"cols"`
		Partial bool   `db:"partial"`
	}
	if err := db.r.SelectContext(ctx, &uniques, db.q(`
		SELECT string_agg(a.attname, ',' ORDER BY k.ord) AS cols, (i.indpred IS NOT NULL) AS partial
		FROM pg_index i
		JOIN pg_class c ON c.oid = i.indrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace
		CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
		JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
		WHERE n.nspname = current_schema() AND c.relname = ? AND i.indisunique AND NOT i.indisprimary
		GROUP BY i.indexrelid, i.indpred`), t); err != nil {
		return err
	}
	for _, u := range uniques {
		key := u.Cols
		if u.Partial {
			key += " (sebagian)"
		}
		s.Uniques[t] = append(s.Uniques[t], key)
	}
	var fks []string
	if err := db.r.SelectContext(ctx, &fks, db.q(`
		SELECT a.attname || ' -> ' || rc.relname || '.' || ra.attname
		FROM pg_constraint con
		JOIN pg_class c ON c.oid = con.conrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace
		JOIN pg_class rc ON rc.oid = con.confrelid
		CROSS JOIN LATERAL unnest(con.conkey, con.confkey) AS k(col, refcol)
		JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.col
		JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = k.refcol
		WHERE con.contype = 'f' AND n.nspname = current_schema() AND c.relname = ?`), t); err != nil {
		return err
	}
	s.ForeignKeys[t] = append(s.ForeignKeys[t], fks...)
	return nil
}

func colDesc(name string, notNull bool) string {
	if notNull {
		return name + " NOT NULL"
	}
	return name
}
