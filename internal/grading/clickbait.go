package grading

import "fmt"

// Clickbait without "!" or "?": the course's headline lesson ("Jujur, tanpa
// umpan klik") names "Heboh!", "Ternyata…" and "Wajib Tahu". Three shapes
// make a headline tease instead of tell, whatever its punctuation:
//   - an interjection or a word of sensation anywhere ("Wow", "Heboh",
//     "Viral");
//   - an opening that points at news it withholds ("Begini Cara …", "Ini
//     Dia …", "Simak …", "Ternyata …");
//   - a demand on the reader ("Warga Wajib Tahu", "Jangan Lewatkan").
var (
	baitWords = wordSet(`wow wah waduh astaga heboh geger gempar viral duh lho loh wih omg ampun yuk`)
	// baitOpenings withhold the news at a headline's start; "ini" only
	// before a teaser noun ("Ini Dia", "Ini Cara"), since "Ini" may start a
	// name.
	baitOpenings = newPhraseSet([][]string{
		{"begini"}, {"beginilah"}, {"inilah"}, {"ini", "dia"}, {"ini", "lho"}, {"ini", "loh"}, {"ini", "cara"},
		{"ini", "syarat"}, {"ini", "daftar"}, {"ini", "jadwal"}, {"ini", "alasan"}, {"ini", "fakta"},
		{"ini", "rahasia"}, {"ini", "tips"}, {"ini", "manfaat"}, {"ini", "lokasi"}, {"ini", "deretan"},
		{"ini", "penjelasan"}, {"berikut"}, {"simak"}, {"cek"}, {"intip"}, {"catat"}, {"ternyata"},
		{"terungkap"}, {"kenali"}, {"jangan", "panik"}, {"tahukah"}, {"siapa", "sangka"},
	})
	// baitDemands tell the reader to read: a modal before a verb of
	// knowing or reading, or a warning not to miss it.
	baitDemands = newPhraseSet([][]string{
		{"wajib", "tahu"}, {"wajib", "baca"}, {"wajib", "simak"}, {"harus", "tahu"}, {"perlu", "tahu"},
		{"mesti", "tahu"}, {"wajib", "catat"}, {"jangan", "lewatkan"}, {"jangan", "sampai", "ketinggalan"},
		{"bikin", "kaget"}, {"bikin", "heboh"}, {"bikin", "geger"}, {"bikin", "melongo"}, {"bikin", "penasaran"},
		{"tak", "disangka"}, {"tidak", "disangka"}, {"siapa", "sangka"}, {"ternyata"},
	})
)

// checkClickbait reports the first teasing phrase of the headline as a
// peringatan; it returns whether it found one.
func (g *grader) checkClickbait() bool {
	h := g.head
	n := len(h.toks)
	for i := 0; i < n; i++ {
		k := 0
		if baitWords[h.toks[i].lower] {
			k = 1
		}
		if i == 0 {
			k = max(k, baitOpenings.at(h.toks, i, n))
		}
		k = max(k, baitDemands.at(h.toks, i, n))
		if k == 0 {
			continue
		}
		s, e := h.toks[i].start, h.toks[i+k-1].end
		g.add(h.finding("judul-umpan-klik", SevPeringatan, s, e,
			fmt.Sprintf("\"%s\" di judul memancing klik tanpa menyampaikan beritanya, dan akun pemerintah dipercaya karena tenang dan lugas. Tulis faktanya langsung, siapa melakukan apa, misalnya \"Dinas Pertanian Latih 75 Petani Membuat Pupuk Organik\".", h.slice(s, e)), ""))
		return true
	}
	return false
}
