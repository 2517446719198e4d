package web

import (
	"net/http"
	"strings"
	"testing"
)

func TestClientAddress(t *testing.T) {
	t.Parallel()
	req := func(remote string, xff ...string) *http.Request {
		r, _ := http.NewRequest(http.MethodGet, "/", nil)
		r.RemoteAddr = remote + ":40000"
		for _, v := range xff {
			r.Header.Add("X-Forwarded-For", v)
		}
		return r
	}
	for _, c := range []struct {
		name, trusted string
		r             *http.Request
		want          string
	}{
		{"no proxy: the header is ignored", "", req("203.0.113.5", "198.51.100.7"), "203.0.113.5"},
		{"behind nginx on the same host", "127.0.0.1/32", req("127.0.0.1", "198.51.100.7"), "198.51.100.7"},
		{"a bare address is one address", "127.0.0.1", req("127.0.0.1", "198.51.100.7"), "198.51.100.7"},
		{"nginx without the header", "127.0.0.1/32", req("127.0.0.1"), "127.0.0.1"},
		{"a client that is not the proxy cannot name itself", "10.0.0.0/8", req("127.0.0.1", "198.51.100.7"), "127.0.0.1"},
		// echo's default trusts every private address; here only the configured range counts.
		{"an office client behind the proxy cannot forge a hop", "10.0.0.1/32", req("10.0.0.1", "198.51.100.7, 192.168.1.20"), "192.168.1.20"},
		{"two proxies in the range", "10.0.0.0/24", req("10.0.0.1", "198.51.100.7, 10.0.0.2"), "198.51.100.7"},
		{"several ranges", "10.0.0.1/32, 127.0.0.1/32", req("127.0.0.1", "198.51.100.7, 10.0.0.1"), "198.51.100.7"},
		{"garbage in the header", "127.0.0.1/32", req("127.0.0.1", "bukan-alamat"), "127.0.0.1"},
		{"IPv6 proxy", "::1/128", req("[::1]", "2001:db8::7"), "2001:db8::7"},
	} {
		proxies, err := ParseTrustedProxies(c.trusted)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := clientIP(proxies)(c.r); got != c.want {
			t.Errorf("%s: client %s, want %s", c.name, got, c.want)
		}
	}
	if _, err := ParseTrustedProxies("10.0.0.0/33"); err == nil || !strings.Contains(err.Error(), "bukan alamat atau rentang alamat CIDR") {
		t.Errorf("bad range: %v", err)
	}
}

// TestLimitsCountAnIPv6ClientByItsPrefix: one IPv6 client holds a /64, so
// the per-address limits count the /64; IPv4 addresses count as they are.
func TestLimitsCountAnIPv6ClientByItsPrefix(t *testing.T) {
	t.Parallel()
	for addr, want := range map[string]string{
		"2001:db8:1:2::1":         "2001:db8:1:2::/64",
		"2001:db8:1:2:ffff:1:2:3": "2001:db8:1:2::/64",
		"2001:db8:1:3::1":         "2001:db8:1:3::/64",
		"::ffff:198.51.100.7":     "::ffff:198.51.100.7",
		"198.51.100.7":            "198.51.100.7",
		"bukan-alamat":            "bukan-alamat",
	} {
		if got := limitKey(addr); got != want {
			t.Errorf("%s counts as %s, want %s", addr, got, want)
		}
	}
}
