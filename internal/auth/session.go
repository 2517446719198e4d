package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/usercache"
)

// Session lifetimes. Idle is generous because trainees write releases for a
// while between requests (drafts autosave, which also keeps the session alive).
const (
	SessionIdle     = 4 * time.Hour
	SessionAbsolute = 7 * 24 * time.Hour
	// sessionTouchEvery limits last-seen writes to one a minute per session.
	sessionTouchEvery = time.Minute
)

// Keys in a session's values.
const (
	keyUserID  = "uid"
	keyExpired = "_expired"
	keyUser    = "_user" // the user row read with the session; never stored
)

// DBStore is a gorilla/sessions Store whose sessions live in the database, so
// several app processes share them and a session can be revoked. The cookie
// holds a random token (signed with the app secret); the table holds its SHA-256.
type DBStore struct {
	db      SessionDB
	codecs  []securecookie.Codec
	Options sessions.Options
	Now     func() time.Time
	cache   *usercache.Cache[string, sessionWithUser]

	// checked holds the cookie values whose signature was checked lately,
	// with the token they carry (checkedCookie); whether the session is
	// still valid is asked of the session cache on every request.
	checkMu sync.RWMutex
	checked map[string]checkedCookie

	touchMu  sync.Mutex
	touches  map[string]time.Time // last-seen times not yet written
	touching bool                 // writeTouches is running
}

// checkedCookie is a session cookie's token and its hash, and when its
// signature and age were checked.
type checkedCookie struct {
	token, id string
	at        time.Time
}

// A cookie's check is reused for checkedFor (its age limit is the session's
// absolute lifetime, which the session row enforces anyway); at most
// checkedCookies are kept, some 300 bytes each, then the record starts afresh.
const (
	checkedFor     = time.Minute
	checkedCookies = 10_000
)

// cookieToken checks a session cookie's value (signature, age) and returns
// the token it carries and that token's hash, reusing a recent check of the
// same value.
func (s *DBStore) cookieToken(name, value string, now time.Time) (token, id string, ok bool) {
	s.checkMu.RLock()
	c, hit := s.checked[value]
	s.checkMu.RUnlock()
	if hit && !now.Before(c.at) && now.Sub(c.at) < checkedFor {
		return c.token, c.id, true
	}
	if err := securecookie.DecodeMulti(name, value, &token, s.codecs...); err != nil {
		return "", "", false // a forged or stale cookie is simply no session
	}
	id = hashToken(token)
	s.checkMu.Lock()
	if s.checked == nil || len(s.checked) >= checkedCookies {
		s.checked = map[string]checkedCookie{}
	}
	s.checked[value] = checkedCookie{token: token, id: id, at: now}
	s.checkMu.Unlock()
	return token, id, true
}

// SessionDB is what sessions need of the database; *store.DB has it.
// Its errors are the store's: domain.ErrNotFound when a session is unknown.
type SessionDB interface {
	SessionWithUser(ctx context.Context, id string) (domain.Session, domain.User, error)
	CreateSession(ctx context.Context, s domain.Session) error
	UpdateSession(ctx context.Context, id string, userID *int64, data string, lastSeen time.Time) error
	TouchSessions(ctx context.Context, lastSeen map[string]time.Time) error
	DeleteSession(ctx context.Context, id string) error
	// OnChangeBesidesProgress and ChangesLive are the change feed that drops
	// cached sessions (a trainee's progress is not part of their session).
	OnChangeBesidesProgress(ctx context.Context, fn func(userID int64)) error
	ChangesLive() bool
}

// touchLater writes a session's last-seen time off the request path: the
// sessions seen within touchBatchEvery are written together, so a page view
// never waits in the writers' queue for it. Another process sees the time
// that much later, against an idle limit of hours.
func (s *DBStore) touchLater(id string, at time.Time) {
	s.touchMu.Lock()
	defer s.touchMu.Unlock()
	if s.touches == nil {
		s.touches = map[string]time.Time{}
	}
	s.touches[id] = at
	if !s.touching {
		s.touching = true
		go s.writeTouches()
	}
}

const touchBatchEvery = 500 * time.Millisecond

func (s *DBStore) writeTouches() {
	for {
		time.Sleep(touchBatchEvery)
		s.touchMu.Lock()
		batch := s.touches
		s.touches = nil
		if len(batch) == 0 {
			s.touching = false
			s.touchMu.Unlock()
			return
		}
		s.touchMu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if err := s.db.TouchSessions(ctx, batch); err != nil {
			slog.Warn("memperbarui waktu terakhir sesi", "err", err, "sesi", len(batch))
		}
		cancel()
	}
}

// sessionWithUser is a session row and its user, as cached.
type sessionWithUser struct {
	row  domain.Session
	user domain.User
}

// SessionCacheBytes bounds the memory of the sessions kept per process (the
// serving memory limit counts it, web.TuneRuntime); sessionBytes is about
// what one costs besides its strings (its row, its user and the map entries
// around them; BenchmarkProvince measured 510-540 bytes in all), so some
// 10,000 fit.
const (
	SessionCacheBytes = 8 << 20
	sessionBytes      = 640
)

