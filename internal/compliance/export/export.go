// Package export writes the region's compliance table as CSV and XLSX, one
// row at a time. The rule and the row it writes live in compliance; only this
// package links excelize.
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/xuri/excelize/v2"
)

// ExportColumns are the exports' column titles, in order, in Indonesian
// (the message ids); Columns gives them in a language.
var ExportColumns = []string{
	"ID", "OPD", "Singkatan", "Jenis", "Status", "Alasan", "Akun resmi", "Admin yang ditunjuk",
	"Admin bersertifikat", "Sertifikat berakhir dalam 60 hari", "Aktivitas terakhir",
}

// Columns are the column titles in language l.
func Columns(l i18n.Lang) []string {
	out := make([]string, len(ExportColumns))
	for i, c := range ExportColumns {
		out[i] = i18n.T(l, c)
	}
	return out
}

// words are a row's texts in language l: the kind, the status and the reasons
// it does not comply.
func words(l i18n.Lang, r compliance.Row) (kind, status, reasons string) {
	rs := make([]string, len(r.Reasons))
	for i, x := range r.Reasons {
		rs[i] = i18n.T(l, x)
	}
	return i18n.T(l, r.KindLabel), i18n.T(l, r.Status.Label()), strings.Join(rs, "; ")
}

// activityText writes a last-activity moment for the exports: "2026-04-16 09:05 WIB".
func activityText(t *time.Time, loc *time.Location) string {
	if t == nil {
		return ""
	}
	return t.In(loc).Format("2006-01-02 15:04 MST")
}

// CSVWriter writes the table as CSV, one row at a time, so an export of every
// OPD in a large region never holds more than one row in memory.
type CSVWriter struct {
	w    *csv.Writer
	loc  *time.Location
	lang i18n.Lang
	rec  []string
}

// CSV dialects. Both are UTF-8 with a byte-order mark (so spreadsheet
// programs read the Indonesian text right) and CRLF line ends (RFC 4180);
// encoding/csv quotes every field holding the separator, a quote, CR or LF.
const (
	// CommaCSV separates fields with commas: for other systems, and for
	// spreadsheets set to a comma list separator.
	CommaCSV = ','
	// ExcelCSV separates fields with semicolons, the list separator of Excel
	// under Indonesian regional settings (where the comma is the decimal
	// mark); such an Excel splits a comma file wrongly. No "sep=;" line:
	// Excel then ignores the byte-order mark.
	ExcelCSV = ';'
)

// NewCSV starts a CSV export on w with the given separator (CommaCSV or
// ExcelCSV): the byte-order mark and the column titles. Titles, kinds,
// statuses and reasons are in language l; numbers, names and dates are the
// same in both.
func NewCSV(w io.Writer, loc *time.Location, sep rune, l i18n.Lang) (*CSVWriter, error) {
	if sep != CommaCSV && sep != ExcelCSV {
		return nil, fmt.Errorf("pemisah CSV %q tidak didukung", sep)
	}
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return nil, fmt.Errorf("menulis CSV: %w", err)
	}
	c := &CSVWriter{w: csv.NewWriter(w), loc: loc, lang: l, rec: make([]string, len(ExportColumns))}
	c.w.Comma, c.w.UseCRLF = sep, true
	if err := c.w.Write(Columns(l)); err != nil {
		return nil, fmt.Errorf("menulis CSV: %w", err)
	}
	return c, nil
}

// Write adds one OPD.
func (c *CSVWriter) Write(r compliance.Row) error {
	c.rec[0] = fmt.Sprint(r.ID)
	c.rec[1] = cellText(r.Name)
	c.rec[2] = cellText(r.ShortName)
	c.rec[3], c.rec[4], c.rec[5] = words(c.lang, r)
	c.rec[6] = fmt.Sprint(r.Accounts)
	c.rec[7] = fmt.Sprint(r.DesignatedAdmins)
	c.rec[8] = fmt.Sprint(r.CertifiedAdmins)
	c.rec[9] = fmt.Sprint(r.Expiring)
	c.rec[10] = activityText(r.LastActivity, c.loc)
	if err := c.w.Write(c.rec); err != nil {
		return fmt.Errorf("menulis CSV: %w", err)
	}
	return nil
}

// Flush sends what is buffered to the writer (call it every few hundred rows
// so the download starts at once) and reports any earlier write error.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("menulis CSV: %w", err)
	}
	return nil
}

// cellText defuses text a spreadsheet would run as a formula ("=…", "+…",
// "-…", "@…"): an OPD name is typed by people, and opening an export must
// never execute what someone typed.
func cellText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// XLSXWriter writes the table as an Excel workbook through excelize's
// StreamWriter, which keeps rows on disk rather than in memory as they come.
type XLSXWriter struct {
	f    *excelize.File
	sw   *excelize.StreamWriter
	loc  *time.Location
	lang i18n.Lang
	when int // style of the last-activity cells
	row  int
	cell []any
}

