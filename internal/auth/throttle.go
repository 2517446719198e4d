package auth

import (
	"context"
	"errors"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
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

// LoginAttempts is what the throttle needs of the database; *store.DB has it.
type LoginAttempts interface {
	// ReserveLoginAttempt records a failed attempt unless the limits are
	// already reached (ok false).
	ReserveLoginAttempt(ctx context.Context, email, address string, lim domain.LoginLimits) (id int64, ok bool, err error)
	LoginSucceeded(ctx context.Context, id int64) error
	ReleaseLoginAttempt(ctx context.Context, id int64) error
}

// Throttle decides whether a login attempt may go ahead.
type Throttle struct {
	DB  LoginAttempts
	Now func() time.Time
}

// Attempt is a reserved login attempt: it counts as a failure until Succeeded
// or Release says otherwise.
type Attempt struct {
	db LoginAttempts
	id int64
}

// Reserve counts the attempt as a failure before the password is checked, so
// simultaneous guesses cannot all slip under the limit. It returns
// ErrThrottled when the email or the address has failed too often.
func (t Throttle) Reserve(ctx context.Context, email, address string) (*Attempt, error) {
	id, ok, err := t.DB.ReserveLoginAttempt(ctx, email, address, domain.LoginLimits{
		Since: t.Now().Add(-ThrottleWindow), PerEmail: MaxFailuresPerAccount, PerAddress: MaxFailuresPerAddress})
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrThrottled
	}
	return &Attempt{db: t.DB, id: id}, nil
}

// Succeeded records the attempt as a successful login.
func (a *Attempt) Succeeded(ctx context.Context) error { return a.db.LoginSucceeded(ctx, a.id) }

// Release forgets the attempt: the password was right but the login did not
// go ahead, or it was never checked.
func (a *Attempt) Release(ctx context.Context) error { return a.db.ReleaseLoginAttempt(ctx, a.id) }
