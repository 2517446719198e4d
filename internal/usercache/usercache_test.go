package usercache

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

func newLive(max int, ttl time.Duration) (*Cache[string, int], *atomic.Bool) {
	live := &atomic.Bool{}
	live.Store(true)
	return New[string, int](max, ttl, live.Load), live
}

func TestInvalidateDropsOnlyThatUsersEntries(t *testing.T) {
	c, _ := newLive(10, 0)
	c.Put("a1", 1, 10, c.Stamp(), t0)
	c.Put("a2", 1, 11, c.Stamp(), t0)
	c.Put("b", 2, 20, c.Stamp(), t0)
	c.Invalidate(1)
	if _, ok := c.Get("a1", t0); ok {
		t.Error("a1 survived its user's change")
	}
	if _, ok := c.Get("a2", t0); ok {
		t.Error("a2 survived its user's change")
	}
	if v, ok := c.Get("b", t0); !ok || v != 20 {
		t.Errorf("b = %d, %v; another user's change dropped it", v, ok)
	}
	c.Invalidate(0)
	if c.Len() != 0 {
		t.Errorf("%d entries after a change to everyone", c.Len())
	}
}

func TestReadOverlappingAChangeIsNotStored(t *testing.T) {
	c, _ := newLive(10, 0)
	st := c.Stamp() // a page starts reading user 1 from the database …
	c.Invalidate(1) // … the user's data changes meanwhile …
	c.Put("k", 1, 1, st, t0)
	if _, ok := c.Get("k", t0); ok {
		t.Error("a read older than the change was cached")
	}
	session := c.Stamp() // a session read, its user found by the read
	c.Invalidate(3)
	c.Put("s", 3, 1, session, t0)
	if _, ok := c.Get("s", t0); ok {
		t.Error("a session read overlapping a change to its user was cached")
	}
	all := c.Stamp()
	c.Invalidate(0)
	c.Put("x", 4, 1, all, t0)
	if _, ok := c.Get("x", t0); ok {
		t.Error("a read overlapping a change to everyone was cached")
	}
	c.Put("k", 1, 2, c.Stamp(), t0)
	if v, ok := c.Get("k", t0); !ok || v != 2 {
		t.Errorf("a read after the change: %d, %v", v, ok)
	}
}

// A change to one user keeps out only that user's overlapping reads: many
// trainees' reads are stored while others write (users 65 and 129 share
// user 1's stripe of 64, and every stripe changes meanwhile).
func TestReadsAreStoredWhileOtherUsersChange(t *testing.T) {
	c, _ := newLive(10000, 0)
	stamps := map[int64]Stamp{}
	for u := int64(1); u <= 1000; u++ {
		stamps[u] = c.Stamp()
	}
	for u := int64(1001); u <= 2000; u++ {
		c.Invalidate(u)
	}
	c.Invalidate(500) // one reader's own data changes during its read
	for u := int64(1); u <= 1000; u++ {
		c.Put(fmt.Sprint(u), u, int(u), stamps[u], t0)
	}
	for u := int64(1); u <= 1000; u++ {
		_, ok := c.Get(fmt.Sprint(u), t0)
		if ok != (u != 500) {
			t.Errorf("user %d: stored %v, want %v", u, ok, u != 500)
		}
	}
}

// The record of who changed is bounded; starting it afresh keeps out every
// read begun before, never lets a stale one in.
func TestChangedUsersRecordIsBounded(t *testing.T) {
	c, _ := newLive(10, 0)
	st := c.Stamp()
	c.Invalidate(1)
	for u := int64(2); u < changedUsers+10; u++ {
		c.Invalidate(u)
	}
	if n := len(c.changed); n > changedUsers {
		t.Errorf("%d users remembered, bound %d", n, changedUsers)
	}
	c.Put("k", 1, 1, st, t0)
	if _, ok := c.Get("k", t0); ok {
		t.Error("a read older than its user's change was stored after the record started afresh")
	}
	c.Put("k", 1, 1, c.Stamp(), t0)
	if _, ok := c.Get("k", t0); !ok {
		t.Error("a fresh read was not stored")
	}
}

func TestNotLiveNeitherServesNorStores(t *testing.T) {
	c, live := newLive(10, 0)
	c.Put("k", 1, 1, c.Stamp(), t0)
	live.Store(false)
	if _, ok := c.Get("k", t0); ok {
		t.Error("served while changes are not delivered")
	}
	c.Put("j", 1, 1, c.Stamp(), t0)
	live.Store(true)
	if _, ok := c.Get("j", t0); ok {
		t.Error("stored while changes were not delivered")
	}
}

func TestAgeLimitAndClockGoingBack(t *testing.T) {
	c, _ := newLive(10, time.Minute)
	c.Put("k", 1, 1, c.Stamp(), t0)
	if _, ok := c.Get("k", t0.Add(59*time.Second)); !ok {
		t.Error("dropped before its age limit")
	}
	if _, ok := c.Get("k", t0.Add(time.Minute)); ok {
		t.Error("served at its age limit")
	}
	if _, ok := c.Get("k", t0.Add(-time.Second)); ok {
		t.Error("served to a clock earlier than when it was stored")
	}
}

