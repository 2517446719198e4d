// Package mailer sends e-mail copies of in-app notifications through SMTP,
// from the notifications outbox in the database. Messages are built and sent
// with github.com/wneessen/go-mail.
package mailer

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/notice"
)

// Security is how the connection to the SMTP server is protected.
type Security int

const (
	// StartTLS upgrades the connection with STARTTLS and refuses to send
	// when the server does not offer it (smtp://, the default).
	StartTLS Security = iota
	// StartTLSOptional upgrades when the server offers STARTTLS and sends in
	// the clear otherwise (smtp://…?starttls=optional, e.g. a relay on loopback).
	StartTLSOptional
	// ImplicitTLS speaks TLS from the first byte (smtps://, port 465).
	ImplicitTLS
)

func (s Security) String() string {
	switch s {
	case StartTLSOptional:
		return "STARTTLS bila ditawarkan"
	case ImplicitTLS:
		return "TLS langsung (smtps)"
	}
	return "STARTTLS wajib"
}

// Config is where, how and as whom to send.
type Config struct {
	Host     string
	Port     int
	Security Security
	From     string // an address, without a display name
	Username string
	Password string
	// HELO is the name the client greets the server with; by default the
	// base URL's host, since a receiving server checks it against DNS.
	HELO string
	// BaseURL is the public address notification links are made absolute
	// with; Message-IDs carry its host.
	BaseURL string
	// TLS overrides the TLS settings (tests trust their own certificate);
	// nil means the system's roots and the server name Host.
	TLS *tls.Config
}

// Addr is host:port.
func (c Config) Addr() string { return net.JoinHostPort(c.Host, strconv.Itoa(c.Port)) }

// usage is the shape of BIMTEK_SMTP_URL, named in every complaint about it.
const usage = "gunakan bentuk smtp://pengguna:sandi@host:587?from=alamat@domain (STARTTLS) atau smtps://pengguna:sandi@host:465?from=alamat@domain (TLS langsung)"

// ParseURL reads BIMTEK_SMTP_URL:
//
//	smtp://user:password@host:587?from=bimtek@example.go.id   STARTTLS, required
//	smtps://user:password@host:465?from=bimtek@example.go.id  TLS from the first byte
//
// with the optional parameters helo=NAME and, for smtp://, starttls=optional.
// baseURL (BIMTEK_BASE_URL) is required: an e-mail's links must be absolute.
func ParseURL(raw, baseURL string) (Config, error) {
	base, err := url.Parse(strings.TrimRight(baseURL, "/"))
	if baseURL == "" || err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Hostname() == "" {
		return Config{}, errors.New("BIMTEK_SMTP_URL memerlukan BIMTEK_BASE_URL (alamat publik, misalnya https://bimtek.sukamajukab.go.id): tautan dalam surel harus berupa alamat lengkap. Isi BIMTEK_BASE_URL atau kosongkan BIMTEK_SMTP_URL")
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
		return Config{}, fmt.Errorf("BIMTEK_SMTP_URL tidak dapat dibaca: %s", usage)
	}
	q := u.Query()
	c := Config{Host: u.Hostname(), From: q.Get("from"), HELO: q.Get("helo"), BaseURL: base.Scheme + "://" + base.Host}
	c.Port = 587
	if u.Scheme == "smtps" {
		c.Security, c.Port = ImplicitTLS, 465
	}
	if p := u.Port(); p != "" {
		if c.Port, err = strconv.Atoi(p); err != nil || c.Port < 1 || c.Port > 65535 {
			return Config{}, fmt.Errorf("BIMTEK_SMTP_URL: port %q tidak sah; %s", p, usage)
		}
	}
	switch v := q.Get("starttls"); {
	case v == "" || v == "required":
	case v == "optional" && u.Scheme == "smtp":
		c.Security = StartTLSOptional
	default:
		return Config{}, fmt.Errorf("BIMTEK_SMTP_URL: starttls=%q tidak dikenal; yang boleh hanya starttls=optional, dan hanya untuk smtp://", v)
	}
	if a, err := mail.ParseAddress(c.From); err != nil || a.Address != c.From {
		return Config{}, fmt.Errorf("BIMTEK_SMTP_URL: parameter from=%q bukan alamat surel; %s", c.From, usage)
	}
	if c.HELO == "" {
		c.HELO = base.Hostname()
	} else if strings.ContainsAny(c.HELO, " \t\r\n<>") {
		return Config{}, fmt.Errorf("BIMTEK_SMTP_URL: helo=%q bukan nama host", c.HELO)
	}
	if u.User != nil {
		c.Username = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	return c, nil
}

// Outbox is the notifications outbox in the database; *store.DB has it.
type Outbox interface {
	// ClaimOutbox marks up to limit unsent notifications created after since
	// as being sent and returns them; no other process gets them.
	ClaimOutbox(ctx context.Context, since time.Time, limit int) ([]domain.OutboxMail, error)
	// ReleaseOutbox puts a claimed notification back after a failed send.
	ReleaseOutbox(ctx context.Context, id int64) error
}

// Batch and timing of the outbox worker.
const (
	batch   = 50
	every   = 30 * time.Second
	maxAge  = 24 * time.Hour // older notifications are not mailed (e.g. when SMTP is first configured)
	timeout = 30 * time.Second
)

// Run sends the outbox every 30 seconds until ctx ends.
func Run(ctx context.Context, db Outbox, cfg Config, log *slog.Logger) {
	log.Info("surel pemberitahuan aktif", "server", cfg.Addr(), "keamanan", cfg.Security.String(), "helo", cfg.HELO, "tautan", cfg.BaseURL)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := SendPending(ctx, db, cfg, time.Now()); err != nil && ctx.Err() == nil {
			log.Warn("mengirim surel pemberitahuan gagal", "err", err)
		} else if n > 0 {
			log.Info("surel pemberitahuan terkirim", "jumlah", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// client is a go-mail client for cfg; it connects on DialWithContext.
func (c Config) client() (*gomail.Client, error) {
	opts := []gomail.Option{gomail.WithPort(c.Port), gomail.WithHELO(c.HELO), gomail.WithTimeout(timeout)}
	tc := c.TLS
	if tc == nil {
		tc = &tls.Config{ServerName: c.Host, MinVersion: tls.VersionTLS12}
	}
	opts = append(opts, gomail.WithTLSConfig(tc))
	switch c.Security {
	case ImplicitTLS:
		opts = append(opts, gomail.WithSSL(), gomail.WithTLSPolicy(gomail.TLSMandatory))
	case StartTLSOptional:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if c.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthPlain), gomail.WithUsername(c.Username), gomail.WithPassword(c.Password))
	}
	return gomail.NewClient(c.Host, opts...)
}

// SendPending claims and sends one batch over one connection; a message that
// fails goes back to the queue (up to the store's MaxEmailAttempts). It returns how
// many were sent.
func SendPending(ctx context.Context, db Outbox, cfg Config, now time.Time) (int, error) {
	mails, err := db.ClaimOutbox(ctx, now.Add(-maxAge), batch)
	if err != nil || len(mails) == 0 {
		return 0, err
	}
	release := func(from int, cause error) (int, error) {
		for _, m := range mails[from:] {
			if rerr := db.ReleaseOutbox(ctx, m.ID); rerr != nil {
				return from, errors.Join(cause, rerr)
			}
		}
		return from, cause
	}
	client, err := cfg.client()
	if err == nil {
		err = client.DialWithContext(ctx)
	}
	if err != nil {
		return release(0, fmt.Errorf("menghubungi server SMTP %s: %w", cfg.Addr(), err))
	}
	defer client.Close()
	sent := 0
	var firstErr error
	for _, m := range mails {
		msg, err := cfg.message(m, now)
		if err == nil {
			err = client.Send(msg)
		}
		if err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("surel ke %s: %w", m.Email, err)
			}
			if rerr := db.ReleaseOutbox(ctx, m.ID); rerr != nil {
				return sent, errors.Join(firstErr, rerr)
			}
			continue
		}
		sent++
	}
	return sent, firstErr
}

