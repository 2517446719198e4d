package grading

import (
	"fmt"
	"strings"
	"testing"
)

func TestDateline(t *testing.T) {
	in, rep := check(goodHeadline, withLead())
	for _, f := range find(rep, in, CritStruktur, "") {
		if strings.Contains(f.Message, "dateline") {
			t.Errorf("dateline present but flagged: %+v", f)
		}
	}
	for _, lead := range []string{
		"KRAKATAURADIO.COM, PANDEGLANG - Organisasi Perangkat Daerah di Kabupaten Pandeglang harus memiliki media sosial.",
		"SUKAMAJU — BPBD melatih relawan, Rabu (11/3/2026).",
	} {
		in, rep = check(goodHeadline, lead+"\n\n"+goodQuote)
		for _, f := range find(rep, in, CritStruktur, "") {
			if strings.Contains(f.Message, "dateline") {
				t.Errorf("%q: dateline flagged: %+v", lead, f)
			}
		}
	}

	in, rep = check(goodHeadline, "BPBD Kabupaten Sukamaju melatih 60 relawan, Rabu (11/3/2026).\n\n"+goodQuote)
	f := mustFind(t, rep, in, CritStruktur, SevPeringatan, "BPBD")
	if !strings.Contains(f.Message, "SUKAMAJU –") {
		t.Errorf("message %q has no example", f.Message)
	}

	in, rep = check(goodHeadline, "Sukamaju – BPBD Kabupaten Sukamaju melatih 60 relawan, Rabu (11/3/2026).\n\n"+goodQuote)
	f = mustFind(t, rep, in, CritStruktur, SevSaran, "Sukamaju")
	if f.Suggestion != "SUKAMAJU" {
		t.Errorf("suggestion %q", f.Suggestion)
	}
}

func TestLeadLength(t *testing.T) {
	long := "SUKAMAJU – Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Sukamaju melatih 60 relawan dari 20 desa rawan banjir di Aula BPBD, Rabu (11/3/2026), agar warga siap mengevakuasi tetangganya sebelum tim penyelamat tiba di lokasi bencana pada malam hari ketika air sungai naik."
	in, rep := check(goodHeadline, long+"\n\n"+goodQuote)
	if rep.Stats.LeadWords <= MaxLeadWords {
		t.Fatalf("lead_words = %d", rep.Stats.LeadWords)
	}
	mustFindMsg(t, rep, in, CritStruktur, SevPeringatan, "Badan Penanggulangan",
		fmt.Sprintf("Teras berita %d kata; usahakan di bawah 35 kata agar pembaca langsung menangkap intinya.", rep.Stats.LeadWords))

	three := "SUKAMAJU – BPBD melatih 60 relawan. Pelatihan berlangsung di Aula BPBD. Peserta berasal dari 20 desa."
	in, rep = check(goodHeadline, three+"\n\n"+goodQuote)
	mustFindMsg(t, rep, in, CritStruktur, SevPeringatan, "BPBD melatih", "tiga kalimat")

	in, rep = check(goodHeadline, withLead())
	for _, f := range find(rep, in, CritStruktur, "") {
		if strings.Contains(f.Message, "Teras berita") {
			t.Errorf("good lead flagged: %+v", f)
		}
	}
}

func TestParagraphAndReleaseLength(t *testing.T) {
	long := strings.Repeat("Relawan belajar memasang tenda darurat dan mendata pengungsi di balai desa. ", 8)
	in, rep := check(goodHeadline, withLead(long))
	f := mustFind(t, rep, in, CritStruktur, SevSaran, "Relawan belajar")
	if !strings.Contains(f.Message, "Paragraf ke-3") {
		t.Errorf("message %q", f.Message)
	}

	// A short practice release gets a suggestion, never a warning.
	in, rep = check(goodHeadline, withLead())
	f = mustFind(t, rep, in, CritStruktur, SevSaran, "")
	if !strings.Contains(f.Message, "250–600") {
		t.Errorf("length message %q", f.Message)
	}
	// 150–250 words: only an info.
	mid := withLead(strings.Repeat("Setiap desa mengirim tiga relawan yang sudah terbiasa menolong tetangganya saat air naik. ", 9))
	in, rep = check(goodHeadline, mid)
	var sev string
	for _, f := range find(rep, in, CritStruktur, "") {
		if strings.Contains(f.Message, "250–600") {
			sev = f.Severity
		}
	}
	if sev != SevInfo {
		t.Errorf("release of %d words: length severity %q, want info", rep.Stats.Words, sev)
	}
}

func TestPressReleaseContact(t *testing.T) {
	body := withLead("Demikian siaran pers ini disampaikan.")
	in, rep := check(goodHeadline, body)
	var found bool
	for _, f := range find(rep, in, CritStruktur, "") {
		found = found || (f.Severity == SevInfo && strings.Contains(f.Message, "narahubung"))
	}
	if !found {
		t.Errorf("siaran pers without contact not noted:\n%s", dump(rep, in))
	}
	in, rep = check(goodHeadline, withLead("Demikian siaran pers ini disampaikan. Narahubung: Asep, 0812-0000-1234."))
	for _, f := range find(rep, in, CritStruktur, "") {
		if strings.Contains(f.Message, "narahubung") {
			t.Errorf("contact present but flagged: %+v", f)
		}
	}
}

func TestRepeatedSentence(t *testing.T) {
	lead := "SUKAMAJU – BPBD Kabupaten Sukamaju melatih 60 relawan dari 20 desa di Aula BPBD, Rabu (11/3/2026)."
	in := Input{Headline: "BPBD Sukamaju Latih 60 Relawan", Body: lead + "\n\nPelatihan berlangsung sehari. Pelatihan   BERLANGSUNG sehari. Relawan pulang sore."}
	rep := Grade(in)
	var got []string
	for _, f := range rep.Findings {
		if strings.Contains(f.Message, "mengulang kalimat sebelumnya") {
			got = append(got, f.Criterion+" "+f.Severity)
			if p := f.Passage(in.Headline, in.Body); p != "Pelatihan   BERLANGSUNG sehari." {
				t.Errorf("repeat finding quotes %q, want the second occurrence", p)
			}
		}
	}
	if len(got) != 1 || got[0] != CritStruktur+" "+SevPeringatan {
		t.Fatalf("repeat findings: %v", got)
	}
	clean := Grade(Input{Headline: "BPBD Sukamaju Latih 60 Relawan", Body: lead + "\n\nPelatihan berlangsung sehari. Relawan pulang sore."})
	for _, f := range clean.Findings {
		if strings.Contains(f.Message, "mengulang") {
			t.Errorf("false repeat: %q", f.Message)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1.000", 1240: "1.240", 1234567: "1.234.567", -1500: "-1.500"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
