// Package usercache keeps per-user reads in memory and drops them when the
// database reports that the user's data changed (store.DB.OnChange). Nothing
// in it matters: losing it costs only a few reads.
package usercache

import (
	"sync"
	"sync/atomic"
	"time"
)

// stripes spread the load counters so that a change to one user rarely keeps
// another user's fresh read out of the cache.
const stripes = 64

// Cache maps keys to values, each belonging to one user.
type Cache[K comparable, V any] struct {
	mu     sync.RWMutex
	m      map[K]entry[V]
	byUser map[int64]map[K]struct{}
	budget int64         // most bytes (by size) kept
	size   func(V) int64 // an entry's estimated bytes
	used   int64
	ttl    time.Duration // 0: no age limit
	live   func() bool
	// gens count the invalidations per stripe of users (and of everyone), so
	// a read that overlapped a change is not stored (see Stamp and Put).
	gens [stripes]atomic.Uint64
	all  atomic.Uint64
	any  atomic.Uint64 // every invalidation, for reads whose user is not known yet

	hits, misses atomic.Uint64
}

type entry[V any] struct {
	v      V
	user   int64
	size   int64
	stored time.Time
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
	return &Cache[K, V]{m: map[K]entry[V]{}, byUser: map[int64]map[K]struct{}{}, budget: budget, size: size, ttl: ttl, live: live}
}

// Stamp is taken before reading a user's data from the database and given back to Put.
type Stamp struct {
	anyUser        bool
	user, all, any uint64
}

// Stamp returns the user's current invalidation counters.
func (c *Cache[K, V]) Stamp(user int64) Stamp {
	return Stamp{user: c.gens[stripe(user)].Load(), all: c.all.Load()}
}

// StampAny is Stamp for a read that will find out whose data it is (a
// session by its token): any change to anyone keeps it out of the cache.
func (c *Cache[K, V]) StampAny() Stamp { return Stamp{anyUser: true, any: c.any.Load()} }

func (c *Cache[K, V]) stale(user int64, st Stamp) bool {
	if st.anyUser {
		return c.any.Load() != st.any
	}
	return c.gens[stripe(user)].Load() != st.user || c.all.Load() != st.all
}

func stripe(user int64) int { return int(uint64(user) % stripes) }

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
	if !ok || (c.ttl > 0 && (now.Sub(e.stored) >= c.ttl || now.Before(e.stored))) {
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
	// Checked under the lock: Invalidate bumps the counters before it takes
	// the lock, so either this sees the bump or Invalidate sees this entry.
	if c.stale(user, st) {
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
	c.m[k] = entry[V]{v: v, user: user, size: size, stored: now}
	c.used += size
	keys := c.byUser[user]
	if keys == nil {
		keys = map[K]struct{}{}
		c.byUser[user] = keys
	}
	keys[k] = struct{}{}
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
	if keys := c.byUser[user]; keys != nil {
		delete(keys, k)
		if len(keys) == 0 {
			delete(c.byUser, user)
		}
	}
}

// Invalidate drops everything cached for user; user 0 (store.AllUsers) drops everything.
func (c *Cache[K, V]) Invalidate(user int64) {
	c.any.Add(1)
	if user == 0 {
		c.all.Add(1)
		c.mu.Lock()
		c.m = map[K]entry[V]{}
		c.byUser = map[int64]map[K]struct{}{}
		c.used = 0
		c.mu.Unlock()
		return
	}
	c.gens[stripe(user)].Add(1)
	c.mu.Lock()
	for k := range c.byUser[user] {
		c.used -= c.m[k].size
		delete(c.m, k)
	}
	delete(c.byUser, user)
	c.mu.Unlock()
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