// message builds the RFC 5322 message of one notification in the
// recipient's language: the words come from internal/notice (subject per
// kind), links are absolute, Date is the time of sending and the
// Message-ID's domain is the base URL's host.
func (c Config) message(m domain.OutboxMail, now time.Time) (*gomail.Msg, error) {
	l, ok := i18n.Parse(m.Lang)
	if !ok {
		l = i18n.ID
	}
	t := notice.Render(m.Notification, l)
	msg := gomail.NewMsg(gomail.WithCharset(gomail.CharsetUTF8), gomail.WithEncoding(gomail.EncodingQP), gomail.WithNoDefaultUserAgent())
	if err := msg.FromFormat("Bimtek", c.From); err != nil {
		return nil, fmt.Errorf("alamat pengirim: %w", err)
	}
	if err := msg.AddToFormat(m.Name, m.Email); err != nil {
		return nil, fmt.Errorf("alamat penerima: %w", err)
	}
	msg.Subject(t.Subject)
	msg.SetDateWithValue(now)
	msg.SetMessageIDWithValue(messageID(m.ID, c.BaseURL))
	// RFC 3834: out-of-office replies are not sent to automatic mail.
	msg.SetGenHeader(gomail.Header("Auto-Submitted"), "auto-generated")
	msg.SetGenHeader(gomail.HeaderContentLang, string(l))
	var b strings.Builder
	b.WriteString(i18n.Tf(l, "Yth. {{.Name}},", map[string]any{"Name": m.Name}))
	fmt.Fprintf(&b, "\n\n%s\n", t.Message)
	if t.Link != "" {
		fmt.Fprintf(&b, "\n%s\n", i18n.Tf(l, "Buka: {{.URL}}", map[string]any{"URL": c.BaseURL + t.Link}))
	}
	b.WriteString("\n" + i18n.T(l, "Email ini dikirim otomatis oleh Bimtek; pemberitahuan yang sama ada di Beranda Anda.") + "\n")
	msg.SetBodyString(gomail.TypeTextPlain, b.String())
	return msg, nil
}

// messageID is unique per notification and attempt: the notification's id
// and 64 random bits, at the public host.
func messageID(id int64, baseURL string) string {
	host := "bimtek.invalid"
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	r := make([]byte, 8)
	_, _ = rand.Read(r) // crypto/rand.Read never fails
	return fmt.Sprintf("notifikasi-%d.%s@%s", id, hex.EncodeToString(r), host)
}
