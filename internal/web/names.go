package web

import (
	"context"
	"sync"
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// nameTTL bounds how stale a region's or OPD's name may be on a Beranda. They
// change a few times a year; not reading them on every page view keeps the
// pages fast. Nothing is decided on these copies, so other processes need not
// see a rename at once.
const nameTTL = time.Minute

// nameCache keeps recently read regions and OPDs for display.
type nameCache struct {
	db      *store.DB
	now     func() time.Time
	mu      sync.Mutex
	regions map[int64]cachedRegion
	opds    map[int64]cachedOPD
}

type cachedRegion struct {
	v  domain.Region
	at time.Time
}

type cachedOPD struct {
	v  domain.OPD
	at time.Time
}

func newNameCache(db *store.DB, now func() time.Time) *nameCache {
	return &nameCache{db: db, now: now, regions: map[int64]cachedRegion{}, opds: map[int64]cachedOPD{}}
}

func (n *nameCache) region(ctx context.Context, id int64) (domain.Region, error) {
	n.mu.Lock()
	c, ok := n.regions[id]
	n.mu.Unlock()
	if ok && n.now().Sub(c.at) < nameTTL {
		return c.v, nil
	}
	r, err := n.db.Region(ctx, id)
	if err != nil {
		return r, err
	}
	n.mu.Lock()
	n.regions[id] = cachedRegion{r, n.now()}
	n.mu.Unlock()
	return r, nil
}

func (n *nameCache) opd(ctx context.Context, id int64) (domain.OPD, error) {
	n.mu.Lock()
	c, ok := n.opds[id]
	n.mu.Unlock()
	if ok && n.now().Sub(c.at) < nameTTL {
		return c.v, nil
	}
	o, err := n.db.OPD(ctx, id)
	if err != nil {
		return o, err
	}
	n.mu.Lock()
	n.opds[id] = cachedOPD{o, n.now()}
	n.mu.Unlock()
	return o, nil
}
