package i18n

import (
	"fmt"
	"regexp"
	"strings"
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

var (
	weekdaysEN  = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	dateWordsRe = regexp.MustCompile(`\b(Minggu|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)\b`)
	clockRe     = regexp.MustCompile(`\bpukul (\d{2})\.(\d{2})(?:–(\d{2})\.(\d{2}))?`)
)

// DateText puts a date Go wrote in Indonesian (ShortDate, LongDate,
// DateTime, a range "16 April 2026 s.d. 30 April 2026", a session's
// "Kamis, 16 April 2026, pukul 09.00–11.00 WIB") into language l: day and
// month names, "pukul 09.00" → "at 09:00", "s.d." → "to". Other words are
// left as they are, so it is only for texts that are dates.
func DateText(l Lang, s string) string {
	if l != EN || s == "" {
		return s
	}
	s = dateWordsRe.ReplaceAllStringFunc(s, func(w string) string {
		for i, d := range weekdaysID {
			if d == w {
				return weekdaysEN[i]
			}
		}
		for i, m := range monthsID {
			if m == w {
				return time.Month(i + 1).String()
			}
		}
		return w
	})
	s = clockRe.ReplaceAllStringFunc(s, func(m string) string {
		g := clockRe.FindStringSubmatch(m)
		out := "at " + g[1] + ":" + g[2]
		if g[3] != "" {
			out += "–" + g[3] + ":" + g[4]
		}
		return out
	})
	return strings.ReplaceAll(s, " s.d. ", " to ")
}
