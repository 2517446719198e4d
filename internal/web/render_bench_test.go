package web

import (
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/testkit"
)

// BenchmarkRenderLesson measures only the template work of a lesson page.
func BenchmarkRenderLesson(b *testing.B) {
	f := newFixture(b, testkit.SQLite(b))
	co := f.withCourse()
	it := co.Item(tcLesson1)
	u := f.users[domain.RolePeserta]
	v := itemView{learning: learning{Course: co}, Item: it, Module: co.Module(it.ModuleID), Next: co.Next(it)}
	v.ItemURL, v.ItemState, v.ItemStateLabel = "/kursus/x/materi/y", "sedang", "Sedang dipelajari"
	parts, err := f.srv.itemPartsOf(i18n.ID, v)
	if err != nil {
		b.Fatal(err)
	}
	v.Head, v.Pager = parts.head, parts.pager
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec := httptest.NewRecorder()
		c := f.srv.e.NewContext(httptest.NewRequest("GET", "/x", nil), rec)
		c.Set(ctxUser, &u)
		c.Set(ctxCSRF, "token")
		if err := f.srv.render(c, 200, "lesson", &v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLessonHandler measures the whole server side of a logged-in
// lesson view (middleware, queries, template) without the network.
func BenchmarkLessonHandler(b *testing.B) {
	f := newFixture(b, testkit.SQLite(b))
	f.withCourse()
	f.enrollTrainee()
	c := f.as(domain.RolePeserta)
	u, _ := url.Parse(f.ts.URL)
	cookies := c.http.Jar.Cookies(u)
	h := f.srv.Handler()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("GET", lessonURL+tcLesson1, nil)
		for _, ck := range cookies {
			req.AddCookie(ck)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

// BenchmarkBerandaHandler measures the server side of the trainee Beranda without the network.
func BenchmarkBerandaHandler(b *testing.B) {
	f := newFixture(b, testkit.SQLite(b))
	f.withCourse()
	f.enrollTrainee()
	c := f.as(domain.RolePeserta)
	u, _ := url.Parse(f.ts.URL)
	cookies := c.http.Jar.Cookies(u)
	h := f.srv.Handler()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("GET", "/beranda", nil)
		for _, ck := range cookies {
			req.AddCookie(ck)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
