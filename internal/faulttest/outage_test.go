package faulttest

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/testkit"
)

// proxy stands between serve and PostgreSQL so a test can cut the database
// off (every connection closed, new ones refused) without touching the
// server others use.
type proxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	down   bool
	conns  []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target}
	t.Cleanup(func() { ln.Close(); p.cut() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p.mu.Lock()
			if p.down {
				p.mu.Unlock()
				c.Close()
				continue
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				p.mu.Unlock()
				c.Close()
				continue
			}
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
	return p
}

// cut closes every connection and refuses new ones until restore.
func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = true
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *proxy) restore() { p.mu.Lock(); p.down = false; p.mu.Unlock() }

// TestPostgresOutage cuts serve off from PostgreSQL while a trainee works:
// /readyz answers 503, pages and autosave answer a 503 page with Retry-After
// (never a 500), and once the database is back the server serves again by
// itself, without a restart.
func TestPostgresOutage(t *testing.T) {
	t.Parallel()
	u, err := url.Parse(testkit.PostgresSchemaURL(t))
	if err != nil {
		t.Fatal(err)
	}
	p := newProxy(t, u.Host)
	u.Host = p.ln.Addr().String()
	s := start(t, []string{"BIMTEK_DATABASE_URL=" + u.String(), "BIMTEK_DATA_DIR=" + t.TempDir()})
	c := login(t, s)
	get := func(path string) (int, http.Header, string) {
		resp, err := c.http.Get(s.base + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header, string(b)
	}
	if code, _, _ := get("/readyz"); code != 200 {
		t.Fatalf("/readyz before the outage: %d", code)
	}

	p.cut()
	outage := time.Now()
	for range 5 { // a load balancer probes again and again
		if code, _, _ := get("/readyz"); code != http.StatusServiceUnavailable {
			t.Errorf("/readyz during the outage: %d, want 503", code)
		}
	}
	for _, path := range []string{"/beranda", practicePath(practices[0])} {
		code, h, body := get(path)
		if code != http.StatusServiceUnavailable || h.Get("Retry-After") == "" || !strings.Contains(body, "Layanan sementara tidak tersedia") {
			t.Errorf("GET %s during the outage: %d, Retry-After %q, want the 503 page: %.200s", path, code, h.Get("Retry-After"), body)
		}
	}
	code, j, err := c.saveDraftAnswer(practices[0], "Judul saat gangguan", "Teks yang diketik saat database terputus.")
	if err != nil || code != http.StatusServiceUnavailable || !strings.Contains(j["error"], "Layanan sementara tidak tersedia") {
		t.Errorf("autosave during the outage: %d %q %v, want a JSON 503 whose words the page shows (it keeps the text in the browser)", code, j, err)
	}

	time.Sleep(time.Second)
	p.restore()
	var back time.Duration
	for deadline := time.Now().Add(30 * time.Second); ; {
		rc, _, _ := get("/readyz")
		dc, _ := c.saveDraft(practices[0], "Judul setelah gangguan", "Teks yang diketik saat database terputus.")
		if rc == 200 && dc == 200 {
			back = time.Since(outage) - time.Second
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not recovered 30 s after the database came back: /readyz %d, autosave %d\n%s", rc, dc, s.log.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if code, _, body := get(practicePath(practices[0])); code != 200 || !strings.Contains(body, "Teks yang diketik saat database terputus.") {
		t.Errorf("after recovery the practice page does not show the text: %d", code)
	}
	log := s.log.String()
	if n, m := strings.Count(log, "database tidak siap"), strings.Count(log, "database siap kembali"); n != 1 || m != 1 {
		t.Errorf("the outage is logged %d times and the recovery %d times, want once each:\n%s", n, m, log)
	}
	if strings.Contains(log, "path=/readyz") {
		t.Errorf("each readiness probe is logged as a request:\n%s", log)
	}
	if strings.Contains(log, "status=500") {
		t.Errorf("a request answered 500 during the outage:\n%s", log)
	}
	for _, l := range strings.Split(strings.TrimSpace(log), "\n") {
		if !strings.HasPrefix(l, "time=") {
			t.Errorf("a log line not written by the slog handler: %q", l)
		}
	}
	t.Logf("served again %v after the database came back", back.Round(time.Millisecond))
}