// XLSXSheet is the name of the workbook's one sheet, in Indonesian (the
// message id); SheetName gives it in a language.
const XLSXSheet = "Kepatuhan OPD"

// SheetName is the sheet's name in language l.
func SheetName(l i18n.Lang) string { return i18n.T(l, XLSXSheet) }

// Properties are the workbook's document properties (File > Info in Excel).
type Properties struct {
	Title   string    // e.g. "Kepatuhan OPD – Pemerintah Kabupaten Sukamaju"
	Creator string    // who made the file, e.g. the admin's name
	Created time.Time // when
	Lang    i18n.Lang // of the titles and words; Indonesian when empty
}

// NewXLSX starts a workbook with its document properties and the column
// titles in bold.
func NewXLSX(loc *time.Location, p Properties) (*XLSXWriter, error) {
	f := excelize.NewFile()
	broken := func(what string, err error) (*XLSXWriter, error) {
		f.Close()
		return nil, fmt.Errorf("%s XLSX: %w", what, err)
	}
	l, ok := i18n.Parse(string(p.Lang))
	if !ok {
		l = i18n.ID
	}
	sheet := SheetName(l)
	if p.Title == "" {
		p.Title = sheet
	}
	if p.Creator == "" {
		p.Creator = "Bimtek"
	}
	language := "id-ID"
	if l == i18n.EN {
		language = "en"
	}
	created := p.Created.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Title: p.Title, Subject: i18n.T(l, "Status kepatuhan OPD"), Creator: p.Creator,
		LastModifiedBy: p.Creator, Created: created, Modified: created, Language: language,
		Description: i18n.Tf(l, "Dibuat oleh Bimtek. Aktivitas terakhir dalam waktu {{.Zone}}.", map[string]any{"Zone": p.Created.In(loc).Format("MST")})}); err != nil {
		return broken("menyiapkan", err)
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "Bimtek"}); err != nil {
		return broken("menyiapkan", err)
	}
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return broken("menyiapkan", err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return broken("menyiapkan", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return broken("menyiapkan", err)
	}
	// A real date and time (Excel has no time zones: the region's wall
	// clock), shown with the zone's name as the CSV writes it.
	zone := time.Date(2000, 1, 1, 0, 0, 0, 0, loc).Format("MST")
	dateFmt := `yyyy-mm-dd hh:mm "` + zone + `"`
	when, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return broken("menyiapkan", err)
	}
	widths := []float64{8, 48, 16, 14, 12, 48, 11, 15, 19, 18, 22}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return broken("menyiapkan", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return broken("menyiapkan", err)
	}
	head := make([]any, len(ExportColumns))
	for i, t := range Columns(l) {
		head[i] = excelize.Cell{StyleID: bold, Value: t}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 18}); err != nil {
		return broken("menulis", err)
	}
	return &XLSXWriter{f: f, sw: sw, loc: loc, lang: l, when: when, row: 1, cell: make([]any, len(ExportColumns))}, nil
}

// Write adds one OPD: numbers stay numbers so the sheet can sum them, the
// last activity is a date cell, and an empty value is a blank cell rather
// than an empty string.
func (x *XLSXWriter) Write(r compliance.Row) error {
	x.row++
	x.cell[0] = r.ID
	x.cell[1] = blank(r.Name)
	x.cell[2] = blank(r.ShortName)
	kind, status, reasons := words(x.lang, r)
	x.cell[3] = blank(kind)
	x.cell[4] = blank(status)
	x.cell[5] = blank(reasons)
	x.cell[6] = r.Accounts
	x.cell[7] = r.DesignatedAdmins
	x.cell[8] = r.CertifiedAdmins
	x.cell[9] = r.Expiring
	x.cell[10] = nil
	if r.LastActivity != nil {
		w := r.LastActivity.In(x.loc)
		wall := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, time.UTC)
		x.cell[10] = excelize.Cell{StyleID: x.when, Value: wall}
	}
	cell, err := excelize.CoordinatesToCellName(1, x.row)
	if err != nil {
		return fmt.Errorf("menulis XLSX: %w", err)
	}
	if err := x.sw.SetRow(cell, x.cell); err != nil {
		return fmt.Errorf("menulis XLSX baris %d: %w", x.row, err)
	}
	return nil
}

// blank is nil (no cell at all) for empty text. Text cells are written as
// typed: a workbook cell holds no formula unless made one, so nothing here
// needs cellText's defusing.
func blank(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Finish completes the workbook, writes it to w and releases its temporary files.
func (x *XLSXWriter) Finish(w io.Writer) error {
	defer x.f.Close()
	if err := x.sw.Flush(); err != nil {
		return fmt.Errorf("menyelesaikan XLSX: %w", err)
	}
	if _, err := x.f.WriteTo(w); err != nil {
		return fmt.Errorf("menulis XLSX: %w", err)
	}
	return nil
}

// Abort releases the workbook's temporary files without writing it.
func (x *XLSXWriter) Abort() { x.f.Close() }
