package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lib/pq"
)

// AllUsers in a change means that every user's cached reads are stale.
const AllUsers int64 = 0

// Timings of the change feed.
const (
	changePollEvery  = time.Second      // SQLite: picks up other processes' writes
	changeKeep       = 10 * time.Minute // SQLite: change_log rows older than this are pruned
	changeSyncWithin = 2 * time.Second  // how long a write waits for the feed to catch up
)

// changeFeed tells subscribers which users' data changed, after the change
// has committed, so processes may cache per-user reads (sessions, a trainee's
// progress) without serving a stale copy. Triggers name the users in the same
// transaction as the change (migrations 00009): on SQLite as rows of
// change_log, read back after each of this process's writes and once a second
// for other processes; on PostgreSQL as NOTIFY, delivered on commit, in
// commit order, to every listening process. After each of its own writes a
// process waits until it has seen the write's notices, so a user always reads
// their own writes; other processes see them within milliseconds. While the
// feed is not connected it reports not live and caches must not serve.
type changeFeed struct {
	db      *DB
	mu      sync.Mutex
	subs    []subscriber
	started bool
	live    atomic.Bool
	stop    chan struct{}
	done    chan struct{}

	// SQLite
	pollMu sync.Mutex
	last   int64

	// PostgreSQL
	dsn      string
	channel  string
	listener *pq.Listener
	id       string // marks this process's sync notices
	nonce    atomic.Uint64
	probing  atomic.Bool
	waitMu   sync.Mutex
	waiters  map[string]chan struct{}
}

// subscriber is told of the changes as wide as hears or wider.
type subscriber struct {
	fn    func(userID int64)
	hears changeKind
}

// changeKind is how much of a user's data a change may touch, widest first.
type changeKind uint8

const (
	changeAll        changeKind = iota // anything of the user's
	changeProgress                     // their progress or submission rows alone ('p', migration 00026)
	changeSubmission                   // an update of a submission row alone, such as its draft ('d', migration 00027)
)

// OnChange registers fn to be told of every committed change to a user's
// data (AllUsers: everyone's). The first call starts the feed.
// The updates of a submission row alone (a draft saved) are left out: they
// are for OnSubmissionChange.
func (db *DB) OnChange(ctx context.Context, fn func(userID int64)) error {
	return db.subscribe(ctx, subscriber{fn: fn, hears: changeProgress})
}

// OnSubmissionChange is OnChange with the updates of a trainee's submission
// rows alone (migration 00027: a draft saved, a rescued text taken), for the
// copies of those rows (the practice page's draft).
func (db *DB) OnSubmissionChange(ctx context.Context, fn func(userID int64)) error {
	return db.subscribe(ctx, subscriber{fn: fn, hears: changeSubmission})
}

// OnChangeBesidesProgress is OnChange without the changes that touch only a
// trainee's progress and submission rows (migration 00026), for copies that
// read neither: a session, the Beranda's lists, the unread count. A lesson
// marked done then drops only the copy that shows it.
func (db *DB) OnChangeBesidesProgress(ctx context.Context, fn func(userID int64)) error {
	return db.subscribe(ctx, subscriber{fn: fn, hears: changeAll})
}

func (db *DB) subscribe(ctx context.Context, sub subscriber) error {
	f := &db.changes
	f.mu.Lock()
	defer f.mu.Unlock()
	f.subs = append(f.subs, sub)
	if f.started {
		return nil
	}
	f.db = db
	f.stop, f.done = make(chan struct{}), make(chan struct{})
	var err error
	if db.Dialect == Postgres {
		err = f.startPostgres(ctx)
	} else {
		err = f.startSQLite(ctx)
	}
	if err != nil {
		return fmt.Errorf("memulai pemantau perubahan: %w", err)
	}
	f.started = true
	return nil
}

// ChangesLive reports whether the change feed is connected; caches serve only then.
func (db *DB) ChangesLive() bool { return db.changes.live.Load() }

// ChangeChannel is the PostgreSQL channel the feed listens on ("" on SQLite).
func (db *DB) ChangeChannel() string { return db.changes.channel }

// dispatch tells the subscribers of a change of the given kind to userID's data.
func (f *changeFeed) dispatch(userID int64, kind changeKind) {
	f.mu.Lock()
	subs := f.subs
	f.mu.Unlock()
	for _, s := range subs {
		if kind <= s.hears {
			s.fn(userID)
		}
	}
}

// setLive records the feed's state; any transition drops every cached copy,
// because changes may have been missed while it was down.
func (f *changeFeed) setLive(v bool) {
	if f.live.Swap(v) != v {
		f.dispatch(AllUsers, changeAll)
	}
}

