package compliance

import (
	"strings"
	"testing"
)

func TestValidateAccountAcceptsAndNormalises(t *testing.T) {
	cases := []struct {
		in      AccountInput
		wantURL string
	}{
		{AccountInput{"instagram", " @dinkes.sukamaju ", " HTTPS://WWW.Instagram.com/dinkes.sukamaju/ "}, "https://www.instagram.com/dinkes.sukamaju/"},
		{AccountInput{"facebook", "Dinkes Sukamaju", "https://m.facebook.com/dinkes.sukamaju"}, "https://m.facebook.com/dinkes.sukamaju"},
		{AccountInput{"x", "@dinkes_sukamaju", "https://twitter.com/dinkes_sukamaju"}, "https://twitter.com/dinkes_sukamaju"},
		{AccountInput{"x", "@dinkes_sukamaju", "https://x.com/dinkes_sukamaju#top"}, "https://x.com/dinkes_sukamaju"},
		{AccountInput{"youtube", "@dinkessukamaju", "https://www.youtube.com/@dinkessukamaju"}, "https://www.youtube.com/@dinkessukamaju"},
		{AccountInput{"tiktok", "@dinkes.sukamaju", "http://tiktok.com/@dinkes.sukamaju"}, "http://tiktok.com/@dinkes.sukamaju"},
		{AccountInput{"website", "Situs Dinas Kesehatan", "https://dinkes.sukamajukab.go.id"}, "https://dinkes.sukamajukab.go.id"},
	}
	for _, tc := range cases {
		got, errs := ValidateAccount(tc.in)
		if len(errs) > 0 {
			t.Errorf("%+v refused: %v", tc.in, errs)
			continue
		}
		if got.URL != tc.wantURL || got.Handle != strings.TrimSpace(tc.in.Handle) {
			t.Errorf("%+v → %+v, want url %q", tc.in, got, tc.wantURL)
		}
	}
}

func TestValidateAccountRefusesWithPreciseMessages(t *testing.T) {
	cases := []struct {
		name  string
		in    AccountInput
		field string
		want  string
	}{
		{"no platform", AccountInput{"", "@a", "https://instagram.com/a"}, "platform", "Pilih platform akun."},
		{"unknown platform", AccountInput{"friendster", "@a", "https://instagram.com/a"}, "platform", "Platform “friendster” tidak dikenal"},
		{"no handle", AccountInput{"instagram", " ", "https://instagram.com/a"}, "handle", "Nama akun wajib diisi."},
		{"handle with spaces", AccountInput{"instagram", "dinkes sukamaju", "https://instagram.com/a"}, "handle", "tidak boleh mengandung spasi"},
		{"handle too long", AccountInput{"website", strings.Repeat("a", HandleMax+1), "https://a.go.id"}, "handle", "paling banyak 100 karakter; sekarang 101"},
		{"no url", AccountInput{"instagram", "@a", ""}, "url", "Alamat akun wajib diisi, misalnya https://www.instagram.com/dinkes.sukamaju."},
		{"not a url", AccountInput{"instagram", "@a", "akun instagram kami"}, "url", "Alamat akun “akun instagram kami” bukan URL: URL tidak boleh mengandung spasi"},
		{"a word", AccountInput{"instagram", "@a", "dinkessukamaju"}, "url", "Alamat akun “dinkessukamaju” bukan URL. Tulis alamat lengkap halaman akun"},
		{"a handle in the url field", AccountInput{"instagram", "@a", "@dinkes.sukamaju"}, "url", "bukan URL"},
		{"no scheme", AccountInput{"instagram", "@a", "instagram.com/dinkes"}, "url", "belum lengkap: awali dengan https://"},
		{"other scheme", AccountInput{"website", "situs", "ftp://dinkes.go.id/x"}, "url", "bukan ftp://"},
		{"javascript", AccountInput{"website", "situs", "javascript://alert(1)"}, "url", "bukan javascript://"},
		{"no host", AccountInput{"website", "situs", "https:///jalan"}, "url", "tidak memuat nama domain"},
		{"bad host", AccountInput{"website", "situs", "https://dinkes_sukamaju.go.id"}, "url", "Nama domain “dinkes_sukamaju.go.id” pada alamat akun tidak valid"},
		{"localhost", AccountInput{"website", "situs", "http://localhost:8080/"}, "url", "tidak valid"},
		{"credentials", AccountInput{"website", "situs", "https://admin:rahasia@dinkes.go.id"}, "url", "tidak boleh memuat nama pengguna atau kata sandi"},
		{"wrong platform", AccountInput{"instagram", "@a", "https://www.facebook.com/dinkes"}, "url", "Alamat ini bukan alamat Instagram: domainnya www.facebook.com, seharusnya instagram.com"},
		{"look-alike domain", AccountInput{"instagram", "@a", "https://instagram.com.penipu.id/dinkes"}, "url", "bukan alamat Instagram"},
		{"x or twitter", AccountInput{"x", "@a", "https://mastodon.social/@dinkes"}, "url", "seharusnya x.com atau twitter.com"},
		{"front page only", AccountInput{"youtube", "@a", "https://www.youtube.com/"}, "url", "bukan halaman depan YouTube"},
		{"too long", AccountInput{"website", "situs", "https://a.go.id/" + strings.Repeat("x", URLMax)}, "url", "paling banyak 500 karakter"},
		{"unparseable", AccountInput{"website", "situs", "https://dinkes.go.id:port/"}, "url", "bukan URL yang dapat dibaca"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := ValidateAccount(tc.in)
			var msg string
			for _, e := range errs {
				if e.Field == tc.field {
					msg = e.Message
				}
			}
			if !strings.Contains(msg, tc.want) {
				t.Fatalf("message on %s = %q, want it to contain %q (all: %v)", tc.field, msg, tc.want, errs)
			}
			if len(errs) != 1 {
				t.Errorf("want exactly one error, got %v", errs)
			}
		})
	}
}

func TestQuoteShortensPastedText(t *testing.T) {
	if got := quote(strings.Repeat("á", 100)); got != "“"+strings.Repeat("á", 60)+"…”" {
		t.Fatalf("quote = %q", got)
	}
}

func TestPlatformsMatchTheSchema(t *testing.T) {
	// The migration's CHECK lists exactly these ids.
	var ids []string
	for _, p := range Platforms {
		ids = append(ids, p.ID)
	}
	if got := strings.Join(ids, ","); got != "instagram,facebook,x,youtube,tiktok,website" {
		t.Fatalf("platform ids %s", got)
	}
	if PlatformLabel("x") != "X" || PlatformLabel("website") != "Situs web" || PlatformLabel("lain") != "lain" {
		t.Fatal("platform labels")
	}
}
