package web

import (
	"fmt"
	"time"
)

// longDate writes a date the way Indonesian readers expect: "Kamis, 16 April 2026".
func longDate(t time.Time) string {
	return fmt.Sprintf("%s, %d %s %d", weekdays[t.Weekday()], t.Day(), months[t.Month()-1], t.Year())
}

// shortDate writes "16 April 2026".
func shortDate(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// WIB is Western Indonesian Time; Indonesia has no daylight saving, so a fixed zone is exact.
var WIB = time.FixedZone("WIB", 7*3600)

// dateTime writes a moment in WIB: "Kamis, 16 April 2026 pukul 09.00 WIB".
func dateTime(t time.Time) string {
	t = t.In(WIB)
	return fmt.Sprintf("%s pukul %02d.%02d WIB", longDate(t), t.Hour(), t.Minute())
}
