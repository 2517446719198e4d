package grading

// titleAfterName reports a capitalised title at token i written as the
// apposition of a name before it: "dr. Rahmat Hidayat, Kepala Dinas …",
// "Siti Nurhalimah selaku Plt. Kepala …". The release names an official
// with an office as surely as "Kepala Dinas …, dr. Rahmat Hidayat" does.
func (g *grader) titleAfterName(f *field, i int) bool {
	k := i
	if _, from := actingStatus(f, i); from < i {
		k = from
	}
	if k < 2 || !f.toks[i].capital {
		return false
	}
	switch gap := f.slice(f.toks[k-1].end, f.toks[k].start); {
	case gap == ", ":
	case gap == " " && (f.toks[k-1].lower == "selaku" || f.toks[k-1].lower == "sebagai") && f.slice(f.toks[k-2].end, f.toks[k-1].start) == " ":
		k--
	default:
		return false
	}
	p := f.toks[k-1]
	return p.capital && !p.allCaps && !p.num && !f.inQuote(p.start) && !officeWords[p.lower] && !titleWords[p.lower] &&
		!placeHeads[p.lower] && len([]rune(p.text)) >= 3
}
