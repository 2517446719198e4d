package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// runCmd runs the binary's entry point in-process with the given environment.
func runCmd(t *testing.T, ctx context.Context, stdin string, envVars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(env{ctx: ctx, args: args, stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		getenv: func(k string) string { return envVars[k] }})
	return code, out.String(), errb.String()
}

func TestDispatchAndUsage(t *testing.T) {
	ctx := context.Background()
	for _, args := range [][]string{{}, {"frobnicate"}, {"serve", "--frob"}, {"migrate", "sideways"}, {"user"}, {"user", "create", "--nope"}} {
		code, _, stderr := runCmd(t, ctx, "", nil, args...)
		if code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with usage", args, code, stderr)
		}
	}
	code, out, _ := runCmd(t, ctx, "", nil, "version")
	if code != 0 || !strings.HasPrefix(out, "bimtek ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestUserCreateAndMigrateStatus(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	env := map[string]string{"BIMTEK_DATA_DIR": dir}
	code, _, stderr := runCmd(t, ctx, "kata-sandi-admin-1\n", env, "user", "create", "--email", "admin@sukamaju.test", "--name", "Agus", "--role", "admin")
	if code != 2 || !strings.Contains(stderr, "--region") {
		t.Fatalf("empty database without --region: %d %q", code, stderr)
	}
	code, out, stderr := runCmd(t, ctx, "kata-sandi-admin-1\n", env, "user", "create", "--email", "admin@sukamaju.test", "--name", "Agus", "--role", "admin", "--region", "Pemerintah Kabupaten Sukamaju")
	if code != 0 || !strings.Contains(out, "Pengguna dibuat") {
		t.Fatalf("create admin: %d %q %q", code, out, stderr)
	}
	code, _, stderr = runCmd(t, ctx, "kata-sandi-admin-2\n", env, "user", "create", "--email", "ADMIN@sukamaju.test", "--name", "Lagi", "--role", "admin")
	if code != 2 || !strings.Contains(stderr, "sudah terdaftar") {
		t.Fatalf("duplicate: %d %q", code, stderr)
	}
	code, _, stderr = runCmd(t, ctx, "pendek\n", env, "user", "create", "--email", "b@sukamaju.test", "--name", "B", "--role", "peserta")
	if code != 2 || !strings.Contains(stderr, "minimal 10 karakter") {
		t.Fatalf("short password: %d %q", code, stderr)
	}
	code, _, stderr = runCmd(t, ctx, "kata-sandi-kepala-1\n", env, "user", "create", "--email", "k@sukamaju.test", "--name", "K", "--role", "pimpinan_opd")
	if code != 2 || !strings.Contains(stderr, "--opd wajib") {
		t.Fatalf("pimpinan without opd: %d %q", code, stderr)
	}
	code, _, stderr = runCmd(t, ctx, "kata-sandi-kepala-1\n", env, "user", "create", "--email", "k@sukamaju.test", "--name", "K", "--role", "raja")
	if code != 2 || !strings.Contains(stderr, "--role harus") {
		t.Fatalf("bad role: %d %q", code, stderr)
	}
	code, out, _ = runCmd(t, ctx, "", env, "migrate", "status")
	if code != 0 || !strings.Contains(out, "00001") || !strings.Contains(out, "diterapkan") {
		t.Fatalf("migrate status: %d %q", code, out)
	}
	if fi, err := os.Stat(filepath.Join(dir, "bimtek.db")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("database file mode: %v %v", fi.Mode(), err)
	}
}

func TestBadDatabaseURL(t *testing.T) {
	ctx := context.Background()
	code, _, stderr := runCmd(t, ctx, "", map[string]string{"BIMTEK_DATABASE_URL": "postgres//rusak"}, "migrate")
	if code != 1 || !strings.Contains(stderr, "BIMTEK_DATABASE_URL tidak dapat dibaca") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Fatalf("unparsable URL: %d %q", code, stderr)
	}
	code, _, stderr = runCmd(t, ctx, "", map[string]string{"BIMTEK_DATABASE_URL": "postgres://bimtek:Rahasia99@127.0.0.1:1/bimtek?sslmode=disable"}, "migrate")
	if code != 1 || !strings.Contains(stderr, "127.0.0.1:1") || strings.Contains(stderr, "Rahasia99") {
		t.Fatalf("unreachable database: %d %q", code, stderr)
	}
}

