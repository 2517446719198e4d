package i18n

import (
	"fmt"
	"time"
)

var (
	weekdaysID = []string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
	monthsID   = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
)

// ShortDate writes "16 April 2026" (the same order in both languages).
func ShortDate(l Lang, t time.Time) string {
	if l == EN {
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("%d %s %d", t.Day(), monthsID[t.Month()-1], t.Year())
}

// LongDate writes "Kamis, 16 April 2026" / "Thursday, 16 April 2026".
func LongDate(l Lang, t time.Time) string {
	if l == EN {
		return t.Format("Monday, 2 January 2006")
	}
	return fmt.Sprintf("%s, %d %s %d", weekdaysID[t.Weekday()], t.Day(), monthsID[t.Month()-1], t.Year())
}

// DateTime writes a moment in the zone t carries: "Kamis, 16 April 2026
// pukul 09.00 WIB" / "Thursday, 16 April 2026 at 09:00 WIB".
func DateTime(l Lang, t time.Time) string {
	if l == EN {
		return fmt.Sprintf("%s at %02d:%02d %s", LongDate(l, t), t.Hour(), t.Minute(), t.Format("MST"))
	}
	return fmt.Sprintf("%s pukul %02d.%02d %s", LongDate(l, t), t.Hour(), t.Minute(), t.Format("MST"))
}

// Thousands writes n with the language's thousands separator: 1.582 / 1,582.
func Thousands(l Lang, n int) string {
	sep := "."
	if l == EN {
		sep = ","
	}
	s := fmt.Sprint(n)
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
