// Package web is the HTTP surface: echo setup, the route table with each
// route's permission, middleware, and the handlers grouped by area.
package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// Config is what the server needs from the outside.
type Config struct {
	DB     *store.DB
	Logger *slog.Logger
	Secret []byte
	// BaseURL is the public address, e.g. https://bimtek.example.go.id: links
	// in QR codes and e-mails are built from it alone, never from a request's
	// Host; https turns on Secure cookies and HSTS. Empty means the address
	// Serve listens on (demo), or http://localhost for a handler used alone.
	BaseURL string
	// MetricsToken opens GET /metrics to requests carrying it as a bearer
	// token; empty keeps /metrics closed (404).
	MetricsToken string
	Version      string
	// Catalog is the loaded course content; CourseFS is the file system it was loaded from (for images).
	Catalog  *course.Catalog
	CourseFS fs.FS
	// TrustedProxy is the CIDR (or several, comma-separated) of the reverse
	// proxies whose X-Forwarded-For is believed ("" = none); see clientIP.
	TrustedProxy string
	// Now is the clock; tests may replace it.
	Now func() time.Time
	// Hashing bounds concurrent password checks; nil means auth.DefaultHashing.
	Hashing *auth.Hashing
}

// MaxBodyBytes limits request bodies; a release is at most 20,000 characters.
const MaxBodyBytes = "1M"

// Server is the web application.
type Server struct {
	cfg      Config
	e        *echo.Echo
	db       *store.DB
	log      *slog.Logger
	sessions *auth.DBStore
	throttle auth.Throttle
	logins   loginQueue // turns of the logins of one address
	hashing  *auth.Hashing
	tmpl     *renderer
	secure   bool
	// pages are the GET routes' paths in segments (pageAddress).
	pages [][]string
	// listenBase: no BaseURL was configured, so Serve sets it to its address.
	listenBase bool
	names      *nameCache
	trainees   *traineeCache
	metrics    *metrics
	// fragments caches rendered item-page parts; see fragment.
	fragments sync.Map
	// rescueMACs keeps keyed signers of rescue cookies (rescueMAC).
	rescueMACs sync.Pool
	// modules keeps the course page's module lists; see moduleList.
	modules moduleLists
	// quizForms caches quiz forms in pieces; see quizPiecesOf.
	quizForms sync.Map
	// checklists keeps rendered checklist sections by what they show; see checklistHTML.
	checklists     sync.Map
	keptChecklists atomic.Int64
	// unready: the last /readyz found the database unreachable.
	unready atomic.Bool
	// fullLayout writes every page with its templates alone, without shells
	// or kept content blocks (tests compare the two).
	fullLayout bool
}

// MinMetricsToken is the shortest metrics token accepted: the token is the
// only thing between the internet and the server's counters.
const MinMetricsToken = 24

