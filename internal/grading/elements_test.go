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

func TestLeadAfterTagParagraph(t *testing.T) {
	// The first paragraph is only the outlet's tag and date: the lead is the
	// second paragraph, and the tag's date answers nothing.
	body := "Humas Pemkab Sukamaju (3/4)\n\nDinas Sosial Kabupaten Sukamaju menyalurkan 200 paket sembako kepada warga lansia di Balai Desa Mekarsari.\n\n" + goodQuote
	_, rep := check(goodHeadline, body)
	if rep.Elements["kapan"].InLead {
		t.Errorf("kapan in lead from the tag's date: %+v", rep.Elements["kapan"].Spans)
	}
	for _, id := range []string{"siapa", "apa", "di_mana"} {
		if !rep.Elements[id].InLead {
			t.Errorf("%s not in the lead (the second paragraph): %+v", id, rep.Elements[id].Spans)
		}
	}
}

func TestLeadOfOneParagraphBody(t *testing.T) {
	// A body that lost its paragraph breaks: the lead is its first sentence,
	// so a date given only in the third sentence is outside it.
	body := "SUKAMAJU – Dinas Sosial Kabupaten Sukamaju menyalurkan 200 paket sembako kepada warga lansia di Balai Desa Mekarsari. " +
		"Paket berisi beras, minyak goreng, dan gula. Penyaluran dilakukan Senin (2/3/2026) pagi. " +
		"\"Kami ingin warga lansia tidak perlu antre di kantor,\" kata Kepala Dinas Sosial, Rina Marlina."
	_, rep := check(goodHeadline, body)
	if el := rep.Elements["kapan"]; !el.Found || el.InLead {
		t.Errorf("kapan found %v in_lead %v: the date is in the third sentence", el.Found, el.InLead)
	}
	if !rep.Elements["di_mana"].InLead {
		t.Errorf("di_mana should be in the first sentence: %+v", rep.Elements["di_mana"].Spans)
	}
	// Two sentences in one paragraph stay one lead.
	_, rep = check(goodHeadline, "SUKAMAJU – Dinas Sosial Kabupaten Sukamaju menyalurkan 200 paket sembako di Balai Desa Mekarsari. Penyaluran dilakukan Senin (2/3/2026).")
	if !rep.Elements["kapan"].InLead {
		t.Errorf("a two-sentence lead lost its date: %+v", rep.Elements["kapan"].Spans)
	}
}

func TestBackgroundLeadAnswersNoEventQuestion(t *testing.T) {
	// A lead that only says what a programme is leaves the news for later
	// (devset guide A3): its place and companions do not count for the lead.
	body := "SUKAMAJU – Jalan Mulus Desa merupakan program prioritas Bupati Sukamaju bersama Wakil Bupati di Kabupaten Sukamaju.\n\n" +
		"Bupati meresmikan jalan desa sepanjang 2 kilometer di Desa Mekarsari, Senin (2/3/2026).\n\n" + goodQuote
	_, rep := check(goodHeadline, body)
	for _, id := range []string{"apa", "di_mana", "bagaimana"} {
		if rep.Elements[id].InLead {
			t.Errorf("%s in a background lead: %+v", id, rep.Elements[id].Spans)
		}
		if !rep.Elements[id].Found {
			t.Errorf("%s not found in the article", id)
		}
	}
	if !rep.Elements["siapa"].InLead {
		t.Errorf("the people a background lead names still answer siapa")
	}
	// The same lead with an event verb answers as usual.
	body = "SUKAMAJU – Bupati Sukamaju bersama Wakil Bupati meresmikan jalan desa di Kabupaten Sukamaju.\n\n" + goodQuote
	_, rep = check(goodHeadline, body)
	for _, id := range []string{"apa", "di_mana", "bagaimana"} {
		if !rep.Elements[id].InLead {
			t.Errorf("%s not in an event lead: %+v", id, rep.Elements[id].Spans)
		}
	}
}