func (f *changeFeed) close() {
	f.mu.Lock()
	started := f.started
	f.started = false
	f.subs = nil // a closed database tells no one, nor keeps their caches
	f.mu.Unlock()
	if !started {
		return
	}
	close(f.stop)
	<-f.done
	f.live.Store(false)
}

// afterWrite runs after each committed write of this process. A request
// that ends meanwhile must not leave the feed looking broken.
func (db *DB) afterWrite(ctx context.Context) {
	f := &db.changes
	if !f.live.Load() {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), changeSyncWithin)
	defer cancel()
	if db.Dialect == Postgres {
		f.sync(ctx)
	} else {
		f.poll(ctx)
	}
}

func (f *changeFeed) startSQLite(ctx context.Context) error {
	if err := f.db.r.GetContext(ctx, &f.last, `SELECT COALESCE(MAX(seq), 0) FROM change_log`); err != nil {
		return err
	}
	f.live.Store(true)
	go func() {
		defer close(f.done)
		t := time.NewTicker(changePollEvery)
		defer t.Stop()
		var ticks int
		for {
			select {
			case <-f.stop:
				return
			case <-t.C:
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			f.poll(ctx)
			if ticks++; ticks%60 == 0 {
				if _, err := f.db.w.DB.ExecContext(ctx, `DELETE FROM change_log WHERE at < ?`,
					time.Now().UTC().Add(-changeKeep).Format("2006-01-02 15:04:05")); err != nil {
					slog.Warn("membersihkan change_log", "err", err)
				}
			}
			cancel()
		}
	}()
	return nil
}

// poll reads the change_log rows written since the last poll. SQLite commits
// one writer at a time, so sequence numbers appear in order and without gaps;
// a gap means rows were pruned unseen, and everything is dropped.
func (f *changeFeed) poll(ctx context.Context) {
	f.pollMu.Lock()
	defer f.pollMu.Unlock()
	for {
		var rows []struct {
			Seq    int64      `db:"seq"`
			UserID *int64     `db:"user_id"`
			Kind   changeKind `db:"progress"` // 0, or 1 (progress alone), or 2 (a submission row alone)
		}
		err := f.db.selectHot(ctx, &rows, `SELECT seq, user_id, progress FROM change_log WHERE seq > ? ORDER BY seq LIMIT 1000`, f.last)
		if err != nil {
			slog.Warn("membaca change_log", "err", err)
			f.setLive(false)
			return
		}
		f.setLive(true)
		if len(rows) == 0 {
			return
		}
		// seen: the users named, with the widest kind of the rows naming them
		seen := map[int64]changeKind{}
		if rows[0].Seq != f.last+1 {
			seen[AllUsers] = changeAll
		}
		for _, r := range rows {
			if r.UserID != nil {
				if k, ok := seen[*r.UserID]; !ok || r.Kind < k {
					seen[*r.UserID] = r.Kind
				}
			}
		}
		f.last = rows[len(rows)-1].Seq
		if _, ok := seen[AllUsers]; ok {
			f.dispatch(AllUsers, changeAll)
		} else {
			for id, kind := range seen {
				f.dispatch(id, kind)
			}
		}
		if len(rows) < 1000 {
			return
		}
	}
}

func (f *changeFeed) startPostgres(ctx context.Context) error {
	var schema string
	if err := f.db.r.GetContext(ctx, &schema, `SELECT current_schema()`); err != nil {
		return err
	}
	b := make([]byte, 8)
	rand.Read(b)
	f.id = hex.EncodeToString(b)
	f.channel = "bimtek_changes_" + schema
	f.waiters = map[string]chan struct{}{}
	// Being connected is not enough (a pooler in transaction mode accepts
	// LISTEN and delivers nothing): the feed is live once a notice of its own
	// has come back.
	f.listener = pq.NewListener(f.dsn, 100*time.Millisecond, 5*time.Second, func(ev pq.ListenerEventType, err error) {
		switch ev {
		case pq.ListenerEventReconnected:
			go f.probe()
		case pq.ListenerEventDisconnected, pq.ListenerEventConnectionAttemptFailed:
			f.setLive(false)
			if err != nil {
				slog.Warn("pemantau perubahan PostgreSQL terputus", "err", err)
			}
		}
	})
	if err := f.listener.Listen(f.channel); err != nil {
		f.listener.Close()
		return err
	}
	go func() {
		defer close(f.done)
		defer f.listener.Close()
		t := time.NewTicker(changeProbeEvery)
		defer t.Stop()
		for {
			select {
			case <-f.stop:
				return
			case n := <-f.listener.Notify:
				if n != nil {
					f.receive(n.Extra)
				}
			case <-t.C:
				if !f.live.Load() {
					go f.probe()
				}
			}
		}
	}()
	pctx, cancel := context.WithTimeout(ctx, changeSyncWithin)
	defer cancel()
	if f.roundTrip(pctx) {
		f.live.Store(true) // nothing is cached yet: no one to tell
	} else {
		slog.Error(notifyLost)
	}
	return nil
}

// changeProbeEvery is how often a feed that is not live tries a round trip.
var changeProbeEvery = 10 * time.Second

// notifyLost is logged when the feed's own notices do not come back.
const notifyLost = "pemberitahuan PostgreSQL (LISTEN/NOTIFY) tidak sampai; salinan sementara tidak dipakai sampai pulih " +
	"(sambungkan BIMTEK_DATABASE_URL langsung ke PostgreSQL atau ke pooler dalam mode sesi)"

// probe makes the feed live again once a notice of its own comes back.
func (f *changeFeed) probe() {
	if !f.probing.CompareAndSwap(false, true) {
		return
	}
	defer f.probing.Store(false)
	ctx, cancel := context.WithTimeout(context.Background(), changeSyncWithin)
	defer cancel()
	if f.roundTrip(ctx) {
		f.setLive(true)
	}
}

func (f *changeFeed) receive(payload string) {
	if strings.HasPrefix(payload, "s:") {
		f.waitMu.Lock()
		ch, ok := f.waiters[payload]
		delete(f.waiters, payload)
		f.waitMu.Unlock()
		if ok {
			close(ch)
		}
		return
	}
	kind, rest := changeAll, payload
	switch {
	case strings.HasPrefix(payload, "p"):
		kind, rest = changeProgress, payload[1:]
	case strings.HasPrefix(payload, "d"):
		kind, rest = changeSubmission, payload[1:]
	}
	if id, err := strconv.ParseInt(rest, 10, 64); err == nil {
		f.dispatch(id, kind)
	}
}

// sync runs after this process's writes: once its own notice is back, every
// notice of the writes before it has been dispatched, since notices arrive in
// commit order. If it does not come back, the feed stops being live (caches
// are emptied and step aside) until a probe succeeds.
func (f *changeFeed) sync(ctx context.Context) {
	if !f.roundTrip(ctx) && f.live.Load() {
		slog.Error(notifyLost)
		f.setLive(false)
	}
}

// roundTrip sends a notice of its own and reports whether it came back before ctx ended.
func (f *changeFeed) roundTrip(ctx context.Context) bool {
	key, back, done := f.expect()
	defer done()
	if _, err := f.db.w.DB.ExecContext(ctx, `SELECT pg_notify($1, $2)`, f.channel, key); err != nil {
		return false
	}
	select {
	case <-back:
		return true
	case <-ctx.Done():
		return false
	}
}

// expect makes the key of a notice of this process's own, closing back when
// it arrives; done forgets it.
func (f *changeFeed) expect() (key string, back <-chan struct{}, done func()) {
	key = "s:" + f.id + ":" + strconv.FormatUint(f.nonce.Add(1), 10)
	ch := make(chan struct{})
	f.waitMu.Lock()
	f.waiters[key] = ch
	f.waitMu.Unlock()
	return key, ch, func() {
		f.waitMu.Lock()
		delete(f.waiters, key)
		f.waitMu.Unlock()
	}
}

// getSynced is a read that stands for afterWrite after a write that
// committed before it: on PostgreSQL the read, a statement of its own, also
// sends the feed's notice (arriving after the write's, in commit order) and
// waits for it, which saves the round trip of a separate notice. query must
// be a single-row SELECT.
func (db *DB) getSynced(ctx context.Context, dest any, query string, args ...any) error {
	f := &db.changes
	if db.Dialect != Postgres || !f.live.Load() {
		err := db.getHot(ctx, dest, query, args...)
		db.afterWrite(ctx)
		return err
	}
	key, back, done := f.expect()
	defer done()
	err := db.r.GetContext(ctx, dest, db.q(`SELECT x.* FROM pg_notify(?, ?) n, (`+query+`) x`), append([]any{f.channel, key}, args...)...)
	if err != nil {
		db.afterWrite(ctx) // the notice may not have been sent
		return err
	}
	wctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), changeSyncWithin)
	defer cancel()
	select {
	case <-back:
	case <-wctx.Done():
		if f.live.Load() {
			slog.Error(notifyLost)
			f.setLive(false)
		}
	}
	return nil
}
