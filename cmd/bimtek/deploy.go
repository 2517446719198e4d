package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bimtek/bimtek/internal/web"
)

// stopTimeoutSec is systemd's TimeoutStopSec: web.ShutdownGrace to drain,
// plus time to close the database and flush the log.
const stopTimeoutSec = 75

// runDeploy prints what running Bimtek on more than one machine needs: a
// systemd unit per app process and the nginx reverse proxy in front of them.
// It writes nothing; the operator reviews the text and puts it in place.
func runDeploy(e env) int {
	if len(e.args) == 0 || (e.args[0] != "systemd" && e.args[0] != "nginx") {
		fmt.Fprintln(e.stderr, "Penggunaan: bimtek deploy systemd|nginx [opsi]   (bimtek deploy systemd -h menampilkan opsinya)")
		return 2
	}
	kind := e.args[0]
	fs := newFlagSet("deploy "+kind, e.stderr)
	baseURL := fs.String("base-url", e.getenv("BIMTEK_BASE_URL"), "alamat publik, misalnya https://bimtek.sukamajukab.go.id; env BIMTEK_BASE_URL")
	trusted := fs.String("trusted-proxy", "", "alamat atau rentang CIDR nginx sebagaimana dilihat aplikasi (BIMTEK_TRUSTED_PROXY), misalnya 127.0.0.1/32; tanpa ini nginx tidak meneruskan X-Forwarded-For")
	var out string
	var err error
	switch kind {
	case "systemd":
		o := unitOptions{}
		fs.StringVar(&o.Addr, "addr", defaultAddr, "alamat yang didengarkan proses ini")
		fs.StringVar(&o.DataDir, "data", "/var/lib/bimtek", "direktori data (SQLite; kunci rahasia bila BIMTEK_SECRET kosong)")
		fs.StringVar(&o.Binary, "binary", "/usr/local/bin/bimtek", "lokasi program bimtek")
		fs.StringVar(&o.EnvFile, "env-file", "/etc/bimtek/bimtek.env", "berkas lingkungan berisi rahasia (BIMTEK_DATABASE_URL, BIMTEK_SECRET, …)")
		fs.StringVar(&o.User, "user", "bimtek", "akun sistem yang menjalankan proses")
		if err := fs.Parse(e.args[1:]); err != nil {
			return 2
		}
		o.BaseURL, o.TrustedProxy = *baseURL, *trusted
		out, err = systemdUnit(o)
	case "nginx":
		o := nginxOptions{}
		upstreams := fs.String("upstream", defaultAddr, "alamat proses aplikasi, dipisah koma, misalnya 127.0.0.1:8080,127.0.0.1:8081")
		fs.StringVar(&o.Listen, "listen", "", "alamat atau port yang didengarkan nginx (bawaan: port alamat publik, 443 untuk https, 80 untuk http)")
		fs.StringVar(&o.Cert, "tls-cert", "", "sertifikat TLS (bawaan untuk https: /etc/letsencrypt/live/HOST/fullchain.pem)")
		fs.StringVar(&o.Key, "tls-key", "", "kunci TLS (bawaan untuk https: /etc/letsencrypt/live/HOST/privkey.pem)")
		if err := fs.Parse(e.args[1:]); err != nil {
			return 2
		}
		o.BaseURL, o.TrustedProxy = *baseURL, *trusted
		for _, u := range strings.Split(*upstreams, ",") {
			if u = strings.TrimSpace(u); u != "" {
				o.Upstreams = append(o.Upstreams, u)
			}
		}
		var warn []string
		out, warn, err = nginxConfig(o)
		for _, w := range warn {
			fmt.Fprintln(e.stderr, "bimtek deploy nginx: peringatan:", w)
		}
	}
	if err == nil && fs.NArg() > 0 {
		err = fmt.Errorf("argumen tidak dikenal: %v", fs.Args())
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "bimtek deploy %s: %v\n", kind, err)
		return 2
	}
	io.WriteString(e.stdout, out)
	return 0
}

type unitOptions struct {
	BaseURL, TrustedProxy string
	Addr, DataDir         string
	Binary, EnvFile, User string
}

// noControl refuses values that would break a line of a configuration file.
func noControl(name, v string) error {
	if strings.ContainsAny(v, "\n\r\x00") {
		return fmt.Errorf("%s berisi ganti baris atau karakter kendali", name)
	}
	return nil
}

