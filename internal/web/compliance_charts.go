package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
)

// chartSegment is one status's part of a stacked bar.
type chartSegment struct {
	X, W   string
	Y      int
	Class  string
	Title  string
	Status compliance.Status
	N      int
}

// kindBar is one OPD kind's stacked bar.
type kindBar struct {
	Label     string
	Kind      string
	Y, TextY  int
	Segments  []chartSegment
	Total     int
	TotalX    string
	Counts    []int // per compliance.Statuses, for the table
	FilterURL string
}

type kindChart struct {
	Bars                 []kindBar
	Height               int
	LegendY, LegendTextY int
	Desc                 string
}

// newKindChart stacks, for each kind of OPD the region has, its OPDs by
// status; bar lengths share one scale, so kinds compare by size too.
func newKindChart(l i18n.Lang, t store.StatusTally) kindChart {
	var ch kindChart
	max := 0
	for _, k := range domain.OPDKinds {
		if n := t.Count("", k.Kind); n > max {
			max = n
		}
	}
	var desc []string
	for _, k := range domain.OPDKinds {
		total := t.Count("", k.Kind)
		if total == 0 {
			continue
		}
		i := len(ch.Bars)
		b := kindBar{Label: k.Label, Kind: k.Kind, Y: i*kindRowH + 4, TextY: i*kindRowH + 17, Total: total,
			FilterURL: withQuery("/kepatuhan", url.Values{"jenis": {k.Kind}})}
		x := float64(kindLabelW)
		var parts []string
		for _, st := range compliance.Statuses {
			n := t.Count(st, k.Kind)
			b.Counts = append(b.Counts, n)
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(i18n.T(l, st.Label()))))
			if n == 0 {
				continue
			}
			w := float64(n) * kindBarW / float64(max)
			b.Segments = append(b.Segments, chartSegment{X: svgNum(x), W: svgNum(w), Y: b.Y, Class: "seg-" + string(st), Status: st, N: n,
				Title: fmt.Sprintf("%s: %d %s", i18n.T(l, k.Label), n, i18n.T(l, st.Label()))})
			x += w
		}
		b.TotalX = svgNum(x + 6)
		desc = append(desc, fmt.Sprintf("%s: %s", i18n.T(l, k.Label), strings.Join(parts, ", ")))
		ch.Bars = append(ch.Bars, b)
	}
	ch.LegendY = len(ch.Bars)*kindRowH + 10
	ch.LegendTextY = ch.LegendY + 11
	ch.Height = ch.LegendY + 20
	if len(desc) == 0 {
		ch.Desc = i18n.T(l, "Belum ada OPD di wilayah ini.")
	} else {
		ch.Desc = i18n.Tf(l, "Jumlah OPD per status untuk setiap jenis OPD. {{.Kinds}}.", map[string]any{"Kinds": strings.Join(desc, ". ")})
	}
	return ch
}

// svgNum writes a coordinate with at most one decimal.
func svgNum(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// monthBar is one month's bar of certified admins.
type monthBar struct {
	Label, Year string
	Full        string // for the table: "April 2025", "Saat ini"
	N           int
	X, Y, H     string
	TextX       string
	ValueY      string
	Now         bool
}

type monthChart struct {
	Bars []monthBar
	Desc string
}

// msgNow labels the last bar of the month chart.
const msgNow = "saat ini"

var monthAbbr = []string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}

// monthEnds returns the last moments of the n months before now's month,
// in the region's zone (oldest first), with their labels ("April 2025"),
// and the label of now ("saat ini").
func monthEnds(now time.Time, loc *time.Location, n int) ([]time.Time, []string) {
	local := now.In(loc)
	first := time.Date(local.Year(), local.Month(), 1, 0, 0, 0, 0, loc)
	var ends []time.Time
	var labels []string
	for i := n; i >= 1; i-- {
		start := first.AddDate(0, -i, 0)
		ends = append(ends, start.AddDate(0, 1, 0).Add(-time.Microsecond))
		labels = append(labels, months[start.Month()-1]+" "+strconv.Itoa(start.Year()))
	}
	return ends, append(labels, msgNow)
}

// newMonthChart draws the certified admins at each month end, the last bar
// being now.
func newMonthChart(l i18n.Lang, labels []string, counts []int) monthChart {
	var ch monthChart
	max := 1
	for _, n := range counts {
		if n > max {
			max = n
		}
	}
	var desc []string
	for i, n := range counts {
		h := float64(n) * monthMaxH / float64(max)
		x := monthLeft + i*monthStep
		b := monthBar{N: n, X: strconv.Itoa(x), Y: svgNum(monthBaseY - h), H: svgNum(h), TextX: strconv.Itoa(x + monthBarW/2),
			ValueY: svgNum(monthBaseY - h - 4), Now: i == len(counts)-1}
		if b.Now {
			b.Label, b.Year = i18n.T(l, "Kini"), ""
		} else {
			name, year, _ := strings.Cut(labels[i], " ")
			for m, full := range months {
				if full == name {
					b.Label = monthAbbr[m]
					if l == i18n.EN {
						b.Label = time.Month(m + 1).String()[:3]
					}
				}
			}
			if i == 0 || b.Label == monthAbbr[0] {
				b.Year = year
			}
		}
		label := i18n.DateText(l, i18n.T(l, labels[i]))
		b.Full = capitalize(label)
		desc = append(desc, fmt.Sprintf("%s: %d", label, n))
		ch.Bars = append(ch.Bars, b)
	}
	ch.Desc = i18n.Tf(l, "Jumlah admin yang ditunjuk dan memegang sertifikat berlaku pada akhir setiap bulan dan saat ini. {{.Months}}.", map[string]any{"Months": strings.Join(desc, "; ")})
	return ch
}