// New builds the server and its routes; templates are parsed here.
func New(cfg Config) (*Server, error) {
	if len(cfg.Secret) < 32 {
		return nil, errors.New("rahasia sesi terlalu pendek (minimal 32 byte)")
	}
	if cfg.MetricsToken != "" && len(cfg.MetricsToken) < MinMetricsToken {
		return nil, fmt.Errorf("BIMTEK_METRICS_TOKEN terlalu pendek: minimal %d karakter (buat dengan, misalnya, openssl rand -hex 24)", MinMetricsToken)
	}
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return time.Now().UTC() }
	}
	proxies, err := ParseTrustedProxies(cfg.TrustedProxy)
	if err != nil {
		return nil, err
	}
	if cfg.Catalog == nil {
		cfg.Catalog = &course.Catalog{}
	}
	if cfg.Hashing == nil {
		cfg.Hashing = auth.DefaultHashing
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	tmpl, err := newRenderer(cfg.Version)
	if err != nil {
		return nil, err
	}
	listenBase := cfg.BaseURL == ""
	if listenBase {
		cfg.BaseURL = "http://localhost"
	} else if cfg.BaseURL, err = ParseBaseURL(cfg.BaseURL); err != nil {
		return nil, err
	}
	secure := strings.HasPrefix(cfg.BaseURL, "https://")
	s := &Server{
		cfg: cfg, db: cfg.DB, log: cfg.Logger, tmpl: tmpl, secure: secure, listenBase: listenBase,
		sessions: auth.NewDBStore(cfg.DB, cfg.Secret, secure),
		throttle: auth.Throttle{DB: cfg.DB, Now: cfg.Now},
		hashing:  cfg.Hashing,
	}
	s.sessions.Now = cfg.Now
	s.rescueMACs.New = func() any { return hmac.New(sha256.New, cfg.Secret) }
	s.names = newNameCache(cfg.DB, cfg.Now)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.sessions.CacheSessions(ctx); err != nil {
		return nil, err
	}
	if s.trainees, err = newTraineeCache(ctx, cfg.DB); err != nil {
		return nil, err
	}
	s.metrics = newMetrics(s)
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	// The client address comes from the connection: X-Forwarded-For can be
	// forged and would let anyone escape the login and lookup limits. Behind
	// a reverse proxy, set BIMTEK_TRUSTED_PROXY (see Config.TrustedProxy).
	e.IPExtractor = clientIP(proxies)
	e.Pre(keepRequestIDShort)
	e.Use(middleware.RequestIDWithConfig(middleware.RequestIDConfig{TargetHeader: echo.HeaderXRequestID}))
	e.Use(s.logRequests)
	e.Use(s.recoverPanics)
	e.Use(s.securityHeaders)
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{Limit: MaxBodyBytes, Skipper: isUploadForm}))
	s.e = e
	s.routes()
	return s, nil
}

// Handler returns the http.Handler (for tests and for http.Server).
func (s *Server) Handler() http.Handler { return s.e }

// ShutdownGrace is how long Serve lets in-flight requests finish after
// being asked to stop (the systemd unit of deploy.go says so).
const ShutdownGrace = 25 * time.Second

// Serve listens on addr until ctx is cancelled, then drains in-flight requests.
func (s *Server) Serve(ctx context.Context, addr string, ready func(addr string)) error {
	srv := &http.Server{
		Handler:           s.e,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("membuka alamat %s: %w", addr, err)
	}
	if s.listenBase {
		s.cfg.BaseURL = "http://" + ln.Addr().String() // before any request is served
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	go s.cleanup(ctx)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("berhenti: menyelesaikan permintaan yang sedang berjalan")
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("menghentikan server: %w", err)
	}
	return nil
}