// syncBuffer lets the test read what serve prints while it runs.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

var demoLine = regexp.MustCompile(`(?m)^demo login: (peserta|fasilitator|pimpinan_opd|admin) (\S+@\S+) (\S+)$`)

// serveDemo starts `serve --demo` and returns its printed output once it is listening.
func serveDemo(t *testing.T, envVars map[string]string) (string, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(env{ctx: ctx, args: []string{"serve", "--demo", "--addr", "127.0.0.1:0"}, stdin: strings.NewReader(""),
			stdout: out, stderr: io.Discard, getenv: func(k string) string { return envVars[k] }})
	}()
	deadline := time.Now().Add(20 * time.Second)
	for len(demoLine.FindAllString(out.String(), -1)) < 4 || strings.Count(out.String(), "demo certificate:") < 3 {
		select {
		case code := <-done:
			cancel()
			t.Fatalf("serve exited early with %d: %s", code, out.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start: %q", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	return out.String(), func() int { cancel(); return <-done }
}

func TestServeDemo(t *testing.T) {
	check := func(t *testing.T, envVars map[string]string) {
		out, stop := serveDemo(t, envVars)
		first := bufio.NewScanner(strings.NewReader(out))
		first.Scan()
		addr := regexp.MustCompile(`http://[0-9.:]+`).FindString(first.Text())
		if addr == "" {
			t.Fatalf("first line does not give the address: %q", first.Text())
		}
		logins := demoLine.FindAllStringSubmatch(out, -1)
		if len(logins) != 4 {
			t.Fatalf("want 4 demo logins, got %q", out)
		}
		certs := regexp.MustCompile(`(?m)^demo certificate: ([A-Z0-9-]{10,}) (berlaku|kedaluwarsa|dicabut)$`).FindAllStringSubmatch(out, -1)
		states := map[string]bool{}
		for _, c := range certs {
			states[c[2]] = true
		}
		if len(states) != 3 {
			t.Fatalf("want a demo certificate line per state, got %q", certs)
		}
		if i, j := strings.Index(out, "demo login:"), strings.Index(out, "demo certificate:"); i < 0 || j < i {
			t.Fatal("demo certificate lines should follow the logins")
		}
		// The verification page knows the printed code.
		if res, err := http.Get(addr + "/verifikasi/" + certs[0][1]); err != nil || res.StatusCode != 200 {
			t.Fatalf("verifying a printed demo code: %v %v", res, err)
		}
		res, err := http.Get(addr + "/")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(b), `lang="id"`) || !strings.Contains(string(b), "Masuk") {
			t.Fatalf("home page: %d", res.StatusCode)
		}
		if code := stop(); code != 0 {
			t.Fatalf("serve exit code %d after shutdown", code)
		}
		// A second run adds nothing and prints fresh passwords.
		out2, stop2 := serveDemo(t, envVars)
		defer stop2()
		logins2 := demoLine.FindAllStringSubmatch(out2, -1)
		for i := range logins {
			if logins[i][2] != logins2[i][2] || logins[i][3] == logins2[i][3] {
				t.Errorf("second run: %q then %q", logins[i][0], logins2[i][0])
			}
		}
	}
	t.Run("sqlite", func(t *testing.T) { check(t, map[string]string{"BIMTEK_DATA_DIR": t.TempDir()}) })
	t.Run("postgres", func(t *testing.T) {
		check(t, map[string]string{"BIMTEK_DATA_DIR": t.TempDir(), "BIMTEK_DATABASE_URL": testkit.PostgresSchemaURL(t)})
	})
}

// TestBackupAndRestore backs up a live SQLite database and opens the copy as
// the data of a new instance: the accounts are all there.
func TestBackupAndRestore(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	env := map[string]string{"BIMTEK_DATA_DIR": dir}
	if code, _, stderr := runCmd(t, ctx, "kata-sandi-admin-1\n", env, "user", "create", "--email", "admin@sukamaju.test", "--name", "Agus", "--role", "admin", "--region", "Pemerintah Kabupaten Sukamaju"); code != 0 {
		t.Fatalf("create: %s", stderr)
	}
	file := filepath.Join(t.TempDir(), "cadangan.db")
	code, out, stderr := runCmd(t, ctx, "", env, "backup", file)
	if code != 0 || !strings.Contains(out, "Cadangan tersimpan") {
		t.Fatalf("backup: %d %q %q", code, out, stderr)
	}
	if code, _, stderr := runCmd(t, ctx, "", env, "backup", file); code != 1 || !strings.Contains(stderr, "sudah ada") {
		t.Fatalf("backup over an existing file: %d %q", code, stderr)
	}
	restored := t.TempDir()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(restored, "bimtek.db"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCmd(t, ctx, "kata-sandi-admin-2\n", map[string]string{"BIMTEK_DATA_DIR": restored}, "user", "create", "--email", "ADMIN@sukamaju.test", "--name", "Lagi", "--role", "admin")
	if code != 2 || !strings.Contains(stderr, "sudah terdaftar") {
		t.Fatalf("the restored copy should hold the first admin: %d %q", code, stderr)
	}
	if code, _, _ := runCmd(t, ctx, "", env, "backup"); code != 2 {
		t.Fatal("backup without a file should print usage")
	}
}

func TestImportUsers(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	env := map[string]string{"BIMTEK_DATA_DIR": dir}
	if code, _, stderr := runCmd(t, ctx, "kata-sandi-admin-1\n", env, "user", "create", "--email", "admin@sukamaju.test", "--name", "Agus", "--role", "admin", "--region", "Pemerintah Kabupaten Sukamaju"); code != 0 {
		t.Fatalf("create: %s", stderr)
	}
	write := func(name, body string) string {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bad := write("salah.csv", "email,nama,peran,opd,admin_medsos\n"+
		"rina@dinkes.test,Rina,peserta,,ya\n"+
		"bukan-email,Budi,peserta,,tidak\n"+
		"rina@dinkes.test,Rina Lagi,peserta,,tidak\n"+
		"admin@sukamaju.test,Agus,admin,,\n"+
		"kepala@dinkes.test,Kepala,pimpinan_opd,,\n"+
		"x@dinkes.test,X,raja,Dinas Tidak Ada,mungkin\n")
	code, _, stderr := runCmd(t, ctx, "", env, "import", "users", "--dry-run", bad)
	for _, want := range []string{"baris 3: email “bukan-email” tidak valid", "baris 4: email rina@dinkes.test sudah ada di baris 2",
		"baris 5: email admin@sukamaju.test sudah terdaftar", "baris 6: peran pimpinan_opd wajib terhubung dengan satu OPD", "baris 7:", "peran “raja”", "OPD “Dinas Tidak Ada”", "admin_medsos “mungkin”",
		"5 baris bermasalah"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("problems lack %q:\n%s", want, stderr)
		}
	}
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	broken := write("rusak.csv", "email,nama,peran,opd,admin_medsos\nb@dinkes.test,=HYPERLINK(\"x\"),peserta,,\n")
	code, _, stderr = runCmd(t, ctx, "", env, "import", "users", "--dry-run", broken)
	if want := "baris 2: ada tanda kutip (\") di tengah isi kolom (baris 2, karakter ke-26)"; code != 1 || !strings.Contains(stderr, want) || strings.Contains(stderr, "parse error") {
		t.Errorf("malformed line: exit %d, stderr %q, want %q", code, stderr, want)
	}
	good := write("benar.csv", "\ufeffEmail,Nama,Peran,OPD,Admin_Medsos\nrina@dinkes.test,Rina Marlina,peserta,,ya\nbudi@dinkes.test,Budi,fasilitator,,\n")
	if code, out, _ := runCmd(t, ctx, "", env, "import", "users", "--dry-run", good); code != 0 || !strings.Contains(out, "2 pengguna siap diimpor") {
		t.Fatalf("dry run: %d %q", code, out)
	}
	if code, _, _ := runCmd(t, ctx, "", env, "import", "users", good); code != 2 {
		t.Fatal("an import without --out must ask for the password file")
	}
	passwords := filepath.Join(t.TempDir(), "sandi.csv")
	code, out, stderr := runCmd(t, ctx, "", env, "import", "users", "--out", passwords, good)
	// stderr is no terminal here: no bar (TestImportBarOnATerminal shows it on one).
	if code != 0 || !strings.Contains(out, "2 pengguna diimpor") || strings.Contains(stderr, "\r") || strings.Contains(stderr, "akun") {
		t.Fatalf("import: %d %q %q", code, out, stderr)
	}
	b, err := os.ReadFile(passwords)
	if err != nil || strings.Count(string(b), "\n") != 3 || !strings.Contains(string(b), "rina@dinkes.test,Rina Marlina,") {
		t.Fatalf("password file: %q %v", b, err)
	}
	if fi, _ := os.Stat(passwords); fi.Mode().Perm() != 0o600 {
		t.Fatalf("password file mode %v", fi.Mode())
	}
	// Each account holds the fast hash of its first password, which it must change at its first login.
	recs, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		u, err := db.UserByEmail(ctx, r[0])
		if err != nil {
			t.Fatal(err)
		}
		if !auth.IsFirstPassword(u.PasswordHash) || auth.CheckPassword(u.PasswordHash, r[2]) != nil {
			t.Errorf("%s: stored hash %.20q… is not the first password's", r[0], u.PasswordHash)
		}
	}
	db.Close()
	// Importing the same file again finds both emails taken and stores nothing.
	if code, _, stderr := runCmd(t, ctx, "", env, "import", "users", "--dry-run", good); code != 1 || !strings.Contains(stderr, "sudah terdaftar") {
		t.Fatalf("re-import: %d %q", code, stderr)
	}
}

func TestServeRefusesABadSMTPURL(t *testing.T) {
	code, _, stderr := runCmd(t, context.Background(), "", map[string]string{"BIMTEK_DATA_DIR": t.TempDir(), "BIMTEK_BASE_URL": "https://bimtek.sukamaju.test", "BIMTEK_SMTP_URL": "smtp://host?from=bukan"}, "serve", "--addr", "127.0.0.1:0")
	if code != 1 || !strings.Contains(stderr, "BIMTEK_SMTP_URL") {
		t.Fatalf("exit %d, %q", code, stderr)
	}
}

// TestServeRefusesSMTPWithoutBaseURL: e-mail links must be absolute, so a
// demo without BIMTEK_BASE_URL may run, but not with e-mail configured.
func TestServeRefusesSMTPWithoutBaseURL(t *testing.T) {
	code, _, stderr := runCmd(t, context.Background(), "", map[string]string{"BIMTEK_DATA_DIR": t.TempDir(),
		"BIMTEK_SMTP_URL": "smtps://mail.sukamaju.test?from=bimtek@sukamaju.test"}, "serve", "--demo", "--addr", "127.0.0.1:0")
	if code != 1 || !strings.Contains(stderr, "BIMTEK_SMTP_URL memerlukan BIMTEK_BASE_URL") || strings.Count(stderr, "\n") != 1 {
		t.Fatalf("exit %d, %q", code, stderr)
	}
}

func TestDemoScaleArguments(t *testing.T) {
	ctx := context.Background()
	if code, _, stderr := runCmd(t, ctx, "", nil, "demo"); code != 2 || !strings.Contains(stderr, "--scale national") {
		t.Fatalf("no scale: %d %q", code, stderr)
	}
	if code, _, stderr := runCmd(t, ctx, "", map[string]string{"BIMTEK_DATA_DIR": t.TempDir()}, "demo", "--scale", "national"); code != 2 || !strings.Contains(stderr, "PostgreSQL") {
		t.Fatalf("on SQLite: %d %q", code, stderr)
	}
}

// TestServeRefusesInvalidCourses: broken course files stop the server with
// every problem listed, before anything is synced.
func TestServeRefusesInvalidCourses(t *testing.T) {
	dir := t.TempDir()
	course := filepath.Join(dir, "kursus-rusak")
	mod := filepath.Join(course, "01-dasar")
	if err := os.MkdirAll(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(course, "course.yaml"), []byte("id: kursus-rusak\ntitle: Kursus Rusak\nhours: 0\nwarna: merah\n"), 0o644)
	os.WriteFile(filepath.Join(mod, "module.yaml"), []byte("id: dasar\ntitle: Dasar\nitems:\n  - lesson: tidak-ada.md\n"), 0o644)
	code, _, stderr := runCmd(t, context.Background(), "", map[string]string{"BIMTEK_DATA_DIR": t.TempDir(), "BIMTEK_BASE_URL": "https://bimtek.sukamaju.test"}, "serve", "--addr", "127.0.0.1:0", "--courses", dir)
	if code != 1 || !strings.Contains(stderr, "konten kursus tidak valid") || !strings.Contains(stderr, "warna") || !strings.Contains(stderr, "tidak-ada.md") {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
}

// TestBackupRefusesMissingOrEmptyDatabase: no database in the data folder, or
// an empty file there, is an error with a clear message, and no folder or
// database is created on the way.
func TestBackupRefusesMissingOrEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	file := filepath.Join(t.TempDir(), "cadangan.db")
	code, _, stderr := runCmd(t, ctx, "", map[string]string{"BIMTEK_DATA_DIR": dir}, "backup", file)
	if code != 1 || !strings.Contains(stderr, "tidak ada") {
		t.Fatalf("missing database: %d %q", code, stderr)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("the data folder was created: %v", err)
	}
	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, "bimtek.db"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCmd(t, ctx, "", map[string]string{"BIMTEK_DATA_DIR": empty}, "backup", file)
	if code != 1 || !strings.Contains(stderr, "belum dimigrasi") {
		t.Fatalf("empty database: %d %q", code, stderr)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Fatalf("a backup was written: %v", err)
	}
}

// TestBackupIsPrivateAndComplete: the copy is 0600 and nothing is left under
// a temporary name; a backup that fails leaves no file at the final name.
func TestBackupIsPrivateAndComplete(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	env := map[string]string{"BIMTEK_DATA_DIR": dir}
	if code, _, stderr := runCmd(t, ctx, "kata-sandi-admin-1\n", env, "user", "create", "--email", "admin@sukamaju.test", "--name", "Agus", "--role", "admin", "--region", "Pemerintah Kabupaten Sukamaju"); code != 0 {
		t.Fatalf("create: %s", stderr)
	}
	out := t.TempDir()
	file := filepath.Join(out, "cadangan.db")
	// What a backup killed two hours ago left, and one running now.
	stale := []string{filepath.Join(out, ".cadangan.db.123.sementara"), filepath.Join(out, ".cadangan.db.123.sementara-journal")}
	running := filepath.Join(out, ".cadangan.db.456.sementara")
	for _, name := range append(stale, running) {
		if err := os.WriteFile(name, []byte("sebagian"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range stale {
		old := time.Now().Add(-2 * time.Hour)
		if err := os.Chtimes(name, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runCmd(t, ctx, "", env, "backup", file); code != 0 {
		t.Fatalf("backup: %d %q", code, stderr)
	}
	for _, name := range stale {
		if _, err := os.Stat(name); !os.IsNotExist(err) {
			t.Errorf("a killed backup's %s is still there", filepath.Base(name))
		}
	}
	if err := os.Remove(running); err != nil {
		t.Errorf("a running backup's file was removed: %v", err)
	}
	st, err := os.Stat(file)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("backup mode %v, %v; want 0600", st.Mode().Perm(), err)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1 {
		t.Fatalf("files left beside the backup: %v", entries)
	}
	db, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	failed := filepath.Join(out, "gagal.db")
	if err := db.BackupSQLite(cancelled, failed); err == nil {
		t.Fatal("a backup with a cancelled context succeeded")
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1 {
		t.Fatalf("a failed backup left files: %v", entries)
	}
}

// TestServeNeedsABaseURL: outside --demo, serve refuses to start without a
// valid BIMTEK_BASE_URL, before it touches the data folder.
func TestServeNeedsABaseURL(t *testing.T) {
	for _, base := range []string{"", "bimtek.sukamaju.test", "ftp://bimtek.sukamaju.test", "https://bimtek.sukamaju.test/jalur?x=1"} {
		dir := filepath.Join(t.TempDir(), "data")
		code, _, stderr := runCmd(t, context.Background(), "", map[string]string{"BIMTEK_DATA_DIR": dir, "BIMTEK_BASE_URL": base}, "serve", "--addr", "127.0.0.1:0")
		if code != 2 || !strings.Contains(stderr, "BIMTEK_BASE_URL") {
			t.Errorf("BIMTEK_BASE_URL=%q: exit %d, %q", base, code, stderr)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("BIMTEK_BASE_URL=%q: the data folder was created", base)
		}
	}
}

// TestImportChecksTextLikeTheRealRun: rows the real insert would refuse
// (a 201-character name, NUL, invalid UTF-8, a 5,000-character email) fail the
// dry run too, with their lines; nothing is stored; the password file keeps a
// spreadsheet from reading a name as a formula.
func TestImportChecksTextLikeTheRealRun(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	env := map[string]string{"BIMTEK_DATA_DIR": dir}
	if code, _, stderr := runCmd(t, ctx, "kata-sandi-admin-1\n", env, "user", "create", "--email", "admin@sukamaju.test", "--name", "Agus", "--role", "admin", "--region", "Pemerintah Kabupaten Sukamaju"); code != 0 {
		t.Fatalf("create: %s", stderr)
	}
	bad := filepath.Join(t.TempDir(), "salah.csv")
	os.WriteFile(bad, []byte("email,nama,peran,opd,admin_medsos\n"+
		"satu@dinkes.test,Satu,peserta,,\n"+
		"dua@dinkes.test,"+strings.Repeat("n", 201)+",peserta,,\n"+
		"tiga@dinkes.test,Ti\x00ga,peserta,,\n"+
		"empat@dinkes.test,Emp\xffat,peserta,,\n"+
		strings.Repeat("e", 5000)+"@dinkes.test,Lima,peserta,,\n"), 0o600)
	for _, args := range [][]string{{"--dry-run", bad}, {"--out", filepath.Join(t.TempDir(), "sandi.csv"), bad}} {
		code, _, stderr := runCmd(t, ctx, "", env, append([]string{"import", "users"}, args...)...)
		for _, want := range []string{"baris 3: Nama paling banyak 200 karakter", "baris 4: Nama berisi karakter kendali", "baris 5: Nama berisi bita yang bukan teks UTF-8",
			"baris 6: Email paling banyak 254 karakter", "4 baris bermasalah"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%v: problems lack %q:\n%s", args, want, clipOut(stderr))
			}
		}
		if code != 1 {
			t.Errorf("%v: exit %d", args, code)
		}
	}
	db, err := store.Open(ctx, store.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.UserByEmail(ctx, "satu@dinkes.test"); err == nil {
		t.Fatal("a row of a refused file was stored")
	}
	good := filepath.Join(t.TempDir(), "benar.csv")
	os.WriteFile(good, []byte("email,nama,peran,opd,admin_medsos\nrumus@dinkes.test,\"=HYPERLINK(\"\"http://jahat.example\"\")\",peserta,,\n+tambah@dinkes.test,@Ani,peserta,,\n"), 0o600)
	out := filepath.Join(t.TempDir(), "sandi.csv")
	if code, _, stderr := runCmd(t, ctx, "", env, "import", "users", "--out", out, good); code != 0 {
		t.Fatalf("import: %d %q", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil || len(recs) != 3 {
		t.Fatalf("password file: %v %q", err, b)
	}
	for _, rec := range recs[1:] {
		for _, cell := range rec {
			if strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("cell %q starts a formula", cell)
			}
		}
	}
	if recs[1][1] != `'=HYPERLINK("http://jahat.example")` || recs[2][0] != "'+tambah@dinkes.test" || recs[2][1] != "'@Ani" {
		t.Errorf("password file rows: %q", recs[1:])
	}
}

func clipOut(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}
