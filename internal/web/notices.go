package web

import (
	"time"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/notice"
)

// shownNotice is a notification in words, as the pages list it.
type shownNotice struct {
	notice.Text
	CreatedAt time.Time
	ReadAt    *time.Time
}

// showNotices puts stored notifications into words in language l (internal/notice).
func showNotices(l i18n.Lang, ns []domain.Notification) []shownNotice {
	out := make([]shownNotice, len(ns))
	for i, n := range ns {
		out[i] = shownNotice{Text: notice.Render(n, l), CreatedAt: n.CreatedAt, ReadAt: n.ReadAt}
	}
	return out
}
