package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/nginxtest"
	"github.com/bimtek/bimtek/internal/testkit"
	"github.com/bimtek/bimtek/internal/web"
)

// TestDeploySystemdUnit: the unit passes systemd's own check and starts
// the binary with the given address, data directory and base URL; secrets
// stay out of it.
func TestDeploySystemdUnit(t *testing.T) {
	self, err := os.Executable() // an executable file, which systemd-analyze insists on
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, context.Background(), "", nil, "deploy", "systemd", "--base-url", "https://bimtek.sukamajukab.go.id/",
		"--addr", "127.0.0.1:8081", "--binary", self, "--data", "/var/lib/bimtek", "--trusted-proxy", "127.0.0.1/32")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"ExecStart=" + self + " serve --addr 127.0.0.1:8081 --data /var/lib/bimtek\n",
		"Environment=BIMTEK_BASE_URL=https://bimtek.sukamajukab.go.id\n", "Environment=BIMTEK_TRUSTED_PROXY=127.0.0.1/32\n",
		"EnvironmentFile=/etc/bimtek/bimtek.env\n", "User=bimtek\n", "StateDirectory=bimtek\n", "NoNewPrivileges=yes\n",
		"ProtectSystem=strict\n", "CapabilityBoundingSet=\n", "KillSignal=SIGTERM\n", "WantedBy=multi-user.target\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("unit lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "Environment=") && (strings.Contains(line, "SECRET") || strings.Contains(line, "DATABASE_URL")) {
			t.Errorf("the unit carries a secret: %s", line)
		}
	}
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		testkit.Need(t, "systemd-analyze is not installed", "apt-get install systemd")
	}
	unit := filepath.Join(t.TempDir(), "bimtek-8081.service")
	if err := os.WriteFile(unit, []byte(out), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(analyze, "verify", unit).CombinedOutput(); err != nil || len(b) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, b)
	}
	// A port below 1024 gets exactly the capability to bind it.
	_, out, _ = runCmd(t, context.Background(), "", nil, "deploy", "systemd", "--base-url", "http://10.1.2.3", "--addr", "0.0.0.0:80",
		"--binary", self, "--data", "/srv/bimtek data")
	if !strings.Contains(out, "AmbientCapabilities=CAP_NET_BIND_SERVICE\n") || !strings.Contains(out, `ReadWritePaths="/srv/bimtek data"`) ||
		!strings.Contains(out, `--data "/srv/bimtek data"`) || strings.Contains(out, "TRUSTED_PROXY") {
		t.Errorf("port 80 unit:\n%s", out)
	}
}

func TestDeployRefusesBadOptions(t *testing.T) {
	for name, c := range map[string]struct {
		args []string
		want string
	}{
		"no kind":          {[]string{"deploy"}, "bimtek deploy systemd|nginx"},
		"unknown kind":     {[]string{"deploy", "docker"}, "bimtek deploy systemd|nginx"},
		"no base URL":      {[]string{"deploy", "systemd"}, "--base-url wajib diisi"},
		"base URL path":    {[]string{"deploy", "nginx", "--base-url", "https://x.go.id/bimtek"}, "bukan alamat publik yang sah"},
		"address":          {[]string{"deploy", "systemd", "--base-url", "https://x.go.id", "--addr", "localhost"}, "bukan alamat IP:port"},
		"relative data":    {[]string{"deploy", "systemd", "--base-url", "https://x.go.id", "--data", "data"}, "harus jalur mutlak"},
		"root":             {[]string{"deploy", "systemd", "--base-url", "https://x.go.id", "--user", "root"}, "bukan root"},
		"proxy range":      {[]string{"deploy", "nginx", "--base-url", "https://x.go.id", "--trusted-proxy", "10.0.0.0/40"}, "bukan alamat atau rentang alamat CIDR"},
		"upstream":         {[]string{"deploy", "nginx", "--base-url", "https://x.go.id", "--upstream", "127.0.0.1"}, "bukan alamat host:port"},
		"listen":           {[]string{"deploy", "nginx", "--base-url", "https://x.go.id", "--listen", "semua"}, "bukan port atau IP:port"},
		"certificate path": {[]string{"deploy", "nginx", "--base-url", "https://x.go.id", "--tls-cert", "cert.pem"}, "harus jalur mutlak"},
		"extra argument":   {[]string{"deploy", "nginx", "--base-url", "https://x.go.id", "lebih"}, "argumen tidak dikenal"},
	} {
		code, out, errOut := runCmd(t, context.Background(), "", nil, c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 2 and %q", name, code, out, errOut, c.want)
		}
	}
}

// selfSigned writes a certificate and key for host into dir.
func selfSigned(t *testing.T, dir, host string) (string, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: host}, DNSNames: []string{host},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalPKCS8PrivateKey(key)
	cert, keyPath := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kb}), 0o600)
	return cert, keyPath
}

