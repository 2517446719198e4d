// Package grading scores a practice news release ("rilis") on the news values
// taught in the bimtek: 5W1H, aktual, faktual, penting, menarik, struktur and
// bahasa (EYD V spelling), with feedback in Bahasa Indonesia that points at a
// passage, says why it matters to the reader and how to fix it.
//
// The package is pure and deterministic: text (and an optional facts sheet,
// the Brief) in, a Report out; no clock (the caller passes Input.Now), no I/O.
// Segmentation, dates and 5W1H spans come from package extract. Every report
// carries Version, bumped on any rule change.
//
// # Report
//
// The JSON of Report is the contract of DESIGN.md §8. Offsets are rune (code
// point) offsets within the field, "judul" (headline) or "isi" (body); an
// empty span (start == end) is a remark on the text as a whole. Findings are
// sorted by field (judul first), start, criterion. Severities, mildest first:
// info (worth knowing, costs nothing), saran (a suggestion), peringatan (what
// an editor would send back), kesalahan (a wrong fact or date).
//
// The total is the weighted mean of the criterion scores, with DefaultWeights
// (5W1H 25, faktual 20, menarik 15, aktual 10, penting 10, struktur 10,
// bahasa 10) unless Input.Weights overrides some of them. Bands: sangat_baik
// from 85, baik from 70, cukup from 55, otherwise perlu_perbaikan. A release
// with any kesalahan is at best cukup: an editor would not publish a wrong
// fact or date however good the rest is, and the band must not say otherwise.
//
// Criteria other than 5W1H and penting start at 100 and lose points per
// finding: saran 5, peringatan 15, kesalahan 35 (severityPenalty). A few rules
// that undo much of their criterion cost more: no attributed statement at all
// (CostNoSource, 40), no direct quote (CostNoQuote, 20), a lead opening with
// ceremony (CostCeremonyOpening, 20), and an overlong lead (CostLeadTooLong 15
// plus one point per word past MaxLeadWords, at most 50). 5W1H and penting add
// up points for what the release does.
//
// # Rules, thresholds, and why an editor applies them
//
// 5W1H (elements.go). Elements come from extract.Elements over the headline
// and the body; an element is in the lead when a span starts in the first
// paragraph of the body (the dateline paragraph). Points: siapa, apa, kapan 20
// each; di mana and mengapa 15; bagaimana 10. An element answered only after
// the lead keeps OutsideLeadCredit (60 %) of its points, and one the lead
// answers only after its first MaxLeadWords words keeps the same share:
// readers of a feed often stop after the first paragraph, so the inverted
// pyramid puts the answers there. Unanswered questions are warnings
// (bagaimana a suggestion); answers missing from the lead are suggestions.
//
// Aktual (aktual.go). A release needs an explicit event time (weekday, date,
// clock time or a relative day); without one, or with only vague words such as
// "baru-baru ini", it is a warning, because news without a time cannot be
// judged current. Dates inside quotes are not the event's time. A weekday that
// does not fall on its date ("Kamis (11/3/2026)" for a Wednesday) and dates
// that do not exist are errors; a date without a year takes the year that puts
// it closest to Now. With a brief, a release written more than
// Brief.PublishByDays after the event is a warning ("terlambat").
//
// Faktual (faktual.go). Every direct quote needs an attribution word (kata,
// ujar, ungkap, jelas, tutur, tegas, pungkas, imbuh, terang, sebut, menurut,
// mengatakan, menjelaskan, menambahkan …) outside quotes in its own or an
// adjacent sentence: a quote nobody said cannot be checked (warning on the
// quote). Praise by the writer outside quotes and outside attributed
// sentences (luar biasa, spektakuler, sangat meriah, sukses besar, terbaik,
// megah, fantastis, hebat …) is a warning: it is opinion, not fact. A release
// with no attributed statement at all is a warning costing CostNoSource; one
// without any figure gets a suggestion, and so do estimates ("kurang lebih 75",
// "puluhan admin") outside quotes, because an exact count can be checked. Against a brief: a number whose unit or
// description matches a brief figure but whose value differs, a name token
// within NameEditMax edits of a brief name, a person introduced with another
// title, and an event date other than Brief.Kapan are errors; a place of the
// brief never mentioned is a suggestion; a quote sharing less than
// QuoteOverlapMin of its words with every brief quote is a warning (quotes
// must not be invented). What the release leaves out of the sheet gets a
// suggestion each (checkBriefCoverage): sources of siapa never named, a quote of
// a named source never used, and figures whose number and unit both never
// appear (counted under penting, listing at most MaxMissingListed) — a
// facts sheet is what the editor expects to see used.
//
// Penting (penting.go). Public interest is built from points: people affected
// with a number ("8.450 warga lansia", 30; named without a number, 15), what
// citizens can do (schedule, place, requirements, contact such as a phone
// number, WhatsApp or a website: 30 for two kinds, 20 for one), scale in
// places, institutions or money (15), and an official source with a title and
// a name (25). Whatever is missing gets a finding saying what to add. Each
// sentence after the lead that reports ceremony (sambutan, terima kasih, doa
// bersama, foto bersama, "dibuka oleh" …) outside quotes is a suggestion and
// takes 5 points: it matters to the organisers, not to the public.
//
// Menarik (menarik.go). The headline has MinHeadlineWords to MaxHeadlineWords
// words (5–12: enough for who-does-what, short enough for a feed preview), a
// verb in the active voice, no vague opening word ("Kegiatan", "Acara"), no
// all capitals and no "!" or "?" (they read as
// shouting and clickbait), and no full stop (a headline is not a sentence). The
// lead must not open with ceremony ("Dalam rangka", "Bertempat di", "Pada
// hari", "Telah dilaksanakan", "Dalam upaya" …: warning), because the first
// words decide whether anyone reads on; ceremony elsewhere in the lead is a
// suggestion. A release needs at least one direct quote (warning without), and
// sentences averaging at most MaxAvgSentenceWords (25).
//
// Struktur (struktur.go). The lead starts with a dateline in capitals and a
// dash ("SUKAMAJU – "; warning without it, suggestion when not in capitals),
// has at most MaxLeadSentences (2) sentences and MaxLeadWords (35) words
// (warning: "Teras berita 52 kata; usahakan di bawah 35 kata …"), paragraphs
// after it stay within MaxParagraphWords (70) and MaxParagraphSentences (4)
// (suggestion), and the release is MinReleaseWords–MaxReleaseWords (250–600)
// words: shorter practice texts get an info, below VeryShortWords (100) a
// suggestion. A text calling itself "siaran pers" without a contact gets an
// info: journalists need someone to call.
//
// Bahasa (bahasa.go, lexicon.go). EYD V and KBBI: over 150 non-standard words
// with their standard forms (himbau→imbau, silahkan→silakan, praktek→praktik,
// resiko→risiko, ijin→izin, merubah→mengubah, kreatifitas→kreativitas …;
// warning), melting after meN- (mempengaruhi→memengaruhi), foreign words with
// established equivalents and informal words (suggestions); the suggestion
// keeps the case of the original ("Himbau"→"Imbau"). Only whole words match,
// so "pengasapan" is never flagged. The preposition di/ke is written apart
// before place and position words ("dikantor"→"di kantor", "diatas",
// "disini", "kemana"), the prefix di- is written joined to a verb ("di
// sampaikan"→"disampaikan"), and "dimana" is "di mana" — and when it links
// clauses ("era …, dimana …") it is not standard at all: use "yang" or split
// the sentence. Day and month names and titles before a name take capitals
// (warning). Sentences over MaxSentenceWords (35) words, RepeatedOpeningRun
// (3) sentences in a row opening with the same word, double spaces, a space
// before punctuation and a missing space after it are suggestions, as are
// "beliau" (news names people neutrally) and "jam" for a clock time ("pukul").
package grading
