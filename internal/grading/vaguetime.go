package grading

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// relativeDays name a day by its distance from the day of writing. A
// release has no "today": it is read days later, on a website or passed
// on, so "besok" or "kemarin" pins nothing down. A weekday with them
// ("Rabu kemarin") or a date does.
var relativeDays = wordSet(`kemarin besok lusa esok semalam tadi nanti`)

// futureTimes point after the day of writing: the sheet's event date is no
// fix for them.
var futureTimes = wordSet(`besok lusa esok nanti nantinya beberapa dalam tidak sebentar segera secepatnya sesegera secepat`)

// shortPeriods go stale within days of the writing: "pekan ini" or "dua
// hari lalu" is read after that week is over.
var shortPeriods = wordSet(`hari jam pekan minggu sepekan seminggu sehari`)

// aheadWords point a relative period forward: "pekan depan", "tahun
// mendatang", "tiga hari lagi", "dua bulan yang akan datang".
var aheadWords = wordSet(`depan mendatang lagi datang`)

// relativePeriod reads a period counted from the writing ("pekan depan",
// "akhir pekan ini", "dua hari lalu", "tahun depan"): whether it is vague
// and whether it points ahead. A week or less goes stale within days,
// whatever its direction; any period ahead promises a time without giving
// it. A past month or year ("bulan lalu", "tahun lalu") and "tahun ini"
// still place the time for the release's readers, and "hari ini" is the
// day of the event (1.39.0 reads it as the missing date).
func relativePeriod(text string) (vague, ahead bool) {
	words := strings.Fields(strings.ToLower(text))
	if len(words) < 2 {
		return false, false
	}
	dir, period := words[len(words)-1], words[len(words)-2]
	if period == "yang" || period == "akan" {
		if len(words) < 3 {
			return false, false
		}
		period = words[len(words)-3]
	}
	ahead = aheadWords[dir]
	if period == "hari" && dir == "ini" {
		return false, false
	}
	return ahead || shortPeriods[period], ahead
}

// vagueDay reports a date that is only a day or a period relative to the
// writing ("besok", "kemarin lusa", "tadi pagi", "pekan depan", "tahun
// depan"): as vague as "baru-baru ini".
func vagueDay(d extract.Date) bool {
	if !d.Relative || d.Weekday >= 0 || d.Day > 0 || d.Month > 0 {
		return false
	}
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(d.Text)), " ")
	if relativeDays[first] {
		return true
	}
	vague, _ := relativePeriod(d.Text)
	return vague
}

// vagueTimeFinding reports a vague time beside the release's date. It is a
// peringatan: the reader cannot tell when that happened, which is what an
// editor sends back. With a sheet the fix of a past or present time is the
// sheet's date; a future one ("besok", "dalam waktu dekat") needs the date
// of that later event, or goes.
func (g *grader) vagueTimeFinding(f *field, d extract.Date, dated int) Finding {
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(d.Text)), " ")
	date := g.exampleDate()
	if dated == 0 {
		return f.finding("waktu-samar", SevPeringatan, d.Start, d.End,
			fmt.Sprintf("\"%s\" adalah keterangan waktu yang samar. Pembaca perlu tahu kapan persisnya: tulis hari dan tanggal, misalnya \"%s\".", d.Text, date), "")
	}
	why := "Rilis dibaca berhari-hari setelah terbit, sehingga pembaca tidak tahu kapan itu terjadi."
	if _, ahead := relativePeriod(d.Text); futureTimes[first] || ahead {
		return f.finding("waktu-samar", SevPeringatan, d.Start, d.End,
			fmt.Sprintf("\"%s\" tidak menyebut waktu yang pasti. %s Tulis hari dan tanggalnya; jika tanggal itu tidak ada di lembar fakta, hapus keterangan ini.", d.Text, why), "")
	}
	sugg, what := "", "hari dan tanggalnya"
	if g.in.Brief != nil {
		sugg = date
		if r := g.sheetRange(); r != "" && periodVague(d.Text) {
			// "selama pekan ini": a week, so the sheet's range, not a day
			sugg, date, what = r, r, "rentang tanggalnya"
		}
	}
	return f.finding("waktu-samar", SevPeringatan, d.Start, d.End,
		fmt.Sprintf("\"%s\" tidak menyebut waktu yang pasti. %s Tulis %s, misalnya \"%s\".", d.Text, why, what, date), sugg)
}

