package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/testkit"
)

// The notification centre's store: pages newest first, unread counted,
// marking one read is idempotent and only for its owner (also when sent
// several times at once), and "mark all" stops at the newest one shown.
func TestNotificationCentreStore(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := setupCertificates(t, db)
		u, _ := s.trainee(t)
		other, _ := s.trainee(t)
		for i := 1; i <= 5; i++ {
			if err := db.Notify(ctx, u.ID, domain.NoticeSubmissionApproved, domain.NoticeParams{SubmissionID: int64(i), ItemTitle: "Rilis", Score: 80}); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.Notify(ctx, other.ID, domain.NoticeSubmissionApproved, domain.NoticeParams{SubmissionID: 9, ItemTitle: "Rilis", Score: 80}); err != nil {
			t.Fatal(err)
		}
		unread := func(want int) {
			t.Helper()
			if n, err := db.CountUnread(ctx, u.ID); err != nil || n != want {
				t.Fatalf("unread = %d (%v), want %d", n, err, want)
			}
		}
		unread(5)
		if n, err := db.CountNotifications(ctx, u.ID); err != nil || n != 5 {
			t.Fatalf("total = %d (%v)", n, err)
		}
		page1, err := db.NotificationsPage(ctx, u.ID, 2, 0)
		if err != nil {
			t.Fatal(err)
		}
		page3, err := db.NotificationsPage(ctx, u.ID, 2, 4)
		if err != nil {
			t.Fatal(err)
		}
		if len(page1) != 2 || len(page3) != 1 || page1[0].Params.SubmissionID != 5 || page3[0].Params.SubmissionID != 1 {
			t.Fatalf("pages: %+v / %+v", page1, page3)
		}
		errs := atOnce(5, func(int) error { return db.MarkNotificationRead(ctx, u.ID, page1[0].ID) })
		for _, err := range errs {
			if err != nil {
				t.Fatalf("marking one read five times at once: %v", err)
			}
		}
		unread(4)
		theirs, err := db.NotificationsPage(ctx, other.ID, 1, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.MarkNotificationRead(ctx, u.ID, theirs[0].ID); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("marking another's notification: %v", err)
		}
		if n, _ := db.CountUnread(ctx, other.ID); n != 1 {
			t.Fatal("another user's notification was marked")
		}
		// One arrives after the page was shown: "mark all" leaves it unread.
		shownNewest := page1[0].ID
		if err := db.Notify(ctx, u.ID, domain.NoticeCertificateIssued, domain.NoticeParams{CertificateID: 1, Number: "BMT/2026/UJI/1", CourseTitle: "Kursus"}); err != nil {
			t.Fatal(err)
		}
		if n, err := db.MarkNotificationsReadUpTo(ctx, u.ID, shownNewest); err != nil || n != 4 {
			t.Fatalf("mark all: %d (%v), want 4", n, err)
		}
		unread(1)
		if n, _ := db.CountNotifications(ctx, u.ID); n != 6 {
			t.Fatalf("%d notifications after marking, want all 6 kept", n)
		}
	})
}
