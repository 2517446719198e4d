package auth

import (
	"context"
	"errors"
	"regexp"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestPasswordHashing(t *testing.T) {
	h, err := HashPassword("kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=32768,t=2,p=2$") {
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
