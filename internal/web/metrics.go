package web

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/bimtek/bimtek/internal/domain"
)

// unmatchedRoute labels requests no route answered, so that scanners trying
// random paths cannot grow the number of series.
const unmatchedRoute = "unmatched"

// metrics holds the per-process registry behind GET /metrics. Each Server
// has its own registry (tests run many servers in one process); a scraper
// sums counters across processes.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	inFlight prometheus.Gauge
	handler  http.Handler

	routesOnce sync.Once
	routes     map[string]bool // route templates registered with echo
}

func newMetrics(s *Server) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "bimtek_http_requests_total",
		Help: "HTTP requests served, by route template, method and status code.",
	}, []string{"route", "method", "code"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "bimtek_http_request_duration_seconds",
		Help:    "Time to serve a request, by route template, method and status class.",
		Buckets: []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5},
	}, []string{"route", "method", "class"})
	m.inFlight = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "bimtek_http_requests_in_flight",
		Help: "Requests being served now.",
	})
	start := time.Now()
	m.reg.MustRegister(m.requests, m.latency, m.inFlight,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "bimtek_uptime_seconds",
			Help: "Seconds since the server started.",
		}, func() float64 { return float64(int(time.Since(start).Seconds())) }),
		stateCollector{s},
	)
	m.handler = promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorLog:      slogPromLogger{s},
		ErrorHandling: promhttp.ContinueOnError,
	})
	return m
}

// observe counts one finished request. route is echo's route template
// (c.Path()), never the request path.
func (m *metrics) observe(e *echo.Echo, route, method string, status int, d time.Duration) {
	m.routesOnce.Do(func() {
		m.routes = map[string]bool{}
		for _, r := range e.Routes() {
			m.routes[r.Path] = true
		}
	})
	if !m.routes[route] {
		route = unmatchedRoute
	}
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions:
	default:
		method = "other"
	}
	code := strconv.Itoa(status)
	m.requests.WithLabelValues(route, method, code).Inc()
	m.latency.WithLabelValues(route, method, code[:1]+"xx").Observe(d.Seconds())
}

// stateCollector reads the database pool, the caches, the change feed and
// password hashing at scrape time.
type stateCollector struct{ s *Server }

var (
	descDBOpen      = prometheus.NewDesc("bimtek_db_connections_open", "Open database connections (read pool).", nil, nil)
	descDBWait      = prometheus.NewDesc("bimtek_db_wait_seconds_total", "Time spent waiting for a database connection.", nil, nil)
	descFeedLive    = prometheus.NewDesc("bimtek_change_feed_live", "1 while the database's change reports arrive; the caches serve only then.", nil, nil)
	descHashRuns    = prometheus.NewDesc("bimtek_password_hashes_total", "argon2id runs (logins, password changes, new accounts).", nil, nil)
	descHashNow     = prometheus.NewDesc("bimtek_password_hashes_in_flight", "argon2id runs now, at most bimtek_password_hash_slots.", nil, nil)
	descHashSlots   = prometheus.NewDesc("bimtek_password_hash_slots", "argon2id runs allowed at once.", nil, nil)
	descHashRefused = prometheus.NewDesc("bimtek_password_hash_refused_total", "Password checks refused after waiting for a slot.", nil, nil)
	descCacheReads  = prometheus.NewDesc("bimtek_cache_reads_total", "Reads of the per-process caches, by cache and result.", []string{"cache", "result"}, nil)
	descCacheSize   = prometheus.NewDesc("bimtek_cache_entries", "Entries held by the per-process caches.", []string{"cache"}, nil)
)

func (stateCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descDBOpen, descDBWait, descFeedLive, descHashRuns, descHashNow,
		descHashSlots, descHashRefused, descCacheReads, descCacheSize} {
		ch <- d
	}
}

func (sc stateCollector) Collect(ch chan<- prometheus.Metric) {
	s := sc.s
	st := s.db.Stats()
	ch <- prometheus.MustNewConstMetric(descDBOpen, prometheus.GaugeValue, float64(st.OpenConnections))
	ch <- prometheus.MustNewConstMetric(descDBWait, prometheus.CounterValue, st.WaitDuration.Seconds())
	live := 0.0
	if s.db.ChangesLive() {
		live = 1
	}
	ch <- prometheus.MustNewConstMetric(descFeedLive, prometheus.GaugeValue, live)
	hs := s.hashing.Stats()
	ch <- prometheus.MustNewConstMetric(descHashRuns, prometheus.CounterValue, float64(hs.Runs))
	ch <- prometheus.MustNewConstMetric(descHashNow, prometheus.GaugeValue, float64(hs.InFlight))
	ch <- prometheus.MustNewConstMetric(descHashSlots, prometheus.GaugeValue, float64(hs.Slots))
	ch <- prometheus.MustNewConstMetric(descHashRefused, prometheus.CounterValue, float64(hs.Refused))
	type cacheStats struct {
		name         string
		hits, misses uint64
		entries      int
	}
	cs := []cacheStats{{name: "sessions"}, {name: "progress"}, {name: "home"}}
	cs[0].hits, cs[0].misses, cs[0].entries = s.sessions.CacheStats()
	cs[1].hits, cs[1].misses, cs[1].entries = s.trainees.progress.Stats()
	cs[2].hits, cs[2].misses, cs[2].entries = s.trainees.home.Stats()
	for _, c := range cs {
		ch <- prometheus.MustNewConstMetric(descCacheReads, prometheus.CounterValue, float64(c.hits), c.name, "hit")
		ch <- prometheus.MustNewConstMetric(descCacheReads, prometheus.CounterValue, float64(c.misses), c.name, "miss")
		ch <- prometheus.MustNewConstMetric(descCacheSize, prometheus.GaugeValue, float64(c.entries), c.name)
	}
}

// slogPromLogger sends the exposition's errors (a collector failing) to the
// server's log.
type slogPromLogger struct{ s *Server }

func (l slogPromLogger) Println(v ...any) {
	l.s.log.Error("metrics exposition", "error", strings.TrimSpace(fmt.Sprint(v...)))
}

// metricsHandler serves the registry to a request with the bearer token of
// Config.MetricsToken; without a configured token /metrics does not exist.
func (s *Server) metricsHandler(c echo.Context) error {
	if s.cfg.MetricsToken == "" {
		return domain.ErrNotFound
	}
	sent, ok := strings.CutPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(sent), []byte(s.cfg.MetricsToken)) != 1 {
		c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="metrics"`)
		return domain.Errorf(domain.CodeUnauthenticated, "token metrik tidak ada atau tidak cocok; kirim header Authorization: Bearer berisi BIMTEK_METRICS_TOKEN")
	}
	s.metrics.handler.ServeHTTP(c.Response(), c.Request())
	return nil
}
