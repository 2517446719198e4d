package mailer

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/notice"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// received is one message as the SMTP server got it.
type received struct {
	helo, from string
	to         []string
	tls        bool
	user       string // the AUTH PLAIN identity, "" without AUTH
	data       []byte
}

// smtpServer is a real SMTP server (github.com/emersion/go-smtp) listening
// on loopback; it keeps what it receives. reject makes it refuse the next n
// messages after DATA.
type smtpServer struct {
	addr   string
	mu     sync.Mutex
	got    []received
	reject int
}

// serverMode is how the test server protects its connections.
type serverMode int

const (
	plainOnly serverMode = iota // no STARTTLS offered
	offersStartTLS
	implicitTLS
)

// testCert is a self-signed certificate for 127.0.0.1 and the pool that trusts it.
func testCert(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "smtp uji"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// newSMTPServer starts the server; with a password it offers AUTH PLAIN
// (only over TLS) and refuses mail without it.
func newSMTPServer(t *testing.T, mode serverMode, password string) (*smtpServer, *tls.Config) {
	t.Helper()
	cert, pool := testCert(t)
	tlsCfg := &tls.Config{Certificates: []tls.Certificate{cert}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &smtpServer{addr: ln.Addr().String()}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		_, isTLS := c.TLSConnectionState()
		return &session{s: s, c: c, password: password, r: received{helo: c.Hostname(), tls: isTLS}}, nil
	}))
	srv.Domain = "mx.uji.test"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	switch mode {
	case offersStartTLS:
		srv.TLSConfig = tlsCfg
	case implicitTLS:
		ln = tls.NewListener(ln, tlsCfg)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s, &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}
}

func (s *smtpServer) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.got...)
}

type session struct {
	s        *smtpServer
	c        *smtp.Conn
	password string
	authed   bool
	r        received
}

func (x *session) AuthMechanisms() []string {
	if x.password == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (x *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if username != "bimtek" || password != x.password {
			return errors.New("sandi salah")
		}
		x.authed, x.r.user = true, username
		return nil
	}), nil
}

func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	if x.password != "" && !x.authed {
		return smtp.ErrAuthRequired
	}
	x.r.from = from
	return nil
}

func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	x.r.to = append(x.r.to, to)
	return nil
}

func (x *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	x.s.mu.Lock()
	defer x.s.mu.Unlock()
	if x.s.reject > 0 {
		x.s.reject--
		return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 6, 0}, Message: "ditolak"}
	}
	x.r.helo = x.c.Hostname()
	_, x.r.tls = x.c.TLSConnectionState()
	x.r.data = b
	x.s.got = append(x.s.got, x.r)
	return nil
}

func (x *session) Reset()        { x.r = received{user: x.r.user} }
func (x *session) Logout() error { return nil }

