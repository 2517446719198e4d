package grading

import (
	"strings"
	"testing"
)

// The scale from 1.47.0: the total keeps falling with every kesalahan, a
// body far below the practice's range cannot be baik, the lead's why given
// by the sheet is a peringatan when the lead lacks it, and lateness costs
// more the later the release.

// TestTotalCapRule checks the caps of doc.go on findings built by hand.
func TestTotalCapRule(t *testing.T) {
	errAt := func(start int, rule string) Finding {
		return Finding{Criterion: CritFaktual, Rule: rule, Severity: SevKesalahan, Field: FieldIsi, Start: start, End: start + 5}
	}
	warn := func(rule string) Finding {
		return Finding{Criterion: CritBahasa, Rule: rule, Severity: SevPeringatan, Field: FieldIsi, Start: 1, End: 2}
	}
	errs := func(n int) []Finding {
		var fs []Finding
		for i := range n {
			fs = append(fs, errAt(10*i, "angka-bertentangan"))
		}
		return fs
	}
	for _, c := range []struct {
		name  string
		fs    []Finding
		limit int
		kind  string
	}{
		{"nothing", nil, 100, ""},
		{"a saran", []Finding{{Severity: SevSaran, Rule: "kalimat-panjang"}}, 100, ""},
		{"a peringatan", []Finding{warn("awalan-di-terpisah")}, WarningCap, SevPeringatan},
		{"three kinds of peringatan", []Finding{warn("a"), warn("b"), warn("c")}, WarningCap, SevPeringatan},
		{"four kinds of peringatan", []Finding{warn("a"), warn("b"), warn("c"), warn("d")}, ErrorCap, SevPeringatan},
		{"one kesalahan", errs(1), ErrorCap, SevKesalahan},
		{"two findings on one passage", []Finding{errAt(0, "angka-bertentangan"), errAt(0, "hari-tanggal-tidak-cocok")}, ErrorCap, SevKesalahan},
		{"two kesalahan", errs(2), ErrorCap - ErrorStep, SevKesalahan},
		{"three kesalahan", errs(3), ErrorCap - 2*ErrorStep, SevKesalahan},
		{"four kesalahan", errs(4), UnderHalfCap, SevKesalahan},
		{"nine kesalahan", errs(9), ErrorCap - 8*ErrorStep, SevKesalahan},
		{"three kesalahan and four kinds of peringatan", append(errs(3), warn("a"), warn("b"), warn("c"), warn("d")), UnderHalfCap, SevKesalahan},
		{"far too short", []Finding{{Criterion: CritStruktur, Rule: "rilis-jauh-pendek", Severity: SevPeringatan}}, ErrorCap, SevPeringatan},
		{"under half", []Finding{{Criterion: CritStruktur, Rule: "rilis-kurang-separuh", Severity: SevKesalahan}}, UnderHalfCap, "separuh"},
		{"under half and five kesalahan", append(errs(5), Finding{Criterion: CritStruktur, Rule: "rilis-kurang-separuh", Severity: SevKesalahan}), ErrorCap - 5*ErrorStep, SevKesalahan},
	} {
		if limit, kind := TotalCap(c.fs); limit != c.limit || kind != c.kind {
			t.Errorf("%s: cap %d %q, want %d %q", c.name, limit, kind, c.limit, c.kind)
		}
	}
	if UnderHalfCap >= BandCukupMin || ErrorCap-(ManyErrors-1)*ErrorStep >= BandCukupMin {
		t.Errorf("%d kesalahan can still be cukup", ManyErrors)
	}
}

// TestManyErrorsFallBelowCukup adds the kesalahan of the mutation suite one
// by one to each sound release, across criteria: the total falls with each
// new one, and from ManyErrors on the release is perlu_perbaikan and cannot
// pass. The nine wrong facts on the KTP-el release scored 55 cukup
// before 1.47.0.
func TestManyErrorsFallBelowCukup(t *testing.T) {
	for id, p := range loadPractices(t) {
		h, b := soundRelease(t, id)
		text := h + "\n\n" + b
		prev, prevN, steps := Grade(p.input(h, b)).Score, 0, 0
		for _, m := range mutations {
			eds, ok := m.edits[id]
			if !ok || m.sev != SevKesalahan || strings.HasPrefix(m.name, "no event date") || strings.HasPrefix(m.name, "vague time") {
				continue
			}
			next, applies := text, true
			for _, e := range eds {
				applies = applies && strings.Contains(next, e.old)
				next = strings.Replace(next, e.old, e.new, 1)
			}
			if !applies {
				continue
			}
			mh, mb, err := SplitRelease(next)
			if err != nil {
				t.Fatal(err)
			}
			in := p.input(mh, mb)
			rep := Grade(in)
			n := errorCount(rep.Findings)
			if n <= prevN {
				continue // the edit's kesalahan hides behind an earlier one; skip it
			}
			text, steps = next, steps+1
			if rep.Score >= prev && prev > 0 {
				t.Errorf("%s: %d kesalahan (%s) scored %d, %d kesalahan %d", id, n, m.name, rep.Score, prevN, prev)
			}
			if n >= ManyErrors && (rep.Band != BandPerluPerbaikan || rep.Passes(DefaultPassScore)) {
				t.Errorf("%s: %d kesalahan scored %d %s", id, n, rep.Score, rep.Band)
			}
			t.Logf("%s: %d kesalahan after %q: %d %s", id, n, m.name, rep.Score, rep.Band)
			prev, prevN = rep.Score, n
		}
		if prevN < ManyErrors+2 {
			t.Errorf("%s: the suite stacked only %d kesalahan in %d steps", id, prevN, steps)
		}
	}
}

