// Package auth holds passwords, server-side sessions and login throttling.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// argon2id parameters: OWASP's second recommended set (19 MiB would be the
// minimum; 64 MiB with 1 pass is the RFC 9106 low-memory profile scaled down
// to keep a login under ~100 ms on a small server).
const (
	argonTime    = 2
	argonMemory  = 32 * 1024 // KiB
	argonThreads = 2
	argonKeyLen  = 32
	argonSaltLen = 16
)

// MinPasswordLength is the shortest password accepted (NIST SP 800-63B asks for at least 8).
const MinPasswordLength = 10

// ErrPasswordMismatch means the password does not match the hash.
var ErrPasswordMismatch = errors.New("kata sandi tidak cocok")

// ErrNoPassword means the account has no password to log in with (a hash
// starting with "!", as the demo's extra people have); it answers like a
// wrong password, after the same work.
var ErrNoPassword = errors.New("akun tanpa kata sandi")

// ErrHashingBusy means every hashing slot stayed taken for the whole queue wait.
var ErrHashingBusy = errors.New("pemeriksaan kata sandi sedang penuh")

// Each argon2id run holds argonMemory KiB. HashMemoryBudget bounds what all
// runs of a process hold at once (4 runs of 32 MiB); a login waits at most
// HashQueueWait for a slot before it is told to try again.
const (
	HashMemoryBudget = 128 << 20
	HashQueueWait    = 2 * time.Second
)

// Hashing runs argon2id with at most a fixed number of runs at once.
type Hashing struct {
	slots chan struct{}
	wait  time.Duration

	runs, inFlight, peak, refused atomic.Int64
}

// NewHashing sizes the slots from a memory budget in bytes (at least one slot);
// wait is how long Verify queues for a slot.
func NewHashing(budget int64, wait time.Duration) *Hashing {
	n := budget / (argonMemory * 1024)
	if n < 1 {
		n = 1
	}
	return &Hashing{slots: make(chan struct{}, n), wait: wait}
}

// DefaultHashing is the process's bound, shared by every login, password
// change and account creation.
var DefaultHashing = NewHashing(HashMemoryBudget, HashQueueWait)

// HashStats counts argon2id runs: all so far, those running now, the most
// ever running at once, and the checks refused because the queue was full.
type HashStats struct {
	Runs, InFlight, Peak, Refused int64
	Slots                         int
}

// Stats reports the counters.
func (h *Hashing) Stats() HashStats {
	return HashStats{Runs: h.runs.Load(), InFlight: h.inFlight.Load(), Peak: h.peak.Load(), Refused: h.refused.Load(), Slots: cap(h.slots)}
}

// acquire takes a slot; with queue set it gives up after h.wait.
func (h *Hashing) acquire(ctx context.Context, queue bool) error {
	select {
	case h.slots <- struct{}{}:
	default:
		var timeout <-chan time.Time
		if queue {
			t := time.NewTimer(h.wait)
			defer t.Stop()
			timeout = t.C
		}
		select {
		case h.slots <- struct{}{}:
		case <-timeout:
			h.refused.Add(1)
			return ErrHashingBusy
		case <-ctx.Done():
			return fmt.Errorf("menunggu pemeriksaan kata sandi: %w", ctx.Err())
		}
	}
	n := h.inFlight.Add(1)
	for p := h.peak.Load(); n > p && !h.peak.CompareAndSwap(p, n); p = h.peak.Load() {
	}
	h.runs.Add(1)
	return nil
}

func (h *Hashing) release() {
	h.inFlight.Add(-1)
	<-h.slots
}

// compare runs argon2id on pw with the hash's parameters in a slot.
func (h *Hashing) compare(ctx context.Context, ph parsedHash, pw string, queue bool) error {
	if err := h.acquire(ctx, queue); err != nil {
		return err
	}
	got := argon2.IDKey([]byte(pw), ph.salt, ph.t, ph.mem, ph.p, uint32(len(ph.key)))
	h.release()
	if subtle.ConstantTimeCompare(got, ph.key) != 1 {
		return ErrPasswordMismatch
	}
	return nil
}

// Hash returns an encoded argon2id hash of pw, waiting as long as it takes for a slot.
func (h *Hashing) Hash(pw string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("membuat garam kata sandi: %w", err)
	}
	if err := h.acquire(context.Background(), false); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	h.release()
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify compares pw with an encoded hash in constant time, queueing at most
// HashQueueWait for a slot (ErrHashingBusy). An empty hash (unknown email) or
// one starting with "!" is checked against a dummy hash, so every answer takes
// the time of a real check; it returns ErrNoPassword.
func (h *Hashing) Verify(ctx context.Context, encoded, pw string) error {
	noPassword := encoded == "" || strings.HasPrefix(encoded, "!")
	if noPassword {
		encoded = dummyHash()
	}
	ph, err := parseHash(encoded)
	if err != nil {
		return err
	}
	if err := h.compare(ctx, ph, pw, true); err != nil {
		return err
	}
	if noPassword {
		return ErrNoPassword
	}
	return nil
}

// HashPassword returns an encoded argon2id hash of pw (DefaultHashing).
func HashPassword(pw string) (string, error) { return DefaultHashing.Hash(pw) }

// CheckPassword compares pw with an encoded hash in constant time (DefaultHashing, waiting for a slot).
func CheckPassword(encoded, pw string) error {
	ph, err := parseHash(encoded)
	if err != nil {
		return err
	}
	return DefaultHashing.compare(context.Background(), ph, pw, false)
}

type parsedHash struct {
	salt, key []byte
	mem, t    uint32
	p         uint8
}

func parseHash(encoded string) (parsedHash, error) {
	var ph parsedHash
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return ph, errors.New("format hash kata sandi tidak dikenal")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return ph, errors.New("versi argon2 tidak didukung")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &ph.mem, &ph.t, &ph.p); err != nil {
		return ph, fmt.Errorf("parameter hash kata sandi rusak: %w", err)
	}
	var err error
	b64 := base64.RawStdEncoding
	if ph.salt, err = b64.DecodeString(parts[4]); err != nil {
		return ph, fmt.Errorf("garam hash kata sandi rusak: %w", err)
	}
	if ph.key, err = b64.DecodeString(parts[5]); err != nil {
		return ph, fmt.Errorf("hash kata sandi rusak: %w", err)
	}
	return ph, nil
}

// dummyHash is checked against when there is no real hash, so a login takes
// the same time whether or not the account exists or has a password.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword("bimtek-dummy-password-for-timing")
	if err != nil {
		panic(fmt.Sprintf("argon2id: %v", err))
	}
	return h
})

// ValidatePassword says, in Indonesian, why a new password is not acceptable, or returns nil.
func ValidatePassword(pw string) error {
	if utf8.RuneCountInString(pw) < MinPasswordLength {
		return fmt.Errorf("kata sandi minimal %d karakter", MinPasswordLength)
	}
	if len(pw) > 256 {
		return errors.New("kata sandi terlalu panjang (maksimal 256 byte)")
	}
	return nil
}

// GeneratePassword returns a random password that is easy to type: four groups of
// five letters and digits from an alphabet without look-alikes (about 99 bits).
func GeneratePassword() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err))
	}
	var sb strings.Builder
	for i, x := range b {
		if i > 0 && i%5 == 0 {
			sb.WriteByte('-')
		}
		sb.WriteByte(alphabet[int(x)%len(alphabet)])
	}
	return sb.String()
}
