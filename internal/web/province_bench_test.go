package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	rtmetrics "runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/securecookie"
	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/courses"
	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/coursesync"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// BenchmarkProvince loads the server the way a deployment is loaded: N
// distinct trainees of the real course, seeded through the store with their
// sessions (no logins), 64 connections, a bare echo handler in the same run.
// For each N and engine it measures every trainee page alone (each request
// the next trainee), then the walk (each request the next page of that
// trainee: Beranda, course page, lesson, quiz, practice), then the walk with
// every tenth request a write (Tandai selesai, autosave, Kirim rilis). Each
// reports req/s, its share of the bare rate, p50/p99 per page and errors;
// the walks also report their page requests together (reads-p50-ms,
// reads-p99-ms, and reads-%-of-bare: the pages served per second), so the
// walk with writes shows what the writes cost the readers beside them.
//
//	go test ./internal/web -run '^$' -bench Province -benchtime 3s
//
// BIMTEK_BENCH_USERS overrides the sizes (default 1,1000,5000);
// BIMTEK_BENCH_ENGINE=sqlite or postgres runs one engine. With
// BIMTEK_BENCH_SERVE=<bimtek binary> the pages are served by `bimtek serve`
// started as a process of its own on each seeded database, and its peak RSS
// (VmHWM) is logged with -v: the server's memory without the client's.
func BenchmarkProvince(b *testing.B) {
	TuneRuntime()
	sizes := []int{1, 1000, 5000}
	if v := os.Getenv("BIMTEK_BENCH_USERS"); v != "" {
		sizes = nil
		for _, s := range strings.Split(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n < 1 {
				b.Fatalf("BIMTEK_BENCH_USERS: %q", v)
			}
			sizes = append(sizes, n)
		}
	}
	engines := benchEngines()
	bare := echo.New()
	bare.GET("/", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	bareSrv := httptest.NewServer(bare)
	defer bareSrv.Close()
	var bareRate float64
	b.Run("bare-echo", func(b *testing.B) {
		bareRate = drive(b, func(int) op { return op{name: "bare", req: mustRequest(http.MethodGet, bareSrv.URL+"/", "", nil)} }).report(b, 0)
	})
	for _, e := range engines {
		for _, n := range sizes {
			resetPeakRSS()
			cfg := e.config(b)
			p := seedProvince(b, testkit.Open(b, cfg), n)
			var child *serveProcess
			if bin := os.Getenv("BIMTEK_BENCH_SERVE"); bin != "" {
				child = startServe(b, bin, cfg)
				p.rebase(p.f.ts.URL, child.url)
			}
			before := heapInUse()
			p.warm(b)
			if child == nil {
				b.Logf("%s/%d: heap %d MB after warming, %d bytes per trainee (session and cached copies)", e.name, n, heapInUse()>>20, (heapInUse()-before)/int64(n))
			}
			for _, pg := range walkPages {
				b.Run(fmt.Sprintf("%s/%d/%s", e.name, n, pg), func(b *testing.B) {
					drive(b, func(i int) op { return p.read(i%n, pg) }).report(b, bareRate)
				})
			}
			b.Run(fmt.Sprintf("%s/%d/walk", e.name, n), func(b *testing.B) {
				drive(b, func(i int) op { return p.read(i%n, p.nextPage(i%n)) }).report(b, bareRate)
			})
			b.Run(fmt.Sprintf("%s/%d/walk-writes", e.name, n), func(b *testing.B) {
				drive(b, func(i int) op {
					if i%10 == 9 {
						return p.write(i / 10)
					}
					return p.read(i%n, p.nextPage(i%n))
				}).report(b, bareRate)
			})
			if child != nil {
				hwm, rss := child.peak()
				b.Logf("%s/%d: peak RSS of the serve process %d MB (VmHWM, warming and loading these trainees), now %d MB", e.name, n, hwm>>20, rss>>20)
				child.stop()
				p.release(b)
				continue
			}
			b.Logf("%s/%d: peak RSS of the benchmark process (client and server) %d MB while seeding, warming and loading these trainees; %d MB since it started",
				e.name, n, vmHWM()>>20, peakRSS()>>20)
			goHeld, rss := goMemory(), statusBytes("VmRSS:")
			b.Logf("%s/%d: now %d MB resident, of which the Go runtime holds %d MB (the rest: the binary, SQLite's caches)", e.name, n, rss>>20, goHeld>>20)
			s := p.f.srv
			for _, c := range []struct {
				name string
				st   func() (uint64, uint64, int)
			}{{"sessions", s.sessions.CacheStats}, {"progress", s.trainees.progress.Stats}, {"beranda", s.trainees.home.Stats}, {"unread", s.trainees.unread.Stats}} {
				hits, misses, entries := c.st()
				b.Logf("%s/%d: %s cache %d entries, %.1f %% of reads served from it", e.name, n, c.name, entries, 100*float64(hits)/float64(max(1, hits+misses)))
			}
			b.Logf("%s/%d: estimated bytes: progress %d MB, beranda %d MB", e.name, n, s.trainees.progress.Bytes()>>20, s.trainees.home.Bytes()>>20)
			p.release(b)
		}
	}
}

// walkPages is a trainee's walk, in order.
var walkPages = []string{"beranda", "course", "lesson", "quiz", "practice"}

// province is a seeded server: its trainees with their cookies.
type province struct {
	f        *fixture
	ids      []int64
	cookies  []string // Cookie header per trainee
	step     []atomic.Int64
	sent     []atomic.Bool
	urls     map[string]string
	lessons  []string
	practice string
}

// benchEngine is a database the load benchmarks run against.
type benchEngine struct {
	name   string
	config func(testing.TB) store.Config // a fresh migrated database
}

func (e benchEngine) open(t testing.TB) *store.DB { return testkit.Open(t, e.config(t)) }

// benchEngines is SQLite, and PostgreSQL when a test server is configured;
// BIMTEK_BENCH_ENGINE=sqlite or postgres keeps one of them.
func benchEngines() []benchEngine {
	engines := []benchEngine{{"sqlite", func(t testing.TB) store.Config { return store.Config{DataDir: testkit.SQLiteDir(t)} }}}
	if storetestPostgresConfigured() {
		engines = append(engines, benchEngine{"postgres", func(t testing.TB) store.Config { return store.Config{URL: testkit.PostgresDBURL(t)} }})
	}
	if only := os.Getenv("BIMTEK_BENCH_ENGINE"); only != "" {
		engines = slices.DeleteFunc(engines, func(e benchEngine) bool { return e.name != only })
	}
	return engines
}

// provinceCSRF is every trainee's CSRF token (the double-submit check only compares cookie and field).
var provinceCSRF = strings.Repeat("A", 43)

func seedProvince(b testing.TB, db *store.DB, n int) *province {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	f := newFixture(b, db)
	cat, problems := course.Load(courses.FS, ".")
	if len(problems) > 0 {
		b.Fatalf("courses: %v", problems)
	}
	if _, err := coursesync.Sync(ctx, db, cat); err != nil {
		b.Fatal(err)
	}
	f.srv.cfg.Catalog, f.srv.cfg.CourseFS = cat, courses.FS
	co := cat.Courses[0]
	p := &province{f: f, step: make([]atomic.Int64, n), sent: make([]atomic.Bool, n),
		urls: map[string]string{"beranda": f.ts.URL + "/beranda", "course": f.ts.URL + "/kursus/" + co.ID}}
	for _, it := range co.Items {
		u := f.ts.URL + course.DefaultItemURL(co.ID, it)
		switch it.Kind {
		case course.KindLesson:
			p.lessons = append(p.lessons, u)
			if p.urls["lesson"] == "" {
				p.urls["lesson"] = u
			}
		case course.KindQuiz:
			if p.urls["quiz"] == "" {
				p.urls["quiz"] = u
			}
		case course.KindPractice:
			if p.urls["practice"] == "" {
				p.urls["practice"], p.practice = u, u
			}
		}
	}
	trainee := f.users[domain.RolePeserta]
	ids := make([]int64, 0, n)
	for lo := 0; lo < n; lo += 1000 {
		batch := make([]domain.NewUser, 0, 1000)
		for i := lo; i < min(n, lo+1000); i++ {
			batch = append(batch, domain.NewUser{RegionID: trainee.RegionID, OPDID: trainee.OPDID, Email: fmt.Sprintf("peserta%05d@provinsi.test", i),
				Name: fmt.Sprintf("Peserta Nomor %d", i), Role: domain.RolePeserta, PasswordHash: "!"})
		}
		us, err := db.CreateUsers(ctx, nil, batch)
		if err != nil {
			b.Fatal(err)
		}
		for _, u := range us {
			ids = append(ids, u.ID)
		}
	}
	now := f.clock.Now()
	cohort, err := db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: trainee.RegionID, CourseID: co.ID, Name: "Angkatan Provinsi",
		StartsOn: now.AddDate(0, 0, -3), EndsOn: now.AddDate(0, 2, 0), FacilitatorIDs: []int64{f.users[domain.RoleFasilitator].ID}})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := db.Enroll(ctx, nil, cohort.ID, ids); err != nil {
		b.Fatal(err)
	}
	p.ids = ids
	codecs := securecookie.CodecsFromPairs([]byte(strings.Repeat("k", 32))) // the fixture's secret
	p.cookies = make([]string, n)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += 4 {
				token := fmt.Sprintf("provinsi-%d-%d", i, now.UnixNano())
				sum := sha256.Sum256([]byte(token))
				uid := ids[i]
				if err := db.CreateSession(ctx, domain.Session{ID: hex.EncodeToString(sum[:]), UserID: &uid, Data: "{}",
					CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(auth.SessionAbsolute)}); err != nil {
					errs <- err
					return
				}
				enc, err := securecookie.EncodeMulti(SessionCookie, token, codecs...)
				if err != nil {
					errs <- err
					return
				}
				p.cookies[i] = SessionCookie + "=" + enc + "; " + CSRFCookie + "=" + provinceCSRF
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		b.Fatal(err)
	}
	// A deployment's autovacuum analyses the tables within a minute of such
	// a load; measured on a fresh database the planner chose sequential
	// scans of the progress table (p-writes: UserStates 12 ms cold).
	if err := db.Analyze(context.Background()); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d trainees with sessions in %v", n, time.Since(start).Round(time.Millisecond))
	return p
}

