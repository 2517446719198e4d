package grading

import "testing"

// TestQuoteSlipsAreNotChanges: a quote that drops a particle or misspells a
// word still says what the source said; changing a word does not.
func TestQuoteSlipsAreNotChanges(t *testing.T) {
	b, err := ParseBrief([]byte(factsBrief))
	if err != nil {
		t.Fatal(err)
	}
	b.Ketentuan = &Requirements{QuotesFromBrief: true}
	grade := func(quote string) (Input, Report) {
		body := briefLead + "\n\n" + quote + " kata Kepala Diskominfo Sukamaju, Siti Nurhalimah."
		in := Input{Headline: "Diskominfo Sukamaju Latih Admin Medsos Menulis Rilis", Body: body, Brief: b, Now: testNow.AddDate(0, 0, -1)}
		return in, Grade(in)
	}
	for _, q := range []string{
		"\"Informasi yang cepat tetapi salah akan merugikan masyarakat,\"",
		"\"Informasi yang cepat tetapi salah akan merugikan masyarakatnya,\"",
		"\"Informasi yang cepat tetapi salah akan merugikn masyarakat,\"",
	} {
		in, rep := grade(q)
		mustNotFind(t, rep, in, CritFaktual, "Informasi yang cepat")
	}
	in, rep := grade("\"Informasi yang cepat tetapi salah akan membingungkan masyarakat,\"")
	mustFindMsg(t, rep, in, CritFaktual, SevKesalahan, "Informasi yang cepat", "membingungkan")
	in, rep = grade("\"Informasi yang cepat tetapi salah tidak akan merugikan masyarakat,\"")
	mustFindMsg(t, rep, in, CritFaktual, SevKesalahan, "Informasi yang cepat", "makna")
}