// testUser creates a region and a trainee to notify.
func testUser(t *testing.T, db *store.DB, email, name string) domain.User {
	t.Helper()
	ctx := context.Background()
	r, err := db.EnsureRegion(ctx, "kab-uji", "Pemerintah Kabupaten Uji", "UJI")
	if err != nil {
		t.Fatal(err)
	}
	u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: r.ID, Email: email, Name: name, Role: domain.RolePeserta, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// parsed is a received message read strictly.
type parsed struct {
	msg     *mail.Message
	subject string
	from    *mail.Address
	to      []*mail.Address
	date    time.Time
	msgID   string
	body    string
}

var msgIDPattern = regexp.MustCompile(`^<[A-Za-z0-9.!#$%&'*+/=?^_{|}~-]+@([A-Za-z0-9.-]+)>$`)

// parseStrict reads a message as RFC 5322 with MIME: CRLF line ends only, no
// line over 998 characters, each required header exactly once and well
// formed, the body in its declared charset and transfer encoding.
func parseStrict(t *testing.T, raw []byte) parsed {
	t.Helper()
	if bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\n")) || bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\r")) {
		t.Fatalf("bare LF or CR in the message:\n%q", raw)
	}
	for i, l := range bytes.Split(raw, []byte("\r\n")) {
		if len(l) > 998 {
			t.Fatalf("line %d is %d characters long", i+1, len(l))
		}
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("net/mail: %v\n%s", err, raw)
	}
	for _, h := range []string{"Date", "From", "To", "Subject", "Message-Id", "Mime-Version", "Content-Type", "Content-Transfer-Encoding"} {
		if n := len(m.Header[h]); n != 1 {
			t.Errorf("header %s appears %d times, want once", h, n)
		}
	}
	var p parsed
	p.msg = m
	if p.date, err = m.Header.Date(); err != nil {
		t.Errorf("Date %q: %v", m.Header.Get("Date"), err)
	}
	dec := &mime.WordDecoder{}
	if p.subject, err = dec.DecodeHeader(m.Header.Get("Subject")); err != nil {
		t.Errorf("Subject %q: %v", m.Header.Get("Subject"), err)
	}
	from, err := m.Header.AddressList("From")
	if err != nil || len(from) != 1 {
		t.Fatalf("From %q: %v", m.Header.Get("From"), err)
	}
	p.from = from[0]
	if p.to, err = m.Header.AddressList("To"); err != nil {
		t.Fatalf("To %q: %v", m.Header.Get("To"), err)
	}
	p.msgID = m.Header.Get("Message-Id")
	if !msgIDPattern.MatchString(p.msgID) {
		t.Errorf("Message-ID %q is not <dot-atom@domain>", p.msgID)
	}
	if v := m.Header.Get("Mime-Version"); v != "1.0" {
		t.Errorf("MIME-Version %q", v)
	}
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil || mt != "text/plain" || !strings.EqualFold(params["charset"], "utf-8") {
		t.Fatalf("Content-Type %q: %v", m.Header.Get("Content-Type"), err)
	}
	var body io.Reader = m.Body
	switch cte := strings.ToLower(m.Header.Get("Content-Transfer-Encoding")); cte {
	case "quoted-printable":
		body = quotedprintable.NewReader(m.Body)
	case "8bit", "7bit":
	default:
		t.Fatalf("Content-Transfer-Encoding %q", cte)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		t.Fatalf("body: %v", err)
	}
	p.body = string(b)
	return p
}

// linkPattern finds what looks like a link or a site path in a body.
var linkPattern = regexp.MustCompile(`(?:https?://\S+|(?:^|\s)/\S+)`)

