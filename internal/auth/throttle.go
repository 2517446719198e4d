package auth

import (
	"context"
	"errors"
	"time"

	"github.com/bimtek/bimtek/internal/store"
)

// Login throttling: after MaxFailuresPerAccount wrong passwords for one email,
// or MaxFailuresPerAddress from one address, within ThrottleWindow, further
// attempts are refused until the window has passed. Counting by the typed email
// (whether or not it exists) gives no hint of which accounts exist.
const (
	ThrottleWindow        = 15 * time.Minute
	MaxFailuresPerAccount = 5
	MaxFailuresPerAddress = 30
)

// ErrThrottled is returned when too many attempts failed recently.
var ErrThrottled = errors.New("terlalu banyak percobaan masuk yang gagal")

// Throttle decides whether a login attempt may go ahead.
type Throttle struct {
	DB  *store.DB
	Now func() time.Time
}

// Allow returns ErrThrottled when the email or address has failed too often.
func (t Throttle) Allow(ctx context.Context, email, address string) error {
	by, addr, err := t.DB.FailedLogins(ctx, email, address, t.Now().Add(-ThrottleWindow))
	if err != nil {
		return err
	}
	if by >= MaxFailuresPerAccount || addr >= MaxFailuresPerAddress {
		return ErrThrottled
	}
	return nil
}

// Record stores the outcome of an attempt.
func (t Throttle) Record(ctx context.Context, email, address string, success bool) error {
	return t.DB.RecordLoginAttempt(ctx, email, address, success)
}
