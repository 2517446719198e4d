package domain

// Rescue is text sent after a session ended, kept for the browser that sent it.
type Rescue struct {
	ID       string // used when the browser has no row for Path yet
	Path     string // the practice item's page
	Headline string
	Body     string
	Browser  string // SHA-256 (hex) of the browser's rescue cookie
	Address  string
}

// RescueOutcome says what became of a rescued text offered back.
type RescueOutcome int

const (
	RescueNone        RescueOutcome = iota // this browser kept nothing for the page
	RescueDrafted                          // it is the draft now
	RescueOlder                            // the draft was saved after it, so it was dropped
	RescueNotEditable                      // the release takes no draft now; the text stays kept
)

// RescueTaken is a rescued text offered back, with the draft it replaced.
type RescueTaken struct {
	Outcome        RescueOutcome
	Headline, Body string
	// The draft before, so the page can tell a browser copy based on it.
	BeforeHeadline, BeforeBody string
}
