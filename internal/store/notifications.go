package store

import (
	"context"
	"fmt"

	"github.com/bimtek/bimtek/internal/domain"
)

// UnreadCap bounds the unread count a page shows ("99+"); counting further
// would only cost time.
const UnreadCap = 100

// CountUnread counts a user's unread notifications, at most UnreadCap.
func (db *DB) CountUnread(ctx context.Context, userID int64) (int, error) {
	var n int
	err := db.r.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM (SELECT 1 FROM notifications WHERE user_id = ? AND read_at IS NULL LIMIT ?) AS u`),
		userID, UnreadCap)
	if err != nil {
		return 0, fmt.Errorf("menghitung pemberitahuan yang belum dibaca: %w", err)
	}
	return n, nil
}

// CountNotifications counts every notification of a user.
func (db *DB) CountNotifications(ctx context.Context, userID int64) (int, error) {
	var n int
	if err := db.r.GetContext(ctx, &n, db.q(`SELECT COUNT(*) FROM notifications WHERE user_id = ?`), userID); err != nil {
		return 0, fmt.Errorf("menghitung pemberitahuan: %w", err)
	}
	return n, nil
}

// NotificationsPage lists one page of a user's notifications, newest first.
func (db *DB) NotificationsPage(ctx context.Context, userID int64, limit, offset int) ([]domain.Notification, error) {
	var out []domain.Notification
	err := db.r.SelectContext(ctx, &out, db.q(`SELECT * FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`), userID, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("membaca pemberitahuan: %w", err)
	}
	return out, nil
}

// MarkNotificationRead marks one of the user's notifications read. Marking
// it again changes nothing (the first time stays); another user's
// notification is ErrNotFound.
func (db *DB) MarkNotificationRead(ctx context.Context, userID, id int64) error {
	res, err := db.w.ExecContext(ctx, db.q(`UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL`), now(), id, userID)
	if err != nil {
		return fmt.Errorf("menandai pemberitahuan: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 1 {
		return nil
	}
	var mine int
	if err := db.r.GetContext(ctx, &mine, db.q(`SELECT COUNT(*) FROM notifications WHERE id = ? AND user_id = ?`), id, userID); err != nil {
		return fmt.Errorf("memeriksa pemberitahuan: %w", err)
	}
	if mine == 0 {
		return errNotFound
	}
	return nil
}

// MarkNotificationsReadUpTo marks the user's notifications up to id read:
// those the page showed, not one that arrived since.
func (db *DB) MarkNotificationsReadUpTo(ctx context.Context, userID, upTo int64) (int64, error) {
	res, err := db.w.ExecContext(ctx, db.q(`UPDATE notifications SET read_at = ? WHERE user_id = ? AND id <= ? AND read_at IS NULL`), now(), userID, upTo)
	if err != nil {
		return 0, fmt.Errorf("menandai pemberitahuan: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}
