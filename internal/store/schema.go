package store

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
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
	// Checks maps a table to its CHECK constraints, each described by what
	// survives both engines' rewriting of the expression: the columns it
	// names, its string literals and its numbers ("cols=state values='a','b'").
	Checks map[string][]string
	// Indexes maps a table to its indexes made by CREATE INDEX (not those
	// behind a primary or unique key): "name(col,col)", " UNIQUE" and
	// " (sebagian)" appended when they apply.
	Indexes map[string][]string
	// Triggers maps a table to one "name: TIMING EVENT[ OF col,col]" entry per
	// event of each trigger, sorted. A PostgreSQL trigger on several events
	// gives several entries; SQLite has one trigger per event.
	Triggers map[string][]string
}

// ReadSchema reads the application's tables (goose's own table excluded).
func (db *DB) ReadSchema(ctx context.Context) (Schema, error) {
	s := Schema{Tables: map[string][]string{}, Uniques: map[string][]string{}, ForeignKeys: map[string][]string{},
		Checks: map[string][]string{}, Indexes: map[string][]string{}, Triggers: map[string][]string{}}
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
		sort.Strings(s.Checks[t])
		sort.Strings(s.Indexes[t])
		sort.Strings(s.Triggers[t])
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
	for _, ix := range idx {
		if ix.Origin != "c" {
			continue
		}
		var names []*string
		if err := db.r.SelectContext(ctx, &names, `SELECT name FROM pragma_index_info(?) ORDER BY seqno`, ix.Name); err != nil {
			return err
		}
		s.Indexes[t] = append(s.Indexes[t], indexDesc(ix.Name, names, ix.Unique, ix.Partial))
	}
	// SQLite keeps CHECK constraints only in the CREATE TABLE text (with
	// every ALTER TABLE ADD COLUMN appended to it).
	var def string
	if err := db.r.GetContext(ctx, &def, `SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, t); err != nil {
		return err
	}
	columns := columnSet(s.Tables[t])
	for _, expr := range checkExprs(def) {
		s.Checks[t] = append(s.Checks[t], checkDesc(expr, columns))
	}
	var triggers []struct {
		Name string `db:"name"`
		SQL  string `db:"sql"`
	}
	if err := db.r.SelectContext(ctx, &triggers, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`, t); err != nil {
		return err
	}
	for _, tr := range triggers {
		m := sqliteTriggerEvent.FindStringSubmatch(tr.SQL)
		if m == nil {
			return fmt.Errorf("pemicu %s: peristiwanya tidak terbaca", tr.Name)
		}
		event := strings.ToUpper(strings.Join(strings.Fields(m[1]), " ")) + " " + strings.ToUpper(m[2])
		if m[3] != "" {
			var of []string
			for _, c := range strings.Split(m[3], ",") {
				of = append(of, strings.TrimSpace(c))
			}
			sort.Strings(of)
			event += " OF " + strings.Join(of, ",")
		}
		s.Triggers[t] = append(s.Triggers[t], tr.Name+": "+event)
	}
	return nil
}

// sqliteTriggerEvent finds a trigger's timing, event and UPDATE OF columns.
var sqliteTriggerEvent = regexp.MustCompile(`(?is)\b(BEFORE|AFTER|INSTEAD\s+OF)\s+(INSERT|DELETE|UPDATE)(?:\s+OF\s+([\w\s,]+?))?\s+ON\s`)

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
	var indexes []struct {
		Name    string `db:"name"`
		Cols    string `db:"cols"`
		Unique  bool   `db:"uniq"`
		Partial bool   `db:"partial"`
	}
	if err := db.r.SelectContext(ctx, &indexes, db.q(`
		SELECT ic.relname AS name, string_agg(COALESCE(a.attname, '*'), ',' ORDER BY k.ord) AS cols,
			i.indisunique AS uniq, (i.indpred IS NOT NULL) AS partial
		FROM pg_index i
		JOIN pg_class c ON c.oid = i.indrelid
		JOIN pg_class ic ON ic.oid = i.indexrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace
		CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
		LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
		WHERE n.nspname = current_schema() AND c.relname = ?
			AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
		GROUP BY ic.relname, i.indisunique, i.indpred`), t); err != nil {
		return err
	}
	for _, ix := range indexes {
		var names []*string
		for _, c := range strings.Split(ix.Cols, ",") {
			if c == "*" {
				names = append(names, nil)
			} else {
				names = append(names, &c)
			}
		}
		s.Indexes[t] = append(s.Indexes[t], indexDesc(ix.Name, names, ix.Unique, ix.Partial))
	}
	var checks []string
	if err := db.r.SelectContext(ctx, &checks, db.q(`
		SELECT pg_get_constraintdef(con.oid)
		FROM pg_constraint con
		JOIN pg_class c ON c.oid = con.conrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE con.contype = 'c' AND n.nspname = current_schema() AND c.relname = ?`), t); err != nil {
		return err
	}
	columns := columnSet(s.Tables[t])
	for _, def := range checks {
		s.Checks[t] = append(s.Checks[t], checkDesc(strings.TrimPrefix(def, "CHECK "), columns))
	}
	var triggers []struct {
		Name string `db:"tgname"`
		Type int    `db:"tgtype"`
		Of   string `db:"of"`
	}
	if err := db.r.SelectContext(ctx, &triggers, db.q(`
		SELECT t.tgname, t.tgtype,
			COALESCE((SELECT string_agg(a.attname, ',' ORDER BY a.attname) FROM unnest(t.tgattr) AS k(attnum)
				JOIN pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.attnum), '') AS of
		FROM pg_trigger t
		JOIN pg_class c ON c.oid = t.tgrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE NOT t.tgisinternal AND n.nspname = current_schema() AND c.relname = ?`), t); err != nil {
		return err
	}
	// tgtype's bits, from PostgreSQL's pg_trigger.h.
	const (
		before    = 1 << 1
		onInsert  = 1 << 2
		onDelete  = 1 << 3
		onUpdate  = 1 << 4
		insteadOf = 1 << 6
	)
	for _, tr := range triggers {
		timing := "AFTER"
		switch {
		case tr.Type&before != 0:
			timing = "BEFORE"
		case tr.Type&insteadOf != 0:
			timing = "INSTEAD OF"
		}
		for _, ev := range []struct {
			bit  int
			name string
		}{{onInsert, "INSERT"}, {onDelete, "DELETE"}, {onUpdate, "UPDATE"}} {
			if tr.Type&ev.bit == 0 {
				continue
			}
			event := timing + " " + ev.name
			if ev.bit == onUpdate && tr.Of != "" {
				event += " OF " + tr.Of
			}
			s.Triggers[t] = append(s.Triggers[t], tr.Name+": "+event)
		}
	}
	return nil
}

