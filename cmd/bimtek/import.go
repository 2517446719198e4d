package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/userimport"
)

// importColumns are the CSV header, in Indonesian as admins write it.
var importColumns = userimport.Columns

func runImport(e env) int {
	if len(e.args) == 0 || e.args[0] != "users" {
		fmt.Fprintln(e.stderr, "Penggunaan: bimtek import users [--dry-run] [--out SANDI.csv] BERKAS.csv")
		return 2
	}
	var c config
	fs := newFlagSet("import users", e.stderr)
	c.dbFlags(fs, e.getenv)
	dry := fs.Bool("dry-run", false, "periksa saja; tidak ada yang disimpan")
	out := fs.String("out", "", "berkas CSV untuk kata sandi awal pengguna baru (wajib bila bukan --dry-run)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Penggunaan: bimtek import users [--dry-run] [--out SANDI.csv] BERKAS.csv")
		fmt.Fprintf(e.stderr, "Kolom CSV: %s (peran: peserta, fasilitator, pimpinan_opd, admin; admin_medsos: ya/tidak)\n", strings.Join(importColumns, ","))
		fs.PrintDefaults()
	}
	if err := fs.Parse(e.args[1:]); err != nil {
		return 2
	}
	if fs.NArg() != 1 || (!*dry && *out == "") {
		fs.Usage()
		return 2
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek import: berkas %s tidak dapat dibuka: %v\n", fs.Arg(0), err)
		return 2
	}
	defer f.Close()
	db, code := openAndMigrate(e, c)
	if db == nil {
		return code
	}
	defer db.Close()
	rows, problems, err := readImport(e, db, f)
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek import: %v\n", err)
		return 2
	}
	for _, p := range problems {
		fmt.Fprintln(e.stderr, p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(e.stderr, "%d baris bermasalah; tidak ada pengguna yang disimpan. Perbaiki berkasnya lalu jalankan lagi.\n", len(problems))
		return 1
	}
	if *dry {
		fmt.Fprintf(e.stdout, "Pemeriksaan selesai: %d pengguna siap diimpor; tidak ada yang disimpan (--dry-run).\n", len(rows))
		return 0
	}
	return importRows(e, db, rows, *out)
}

// readImport checks every row before anything is stored, and reports every
// problem with its line (userimport.Check: the admin's import page applies
// the same rules).
func readImport(e env, db *store.DB, r io.Reader) ([]userimport.Row, []string, error) {
	rows, found, err := userimport.Check(e.ctx, db, r, 0)
	if err != nil {
		return nil, nil, err
	}
	problems := make([]string, len(found))
	for i, p := range found {
		problems[i] = p.String()
	}
	return rows, problems, nil
}

// importRows creates every account or none. First passwords are made and
// hashed first (a fast hash: they must be changed at the first login); they are written
// to a temporary file beside out (readable by the owner only); then all
// accounts are stored in one transaction, and only then does the file get its
// name. A failure stores nothing and leaves no password file.
func importRows(e env, db *store.DB, rows []userimport.Row, out string) int {
	regions, err := db.Regions(e.ctx)
	if err != nil || len(regions) != 1 {
		fmt.Fprintln(e.stderr, "bimtek import: database harus berisi tepat satu wilayah; buat admin pertama dengan 'bimtek user create --region …'")
		return 1
	}
	if _, err := os.Lstat(out); err == nil {
		fmt.Fprintf(e.stderr, "bimtek import: berkas sandi %s sudah ada; pilih nama lain\n", out)
		return 1
	}
	bar := importBar(e.stderr, len(rows))
	passwords, users, err := userimport.FirstPasswords(rows, regions[0].ID, func(int) {
		if bar != nil {
			bar.Add(1)
		}
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "\nbimtek import: %v\n", err)
		return 1
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.sementara")
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek import: berkas sandi %s tidak dapat dibuat: %v\n", out, err)
		return 1
	}
	defer os.Remove(tmp.Name()) // after the link, only the temporary name goes
	w := csv.NewWriter(tmp)
	w.Write([]string{"email", "nama", "kata_sandi_awal"})
	for i, r := range rows {
		w.Write([]string{userimport.CSVCell(r.Email), userimport.CSVCell(r.Name), userimport.CSVCell(passwords[i])})
	}
	w.Flush()
	if err := errors.Join(w.Error(), tmp.Chmod(0o600), tmp.Sync(), tmp.Close()); err != nil {
		fmt.Fprintf(e.stderr, "bimtek import: menulis %s: %v\n", out, err)
		return 1
	}
	if _, err := db.CreateUsers(e.ctx, nil, users); err != nil {
		fmt.Fprintf(e.stderr, "\nbimtek import: %v; tidak ada pengguna yang disimpan\n", err)
		return 1
	}
	if err := os.Link(tmp.Name(), out); err != nil {
		// The accounts exist: keep the passwords under the temporary name rather than lose them.
		kept := strings.TrimSuffix(tmp.Name(), ".sementara") + ".csv"
		if rerr := os.Rename(tmp.Name(), kept); rerr != nil {
			kept = tmp.Name()
		}
		fmt.Fprintf(e.stderr, "\nbimtek import: %d pengguna tersimpan, tetapi %s tidak dapat dibuat (%v); kata sandi awal ada di %s\n", len(rows), out, err, kept)
		return 1
	}
	fmt.Fprintf(e.stdout, "\n%d pengguna diimpor. Kata sandi awal ada di %s; bagikan secara pribadi, lalu hapus berkasnya.\n", len(rows), out)
	return 0
}

// importBar is the bar shown while first passwords are hashed, on stderr and
// only when stderr is a terminal: in a pipe, a log file or a test it would be
// noise. nil means no bar.
func importBar(w io.Writer, total int) *progressbar.ProgressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("Membuat kata sandi awal"),
		progressbar.OptionSetItsString("akun"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
	)
}
