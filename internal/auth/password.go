// Package auth holds passwords, server-side sessions and login throttling.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
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

// argon2id parameters: OWASP's minimum set (19 MiB, 2 passes, 1 lane). Each
// run is one core for 30-90 ms and 19 MiB, so two cores check a cohort of
// 500 logging in at once within a minute while the hashing budget stays
// small; more memory per run would cost logins per second and RSS on the
// small servers this runs on. Hashes made with other parameters (32 MiB,
// 2 lanes before) keep verifying: the parameters are in the encoded hash,
// and a login rehashes them (NeedsRehash).
const (
	argonTime    = 2
	argonMemory  = 19 * 1024 // KiB
	argonThreads = 1
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

// Each argon2id run holds argonMemory KiB (a slot; a hash made with more
// memory takes as many slots as it needs). HashMemoryBudget bounds what all
// runs of a process hold at once: 3 runs of 19 MiB, more than two cores can
// use. A login queues at most HashQueueWait for a slot, behind at most
// HashQueueMax others, before it is told to try again: a burst of 500 logins
// waits its turn instead of being refused after a few seconds, and a flood
// beyond the queue is refused at once.
const (
	HashMemoryBudget = 64 << 20
	HashQueueWait    = time.Minute
	HashQueueMax     = 1000
)

// Hashing runs argon2id with at most a fixed number of runs at once.
type Hashing struct {
	slots     chan struct{}
	wait      time.Duration
	maxQueued int64
	// multi lets one run needing several slots gather them at a time, so
	// two such runs never hold half of what each needs.
	multi sync.Mutex

	runs, inFlight, peak, refused, queued atomic.Int64
}

// NewHashing sizes the slots from a memory budget in bytes (at least one slot);
// wait is how long Verify queues for a slot.
func NewHashing(budget int64, wait time.Duration) *Hashing {
	n := budget / (argonMemory * 1024)
	if n < 1 {
		n = 1
	}
	return &Hashing{slots: make(chan struct{}, n), wait: wait, maxQueued: HashQueueMax}
}

// slotsFor is how many slots a run with mem KiB takes (at most all of them).
func (h *Hashing) slotsFor(mem uint32) int {
	n := int((mem + argonMemory - 1) / argonMemory)
	return max(1, min(n, cap(h.slots)))
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

// acquire takes n slots; with queue set it gives up after h.wait, or at
// once when HashQueueMax others are already waiting.
func (h *Hashing) acquire(ctx context.Context, n int, queue bool) error {
	if n > 1 {
		h.multi.Lock()
		defer h.multi.Unlock()
	}
	var timeout <-chan time.Time
	for got := 0; got < n; got++ {
		select {
		case h.slots <- struct{}{}:
			continue
		default:
		}
		if queue && timeout == nil {
			if h.queued.Add(1) > h.maxQueued {
				h.queued.Add(-1)
				h.refused.Add(1)
				h.give(got)
				return ErrHashingBusy
			}
			defer h.queued.Add(-1)
			t := time.NewTimer(h.wait)
			defer t.Stop()
			timeout = t.C
		}
		select {
		case h.slots <- struct{}{}:
		case <-timeout:
			h.refused.Add(1)
			h.give(got)
			return ErrHashingBusy
		case <-ctx.Done():
			h.give(got)
			return fmt.Errorf("menunggu pemeriksaan kata sandi: %w", ctx.Err())
		}
	}
	in := h.inFlight.Add(1)
	for p := h.peak.Load(); in > p && !h.peak.CompareAndSwap(p, in); p = h.peak.Load() {
	}
	h.runs.Add(1)
	return nil
}

// give returns n slots.
func (h *Hashing) give(n int) {
	for range n {
		<-h.slots
	}
}

func (h *Hashing) release(n int) {
	h.inFlight.Add(-1)
	h.give(n)
}

// compare runs argon2id on pw with the hash's parameters in as many slots as its memory needs.
func (h *Hashing) compare(ctx context.Context, ph parsedHash, pw string, queue bool) error {
	n := h.slotsFor(ph.mem)
	if err := h.acquire(ctx, n, queue); err != nil {
		return err
	}
	got := argon2.IDKey([]byte(pw), ph.salt, ph.t, ph.mem, ph.p, uint32(len(ph.key)))
	h.release(n)
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
	if err := h.acquire(context.Background(), 1, false); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	h.release(1)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify compares pw with an encoded hash in constant time, queueing at most
// HashQueueWait for a slot (ErrHashingBusy). An empty hash (unknown email) or
// one starting with "!" is checked against a dummy hash, so every answer takes
// the time of a real check; it returns ErrNoPassword. A first-password hash
// (HashFirstPassword) is checked after the same argon2id work on the dummy.
func (h *Hashing) Verify(ctx context.Context, encoded, pw string) error {
	noPassword := encoded == "" || strings.HasPrefix(encoded, "!")
	first := IsFirstPassword(encoded)
	stored := encoded
	if noPassword || first {
		encoded = dummyHash()
	}
	ph, err := parseHash(encoded)
	if err != nil {
		return err
	}
	err = h.compare(ctx, ph, pw, true)
	switch {
	case first && (err == nil || errors.Is(err, ErrPasswordMismatch)):
		return checkFirstPassword(stored, pw)
	case err != nil:
		return err
	case noPassword:
		return ErrNoPassword
	}
	return nil
}

// NeedsRehash reports whether an argon2id hash was made with other
// parameters than today's, so a login that has the password should store a
// new one. First-password hashes are replaced by the forced change instead.
func NeedsRehash(encoded string) bool {
	ph, err := parseHash(encoded)
	return err == nil && (ph.mem != argonMemory || ph.t != argonTime || ph.p != argonThreads || len(ph.key) != argonKeyLen)
}

// A first password is one `bimtek import users` generates: about 99 random
// bits, shown once to be handed over and changed at the first login. Like an
// API token it cannot be guessed offline whatever the hash, so it is stored
// as a salted SHA-256 (microseconds instead of argon2id's tens of
// milliseconds, which lets 20,000 accounts be created in seconds); the
// account can do nothing but set a password of its own, hashed with argon2id.
const firstPasswordPrefix = "$sha256-awal$"

// HashFirstPassword returns the fast hash of a generated first password.
func HashFirstPassword(pw string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("membuat garam kata sandi: %w", err)
	}
	sum := firstSum(salt, pw)
	b64 := base64.RawStdEncoding
	return firstPasswordPrefix + b64.EncodeToString(salt) + "$" + b64.EncodeToString(sum[:]), nil
}

// IsFirstPassword reports whether a stored hash is a first password's, which
// must be changed before the account is used.
func IsFirstPassword(encoded string) bool { return strings.HasPrefix(encoded, firstPasswordPrefix) }

func firstSum(salt []byte, pw string) [32]byte {
	return sha256.Sum256(append(append([]byte{}, salt...), pw...))
}

func checkFirstPassword(encoded, pw string) error {
	salt64, key64, ok := strings.Cut(strings.TrimPrefix(encoded, firstPasswordPrefix), "$")
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(salt64)
	key, err2 := b64.DecodeString(key64)
	if !ok || err1 != nil || err2 != nil || len(key) != sha256.Size {
		return errors.New("hash kata sandi awal rusak")
	}
	sum := firstSum(salt, pw)
	if subtle.ConstantTimeCompare(sum[:], key) != 1 {
		return ErrPasswordMismatch
	}
	return nil
}

// HashPassword returns an encoded argon2id hash of pw (DefaultHashing).
func HashPassword(pw string) (string, error) { return DefaultHashing.Hash(pw) }

// CheckPassword compares pw with an encoded hash in constant time (DefaultHashing, waiting for a slot).
func CheckPassword(encoded, pw string) error {
	if IsFirstPassword(encoded) {
		return checkFirstPassword(encoded, pw)
	}
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
