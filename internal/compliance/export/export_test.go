package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/testkit"
	"github.com/xuri/excelize/v2"
)

func exportRows() []compliance.Row {
	at := time.Date(2026, 4, 16, 2, 5, 0, 0, time.UTC)
	return []compliance.Row{
		{ID: 7, Name: "Dinas Kesehatan", ShortName: "Dinkes", Kind: "dinas", KindLabel: "Dinas", Status: compliance.Complies,
			Accounts: 2, DesignatedAdmins: 1, CertifiedAdmins: 1, Expiring: 1, LastActivity: &at},
		{ID: 9, Name: "=HYPERLINK(\"http://jahat.example\")", Kind: "badan", KindLabel: "Badan", Status: compliance.NotYet,
			Reasons: []string{compliance.ReasonNoAccount, compliance.ReasonNoAdmin, compliance.ReasonNoCertified}},
	}
}

// csvOf writes rows in one dialect.
func csvOf(t *testing.T, sep rune, rows []compliance.Row, lang i18n.Lang) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewCSV(&buf, compliance.Zone("Asia/Jakarta"), sep, lang)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readStrict reads a CSV the way a strict consumer does: the given
// separator, no lazy quotes, every record as wide as the header.
func readStrict(t *testing.T, b []byte, sep rune) [][]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Fatal("no byte-order mark for spreadsheet programs")
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = sep, false, len(ExportColumns)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("strict CSV reader (separator %q): %v", sep, err)
	}
	return recs
}

func TestCSVExport(t *testing.T) {
	for _, sep := range []rune{CommaCSV, ExcelCSV} {
		t.Run(string(sep), func(t *testing.T) {
			b := csvOf(t, sep, exportRows(), i18n.ID)
			want := [][]string{
				ExportColumns,
				{"7", "Dinas Kesehatan", "Dinkes", "Dinas", "Memenuhi", "", "2", "1", "1", "1", "2026-04-16 09:05 WIB"},
				{"9", "'=HYPERLINK(\"http://jahat.example\")", "", "Badan", "Belum",
					"belum ada akun resmi; belum ada admin yang ditunjuk; belum ada admin bersertifikat", "0", "0", "0", "0", ""},
			}
			if recs := readStrict(t, b, sep); !reflect.DeepEqual(recs, want) {
				t.Fatalf("CSV:\n%q\nwant\n%q", recs, want)
			}
			// Every record ends in CRLF, and there is no other line break.
			body := bytes.TrimPrefix(b, []byte("\ufeff"))
			if n := bytes.Count(body, []byte("\r\n")); n != 3 || bytes.Count(body, []byte("\n")) != 3 || !bytes.HasSuffix(body, []byte("\r\n")) {
				t.Errorf("line ends: %d CRLF in %q", n, body)
			}
		})
	}
}

// TestCSVForIndonesianExcel: in the semicolon file every field that holds a
// semicolon, a quote or a line break is quoted, so a reader splitting on ';'
// (Excel with Indonesian list separator) sees exactly the columns; the comma
// file read that way falls apart, which is why both exist.
func TestCSVForIndonesianExcel(t *testing.T) {
	rows := append(exportRows(), compliance.Row{ID: 12, Name: "Dinas Pendidikan, Pemuda; dan Olahraga", ShortName: "Disdik \"Pora\"",
		Kind: "dinas", KindLabel: "Dinas", Status: compliance.Partial, Reasons: []string{compliance.ReasonNoCertified, "baris\nkedua"}})
	b := csvOf(t, ExcelCSV, rows, i18n.ID)
	recs := readStrict(t, b, ExcelCSV)
	if got := recs[3]; got[1] != "Dinas Pendidikan, Pemuda; dan Olahraga" || got[2] != "Disdik \"Pora\"" || got[5] != "belum ada admin bersertifikat; baris\nkedua" {
		t.Fatalf("tricky row %q", got)
	}
	for _, quoted := range []string{`;"belum ada akun resmi; belum ada admin yang ditunjuk; belum ada admin bersertifikat";`,
		`;"Dinas Pendidikan, Pemuda; dan Olahraga";"Disdik ""Pora""";`, "\"belum ada admin bersertifikat; baris\r\nkedua\""} {
		if !bytes.Contains(b, []byte(quoted)) {
			t.Errorf("semicolon file lacks %q:\n%s", quoted, b)
		}
	}
	// The comma file, read with Indonesian Excel's separator, does not hold
	// the columns: the reason the semicolon file is offered.
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(csvOf(t, CommaCSV, exportRows(), i18n.ID), []byte("\ufeff"))))
	r.Comma, r.FieldsPerRecord = ';', len(ExportColumns)
	if _, err := r.ReadAll(); err == nil {
		t.Error("the comma file reads as 11 columns with ';' too; then one file would do")
	}
	if _, err := NewCSV(&bytes.Buffer{}, compliance.Zone(""), '\t', i18n.ID); err == nil {
		t.Error("a tab separator was accepted")
	}
}

