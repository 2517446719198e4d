package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bimtek/bimtek/internal/store"
)

// config is read from flags, then the environment, then defaults.
type config struct {
	Addr        string
	DataDir     string
	DatabaseURL string
	BaseURL     string
	Secret      string
}

// Defaults.
const (
	defaultAddr    = "127.0.0.1:8080"
	defaultDataDir = "data"
	secretFile     = "secret.key"
	minSecretBytes = 32
)

// newFlagSet returns a flag set that reports errors to stderr and never exits.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("bimtek "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// dbFlags registers --data shared by every command that opens the database.
func (c *config) dbFlags(fs *flag.FlagSet, getenv func(string) string) {
	c.DataDir = firstNonEmpty(getenv("BIMTEK_DATA_DIR"), defaultDataDir)
	c.DatabaseURL = getenv("BIMTEK_DATABASE_URL")
	fs.StringVar(&c.DataDir, "data", c.DataDir, "direktori data (berkas SQLite, kunci rahasia); env BIMTEK_DATA_DIR")
}

func (c *config) storeConfig() store.Config {
	return store.Config{URL: c.DatabaseURL, DataDir: c.DataDir}
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// loadSecret returns BIMTEK_SECRET, or the key stored in the data directory,
// generating one on first run. There is no built-in default.
func (c *config) loadSecret() ([]byte, error) {
	if c.Secret != "" {
		if len(c.Secret) < minSecretBytes {
			return nil, fmt.Errorf("BIMTEK_SECRET terlalu pendek: minimal %d karakter", minSecretBytes)
		}
		return []byte(c.Secret), nil
	}
	path := filepath.Join(c.DataDir, secretFile)
	b, err := os.ReadFile(path)
	if err == nil {
		s := strings.TrimSpace(string(b))
		if len(s) < minSecretBytes {
			return nil, fmt.Errorf("kunci rahasia di %s rusak atau terlalu pendek", path)
		}
		return []byte(s), nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("membaca kunci rahasia %s: %w", path, err)
	}
	if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("membuat direktori data %s: %w", c.DataDir, err)
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("membuat kunci rahasia: %w", err)
	}
	s := hex.EncodeToString(raw)
	if err := os.WriteFile(path, []byte(s+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("menyimpan kunci rahasia %s: %w", path, err)
	}
	return []byte(s), nil
}
