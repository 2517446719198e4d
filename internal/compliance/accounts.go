package compliance

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/domain"
)

// Platform is a kind of official account an OPD may register.
type Platform struct {
	// ID is the stored value (the schema's CHECK lists the same ids).
	ID string
	// Label is the platform's name as the interface shows it.
	Label string
	// Hosts are the domains an address of this platform must be on (or a
	// subdomain of); empty for a website, which may be anywhere.
	Hosts []string
	// Example is an address shown in hints and messages.
	Example string
	// Spaced says a name with spaces is usual (a Facebook page, a website's
	// title); handles on the other platforms never have one.
	Spaced bool
}

// Platforms is the fixed list of issue 6, in display order.
var Platforms = []Platform{
	{"instagram", "Instagram", []string{"instagram.com"}, "https://www.instagram.com/dinkes.sukamaju", false},
	{"facebook", "Facebook", []string{"facebook.com"}, "https://www.facebook.com/dinkes.sukamaju", true},
	{"x", "X", []string{"x.com", "twitter.com"}, "https://x.com/dinkes_sukamaju", false},
	{"youtube", "YouTube", []string{"youtube.com"}, "https://www.youtube.com/@dinkessukamaju", false},
	{"tiktok", "TikTok", []string{"tiktok.com"}, "https://www.tiktok.com/@dinkes.sukamaju", false},
	{"website", "Situs web", nil, "https://dinkes.sukamajukab.go.id", true},
}

// PlatformByID finds a platform by its stored id.
func PlatformByID(id string) (Platform, bool) {
	for _, p := range Platforms {
		if p.ID == id {
			return p, true
		}
	}
	return Platform{}, false
}

// PlatformLabel names a platform id for people; unknown ids are returned as they are.
func PlatformLabel(id string) string {
	if p, ok := PlatformByID(id); ok {
		return p.Label
	}
	return id
}

// Limits of an account's fields.
const (
	HandleMax = 100
	URLMax    = 500
)

// AccountInput is an official account as typed into the form.
type AccountInput struct {
	Platform, Handle, URL string
}

// FieldError is one message about one field of a form (the domain's, so the
// store returns these messages as they are in a CodeInvalid error).
type FieldError = domain.FieldError

// ValidateAccount checks an account and returns it normalised (trimmed, the
// address with a lower-case scheme and host) with one message per wrong
// field: "platform", "handle" or "url". The messages say what is wrong and
// how to write it instead.
func ValidateAccount(in AccountInput) (AccountInput, []FieldError) {
	out := AccountInput{Platform: strings.TrimSpace(in.Platform), Handle: strings.TrimSpace(in.Handle), URL: strings.TrimSpace(in.URL)}
	var errs []FieldError
	add := func(field, format string, args ...any) {
		errs = append(errs, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	p, known := PlatformByID(out.Platform)
	if out.Platform == "" {
		add("platform", "Pilih platform akun.")
	} else if !known {
		add("platform", "Platform %s tidak dikenal; pilih Instagram, Facebook, X, YouTube, TikTok, atau situs web.", quote(out.Platform))
	}

	switch n := utf8.RuneCountInString(out.Handle); {
	case n == 0:
		add("handle", "Nama akun wajib diisi.")
	case n > HandleMax:
		add("handle", "Nama akun paling banyak %d karakter; sekarang %d.", HandleMax, n)
	case known && !p.Spaced && strings.IndexFunc(out.Handle, unicode.IsSpace) >= 0:
		add("handle", "Nama akun %s tidak boleh mengandung spasi; tulis seperti di %s, misalnya @dinkes.sukamaju.", p.Label, p.Label)
	}

	if u, msg := checkURL(out.URL, p, known); msg != "" {
		add("url", "%s", msg)
	} else {
		out.URL = u
	}
	return out, errs
}

// checkURL validates an account address and returns it normalised, or a message.
func checkURL(raw string, p Platform, known bool) (string, string) {
	example := "https://www.instagram.com/dinkes.sukamaju"
	if known {
		example = p.Example
	}
	switch n := utf8.RuneCountInString(raw); {
	case n == 0:
		return "", "Alamat akun wajib diisi, misalnya " + example + "."
	case n > URLMax:
		return "", fmt.Sprintf("Alamat akun paling banyak %d karakter; sekarang %d.", URLMax, n)
	}
	if strings.IndexFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return "", fmt.Sprintf("Alamat akun %s bukan URL: URL tidak boleh mengandung spasi. Salin alamatnya langsung dari bilah alamat peramban, misalnya %s.", quote(raw), example)
	}
	if !strings.Contains(raw, "://") {
		if strings.Contains(raw, ".") && !strings.HasPrefix(raw, "@") {
			return "", fmt.Sprintf("Alamat akun %s belum lengkap: awali dengan https://, misalnya %s.", quote(raw), example)
		}
		return "", fmt.Sprintf("Alamat akun %s bukan URL. Tulis alamat lengkap halaman akun, misalnya %s.", quote(raw), example)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Sprintf("Alamat akun %s bukan URL yang dapat dibaca. Tulis alamat lengkap halaman akun, misalnya %s.", quote(raw), example)
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return "", fmt.Sprintf("Alamat akun harus diawali https:// atau http://, bukan %s://; misalnya %s.", u.Scheme, example)
	}
	if u.User != nil {
		return "", "Alamat akun tidak boleh memuat nama pengguna atau kata sandi (bagian sebelum tanda @)."
	}
	host := strings.ToLower(u.Hostname())
	if host == "" {
		return "", fmt.Sprintf("Alamat akun %s tidak memuat nama domain; tulis seperti %s.", quote(raw), example)
	}
	if !validHost(host) {
		return "", fmt.Sprintf("Nama domain %s pada alamat akun tidak valid; nama domain terdiri atas huruf, angka, dan tanda hubung yang dipisah titik, misalnya %s.", quote(host), example)
	}
	if known && len(p.Hosts) > 0 {
		if !onHosts(host, p.Hosts) {
			return "", fmt.Sprintf("Alamat ini bukan alamat %s: domainnya %s, seharusnya %s; misalnya %s.", p.Label, host, strings.Join(p.Hosts, " atau "), p.Example)
		}
		if strings.Trim(u.Path, "/") == "" {
			return "", fmt.Sprintf("Alamat akun harus menunjuk ke halaman akun, bukan halaman depan %s; misalnya %s.", p.Label, p.Example)
		}
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment = ""
	return u.String(), ""
}

// onHosts reports whether host is one of hosts or a subdomain of one (www., m.).
func onHosts(host string, hosts []string) bool {
	for _, h := range hosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// validHost accepts a DNS name with at least one dot (an address on the
// internet, not "localhost"), whose labels are letters, digits and hyphens.
func validHost(host string) bool {
	labels := strings.Split(host, ".")
	if len(labels) < 2 || len(host) > 253 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				return false
			}
		}
	}
	return true
}

// quote puts a value typed by a person in quotation marks for a message,
// shortened so a pasted page of text does not flood the form.
func quote(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return "“" + s + "”"
}
