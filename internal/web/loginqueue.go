package web

import (
	"context"
	"errors"
	"sync"
	"time"
)

// A login reserves an attempt, counted as a failure of its email and its
// address until the password is checked (auth.Throttle.Reserve), so that
// simultaneous guesses cannot slip under the limits. A training room behind
// one NAT address pressing "Masuk" at once would then reserve more attempts
// than the address's limit allows and be refused though every password is
// right. So logins from one address take turns: at most loginTurnsPerAddress
// of them reserve and check at once in this process, the rest wait in line
// (up to loginQueueWait, at most loginQueuePerAddress waiting). A guesser
// behind one address still gets at most the address's limit of wrong
// passwords checked per window: the turns only order the attempts.
const (
	loginTurnsPerAddress = 4
	loginQueuePerAddress = 500
	loginQueueWait       = 60 * time.Second
)

// errLoginQueueFull: the address has too many logins waiting, or one waited too long.
var errLoginQueueFull = errors.New("antrean masuk dari alamat ini penuh")

type loginQueue struct {
	mu sync.Mutex
	m  map[string]*addressTurns
}

type addressTurns struct {
	turns chan struct{}
	users int // running and waiting
}

// enter waits for a turn of addr; leave gives it back.
func (q *loginQueue) enter(ctx context.Context, addr string) (leave func(), err error) {
	q.mu.Lock()
	if q.m == nil {
		q.m = map[string]*addressTurns{}
	}
	t := q.m[addr]
	if t == nil {
		t = &addressTurns{turns: make(chan struct{}, loginTurnsPerAddress)}
		q.m[addr] = t
	}
	if t.users >= loginTurnsPerAddress+loginQueuePerAddress {
		q.mu.Unlock()
		return nil, errLoginQueueFull
	}
	t.users++
	q.mu.Unlock()
	done := func() {
		q.mu.Lock()
		if t.users--; t.users == 0 {
			delete(q.m, addr)
		}
		q.mu.Unlock()
	}
	timer := time.NewTimer(loginQueueWait)
	defer timer.Stop()
	select {
	case t.turns <- struct{}{}:
		return func() { <-t.turns; done() }, nil
	case <-ctx.Done():
		done()
		return nil, ctx.Err()
	case <-timer.C:
		done()
		return nil, errLoginQueueFull
	}
}
