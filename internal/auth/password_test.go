package auth

import (
	"context"
	"encoding/base64"
	"errors"
	"regexp"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/argon2"
)

func TestPasswordHashing(t *testing.T) {
	h, err := HashPassword("kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q is not argon2id with our parameters", h)
	}
	if err := CheckPassword(h, "kata-sandi-panjang"); err != nil {
		t.Fatalf("right password refused: %v", err)
	}
	if err := CheckPassword(h, "kata-sandi-salah"); !errors.Is(err, ErrPasswordMismatch) {
		t.Fatalf("wrong password: %v", err)
	}
	h2, _ := HashPassword("kata-sandi-panjang")
	if h2 == h {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
	for _, bad := range []string{"", "!demo-tanpa-login", "$argon2id$v=19$m=x$a$b", "$bcrypt$..."} {
		if CheckPassword(bad, "apa saja") == nil {
			t.Errorf("malformed hash %q accepted a password", bad)
		}
	}
}

func TestValidateAndGeneratePassword(t *testing.T) {
	if err := ValidatePassword("pendek"); err == nil || !strings.Contains(err.Error(), "minimal 10") {
		t.Fatalf("short password: %v", err)
	}
	if err := ValidatePassword(strings.Repeat("a", 300)); err == nil {
		t.Fatal("a 300-byte password was accepted")
	}
	if err := ValidatePassword("sepuluh-karakter"); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i := 0; i < 50; i++ {
		p := GeneratePassword()
		if !regexp.MustCompile(`^[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}$`).MatchString(p) || ValidatePassword(p) != nil {
			t.Fatalf("generated password %q has the wrong form", p)
		}
		if seen[p] {
			t.Fatalf("generated password repeated: %q", p)
		}
		seen[p] = true
	}
}

// heapPeak samples the live heap every millisecond until stop is closed.
func heapPeak(stop <-chan struct{}) <-chan uint64 {
	out := make(chan uint64, 1)
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak {
				peak = v
			}
			select {
			case <-stop:
				out <- peak
				return
			case <-t.C:
			}
		}
	}()
	return out
}

// TestHashingBoundsConcurrentRuns: 24 password checks at once run at most
// two argon2id at a time, and the heap stays near two runs' memory instead
// of 24 × 32 MiB.
func TestHashingBoundsConcurrentRuns(t *testing.T) {
	const slots = 2
	h := NewHashing(slots*argonMemory*1024, time.Minute)
	hash, err := h.Hash("kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	stop := make(chan struct{})
	peak := heapPeak(stop)
	var wg sync.WaitGroup
	for i := 0; i < 24; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := h.Verify(context.Background(), hash, "salah"); !errors.Is(err, ErrPasswordMismatch) {
				t.Errorf("verify: %v", err)
			}
		}()
	}
	wg.Wait()
	close(stop)
	grown := int64(<-peak) - int64(base.HeapAlloc)
	st := h.Stats()
	if st.Peak > slots || st.Runs != 25 || st.InFlight != 0 {
		t.Fatalf("stats %+v; want at most %d at once, 25 runs", st, slots)
	}
	// Unbounded, 24 runs would hold 768 MiB; bounded, two runs plus what the
	// collector has not reclaimed yet.
	if limit := int64(8 * argonMemory * 1024); grown > limit {
		t.Fatalf("heap grew %d MiB during the burst, want under %d MiB", grown>>20, limit>>20)
	}
	t.Logf("peak in flight %d, heap grew %d MiB", st.Peak, grown>>20)
}