// release closes the province's server and database so the collector may
// have its copies and tables: a serve process holds one province, and the
// next size or engine is measured without this one's heap (kept until the
// benchmark ended, it made the later runs' collections dearer: the
// PostgreSQL rows came after SQLite's).
func (p *province) release(b testing.TB) {
	p.f.ts.Close()
	p.f.ts.Config.Handler = nil // the test's cleanup keeps the server value
	if err := p.f.db.Close(); err != nil {
		b.Logf("closing the province's database: %v", err)
	}
	runtime.GC()
	b.Logf("heap %d MB once the province is released", heapInUse()>>20)
}

// rebase points the province's requests at another server of the same database.
func (p *province) rebase(from, to string) {
	for k, u := range p.urls {
		p.urls[k] = to + strings.TrimPrefix(u, from)
	}
	for i, u := range p.lessons {
		p.lessons[i] = to + strings.TrimPrefix(u, from)
	}
	p.practice = to + strings.TrimPrefix(p.practice, from)
}

func (p *province) nextPage(u int) string {
	return walkPages[int(p.step[u].Add(1)-1)%len(walkPages)]
}

func (p *province) read(u int, pg string) op {
	return op{name: pg, req: mustRequest(http.MethodGet, p.urls[pg], p.cookies[u], nil)}
}

