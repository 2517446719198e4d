package grading

import (
	"strings"
	"testing"
)

// Figures that contradict the sheet in forms the grader used to miss
// (grader 1.63.0 on): each defect is applied to both sound sets of every
// practice it fits, and correct near-forms must stay at the sound score.

// numEdit changes one passage of a sound release; want is the passage the
// finding must cover.
type numEdit struct{ set, id, old, new, want string }

// applyNum returns the practice's input with the edit made.
func applyNum(t *testing.T, practices map[string]practice, e numEdit) (Input, Report) {
	t.Helper()
	h, b := releaseFile(t, e.set, e.id)
	if !strings.Contains(b, e.old) {
		t.Fatalf("%s %s: the sound release has no %q", e.set, e.id, e.old)
	}
	p := practices[e.id]
	return p.input(h, strings.Replace(b, e.old, e.new, 1)), Grade(p.input(h, b))
}

// checkNumDefects asserts each edit draws rule at sev on its passage, with
// the message word msg, and costs what a finding of that severity costs.
func checkNumDefects(t *testing.T, rule, sev, msg string, eds []numEdit) {
	t.Helper()
	practices := loadPractices(t)
	for _, e := range eds {
		t.Run(e.set+"/"+e.id+"/"+e.new, func(t *testing.T) {
			in, sound := applyNum(t, practices, e)
			rep := Grade(in)
			f := mustFindMsg(t, rep, in, CritFaktual, sev, e.want, msg)
			if f.Rule != rule {
				t.Errorf("rule %s, want %s: %s", f.Rule, rule, f.Message)
			}
			if drop := sound.Score - rep.Score; drop < severityDrop[sev] {
				t.Errorf("score %d → %d: a %s must cost at least %d points", sound.Score, rep.Score, sev, severityDrop[sev])
			}
			if sev == SevKesalahan && rep.Score > ErrorCap {
				t.Errorf("a kesalahan left %d %s", rep.Score, rep.Band)
			}
		})
	}
}

// checkNumNearForms asserts each correct rewrite keeps the sound score and
// draws no faktual finding above info.
func checkNumNearForms(t *testing.T, eds []numEdit) {
	t.Helper()
	practices := loadPractices(t)
	for _, e := range eds {
		t.Run(e.set+"/"+e.id+"/"+e.new, func(t *testing.T) {
			in, sound := applyNum(t, practices, e)
			rep := Grade(in)
			for _, f := range rep.Findings {
				if f.Criterion == CritFaktual && SeverityRank(f.Severity) > SeverityRank(SevInfo) {
					t.Errorf("false alarm: %s %s %q: %s", f.Rule, f.Severity, f.Passage(in.Headline, in.Body), f.Message)
				}
			}
			if rep.Score != sound.Score {
				t.Errorf("score %d, sound %d:\n%s", rep.Score, sound.Score, dump(rep, in))
			}
		})
	}
}

// TestMutationsClassifierCounts: a count with a classifier between the
// number and the noun ("dua unit perangkat", "lima belas unit paket", "dua
// orang admin") counts the noun, so a wrong one contradicts the sheet like
// the digit form; a classifier ending its clause ("sebanyak dua buah")
// counts the noun phrase before it, by its head.
func TestMutationsClassifierCounts(t *testing.T) {
	checkNumDefects(t, "angka-bertentangan", SevKesalahan, "lembar fakta", []numEdit{
		{"sound", pKTP, "tiga perangkat", "dua unit perangkat", "dua unit perangkat"},
		{"sound", pKTP, "tiga perangkat", "empat buah perangkat", "empat buah perangkat"},
		{"sound", pKTP, "tiga perangkat", "4 unit perangkat", "4 unit perangkat"},
		{"sound", pKTP, "membawa tiga perangkat perekaman keliling", "membawa perangkat perekaman keliling sebanyak dua buah", "dua buah"},
		{"sound2", pKTP, "tiga perangkat", "lima belas unit perangkat", "lima belas unit perangkat"},
		{"sound2", pKTP, "tiga perangkat", "dua buah perangkat", "dua buah perangkat"},
		{"sound", pImun, "bertugas dua vaksinator", "bertugas tiga orang vaksinator", "tiga orang vaksinator"},
		{"sound2", pImun, "dua orang di setiap posyandu", "tiga orang petugas di setiap posyandu", "tiga orang petugas"},
		{"sound", pBanjir, "membagikan 18 paket", "membagikan lima belas unit paket", "lima belas unit paket"},
		{"sound2", pBanjir, "menyerahkan 18 paket", "menyerahkan dua puluh buah paket", "dua puluh buah paket"},
		{"sound", pAduan, "dipantau enam admin", "dipantau dua orang admin", "dua orang admin"},
		{"sound2", pAduan, "Enam admin Diskominfo", "Dua orang admin Diskominfo", "Dua orang admin"},
	})
}

func TestMutationsClassifierNearForms(t *testing.T) {
	checkNumNearForms(t, []numEdit{
		{"sound", pKTP, "tiga perangkat", "tiga unit perangkat", ""},
		{"sound", pKTP, "tiga perangkat", "3 unit perangkat", ""},
		{"sound", pKTP, "membawa tiga perangkat perekaman keliling", "membawa perangkat perekaman keliling sebanyak tiga buah", ""},
		{"sound2", pKTP, "tiga perangkat", "tiga buah perangkat", ""},
		{"sound", pImun, "bertugas dua vaksinator", "bertugas dua orang vaksinator", ""},
		{"sound2", pImun, "dua orang di setiap posyandu", "dua orang petugas di setiap posyandu", ""},
		{"sound", pBanjir, "membagikan 18 paket", "membagikan 18 unit paket", ""},
		{"sound2", pBanjir, "menyerahkan 18 paket", "menyerahkan delapan belas buah paket", ""},
		{"sound", pAduan, "dipantau enam admin", "dipantau enam orang admin", ""},
		{"sound2", pAduan, "Enam admin Diskominfo", "Enam orang admin Diskominfo", ""},
		// One item with a classifier is no total.
		{"sound", pKTP, "Warga cukup membawa", "Setiap warga menerima satu lembar bukti perekaman. Warga cukup membawa", ""},
	})
}
