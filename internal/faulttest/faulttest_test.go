// Package faulttest runs the real binary under faults (kill -9 during
// writes, then a restart; the database going away; load) and as deployed
// (two processes behind nginx). It builds cmd/bimtek once per run.
package faulttest

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/lib/pq"
	_ "modernc.org/sqlite"

	"github.com/bimtek/bimtek/internal/testkit"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "bimtek-fault")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "bimtek")
	if out, err := exec.Command("go", "build", "-o", binary, "github.com/bimtek/bimtek/cmd/bimtek").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var (
	addrLine  = regexp.MustCompile(`Bimtek berjalan di (http://[0-9.:]+)`)
	traineeRe = regexp.MustCompile(`(?m)^demo login: peserta (\S+) (\S+)$`)
	csrfRe    = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)
)

// server is one `serve --demo` process.
type server struct {
	cmd             *exec.Cmd
	base            string
	email, password string
	log             *lockedBuffer
}

type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// start runs serve --demo with env and waits for its address and the
// trainee's demo login.
func start(t *testing.T, env []string) *server {
	t.Helper()
	cmd := exec.Command(binary, "serve", "--demo", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), env...)
	s := &server{cmd: cmd, log: &lockedBuffer{}}
	cmd.Stderr = s.log
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start serve: %v", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	timeout := time.After(60 * time.Second)
	for s.base == "" || s.email == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("serve exited before it was ready: %s", s.log.String())
			}
			if m := addrLine.FindStringSubmatch(l); m != nil {
				s.base = m[1]
			}
			if m := traineeRe.FindStringSubmatch(l); m != nil {
				s.email, s.password = m[1], m[2]
			}
		case <-timeout:
			t.Fatalf("serve not ready in 60 s: %s", s.log.String())
		}
	}
	go func() {
		for range lines {
		}
	}()
	return s
}

// kill ends the process with SIGKILL: no shutdown code runs.
func (s *server) kill(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Kill(); err != nil {
		t.Fatalf("kill -9: %v", err)
	}
	s.cmd.Wait()
}

// client is a logged-in browser: cookies and the page's CSRF token.
type client struct {
	http *http.Client
	base string
	csrf string
}

func login(t *testing.T, s *server) *client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &client{http: &http.Client{Jar: jar, Timeout: 30 * time.Second}, base: s.base}
	body := c.page(t, "/masuk")
	m := csrfRe.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("login page without a CSRF token: %.300s", body)
	}
	resp, err := c.http.PostForm(s.base+"/masuk", url.Values{"email": {s.email}, "password": {s.password}, "csrf_token": {m[1]}})
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path == "/masuk" {
		t.Fatalf("login: %d at %s", resp.StatusCode, resp.Request.URL)
	}
	page := c.page(t, practicePath(practices[0]))
	if m = csrfRe.FindStringSubmatch(page); m == nil {
		t.Fatalf("practice page without a CSRF token: %.300s", page)
	}
	c.csrf = m[1]
	return c
}

func (c *client) page(t *testing.T, path string) string {
	t.Helper()
	resp, err := c.http.Get(c.base + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", path, resp.StatusCode)
	}
	return string(b)
}

// saveDraft is the practice page's autosave; nil means acknowledged.
func (c *client) saveDraft(item, headline, body string) (int, error) {
	code, _, err := c.saveDraftAnswer(item, headline, body)
	if code != 0 {
		return code, nil // an answer that is not JSON still has its status
	}
	return code, err
}

// saveDraftAnswer is saveDraft with the answer's JSON, as practice.js reads it.
func (c *client) saveDraftAnswer(item, headline, body string) (int, map[string]string, error) {
	req, _ := http.NewRequest(http.MethodPost, c.base+practicePath(item)+"/draf",
		strings.NewReader(url.Values{"judul": {headline}, "isi": {body}, "csrf_token": {c.csrf}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("X-CSRF-Token", c.csrf)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	var j map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&j); err != nil {
		return resp.StatusCode, nil, fmt.Errorf("autosave answered %d without JSON: %w", resp.StatusCode, err)
	}
	return resp.StatusCode, j, nil
}

const course = "admin-medsos-opd"

// practices are the demo trainee's practice items that take drafts.
var practices = []string{"rilis-jemput-bola-ktp-el", "rilis-imunisasi-kejar-posyandu", "rilis-pelatihan-siaga-banjir", "rilis-kanal-aduan-whatsapp"}

func practicePath(item string) string { return "/kursus/" + course + "/materi/" + item }

// engines gives the environment of a fresh database per engine.
func engines(t *testing.T) map[string][]string {
	return map[string][]string{
		"sqlite":   {"BIMTEK_DATA_DIR=" + filepath.Join(t.TempDir(), "data")},
		"postgres": {"BIMTEK_DATABASE_URL=" + testkit.PostgresSchemaURL(t), "BIMTEK_DATA_DIR=" + t.TempDir()},
	}
}

func openDB(t *testing.T, env []string) (*sql.DB, string) {
	t.Helper()
	for _, kv := range env {
		if u, ok := strings.CutPrefix(kv, "BIMTEK_DATABASE_URL="); ok {
			db, err := sql.Open("postgres", u)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db, "postgres"
		}
	}
	for _, kv := range env {
		if d, ok := strings.CutPrefix(kv, "BIMTEK_DATA_DIR="); ok {
			db, err := sql.Open("sqlite", filepath.Join(d, "bimtek.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db, "sqlite"
		}
	}
	t.Fatal("no database in env")
	return nil, ""
}
