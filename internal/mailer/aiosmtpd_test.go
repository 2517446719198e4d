package mailer

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// debianPython is Debian's interpreter, where apt installs python3-aiosmtpd.
const debianPython = "/usr/bin/python3"

// keepHandler is an aiosmtpd handler that stores each message as received
// on the wire (DATA after dot-unstuffing) with its envelope.
const keepHandler = `import json, os

class Keep:
    def __init__(self, directory):
        self.dir, self.n = directory, 0

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(*args)

    async def handle_DATA(self, server, session, envelope):
        self.n += 1
        base = os.path.join(self.dir, "%03d" % self.n)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content)
        tls = server.transport.get_extra_info("ssl_object") is not None
        with open(base + ".json", "w") as f:
            json.dump({"helo": session.host_name, "tls": tls, "from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        return "250 OK"
`

// startAiosmtpd runs Debian's aiosmtpd (python3-aiosmtpd) as a separate
// process on a loopback port, offering STARTTLS or speaking implicit TLS,
// and returns its address, the directory it writes messages to and the TLS
// settings that trust its certificate.
func startAiosmtpd(t *testing.T, mode serverMode) (string, string, *tls.Config) {
	t.Helper()
	if err := exec.Command(debianPython, "-c", "import aiosmtpd").Run(); err != nil {
		testkit.Need(t, fmt.Sprintf("Debian's python3-aiosmtpd is not installed (%v)", err), "apt-get install python3-aiosmtpd")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "kotak")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bimtekkeep.py"), []byte(keepHandler), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, pool := testCert(t)
	key, err := x509.MarshalPKCS8PrivateKey(cert.PrivateKey)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Certificate[0]}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: key}), 0o600); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	args := []string{"-m", "aiosmtpd", "-n", "-l", addr, "-c", "bimtekkeep.Keep"}
	if mode == implicitTLS {
		args = append(args, "--smtpscert", certFile, "--smtpskey", keyFile)
	} else {
		args = append(args, "--tlscert", certFile, "--tlskey", keyFile)
	}
	cmd := exec.Command(debianPython, append(args, out)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PYTHONPATH="+dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	for deadline := time.Now().Add(15 * time.Second); ; {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("aiosmtpd did not listen on %s: %v\n%s", addr, err, stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return addr, out, &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}
}

// TestMailThroughDebianAiosmtpd sends through a separate SMTP server
// process (Debian's aiosmtpd) over STARTTLS and over implicit TLS, and
// reads what it stored strictly.
func TestMailThroughDebianAiosmtpd(t *testing.T) {
	for _, md := range []struct {
		name   string
		mode   serverMode
		scheme string
	}{{"starttls", offersStartTLS, "smtp"}, {"smtps", implicitTLS, "smtps"}} {
		t.Run(md.name, func(t *testing.T) {
			addr, out, clientTLS := startAiosmtpd(t, md.mode)
			db := testkit.SQLite(t)
			ctx := context.Background()
			u := testUser(t, db, "dewi@uji.go.id", "Dewi Lestari Ñ")
			if err := db.Notify(ctx, u.ID, domain.NoticeSubmissionReturned, domain.NoticeParams{SubmissionID: 4, CourseID: "kursus", ItemID: "rilis-1", ItemTitle: "Vaksinasi – Desa", Score: 61}); err != nil {
				t.Fatal(err)
			}
			if err := db.Notify(ctx, u.ID, domain.NoticeCertificateIssued, domain.NoticeParams{CertificateID: 2, Number: "BMT/2026/UJI/000002", CourseTitle: "Admin Media Sosial OPD"}); err != nil {
				t.Fatal(err)
			}
			cfg, err := ParseURL(md.scheme+"://"+addr+"?from=bimtek@uji.go.id&helo=app2.uji.go.id", "https://bimtek.uji.go.id")
			if err != nil {
				t.Fatal(err)
			}
			cfg.TLS = clientTLS
			sendAt := time.Date(2026, 3, 10, 9, 30, 0, 0, time.FixedZone("WIB", 7*3600))
			if n, err := SendPending(ctx, db, cfg, sendAt); n != 2 || err != nil {
				t.Fatalf("sent %d of 2: %v", n, err)
			}
			files, _ := filepath.Glob(filepath.Join(out, "*.eml"))
			sort.Strings(files)
			if len(files) != 2 {
				t.Fatalf("aiosmtpd stored %d messages", len(files))
			}
			var subjects []string
			for _, name := range files {
				raw, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				var env struct {
					HELO string   `json:"helo"`
					TLS  bool     `json:"tls"`
					From string   `json:"from"`
					To   []string `json:"to"`
				}
				b, err := os.ReadFile(strings.TrimSuffix(name, ".eml") + ".json")
				if err != nil || json.Unmarshal(b, &env) != nil {
					t.Fatalf("envelope %s: %v", b, err)
				}
				if env.HELO != "app2.uji.go.id" || !env.TLS || env.From != "bimtek@uji.go.id" || strings.Join(env.To, ",") != u.Email {
					t.Errorf("envelope %+v", env)
				}
				p := parseStrict(t, raw)
				subjects = append(subjects, p.subject)
				if !p.date.Equal(sendAt) || !strings.HasSuffix(p.msgID, "@bimtek.uji.go.id>") || p.to[0].Name != "Dewi Lestari Ñ" {
					t.Errorf("Date %v, Message-ID %s, To %v", p.date, p.msgID, p.to)
				}
				links := linkPattern.FindAllString(p.body, -1)
				if len(links) != 1 || !strings.HasPrefix(strings.TrimSpace(links[0]), "https://bimtek.uji.go.id/") {
					t.Errorf("links %q", links)
				}
			}
			sort.Strings(subjects)
			if strings.Join(subjects, "|") != "Rilis Anda dikembalikan untuk revisi|Sertifikat Anda terbit" {
				t.Errorf("subjects %q", subjects)
			}
		})
	}
}
