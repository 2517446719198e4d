package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
)

// FuzzImportCSV: any file given to "import users" is read without panic;
// every accepted row has a valid email (once in the file), name and role,
// and every problem names its row.
func FuzzImportCSV(f *testing.F) {
	f.Add([]byte("email,nama,peran,opd,admin_medsos\nrina@dinkes.test,Rina,peserta,,ya\nbudi@dinkes.test,Budi,fasilitator,,\n"))
	f.Add([]byte("\ufeffEmail;Nama;Peran\nx@y.test;X;admin\n"))
	f.Add([]byte("email,nama,peran,opd\n\"a@b.test\",\"Nama \"\"kutip\"\"\",peserta,Dinas Tidak Ada\nbukan-email,=1+1,raja,,mungkin\n"))
	f.Add([]byte("email,nama,peran,opd\nadmin@sukamaju.test,Agus,admin,,\nrina@dinkes.test,\x00,peserta,,\nrina@dinkes.test,Rina,pimpinan_opd,,\n"))
	f.Add([]byte("email,nama\n\"tanpa akhir\n"))
	dir := f.TempDir()
	vars := map[string]string{"BIMTEK_DATA_DIR": dir}
	e := env{ctx: context.Background(), stdin: strings.NewReader("kata-sandi-admin-1\n"), stdout: io.Discard, stderr: io.Discard,
		getenv: func(k string) string { return vars[k] }}
	e.args = []string{"user", "create", "--email", "admin@sukamaju.test", "--name", "Agus", "--role", "admin", "--region", "Pemerintah Kabupaten Sukamaju"}
	if code := run(e); code != 0 {
		f.Fatalf("user create: exit %d", code)
	}
	var c config
	fs := newFlagSet("fuzz", io.Discard)
	c.dbFlags(fs, e.getenv)
	if err := fs.Parse(nil); err != nil {
		f.Fatal(err)
	}
	db, code := openAndMigrate(e, c)
	if db == nil {
		f.Fatalf("open: exit %d", code)
	}
	f.Cleanup(func() { db.Close() })
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, problems, err := readImport(e, db, bytes.NewReader(data))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		seen := map[string]bool{}
		for _, r := range rows {
			if _, msg := domain.TextEmail.Check(r.Email); msg != "" || r.Email == "" || seen[r.Email] {
				t.Fatalf("row %d: accepted email %q (%s)", r.Line, r.Email, msg)
			}
			seen[r.Email] = true
			if _, msg := domain.TextUserName.Check(r.Name); msg != "" || !r.Role.Valid() || r.Line < 2 {
				t.Fatalf("row %d accepted: %+v (%s)", r.Line, r, msg)
			}
		}
		for _, p := range problems {
			if !strings.HasPrefix(p, "baris ") {
				t.Fatalf("problem without its row: %q", p)
			}
		}
	})
}