var lockVersionRE = regexp.MustCompile(`name="lock_version" value="(\d+)"`)

// write is the w-th write, by trainee w mod N: Tandai selesai, autosave and
// Kirim rilis in turn; a release goes once per trainee (it then waits for
// review, and later writes of that trainee are Tandai selesai).
func (p *province) write(w int) op {
	u, k := w%len(p.cookies), w
	switch {
	case k%3 == 2 && p.sent[u].CompareAndSwap(false, true):
		return p.writeOf("kirim", u, k)
	case k%3 == 1 && !p.sent[u].Load():
		return p.writeOf("autosave", u, k)
	}
	return p.writeOf("selesai", u, k)
}

// writeOf is trainee u's write of a kind (k numbers it); a release ("kirim")
// reads the practice page first for its lock version.
func (p *province) writeOf(kind string, u, k int) op {
	form := url.Values{CSRFField: {provinceCSRF}, "judul": {"Posyandu Keliling Menjangkau 120 Balita di Mekarsari"},
		"isi": {strings.Repeat("Dinas Kesehatan Kabupaten Sukamaju menggelar posyandu keliling di Balai Desa Mekarsari pada Senin. ", 20)}}
	switch kind {
	case "kirim":
		lv := "0"
		if res, err := http.DefaultClient.Do(mustRequest(http.MethodGet, p.practice, p.cookies[u], nil)); err == nil {
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if m := lockVersionRE.FindSubmatch(body); m != nil {
				lv = string(m[1])
			}
		}
		form.Set("lock_version", lv)
		form.Set("kunci", fmt.Sprintf("kirim-%d", k))
		form.Set("yakin-kirim", "1")
		return op{name: "kirim", req: mustRequest(http.MethodPost, p.practice+"/kirim", p.cookies[u], form), want: http.StatusSeeOther}
	case "periksa":
		return op{name: "periksa", req: mustRequest(http.MethodPost, p.practice+"/periksa", p.cookies[u], form), want: http.StatusSeeOther}
	case "autosave":
		r := mustRequest(http.MethodPost, p.practice+"/draf", p.cookies[u], form)
		r.Header.Set("Accept", "application/json")
		return op{name: "autosave", req: r}
	}
	lesson := p.lessons[(k/len(p.cookies))%len(p.lessons)]
	return op{name: "selesai", req: mustRequest(http.MethodPost, lesson+"/selesai", p.cookies[u], url.Values{CSRFField: {provinceCSRF}}), want: http.StatusSeeOther}
}