// TestMailThroughRealSMTPServer sends every kind of notification through a
// real SMTP server on loopback, once per connection security, and reads
// each received message back strictly.
func TestMailThroughRealSMTPServer(t *testing.T) {
	kinds := []struct {
		kind domain.NoticeKind
		p    domain.NoticeParams
		link string
	}{
		{domain.NoticeSubmissionSent, domain.NoticeParams{SubmissionID: 8, Version: 2, Trainee: "Rina Marlina"}, "https://bimtek.uji.go.id/penilaian/8"},
		{domain.NoticeSubmissionApproved, domain.NoticeParams{SubmissionID: 7, CourseID: "k", ItemID: "p", ItemTitle: "Posyandu – Kampung Sehat", Score: 88}, "https://bimtek.uji.go.id/kursus/k/materi/p"},
		{domain.NoticeSubmissionReturned, domain.NoticeParams{SubmissionID: 7, CourseID: "k", ItemID: "p", ItemTitle: "Posyandu", Score: 61}, "https://bimtek.uji.go.id/kursus/k/materi/p"},
		{domain.NoticeSubmissionRejected, domain.NoticeParams{SubmissionID: 7, CourseID: "k", ItemID: "p", ItemTitle: "Posyandu", Score: 30}, "https://bimtek.uji.go.id/kursus/k/materi/p"},
		{domain.NoticeCertificateIssued, domain.NoticeParams{CertificateID: 3, Number: "BMT/2026/UJI/000003", CourseTitle: "Admin Media Sosial OPD"}, "https://bimtek.uji.go.id/sertifikat"},
		{domain.NoticeCertificateRevoked, domain.NoticeParams{CertificateID: 3, Number: "BMT/2026/UJI/000003", CourseTitle: "Admin Media Sosial OPD", Reason: "Data peserta keliru"}, "https://bimtek.uji.go.id/sertifikat"},
	}
	modes := []struct {
		name   string
		email  string
		mode   serverMode
		scheme string
		query  string
		tls    bool
	}{
		{"starttls", "andreas.starttls@uji.go.id", offersStartTLS, "smtp", "", true},
		{"smtps", "andreas.smtps@uji.go.id", implicitTLS, "smtps", "", true},
		{"plain relay with starttls=optional", "andreas.plain@uji.go.id", plainOnly, "smtp", "&starttls=optional&helo=app1.uji.go.id", false},
	}
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		for _, md := range modes {
			t.Run(md.name, func(t *testing.T) {
				ctx := context.Background()
				u := testUser(t, db, md.email, "Andréas Wijaya")
				want := map[string]notice.Text{}
				for _, k := range kinds {
					if err := db.Notify(ctx, u.ID, k.kind, k.p); err != nil {
						t.Fatal(err)
					}
					want[notice.Render(domain.Notification{Kind: k.kind, Params: k.p}, i18n.ID).Subject] = notice.Render(domain.Notification{Kind: k.kind, Params: k.p}, i18n.ID)
				}
				password := ""
				userinfo := ""
				if md.tls {
					password, userinfo = "rahasia", "bimtek:rahasia@"
				}
				srv, clientTLS := newSMTPServer(t, md.mode, password)
				cfg, err := ParseURL(md.scheme+"://"+userinfo+srv.addr+"?from=bimtek@uji.go.id"+md.query, "https://bimtek.uji.go.id/")
				if err != nil {
					t.Fatal(err)
				}
				cfg.TLS = clientTLS
				sendAt := time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)
				if n, err := SendPending(ctx, db, cfg, sendAt); n != len(kinds) || err != nil {
					t.Fatalf("sent %d of %d: %v", n, len(kinds), err)
				}
				got := srv.messages()
				if len(got) != len(kinds) {
					t.Fatalf("server received %d messages, want %d", len(got), len(kinds))
				}
				ids := map[string]bool{}
				for _, r := range got {
					wantHELO := "bimtek.uji.go.id"
					if strings.Contains(md.query, "helo=") {
						wantHELO = "app1.uji.go.id"
					}
					if r.helo != wantHELO || r.tls != md.tls || r.from != "bimtek@uji.go.id" || strings.Join(r.to, ",") != u.Email {
						t.Errorf("envelope: HELO %q, TLS %v, MAIL FROM %q, RCPT TO %v", r.helo, r.tls, r.from, r.to)
					}
					if md.tls && r.user != "bimtek" {
						t.Errorf("AUTH PLAIN identity %q", r.user)
					}
					p := parseStrict(t, r.data)
					w, ok := want[p.subject]
					if !ok {
						t.Errorf("subject %q is not one of the kinds' subjects", p.subject)
						continue
					}
					delete(want, p.subject)
					if !p.date.Equal(sendAt) {
						t.Errorf("Date = %v, want %v", p.date, sendAt)
					}
					if m := msgIDPattern.FindStringSubmatch(p.msgID); m == nil || m[1] != "bimtek.uji.go.id" || ids[p.msgID] {
						t.Errorf("Message-ID %q: want a unique id at bimtek.uji.go.id", p.msgID)
					}
					ids[p.msgID] = true
					if p.from.Address != "bimtek@uji.go.id" || p.from.Name != "Bimtek" {
						t.Errorf("From = %v", p.from)
					}
					if len(p.to) != 1 || p.to[0].Address != u.Email || p.to[0].Name != "Andréas Wijaya" {
						t.Errorf("To = %v", p.to)
					}
					if v := p.msg.Header.Get("Auto-Submitted"); v != "auto-generated" {
						t.Errorf("Auto-Submitted = %q", v)
					}
					if !strings.Contains(p.body, "Yth. Andréas Wijaya,") || !strings.Contains(p.body, w.Message) {
						t.Errorf("body lacks the greeting or %q:\n%s", w.Message, p.body)
					}
					links := linkPattern.FindAllString(p.body, -1)
					if len(links) != 1 || strings.TrimSpace(links[0]) != "https://bimtek.uji.go.id"+w.Link {
						t.Errorf("links %q, want only the absolute https://bimtek.uji.go.id%s", links, w.Link)
					}
				}
				if len(want) != 0 {
					t.Errorf("subjects never received: %v", want)
				}
				if n, _ := SendPending(ctx, db, cfg, sendAt); n != 0 || len(srv.messages()) != len(kinds) {
					t.Fatal("a notification was mailed twice")
				}
			})
		}
	})
}

