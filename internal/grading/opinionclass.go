package grading

import "strings"

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
	// noWonder open a sentence with the writer's judgement that what follows
	// was to be expected or is deserved: "Tak heran, …", "Tidak
	// berlebihan jika …".
	noWonder = newPhraseSet([][]string{{"tak", "heran"}, {"tidak", "heran"}, {"tak", "mengherankan"},
		{"tidak", "mengherankan"}, {"pantas", "saja"}, {"wajar", "saja"}, {"tak", "ayal"}, {"tidak", "berlebihan"}, {"tak", "berlebihan"},
		{"bukan", "tanpa", "alasan"}})
	// moodWords are a feeling the writer reads off people's faces: "Para
	// peserta tampak senang", "terlihat begitu bersemangat".
	moodWords = wordSet(`senang puas gembira bahagia antusias bersemangat semangat ceria riang bangga lega terharu haru
semringah sumringah sumringah antusiasme serius khidmat nyaman betah`)
	// moodSeen are the verbs of that reading, the mood within two words
	// after them ("tampak sangat senang").
	moodSeen = wordSet(`terlihat tampak nampak kelihatan tampaknya terlihatnya`)
	// sloganStances with "selalu" or "senantiasa" are an office's slogan
	// about itself: "selalu hadir untuk rakyat", "senantiasa berpihak
	// kepada masyarakat"; with the public they serve after them.
	sloganStances = wordSet(`hadir ada berpihak siap peduli mendengar mendengarkan mengutamakan melayani mengayomi`)
	publicWords   = wordSet(`rakyat masyarakat warga publik warganya rakyatnya masyarakatnya`)
	// degreeWords grade the plain adjective after them in the writer's
	// voice: "sangat praktis", "amat mudah".
	degreeWords = wordSet(`sangat amat sungguh sangatlah amatlah teramat`)
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
	case noWonder.at(toks, i, len(toks)) > 0:
		if sentenceStart(f, i) {
			return noWonder.at(toks, i, len(toks))
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
		if (w == "selalu" || w == "senantiasa") && sloganStances[word(i+1)] {
			for k := i + 2; k < len(toks) && k <= i+4; k++ {
				if publicWords[word(k)] {
					return k + 1 - i
				}
			}
		}
	case moodSeen[w]:
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			if moodWords[word(k)] {
				return k + 1 - i
			}
			if !intensifiers[word(k)] && !degreeWords[word(k)] && word(k) != "begitu" {
				break
			}
		}
	case degreeWords[w]:
		if plainAdjective(word(i+1)) && serviceQualities[word(i+1)] {
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

// plainAdjective reports a word that a degree word grades: a base without
// a verb or noun affix, not a function word ("praktis", "mudah"; not
// "dibutuhkan", "tidak", "kecil"). Sizes and measures ("besar", "tinggi")
// describe, so they are left to the evaluative list.
func plainAdjective(w string) bool {
	if len(w) < 4 || notDegree[w] || measureWords[w] || strings.ContainsAny(w, "0123456789-") {
		return false
	}
	for _, p := range []string{"me", "di", "ber", "ter", "pe", "ke", "se"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+3 {
			return false
		}
	}
	return !strings.HasSuffix(w, "an") && !strings.HasSuffix(w, "kan") && !strings.HasSuffix(w, "nya")
}

// serviceQualities are what a release praises its own service with; a
// degree before them is the writer's promotion ("sangat praktis", "amat
// mudah"), while "sangat mahal" or "sangat rumit" in news describes.
var serviceQualities = wordSet(`praktis mudah gampang murah nyaman bagus baik indah lengkap modern bersih ramah aman
terjangkau sederhana cocok layak sigap tanggap canggih lancar istimewa menarik memadai maksimal optimal prima
profesional transparan akuntabel informatif interaktif solid kompak meriah semarak elok asri rapi tertata`)

// measureWords describe a size, an amount or a distance that could be
// measured: "sangat tinggi" of rainfall is a category, not praise.
var measureWords = wordSet(`besar kecil tinggi rendah banyak sedikit jauh dekat lama cepat lambat luas sempit panjang pendek
berat ringan dalam dangkal kuat lemah rawan parah deras`)