// CacheSessions keeps logged-in sessions in memory between requests, dropped
// as soon as the database reports a change to the session or its user
// (logout, password change, deactivation). Every page view then needs no
// session query.
func (s *DBStore) CacheSessions(ctx context.Context) error {
	c := usercache.NewSized[string, sessionWithUser](SessionCacheBytes, sessionSize, 0, s.db.ChangesLive)
	if err := s.db.OnChangeBesidesProgress(ctx, c.Invalidate); err != nil {
		return err
	}
	s.cache = c
	return nil
}

func sessionSize(e sessionWithUser) int64 {
	return sessionBytes + int64(len(e.row.Data)+len(e.user.Name)+len(e.user.Email)+len(e.user.PasswordHash))
}

// CacheStats reports the session cache's hits, misses and size (zeros without a cache).
func (s *DBStore) CacheStats() (hits, misses uint64, entries int) {
	if s.cache == nil {
		return 0, 0, 0
	}
	return s.cache.Stats()
}

// lookup returns a session and its user, from the cache when it holds a copy
// that has not expired; expiry is always confirmed against the database.
func (s *DBStore) lookup(ctx context.Context, id string, now time.Time) (domain.Session, domain.User, error) {
	if s.cache != nil {
		if e, ok := s.cache.Get(id, now); ok && !expired(e.row, now) {
			return e.row, e.user, nil
		}
		// Put checks only the user read: the first change to this session
		// after the read names that user (the triggers report the old row's).
		st := s.cache.Stamp()
		row, user, err := s.db.SessionWithUser(ctx, id)
		if err == nil && !expired(row, now) {
			s.cache.Put(id, user.ID, sessionWithUser{row, user}, st, now)
		}
		return row, user, err
	}
	return s.db.SessionWithUser(ctx, id)
}

func expired(row domain.Session, now time.Time) bool {
	return now.After(row.ExpiresAt) || now.Sub(row.LastSeenAt) > SessionIdle
}

// NewDBStore builds a store signing cookies with secret. secure sets the cookie's Secure flag.
func NewDBStore(db SessionDB, secret []byte, secure bool) *DBStore {
	codecs := securecookie.CodecsFromPairs(secret)
	for _, c := range codecs {
		if sc, ok := c.(*securecookie.SecureCookie); ok {
			sc.SetSerializer(tokenSerializer{})
		}
	}
	return &DBStore{
		db:     db,
		codecs: codecs,
		Options: sessions.Options{
			Path:     "/",
			MaxAge:   int(SessionAbsolute / time.Second),
			HttpOnly: true,
			Secure:   secure,
			SameSite: http.SameSiteLaxMode,
		},
		Now: func() time.Time { return time.Now().UTC() },
	}
}

// tokenSerializer reads the session cookie's value, a string gob wrote, with
// no gob decoder when it has the one form gob gives a string alone (a decoder
// per request was a third of a session's cost); anything else goes to gob as
// before. Writing is gob's, so cookies stay as they were.
type tokenSerializer struct{ securecookie.GobEncoder }

func (t tokenSerializer) Deserialize(src []byte, dst any) error {
	if p, ok := dst.(*string); ok {
		if s, ok := gobString(src); ok {
			*p = s
			return nil
		}
	}
	if err := t.GobEncoder.Deserialize(src, dst); err != nil {
		return fmt.Errorf("membaca kuki: %w", err)
	}
	return nil
}

// gobString reads a string gob wrote alone: the message's length, the type
// id of string (6, written 0x0c), 0 (a single value), the string's length
// and its bytes.
func gobString(b []byte) (string, bool) {
	n, b, ok := gobUint(b)
	if !ok || n != uint64(len(b)) || len(b) < 2 || b[0] != 0x0c || b[1] != 0 {
		return "", false
	}
	n, b, ok = gobUint(b[2:])
	if !ok || n != uint64(len(b)) {
		return "", false
	}
	return string(b), true
}