// warm opens every page of the walk once for every trainee, as the first
// walk of the day does (the first view of an item writes its start), then,
// once every write is done, every page again, so every trainee's copies are
// cached.
func (p *province) warm(b testing.TB) {
	start := time.Now()
	p.openAll(b, walkPages)
	p.openAll(b, walkPages)
	b.Logf("warmed %d trainees in %v", len(p.cookies), time.Since(start).Round(time.Millisecond))
	if dir := os.Getenv("BIMTEK_BENCH_PROFILE"); dir != "" {
		runtime.GC()
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("heap-%d.prof", len(p.cookies))))
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// openAll opens pages for every trainee from 64 goroutines, each trainee's
// pages one after another in order, as a trainee walks them: opened at once,
// a page's reads could be kept by a copy that another page's read replaced
// (a quiz's attempts, read on its first view, then missed on the next).
func (p *province) openAll(b testing.TB, pages []string) {
	var next atomic.Int64
	total := int64(len(p.cookies))
	cl := loadClient()
	var wg sync.WaitGroup
	for w := 0; w < loadConnections; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := next.Add(1) - 1; u < total; u = next.Add(1) - 1 {
				for _, pg := range pages {
					o := p.read(int(u), pg)
					if _, ok := o.do(cl); !ok {
						b.Errorf("warming %s: failed", o.req.URL)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

// op is one request of a load and the status that counts as success.
type op struct {
	name string
	req  *http.Request
	want int // 0: 200
}

func mustRequest(method, target, cookie string, form url.Values) *http.Request {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r, err := http.NewRequest(method, target, body)
	if err != nil {
		panic(err)
	}
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if cookie != "" {
		r.Header.Set("Cookie", cookie)
	}
	return r
}

func (o op) do(cl *http.Client) (time.Duration, bool) {
	start := time.Now()
	res, err := cl.Do(o.req)
	if err != nil {
		return time.Since(start), false
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	want := o.want
	if want == 0 {
		want = http.StatusOK
	}
	return time.Since(start), res.StatusCode == want
}

func loadClient() *http.Client {
	tr := &http.Transport{MaxIdleConns: loadConnections, MaxIdleConnsPerHost: loadConnections, MaxConnsPerHost: loadConnections}
	return &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// loadResult is what drive measured: the rate and each operation's latencies and failures.
type loadResult struct {
	rate   float64
	cpu    time.Duration // user+system CPU time of the process (client and server) per request
	lat    map[string][]time.Duration
	errors map[string]int
}

// drive runs b.N operations from 64 goroutines; next(i) makes the i-th.
func drive(b *testing.B, next func(i int) op) loadResult {
	cl := loadClient()
	defer cl.Transport.(*http.Transport).CloseIdleConnections()
	for i := 0; i < loadConnections; i++ { // open the connections
		next(i).do(cl)
	}
	var counter atomic.Int64
	var mu sync.Mutex
	res := loadResult{lat: map[string][]time.Duration{}, errors: map[string]int{}}
	var wg sync.WaitGroup
	stopProfile := profileLoad(b)
	b.ResetTimer()
	cpu0 := processCPU()
	start := time.Now()
	for w := 0; w < loadConnections; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat := map[string][]time.Duration{}
			errs := map[string]int{}
			for i := counter.Add(1) - 1; i < int64(b.N); i = counter.Add(1) - 1 {
				o := next(int(i))
				d, ok := o.do(cl)
				lat[o.name] = append(lat[o.name], d)
				if !ok {
					errs[o.name]++
				}
			}
			mu.Lock()
			for k, v := range lat {
				res.lat[k] = append(res.lat[k], v...)
			}
			for k, v := range errs {
				res.errors[k] += v
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.rate = float64(b.N) / time.Since(start).Seconds()
	res.cpu = (processCPU() - cpu0) / time.Duration(b.N)
	b.StopTimer()
	stopProfile()
	return res
}

// report prints the rate, its share of bareRate (when set), and p50/p99 and
// errors per operation; it returns the rate.
func (r loadResult) report(b *testing.B, bareRate float64) float64 {
	b.ReportMetric(r.rate, "req/s")
	b.ReportMetric(float64(r.cpu.Microseconds()), "cpu-µs/req")
	if bareRate > 0 {
		b.ReportMetric(100*r.rate/bareRate, "%-of-bare")
	}
	names := make([]string, 0, len(r.lat))
	for k := range r.lat {
		names = append(names, k)
	}
	slices.Sort(names)
	total := 0
	for _, k := range names {
		l := r.lat[k]
		slices.Sort(l)
		b.ReportMetric(float64(l[len(l)/2].Microseconds())/1000, k+"-p50-ms")
		b.ReportMetric(float64(l[len(l)*99/100].Microseconds())/1000, k+"-p99-ms")
		total += r.errors[k]
	}
	// The pages' requests together: in the walk with writes, what the
	// writes cost the readers beside them (against the walk alone).
	var reads []time.Duration
	pages := 0
	for _, pg := range walkPages {
		if l := r.lat[pg]; len(l) > 0 {
			reads = append(reads, l...)
			pages++
		}
	}
	if pages > 1 {
		slices.Sort(reads)
		b.ReportMetric(float64(reads[len(reads)/2].Microseconds())/1000, "reads-p50-ms")
		b.ReportMetric(float64(reads[len(reads)*99/100].Microseconds())/1000, "reads-p99-ms")
		if bareRate > 0 {
			b.ReportMetric(100*r.rate*float64(len(reads))/float64(b.N)/bareRate, "reads-%-of-bare")
		}
	}
	b.ReportMetric(float64(total), "errors")
	if total > 0 {
		b.Logf("errors by operation: %v", r.errors)
	}
	return r.rate
}

// processCPU is the user and system CPU time the process has used; unlike
// the rate it does not move with the load of other processes on the machine.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// goMemory is what the Go runtime has mapped and not given back.
func goMemory() int64 {
	m := []rtmetrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	rtmetrics.Read(m)
	return int64(m[0].Value.Uint64() - m[1].Value.Uint64())
}

// statusBytes reads a kB line of /proc/self/status.
func statusBytes(prefix string) int64 { return procStatusBytes("/proc/self/status", prefix) }

// heapInUse is the live heap after a collection.
func heapInUse() int64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}

// peakRSS is the process's peak resident set in bytes (Linux reports KiB).
func peakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss << 10
}

// profileLoad writes a CPU profile of the load alone (not the seeding and
// warming around it) to $BIMTEK_BENCH_PROFILE/<benchmark>.prof when set.
func profileLoad(b *testing.B) func() {
	dir := os.Getenv("BIMTEK_BENCH_PROFILE")
	if dir == "" {
		return func() {}
	}
	f, err := os.Create(filepath.Join(dir, strings.NewReplacer("/", "_").Replace(b.Name())+".prof"))
	if err != nil {
		b.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		b.Fatal(err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