func TestSizeIsBoundedAndUpdateWorksInPlace(t *testing.T) {
	c, _ := newLive(3, 0)
	for i := 1; i <= 5; i++ {
		c.Put(string(rune('a'+i)), int64(i), i, c.Stamp(), t0)
	}
	if c.Len() != 3 {
		t.Errorf("%d entries, want the bound 3", c.Len())
	}
	c.Put("z", 9, 1, c.Stamp(), t0)
	c.Update("z", func(v *int) { *v = 42 })
	if v, _ := c.Get("z", t0); v != 42 {
		t.Errorf("after Update: %d", v)
	}
	c.Delete("z")
	if _, ok := c.Get("z", t0); ok {
		t.Error("Delete kept the entry")
	}
	if hits, misses, n := c.Stats(); hits != 1 || misses != 1 || n != 2 {
		t.Errorf("Stats = %d hits, %d misses, %d entries; want 1, 1, 2", hits, misses, n)
	}
}

// Run with -race: readers, writers and invalidations at once.
func TestConcurrentUse(t *testing.T) {
	c, _ := newLive(100, 0)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				u := int64(i % 17)
				k := string(rune('a' + i%26))
				if v, ok := c.Get(k, t0); ok && v < 0 {
					t.Error("negative value")
				}
				c.Put(k, u, i, c.Stamp(), t0)
				if i%50 == g {
					c.Invalidate(u)
				}
			}
		}(g)
	}
	wg.Wait()
}

func TestSizedCacheKeepsItsByteBudget(t *testing.T) {
	live := &atomic.Bool{}
	live.Store(true)
	c := NewSized[string, string](100, func(v string) int64 { return int64(len(v)) }, 0, live.Load)
	for i, k := range []string{"a", "b", "c", "d", "e"} {
		c.Put(k, int64(i+1), string(make([]byte, 30)), c.Stamp(), t0)
		if got := c.Bytes(); got > 100 {
			t.Fatalf("after %s: %d bytes kept, budget 100", k, got)
		}
		if _, ok := c.Get(k, t0); !ok {
			t.Fatalf("%s, just stored, is not kept", k)
		}
	}
	if got, want := c.Len(), 3; got != want {
		t.Fatalf("Len() = %d, want %d (three of 30 bytes fit in 100)", got, want)
	}
	c.Put("e", 5, "short", c.Stamp(), t0) // a replaced entry gives its bytes back
	if got, want := c.Bytes(), int64(65); got != want {
		t.Fatalf("Bytes() = %d after replacing e, want %d", got, want)
	}
	c.Invalidate(5)
	if got, want := c.Bytes(), int64(60); got != want {
		t.Fatalf("Bytes() = %d after invalidating e's user, want %d", got, want)
	}
	c.Invalidate(0)
	if got := c.Bytes(); got != 0 {
		t.Fatalf("Bytes() = %d after a change to everyone, want 0", got)
	}
}

// A user with several keys (a session in each browser) loses each on its
// own and all of them on a change, whichever was stored first.
func TestUserWithSeveralKeys(t *testing.T) {
	c, _ := newLive(10, 0)
	for _, k := range []string{"s1", "s2", "s3"} {
		c.Put(k, 1, 1, c.Stamp(), t0)
	}
	c.Put("other", 2, 1, c.Stamp(), t0)
	c.Delete("s1") // the first stored
	c.Put("s2", 1, 2, c.Stamp(), t0)
	c.Put("s4", 1, 1, c.Stamp(), t0)
	c.Delete("s3")
	if _, ok := c.Get("s1", t0); ok {
		t.Error("s1 kept after Delete")
	}
	for _, k := range []string{"s2", "s4"} {
		if _, ok := c.Get(k, t0); !ok {
			t.Errorf("%s dropped with another key of its user", k)
		}
	}
	c.Invalidate(1)
	for _, k := range []string{"s2", "s3", "s4"} {
		if _, ok := c.Get(k, t0); ok {
			t.Errorf("%s survived its user's change", k)
		}
	}
	if c.Len() != 1 || c.Bytes() != 1 {
		t.Errorf("%d entries, %d bytes after the change; want other alone", c.Len(), c.Bytes())
	}
	if len(c.byUser) != 1 || len(c.more) != 0 {
		t.Errorf("user records left: %v, %v", c.byUser, c.more)
	}
}

func TestKeepReturnsTheCopyAlreadyKept(t *testing.T) {
	c, _ := newLive(10, time.Minute)
	a, b := c.Stamp(), c.Stamp() // two pages of user 1 miss together and read
	if got := c.Keep("k", 1, 1, a, t0); got != 1 {
		t.Fatalf("first Keep = %d, want its own value 1", got)
	}
	if got := c.Keep("k", 1, 2, b, t0); got != 1 {
		t.Errorf("second Keep = %d, want the copy already kept (1)", got)
	}
	if v, _ := c.Get("k", t0); v != 1 {
		t.Errorf("kept %d, want 1", v)
	}
	st := c.Stamp()
	c.Invalidate(1) // a change drops the copy and keeps out reads begun before it
	if got := c.Keep("k", 1, 3, st, t0); got != 3 {
		t.Errorf("Keep of a stale read = %d, want its own value 3", got)
	}
	if _, ok := c.Get("k", t0); ok {
		t.Error("a read older than the change was kept")
	}
	c.Keep("k", 1, 4, c.Stamp(), t0)
	if got := c.Keep("k", 1, 5, c.Stamp(), t0.Add(time.Minute)); got != 5 {
		t.Errorf("Keep over an expired copy = %d, want the new value 5", got)
	}
	if v, ok := c.Get("k", t0.Add(time.Minute)); !ok || v != 5 {
		t.Errorf("after an expired copy: %d, %v; want 5 stored", v, ok)
	}
}
