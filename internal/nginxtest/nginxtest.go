// Package nginxtest runs Debian's nginx (nginx-light) for tests: a site
// configuration as `bimtek deploy nginx` prints it, wrapped in a main
// configuration whose pid file, logs and temporary files live in the test's
// own directory, so no system nginx is touched.
package nginxtest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Binary returns the nginx program. Under CI=true a missing nginx fails the
// test (.ci/run installs nginx-light); elsewhere the test is skipped.
func Binary(t testing.TB) string {
	t.Helper()
	for _, p := range []string{"/usr/sbin/nginx", "nginx"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("nginx is not installed; .ci/run installs Debian's nginx-light")
	}
	t.Skip("nginx is not installed: apt-get install nginx-light")
	return ""
}

// write puts site and the main configuration around it into a fresh
// directory and returns the main configuration's path.
func write(t testing.TB, site string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	user := ""
	if os.Geteuid() == 0 {
		// Workers would otherwise run as nobody, who cannot enter the test's directory.
		user = "user root;\n"
	}
	main := fmt.Sprintf(`%sworker_processes 2;
pid %[2]s/nginx.pid;
error_log %[2]s/error.log warn;
events { worker_connections 512; }
http {
    access_log %[2]s/access.log;
    client_body_temp_path %[2]s/body;
    proxy_temp_path %[2]s/proxy;
    fastcgi_temp_path %[2]s/fastcgi;
    uwsgi_temp_path %[2]s/uwsgi;
    scgi_temp_path %[2]s/scgi;
    include %[2]s/site.conf;
}
`, user, dir)
	if err := os.WriteFile(filepath.Join(dir, "site.conf"), []byte(site), 0o600); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(conf, []byte(main), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, conf
}

// Check runs `nginx -t` on site and returns what nginx said and whether it
// accepted the configuration.
func Check(t testing.TB, site string) (string, bool) {
	t.Helper()
	bin := Binary(t)
	dir, conf := write(t, site)
	out, err := exec.Command(bin, "-t", "-p", dir, "-c", conf).CombinedOutput()
	return string(out), err == nil
}

// Start runs nginx with site in the foreground until the test ends and
// waits until addr accepts connections.
func Start(t testing.TB, site, addr string) {
	t.Helper()
	bin := Binary(t)
	if out, ok := Check(t, site); !ok {
		t.Fatalf("nginx -t refuses the configuration:\n%s\n%s", out, site)
	}
	dir, conf := write(t, site)
	cmd := exec.Command(bin, "-p", dir, "-c", conf, "-g", "daemon off;")
	var log strings.Builder
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatalf("start nginx: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx does not listen on %s: %v\n%s%s", addr, err, log.String(), b)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