// soonPhrases promise a time without giving it; extract reads only the
// vague words of the past ("baru-baru ini"), these point ahead.
var soonPhrases = newPhraseSet([][]string{
	{"dalam", "waktu", "dekat"}, {"dalam", "waktu", "yang", "tidak", "lama"}, {"tidak", "lama", "lagi"},
	{"tak", "lama", "lagi"}, {"dalam", "beberapa", "waktu", "ke", "depan"},
})

// soonTimes returns the soonPhrases of f outside quotes as vague dates.
func soonTimes(f *field) []extract.Date {
	var out []extract.Date
	for i := 0; i < len(f.toks); i++ {
		k := soonPhrases.at(f.toks, i, len(f.toks))
		if k == 0 || f.inQuote(f.toks[i].start) {
			continue
		}
		s, e := f.toks[i].start, f.toks[i+k-1].end
		out = append(out, extract.Date{Span: extract.Span{Start: s, End: e, Text: f.slice(s, e)}, Weekday: -1, Vague: true})
		i += k - 1
	}
	for i := range f.toks {
		k := soonAdverb(f, i)
		if k == 0 {
			k = relativeAdverb(f, i)
		}
		if k == 0 || f.inQuote(f.toks[i].start) {
			continue
		}
		s, e := f.toks[i].start, f.toks[i+k-1].end
		out = append(out, extract.Date{Span: extract.Span{Start: s, End: e, Text: f.slice(s, e)}, Weekday: -1, Vague: true})
	}
	return out
}

// adviceWords ask the reader to act: after them "segera" urges, it does
// not time the event ("Warga diimbau segera mendaftar").
var adviceWords = wordSet(`imbau diimbau mengimbau imbauan ajak mengajak diajak minta meminta diminta harap diharapkan
berharap mengharapkan agar supaya hendaknya sebaiknya wajib harus perlu silakan mohon dimohon diingatkan mengingatkan
pastikan jangan`)

// soonAdverb returns the number of tokens of an adverb at toks[i] that
// promises the event soon without a date, in the writer's own account:
// "secepatnya", "sesegera mungkin", "secepat mungkin", and "segera" after
// "akan" or before a passive verb ("Layanan serupa akan segera dibuka",
// "segera disalurkan"). An urging of the reader (after an advice word, or
// opening the sentence as a command) and "segera setelah …", which hangs
// the time on another event, are no vague time.
func soonAdverb(f *field, i int) int {
	t := f.toks[i]
	word := func(k int) string {
		if k >= 0 && k < len(f.toks) && f.sentenceOf(f.toks[k].start) == f.sentenceOf(t.start) {
			return f.toks[k].lower
		}
		return ""
	}
	k := 0
	switch t.lower {
	case "secepatnya":
		k = 1
	case "sesegera", "secepat":
		if word(i+1) == "mungkin" {
			k = 2
		}
	case "segera":
		next := word(i + 1)
		if word(i-1) == "akan" || strings.HasPrefix(next, "di") && len(next) > 5 && !diPlaces[next[2:]] {
			k = 1
		}
		for j := i + 1; j <= i+4; j++ {
			if w := word(j); w == "setelah" || w == "sesudah" || w == "usai" || w == "seusai" {
				return 0 // "segera dicetak setelah perekaman": timed by another event
			}
		}
	}
	if k == 0 || word(i-1) == "" && t.lower != "secepatnya" {
		return 0 // a command opening its sentence: "Segera daftarkan …"
	}
	for j := i - 1; j >= i-6; j-- {
		w := word(j)
		if w == "" {
			break
		}
		if adviceWords[w] {
			return 0
		}
	}
	return k
}

// askWords take "di mana" as the question they report: "tahu di mana",
// "menanyakan di mana", "tentang di mana".
var askWords = wordSet(`tahu mengetahui diketahui tanya bertanya menanyakan ditanyakan tentang mengenai soal
menentukan ditentukan menunjukkan memberi memberitahu melihat lihat mencari dicari mengerti paham memahami
bingung ingat lupa jelas dan atau serta kapan bagaimana siapa apa mengapa yakni yaitu`)

