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
// # The scale
//
// The total is the weighted mean of the criterion scores, with DefaultWeights
// (5W1H 25, faktual 20, menarik 15, aktual 10, penting 10, struktur 10,
// bahasa 10) unless Input.Weights overrides some of them. Bands: sangat_baik
// from 85, baik from 70, cukup from 55, otherwise perlu_perbaikan; the band
// always follows the total. Caps keep a flaw from hiding behind a strong
// rest, as an editor would; the weighted mean is scaled into the capped
// range (score × cap / 100) rather than clipped, so two defects still cost
// more than one (TotalCap):
//
//   - any peringatan (what an editor would send back: a split prefix, an
//     unattributed quote, praise by the writer, a broken practice rule) caps
//     the total at WarningCap (84): good, but not "sangat baik";
//   - what sends a release back for revision caps it at ErrorCap (69),
//     below baik and below the default pass mark, and each more such thing
//     lowers the cap by ErrorStep (5): 69, 64, 59, then 54 for ManyErrors
//     (4), which is perlu_perbaikan, and on down to 0. A criterion stops at
//     0, so without this nine wrong facts on the KTP-el release scored 55
//     cukup before 1.47.0 (now 23). What sends it back: each kesalahan (a
//     wrong figure, name, title, date or weekday, a missing event date when
//     the brief gives it, a quote the source never said or whose meaning
//     was changed, a body under half the required words, a release more
//     than StaleDays past its publishing window), counted once per passage
//     (a wrong year is one error, though it draws a weekday and a date
//     finding); peringatan of ManyWarnings (4) or more kinds (distinct
//     rules), counted once (eight kinds on the KTP-el release scored 70
//     baik before 1.36.0, 57 cukup now), while one to three keep it baik;
//     and a body under three quarters of the practice's minimum
//     (rilis-jauh-pendek: 52 % of it scored 77 baik before 1.47.0, now 63);
//   - a body under half the words the practice asks for caps it at
//     UnderHalfCap (54, perlu_perbaikan) at least: it has not done the task.
//
// Criteria other than 5W1H and penting start at 100 and lose points per
// finding: saran 5, peringatan 15, kesalahan 35 (severityPenalty). Rules that
// undo much of their criterion cost more: no event date (CostNoEventDate,
// 60, so aktual keeps at most 40), a weekday or "hari ini" without a date
// (CostDayWithoutDate, 30), in a practice the lead's date without its
// weekday (CostDateWithoutDay, 10, a saran: the date is right), no attributed statement at all (CostNoSource,
// 40), no direct quote (CostNoQuote, 20), a lead opening with ceremony
// (CostCeremonyOpening, 20), an overlong lead (CostLeadTooLong 15 plus one
// point per word past the limit, at most 50; a body written as one
// paragraph has a lead as long as the body, so it pays the most), a body
// under the practice's
// minimum (CostTooShort 15 plus up to CostTooShortRange 30 by the shortfall;
// under half: CostUnderHalf 70), a missing required dateline
// (CostMissingDateline, 25), and a release past its publishing window (15,
// and CostLateDay 5 for each further day, at most CostNoEventDate). 5W1H and penting add up points for what the
// release does. Every criterion's summary names what cost its points, with
// the points: "Poin berkurang karena belum ada tanggal kegiatan (−60)."
// TestScaleRule checks all of this on every release of the mutation suite.
//
// # The practice's rules
//
// A brief may carry ketentuan (Requirements): the body's word range, the
// headline's word range, the lead's maximum, the dateline's place, how many
// attributed direct quotes, whether quotes must come from the sheet,
// whether thousands take a dot, and whether the headline must be an active
// clause (a passive or verbless one is otherwise a saran); the publish window is publish_by_days. The
// grader checks each one and names it in the finding ("Ketentuan latihan:
// …"); a broken rule is at least a peringatan. "bimtek courses check"
// refuses a practice whose instructions promise another number than its
// ketentuan. The mutation suite (mutation_test.go) breaks a sound release of
// each curriculum practice one defect at a time and several at once.
//
// # Topics
//
// Every finding names the topic of the course that teaches its rule
// (Finding.Topic, one of Topics): quotes and attribution, headline and lead,
// the inverted pyramid (dateline, structure, length), the news values
// (aktual, faktual, penting), 5W1H, and EYD V spelling. A lesson lists the
// topics it teaches in its front matter ("teaches"), and the practice report
// links each finding to that lesson, so feedback points to where the rule is
// taught.
//
// # Feedback text
//
// Findings on one passage suggest one fix: where a passage contradicts the
// facts sheet, the sheet's fix is the fix of every finding on it (a wrong
// year in "Kamis (16/4/2027)" drew "Jumat (16/4/2027)" as the weekday's fix
// beside the sheet's "Kamis (16/4/2026)" before 1.50.0). Counts in the
// grader's sentences are written in letters when one or two words say them,
// as EYD V asks ("dua kutipan", "Judul enam belas kata"; countWord), and
// the sheet's figures as a release writes them, in letters up to ten
// ("tiga perangkat", "400 perekaman"; releaseNumber), so the message and the
// fix agree. TestScaleRule checks both on every release of the suite.
//
// # Rule ids
//
// Every finding also names its defect class (Finding.Rule), a stable
// kebab-case id of Rules such as "tanggal-hilang", "awalan-di-terpisah" or
// "angka-bertentangan", with its criterion and an Indonesian label to show
// as a heading. Findings of one class share the id whatever their message,
// so a report can group them and a stored report can be compared across
// versions; the rule decides the finding's criterion.
//
// # Rules, thresholds, and why an editor applies them
//
// The lead. The practices' instructions call the first paragraph the lead,
// and so does the grader: the first paragraph of the body, or the second
// when the first holds only a dateline tag ("Humas Pemkab Sukamaju (3/4)"),
// always whole. The lead rules (its words, its sentences) measure that
// paragraph, and Stats.LeadWords counts it, so a body written as one
// paragraph has a lead as long as the body. Only without a brief, when a
// text of more than MaxLeadSentences+1 sentences in one paragraph is more
// likely a page that lost its breaks than a trainee's release, do the 5W1H
// and ceremony checks read its first sentence as the lead (devset guide
// rule T3); with a brief they read the first paragraph too.
//
// Paragraphs. A blank line separates paragraphs. A text without any blank
// line that breaks its lines after sentences writes one paragraph a line,
// and each such break is a paragraph's end. A text wrapped at a width (most
// single line breaks inside a sentence, after a line of at least
// minWrapRunes) has those breaks read as spaces, keeping every offset
// (unwrapLines): with blank lines they alone separate paragraphs; without
// any, a break after a sentence's end outside a quotation stays one, since
// splitting a paragraph costs less than joining the lead to the next.
//
// 5W1H (elements.go). Elements come from extract.Elements over the headline
// and the body; an element is in the lead when a span starts in the lead. A lead whose only
// event phrase is a copula ("… merupakan program prioritas bupati") gives
// background (A3) and answers nothing but siapa. Points: siapa, apa, kapan 20
// each; di mana and mengapa 15; bagaimana 10. An element answered only after
// the lead keeps OutsideLeadCredit (60 %) of its points, and one the lead
// answers only after its first MaxLeadWords words keeps the same share:
// readers of a feed often stop after the first paragraph, so the inverted
// pyramid puts the answers there. Unanswered questions are warnings
// (bagaimana a suggestion); answers missing from the lead are suggestions,
// and warnings in a practice whose sheet gives the answer (its siapa, apa,
// kapan, di_mana or mengapa): the practices ask the lead to carry them, so
// a lead without the sheet's why is sent back (a saran before 1.47.0).
//
// Aktual (aktual.go). A release needs the event's date: a day and month, or a
// weekday; the day may be written in words as EYD V allows ("Kamis, enam
// belas April 2026"), read by the same number-word reader as figures
// (extract.ReadNumberWords). A time of day ("pukul 08.00–15.00 WIB"), a year or a weekly
// schedule ("Senin–Jumat", "setiap Senin") is not a date, and does not
// answer kapan in the 5W1H table either. Without a date the
// finding is a peringatan costing CostNoEventDate, and a kesalahan when a
// brief gives the date (the release withholds a fact the reader needs to
// act); it points at the time of day or the vague word if there is one
// ("baru-baru ini", "beberapa waktu lalu"), and the sheet's date is its
// fix. A weekday or "hari ini" alone is
// a peringatan (CostDayWithoutDate): days after posting nobody knows which
// day. A day counted from the writing ("kemarin", "besok", "lusa", "tadi
// pagi") is vague, not a date: a release has no "today"; so is a period
// counted from the writing (relativePeriod) of a week or less whatever
// its direction ("pekan ini", "pekan lalu", "akhir pekan ini") and any
// period ahead ("pekan depan", "bulan depan", "tahun depan", "dua pekan
// lagi"), while "tahun lalu" and "tahun ini" still place it. Vague time words
// beside a date, "dalam waktu dekat" and "tidak lama lagi" too, are
// warnings (waktu-samar): a reader days later cannot tell when that
// happened; for a past one the sheet's date is the fix, a future one needs
// its own date or goes. "Hari pertama", "setiap hari" and "sepanjang hari"
// count within the event and are right. Dates inside quotes
// are not the event's time. A weekday that does not fall on its date
// ("Kamis (11/3/2026)" for a Wednesday) and dates that do not exist are
// errors; two weekdays over two days pair in order ("Rabu dan Kamis, 14 dan
// 15 Oktober"); a date without a year takes the year that puts it closest to Now.
// With a brief, a release written more than Brief.PublishByDays after the
// event is a warning ("terlambat") that costs more each day, and more than
// StaleDays (7) past the window a kesalahan: the event is no longer news
// (30 days late scored as 2 days late, 83 baik, before 1.47.0).
//
// Faktual (faktual.go, quotes.go, numwords.go). Every direct quote needs its
// own attribution word (kata, ujar, ungkap, jelas, tutur, tegas, pungkas,
// imbuh, terang, sebut, menurut, mengatakan, menjelaskan, menambahkan …)
// outside quotes in its own sentence, or in the sentence just before or
// after it in the same paragraph when that sentence holds no other quote: an
// attribution belongs to one quote, and a quote nobody said cannot be
// checked (warning). An attribution after the quote that names nobody
// ("kata seorang pejabat", "ujar pihak dinas", "demikian disampaikan …", or
// "katanya" with no speaker named in its paragraph or the one above) is no
// attribution; quotation marks around up to four words with no comma or
// sentence end inside and no verb of saying in the sentence mark a term,
// not a quote. With ketentuan, fewer attributed quotes than required
// is a warning; a quote repeating an earlier one counts once. Praise by the writer outside quotes and attributed sentences
// (luar biasa, spektakuler, sangat meriah, sukses besar, terbaik, megah,
// fantastis, hebat …) is a warning: it is opinion, not fact; so are the
// patterns of opinionAt: a verdict verb ("patut diapresiasi", "layak
// dicontoh"), an intensifier before or after an evaluative adjective
// ("sangat tepat", "benar-benar membantu", "ramah sekali"), a praise noun
// with its verdict ("bukti nyata", "solusi jitu", "langkah yang tepat",
// "kabar gembira"), a metaphor of praise ("angin segar", "oase") and how an
// event went ("berjalan dengan lancar dan tertib"), while "patut diduga" and "layak huni" judge nothing; so is a
// verdict on how people took it (reactionAt: "menyambut layanan ini dengan
// antusias", "disambut hangat", "antusiasme warga sangat tinggi"), which
// nobody counted. A release with
// no attributed statement at all is a warning costing CostNoSource; one
// without any figure gets a suggestion, and so do estimates ("kurang lebih
// 75", "puluhan admin") outside quotes, because an exact count can be
// checked; the fix of a round word before a noun the sheet counts is the
// sheet's figure ("ratusan pelajar" → "318 pelajar"; so is "sejumlah" before
// such a noun, from 1.53.0), and without one the
// finding asks for the count without an example (before 1.50.0 every
// practice was offered "45 admin").
//
// Against a brief, figures are read in digits ("1.240 warga", "1,2 juta") and
// in Indonesian number words, exact ("tiga", "dua belas", "empat puluh dua",
// "seribu dua ratus") or approximate ("belasan" 11–19, "puluhan" 20–99,
// "tiga puluhan" 30–39, "ratusan", "ribuan"); "sekitar N" allows a fifth
// either way. A figure whose unit or description matches a brief figure but
// whose value (or range) excludes the brief's is an error ("empat
// perangkat" for 3, "belasan" for 3), with the right number in the
// suggestion; a count per item ("lima orang dari setiap desa", "setiap desa
// menerima satu paket") is not compared with a total. A count with a general
// unit (orang, jiwa, warga, peserta) is compared with the brief figure whose
// unit noun its clause names ("381 orang di antaranya adalah pelajar" against
// 318 pelajar; so is a partitive without a unit, "381 di antaranya adalah
// pelajar") unless it equals a brief value. The same counted thing under
// another name is the same figure: penduduk for warga, anak for balita,
// siswa for pelajar ("1.420 penduduk" against 1.240 warga), but not orang or
// jiwa, which often count only some of the warga. A rate is compared with
// the sheet's rate for the same period or item, however it is written
// ("sehari", "per hari", "setiap hari", "dalam sehari"), and a count of
// people at a rate with the sheet's only figure at that rate, whatever its
// unit ("menargetkan 500 warga dalam sehari" against 400 perekaman, target
// dalam sehari): a recording is a person recorded. A name token within
// NameEditMax edits of a brief name, a person introduced with another title,
// and an event date other than Brief.Kapan are errors (the lead's date is
// checked on its own: the sheet's date elsewhere, as the start of a range,
// does not excuse it); every text field of the sheet is read, so a phone
// number, opening hours or service days other than the sheet's, a fee where
// the sheet says free, and an office that drops the sheet's qualifier are
// errors, and a count, an amount or an area the sheet never states is a
// warning, and so is a single time of day ("pukul 09.00", "14.30 WIB") when
// the sheet gives times and not that one, and a place after "warga" ("warga
// Cibeureum") when the sheet names places with their heads and not this one
// (checkSheetFacts). A web or e-mail address is a contact too
// (links.go): one the sheet does not give is a warning, one of the same
// kind as the sheet's but another is an error (tautan-bertentangan) with
// the sheet's as the fix, since it sends readers elsewhere. A number word
// ending a sentence takes no unit from the next one; a place of the brief
// never mentioned is a suggestion. Every quote is matched to the brief's
// kutipan by its content words: sharing less than QuoteOverlapMin (half) of
// them with every one means the quote is not in the sheet (warning; an error
// when ketentuan ask for quotes from the sheet); a matched quote that drops
// or adds a negation (tidak, bukan, belum, tanpa …) or changes a number is
// an error (its meaning changed), one with other words not in the original
// is a warning (an error under the same rule; a dropped particle such as
// -nya or a one-letter slip in a word of five letters or more is not a
// change of what was said), and one attributed to another
// person of the sheet is an error. What the release leaves out of the sheet
// gets a suggestion each (checkBriefCoverage): sources of siapa never named,
// a quote of a named source never used, and figures whose number (in digits
// or words) and unit both never appear (counted under penting, listing at
// most MaxMissingListed) — a facts sheet is what the editor expects to see
// used; a correct word form ("tiga perangkat") counts as used.
//
// Penting (penting.go). Public interest is built from points: people affected
// with a number ("8.450 warga lansia", 30; named without a number, 15), what
// citizens can do (schedule, place, requirements, contact such as a phone
// number, WhatsApp or a website: 30 for two kinds, 20 for one), scale in
// places, institutions or money (15), and an official source with a title and
// a name (25). Whatever is missing gets a finding saying what to add. Each
// sentence after the lead that reports ceremony (sambutan, terima kasih, doa
// bersama, foto bersama, "Acara dibuka oleh Bupati" …) outside quotes is a suggestion and
// takes 5 points: it matters to the organisers, not to the public. A
// closing formula ("Demikian siaran pers ini kami sampaikan", "Atas
// perhatiannya kami ucapkan terima kasih") and a list of two or more
// officials present ("Turut hadir Sekda, Asisten I, dan Kepala Dinas
// Sosial") are what an editor cuts before anything else: warnings
// (penutup-seremonial, daftar-pejabat) taking 15 points each (closing.go),
// while "Demikian pula …" and one official's name are not; so is a
// sentence on what the event closed with (protocol.go: "Acara ditutup
// dengan doa bersama", "diakhiri dengan foto bersama"), while "ditutup
// dengan simulasi evakuasi" reports the exercise. A facts sheet
// that tells the public what to bring, what a service costs or whom to
// contact describes a service; its practical information (those, the
// service hours, the last day of its dates, what a message must hold, where
// the result is collected, the deadline of an answer, a service at home)
// that the release leaves out is
// named in one warning, info-praktis-lembar-hilang, taking 15 points
// (practical.go): a reader who cannot use the service has lost the news.
//
// Menarik (menarik.go). A release without a headline is an error: a blank
// first line, or a first line as long as a lead (LeadLikeWords, or a
// dateline past MaxHeadlineWords, or a long sentence with a full stop),
// which SplitRelease then reads as the body. The headline has MinHeadlineWords to MaxHeadlineWords
// words (5–12: enough for who-does-what, short enough for a feed preview), a
// verb in the active voice (besides the listed verbs, a word whose di- or
// meN- form the body uses is a verb in its base form, "Kejar" beside
// "dikejar", and di- before a word the release uses makes a passive verb,
// "Dikejar" beside "imunisasi kejar"; any di- word of a verb's form,
// "Digembleng", "Ditampung", is passive by diMorphology, not "Dinkes" or
// "Diskusi"), a word a reader can place (a name, an office, a place or a
// number: a headline with none, "Pelayanan Terus Ditingkatkan", is the
// judul-umum warning), no vague opening word ("Kegiatan", "Acara"), no
// all capitals and no "!" or "?" (they read as
// shouting and clickbait), no teasing words whatever the punctuation (an
// interjection such as "Wow" or "Heboh", an opening that withholds the news
// such as "Begini Cara", "Ini Dia", "Simak", "Ternyata", a demand such as
// "Wajib Tahu": warning judul-umpan-klik), and no full stop (a headline is
// not a sentence). A ter- verb ("Terdata", "Terlayani") is passive like a
// di- verb, and "Di Buka" (the prefix written apart) is a passive verb; a
// bare base after the headline's verb that the body uses only in a
// service's name ("Jemput Bola" beside "layanan jemput bola"), or that ends
// a noun phrase the body writes ("Imunisasi Kejar"), is no second verb. The
// lead must not open with ceremony ("Dalam rangka", "Bertempat di", "Pada
// hari", "Telah dilaksanakan", "Dalam upaya", and at the start only "Puji
// syukur", "Berlokasi di", "Seperti diketahui" …: warning), because the first
// words decide whether anyone reads on; so must it not open with a step of
// the event's programme (protocol.go: "Diawali doa bersama", "Acara dibuka
// dengan menyanyikan Indonesia Raya", "Usai upacara pembukaan"); ceremony
// elsewhere in the lead is a suggestion. A release needs at least one direct quote (warning without), and
// sentences averaging at most MaxAvgSentenceWords (25).
//
// Struktur (struktur.go). The lead starts with a dateline in capitals and a
// dash ("SUKAMAJU – "; warning without it, suggestion when not in capitals;
// with ketentuan, a warning costing CostMissingDateline, or a warning when it
// names another place; a lead opening with the place written another way,
// "Sukamaju, …", "SUKAMAJU: …", is fixed by rewriting the place, not by
// writing it twice, "SUKAMAJU – Sukamaju"),
// has at most MaxLeadSentences (2) sentences and MaxLeadWords (35) words
// (warning: "Teras berita 52 kata; usahakan di bawah 35 kata …"), paragraphs
// after it stay within MaxParagraphWords (70) and MaxParagraphSentences (4)
// (suggestion), and the release is MinReleaseWords–MaxReleaseWords (250–600)
// words: shorter texts get an info, below VeryShortWords (100) a
// suggestion. A practice's kata_isi replaces these: under its minimum is a
// warning, under three quarters of it a warning that sends the release
// back like a kesalahan (rilis-jauh-pendek, ErrorCap), under half of it an
// error that also caps the total (UnderHalfCap), over its maximum a suggestion (over one and a half times,
// a warning giving the count and range with the thousands dot). A sentence
// of the body that repeats an earlier one (case and spaces aside) is a
// warning on the repeat. Its kata_teras_maks replaces MaxLeadWords and its kata_judul
// the headline range (a warning when broken). A text calling itself "siaran pers" without a contact gets an
// info: journalists need someone to call. A release reaches editors as
// plain text, so Markdown or HTML markup in the headline or body (a "#"
// heading, "**bold**", "*italic*", "[text](address)", "<b>") is a warning,
// once per kind at its first place with the count; a bulleted list of two or
// more "- "/"* " lines a suggestion costing CostBulletList, with the items
// joined into a sentence as the fix (plaintext.go).
//
// Bahasa (bahasa.go, lexicon.go). A passage in English is a warning: a run
// of words inside a sentence with no Indonesian function word ("yang",
// "dan", "di", "kata" …) holding at least EnglishMinWords different English
// function words that make up EnglishMinShare of it ("We are ready to serve
// all residents"); a name or title in English ("Festival of the Arts") has
// only capitalised words besides them and is left alone, and so are idioms
// that repeat one function word ("the right man on the right place"). Over
// the real news of ../shared/data (3,635 texts) one passage is flagged, a
// real English idiom ("is in the wings"). A word mixing Latin letters with Cyrillic
// or Greek look-alikes ("dі" with a Cyrillic і) is a warning. EYD V and KBBI: over 150 non-standard words
// with their standard forms (himbau→imbau, silahkan→silakan, praktek→praktik,
// resiko→risiko, ijin→izin, merubah→mengubah, kreatifitas→kreativitas …;
// warning), melting after meN- (mempengaruhi→memengaruhi), foreign words with
// established equivalents and informal words (suggestions); the suggestion
// keeps the case of the original ("Himbau"→"Imbau"). Only whole words match,
// so "pengasapan" is never flagged. The preposition di/ke is written apart
// before place and position words ("dikantor"→"di kantor", "diatas",
// "disini", "kemana"; and a pe-/ke- noun in -an such as "dipertemuan"), before
// an acronym or a capital ("diSP4N-LAPOR!", "keOPD"), before "sepanjang", and
// ke before a noun the release or sheet writes after a separate "ke"
// ("kenomor"), but not in words of their own ("kemeja", "kedua"), and
// "dimana" is "di mana" — and when it links clauses ("era …, dimana …") it
// is not standard at all: use "yang" or split the sentence. The prefix di-
// written apart ("di laksanakan", "di data", "di layani"; warning) is found
// by morphology and context, not by a list of a few verbs (prefixDi): the
// next word is a verb when it is a per-…-kan, per-…-i or ke-…-kan form
// ("di persilakan", "di kesampingkan") whose stem with -k is no noun
// ("pergerakan"), when it ends in -kan, or in -i after a stem of five or
// more letters ending in a consonant, or is followed by the agent "oleh" or
// by "ulang", or is joined by "dan", "lalu" … to another split di- verb, or
// follows an auxiliary ("akan", "untuk", "yang", "tidak" …); it stays a
// preposition when it is capitalised, a number, a place or position word, a
// common noun after di ("tingkat", "grup"), a noun in -an, or reduplicated
// ("di sana-sini"). A function word a title-case headline capitalises after
// its first word ("Bagi", "Dari", "Untuk", "Yang") is a warning,
// kapital-kata-tugas-judul, fixed with the whole headline (headline.go),
// except a bare verb "Bagi" before the headline's verb and an ordinal "Ke
// 28". In a title-case headline a capital says nothing else, so
// "Di Layani" is the split prefix unless the body writes the word only as a
// name ("Di Cikadu"). The fix joins a compound closed by a suffix whole
// ("di tanda tangani" → "ditandatangani", not "ditanda"), and the fix of a
// joined preposition capitalises "di" only where a sentence or the
// headline starts, and its region word before a name ("dikecamatan
// Cikadu" → "di Kecamatan"). A foreign base takes di- with a hyphen, as EYD
// V joins Indonesian affixes to foreign words ("di print" → "di-print", told
// by spelling Indonesian lacks: a final cluster, a silent e, sh, th, ck …),
// or becomes its Indonesian equivalent when the lexicon has one ("di
// upload" → "diunggah"). On idner-news-2k this takes 1 of 814 prepositions for
// the prefix, and that one ("akan di evaluasi") is a real error of the
// source (TestPrefixDiOnRealNews). A number of four or more digits without
// the thousands dot ("1240 warga") is a suggestion, a warning when ketentuan
// ask for the dot; four-digit numbers up to 2100 without a counting unit
// after them are taken for years. Day and month names and titles before a name take capitals
// (warning). Sentences over MaxSentenceWords (35) words, RepeatedOpeningRun
// (3) sentences in a row opening with the same word, double spaces, a space
// before punctuation and a missing space after it are suggestions, as are
// "beliau" (news names people neutrally) and "jam" for a clock time ("pukul").
package grading