// TestExportsInEnglish: for an English reader the column titles, the sheet,
// the document properties, kinds, statuses and reasons are English; numbers,
// names and dates are the same as in the Indonesian file, and no title or
// word of the Indonesian file is left.
func TestExportsInEnglish(t *testing.T) {
	rows := exportRows()
	recs := readStrict(t, csvOf(t, CommaCSV, rows, i18n.EN), CommaCSV)
	want := [][]string{
		{"ID", "Agency", "Short name", "Type", "Status", "Reason", "Official accounts", "Designated admins",
			"Certified admins", "Certificates ending within 60 days", "Last activity"},
		{"7", "Dinas Kesehatan", "Dinkes", "Service", "Compliant", "", "2", "1", "1", "1", "2026-04-16 09:05 WIB"},
		{"9", "'=HYPERLINK(\"http://jahat.example\")", "", "Agency", "Not yet",
			"no official account yet; no designated admin yet; no certified admin yet", "0", "0", "0", "0", ""},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Fatalf("English CSV:\n%q\nwant\n%q", recs, want)
	}
	// Every text cell of the Indonesian file that is a word of the interface
	// (not a name or a number) is different in English ("Status" is English too).
	id := readStrict(t, csvOf(t, CommaCSV, rows, i18n.ID), CommaCSV)
	for i := range id {
		for j := range id[i] {
			if same := id[i][j] == recs[i][j]; same && (i == 0 && j > 1 && j != 4 || i > 0 && (j == 3 || j == 4 || j == 5) && id[i][j] != "") {
				t.Errorf("row %d column %d %q is the same in English", i, j, id[i][j])
			}
		}
	}

	w, err := NewXLSX(compliance.Zone("Asia/Jakarta"), Properties{Title: "Agency compliance – Pemerintah Kabupaten Uji", Creator: "Agus Setiawan",
		Created: time.Date(2026, 4, 16, 1, 30, 0, 0, time.UTC), Lang: i18n.EN})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := w.Finish(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "Agency compliance" {
		t.Fatalf("sheets %q", got)
	}
	got, err := f.GetRows("Agency compliance")
	if err != nil || !reflect.DeepEqual(got[0], want[0]) || got[2][3] != "Agency" || got[2][4] != "Not yet" || got[2][5] != want[2][5] {
		t.Errorf("English workbook rows %q (%v)", got, err)
	}
	p, err := f.GetDocProps()
	if err != nil || p.Language != "en" || p.Subject != "Agency compliance status" || p.Description != "Made by Bimtek. Last activity in WIB time." {
		t.Errorf("English properties %+v (%v)", p, err)
	}
}

func TestCellTextDefusesFormulas(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+62": "'+62", "-x": "'-x", "@SUM(A1)": "'@SUM(A1)", "Dinas": "Dinas", "": ""} {
		if got := cellText(in); got != want {
			t.Errorf("cellText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestXLSXExport(t *testing.T) {
	created := time.Date(2026, 4, 16, 1, 30, 0, 0, time.UTC)
	w, err := NewXLSX(compliance.Zone("Asia/Makassar"), Properties{Title: "Kepatuhan OPD – Pemerintah Kabupaten Uji", Creator: "Agus Setiawan", Created: created})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 500; i++ {
		r := exportRows()[i%2]
		r.ID = int64(i + 1)
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := w.Finish(&buf); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows(XLSXSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 501 || !reflect.DeepEqual(rows[0], ExportColumns) {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	if got := rows[1]; got[1] != "Dinas Kesehatan" || got[4] != "Memenuhi" || got[10] != "2026-04-16 10:05 WITA" {
		t.Fatalf("first row %q", got)
	}
	// Numbers are stored as numbers, so the sheet can add them up.
	if typ, err := f.GetCellType(XLSXSheet, "G2"); err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Fatalf("G2 (akun resmi) is stored as text (%v, %v)", typ, err)
	}
	if v, _ := f.GetCellValue(XLSXSheet, fmt.Sprintf("A%d", 501)); v != "500" {
		t.Fatalf("last id %q", v)
	}
	checkXLSXCells(t, f, raw)
	props, err := f.GetDocProps()
	if err != nil || props.Title != "Kepatuhan OPD – Pemerintah Kabupaten Uji" || props.Creator != "Agus Setiawan" || props.Created != "2026-04-16T01:30:00Z" || props.Language != "id-ID" {
		t.Errorf("document properties %+v (%v)", props, err)
	}
	if panes, err := f.GetPanes(XLSXSheet); err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header row not frozen: %+v (%v)", panes, err)
	}
	if app, err := f.GetAppProps(); err != nil || app.Application != "Bimtek" {
		t.Errorf("application %+v (%v)", app, err)
	}
}

// checkXLSXCells reads the first two data rows back: the last activity is a
// number (an Excel date serial) with a date format, numbers are numbers, and
// an empty value is no cell at all, not an empty string.
func checkXLSXCells(t *testing.T, f *excelize.File, raw []byte) {
	t.Helper()
	v, err := f.GetCellValue(XLSXSheet, "K2", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	serial, err := strconv.ParseFloat(v, 64)
	// 2026-04-16 10:05 WITA, the region's wall clock: 46128 days after 1899-12-30, plus 10:05.
	if wantSerial := 46128 + (10*60+5)/1440.0; err != nil || math.Abs(serial-wantSerial) > 1e-6 {
		t.Fatalf("K2 raw value %q, want the date serial %.6f", v, wantSerial)
	}
	if typ, _ := f.GetCellType(XLSXSheet, "K2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Fatalf("K2 is text")
	}
	style, err := f.GetCellStyle(XLSXSheet, "K2")
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(style)
	if err != nil || st.CustomNumFmt == nil || !strings.HasPrefix(*st.CustomNumFmt, "yyyy-mm-dd hh:mm") {
		t.Fatalf("K2 number format %+v (%v)", st, err)
	}

	// The sheet's XML, read strictly: which cells exist, and none is empty text.
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	var sheet struct {
		Rows []struct {
			R     int `xml:"r,attr"`
			Cells []struct {
				Ref  string  `xml:"r,attr"`
				Type string  `xml:"t,attr"`
				V    *string `xml:"v"`
				IS   *struct {
					T string `xml:"t"`
				} `xml:"is"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(&sheet); err != nil {
		t.Fatal(err)
	}
	cells := map[string]string{}
	for _, r := range sheet.Rows[:3] {
		for _, c := range r.Cells {
			if (c.V == nil || *c.V == "") && (c.IS == nil || c.IS.T == "") {
				t.Errorf("cell %s holds an empty value", c.Ref)
			}
			cells[c.Ref] = c.Type
		}
	}
	// Row 2 (Dinkes) has no reasons; row 3 has no short name and no activity.
	for _, ref := range []string{"F2", "C3", "K3"} {
		if _, ok := cells[ref]; ok {
			t.Errorf("cell %s exists; an empty value must leave it blank", ref)
		}
	}
	for _, ref := range []string{"A2", "G2", "J2", "K2", "G3"} {
		if typ, ok := cells[ref]; !ok || (typ != "" && typ != "n") {
			t.Errorf("cell %s: type %q, want a number", ref, typ)
		}
	}
}

// debianPython is Debian's interpreter, where apt installs python3-openpyxl.
const debianPython = "/usr/bin/python3"

// readWithOpenpyxl describes cells and properties of a workbook as openpyxl
// (another implementation of the format) reads them.
const readWithOpenpyxl = `import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Kepatuhan OPD"]
def cell(ref):
    c = ws[ref]
    v = c.value
    return {"type": c.data_type, "is_date": c.is_date, "format": c.number_format,
            "value": v.isoformat() if hasattr(v, "isoformat") else v}
p = wb.properties
print(json.dumps({"cells": {r: cell(r) for r in ["A2", "B2", "F2", "G2", "K2", "C3", "K3"]},
                  "title": p.title, "creator": p.creator, "created": p.created.isoformat(), "rows": ws.max_row}))
`

// TestXLSXReadByOpenpyxl opens the workbook with Debian's python3-openpyxl.
func TestXLSXReadByOpenpyxl(t *testing.T) {
	if err := exec.Command(debianPython, "-c", "import openpyxl").Run(); err != nil {
		testkit.Need(t, fmt.Sprintf("Debian's python3-openpyxl is not installed (%v)", err), "apt-get install python3-openpyxl")
	}
	w, err := NewXLSX(compliance.Zone("Asia/Jakarta"), Properties{Title: "Kepatuhan OPD – Pemerintah Kabupaten Uji", Creator: "Agus Setiawan",
		Created: time.Date(2026, 4, 16, 1, 30, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range exportRows() {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	name := filepath.Join(t.TempDir(), "kepatuhan.xlsx")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Finish(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(debianPython, "-c", readWithOpenpyxl, name).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var got struct {
		Cells map[string]struct {
			Type   string `json:"type"`
			IsDate bool   `json:"is_date"`
			Format string `json:"format"`
			Value  any    `json:"value"`
		} `json:"cells"`
		Title, Creator, Created string
		Rows                    int
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	c := got.Cells
	if k := c["K2"]; !k.IsDate || k.Value != "2026-04-16T09:05:00" || k.Format != `yyyy-mm-dd hh:mm "WIB"` {
		t.Errorf("K2 (last activity) = %+v, want a date 2026-04-16T09:05:00", k)
	}
	for _, ref := range []string{"A2", "G2"} {
		if c[ref].Type != "n" {
			t.Errorf("%s = %+v, want a number", ref, c[ref])
		}
	}
	if c["B2"].Type != "s" || c["B2"].Value != "Dinas Kesehatan" {
		t.Errorf("B2 = %+v", c["B2"])
	}
	for _, ref := range []string{"F2", "C3", "K3"} {
		if c[ref].Value != nil {
			t.Errorf("%s = %+v, want a blank cell", ref, c[ref])
		}
	}
	if got.Title != "Kepatuhan OPD – Pemerintah Kabupaten Uji" || got.Creator != "Agus Setiawan" || got.Created != "2026-04-16T01:30:00" || got.Rows != 3 {
		t.Errorf("properties and size: %q %q %q, %d rows", got.Title, got.Creator, got.Created, got.Rows)
	}
}
