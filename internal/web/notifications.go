package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// The notification centre: every notification of the user, newest first,
// paged, read or not; marking read is an explicit POST followed by a
// redirect, so nothing disappears because it was seen once.

// noticePageSize is how many notifications one page lists.
const noticePageSize = 20

func (s *Server) noticeRoutes() []route {
	return []route{
		{http.MethodGet, "/pemberitahuan", loggedIn, s.noticeCentre},
		{http.MethodPost, "/pemberitahuan/:id/dibaca", loggedIn, s.markNoticeRead},
		{http.MethodPost, "/pemberitahuan/dibaca", loggedIn, s.markNoticesRead},
	}
}

// centreNotice is one line of the centre.
type centreNotice struct {
	shownNotice
	ID     int64
	Anchor string
}

type noticeCentreView struct {
	Notices []centreNotice
	Page    Page
	Unread  int
	Newest  int64 // the newest id shown on the first page: "mark all" stops there
}

func (s *Server) noticeCentre(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	total, err := s.db.CountNotifications(ctx, u.ID)
	if err != nil {
		return err
	}
	v := noticeCentreView{Page: repage(newPage(c, noticePageSize, total), "/pemberitahuan")}
	ns, err := s.db.NotificationsPage(ctx, u.ID, v.Page.Size, v.Page.Offset())
	if err != nil {
		return err
	}
	shown := showNotices(langOf(c), ns)
	for i, n := range ns {
		v.Notices = append(v.Notices, centreNotice{shownNotice: shown[i], ID: n.ID, Anchor: fmt.Sprintf("pemberitahuan-%d", n.ID)})
		if n.ID > v.Newest {
			v.Newest = n.ID
		}
	}
	if v.Page.Number > 1 {
		// "Mark all" is offered on every page, up to the newest notification there is.
		newest, err := s.db.NotificationsPage(ctx, u.ID, 1, 0)
		if err != nil {
			return err
		}
		if len(newest) == 1 {
			v.Newest = newest[0].ID
		}
	}
	if v.Unread, err = s.unreadCount(ctx, u.ID); err != nil {
		return err
	}
	switch c.QueryParam("pesan") {
	case "dibaca":
		c.Set(ctxFlash, "Pemberitahuan ditandai sudah dibaca.")
	case "semua":
		c.Set(ctxFlash, "Semua pemberitahuan ditandai sudah dibaca.")
	}
	return s.render(c, http.StatusOK, "notices", v)
}

// back is where a mark sends the browser: the same page of the centre, at the message.
func noticeBack(c echo.Context, msg string) string {
	page := 1
	if n, err := strconv.Atoi(c.FormValue("halaman")); err == nil && n > 1 {
		page = n
	}
	return fmt.Sprintf("/pemberitahuan?halaman=%d&pesan=%s#pesan", page, msg)
}

func (s *Server) markNoticeRead(c echo.Context) error {
	id, ok := atoi64(c.Param("id"))
	if !ok {
		return domain.ErrNotFound
	}
	if err := s.db.MarkNotificationRead(c.Request().Context(), currentUser(c).ID, id); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, noticeBack(c, "dibaca"))
}

func (s *Server) markNoticesRead(c echo.Context) error {
	upTo, ok := atoi64(c.FormValue("sampai"))
	if !ok {
		return domain.Errorf(domain.CodeInvalid, "formulir tidak lengkap; muat ulang halaman pemberitahuan lalu coba lagi")
	}
	if _, err := s.db.MarkNotificationsReadUpTo(c.Request().Context(), currentUser(c).ID, upTo); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, noticeBack(c, "semua"))
}

// unreadCount is the user's unread notifications, kept until their data changes.
func (s *Server) unreadCount(ctx context.Context, userID int64) (int, error) {
	now := s.cfg.Now()
	if n, ok := s.trainees.unread.Get(userID, now); ok {
		return n, nil
	}
	st := s.trainees.unread.Stamp()
	n, err := s.db.CountUnread(ctx, userID)
	if err != nil {
		return 0, err
	}
	s.trainees.unread.Put(userID, userID, n, st, now)
	return n, nil
}

// noticeNav is the navigation's link to the centre with the unread count.
func (s *Server) noticeNav(ctx context.Context, u *domain.User) NavItem {
	item := NavItem{Label: "Pemberitahuan", Href: "/pemberitahuan"}
	n, err := s.unreadCount(ctx, u.ID)
	if err != nil {
		s.log.Warn("menghitung pemberitahuan yang belum dibaca gagal", "err", err)
		return item
	}
	switch {
	case n >= store.UnreadCap:
		item.Label = fmt.Sprintf("Pemberitahuan (%d+)", store.UnreadCap-1)
	case n > 0:
		item.Label = fmt.Sprintf("Pemberitahuan (%d)", n)
	}
	return item
}