// columnSet is the set of column names of a Tables entry.
func columnSet(cols []string) map[string]bool {
	set := map[string]bool{}
	for _, c := range cols {
		set[strings.TrimSuffix(c, " NOT NULL")] = true
	}
	return set
}

// indexDesc describes an index; an expression column shows as "*".
func indexDesc(name string, cols []*string, unique, partial bool) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = "*"
		if c != nil {
			names[i] = *c
		}
	}
	d := name + "(" + strings.Join(names, ",") + ")"
	if unique {
		d += " UNIQUE"
	}
	if partial {
		d += " (sebagian)"
	}
	return d
}

// checkExprs returns the expression of every CHECK in a CREATE TABLE text.
func checkExprs(def string) []string {
	var exprs []string
	toks := sqlTokens(def)
	for i := 0; i < len(toks); i++ {
		if !strings.EqualFold(toks[i], "CHECK") || i+1 >= len(toks) || toks[i+1] != "(" {
			continue
		}
		depth, j := 0, i+1
		for ; j < len(toks); j++ {
			switch toks[j] {
			case "(":
				depth++
			case ")":
				depth--
			}
			if depth == 0 {
				break
			}
		}
		exprs = append(exprs, strings.Join(toks[i+2:j], " "))
		i = j
	}
	return exprs
}

// checkDesc describes a CHECK expression by the table columns it names, its
// string literals and its numbers. PostgreSQL stores a rewritten expression
// (IN becomes = ANY (ARRAY[…]), BETWEEN two comparisons, literals get casts),
// so operators cannot be compared across engines; these three parts can.
func checkDesc(expr string, cols map[string]bool) string {
	var names, values, numbers []string
	seen := map[string]bool{}
	toks := sqlTokens(expr)
	for i, tok := range toks {
		if seen[tok] {
			continue
		}
		switch {
		case strings.HasPrefix(tok, "'"):
			values = append(values, tok)
		case tok[0] >= '0' && tok[0] <= '9':
			numbers = append(numbers, tok)
		case cols[strings.ToLower(strings.Trim(tok, `"`))] && (i == 0 || toks[i-1] != "::"):
			names = append(names, strings.ToLower(strings.Trim(tok, `"`)))
		default:
			continue
		}
		seen[tok] = true
	}
	sort.Strings(names)
	sort.Strings(values)
	sort.Slice(numbers, func(i, j int) bool {
		a, _ := strconv.ParseFloat(numbers[i], 64)
		b, _ := strconv.ParseFloat(numbers[j], 64)
		return a < b
	})
	return "cols=" + strings.Join(names, ",") + " values=" + strings.Join(values, ",") + " numbers=" + strings.Join(numbers, ",")
}

// sqlTokens splits SQL text into string literals, quoted and bare words,
// numbers, "::" and single punctuation characters; whitespace and comments
// are dropped.
func sqlTokens(sql string) []string {
	var toks []string
	r := []rune(sql)
	for i := 0; i < len(r); {
		c := r[i]
		switch {
		case unicode.IsSpace(c):
			i++
		case c == '-' && i+1 < len(r) && r[i+1] == '-':
			for i < len(r) && r[i] != '\n' {
				i++
			}
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(r) {
				if r[j] == c {
					if j+1 < len(r) && r[j+1] == c {
						j += 2
						continue
					}
					break
				}
				j++
			}
			toks = append(toks, string(r[i:min(j+1, len(r))]))
			i = j + 1
		case c == ':' && i+1 < len(r) && r[i+1] == ':':
			toks = append(toks, "::")
			i += 2
		case unicode.IsLetter(c) || c == '_' || unicode.IsDigit(c):
			j := i
			for j < len(r) && (unicode.IsLetter(r[j]) || unicode.IsDigit(r[j]) || r[j] == '_' || r[j] == '.' && unicode.IsDigit(c)) {
				j++
			}
			toks = append(toks, string(r[i:j]))
			i = j
		default:
			toks = append(toks, string(c))
			i++
		}
	}
	return toks
}

func colDesc(name string, notNull bool) string {
	if notNull {
		return name + " NOT NULL"
	}
	return name
}
