// Package browsertest starts headless Chromium for browser journeys. Outside
// CI a missing browser skips the test with the reason; under CI=true it fails.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bimtek/bimtek/internal/testkit"
)

// ChromiumPath finds the browser: $BIMTEK_CHROMIUM, then Debian's chromium.
func ChromiumPath() string {
	if p := os.Getenv("BIMTEK_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New returns a browser tab context with a phone-sized viewport (360 px wide,
// the narrowest layout we support); it is closed when the test ends. The tab
// is in a browser context of its own (like an incognito window: no cookies
// or storage shared with other tests) of one Chromium that the test process
// starts once, since starting a browser costs more than most journeys.
//
// New makes the test parallel (call it before t.Setenv, if ever) and lets
// only a few journeys run at once (ParallelEnv): most of a journey's time
// is waiting for the page, its timers and the server.
func New(t *testing.T) context.Context {
	t.Helper()
	path := ChromiumPath()
	if path == "" {
		testkit.Need(t, "Chromium not found", "install Debian's chromium package (or set BIMTEK_CHROMIUM)")
	}
	t.Parallel()
	slots := journeySlots()
	slots <- struct{}{}
	t.Cleanup(func() { <-slots })
	bctx, err := shared(path)
	if err != nil {
		t.Fatalf("starting Chromium at %s: %v", path, err)
	}
	ctx, cancelCtx := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 800)); err != nil {
		t.Fatalf("opening a tab in Chromium at %s: %v", path, err)
	}
	return ctx
}

// ParallelEnv may set how many journeys of one test process run at once.
const ParallelEnv = "BIMTEK_BROWSER_PARALLEL"

var journeySlots = sync.OnceValue(func() chan struct{} {
	n := 3
	if v, err := strconv.Atoi(os.Getenv(ParallelEnv)); err == nil && v > 0 {
		n = v
	}
	return make(chan struct{}, n)
})

var (
	browserMu  sync.Mutex
	browserCtx context.Context
)

// shared returns the context of the process's browser, starting it on first
// use and again should it have ended. It runs until the test process exits
// (Chromium is killed with its parent).
func shared(path string) (context.Context, error) {
	browserMu.Lock()
	defer browserMu.Unlock()
	if browserCtx != nil && browserCtx.Err() == nil {
		return browserCtx, nil
	}
	removeDeadProfiles()
	dir, err := os.MkdirTemp("", fmt.Sprintf("%s%d-", profilePrefix, os.Getpid()))
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		// The journeys read the default interface (Indonesian); a test of
		// another language chooses it on the account page.
		chromedp.Flag("accept-lang", "id-ID,id"),
		chromedp.Flag("lang", "id-ID"),
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(360, 800),
	}
	actx, _ := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, _ := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	browserCtx = ctx
	return ctx, nil
}

// profilePrefix starts the name of a shared browser's profile folder; the
// test process's id follows.
const profilePrefix = "bimtek-chromium-"

// removeDeadProfiles removes the profile folders of test processes that have
// ended (their browser ended with them).
func removeDeadProfiles() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), profilePrefix+"*"))
	for _, d := range dirs {
		pidText, _, _ := strings.Cut(strings.TrimPrefix(filepath.Base(d), profilePrefix), "-")
		if pid, err := strconv.Atoi(pidText); err == nil && pid > 0 && errors.Is(syscall.Kill(pid, 0), syscall.ESRCH) {
			os.RemoveAll(d)
		}
	}
}

// Screenshot saves a full-page PNG into $BIMTEK_SCREENSHOTS when it is set,
// so people can look at what the journey saw.
func Screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("BIMTEK_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	if err := os.MkdirAll(dir, 0o755); err == nil {
		os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
}