// TestHashingRefusesAfterQueueWait: a check that cannot get a slot within the
// wait gives ErrHashingBusy and is counted.
func TestHashingRefusesAfterQueueWait(t *testing.T) {
	h := NewHashing(1, 10*time.Millisecond)
	hash, err := h.Hash("kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	h.slots <- struct{}{} // someone holds the only slot
	if err := h.Verify(context.Background(), hash, "kata-sandi-panjang"); !errors.Is(err, ErrHashingBusy) {
		t.Fatalf("full: %v", err)
	}
	<-h.slots
	if err := h.Verify(context.Background(), hash, "kata-sandi-panjang"); err != nil {
		t.Fatalf("free again: %v", err)
	}
	if st := h.Stats(); st.Refused != 1 || st.Slots != 1 {
		t.Fatalf("stats %+v", st)
	}
	// No password (demo placeholder, unknown email): the same work, refused.
	if err := h.Verify(context.Background(), "!demo-tanpa-login", "apa saja"); !errors.Is(err, ErrPasswordMismatch) && !errors.Is(err, ErrNoPassword) {
		t.Fatalf("placeholder: %v", err)
	}
}

// A hash made with the earlier parameters (32 MiB, 2 lanes) still verifies,
// takes the slots its memory needs, and asks to be rehashed; today's does not.
func TestOldParametersVerifyAndAskForRehash(t *testing.T) {
	old := "$argon2id$v=19$m=32768,t=2,p=2$" // the parameters before
	salt := []byte("0123456789abcdef")
	key := argon2.IDKey([]byte("kata-sandi-lama"), salt, 2, 32*1024, 2, 32)
	b64 := base64.RawStdEncoding
	old += b64.EncodeToString(salt) + "$" + b64.EncodeToString(key)
	h := NewHashing(2*argonMemory*1024, time.Minute)
	if err := h.Verify(context.Background(), old, "kata-sandi-lama"); err != nil {
		t.Fatalf("old hash refused its password: %v", err)
	}
	if err := h.Verify(context.Background(), old, "kata-sandi-salah"); !errors.Is(err, ErrPasswordMismatch) {
		t.Fatalf("old hash, wrong password: %v", err)
	}
	if got := h.slotsFor(32 * 1024); got != 2 {
		t.Errorf("a 32 MiB run takes %d slots of 19 MiB, want 2", got)
	}
	if !NeedsRehash(old) {
		t.Error("an old hash does not ask for a rehash")
	}
	now, _ := h.Hash("kata-sandi-baru")
	if NeedsRehash(now) {
		t.Error("today's hash asks for a rehash")
	}
	first, _ := HashFirstPassword("abcde-fghjk-mnpqr-stuvw")
	if NeedsRehash(first) || NeedsRehash("!demo") || NeedsRehash("") {
		t.Error("a first-password or placeholder hash asks for a rehash")
	}
}

// A generated first password is stored with a fast hash, recognised, and
// checked after the same argon2id work as any login.
func TestFirstPasswordHash(t *testing.T) {
	pw := GeneratePassword()
	enc, err := HashFirstPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	if !IsFirstPassword(enc) {
		t.Fatalf("%q is not recognised as a first password", enc)
	}
	other, _ := HashFirstPassword(pw)
	if other == enc {
		t.Fatal("two first-password hashes are equal: the salt is not random")
	}
	h := NewHashing(argonMemory*1024, time.Minute)
	before := h.Stats().Runs
	if err := h.Verify(context.Background(), enc, pw); err != nil {
		t.Fatalf("right first password refused: %v", err)
	}
	if err := h.Verify(context.Background(), enc, pw+"x"); !errors.Is(err, ErrPasswordMismatch) {
		t.Fatalf("wrong first password: %v", err)
	}
	if runs := h.Stats().Runs - before; runs != 2 {
		t.Errorf("%d argon2id runs for two checks, want 2 (the same work as any login)", runs)
	}
	if err := CheckPassword(enc, pw); err != nil {
		t.Fatalf("CheckPassword: %v", err)
	}
	if err := h.Verify(context.Background(), "$sha256-awal$rusak", pw); err == nil || errors.Is(err, ErrPasswordMismatch) {
		t.Fatalf("a broken first-password hash: %v", err)
	}
}

// A check arriving when the queue is full is refused at once.
func TestHashingRefusesBeyondTheQueue(t *testing.T) {
	h := NewHashing(1, time.Minute)
	h.maxQueued = 1
	hash, err := h.Hash("kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	h.slots <- struct{}{} // someone holds the only slot
	waiting := make(chan error)
	go func() { waiting <- h.Verify(context.Background(), hash, "kata-sandi-panjang") }()
	for h.queued.Load() != 1 {
		time.Sleep(time.Millisecond)
	}
	second := make(chan error, 1)
	go func() { second <- h.Verify(context.Background(), hash, "kata-sandi-panjang") }()
	for h.Stats().Refused == 0 && h.queued.Load() < 2 { // refused, or queued behind the first
		time.Sleep(time.Millisecond)
	}
	<-h.slots
	if err := <-waiting; err != nil {
		t.Fatalf("the queued check: %v", err)
	}
	if err := <-second; !errors.Is(err, ErrHashingBusy) {
		t.Fatalf("a check beyond the queue: %v, want ErrHashingBusy", err)
	}
}
