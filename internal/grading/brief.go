package grading

import (
	"strings"

	"github.com/bimtek/bimtek/internal/brief"
)

// The facts sheet and its rules live in package brief, which course files
// share without importing the grader; these names keep the grader's API.
type (
	// Brief is a practice's facts sheet with its rules (brief.Brief).
	Brief = brief.Brief
	// Person is someone the release may name (brief.Person).
	Person = brief.Person
	// Figure is a number of the facts sheet (brief.Figure).
	Figure = brief.Figure
	// BriefQuote is a statement a source really made (brief.Quote).
	BriefQuote = brief.Quote
	// BriefError is a problem in a brief, with its line (brief.Error).
	BriefError = brief.Error
	// Requirements are the practice's machine-checkable rules (brief.Requirements).
	Requirements = brief.Requirements
)

// ParseBrief reads a brief from YAML; see brief.Parse.
func ParseBrief(data []byte) (*Brief, error) { return brief.Parse(data) }

func parseIndoNumber(s string) (float64, bool) {
	if spacedThousands(s) {
		s = strings.ReplaceAll(s, " ", "")
	}
	return brief.ParseNumber(s)
}

func formatIndoNumber(v float64) string { return brief.FormatNumber(v) }
