package grading

// Lexicon bits: which of the word lists that the rules scan every token
// against hold a token's lower-case form. tokenize looks each token up once
// in tokLex, so a rule asks a bit instead of hashing the word again; a rule
// still reads the list itself for the value once the bit is set.
const (
	lexNumberWord uint32 = 1 << iota
	lexPeopleUnit
	lexScaleUnit
	lexActionCue
	lexTitleWord
	lexVagueAmount
	lexAttribution
	lexDayName
	lexMonthName
	lexNonStandard
	lexGenericQuantifier
	lexRegionWord
	// first words of the phrase sets
	lexOpinionStart
	lexApproxStart
	lexCeremonyStart
	lexProtocolStart
)

// tokLex maps every word of those lists to its bits (presence in the list,
// whatever the value).
var tokLex = buildTokLex()

func buildTokLex() map[string]uint32 {
	m := map[string]uint32{}
	addBool := func(set map[string]bool, bit uint32) {
		for w := range set {
			m[w] |= bit
		}
	}
	addString := func(set map[string]string, bit uint32) {
		for w := range set {
			m[w] |= bit
		}
	}
	addBool(numberWords, lexNumberWord)
	addBool(peopleUnits, lexPeopleUnit)
	addBool(scaleUnits, lexScaleUnit)
	addString(actionCues, lexActionCue)
	addBool(titleWords, lexTitleWord)
	addBool(vagueAmounts, lexVagueAmount)
	addBool(attributionWords, lexAttribution)
	addString(dayNames, lexDayName)
	addString(monthNames, lexMonthName)
	for w := range nonStandard {
		m[w] |= lexNonStandard
	}
	addBool(genericQuantifiers, lexGenericQuantifier)
	addBool(regionWords, lexRegionWord)
	for _, ps := range []struct {
		set phraseSet
		bit uint32
	}{{opinionPhrases, lexOpinionStart}, {approxMarkers, lexApproxStart}, {ceremonyPhrases, lexCeremonyStart}, {protocolPhrases, lexProtocolStart}} {
		for w := range ps.set {
			m[w] |= ps.bit
		}
	}
	return m
}

// is reports whether the token's lower-case form is in the list of bit.
func (t token) is(bit uint32) bool { return t.lex&bit != 0 }

// lookupIf reads list for the token's lower-case form when the token has
// the list's bit; without it the word is not in the list.
func lookupIf[V any](t token, bit uint32, list map[string]V) (V, bool) {
	if t.lex&bit == 0 {
		var zero V
		return zero, false
	}
	v, ok := list[t.lower]
	return v, ok
}

// atIf is ps.at for a phrase set whose first words carry bit: a token
// without the bit starts none of its phrases.
func (ps phraseSet) atIf(bit uint32, toks []token, i, hi int) int {
	if toks[i].lex&bit == 0 {
		return 0
	}
	return ps.at(toks, i, hi)
}