// relativeHead reports a "di mana" written as "where" right after a noun
// ("kegiatan di mana warga …", "aula di mana petugas …"): a lower-case
// word that no verb prefix opens and that does not report a question,
// with a clause after "mana" (a word, not the sentence's end).
func relativeHead(f *field, i int) bool {
	p := f.toks[i-1]
	if i+2 >= len(f.toks) || p.num || p.capital || askWords[p.lower] || f.sentenceOf(p.start) != f.sentenceOf(f.toks[i].start) {
		return false
	}
	if n := f.toks[i+2]; f.sentenceOf(n.start) != f.sentenceOf(f.toks[i].start) || f.slice(f.toks[i+1].end, n.start) != " " {
		return false
	}
	w := p.lower
	for _, pre := range []string{"me", "di", "ber", "ter"} {
		if strings.HasPrefix(w, pre) && len(w) > len(pre)+3 {
			return false
		}
	}
	return len(w) >= 3
}

// timeHeads are nouns of time: "era …, di mana" reads "saat".
var timeHeads = wordSet(`era masa saat waktu hari zaman periode tahun bulan pekan minggu kala`)

// relativeFix is the word that replaces a relative "di mana" after head:
// "tempat" after a place, "saat" after a time; "" when the clause needs
// rewriting ("yang" with another structure).
func relativeFix(head string) string {
	switch {
	case timeHeads[head]:
		return "saat"
	case diPlaces[head] || kePlaces[head]:
		return "tempat"
	}
	return ""
}

// stretchWords count a stretch of time in "beberapa hari ke depan".
var stretchWords = wordSet(`hari pekan minggu bulan waktu jam`)

// relativeAdverb returns the number of tokens of a time the writer counts
// from the writing, outside any date: "Nantinya, …" (some time later),
// "[dalam] beberapa hari ke depan|mendatang|lagi" (a stretch ahead with no
// length), and "baru saja" before a verb (a past with no day). A date
// in the same clause right after them places the time, so they are left
// alone there.
func relativeAdverb(f *field, i int) int {
	t := f.toks[i]
	sent := f.sentenceOf(t.start)
	word := func(k int) string {
		if k >= 0 && k < len(f.toks) && f.sentenceOf(f.toks[k].start) == sent {
			return f.toks[k].lower
		}
		return ""
	}
	k := 0
	switch t.lower {
	case "nantinya":
		// opening its sentence it times what follows; inside one it mostly
		// names a later role ("utusan yang nantinya akan melatih warga")
		if sentenceStart(f, i) {
			k = 1
		}
	case "dalam", "beberapa":
		j := i
		if t.lower == "dalam" {
			j++
		}
		if word(j) != "beberapa" || !stretchWords[word(j+1)] {
			return 0
		}
		switch word(j + 2) {
		case "ke":
			if word(j+3) == "depan" {
				k = j + 4 - i
			}
		case "mendatang", "lagi":
			k = j + 3 - i
		}
		if t.lower == "beberapa" && word(i-1) == "dalam" {
			return 0 // counted from "dalam"
		}
	case "baru":
		if next := word(i + 2); word(i+1) == "saja" && len(next) > 4 && (strings.HasPrefix(next, "di") || meNPrefixed(next) || strings.HasPrefix(next, "ber")) {
			k = 2
		}
	}
	if k == 0 {
		return 0
	}
	end := f.toks[i+k-1].end
	for _, d := range f.dates {
		if d.Start >= end && d.Start-end < 40 && f.sentenceOf(d.Start) == sent && (d.Day > 0 || d.Weekday >= 0) {
			return 0
		}
	}
	return k
}

// sheetRangeRe finds a range of dates written in words in the sheet's
// prose: "27 April–2 Mei 2026", "14–15 Oktober 2026".
var sheetRangeRe = regexp.MustCompile(`\b\d{1,2}(?: (?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember))?[–-]\d{1,2} (?:Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}\b`)

// sheetRange is the first range of dates of the sheet's prose, or "".
func (g *grader) sheetRange() string {
	if g.in.Brief == nil {
		return ""
	}
	for _, s := range sheetTexts(g.in.Brief) {
		if m := sheetRangeRe.FindString(s); m != "" {
			return m
		}
	}
	return ""
}

// periodVague reports a vague time that names a stretch longer than a day
// ("pekan ini", "minggu ini", "sepekan terakhir"): its fix is a range.
func periodVague(text string) bool {
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if w == "pekan" || w == "minggu" || w == "sepekan" || w == "seminggu" {
			return true
		}
	}
	return false
}