// checkCommon checks the options both outputs share and returns the base
// URL as the app stores it.
func checkCommon(baseURL, trusted string) (string, error) {
	if baseURL == "" {
		return "", errors.New("--base-url wajib diisi (alamat publik, misalnya https://bimtek.sukamajukab.go.id)")
	}
	base, err := web.ParseBaseURL(baseURL)
	if err != nil {
		return "", err
	}
	if _, err := web.ParseTrustedProxies(trusted); err != nil {
		return "", err
	}
	return base, noControl("--trusted-proxy", trusted)
}

// systemdQuote writes one word of ExecStart= or Environment= so systemd
// reads it back unchanged: quoted when it holds a space, with % and $ doubled
// (systemd would expand them as specifiers and variables).
func systemdQuote(s string) string {
	s = strings.ReplaceAll(s, "%", "%%")
	s = strings.ReplaceAll(s, "$", "$$")
	if !strings.ContainsAny(s, " \t\"'\\;") {
		return s
	}
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// systemdUnit is the unit of one app process. Secrets stay in the
// environment file (readable by root only): a unit's Environment= lines are
// shown to every local user by systemctl show.
func systemdUnit(o unitOptions) (string, error) {
	base, err := checkCommon(o.BaseURL, o.TrustedProxy)
	if err != nil {
		return "", err
	}
	host, port, err := net.SplitHostPort(o.Addr)
	p, perr := strconv.Atoi(port)
	if err != nil || perr != nil || p < 1 || p > 65535 || (host != "" && net.ParseIP(host) == nil) {
		return "", fmt.Errorf("--addr %q bukan alamat IP:port, misalnya 127.0.0.1:8080", o.Addr)
	}
	for name, path := range map[string]string{"--data": o.DataDir, "--binary": o.Binary, "--env-file": o.EnvFile} {
		if !filepath.IsAbs(path) || filepath.Clean(path) != path {
			return "", fmt.Errorf("%s %q harus jalur mutlak tanpa bagian berlebih, misalnya /var/lib/bimtek", name, path)
		}
		if err := noControl(name, path); err != nil {
			return "", err
		}
	}
	if o.User == "" || o.User == "root" || strings.ContainsAny(o.User, " \t\n:/") {
		return "", fmt.Errorf("--user %q: pakai akun sistem tersendiri, bukan root, misalnya bimtek", o.User)
	}
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("# Bimtek: satu proses aplikasi di %s (dibuat oleh bimtek deploy systemd).", o.Addr)
	w("# Simpan sebagai /etc/systemd/system/bimtek-%d.service, lalu: systemctl daemon-reload && systemctl enable --now bimtek-%d", p, p)
	w("# %s (pemilik root, mode 0600) berisi rahasia yang sama di setiap proses:", o.EnvFile)
	w("#   BIMTEK_DATABASE_URL=postgres://…   BIMTEK_SECRET=…   (opsional: BIMTEK_SMTP_URL, BIMTEK_METRICS_TOKEN)")
	w("[Unit]")
	w("Description=Bimtek %s", o.Addr)
	w("After=network-online.target postgresql.service")
	w("Wants=network-online.target")
	w("")
	w("[Service]")
	w("Type=exec")
	w("User=%s", o.User)
	w("Group=%s", o.User)
	w("ExecStart=%s serve --addr %s --data %s", systemdQuote(o.Binary), systemdQuote(o.Addr), systemdQuote(o.DataDir))
	w("Environment=%s", systemdQuote("BIMTEK_BASE_URL="+base))
	if o.TrustedProxy != "" {
		w("Environment=%s", systemdQuote("BIMTEK_TRUSTED_PROXY="+o.TrustedProxy))
	}
	w("EnvironmentFile=%s", systemdQuote(o.EnvFile))
	w("Restart=on-failure")
	w("RestartSec=2s")
	w("# SIGTERM: permintaan yang sedang berjalan diselesaikan dulu (paling lama %d detik);", int(web.ShutdownGrace.Seconds()))
	w("# proses yang belum berhenti setelah %d detik dihentikan paksa.", stopTimeoutSec)
	w("KillSignal=SIGTERM")
	w("TimeoutStopSec=%ds", stopTimeoutSec)
	w("LimitNOFILE=65536")
	if rest, ok := strings.CutPrefix(o.DataDir, "/var/lib/"); ok && rest != "" {
		w("StateDirectory=%s", systemdQuote(rest))
		w("StateDirectoryMode=0700")
	} else {
		w("ReadWritePaths=%s", systemdQuote(o.DataDir))
	}
	w("UMask=0077")
	w("# Pengamanan: proses hanya membaca programnya, hanya menulis direktori datanya, hanya memakai TCP.")
	w("NoNewPrivileges=yes")
	if p < 1024 {
		w("AmbientCapabilities=CAP_NET_BIND_SERVICE")
		w("CapabilityBoundingSet=CAP_NET_BIND_SERVICE")
	} else {
		w("CapabilityBoundingSet=")
	}
	for _, line := range []string{
		"ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "PrivateDevices=yes", "ProtectKernelTunables=yes",
		"ProtectKernelModules=yes", "ProtectKernelLogs=yes", "ProtectControlGroups=yes", "ProtectClock=yes",
		"ProtectHostname=yes", "ProtectProc=invisible", "ProcSubset=pid", "RestrictNamespaces=yes", "RestrictRealtime=yes",
		"RestrictSUIDSGID=yes", "LockPersonality=yes", "MemoryDenyWriteExecute=yes", "RemoveIPC=yes",
		"RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "SystemCallArchitectures=native",
		"SystemCallFilter=@system-service", "SystemCallFilter=~@privileged", "SystemCallErrorNumber=EPERM",
	} {
		w("%s", line)
	}
	w("")
	w("[Install]")
	w("WantedBy=multi-user.target")
	return b.String(), nil
}

type nginxOptions struct {
	BaseURL, TrustedProxy string
	Upstreams             []string
	Listen, Cert, Key     string
}

// nginxConfig is the reverse proxy in front of the app processes, for
// /etc/nginx/conf.d. It returns warnings about choices that work but cost
// something.
func nginxConfig(o nginxOptions) (string, []string, error) {
	base, err := checkCommon(o.BaseURL, o.TrustedProxy)
	if err != nil {
		return "", nil, err
	}
	u, _ := url.Parse(base)
	host, tls := u.Hostname(), u.Scheme == "https"
	if len(o.Upstreams) == 0 {
		return "", nil, errors.New("--upstream wajib berisi paling sedikit satu alamat proses aplikasi")
	}
	var warn []string
	proxies, _ := web.ParseTrustedProxies(o.TrustedProxy)
	for _, a := range o.Upstreams {
		h, port, err := net.SplitHostPort(a)
		p, perr := strconv.Atoi(port)
		if err != nil || perr != nil || p < 1 || p > 65535 || h == "" || strings.ContainsAny(h, " ;{}\"'") {
			return "", nil, fmt.Errorf("--upstream %q bukan alamat host:port, misalnya 127.0.0.1:8080", a)
		}
		// An app process on this machine sees nginx connect from loopback.
		if ip := net.ParseIP(h); ip != nil && ip.IsLoopback() && len(proxies) > 0 && !containsIP(proxies, ip) {
			warn = append(warn, fmt.Sprintf("proses %s melihat nginx dari %s, yang tidak termasuk --trusted-proxy %s; X-Forwarded-For-nya akan diabaikan", a, h, o.TrustedProxy))
		}
	}
	if o.TrustedProxy == "" {
		warn = append(warn, "tanpa --trusted-proxy semua permintaan tampak datang dari alamat nginx, sehingga batas gagal masuk (30 per alamat per 15 menit) dan batas verifikasi (30 per menit) berlaku untuk semua pengguna bersama-sama; setel BIMTEK_TRUSTED_PROXY di aplikasi dan --trusted-proxy di sini")
	}
	listen := o.Listen
	if listen == "" {
		listen = u.Port()
	}
	if listen == "" {
		listen = map[bool]string{true: "443", false: "80"}[tls]
	}
	if lh, lp, err := net.SplitHostPort(listen); err == nil {
		if _, perr := strconv.Atoi(lp); perr != nil || (lh != "" && net.ParseIP(lh) == nil) {
			return "", nil, fmt.Errorf("--listen %q bukan port atau IP:port", listen)
		}
	} else if p, err := strconv.Atoi(listen); err != nil || p < 1 || p > 65535 {
		return "", nil, fmt.Errorf("--listen %q bukan port atau IP:port", listen)
	}
	if tls {
		if o.Cert == "" {
			o.Cert = "/etc/letsencrypt/live/" + host + "/fullchain.pem"
		}
		if o.Key == "" {
			o.Key = "/etc/letsencrypt/live/" + host + "/privkey.pem"
		}
		for name, v := range map[string]string{"--tls-cert": o.Cert, "--tls-key": o.Key} {
			if !filepath.IsAbs(v) || strings.ContainsAny(v, " ;{}\"'\n\r") {
				return "", nil, fmt.Errorf("%s %q harus jalur mutlak tanpa spasi atau titik koma", name, v)
			}
		}
	}
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("# Bimtek: reverse proxy untuk %s (dibuat oleh bimtek deploy nginx).", base)
	w("# Simpan sebagai /etc/nginx/conf.d/bimtek.conf, lalu: nginx -t && systemctl reload nginx")
	w("upstream bimtek {")
	for _, a := range o.Upstreams {
		w("    server %s max_fails=3 fail_timeout=10s;", a)
	}
	w("    keepalive 32;")
	w("}")
	w("")
	listens := []string{listen}
	if !strings.Contains(listen, ":") {
		listens = append(listens, "[::]:"+listen)
	}
	if tls && o.Listen == "" && u.Port() == "" {
		w("server {")
		w("    listen 80;")
		w("    listen [::]:80;")
		w("    server_name %s;", host)
		w("    return 301 https://$host$request_uri;")
		w("}")
		w("")
	}
	w("server {")
	for _, l := range listens {
		if tls {
			w("    listen %s ssl http2;", l)
		} else {
			w("    listen %s;", l)
		}
	}
	w("    server_name %s;", host)
	if tls {
		w("    ssl_certificate %s;", o.Cert)
		w("    ssl_certificate_key %s;", o.Key)
		w("    ssl_protocols TLSv1.2 TLSv1.3;")
		w("    ssl_session_cache shared:bimtek_tls:10m;")
		w("    ssl_session_timeout 1d;")
		w("    # HSTS, CSP, dan header keamanan lain dikirim oleh aplikasi.")
	}
	w("    server_tokens off;")
	w("    # Di atas batas aplikasi (1 MB), agar formulir yang terlalu besar dijawab halaman aplikasi sendiri.")
	w("    client_max_body_size 2m;")
	w("")
	w("    # Prometheus mengambil metrik langsung dari setiap proses (penghitungnya sendiri-sendiri), tidak lewat sini.")
	w("    location = /metrics {")
	w("        return 404;")
	w("    }")
	w("")
	proxy := func() {
		w("        proxy_pass http://bimtek;")
		w("        proxy_http_version 1.1;")
		w("        proxy_set_header Connection \"\";")
		w("        proxy_set_header Host $host;")
		if o.TrustedProxy != "" {
			w("        # Aplikasi memercayai nginx (BIMTEK_TRUSTED_PROXY=%s): ia menerima satu alamat yang dilihat nginx,", o.TrustedProxy)
			w("        # bukan daftar buatan klien, untuk batas gagal masuk dan batas verifikasi.")
			w("        proxy_set_header X-Forwarded-For $remote_addr;")
		} else {
			w("        # Aplikasi tidak memercayai proxy mana pun, jadi alamat klien tidak diteruskan.")
			w("        proxy_set_header X-Forwarded-For \"\";")
		}
		w("        proxy_set_header X-Forwarded-Proto $scheme;")
		w("        proxy_set_header X-Request-ID $request_id;")
		w("        proxy_connect_timeout 5s;")
		w("        proxy_read_timeout 75s;")
		w("        proxy_send_timeout 75s;")
		w("        # Permintaan yang tidak sampai ke satu proses dicoba di proses berikutnya; POST tidak pernah diulang.")
		w("        proxy_next_upstream error timeout;")
	}
	// The forms that send a file take more, so a file over its own limit is
	// answered by the form itself with what the admin typed.
	for _, path := range web.UploadPaths() {
		w("    # Formulir unggah: berkas yang terlalu besar dijawab formulirnya sendiri, isian tetap ada.")
		w("    location = %s {", path)
		w("        client_max_body_size %dm;", web.MaxUploadBody>>20+1)
		proxy()
		w("    }")
		w("")
	}
	w("    location / {")
	proxy()
	w("    }")
	w("}")
	return b.String(), warn, nil
}

func containsIP(nets []*net.IPNet, ip net.IP) bool {
	for _, n := range nets {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}
