package grading

// Writer's opinion beyond praise words: the classes a regional release
// falls into when it speaks for the office instead of reporting it.
var (
	// evidenceVerbs present the deed as proof of a virtue: "Hal ini
	// membuktikan keseriusan …".
	evidenceVerbs = wordSet(`membuktikan menunjukkan mencerminkan menggambarkan menandakan menegaskan memperlihatkan`)
	// proofNouns do the same as nouns: "wujud kepedulian", "bukti komitmen".
	proofNouns = wordSet(`wujud bukti bentuk cerminan`)
	// virtueNouns are qualities of an office no reader can check.
	virtueNouns = wordSet(`keseriusan komitmen kepedulian keberpihakan kesungguhan dedikasi ketulusan
keseriusannya komitmennya kepeduliannya keberpihakannya kesungguhannya dedikasinya kehadiran`)
	// hopeOpeners open a sentence with the writer's wish: "Semoga …",
	// "Diharapkan …" (a quoted hope is attributed and stays).
	hopeOpeners = wordSet(`semoga mudah-mudahan diharapkan harapannya`)
	// feelingNouns name a mood the writer reads off the crowd:
	// "Antusiasme warga terlihat …".
	feelingNouns = wordSet(`antusiasme kegembiraan kebahagiaan keceriaan kemeriahan keakraban kehangatan kekhidmatan`)
	seenVerbs    = wordSet(`terlihat tampak terpancar terasa`)
	// praiseAdjectives praise wherever they stand: "dikemas dengan apik",
	// "kanal yang canggih".
	praiseAdjectives = wordSet(`apik canggih ciamik mumpuni keren`)
	// commitVerbs with a constancy word are an office's self-praise:
	// "terus berkomitmen memberikan pelayanan prima".
	constancyWords = wordSet(`terus senantiasa selalu tetap`)
	primaServices  = wordSet(`pelayanan layanan`)
	// sentenceVerdicts open a sentence with the writer's verdict:
	// "Hebatnya, …", "Uniknya, …".
	sentenceVerdicts = wordSet(`hebatnya uniknya menariknya istimewanya serunya sayangnya luar-biasanya membanggakannya`)
)

// opinionClassAt returns the number of tokens of a writer's opinion of
// these classes starting at token i of f, or 0.
func opinionClassAt(f *field, i int) int {
	toks := f.toks
	word := func(k int) string {
		if k < len(toks) {
			return toks[k].lower
		}
		return ""
	}
	w := word(i)
	switch {
	case evidenceVerbs[w] || proofNouns[w]:
		k := i + 1
		if word(k) == "adanya" || word(k) == "betapa" {
			k++
		}
		if virtueNouns[word(k)] {
			return k + 1 - i
		}
	case hopeOpeners[w] || sentenceVerdicts[w]:
		if !sentenceStart(f, i) {
			return 0
		}
		if sentenceVerdicts[w] && (i+1 >= len(toks) || f.slice(toks[i].end, toks[i+1].start) != ", ") {
			return 0
		}
		// "Diharapkan, warga membawa KK": an instruction to the public
		if w == "diharapkan" && (peopleUnits[word(i+1)] || word(i+1) == "masyarakat" || word(i+1) == "para") {
			return 0
		}
		return 1
	case feelingNouns[w]:
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			if seenVerbs[word(k)] {
				return k + 1 - i
			}
		}
	case praiseAdjectives[w]:
		return 1
	case constancyWords[w]:
		if word(i+1) == "berkomitmen" {
			return 2
		}
	case primaServices[w]:
		if word(i+1) == "prima" {
			return 2
		}
	}
	return 0
}

// sentenceStart reports whether token i opens its sentence.
func sentenceStart(f *field, i int) bool {
	s := f.sentenceOf(f.toks[i].start)
	if s < 0 {
		return false
	}
	lo, _ := f.tokRange(f.sents[s].Start, f.sents[s].End)
	return lo == i
}
