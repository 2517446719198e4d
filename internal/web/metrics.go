package web

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
)

// latencyBuckets are the upper bounds (seconds) of the request-duration histogram.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5}

// metrics counts requests for GET /metrics in the Prometheus text format.
// Counters are per process; a scraper sums them across processes.
type metrics struct {
	start    time.Time
	inFlight atomic.Int64
	mu       sync.Mutex
	byStatus map[int]uint64
	buckets  []uint64 // cumulative counts per latencyBuckets, plus +Inf
	sum      float64
	count    uint64
}

func newMetrics() *metrics {
	return &metrics{start: time.Now(), byStatus: map[int]uint64{}, buckets: make([]uint64, len(latencyBuckets)+1)}
}

func (m *metrics) observe(status int, d time.Duration) {
	sec := d.Seconds()
	m.mu.Lock()
	m.byStatus[status]++
	for i, ub := range latencyBuckets {
		if sec <= ub {
			m.buckets[i]++
		}
	}
	m.buckets[len(latencyBuckets)]++
	m.sum += sec
	m.count++
	m.mu.Unlock()
}

// metricsHandler writes the counters, the database pools and the Go runtime,
// to a request with the bearer token of Config.MetricsToken; without a
// configured token /metrics does not exist.
func (s *Server) metricsHandler(c echo.Context) error {
	if s.cfg.MetricsToken == "" {
		return domain.ErrNotFound
	}
	sent, ok := strings.CutPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(sent), []byte(s.cfg.MetricsToken)) != 1 {
		c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="metrics"`)
		return domain.Errorf(domain.CodeUnauthenticated, "token metrik tidak ada atau tidak cocok; kirim header Authorization: Bearer berisi BIMTEK_METRICS_TOKEN")
	}
	m := s.metrics
	var b strings.Builder
	m.mu.Lock()
	statuses := make([]int, 0, len(m.byStatus))
	for st := range m.byStatus {
		statuses = append(statuses, st)
	}
	sort.Ints(statuses)
	b.WriteString("# HELP bimtek_http_requests_total HTTP requests served, by status code.\n# TYPE bimtek_http_requests_total counter\n")
	for _, st := range statuses {
		fmt.Fprintf(&b, "bimtek_http_requests_total{code=\"%d\"} %d\n", st, m.byStatus[st])
	}
	b.WriteString("# HELP bimtek_http_request_duration_seconds Time to serve a request.\n# TYPE bimtek_http_request_duration_seconds histogram\n")
	for i, ub := range latencyBuckets {
		fmt.Fprintf(&b, "bimtek_http_request_duration_seconds_bucket{le=\"%g\"} %d\n", ub, m.buckets[i])
	}
	fmt.Fprintf(&b, "bimtek_http_request_duration_seconds_bucket{le=\"+Inf\"} %d\n", m.buckets[len(latencyBuckets)])
	fmt.Fprintf(&b, "bimtek_http_request_duration_seconds_sum %g\nbimtek_http_request_duration_seconds_count %d\n", m.sum, m.count)
	m.mu.Unlock()
	fmt.Fprintf(&b, "# HELP bimtek_http_requests_in_flight Requests being served now.\n# TYPE bimtek_http_requests_in_flight gauge\nbimtek_http_requests_in_flight %d\n", m.inFlight.Load())
	st := s.db.Stats()
	fmt.Fprintf(&b, "# HELP bimtek_db_connections_open Open database connections.\n# TYPE bimtek_db_connections_open gauge\nbimtek_db_connections_open %d\n", st.OpenConnections)
	fmt.Fprintf(&b, "# HELP bimtek_db_wait_seconds_total Time spent waiting for a database connection.\n# TYPE bimtek_db_wait_seconds_total counter\nbimtek_db_wait_seconds_total %g\n", st.WaitDuration.Seconds())
	live := 0
	if s.db.ChangesLive() {
		live = 1
	}
	hs := s.hashing.Stats()
	fmt.Fprintf(&b, "# HELP bimtek_password_hashes_total argon2id runs (logins, password changes, new accounts).\n# TYPE bimtek_password_hashes_total counter\nbimtek_password_hashes_total %d\n", hs.Runs)
	fmt.Fprintf(&b, "# HELP bimtek_password_hashes_in_flight argon2id runs now, at most bimtek_password_hash_slots.\n# TYPE bimtek_password_hashes_in_flight gauge\nbimtek_password_hashes_in_flight %d\n", hs.InFlight)
	fmt.Fprintf(&b, "# HELP bimtek_password_hash_slots argon2id runs allowed at once.\n# TYPE bimtek_password_hash_slots gauge\nbimtek_password_hash_slots %d\n", hs.Slots)
	fmt.Fprintf(&b, "# HELP bimtek_password_hash_refused_total Password checks refused after waiting for a slot.\n# TYPE bimtek_password_hash_refused_total counter\nbimtek_password_hash_refused_total %d\n", hs.Refused)
	fmt.Fprintf(&b, "# HELP bimtek_change_feed_live 1 while the database's change reports arrive; the caches serve only then.\n# TYPE bimtek_change_feed_live gauge\nbimtek_change_feed_live %d\n", live)
	type cacheStats struct {
		name         string
		hits, misses uint64
		entries      int
	}
	cs := []cacheStats{{name: "sessions"}, {name: "progress"}, {name: "home"}}
	cs[0].hits, cs[0].misses, cs[0].entries = s.sessions.CacheStats()
	cs[1].hits, cs[1].misses, cs[1].entries = s.trainees.progress.Stats()
	cs[2].hits, cs[2].misses, cs[2].entries = s.trainees.home.Stats()
	b.WriteString("# HELP bimtek_cache_reads_total Reads of the per-process caches, by cache and result.\n# TYPE bimtek_cache_reads_total counter\n")
	for _, c := range cs {
		fmt.Fprintf(&b, "bimtek_cache_reads_total{cache=%q,result=\"hit\"} %d\nbimtek_cache_reads_total{cache=%q,result=\"miss\"} %d\n", c.name, c.hits, c.name, c.misses)
	}
	b.WriteString("# HELP bimtek_cache_entries Entries held by the per-process caches.\n# TYPE bimtek_cache_entries gauge\n")
	for _, c := range cs {
		fmt.Fprintf(&b, "bimtek_cache_entries{cache=%q} %d\n", c.name, c.entries)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(&b, "# HELP go_memstats_heap_alloc_bytes Heap bytes in use.\n# TYPE go_memstats_heap_alloc_bytes gauge\ngo_memstats_heap_alloc_bytes %d\n", ms.HeapAlloc)
	fmt.Fprintf(&b, "# HELP go_goroutines Goroutines.\n# TYPE go_goroutines gauge\ngo_goroutines %d\n", runtime.NumGoroutine())
	fmt.Fprintf(&b, "# HELP bimtek_uptime_seconds Seconds since the process started.\n# TYPE bimtek_uptime_seconds gauge\nbimtek_uptime_seconds %d\n", int(time.Since(m.start).Seconds()))
	return c.Blob(http.StatusOK, "text/plain; version=0.0.4; charset=utf-8", []byte(b.String()))
}
