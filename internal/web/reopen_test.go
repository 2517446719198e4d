package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/notice"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// TestFacilitatorReopensRejection: a facilitator takes back a "Tolak" after
// the trainee's attempts ran out. It needs a reason and "Saya yakin"; then
// the release is Dikembalikan again with one attempt given back, audited,
// and the trainee is told and revises the last text on the writing page
// beside the facilitator's words, and sends it. A refresh of the POST
// changes nothing more; a trainee cannot reopen. Both engines.
func TestFacilitatorReopensRejection(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		ctx := context.Background()
		fac := rc.as(domain.RoleFasilitator)
		trainee := rc.as(domain.RolePeserta)
		reject := func() {
			t.Helper()
			if r := rc.decide(fac, map[string]string{"decision": "rejected", "umum": "Angka peserta tidak sesuai lembar fakta.", "yakin-tolak": "1"}); r.status != http.StatusSeeOther {
				t.Fatalf("reject: %d %q", r.status, squash(r, ".error-summary"))
			}
		}
		// Three versions, three rejections: no attempt is left.
		reject()
		for range 2 {
			if r := trainee.post(practiceURL+"/mulai-lagi", nil); r.status != http.StatusSeeOther {
				t.Fatalf("restart: %d", r.status)
			}
			rc.send(rc.users[domain.RolePeserta], rvHeadline, rvBody)
			reject()
		}
		if s, _ := db.Submission(ctx, rc.sub.ID); s.State != domain.SubRejected || s.Versions != 3 {
			t.Fatalf("before reopening: %s, %d versions", s.State, s.Versions)
		}
		reopen := rc.url("/buka-kembali")
		p := fac.get(rc.url(""))
		form := p.doc.Find(`#buka-kembali form[action="` + reopen + `#buka-kembali"]`)
		if form.Length() != 1 || form.Find("input[type=checkbox][name=yakin]").Length() != 1 || !strings.Contains(squash(p, "#buka-akibat"), "satu kesempatan tambahan") {
			t.Fatalf("no reopen form with its consequence: %q", squash(p, "#buka-kembali"))
		}
		lock := form.Find("input[name=lock_version]").AttrOr("value", "")
		// Without a reason and "Saya yakin": nothing happens, the form stays open.
		r := fac.post(reopen, url.Values{"lock_version": {lock}})
		if r.status != http.StatusUnprocessableEntity || r.doc.Find("details#buka-kembali[open]").Length() != 1 ||
			!strings.Contains(squash(r, "#buka-kembali .error-summary"), "Saya yakin") || !strings.Contains(squash(r, "#buka-kembali .error-summary"), "alasan") {
			t.Fatalf("unconfirmed reopen: %d %q", r.status, squash(r, "#buka-kembali"))
		}
		r = fac.post(reopen, url.Values{"lock_version": {lock}, "alasan": {"Angka pesertanya ternyata benar."}})
		if r.status != http.StatusUnprocessableEntity || r.doc.Find("#buka-alasan").Text() != "Angka pesertanya ternyata benar." {
			t.Fatalf("reopen without Saya yakin: %d, reason kept %q", r.status, r.doc.Find("#buka-alasan").Text())
		}
		if s, _ := db.Submission(ctx, rc.sub.ID); s.State != domain.SubRejected {
			t.Fatalf("an unconfirmed reopen changed the state to %s", s.State)
		}
		// A trainee cannot reopen their own rejection.
		if r := trainee.post(reopen, url.Values{"lock_version": {lock}, "alasan": {"Tolong"}, "yakin": {"1"}}); r.status != http.StatusForbidden {
			t.Fatalf("trainee reopening: %d", r.status)
		}
		confirmedForm := url.Values{"lock_version": {lock}, "alasan": {"Angka pesertanya ternyata benar."}, "yakin": {"1"}}
		r = fac.post(reopen, confirmedForm)
		if r.status != http.StatusSeeOther || r.header.Get("Location") != rc.url("?pesan=dibuka") {
			t.Fatalf("reopen: %d %q %q", r.status, r.header.Get("Location"), squash(r, ".error-summary"))
		}
		if msg := fac.get(rc.url("?pesan=dibuka")).text(".flash"); !strings.Contains(msg, "dibuka kembali") {
			t.Errorf("flash: %q", msg)
		}
		s, err := db.Submission(ctx, rc.sub.ID)
		if err != nil || s.State != domain.SubReturned || s.ExtraAttempts != 1 || s.Versions != 3 {
			t.Fatalf("after reopening: %+v %v", s, err)
		}
		audit, err := db.AuditFor(ctx, "submission", rc.url("")[len("/penilaian/"):], 5)
		if err != nil || len(audit) == 0 || audit[0].Action != "submission.reopen" || audit[0].Reason != "Angka pesertanya ternyata benar." {
			t.Fatalf("audit: %+v %v", audit, err)
		}
		// A refresh of the POST changes nothing more and tells nobody again.
		if r := fac.post(reopen, confirmedForm); r.status != http.StatusSeeOther {
			t.Fatalf("reopen again: %d", r.status)
		}
		ns, err := db.Notifications(ctx, rc.users[domain.RolePeserta].ID, 50)
		if err != nil {
			t.Fatal(err)
		}
		var told []string
		for _, n := range ns {
			if n.Kind == domain.NoticeSubmissionReopened {
				told = append(told, notice.Render(n, i18n.ID).Message)
			}
		}
		if len(told) != 1 || !strings.Contains(told[0], "dibuka kembali") || !strings.Contains(told[0], "Alasan: Angka pesertanya ternyata benar.") {
			t.Fatalf("the trainee was told %v", told)
		}
		if s2, _ := db.Submission(ctx, rc.sub.ID); s2.ExtraAttempts != 1 {
			t.Fatalf("a second reopen gave another attempt: %d", s2.ExtraAttempts)
		}
		// The trainee revises on the writing page, beside the facilitator's words.
		page := trainee.get(practiceURL)
		next := squash(page, "#langkah-berikutnya")
		if !strings.Contains(next, "Fasilitator membuka kembali rilis ini") || !strings.Contains(next, "sisa kesempatan mengirim: 1") {
			t.Errorf("next step: %q", next)
		}
		if !strings.Contains(squash(page, "#catatan-fasilitator"), "Angka peserta tidak sesuai lembar fakta.") {
			t.Error("the facilitator's words are not on the writing page")
		}
		// The reopen is the current word, with who, when and why; the
		// rejection is shown only as the earlier decision, not in red.
		card := squash(page, "#catatan-fasilitator")
		if page.doc.Find("#catatan-fasilitator.feedback-rejected").Length() != 0 || strings.Contains(card, "Keputusan: Ditolak") {
			t.Errorf("the reopened release still shows the rejection as the decision: %q", card)
		}
		for _, want := range []string{"Dibuka kembali oleh Uji Fasilitator", "Angka pesertanya ternyata benar.", "Keputusan sebelumnya, yang sudah dibuka kembali: Ditolak"} {
			if !strings.Contains(card, want) {
				t.Errorf("writing page lacks %q: %q", want, card)
			}
		}
		if page.doc.Find("#isi[readonly]").Length() != 0 || page.doc.Find("#kirim").Length() != 1 || page.doc.Find(`form[action$="/mulai-lagi"]`).Length() != 0 {
			t.Fatal("the reopened text is not editable with \"Kirim rilis\"")
		}
		r = trainee.post(practiceURL+"/kirim", writeForm(page, rvHeadline, rvBody+"\n\nRevisi sesuai catatan fasilitator."))
		if r.status != http.StatusSeeOther || !strings.HasSuffix(strings.SplitN(r.header.Get("Location"), "?", 2)[0], "/versi/4") {
			t.Fatalf("send after reopening: %d %q %q", r.status, r.header.Get("Location"), squash(r, ".error-summary"))
		}
		if s, _ := db.Submission(ctx, rc.sub.ID); s.State != domain.SubSubmitted || s.Versions != 4 {
			t.Fatalf("after sending: %s, %d versions", s.State, s.Versions)
		}
		// Rejected again: the checklist counts the attempt given back (4 of 4, not 4 of 3).
		reject()
		if notes := trainee.get("/beranda").text(".checklist"); !strings.Contains(notes, "(4 dari 4)") {
			t.Errorf("checklist after the given-back attempt was used: %q", notes)
		}
	})
}

