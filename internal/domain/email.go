package domain

import (
	"net/mail"
	"strings"
)

// ValidEmail says whether s is a plain address an account can use: what
// net/mail accepts as a bare address (no display name, no angle brackets),
// with a domain of at least two labels whose last is two or more letters, so
// "sari@dinkes" (no domain ending) and "sari@dinkes.1" are refused.
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	host := s[at+1:]
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return false
		}
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 {
		return false
	}
	for _, r := range tld {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}
