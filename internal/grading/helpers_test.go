package grading

import (
	"strings"
	"testing"
	"time"
)

// testNow is the time of writing used by the unit tests: Wednesday 11 March 2026, WIB.
var testNow = time.Date(2026, 3, 11, 17, 0, 0, 0, time.FixedZone("WIB", 7*3600))

// goodHeadline and goodLead make a sound release around the sentence under test.
const (
	goodHeadline = "BPBD Sukamaju Latih 60 Relawan Tanggap Banjir"
	goodLead     = "SUKAMAJU – Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Sukamaju melatih 60 relawan dari 20 desa di Aula BPBD, Rabu (11/3/2026), agar warga siap mengevakuasi tetangganya."
	goodQuote    = "\"Relawan desa adalah orang pertama yang berada di lokasi,\" kata Kepala Pelaksana BPBD Sukamaju, Asep Saepudin."
)

// withLead puts a sound lead and quote around extra paragraphs.
func withLead(paras ...string) string {
	return strings.Join(append([]string{goodLead, goodQuote}, paras...), "\n\n")
}

// find returns the findings of crit whose passage contains span ("" = any).
func find(rep Report, in Input, crit, span string) []Finding {
	var out []Finding
	for _, f := range rep.Findings {
		if f.Criterion == crit && (span == "" || strings.Contains(f.Passage(in.Headline, in.Body), span)) {
			out = append(out, f)
		}
	}
	return out
}

// mustFind fails unless a finding of crit at severity sev covers span, and
// returns the first one.
func mustFind(t *testing.T, rep Report, in Input, crit, sev, span string) Finding {
	t.Helper()
	for _, f := range find(rep, in, crit, span) {
		if f.Severity == sev {
			return f
		}
	}
	t.Fatalf("no %s %s finding on %q; findings:\n%s", crit, sev, span, dump(rep, in))
	return Finding{}
}

// mustFindMsg is mustFind restricted to findings whose message contains msg.
func mustFindMsg(t *testing.T, rep Report, in Input, crit, sev, span, msg string) Finding {
	t.Helper()
	for _, f := range find(rep, in, crit, span) {
		if f.Severity == sev && strings.Contains(f.Message, msg) {
			return f
		}
	}
	t.Fatalf("no %s %s finding on %q saying %q; findings:\n%s", crit, sev, span, msg, dump(rep, in))
	return Finding{}
}

// mustNotFind fails when any finding of crit covers span.
func mustNotFind(t *testing.T, rep Report, in Input, crit, span string) {
	t.Helper()
	if fs := find(rep, in, crit, span); len(fs) > 0 {
		t.Fatalf("unexpected %s finding on %q: %+v", crit, span, fs)
	}
}

func dump(rep Report, in Input) string {
	var b strings.Builder
	for _, f := range rep.Findings {
		b.WriteString("  " + f.Criterion + " " + f.Severity + " " + f.Field + " \"" + f.Passage(in.Headline, in.Body) + "\": " + f.Message + " [" + f.Suggestion + "]\n")
	}
	return b.String()
}

// check grades a headline and body and returns the input with the report.
func check(headline, body string) (Input, Report) {
	in := Input{Headline: headline, Body: body, Now: testNow}
	return in, Grade(in)
}