// TestNoPlaintextWithoutOptional: smtp:// requires STARTTLS by default, so a
// server that does not offer it receives nothing and the mail stays queued.
func TestNoPlaintextWithoutOptional(t *testing.T) {
	db := testkit.SQLite(t)
	ctx := context.Background()
	u := testUser(t, db, "rina@uji.go.id", "Rina Marlina")
	if err := db.Notify(ctx, u.ID, domain.NoticeSubmissionApproved, domain.NoticeParams{CourseID: "k", ItemID: "p", ItemTitle: "Posyandu", Score: 88}); err != nil {
		t.Fatal(err)
	}
	srv, clientTLS := newSMTPServer(t, plainOnly, "")
	cfg, err := ParseURL("smtp://"+srv.addr+"?from=bimtek@uji.go.id", "https://bimtek.uji.go.id")
	if err != nil {
		t.Fatal(err)
	}
	cfg.TLS = clientTLS
	if n, err := SendPending(ctx, db, cfg, time.Now()); n != 0 || err == nil || !strings.Contains(err.Error(), "STARTTLS") {
		t.Fatalf("sent %d without STARTTLS: %v", n, err)
	}
	if len(srv.messages()) != 0 {
		t.Fatal("the server received mail in the clear")
	}
	cfg.Security = StartTLSOptional
	if n, err := SendPending(ctx, db, cfg, time.Now()); n != 1 || err != nil {
		t.Fatalf("the queued mail was not sent later: %d, %v", n, err)
	}
}

func TestOutboxSendsOnceAndRetries(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := testUser(t, db, "rina@uji.go.id", "Rina Marlina")
		for _, score := range []int{88, 90} {
			if err := db.Notify(ctx, u.ID, domain.NoticeSubmissionApproved, domain.NoticeParams{SubmissionID: 7, CourseID: "k", ItemID: "p", ItemTitle: "Posyandu", Score: score}); err != nil {
				t.Fatal(err)
			}
		}
		srv, clientTLS := newSMTPServer(t, offersStartTLS, "")
		cfg, err := ParseURL("smtp://"+srv.addr+"?from=bimtek@uji.go.id", "https://bimtek.uji.go.id/")
		if err != nil {
			t.Fatal(err)
		}
		cfg.TLS = clientTLS
		// The server refuses the first message of the batch; the second still
		// goes out on the same connection, the first on the next round.
		srv.reject = 1
		if n, err := SendPending(ctx, db, cfg, time.Now()); n != 1 || err == nil {
			t.Fatalf("one refused message: sent %d, err %v", n, err)
		}
		if n, err := SendPending(ctx, db, cfg, time.Now()); n != 1 || err != nil {
			t.Fatalf("retry: sent %d, err %v", n, err)
		}
		if n, _ := SendPending(ctx, db, cfg, time.Now()); n != 0 {
			t.Fatal("a notification was mailed twice")
		}
		got := srv.messages()
		if len(got) != 2 {
			t.Fatalf("server received %d messages", len(got))
		}
		var scores []string
		for _, r := range got {
			p := parseStrict(t, r.data)
			if p.subject != "Rilis Anda disetujui" || !strings.Contains(p.body, "Buka: https://bimtek.uji.go.id/kursus/k/materi/p") {
				t.Errorf("message: %q\n%s", p.subject, p.body)
			}
			for _, s := range []string{"88", "90"} {
				if strings.Contains(p.body, "Latihan “Posyandu” disetujui (nilai "+s+").") {
					scores = append(scores, s)
				}
			}
		}
		if sort.Strings(scores); strings.Join(scores, " ") != "88 90" {
			t.Errorf("received the decisions %v, want 88 and 90 once each", scores)
		}
	})
}

