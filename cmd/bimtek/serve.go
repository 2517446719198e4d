package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/bimtek/bimtek/internal/coursesync"
	"github.com/bimtek/bimtek/internal/demo"
	"github.com/bimtek/bimtek/internal/mailer"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/web"
)

func runServe(e env) int {
	var c config
	fs := newFlagSet("serve", e.stderr)
	c.dbFlags(fs, e.getenv)
	c.Addr = firstNonEmpty(e.getenv("BIMTEK_ADDR"), defaultAddr)
	fs.StringVar(&c.Addr, "addr", c.Addr, "alamat HTTP yang didengarkan; env BIMTEK_ADDR")
	withDemo := fs.Bool("demo", false, "mengisi wilayah demo dan mencetak satu akun per peran")
	coursesDir := fs.String("courses", "", "muat kursus dari direktori ini, bukan dari salinan bawaan")
	if err := fs.Parse(e.args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "bimtek serve: argumen tidak dikenal: %v\n", fs.Args())
		fs.Usage()
		return 2
	}
	c.BaseURL = e.getenv("BIMTEK_BASE_URL")
	c.Secret = e.getenv("BIMTEK_SECRET")
	// Links in QR codes and e-mails come from BIMTEK_BASE_URL only; a demo
	// without it uses the address it listens on and sends no e-mail.
	if c.BaseURL != "" {
		var err error
		if c.BaseURL, err = web.ParseBaseURL(c.BaseURL); err != nil {
			fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
			return 2
		}
	} else if !*withDemo {
		fmt.Fprintln(e.stderr, "bimtek: BIMTEK_BASE_URL wajib diisi (alamat publik, misalnya https://bimtek.sukamajukab.go.id): tautan kode QR dan email dibuat darinya. Hanya --demo boleh tanpa itu.")
		return 2
	}
	trustedProxy := e.getenv("BIMTEK_TRUSTED_PROXY")
	var mcfg *mailer.Config
	if raw := e.getenv("BIMTEK_SMTP_URL"); raw != "" {
		// Refused without BIMTEK_BASE_URL (possible with --demo): links in
		// e-mail must be absolute and point at the public address.
		m, err := mailer.ParseURL(raw, c.BaseURL)
		if err != nil {
			fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
			return 1
		}
		mcfg = &m
	}
	web.TuneRuntime()
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	// The store's change feed and the mailer log through the default logger;
	// without this their lines came out in the log package's format.
	slog.SetDefault(log)

	start := time.Now()
	db, code := openAndMigrate(e, c)
	if db == nil {
		return code
	}
	defer db.Close()
	catalog, courseFS, err := coursesync.Load(*coursesDir)
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return 1
	}
	if _, err := coursesync.Sync(e.ctx, db, catalog); err != nil {
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return 1
	}
	var logins []demo.Login
	var certs []demo.Certificate
	if *withDemo {
		if logins, certs, err = demo.Seed(e.ctx, db, catalog, time.Now()); err != nil {
			fmt.Fprintf(e.stderr, "bimtek: mengisi data demo gagal: %v\n", err)
			return 1
		}
	}
	if mcfg != nil {
		go mailer.Run(e.ctx, db, *mcfg, log)
	}
	secret, err := c.loadSecret()
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return 1
	}
	srv, err := web.New(web.Config{DB: db, Logger: log, Secret: secret, BaseURL: c.BaseURL, Version: version,
		MetricsToken: e.getenv("BIMTEK_METRICS_TOKEN"),
		Catalog:      catalog, CourseFS: courseFS, TrustedProxy: trustedProxy})
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek: menyiapkan server gagal: %v\n", err)
		return 1
	}
	err = srv.Serve(e.ctx, c.Addr, func(addr string) {
		fmt.Fprintf(e.stdout, "Bimtek berjalan di http://%s (database: %s, siap dalam %d ms)\n", addr, db.Dialect, time.Since(start).Milliseconds())
		for _, l := range logins {
			fmt.Fprintf(e.stdout, "demo login: %s %s %s\n", l.Role, l.Email, l.Password)
		}
		for _, c := range certs {
			fmt.Fprintf(e.stdout, "demo certificate: %s %s\n", c.Code, c.Status)
		}
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return 1
	}
	return 0
}

// openAndMigrate opens the configured database and applies migrations; on
// failure it prints one clear line and returns the exit code.
func openAndMigrate(e env, c config) (*store.DB, int) {
	ctx, cancel := context.WithTimeout(e.ctx, 30*time.Second)
	defer cancel()
	db, err := store.Open(ctx, c.storeConfig())
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return nil, 1
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		fmt.Fprintf(e.stderr, "bimtek: %v\n", err)
		return nil, 1
	}
	return db, 0
}
