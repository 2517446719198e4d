package faulttest

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/auth"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/nginxtest"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// The deployment test's small course: two lessons, a certificate for both.
var deployCourse = map[string]string{
	"kursus-uji/course.yaml": `id: kursus-uji
title: Kursus Uji Penerapan
summary: Dua materi untuk menguji beberapa proses.
hours: 1
certificate:
  title: Sertifikat Uji Penerapan
  validity_months: 12
  requirements:
    lessons: all
    quizzes: none
    practices: none
    attendance: 0
`,
	"kursus-uji/01-dasar/module.yaml": `id: dasar
title: Dasar
summary: Satu-satunya modul.
items:
  - lesson: 01-satu.md
  - lesson: 02-dua.md
`,
	"kursus-uji/01-dasar/01-satu.md": "---\nid: materi-satu\ntitle: Materi Pertama\nminutes: 2\n---\nIsi materi pertama.\n",
	"kursus-uji/01-dasar/02-dua.md":  "---\nid: materi-dua\ntitle: Materi Kedua\nminutes: 2\n---\nIsi materi kedua.\n",
}

const deployPassword = "kata-sandi-penerapan-1"

// freeAddr is a loopback address no one listens on right now.
func freeAddr(t *testing.T) string {
	t.Helper()
	// Below the kernel's ephemeral range (32768 and up), so no outgoing
	// connection of a parallel test takes the port between this check and
	// the server's own bind, as one from ":0" could.
	for range 200 {
		addr := fmt.Sprintf("127.0.0.1:%d", 20000+mrand.IntN(12000))
		if ln, err := net.Listen("tcp", addr); err == nil {
			ln.Close()
			return addr
		}
	}
	t.Fatal("no free port between 20000 and 32000")
	return ""
}