func TestParseURL(t *testing.T) {
	const base = "https://bimtek.sukamajukab.go.id"
	cases := []struct {
		raw            string
		addr, helo     string
		security       Security
		user, password string
	}{
		{"smtp://admin:rahasia@mail.sukamajukab.go.id?from=bimtek@sukamajukab.go.id", "mail.sukamajukab.go.id:587", "bimtek.sukamajukab.go.id", StartTLS, "admin", "rahasia"},
		{"smtps://admin:rahasia@mail.sukamajukab.go.id?from=bimtek@sukamajukab.go.id", "mail.sukamajukab.go.id:465", "bimtek.sukamajukab.go.id", ImplicitTLS, "admin", "rahasia"},
		{"smtps://mail.sukamajukab.go.id:2465?from=bimtek@sukamajukab.go.id&helo=app1.sukamajukab.go.id", "mail.sukamajukab.go.id:2465", "app1.sukamajukab.go.id", ImplicitTLS, "", ""},
		{"smtp://127.0.0.1:25?from=bimtek@sukamajukab.go.id&starttls=optional", "127.0.0.1:25", "bimtek.sukamajukab.go.id", StartTLSOptional, "", ""},
		{"smtp://[::1]:25?from=bimtek@sukamajukab.go.id", "[::1]:25", "bimtek.sukamajukab.go.id", StartTLS, "", ""},
	}
	for _, tc := range cases {
		c, err := ParseURL(tc.raw, base+"/")
		if err != nil || c.Addr() != tc.addr || c.HELO != tc.helo || c.Security != tc.security || c.Username != tc.user || c.Password != tc.password || c.BaseURL != base {
			t.Errorf("%s: %+v %v", tc.raw, c, err)
		}
	}
	for _, bad := range []string{"http://x", "smtp://", "smtp://host:25", "smtp://host:25?from=bukan-alamat", "smtp://host:99999?from=a@b.id",
		"smtps://host?from=a@b.id&starttls=optional", "smtp://host?from=a@b.id&starttls=kadang", "smtp://host?from=a@b.id&helo=a%20b"} {
		if _, err := ParseURL(bad, base); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	// Links in e-mail must be absolute: no base URL, no mailer.
	for _, b := range []string{"", "/", "bimtek.sukamajukab.go.id", "ftp://bimtek.sukamajukab.go.id"} {
		_, err := ParseURL("smtp://mail.sukamajukab.go.id?from=bimtek@sukamajukab.go.id", b)
		if err == nil || !strings.Contains(err.Error(), "BIMTEK_BASE_URL") {
			t.Errorf("base URL %q: %v", b, err)
		}
	}
}

// TestMailInRecipientLanguage: a notification is mailed in the language its
// recipient chose on the account page; a recipient who follows the browser
// (an e-mail has none) gets Indonesian. Both pass the strict parser.
func TestMailInRecipientLanguage(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		en := testUser(t, db, "english@uji.go.id", "Dewi Lestari")
		if err := db.SetUserLang(ctx, en.ID, "en"); err != nil {
			t.Fatal(err)
		}
		id := testUser(t, db, "bahasa@uji.go.id", "Budi Santoso")
		p := domain.NoticeParams{CertificateID: 3, Number: "BMT/2026/UJI/000003", CourseTitle: "Admin Media Sosial OPD"}
		for _, u := range []domain.User{en, id} {
			if err := db.Notify(ctx, u.ID, domain.NoticeCertificateIssued, p); err != nil {
				t.Fatal(err)
			}
		}
		srv, clientTLS := newSMTPServer(t, plainOnly, "")
		cfg, err := ParseURL("smtp://"+srv.addr+"?from=bimtek@uji.go.id&starttls=optional", "https://bimtek.uji.go.id/")
		if err != nil {
			t.Fatal(err)
		}
		cfg.TLS = clientTLS
		if n, err := SendPending(ctx, db, cfg, time.Date(2026, 3, 10, 9, 30, 0, 0, time.UTC)); n != 2 || err != nil {
			t.Fatalf("sent %d of 2: %v", n, err)
		}
		byTo := map[string]parsed{}
		for _, r := range srv.messages() {
			byTo[strings.Join(r.to, ",")] = parseStrict(t, r.data)
		}
		e, ok := byTo[en.Email]
		if !ok {
			t.Fatalf("nothing mailed to %s", en.Email)
		}
		if e.subject != "Your certificate has been issued" || e.msg.Header.Get("Content-Language") != "en" {
			t.Errorf("English mail: subject %q, Content-Language %q", e.subject, e.msg.Header.Get("Content-Language"))
		}
		for _, want := range []string{"Dear Dewi Lestari,", "Congratulations! Your Admin Media Sosial OPD certificate has been issued with number BMT/2026/UJI/000003.",
			"Open: https://bimtek.uji.go.id/sertifikat", "This e-mail was sent automatically by Bimtek"} {
			if !strings.Contains(e.body, want) {
				t.Errorf("English mail lacks %q:\n%s", want, e.body)
			}
		}
		for _, word := range []string{"Yth.", "Selamat", "Buka:", "Email ini", "terbit"} {
			if strings.Contains(e.body, word) {
				t.Errorf("English mail still says %q:\n%s", word, e.body)
			}
		}
		b, ok := byTo[id.Email]
		if !ok {
			t.Fatalf("nothing mailed to %s", id.Email)
		}
		if b.subject != "Sertifikat Anda terbit" || b.msg.Header.Get("Content-Language") != "id" ||
			!strings.Contains(b.body, "Yth. Budi Santoso,") || !strings.Contains(b.body, "Buka: https://bimtek.uji.go.id/sertifikat") {
			t.Errorf("Indonesian mail: subject %q, Content-Language %q:\n%s", b.subject, b.msg.Header.Get("Content-Language"), b.body)
		}
	})
}