// TestReturningTheLastAttemptGivesOneBack: "Kembalikan untuk revisi" asks
// for a revised text, so on the last attempt it gives one back (the review
// page says so beforehand), audited, and the trainee can send the revision;
// returns with attempts left give nothing. Both engines.
func TestReturningTheLastAttemptGivesOneBack(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		rc := newReviewCase(t, db)
		ctx := context.Background()
		fac := rc.as(domain.RoleFasilitator)
		ret := func(wantHint bool) {
			t.Helper()
			p := fac.get(rc.url(""))
			if got := p.doc.Find("#kembalikan-akibat").Length() == 1; got != wantHint {
				t.Fatalf("hint about the attempt given back shown %v, want %v: %q", got, wantHint, squash(p, "#keputusan"))
			}
			if r := rc.decide(fac, map[string]string{"decision": "returned", "umum": "Perbaiki angka pesertanya."}); r.status != http.StatusSeeOther {
				t.Fatalf("return: %d %q", r.status, squash(r, ".error-summary"))
			}
		}
		ret(false)
		rc.send(rc.users[domain.RolePeserta], rvHeadline, rvBody)
		ret(false)
		rc.send(rc.users[domain.RolePeserta], rvHeadline, rvBody)
		if s, _ := db.Submission(ctx, rc.sub.ID); s.Versions != 3 || s.ExtraAttempts != 0 || s.AttemptsLeft(3) != 0 {
			t.Fatalf("before the last return: %d versions, %d extra", s.Versions, s.ExtraAttempts)
		}
		ret(true)
		s, err := db.Submission(ctx, rc.sub.ID)
		if err != nil {
			t.Fatal(err)
		}
		if s.State != domain.SubReturned || s.ExtraAttempts != 1 || s.AttemptsLeft(3) != 1 {
			t.Fatalf("after returning the last attempt: %s, %d extra, %d left", s.State, s.ExtraAttempts, s.AttemptsLeft(3))
		}
		trainee := rc.as(domain.RolePeserta)
		if p := trainee.get(practiceURL); !strings.Contains(squash(p, ".next-step"), "sisa kesempatan mengirim: 1") {
			t.Errorf("the trainee is not told one attempt is left: %q", squash(p, ".next-step"))
		}
		if _, v, _ := rc.send(rc.users[domain.RolePeserta], rvHeadline, rvBody); v.Number != 4 {
			t.Fatalf("the revision is version %d, want 4", v.Number)
		}
		audit, err := db.AuditFor(ctx, "submission", rc.url("")[len("/penilaian/"):], 10)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, a := range audit {
			found = found || a.Action == "review.decide" && strings.Contains(a.AfterJSON, `"extra_attempts":1`)
		}
		if !found {
			t.Error("the attempt given back is not in the audit log")
		}
	})
}
