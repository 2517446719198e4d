package grading

import (
	"strings"
	"testing"
)

func TestFiveWOneHInLead(t *testing.T) {
	in, rep := check(goodHeadline, withLead("Pelatihan berlangsung melalui simulasi evakuasi di sungai."))
	for _, id := range []string{"siapa", "apa", "kapan", "di_mana", "mengapa"} {
		if el := rep.Elements[id]; !el.Found || !el.InLead {
			t.Errorf("%s: found %v in_lead %v, spans %+v", id, el.Found, el.InLead, el.Spans)
		}
	}
	if got := score(rep, Crit5W1H); got != 100 {
		t.Errorf("5w1h = %d, want 100:\n%s", got, dump(rep, in))
	}
	for _, f := range find(rep, in, Crit5W1H, "") {
		t.Errorf("unexpected 5w1h finding %+v", f)
	}
}

func TestFiveWOneHOutsideLead(t *testing.T) {
	// The lead lacks the time; it comes only in the third paragraph.
	lead := "SUKAMAJU – Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Sukamaju melatih 60 relawan dari 20 desa di Aula BPBD agar warga siap mengevakuasi tetangganya."
	body := strings.Join([]string{lead, goodQuote, "Pelatihan digelar Rabu (11/3/2026) dengan simulasi di sungai."}, "\n\n")
	in, rep := check(goodHeadline, body)
	if el := rep.Elements["kapan"]; !el.Found || el.InLead {
		t.Fatalf("kapan found %v in_lead %v", el.Found, el.InLead)
	}
	f := mustFindMsg(t, rep, in, Crit5W1H, SevSaran, "", "belum menjawab kapan")
	if !strings.Contains(f.Message, "paragraf 3") || !strings.Contains(f.Message, "Rabu (11/3/2026)") {
		t.Errorf("message %q does not say where the answer is", f.Message)
	}
	if got := score(rep, Crit5W1H); got >= 100 || got < 80 {
		t.Errorf("5w1h = %d, want partial credit", got)
	}
}

func TestFiveWOneHMissing(t *testing.T) {
	body := "SUKAMAJU – BPBD Kabupaten Sukamaju melatih 60 relawan di Aula BPBD.\n\n" + goodQuote
	in, rep := check(goodHeadline, body)
	if rep.Elements["kapan"].Found {
		t.Fatalf("kapan found in %q", body)
	}
	f := mustFindMsg(t, rep, in, Crit5W1H, SevPeringatan, "", "belum menjawab pertanyaan kapan")
	if !strings.Contains(f.Message, "Rabu (11/3/2026)") {
		t.Errorf("kapan hint %q should use the date of writing as its example", f.Message)
	}
}
