package domain

// OutboxMail is a notification to send by e-mail, with its recipient.
type OutboxMail struct {
	Notification
	Email string `db:"email"`
	Name  string `db:"name"`
}