// printed runs `bimtek deploy …` and returns what it printed.
func printed(t *testing.T, args ...string) string {
	t.Helper()
	var stderr strings.Builder
	cmd := exec.Command(binary, append([]string{"deploy"}, args...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bimtek deploy %v: %v\n%s", args, err, stderr.String())
	}
	return string(out)
}

// unitProcess starts the process a printed systemd unit describes: its
// ExecStart, its Environment= lines and the variables of its
// EnvironmentFile; extra arguments are appended to the command.
func unitProcess(t *testing.T, unit string, extra ...string) *lockedBuffer {
	t.Helper()
	var argv, env []string
	for _, line := range strings.Split(unit, "\n") {
		key, val, ok := strings.Cut(line, "=")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		switch key {
		case "ExecStart":
			argv = strings.Fields(val) // the test's paths hold no spaces
		case "Environment":
			env = append(env, val)
		case "EnvironmentFile":
			b, err := os.ReadFile(val)
			if err != nil {
				t.Fatalf("the unit's environment file: %v", err)
			}
			for _, l := range strings.Split(string(b), "\n") {
				if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
					env = append(env, l)
				}
			}
		}
	}
	if len(argv) < 2 {
		t.Fatalf("no ExecStart in the unit:\n%s", unit)
	}
	cmd := exec.Command(argv[0], append(argv[1:], extra...)...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH")}, env...)
	log := &lockedBuffer{}
	cmd.Stderr = log
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %v: %v", argv, err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if addrLine.MatchString(sc.Text()) {
				ready <- true
			}
		}
		ready <- false
	}()
	select {
	case ok := <-ready:
		if !ok {
			t.Fatalf("serve exited: %s", log.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("serve not ready in 60 s: %s", log.String())
	}
	return log
}

// browser is one person's browser, connecting from a loopback address of
// its own so nginx sees a different client per browser.
type browser struct {
	t    *testing.T
	http *http.Client
}

func newBrowser(t *testing.T, from string) *browser {
	jar, _ := cookiejar.New(nil)
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 5 * time.Second}
	return &browser{t: t, http: &http.Client{Jar: jar, Timeout: 60 * time.Second,
		Transport:     &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 4},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// do sends a request and returns its status, Location and body.
func (b *browser) do(method, u string, form url.Values, header ...string) (int, string, string) {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, u, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := b.http.Do(req)
	if err != nil {
		b.t.Fatalf("%s %s: %v", method, u, err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Location"), string(raw)
}

// csrf returns the token of the CSRF cookie the app gave this browser,
// opening the login page first when there is none.
func (b *browser) csrf(base string) string {
	u, _ := url.Parse(base)
	for range 2 {
		for _, c := range b.http.Jar.Cookies(u) {
			if c.Name == "bimtek_csrf" {
				return c.Value
			}
		}
		b.do(http.MethodGet, base+"/masuk", nil)
	}
	b.t.Fatal("no CSRF cookie")
	return ""
}

func (b *browser) post(base, path string, form url.Values, header ...string) (int, string, string) {
	form.Set("csrf_token", b.csrf(base))
	return b.do(http.MethodPost, base+path, form, header...)
}

func (b *browser) login(base, email, password string) int {
	status, _, _ := b.post(base, "/masuk", url.Values{"email": {email}, "password": {password}})
	return status
}

var metricLine = regexp.MustCompile(`^bimtek_http_requests_total\{code="(\d+)",method="(\w+)",route="([^"]+)"\} (\d+)`)

// requests reads one process's request counter for a route, method and status.
func requests(t *testing.T, base, token, route, method string, code int) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, base+"/metrics", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		if m := metricLine.FindStringSubmatch(sc.Text()); m != nil && m[1] == strconv.Itoa(code) && m[2] == method && m[3] == route {
			n, _ := strconv.Atoi(m[4])
			return n
		}
	}
	return 0
}

// waitFor asks until ok holds, up to 10 s, and returns how long it took.
func waitFor(t *testing.T, what string, ok func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !ok() {
		if time.Since(start) > 10*time.Second {
			t.Fatalf("%s: not seen after 10 s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
	return time.Since(start)
}

// TestTwoProcessesBehindNginx runs the deployment README describes: two
// `serve` processes started as the printed systemd units describe, on one
// PostgreSQL, behind Debian's nginx with the printed configuration, all on
// loopback. Across the processes: a session made through one works on the
// other; a change made through one is seen by the other (its caches are
// emptied by the database's change reports); login throttling counts the
// attempts both received, per account and per client address (which nginx
// passes and the app trusts only from nginx); certificates issued at the
// same moment through both are numbered without a repeat or a gap.
func TestTwoProcessesBehindNginx(t *testing.T) {
	t.Parallel()
	nginxtest.Binary(t)
	pgURL := testkit.PostgresSchemaURL(t)
	dir := t.TempDir()
	courses := filepath.Join(dir, "kursus")
	for name, body := range deployCourse {
		p := filepath.Join(courses, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	secret := make([]byte, 32)
	rand.Read(secret)
	token := "metrik-" + hex.EncodeToString(secret[:16])
	envFile := filepath.Join(dir, "bimtek.env")
	if err := os.WriteFile(envFile, []byte(fmt.Sprintf("BIMTEK_DATABASE_URL=%s\nBIMTEK_SECRET=%s\nBIMTEK_METRICS_TOKEN=%s\n",
		pgURL, hex.EncodeToString(secret), token)), 0o600); err != nil {
		t.Fatal(err)
	}
	front := freeAddr(t)
	base := "http://" + front
	apps := []string{freeAddr(t), freeAddr(t)}
	direct := []string{"http://" + apps[0], "http://" + apps[1]}
	units := make([]string, 2)
	for i, a := range apps {
		units[i] = printed(t, "systemd", "--base-url", base, "--addr", a, "--binary", binary, "--data", filepath.Join(dir, fmt.Sprint("data", i)),
			"--env-file", envFile, "--trusted-proxy", "127.0.0.1/32")
	}
	site := printed(t, "nginx", "--base-url", base, "--listen", front, "--upstream", apps[0]+","+apps[1], "--trusted-proxy", "127.0.0.1/32")

	// The first process migrates the database and loads the course; then
	// the test puts people into it, then the second process starts.
	logs := []*lockedBuffer{unitProcess(t, units[0], "--courses", courses)}
	ctx := context.Background()
	db, err := store.Open(ctx, store.Config{URL: pgURL})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	region, err := db.EnsureRegion(ctx, "kabupaten-sukamaju", "Pemerintah Kabupaten Sukamaju", "SKM")
	if err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(deployPassword)
	if err != nil {
		t.Fatal(err)
	}
	newUser := func(email string, role domain.Role) domain.User {
		u, err := db.CreateUser(ctx, nil, domain.NewUser{RegionID: region.ID, Email: email, Name: "Uji " + email, Role: role, PasswordHash: hash})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	fac := newUser("fasilitator@sukamaju.test", domain.RoleFasilitator)
	const graduates = 16
	var trainees []int64
	for i := range graduates + 1 {
		trainees = append(trainees, newUser(fmt.Sprintf("peserta%d@sukamaju.test", i), domain.RolePeserta).ID)
	}
	newUser("sasaran@sukamaju.test", domain.RolePeserta)
	now := time.Now()
	cohort, err := db.CreateCohort(ctx, nil, domain.NewCohort{RegionID: region.ID, CourseID: "kursus-uji", Name: "Angkatan Penerapan",
		StartsOn: now.AddDate(0, 0, -1), EndsOn: now.AddDate(0, 1, 0), FacilitatorIDs: []int64{fac.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Enroll(ctx, nil, cohort.ID, trainees); err != nil {
		t.Fatal(err)
	}
	logs = append(logs, unitProcess(t, units[1], "--courses", courses))
	nginxtest.Start(t, site, front)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("process A:\n%s\nprocess B:\n%s", logs[0].String(), logs[1].String())
		}
	})
	const coursePath = "/kursus/kursus-uji"
	lesson := func(id string) string { return coursePath + "/materi/" + id + "/selesai" }

	t.Run("a session made through one process works on the other", func(t *testing.T) {
		b := newBrowser(t, "127.0.0.1")
		if s := b.login(base, "peserta0@sukamaju.test", deployPassword); s != http.StatusSeeOther {
			t.Fatalf("login through nginx: %d", s)
		}
		for i, d := range append(direct, base, base, base, base) {
			if s, loc, body := b.do(http.MethodGet, d+"/beranda", nil); s != http.StatusOK || !strings.Contains(body, "Uji peserta0@sukamaju.test") {
				t.Fatalf("request %d to %s: %d %s", i, d, s, loc)
			}
		}
		// And the other way: logged in on B, known on A.
		b2 := newBrowser(t, "127.0.0.1")
		if s := b2.login(direct[1], "peserta0@sukamaju.test", deployPassword); s != http.StatusSeeOther {
			t.Fatalf("login on B: %d", s)
		}
		if s, loc, _ := b2.do(http.MethodGet, direct[0]+"/beranda", nil); s != http.StatusOK {
			t.Fatalf("B's session on A: %d %s", s, loc)
		}
	})

	t.Run("a change through one process is seen by the other", func(t *testing.T) {
		b := newBrowser(t, "127.0.0.1")
		if s := b.login(base, "peserta0@sukamaju.test", deployPassword); s != http.StatusSeeOther {
			t.Fatalf("login: %d", s)
		}
		// Both processes hold the trainee's course page in their caches.
		for _, d := range direct {
			for range 2 {
				if s, _, body := b.do(http.MethodGet, d+coursePath, nil); s != http.StatusOK || !strings.Contains(body, "Lanjutkan: Materi Pertama") {
					t.Fatalf("course page on %s: %d", d, s)
				}
			}
		}
		if s, _, _ := b.post(direct[0], lesson("materi-satu"), url.Values{}); s != http.StatusSeeOther {
			t.Fatalf("mark done on A: %d", s)
		}
		if _, _, body := b.do(http.MethodGet, direct[0]+coursePath, nil); !strings.Contains(body, "Lanjutkan: Materi Kedua") {
			t.Fatal("A, which wrote it, does not show the lesson done")
		}
		took := waitFor(t, "B shows the lesson done", func() bool {
			_, _, body := b.do(http.MethodGet, direct[1]+coursePath, nil)
			return strings.Contains(body, "Lanjutkan: Materi Kedua")
		})
		t.Logf("B showed the lesson A marked done after %v", took)
		// Logging out on B ends the session on A too.
		if s, _, _ := b.post(direct[1], "/keluar", url.Values{}); s != http.StatusSeeOther {
			t.Fatalf("logout on B: %d", s)
		}
		took = waitFor(t, "A refuses the ended session", func() bool {
			s, loc, _ := b.do(http.MethodGet, direct[0]+"/beranda", nil)
			return s == http.StatusSeeOther && strings.HasPrefix(loc, "/masuk")
		})
		t.Logf("A refused the session B ended after %v", took)
	})

	t.Run("login throttling counts the attempts both processes received", func(t *testing.T) {
		const route = "/masuk"
		before := requests(t, direct[0], token, route, "POST", 401) + requests(t, direct[1], token, route, "POST", 401)
		// Ten wrong passwords for one account at once, through nginx: five are checked.
		b := newBrowser(t, "127.0.0.4")
		b.csrf(base)
		statuses := make([]int, 10)
		var wg sync.WaitGroup
		for i := range statuses {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i] = b.login(base, "sasaran@sukamaju.test", "tebakan-salah-"+strconv.Itoa(i))
			}()
		}
		wg.Wait()
		count := map[int]int{}
		for _, s := range statuses {
			count[s]++
		}
		if count[http.StatusUnauthorized] != 5 || count[http.StatusTooManyRequests] != 5 {
			t.Fatalf("10 wrong passwords for one account: %v, want 5 × 401 and 5 × 429", count)
		}
		a401, b401 := requests(t, direct[0], token, route, "POST", 401), requests(t, direct[1], token, route, "POST", 401)
		if a401+b401-before != 5 || requests(t, direct[0], token, route, "POST", 429) == 0 && requests(t, direct[1], token, route, "POST", 429) == 0 {
			t.Errorf("checked attempts per process: A %d, B %d (before %d)", a401, b401, before)
		}
		a, bb := requests(t, direct[0], token, route, "POST", 401)+requests(t, direct[0], token, route, "POST", 429),
			requests(t, direct[1], token, route, "POST", 401)+requests(t, direct[1], token, route, "POST", 429)
		if a == 0 || bb == 0 {
			t.Errorf("nginx sent the attempts to one process only: A %d, B %d", a, bb)
		}
		t.Logf("wrong passwords answered: A %d, B %d; checked 5 in all", a, bb)
		// The right password is refused as well while the account is locked.
		if s := b.login(base, "sasaran@sukamaju.test", deployPassword); s != http.StatusTooManyRequests {
			t.Errorf("right password during the lock: %d", s)
		}

		// Thirty failures from one client address (different accounts), then that address is refused
		// on both processes; another client is not, and a forged X-Forwarded-For changes nothing.
		one := newBrowser(t, "127.0.0.2")
		for i := range 30 {
			if s := one.login(base, fmt.Sprintf("tidak-ada-%d@sukamaju.test", i), "tebakan-salah"); s != http.StatusUnauthorized {
				t.Fatalf("failure %d from 127.0.0.2: %d", i+1, s)
			}
		}
		for i := range 2 {
			if s := one.login(base, "peserta1@sukamaju.test", "tebakan-salah"); s != http.StatusTooManyRequests {
				t.Errorf("attempt %d after 30 failures from 127.0.0.2: %d, want 429", 31+i, s)
			}
		}
		form := url.Values{"email": {"peserta1@sukamaju.test"}, "password": {"tebakan-salah"}}
		if s, _, _ := one.post(base, "/masuk", form, "X-Forwarded-For", "203.0.113.9"); s != http.StatusTooManyRequests {
			t.Errorf("127.0.0.2 naming itself 203.0.113.9: %d, want 429", s)
		}
		if s := newBrowser(t, "127.0.0.3").login(base, "peserta2@sukamaju.test", deployPassword); s != http.StatusSeeOther {
			t.Errorf("another client's right password: %d, want 303", s)
		}
	})

	t.Run("certificates issued at once through both processes are numbered without repeats", func(t *testing.T) {
		browsers := make([]*browser, graduates)
		for i := range browsers {
			browsers[i] = newBrowser(t, "127.0.0.5")
			if s := browsers[i].login(base, fmt.Sprintf("peserta%d@sukamaju.test", i+1), deployPassword); s != http.StatusSeeOther {
				t.Fatalf("login of trainee %d: %d", i+1, s)
			}
			if s, _, _ := browsers[i].post(base, lesson("materi-satu"), url.Values{}); s != http.StatusSeeOther {
				t.Fatalf("first lesson of trainee %d: %d", i+1, s)
			}
			browsers[i].csrf(base)
		}
		route := "/kursus/:course/materi/:item/selesai"
		before := []int{requests(t, direct[0], token, route, "POST", 303), requests(t, direct[1], token, route, "POST", 303)}
		start := make(chan struct{})
		statuses := make([]int, graduates)
		var wg sync.WaitGroup
		for i, b := range browsers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				statuses[i], _, _ = b.post(base, lesson("materi-dua"), url.Values{})
			}()
		}
		close(start)
		wg.Wait()
		for i, s := range statuses {
			if s != http.StatusSeeOther {
				t.Errorf("last lesson of trainee %d: %d", i+1, s)
			}
		}
		perProcess := []int{requests(t, direct[0], token, route, "POST", 303) - before[0], requests(t, direct[1], token, route, "POST", 303) - before[1]}
		if perProcess[0] == 0 || perProcess[1] == 0 || perProcess[0]+perProcess[1] != graduates {
			t.Errorf("last lessons handled: A %d, B %d, want both and %d in all", perProcess[0], perProcess[1], graduates)
		}
		raw, _ := openDB(t, []string{"BIMTEK_DATABASE_URL=" + pgURL})
		rows, err := raw.Query(`SELECT number FROM certificates WHERE region_id = $1 ORDER BY seq`, region.ID)
		if err != nil {
			t.Fatal(err)
		}
		var numbers []string
		for rows.Next() {
			var n string
			rows.Scan(&n)
			numbers = append(numbers, n)
		}
		rows.Close()
		if len(numbers) == 0 {
			t.Fatal("no certificate issued")
		}
		want := make([]string, graduates)
		for i := range want {
			want[i] = fmt.Sprintf("BMT/%d/SKM/%06d", now.Year(), i+1)
		}
		sorted := append([]string(nil), numbers...)
		sort.Strings(sorted)
		if strings.Join(sorted, " ") != strings.Join(want, " ") {
			t.Errorf("certificate numbers %v, want %v", numbers, want)
		}
		t.Logf("%d certificates issued at once through A (%d) and B (%d): %s … %s", len(numbers), perProcess[0], perProcess[1], numbers[0], numbers[len(numbers)-1])
	})
}
