package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

func navNotices(p page) string {
	return strings.TrimSpace(p.doc.Find(`nav a[href="/pemberitahuan"]`).Text())
}

// The notification centre lists every notification, newest first, 20 a
// page; the navigation counts the unread ones; marking read is a POST that
// redirects back, and nothing vanishes because it was seen or marked.
func TestNotificationCentre(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		trainee := f.users[domain.RolePeserta]
		for i := 1; i <= 25; i++ {
			if err := db.Notify(ctx, trainee.ID, domain.NoticeSubmissionReturned, domain.NoticeParams{SubmissionID: int64(i), ItemTitle: fmt.Sprintf("Rilis %d", i), Score: 60}); err != nil {
				t.Fatal(err)
			}
		}
		c := f.as(domain.RolePeserta)
		if got := navNotices(c.get("/beranda")); got != "Pemberitahuan (25)" {
			t.Fatalf("navigation: %q", got)
		}
		p := c.get("/pemberitahuan")
		items := p.doc.Find(".notice-centre > li")
		if p.status != http.StatusOK || items.Length() != 20 || !strings.Contains(items.First().Text(), "Rilis 25") || !strings.Contains(items.Last().Text(), "Rilis 6") {
			t.Fatalf("page 1: %d, %d items, first %q", p.status, items.Length(), items.First().Text())
		}
		if p.doc.Find(".notice-centre .unread").Length() != 20 || !strings.Contains(p.text(".lead"), "Ada 25 pemberitahuan yang belum dibaca") {
			t.Fatalf("unread marks: %d, %q", p.doc.Find(".notice-centre .unread").Length(), p.text(".lead"))
		}
		p2 := c.get("/pemberitahuan?halaman=2")
		if n := p2.doc.Find(".notice-centre > li").Length(); n != 5 || !strings.Contains(p2.doc.Find(".notice-centre > li").Last().Text(), "Rilis 1") {
			t.Fatalf("page 2: %d items", n)
		}
		// Mark one read on page 2: back to page 2 at the message, still listed.
		id := strings.TrimPrefix(p2.doc.Find(".notice-centre > li").First().AttrOr("id", ""), "pemberitahuan-")
		r := c.post("/pemberitahuan/"+id+"/dibaca", url.Values{"halaman": {"2"}})
		if r.status != http.StatusSeeOther || r.header.Get("Location") != "/pemberitahuan?halaman=2&pesan=dibaca#pesan" {
			t.Fatalf("mark read: %d %q", r.status, r.header.Get("Location"))
		}
		p2 = c.get("/pemberitahuan?halaman=2&pesan=dibaca")
		first := p2.doc.Find(".notice-centre > li").First()
		if p2.text(".flash") != "Pemberitahuan ditandai sudah dibaca." || !strings.Contains(first.Text(), "Sudah dibaca") || p2.doc.Find(".notice-centre > li").Length() != 5 {
			t.Fatalf("after marking: flash %q, first %q", p2.text(".flash"), first.Text())
		}
		if got := navNotices(p2); got != "Pemberitahuan (24)" {
			t.Fatalf("navigation after marking one: %q", got)
		}
		// Marking it again changes nothing; another user's notification is not found.
		if r := c.post("/pemberitahuan/"+id+"/dibaca", nil); r.status != http.StatusSeeOther {
			t.Fatalf("marking again: %d", r.status)
		}
		if r := f.as(domain.RoleFasilitator).post("/pemberitahuan/"+id+"/dibaca", nil); r.status != http.StatusNotFound {
			t.Fatalf("another user's notification: %d", r.status)
		}
		// "Mark all" covers what the page showed, not what arrived since.
		p = c.get("/pemberitahuan")
		upTo := p.doc.Find(`input[name=sampai]`).AttrOr("value", "")
		if err := db.Notify(ctx, trainee.ID, domain.NoticeSubmissionApproved, domain.NoticeParams{SubmissionID: 26, ItemTitle: "Rilis 26", Score: 85}); err != nil {
			t.Fatal(err)
		}
		if r := c.post("/pemberitahuan/dibaca", url.Values{"sampai": {upTo}}); r.status != http.StatusSeeOther {
			t.Fatalf("mark all: %d", r.status)
		}
		p = c.get("/pemberitahuan")
		if got := navNotices(p); got != "Pemberitahuan (1)" || p.doc.Find(".notice-centre > li").Length() != 20 ||
			!strings.Contains(p.doc.Find(".notice-centre .unread").Text(), "Rilis 26") {
			t.Fatalf("after mark all: nav %q, unread %q", got, p.doc.Find(".notice-centre .unread").Text())
		}
		if r := c.post("/pemberitahuan/dibaca", nil); r.status != http.StatusUnprocessableEntity && r.status != http.StatusBadRequest {
			t.Fatalf("mark all without its form: %d", r.status)
		}
	})
}

// A facilitator's notices stay on the review queue until marked read.
func TestQueueNoticesStayUntilMarked(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		fac := f.users[domain.RoleFasilitator]
		if err := db.Notify(context.Background(), fac.ID, domain.NoticeSubmissionSent, domain.NoticeParams{SubmissionID: 1, Version: 1, Trainee: "Uji Peserta", ItemTitle: "Rilis"}); err != nil {
			t.Fatal(err)
		}
		c := f.as(domain.RoleFasilitator)
		for view := 1; view <= 2; view++ {
			if p := c.get("/penilaian"); !strings.Contains(p.text(".notices"), "Uji Peserta") || navNotices(p) != "Pemberitahuan (1)" {
				t.Fatalf("view %d: notices %q, nav %q", view, p.text(".notices"), navNotices(p))
			}
		}
	})
}
