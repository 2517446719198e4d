package grading

// The writer's verdict on how people took the event ("Warga menyambut
// layanan ini dengan antusias", "disambut hangat", "antusiasme warga sangat
// tinggi") is opinion like "sukses besar": nobody measured it. A count of
// who came, or a resident quoted by name, says it as fact.
var (
	// welcomeWords report a reception; the manner after them judges it.
	welcomeWords = wordSet(`menyambut disambut sambut sambutan`)
	// reactionNouns name an audience's feeling; a degree after them judges it.
	reactionNouns = wordSet(`antusiasme animo respons respon tanggapan sambutan semangat minat euforia`)
	// receptionManners judge a reception.
	receptionManners = wordSet(`hangat antusias antusiasme gembira baik positif meriah sukacita bahagia senang
gegap`)
	// reactionDegrees judge the size of a feeling nobody counted.
	reactionDegrees = wordSet(`tinggi besar positif hangat luar membludak antusias baik`)
)

// reactionAt returns the number of tokens of a verdict on a reception
// starting at toks[i], or 0: a welcome word and, within four words, its
// manner ("menyambut layanan ini dengan antusias"), or a feeling and, within
// three words, its degree ("antusiasme warga sangat tinggi"). A bare
// "antusias" ("warga antusias datang") judges too.
func reactionAt(toks []token, i int) int {
	w := toks[i].lower
	span := func(j int) int {
		if toks[j].lower == "luar" {
			if j+1 < len(toks) && toks[j+1].lower == "biasa" {
				return j + 2 - i
			}
			return 0
		}
		return j + 1 - i
	}
	switch {
	case welcomeWords[w]:
		for j := i + 1; j < len(toks) && j <= i+5; j++ {
			if receptionManners[toks[j].lower] || toks[j].lower == "luar" {
				return span(j)
			}
			if toks[j].lower == "suka" && j+1 < len(toks) && toks[j+1].lower == "cita" {
				return j + 2 - i
			}
		}
	case reactionNouns[w]:
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			if reactionDegrees[toks[j].lower] {
				return span(j)
			}
		}
	case w == "antusias":
		return 1
	}
	return 0
}