// gobUint reads gob's unsigned integer: a byte below 128 is the value, else
// it is minus the count of the big-endian bytes that follow.
func gobUint(b []byte) (uint64, []byte, bool) {
	if len(b) == 0 {
		return 0, nil, false
	}
	if b[0] < 0x80 {
		return uint64(b[0]), b[1:], true
	}
	n := -int(int8(b[0]))
	if n > 8 || len(b) < 1+n {
		return 0, nil, false
	}
	var x uint64
	for _, c := range b[1 : 1+n] {
		x = x<<8 | uint64(c)
	}
	return x, b[1+n:], true
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Get returns the request's session (a new one when there is none).
func (s *DBStore) Get(r *http.Request, name string) (*sessions.Session, error) { return s.New(r, name) }

// New loads the session named by the request's cookie, or returns a fresh one.
// An expired session is deleted and the fresh one carries an "expired" mark.
func (s *DBStore) New(r *http.Request, name string) (*sessions.Session, error) {
	sess := sessions.NewSession(s, name)
	opts := s.Options
	sess.Options = &opts
	sess.IsNew = true
	c, err := r.Cookie(name)
	if err != nil {
		return sess, nil
	}
	ctx := r.Context()
	now := s.Now()
	token, id, ok := s.cookieToken(name, c.Value, now)
	if !ok {
		return sess, nil
	}
	row, user, err := s.lookup(ctx, id, now)
	if errors.Is(err, domain.ErrNotFound) {
		sess.Values[keyExpired] = true
		return sess, nil
	}
	if err != nil {
		return sess, fmt.Errorf("membaca sesi: %w", err)
	}
	if expired(row, now) {
		_ = s.db.DeleteSession(ctx, row.ID)
		sess.Values[keyExpired] = true
		return sess, nil
	}
	if err := decodeValues(row.Data, sess.Values); err != nil {
		return sess, fmt.Errorf("membaca data sesi: %w", err)
	}
	sess.Values[keyUserID] = user.ID
	sess.Values[keyUser] = &user
	if now.Sub(row.LastSeenAt) > sessionTouchEvery {
		s.touchLater(row.ID, now)
		if s.cache != nil { // last_seen_at is not a change the feed reports
			s.cache.Update(row.ID, func(e *sessionWithUser) { e.row.LastSeenAt = now })
		}
	}
	sess.ID = token
	sess.IsNew = false
	return sess, nil
}

// Save writes the session to the database and sets its cookie; MaxAge < 0 deletes it.
func (s *DBStore) Save(r *http.Request, w http.ResponseWriter, sess *sessions.Session) error {
	ctx := r.Context()
	if sess.Options.MaxAge < 0 {
		if sess.ID != "" {
			if err := s.db.DeleteSession(ctx, hashToken(sess.ID)); err != nil {
				return err
			}
		}
		http.SetCookie(w, sessions.NewCookie(sess.Name(), "", sess.Options))
		return nil
	}
	data, uid, err := encodeValues(sess.Values)
	if err != nil {
		return fmt.Errorf("menyandikan sesi: %w", err)
	}
	now := s.Now()
	if sess.ID == "" {
		token, err := newToken()
		if err != nil {
			return err
		}
		err = s.db.CreateSession(ctx, domain.Session{
			ID: hashToken(token), UserID: uid, Data: data,
			CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(SessionAbsolute),
		})
		if err != nil {
			return err
		}
		sess.ID = token
	} else if err := s.db.UpdateSession(ctx, hashToken(sess.ID), uid, data, now); err != nil {
		return err
	}
	encoded, err := securecookie.EncodeMulti(sess.Name(), sess.ID, s.codecs...)
	if err != nil {
		return fmt.Errorf("menandatangani kuki sesi: %w", err)
	}
	http.SetCookie(w, sessions.NewCookie(sess.Name(), encoded, sess.Options))
	return nil
}

// Regenerate gives the session a new id, deleting the old row (at login, to prevent fixation).
func (s *DBStore) Regenerate(ctx context.Context, sess *sessions.Session) error {
	if sess.ID != "" {
		if err := s.db.DeleteSession(ctx, hashToken(sess.ID)); err != nil {
			return err
		}
	}
	sess.ID = ""
	delete(sess.Values, keyExpired)
	return nil
}

func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("membuat token sesi: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// encodeValues stores string-keyed values as JSON; the user id goes to its own column.
func encodeValues(values map[any]any) (string, *int64, error) {
	m := map[string]any{}
	var uid *int64
	for k, v := range values {
		ks, ok := k.(string)
		if !ok {
			return "", nil, fmt.Errorf("kunci sesi %v bukan string", k)
		}
		switch ks {
		case keyUserID:
			id, ok := v.(int64)
			if !ok {
				return "", nil, fmt.Errorf("uid sesi bertipe %T", v)
			}
			uid = &id
		case keyExpired, keyUser:
		default:
			m[ks] = v
		}
	}
	b, err := json.Marshal(m)
	return string(b), uid, err
}

func decodeValues(data string, values map[any]any) error {
	if data == "{}" { // most sessions keep nothing but the user
		return nil
	}
	m := map[string]any{}
	if err := json.Unmarshal([]byte(data), &m); err != nil {
		return err
	}
	for k, v := range m {
		values[k] = v
	}
	return nil
}

// UserID returns the logged-in user's id held by a session.
func UserID(sess *sessions.Session) (int64, bool) {
	id, ok := sess.Values[keyUserID].(int64)
	return id, ok
}

// SetUserID marks the session as logged in as id.
func SetUserID(sess *sessions.Session, id int64) {
	sess.Values[keyUserID] = id
	delete(sess.Values, keyUser)
}

// User returns the user row loaded together with the session, if any.
func User(sess *sessions.Session) (*domain.User, bool) {
	u, ok := sess.Values[keyUser].(*domain.User)
	return u, ok
}

// Expired reports whether the request came with a session that has expired or was revoked.
func Expired(sess *sessions.Session) bool { v, _ := sess.Values[keyExpired].(bool); return v }