// TestDeployNginxConfig: Debian's nginx accepts the printed configuration
// (`nginx -t`) for https and http, and X-Forwarded-For is passed exactly
// when the app is said to trust nginx.
func TestDeployNginxConfig(t *testing.T) {
	cert, key := selfSigned(t, t.TempDir(), "bimtek.sukamajukab.go.id")
	code, tlsConf, errOut := runCmd(t, context.Background(), "", nil, "deploy", "nginx", "--base-url", "https://bimtek.sukamajukab.go.id",
		"--upstream", "127.0.0.1:8080, 127.0.0.1:8081", "--trusted-proxy", "127.0.0.1/32", "--listen", "127.0.0.1:8443", "--tls-cert", cert, "--tls-key", key)
	if code != 0 || errOut != "" {
		t.Fatalf("https: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"server 127.0.0.1:8080 ", "server 127.0.0.1:8081 ", "listen 127.0.0.1:8443 ssl http2;", "ssl_certificate " + cert + ";",
		"server_name bimtek.sukamajukab.go.id;", "proxy_set_header X-Forwarded-For $remote_addr;", "location = /metrics", "client_max_body_size 2m;",
		"location = /admin/penanda-tangan {\n        client_max_body_size 65m;", "location = /admin/pengguna/impor {\n        client_max_body_size 65m;"} {
		if !strings.Contains(tlsConf, want) {
			t.Errorf("https configuration lacks %q:\n%s", want, tlsConf)
		}
	}
	if out, ok := nginxtest.Check(t, tlsConf); !ok {
		t.Errorf("nginx -t refuses the https configuration:\n%s\n%s", out, tlsConf)
	}
	_, def, _ := runCmd(t, context.Background(), "", nil, "deploy", "nginx", "--base-url", "https://bimtek.sukamajukab.go.id", "--trusted-proxy", "127.0.0.1")
	if !strings.Contains(def, "return 301 https://$host$request_uri;") || !strings.Contains(def, "listen [::]:443 ssl http2;") ||
		!strings.Contains(def, "/etc/letsencrypt/live/bimtek.sukamajukab.go.id/privkey.pem;") {
		t.Errorf("https on the default port: no redirect from port 80, IPv6 or the default certificate:\n%s", def)
	}

	code, plain, errOut := runCmd(t, context.Background(), "", nil, "deploy", "nginx", "--base-url", "http://127.0.0.1:8088", "--upstream", "127.0.0.1:8080")
	if code != 0 || !strings.Contains(errOut, "tanpa --trusted-proxy semua permintaan tampak datang dari alamat nginx") {
		t.Fatalf("http without trust: exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(plain, `proxy_set_header X-Forwarded-For "";`) || strings.Contains(plain, "$remote_addr") || strings.Contains(plain, "ssl") {
		t.Errorf("http configuration without trust:\n%s", plain)
	}
	if out, ok := nginxtest.Check(t, plain); !ok {
		t.Errorf("nginx -t refuses the http configuration:\n%s\n%s", out, plain)
	}
	// Trusting a range nginx is not in passes the header to no effect: said so.
	_, _, errOut = runCmd(t, context.Background(), "", nil, "deploy", "nginx", "--base-url", "http://127.0.0.1:8088", "--upstream", "127.0.0.1:8080",
		"--trusted-proxy", "10.0.0.0/8")
	if !strings.Contains(errOut, "tidak termasuk --trusted-proxy 10.0.0.0/8") {
		t.Errorf("no warning for a range without loopback: %q", errOut)
	}
}

// TestDeployDocsAgree: the unit's comment, its TimeoutStopSec, the server's
// drain time and README say the same numbers, and README marks --base-url
// as required, as the command does.
func TestDeployDocsAgree(t *testing.T) {
	code, out, errOut := runCmd(t, context.Background(), "", nil, "deploy", "systemd", "--base-url", "https://x.go.id")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	grace := int(web.ShutdownGrace.Seconds())
	for _, want := range []string{
		fmt.Sprintf("(paling lama %d detik);", grace),
		fmt.Sprintf("setelah %d detik dihentikan paksa", stopTimeoutSec),
		fmt.Sprintf("TimeoutStopSec=%ds\n", stopTimeoutSec),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("unit lacks %q:\n%s", want, out)
		}
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"`bimtek deploy systemd\\|nginx --base-url URL …`",
		fmt.Sprintf("finish for up to %d s, and systemd kills the process if it has not stopped after %d s", grace, stopTimeoutSec),
	} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("README lacks %q", want)
		}
	}
	if strings.Contains(string(readme), "[--base-url URL]") {
		t.Error("README shows --base-url as optional; deploy refuses to run without it")
	}
}
