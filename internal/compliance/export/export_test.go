package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/compliance"
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

func TestCSVExport(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewCSV(&buf, compliance.Zone("Asia/Jakarta"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range exportRows() {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeff")) {
		t.Fatal("no byte-order mark for spreadsheet programs")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		ExportColumns,
		{"7", "Dinas Kesehatan", "Dinkes", "Dinas", "Memenuhi", "", "2", "1", "1", "1", "2026-04-16 09:05 WIB"},
		{"9", "'=HYPERLINK(\"http://jahat.example\")", "", "Badan", "Belum",
			"belum ada akun resmi; belum ada admin yang ditunjuk; belum ada admin bersertifikat", "0", "0", "0", "0", ""},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Fatalf("CSV:\n%q\nwant\n%q", recs, want)
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
	w, err := NewXLSX(compliance.Zone("Asia/Makassar"))
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
}
