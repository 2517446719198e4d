// Package usercache keeps per-user reads in memory and drops them when the
// database reports that the user's data changed (store.DB.OnChange). Nothing
// in it matters: losing it costs only a few reads.
package usercache

import (
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// changedUsers bounds how many users' last changes a cache remembers; past
// it the record starts afresh and reads begun before are not stored.
const changedUsers = 1 << 15

// Cache maps keys to values, each belonging to one user.
type Cache[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]entry[V]
	// byUser holds a key of each user with entries, more the further keys
	// of the few with several (a session in each browser): no map per user,
	// and for int64 keys no pointer for the collector to follow.
	byUser map[int64]K
	more   map[int64][]K
	budget int64         // most bytes (by size) kept
	size   func(V) int64 // an entry's estimated bytes
	used   int64
	ttl    time.Duration // 0: no age limit
	live   func() bool
	// seq counts invalidations (changed under mu). changed holds, per user,
	// the seq of their last one, and floor the seq of the last change to
	// everyone (or of the last time changed was started afresh): a read
	// stamped before either is not stored (see Stamp and Put), so a change
	// keeps out only reads of the user it names.
	seq     atomic.Uint64
	floor   uint64
	changed map[int64]uint64

	hits, misses atomic.Uint64
}

type entry[V any] struct {
	v      V
	user   int64
	size   int64
	stored int64 // Unix nanoseconds
}

// New makes a cache of at most max entries, each kept at most ttl (0: until
// its user changes). live reports whether changes are being delivered; while
// it is false the cache neither serves nor stores.
func New[K comparable, V any](max int, ttl time.Duration, live func() bool) *Cache[K, V] {
	return NewSized[K, V](int64(max), func(V) int64 { return 1 }, ttl, live)
}

// NewSized makes a cache bounded by memory: the entries' sizes (in bytes, as
// size estimates them) add up to at most budget; beyond, arbitrary entries
// are dropped. Otherwise it is New.
func NewSized[K comparable, V any](budget int64, size func(V) int64, ttl time.Duration, live func() bool) *Cache[K, V] {
	return &Cache[K, V]{m: map[K]entry[V]{}, byUser: map[int64]K{}, more: map[int64][]K{}, changed: map[int64]uint64{},
		budget: budget, size: size, ttl: ttl, live: live}
}

// Stamp is taken before reading from the database and given back to Put.
// The read's user need not be known yet (a session found by its token).
type Stamp struct{ seq uint64 }

// Stamp returns the cache's current invalidation count.
func (c *Cache[K, V]) Stamp() Stamp { return Stamp{seq: c.seq.Load()} }

// staleLocked reports whether user's data, or everyone's, changed after st was taken.
func (c *Cache[K, V]) staleLocked(user int64, st Stamp) bool {
	return st.seq < c.floor || c.changed[user] > st.seq
}

// Get returns the cached value of k.
func (c *Cache[K, V]) Get(k K, now time.Time) (V, bool) {
	var zero V
	if !c.live() {
		c.misses.Add(1)
		return zero, false
	}
	c.mu.RLock()
	e, ok := c.m[k]
	c.mu.RUnlock()
	if n := now.UnixNano(); !ok || (c.ttl > 0 && (n-e.stored >= int64(c.ttl) || n < e.stored)) {
		c.misses.Add(1)
		return zero, false
	}
	c.hits.Add(1)
	return e.v, true
}

// Stats reports the reads served and not served from the cache, and its size.
func (c *Cache[K, V]) Stats() (hits, misses uint64, entries int) {
	return c.hits.Load(), c.misses.Load(), c.Len()
}

// Put stores v under k for user, unless the user's data changed since st was taken.
func (c *Cache[K, V]) Put(k K, user int64, v V, st Stamp, now time.Time) {
	if !c.live() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	// Checked under the lock that Invalidate holds while it counts and
	// drops: either this sees the change or Invalidate sees this entry.
	if c.staleLocked(user, st) {
		return
	}
	size := c.size(v)
	if old, ok := c.m[k]; ok {
		c.removeLocked(k, old.user)
	}
	for old, e := range c.m { // full: drop arbitrary entries
		if c.used+size <= c.budget {
			break
		}
		c.removeLocked(old, e.user)
	}
	c.m[k] = entry[V]{v: v, user: user, size: size, stored: now.UnixNano()}
	c.used += size
	if _, ok := c.byUser[user]; !ok {
		c.byUser[user] = k
	} else {
		c.more[user] = append(c.more[user], k)
	}
}

// Keep is Put for a value that others may fill at the same moment (the
// pages of one trainee opened together, each missing the copy): a copy
// already kept for k is as fresh as v (a change since would have dropped it)
// and may hold parts stored with it since, so it stays and is returned;
// otherwise v is stored as by Put and returned.
func (c *Cache[K, V]) Keep(k K, user int64, v V, st Stamp, now time.Time) V {
	if !c.live() {
		return v
	}
	c.mu.Lock()
	if e, ok := c.m[k]; ok && e.user == user && !c.staleLocked(user, st) {
		if n := now.UnixNano(); c.ttl == 0 || (n-e.stored < int64(c.ttl) && n >= e.stored) {
			c.mu.Unlock()
			return e.v
		}
	}
	c.mu.Unlock()
	c.Put(k, user, v, st, now)
	return v
}

// Update changes a cached value in place (e.g. a session's last-seen time).
func (c *Cache[K, V]) Update(k K, fn func(*V)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[k]; ok {
		fn(&e.v) // in place: the size is kept as estimated at Put
		c.m[k] = e
	}
}

// Delete drops one key.
func (c *Cache[K, V]) Delete(k K) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[k]; ok {
		c.removeLocked(k, e.user)
	}
}

func (c *Cache[K, V]) removeLocked(k K, user int64) {
	c.used -= c.m[k].size
	delete(c.m, k)
	rest := c.more[user]
	if first, ok := c.byUser[user]; ok && first == k {
		if len(rest) == 0 {
			delete(c.byUser, user)
			return
		}
		c.byUser[user], rest = rest[len(rest)-1], rest[:len(rest)-1]
	} else if i := slices.Index(rest, k); i >= 0 {
		rest = slices.Delete(rest, i, i+1)
	}
	if len(rest) == 0 {
		delete(c.more, user)
	} else {
		c.more[user] = rest
	}
}

// Invalidate drops everything cached for user; user 0 (store.AllUsers) drops everything.
func (c *Cache[K, V]) Invalidate(user int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.seq.Add(1)
	if user == 0 || len(c.changed) >= changedUsers {
		c.floor = n
		clear(c.changed)
	}
	if user == 0 {
		c.m = map[K]entry[V]{}
		c.byUser = map[int64]K{}
		c.more = map[int64][]K{}
		c.used = 0
		return
	}
	c.changed[user] = n
	if k, ok := c.byUser[user]; ok {
		for _, k := range append(c.more[user], k) {
			c.used -= c.m[k].size
			delete(c.m, k)
		}
	}
	delete(c.byUser, user)
	delete(c.more, user)
}

// Bytes is the estimated size of the entries.
func (c *Cache[K, V]) Bytes() int64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.used
}

// Len is the number of entries.
func (c *Cache[K, V]) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}
