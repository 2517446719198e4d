// Package mailer sends e-mail copies of in-app notifications through SMTP,
// from the notifications outbox in the database.
package mailer

import (
	"context"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"

	"github.com/bimtek/bimtek/internal/notice"
	"github.com/bimtek/bimtek/internal/store"
)

// Config is where and as whom to send.
type Config struct {
	Addr     string // host:port
	From     string
	Username string
	Password string
	BaseURL  string // to turn notification links into full addresses
}

// ParseURL reads BIMTEK_SMTP_URL: smtp://user:password@host:587?from=bimtek@example.go.id
func ParseURL(raw, baseURL string) (Config, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "smtp" || u.Host == "" {
		return Config{}, fmt.Errorf("BIMTEK_SMTP_URL tidak dapat dibaca: gunakan bentuk smtp://pengguna:sandi@host:587?from=alamat@domain")
	}
	c := Config{Addr: u.Host, From: u.Query().Get("from"), BaseURL: strings.TrimRight(baseURL, "/")}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		c.Addr = net.JoinHostPort(c.Addr, "587")
	}
	if a, err := mail.ParseAddress(c.From); err != nil || a.Address != c.From {
		return Config{}, fmt.Errorf("BIMTEK_SMTP_URL: parameter from=%q bukan alamat surel", c.From)
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
	ClaimOutbox(ctx context.Context, since time.Time, limit int) ([]store.OutboxMail, error)
	// ReleaseOutbox puts a claimed notification back after a failed send.
	ReleaseOutbox(ctx context.Context, id int64) error
}

// Batch and timing of the outbox worker.
const (
	batch  = 50
	every  = 30 * time.Second
	maxAge = 24 * time.Hour // older notifications are not mailed (e.g. when SMTP is first configured)
)

// Run sends the outbox every 30 seconds until ctx ends.
func Run(ctx context.Context, db Outbox, cfg Config, log *slog.Logger) {
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

// SendPending claims and sends one batch; a failed message goes back to the
// queue (up to store.MaxEmailAttempts). It returns how many were sent.
func SendPending(ctx context.Context, db Outbox, cfg Config, now time.Time) (int, error) {
	mails, err := db.ClaimOutbox(ctx, now.Add(-maxAge), batch)
	if err != nil {
		return 0, err
	}
	sent := 0
	var firstErr error
	for _, m := range mails {
		if err := send(cfg, m); err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("surel ke %s: %w", m.Email, err)
			}
			if rerr := db.ReleaseOutbox(ctx, m.ID); rerr != nil {
				return sent, rerr
			}
			continue
		}
		sent++
	}
	return sent, firstErr
}

func send(cfg Config, m store.OutboxMail) error {
	var auth smtp.Auth
	if cfg.Username != "" {
		host, _, _ := net.SplitHostPort(cfg.Addr)
		auth = smtp.PlainAuth("", cfg.Username, cfg.Password, host)
	}
	return smtp.SendMail(cfg.Addr, auth, cfg.From, []string{m.Email}, message(cfg, m))
}

// message builds a plain-text UTF-8 e-mail with the notification's words (internal/notice).
func message(cfg Config, m store.OutboxMail) []byte {
	t := notice.Render(m.Notification)
	to := (&mail.Address{Name: m.Name, Address: m.Email}).String()
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
		cfg.From, to, mime.QEncoding.Encode("UTF-8", t.Subject))
	fmt.Fprintf(&b, "Yth. %s,\r\n\r\n%s\r\n", m.Name, t.Message)
	if t.Link != "" {
		fmt.Fprintf(&b, "\r\nBuka: %s%s\r\n", cfg.BaseURL, t.Link)
	}
	b.WriteString("\r\nSurel ini dikirim otomatis oleh Bimtek; pemberitahuan yang sama ada di Beranda Anda.\r\n")
	return []byte(b.String())
}
