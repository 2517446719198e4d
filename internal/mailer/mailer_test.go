package mailer

import (
	"bufio"
	"context"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/store/storetest"
)

// smtpServer is a small real SMTP server: it speaks the protocol over TCP and
// keeps what it receives. reject makes it refuse the next n messages.
type smtpServer struct {
	ln     net.Listener
	mu     sync.Mutex
	got    []string
	reject int
}

func newSMTPServer(t *testing.T) *smtpServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	return s
}

func (s *smtpServer) serve(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	say := func(line string) { c.Write([]byte(line + "\r\n")) }
	say("220 uji ESMTP")
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			say("250 uji")
		case strings.HasPrefix(cmd, "MAIL FROM"), strings.HasPrefix(cmd, "RCPT TO"):
			say("250 ok")
		case cmd == "DATA":
			say("354 lanjut")
			var msg strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				msg.WriteString(l)
			}
			s.mu.Lock()
			if s.reject > 0 {
				s.reject--
				s.mu.Unlock()
				say("554 ditolak")
				continue
			}
			s.got = append(s.got, msg.String())
			s.mu.Unlock()
			say("250 diterima")
		case cmd == "QUIT":
			say("221 selesai")
			return
		default:
			say("250 ok")
		}
	}
}

func TestOutboxSendsOnceAndRetries(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r, _ := db.EnsureRegion(ctx, "kab-uji", "Pemerintah Kabupaten Uji", "UJI")
		u, err := db.CreateUser(ctx, nil, store.NewUser{RegionID: r.ID, Email: "rina@uji.go.id", Name: "Rina Marlina", Role: domain.RolePeserta, PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Notify(ctx, u.ID, domain.NoticeSubmissionApproved, domain.NoticeParams{SubmissionID: 7, CourseID: "k", ItemID: "p", ItemTitle: "Posyandu", Score: 88}); err != nil {
			t.Fatal(err)
		}
		srv := newSMTPServer(t)
		cfg, err := ParseURL("smtp://"+srv.ln.Addr().String()+"?from=bimtek@uji.go.id", "https://bimtek.uji.go.id/")
		if err != nil {
			t.Fatal(err)
		}
		srv.reject = 1
		if n, err := SendPending(ctx, db, cfg, time.Now()); n != 0 || err == nil {
			t.Fatalf("refused message: sent %d, err %v", n, err)
		}
		if n, err := SendPending(ctx, db, cfg, time.Now()); n != 1 || err != nil {
			t.Fatalf("retry: sent %d, err %v", n, err)
		}
		if n, _ := SendPending(ctx, db, cfg, time.Now()); n != 0 {
			t.Fatal("a notification was mailed twice")
		}
		if len(srv.got) != 1 {
			t.Fatalf("server received %d messages", len(srv.got))
		}
		msg := srv.got[0]
		for _, want := range []string{"To: \"Rina Marlina\" <rina@uji.go.id>", "Subject: Rilis Anda disetujui\r\n", "charset=UTF-8", "Rilis \"Posyandu\" disetujui (nilai 88).",
			"Buka: https://bimtek.uji.go.id/kursus/k/materi/p"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message lacks %q:\n%s", want, msg)
			}
		}
	})
}

func TestParseURL(t *testing.T) {
	c, err := ParseURL("smtp://admin:rahasia@mail.sukamajukab.go.id?from=bimtek@sukamajukab.go.id", "")
	if err != nil || c.Addr != "mail.sukamajukab.go.id:587" || c.Username != "admin" || c.Password != "rahasia" {
		t.Fatalf("%+v %v", c, err)
	}
	for _, bad := range []string{"http://x", "smtp://", "smtp://host:25", "smtp://host:25?from=bukan-alamat"} {
		if _, err := ParseURL(bad, ""); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
