package web

import (
	"fmt"
	"net"
	"strings"

	"github.com/labstack/echo/v4"
)

// ParseTrustedProxies reads BIMTEK_TRUSTED_PROXY: one CIDR or several
// separated by commas ("" = none). A bare address counts as that address alone.
func ParseTrustedProxies(raw string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, part := range strings.Split(raw, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if ip := net.ParseIP(part); ip != nil {
			bits := 128
			if ip.To4() != nil {
				ip, bits = ip.To4(), 32
			}
			out = append(out, &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)})
			continue
		}
		_, n, err := net.ParseCIDR(part)
		if err != nil {
			return nil, fmt.Errorf("BIMTEK_TRUSTED_PROXY “%s” bukan alamat atau rentang alamat CIDR, misalnya 127.0.0.1/32 atau 10.0.0.0/8", part)
		}
		out = append(out, n)
	}
	return out, nil
}

// clientIP is where login throttling, the verification limit and rescued
// text take the client's address from. Without trusted proxies it is the
// connection's address, whatever X-Forwarded-For says. With them, a request
// whose connection comes from a trusted proxy is attributed to the nearest
// address in X-Forwarded-For that is not itself a trusted proxy. Only the
// configured ranges are trusted: echo's default would also trust every
// loopback, link-local and private address, so behind a proxy any client on
// the office network could name itself in X-Forwarded-For and escape the
// per-address limits. The nginx configuration `bimtek deploy nginx` prints
// replaces the header with the one address it saw, so a forged one never
// reaches the app.
func clientIP(proxies []*net.IPNet) echo.IPExtractor {
	if len(proxies) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, p := range proxies {
		opts = append(opts, echo.TrustIPRange(p))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// limitAddress is the address the per-address limits count by: an IPv4
// address as it is, an IPv6 address by its /64, since one ordinary IPv6
// client holds a whole /64 and could otherwise use a fresh address per try.
func limitAddress(c echo.Context) string { return limitKey(c.RealIP()) }

func limitKey(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil || ip.To4() != nil {
		return addr
	}
	return (&net.IPNet{IP: ip.Mask(net.CIDRMask(64, 128)), Mask: net.CIDRMask(64, 128)}).String()
}
