package domain

// OutboxMail is a notification to send by e-mail, with its recipient.
type OutboxMail struct {
	Notification
	Email string `db:"email"`
	Name  string `db:"name"`
	// Lang is the recipient's interface language ("" follows the browser,
	// which an e-mail does not have: Indonesian).
	Lang string `db:"lang"`
}
