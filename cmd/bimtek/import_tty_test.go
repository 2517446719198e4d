//go:build linux

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair: the terminal side for the command,
// the controller side to read what it drew.
func openPTY(t *testing.T) (controller, terminal *os.File) {
	t.Helper()
	controller, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open /dev/ptmx: %v", err)
	}
	t.Cleanup(func() { controller.Close() })
	if err := unix.IoctlSetPointerInt(int(controller.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlock pty: %v", err)
	}
	n, err := unix.IoctlGetInt(int(controller.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("pty number: %v", err)
	}
	terminal, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open pty terminal side: %v", err)
	}
	t.Cleanup(func() { terminal.Close() })
	return controller, terminal
}

// TestImportBarOnATerminal: with stderr on a terminal, import users draws
// the progress bar up to the number of accounts.
func TestImportBarOnATerminal(t *testing.T) {
	controller, terminal := openPTY(t)
	drawn := make(chan string, 1)
	go func() {
		var b bytes.Buffer
		io.Copy(&b, controller) // ends when the terminal side closes
		drawn <- b.String()
	}()
	dir := t.TempDir()
	ctx := context.Background()
	vars := map[string]string{"BIMTEK_DATA_DIR": dir}
	if code, _, stderr := runCmd(t, ctx, "kata-sandi-admin-1\n", vars, "user", "create", "--email", "admin@sukamaju.test", "--name", "Agus", "--role", "admin", "--region", "Pemerintah Kabupaten Sukamaju"); code != 0 {
		t.Fatalf("create: %s", stderr)
	}
	csvPath := filepath.Join(dir, "pengguna.csv")
	var rows strings.Builder
	rows.WriteString("email,nama,peran,opd,admin_medsos\n")
	for i := range 6 {
		fmt.Fprintf(&rows, "peserta%d@dinkes.test,Peserta %d,peserta,,\n", i, i)
	}
	if err := os.WriteFile(csvPath, []byte(rows.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	code := run(env{ctx: ctx, args: []string{"import", "users", "--out", filepath.Join(dir, "sandi.csv"), csvPath},
		stdin: strings.NewReader(""), stdout: &out, stderr: terminal, getenv: func(k string) string { return vars[k] }})
	terminal.Close()
	if code != 0 || !strings.Contains(out.String(), "6 pengguna diimpor") {
		t.Fatalf("import: %d %q", code, out.String())
	}
	select {
	case s := <-drawn:
		if !strings.Contains(s, "Membuat kata sandi awal") || !strings.Contains(s, "(6/6") || !strings.Contains(s, "100%") {
			t.Fatalf("terminal shows no finished bar: %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("terminal output did not end")
	}
}