// TestLatenessScales: a release written later past the window scores lower,
// and more than StaleDays past it the lateness is a kesalahan.
func TestLatenessScales(t *testing.T) {
	for id, p := range loadPractices(t) {
		h, b := soundRelease(t, id)
		prev := Grade(p.input(h, b)).Score
		for _, late := range []int{2, 5, StaleDays + 1, 30} {
			in := p.input(h, b)
			in.Now = in.Now.AddDate(0, 0, p.brief.PublishByDays+late)
			rep := Grade(in)
			sev := SevPeringatan
			if late > StaleDays {
				sev = SevKesalahan
			}
			mustFindMsg(t, rep, in, CritAktual, sev, "", "terlambat")
			if rep.Score >= prev {
				t.Errorf("%s: %d days past the window scored %d, fewer days %d", id, late, rep.Score, prev)
			}
			if late > StaleDays && (rep.Score > ErrorCap || rep.Passes(DefaultPassScore)) {
				t.Errorf("%s: %d days past the window scored %d", id, late, rep.Score)
			}
			prev = rep.Score
		}
	}
}

// TestFarTooShort: under three quarters of the practice's minimum the
// release is sent back (at most cukup, does not pass); between three
// quarters and the minimum it stays a peringatan that leaves it baik.
func TestFarTooShort(t *testing.T) {
	for id, p := range loadPractices(t) {
		h, b := soundRelease(t, id)
		lo := p.brief.Ketentuan.BodyWords[0]
		// The longest cut at a sentence end under three quarters and at
		// least half of the minimum.
		var in Input
		for pct := 74; pct >= 50; pct-- {
			in = p.input(h, firstWords(b, lo*pct/100))
			if w := len(strings.Fields(in.Body)); w*4 < lo*3 && w*2 >= lo {
				break
			}
		}
		rep := Grade(in)
		mustFindMsg(t, rep, in, CritStruktur, SevPeringatan, "", "tiga perempat")
		if rep.Score > ErrorCap || rep.Band == BandBaik || rep.Band == BandSangatBaik || rep.Passes(DefaultPassScore) {
			t.Errorf("%s: %d words of %d scored %d %s", id, rep.Stats.Words, lo, rep.Score, rep.Band)
		}
		in = p.input(h, firstWords(b, lo*9/10))
		if in.Body == b {
			t.Fatalf("%s: nothing cut", id)
		}
		rep = Grade(in)
		if rep.Stats.Words*4 >= lo*3 && rep.Stats.Words < lo {
			mustFindMsg(t, rep, in, CritStruktur, SevPeringatan, "", "ketentuan latihan meminta")
			for _, f := range rep.Findings {
				if f.Rule == "rilis-jauh-pendek" {
					t.Errorf("%s: %d words of %d called far too short", id, rep.Stats.Words, lo)
				}
			}
		}
	}
}

// TestLeadWhyWithoutSheet: the why after the lead stays a saran when no
// practice gives it.
func TestLeadWhyWithoutSheet(t *testing.T) {
	var m mutation
	for _, x := range mutations {
		if x.name == "why of the sheet only after the lead" {
			m = x
		}
	}
	for id := range loadPractices(t) {
		h, b := soundRelease(t, id)
		mh, mb, _, ok := m.apply(t, id, h, b)
		if !ok {
			t.Fatalf("%s: the mutation does not apply", id)
		}
		in := Input{Headline: mh, Body: mb}
		rep := Grade(in)
		f := mustFindMsg(t, rep, in, Crit5W1H, SevSaran, "", "belum menjawab mengapa")
		if strings.Contains(f.Message, "lembar fakta") {
			t.Errorf("%s: without a sheet the finding names one: %s", id, f.Message)
		}
	}
}
