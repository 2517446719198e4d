// Command bimtek is the whole platform in one binary: the web server, the
// migrations, the grader, course tooling and administration commands.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// env is what a subcommand gets from the outside world; tests pass their own.
type env struct {
	ctx    context.Context
	args   []string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

type command struct {
	name, summary string
	run           func(e env) int
}

func commands() []command {
	return []command{
		{"serve", "menjalankan aplikasi web", runServe},
		{"migrate", "menerapkan migrasi database (up, status)", runMigrate},
		{"user", "mengelola pengguna (create)", runUser},
		{"grade", "menilai rilis dari berkas atau stdin", func(e env) int { return runGrade(e.args, e.stdin, e.stdout, e.stderr) }},
		{"devset", "mengukur keputusan teras 5W1H penilai pada set berita nyata (--dir)", runDevset},
		{"courses", "memeriksa dan menyinkronkan konten kursus (check, sync)", runCoursesCmd},
		{"demo", "mengisi PostgreSQL dengan data skala nasional (--scale national)", runDemo},
		{"import", "mengimpor pengguna dari CSV (users)", runImport},
		{"backup", "mencadangkan database SQLite ke satu berkas", runBackup},
		{"deploy", "mencetak unit systemd atau konfigurasi nginx (systemd, nginx)", runDeploy},
		{"version", "menampilkan versi", func(e env) int { fmt.Fprintln(e.stdout, "bimtek", version); return 0 }},
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Penggunaan: bimtek <perintah> [opsi]")
	fmt.Fprintln(w, "\nPerintah:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nJalankan 'bimtek <perintah> -h' untuk opsi tiap perintah.")
}

func run(e env) int {
	if len(e.args) == 0 {
		usage(e.stderr)
		return 2
	}
	name := e.args[0]
	if name == "-h" || name == "--help" || name == "help" {
		usage(e.stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name == name {
			e.args = e.args[1:]
			return c.run(e)
		}
	}
	fmt.Fprintf(e.stderr, "bimtek: perintah %q tidak dikenal\n\n", name)
	usage(e.stderr)
	return 2
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(env{ctx: ctx, args: os.Args[1:], stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv})
	stop()
	os.Exit(code)
}
