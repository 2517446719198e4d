package web

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestKeptModuleListsFollowEachTrainee: two trainees of one cohort at
// different points each see their own item states on the course page, kept
// lists included, and one's progress changes only their own page.
func TestKeptModuleListsFollowEachTrainee(t *testing.T) {
	t.Parallel()
	f := newFixture(t, testkit.SQLite(t))
	f.withCourse()
	co := f.enrollTrainee()
	other, oc := f.newUser(domain.RolePeserta, "peserta.kedua@contoh.go.id", "Peserta Kedua", nil)
	if _, err := f.db.Enroll(context.Background(), nil, co.ID, []int64{other.ID}); err != nil {
		t.Fatal(err)
	}
	c := f.as(domain.RolePeserta)
	lesson1 := `li:has(a[href="` + lessonURL + tcLesson1 + `"])`
	state := func(cl *client) string {
		t.Helper()
		p := cl.get("/kursus/" + tcCourse)
		cls, _ := p.doc.Find(lesson1).Attr("class")
		return cls
	}
	for i := 0; i < 2; i++ { // the second time from the kept lists
		if a, b := state(c), state(oc); a != "item state-belum" || b != a {
			t.Fatalf("view %d before any progress: %q and %q", i, a, b)
		}
	}
	c.get(lessonURL + tcLesson1)
	if p := c.post(lessonURL+tcLesson1+"/selesai", nil); p.status != 303 {
		t.Fatalf("Tandai selesai: %d", p.status)
	}
	for i := 0; i < 2; i++ {
		if a, b := state(c), state(oc); a != "item state-selesai" || b != "item state-belum" {
			t.Fatalf("view %d after the first trainee's lesson: %q and %q", i, a, b)
		}
	}
}

// TestModuleListsBounded: the kept lists stay within their bytes, and the
// lists of a course no longer in the catalog go once another is kept.
func TestModuleListsBounded(t *testing.T) {
	old := &course.Course{ID: "k"}
	cat := &course.Catalog{} // the courses are no catalog's: the first kept goes once another is
	var ml moduleLists
	list := []string{"<section>", "<li>", "</section>"}
	ml.store(cat, old, "id\x00\x00", list)
	if got, ok := ml.load(old, []byte("id\x00\x00")); !ok || strings.Join(got, "") != strings.Join(list, "") {
		t.Fatalf("kept list: %q, %v", got, ok)
	}
	if _, ok := ml.load(old, []byte("id\x00\x01")); ok {
		t.Fatal("a list kept under another signature")
	}
	loaded := &course.Course{ID: "k"}
	for i := 0; i < 2*moduleListBytes/listBytes("id\x00\x00\x00\x00\x00", list); i++ {
		ml.store(cat, loaded, fmt.Sprintf("id\x00%05d", i), list)
		if ml.bytes > moduleListBytes {
			t.Fatalf("after %d lists: %d bytes kept, bound %d", i+1, ml.bytes, moduleListBytes)
		}
	}
	if _, ok := ml.m[old]; ok {
		t.Fatal("the lists of a course no longer in the catalog are kept")
	}
	n := 0
	for _, lists := range ml.m {
		for k, v := range lists {
			n += listBytes(k, v)
		}
	}
	if n != ml.bytes {
		t.Fatalf("counted %d bytes, kept %d", n, ml.bytes)
	}
}