// cleanup removes expired sessions, old login attempts, expired rescued text
// and first passwords of imports whose time ended, every hour.
func (s *Server) cleanup(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		now := s.cfg.Now()
		if _, err := s.db.DeleteExpiredSessions(ctx, now, auth.SessionIdle); err != nil && ctx.Err() == nil {
			s.log.Warn("membersihkan sesi gagal", "err", err)
		}
		if err := s.db.PruneLoginAttempts(ctx, now.Add(-24*time.Hour)); err != nil && ctx.Err() == nil {
			s.log.Warn("membersihkan percobaan masuk gagal", "err", err)
		}
		if _, err := s.db.PruneRescuedTexts(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("membersihkan teks yang diselamatkan gagal", "err", err)
		}
		if _, err := s.db.WipeExpiredImportPasswords(ctx, now); err != nil && ctx.Err() == nil {
			s.log.Warn("menghapus kata sandi awal impor yang habis waktunya gagal", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// permission says who may use a route (the roles; internal/access decides which objects).
type permission int

const (
	public permission = iota
	loggedIn
	adminOnly
	pimpinanOrAdmin
	pesertaOnly
	learners // peserta learn; fasilitator and admin preview
	staff    // fasilitator and admin
)

// accessRoles lists the roles each access level admits (public and loggedIn need none).
var accessRoles = map[permission][]domain.Role{
	adminOnly:       {domain.RoleAdmin},
	pimpinanOrAdmin: {domain.RolePimpinanOPD, domain.RoleAdmin},
	pesertaOnly:     {domain.RolePeserta},
	learners:        {domain.RolePeserta, domain.RoleFasilitator, domain.RoleAdmin},
	staff:           {domain.RoleFasilitator, domain.RoleAdmin},
}

// route is one entry of the web UI's route table.
type route struct {
	method, path string
	who          permission
	h            echo.HandlerFunc
}

// routeTable is the web UI's one route table, every route with its
// permission; the areas' parts are listed in their own files.
func (s *Server) routeTable() []route {
	t := []route{
		{http.MethodGet, "/", public, s.landing},
		{http.MethodGet, "/masuk", public, s.loginForm},
		{http.MethodPost, "/masuk", public, s.login},
		{http.MethodPost, "/keluar", loggedIn, s.logout},
		{http.MethodGet, "/beranda", loggedIn, s.home},
		{http.MethodGet, "/akun", loggedIn, s.account},
		{http.MethodPost, "/akun/kata-sandi", loggedIn, s.changePassword},
		{http.MethodPost, "/akun/bahasa", loggedIn, s.setLanguage},
		{http.MethodGet, "/opd/:id", pimpinanOrAdmin, s.opdPage},
	}
	t = append(t, s.learnRoutes()...)
	t = append(t, s.practiceRoutes()...)
	t = append(t, s.cohortRoutes()...)
	t = append(t, s.cohortEditRoutes()...)
	t = append(t, s.sessionEditRoutes()...)
	t = append(t, s.adminToolRoutes()...)
	t = append(t, s.reviewRoutes()...)
	t = append(t, s.userAdminRoutes()...)
	t = append(t, s.userImportRoutes()...)
	t = append(t, s.certificateRoutes()...)
	t = append(t, s.signerRoutes()...)
	t = append(t, s.complianceRoutes()...)
	t = append(t, s.noticeRoutes()...)
	return t
}

func (s *Server) routes() {
	// Outside the session: probes and static files.
	s.e.GET("/healthz", s.healthz)
	s.e.GET("/readyz", s.readyz)
	s.e.GET("/metrics", s.metricsHandler)
	s.e.GET("/static/*", s.staticHandler)
	s.apiRoutes() // /api/v1: token or session auth of its own, see api.go
	web := s.e.Group("", s.loadSession, uploadBody, s.csrf)
	for _, r := range s.routeTable() {
		var mw []echo.MiddlewareFunc
		if r.who != public {
			mw = append(mw, s.requireLogin)
		}
		if roles := accessRoles[r.who]; len(roles) > 0 {
			mw = append(mw, requireRole(roles...))
		}
		web.Add(r.method, r.path, r.h, mw...)
		if r.method == http.MethodGet && r.path != "/" {
			s.pages = append(s.pages, strings.Split(strings.Trim(r.path, "/"), "/"))
		}
	}
}

func (s *Server) healthz(c echo.Context) error { return c.String(http.StatusOK, "ok") }

func (s *Server) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	if err := s.db.Ping(ctx); err != nil {
		// A load balancer probes every few seconds: log the change, not each probe.
		if !s.unready.Swap(true) {
			s.log.Error("database tidak siap", "err", err)
		}
		return c.String(http.StatusServiceUnavailable, "basis data tidak dapat dihubungi")
	}
	if s.unready.Swap(false) {
		s.log.Info("database siap kembali")
	}
	return c.String(http.StatusOK, "ok")
}

// ParseBaseURL checks a public address (BIMTEK_BASE_URL): http or https, a
// host, nothing after it but an optional "/". It returns it without the "/".
func ParseBaseURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("BIMTEK_BASE_URL “%s” bukan alamat publik yang sah; contoh: https://bimtek.sukamajukab.go.id", raw)
	}
	return u.Scheme + "://" + u.Host, nil
}
