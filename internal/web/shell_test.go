package web

import (
	"html/template"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestShellWritesWhatTheLayoutWrites opens the pages of every role, in
// Indonesian and English, once written from the page's shell and once by the
// layout template alone, and requires the same bytes.
func TestShellWritesWhatTheLayoutWrites(t *testing.T) {
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	f.enrollTrainee()
	// Each view of the writing page makes a new submit key, each error page has its request id.
	submitKey := regexp.MustCompile(`name="kunci" value="[^"]*"|<code>[A-Za-z0-9]{32}</code>`)
	both := func(name string, get func() page) {
		t.Helper()
		f.srv.fullLayout = true
		want := get()
		f.srv.fullLayout = false
		got := get()
		if got.status != want.status {
			t.Errorf("%s: status %d from the shell, %d from the layout", name, got.status, want.status)
		}
		g, w := submitKey.ReplaceAllString(got.body, "kunci"), submitKey.ReplaceAllString(want.body, "kunci")
		if g != w {
			t.Errorf("%s: the shell wrote\n%s\n\nthe layout\n%s", name, g, w)
		}
	}
	trainee := []string{"/beranda", "/kursus/" + tcCourse, lessonURL + tcLesson1, lessonURL + tcQuiz, lessonURL + tcPractice,
		"/jadwal", "/akun", "/sertifikat", "/tidak-ada"}
	staff := []string{"/beranda", "/kursus/" + tcCourse, lessonURL + tcLesson1, lessonURL + tcQuiz, lessonURL + tcPractice, "/akun", "/tidak-ada"}
	pages := map[domain.Role][]string{domain.RolePeserta: trainee, domain.RoleFasilitator: staff, domain.RoleAdmin: append(staff,
		"/admin/pengguna", "/admin/opd", "/admin/angkatan", "/kepatuhan", "/admin/sertifikat")}
	for _, lang := range []string{"id", "en"} {
		for r, paths := range pages {
			c := f.as(r)
			c.post("/akun/bahasa", url.Values{"bahasa": {lang}})
			for _, p := range paths {
				both(lang+" "+string(r)+" "+p, func() page { return c.get(p) })
			}
			if r == domain.RolePeserta {
				// The lesson once done, and an English one with a token no context leaves as it is.
				both(lang+" lesson, odd token", func() page {
					req, _ := http.NewRequest(http.MethodGet, f.ts.URL+lessonURL+tcLesson2, nil)
					u, _ := url.Parse(f.ts.URL)
					for _, ck := range c.http.Jar.Cookies(u) {
						if ck.Name == SessionCookie {
							req.AddCookie(ck)
						}
					}
					req.AddCookie(&http.Cookie{Name: CSRFCookie, Value: strings.Repeat("a+", 21) + "<"})
					res, err := http.DefaultClient.Do(req)
					if err != nil {
						t.Fatal(err)
					}
					defer res.Body.Close()
					b, _ := io.ReadAll(res.Body)
					if !strings.Contains(string(b), `value="a&#43;a&#43;`) {
						t.Errorf("%s: the odd token is not in the page", lang)
					}
					return page{status: res.StatusCode, body: string(b)}
				})
				c.post(lessonURL+tcLesson1+"/selesai", nil)
				both(lang+" lesson done", func() page { return c.get(lessonURL + tcLesson1) })
				// A draft whose text every context escapes, and the page with a notice.
				p := c.get(lessonURL + tcPractice)
				draft := c.post(lessonURL+tcPractice+"/draf", writeForm(p, `Judul "kutip" & <b>'+' 1 QbimtekValue0x5Q`, "Isi </textarea><script>x</script> & + ' \" QbimtekCSRFHoleQ\n\nparagraf é"))
				if draft.status != http.StatusSeeOther {
					t.Fatalf("saving a draft: status %d", draft.status)
				}
				both(lang+" practice with a draft", func() page { return c.get(lessonURL + tcPractice) })
				both(lang+" practice, draft saved", func() page { return c.get(lessonURL + tcPractice + "?draf=tersimpan") })
			}
			// A page with a flash is written by the layout template.
			both(lang+" "+string(r)+" flash", func() page { return c.get("/akun?bahasa=disimpan") })
			both(lang+" "+string(r)+" refused language", func() page { return c.post("/akun/bahasa", url.Values{"bahasa": {"xx"}}) })
		}
		anon := f.client()
		for _, p := range []string{"/", "/masuk", "/tidak-ada"} {
			both(lang+" anonymous "+p, func() page {
				req, _ := http.NewRequest(http.MethodGet, f.ts.URL+p, nil)
				req.Header.Set("Accept-Language", lang)
				return anon.do(req)
			})
		}
	}
}

// TestEveryPageHasAShell: every page but those with a hole inside a
// condition is written from its shell.
func TestEveryPageHasAShell(t *testing.T) {
	r, err := newRenderer("uji")
	if err != nil {
		t.Fatal(err)
	}
	for l, pages := range r.pages {
		for name := range pages {
			if r.shells[l][name] == nil {
				t.Errorf("%s/%s: no shell", l, name)
			}
		}
	}
}

// TestEscapeTextIsTemplates: escapeText writes a string as html/template
// writes it in text, in a textarea and in a quoted attribute value.
func TestEscapeTextIsTemplates(t *testing.T) {
	tm := template.Must(template.New("x").Parse(`<p>{{.}}</p><textarea>{{.}}</textarea><input value="{{.}}"><a title='{{.}}'>`))
	inputs := []string{"", "plain", `<b>"a" & 'b' + c</b>`, "\x00nul", "é ü 😀", "\xff\xfe invalid", "a\r\nb\tc", "&amp; &#43;", "</textarea><script>"}
	for i := 0; i < 200; i++ {
		b := make([]byte, 1+i%40)
		for j := range b {
			b[j] = byte((i*131 + j*71) % 256)
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		var buf strings.Builder
		if err := tm.Execute(&buf, in); err != nil {
			t.Fatal(err)
		}
		e := escapeText(in)
		if want := "<p>" + e + "</p><textarea>" + e + "</textarea><input value=\"" + e + "\"><a title='" + e + "'>"; buf.String() != want {
			t.Errorf("%q: html/template wrote\n%q\nescapeText\n%q", in, buf.String(), want)
		}
	}
}
