package web

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/store"
)

// serveProcess is `bimtek serve` run as a process of its own on a seeded
// database, so that its memory is measured without the benchmark's client
// (BIMTEK_BENCH_SERVE names the binary; BenchmarkProvince then drives it).
type serveProcess struct {
	cmd *exec.Cmd
	url string
	log string
}

var serveReadyRE = regexp.MustCompile(`http://(\S+)`)

// startServe starts bin serve on cfg's database with the fixture's secret,
// waiting until it listens.
func startServe(b testing.TB, bin string, cfg store.Config) *serveProcess {
	b.Helper()
	logPath := filepath.Join(b.TempDir(), "serve.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		b.Fatal(err)
	}
	defer logFile.Close()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "BIMTEK_SECRET="+strings.Repeat("k", 32), "BIMTEK_BASE_URL=http://127.0.0.1",
		"BIMTEK_DATABASE_URL="+cfg.URL, "BIMTEK_DATA_DIR="+cfg.DataDir)
	cmd.Stderr = logFile
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatalf("starting %s serve: %v", bin, err)
	}
	sp := &serveProcess{cmd: cmd, log: logPath}
	b.Cleanup(sp.stop)
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := serveReadyRE.FindStringSubmatch(sc.Text()); m != nil {
				ready <- "http://" + m[1]
				break
			}
		}
		for sc.Scan() {
		}
	}()
	select {
	case sp.url = <-ready:
	case <-time.After(60 * time.Second):
		tail, _ := os.ReadFile(logPath)
		b.Fatalf("%s serve did not start within a minute: %s", bin, tail)
	}
	return sp
}

// peak is the process's peak resident set (VmHWM) and what it holds now (VmRSS).
func (sp *serveProcess) peak() (hwm, rss int64) {
	path := "/proc/" + strconv.Itoa(sp.cmd.Process.Pid) + "/status"
	return procStatusBytes(path, "VmHWM:"), procStatusBytes(path, "VmRSS:")
}

func (sp *serveProcess) stop() {
	if sp.cmd.ProcessState != nil {
		return
	}
	sp.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { sp.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		sp.cmd.Process.Kill()
		<-done
	}
}

// procStatusBytes reads a kB line of a /proc/<pid>/status file.
func procStatusBytes(path, prefix string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, prefix); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
