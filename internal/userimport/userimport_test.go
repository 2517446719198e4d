package userimport

import (
	"context"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestMalformedCSVInPlainWords: a line the CSV reader cannot read is named
// with what is wrong in Indonesian (and English from the message file),
// never with the reader's own English ("bare \" in non-quoted-field"); the
// lines after it are still checked.
func TestMalformedCSVInPlainWords(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		const head = "email,nama,peran,opd,admin_medsos\n"
		for name, c := range map[string]struct {
			csv      string
			line     int
			id, en   string
			problems int
		}{
			"quote inside a value": {head + "a@dinkes.test,A,peserta,,\nb@dinkes.test,=HYPERLINK(\"x\"),peserta,,\nbukan-email,C,peserta,,\n", 3,
				"ada tanda kutip (\") di tengah isi kolom (baris 3, karakter ke-26)", "a quote (\") in the middle of a value (line 3, character 26)", 2},
			"text after the closing quote": {head + "a@dinkes.test,\"Ané\"x,peserta,,\nbukan-email,C,peserta,,\n", 2,
				"ada teks sesudah tanda kutip penutup (baris 2, karakter ke-19)", "text after a closing quote (line 2, character 19)", 2},
			"quote never closed": {head + "a@dinkes.test,A,peserta,,\nb@dinkes.test,\"Budi,peserta,,\nc@dinkes.test,C,peserta,,\n", 3,
				"tanda kutip (\") pembuka di baris 3 tidak pernah ditutup", "the opening quote (\") on line 3 is never closed", 1},
			"more fields than the header": {head + "a@dinkes.test,Budi, S.Kom,peserta,,tidak\n", 2,
				"baris ini berisi 6 kolom, lebih banyak daripada baris judul (5 kolom)", "this line has 6 fields, more than the header line (5)", 1},
		} {
			t.Run(name, func(t *testing.T) {
				_, problems, err := Check(context.Background(), db, strings.NewReader(c.csv), 0)
				if err != nil {
					t.Fatal(err)
				}
				if len(problems) != c.problems || problems[0].Line != c.line {
					t.Fatalf("problems %+v, want %d with the first on line %d", problems, c.problems, c.line)
				}
				p := problems[0]
				if !strings.Contains(p.Message, c.id) || strings.Contains(p.Message, "parse error") {
					t.Errorf("Indonesian: %q, want %q", p.Message, c.id)
				}
				if en := p.In(i18n.EN); !strings.Contains(en, c.en) {
					t.Errorf("English: %q, want %q", en, c.en)
				}
			})
		}
		_, _, err := Check(context.Background(), db, strings.NewReader("email,\"nama\n"), 0)
		if err == nil || !strings.Contains(err.Error(), "baris judul CSV tidak dapat dibaca: tanda kutip (\") pembuka di baris 1 tidak pernah ditutup") {
			t.Errorf("header: %v", err)
		}
	})
}
