package web

import (
	"net/http/httptest"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store/storetest"
)

// BenchmarkRenderLesson measures only the template work of a lesson page.
func BenchmarkRenderLesson(b *testing.B) {
	f := newFixture(b, storetest.SQLite(b))
	co := f.withCourse()
	it := co.Item(tcLesson1)
	u := f.users[domain.RolePeserta]
	v := itemView{learning: learning{Course: co, States: map[string]string{}}, Item: it, Module: co.Module(it.ModuleID), Next: co.Next(it)}
	v.ItemURL, v.ItemState, v.ItemStateLabel = "/kursus/x/materi/y", "sedang", "Sedang"
	v.Head, _ = f.srv.fragment("bench", "item_head", v)
	v.Pager, _ = f.srv.fragment("bench", "item_pager", v)
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
