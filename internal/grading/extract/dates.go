package extract

// Date and time expressions. The parser walks the tokens once; at each token it
// tries the heads of an expression (a weekday, a day and month, a numeric date,
// a relative or vague phrase, a clock time, a year) and then attaches the parts
// that may follow ("Senin (9/3/2026) pukul 09.00 WIB"). Durations and service
// hours ("tiga hari kerja", "setiap pekan", "pada hari dan jam kerja") have no
// head, so they are never dates; recurring times ("setiap Senin") are skipped.

var weekdays = map[string]int{
	"minggu": 0, "ahad": 0, "senin": 1, "selasa": 2, "rabu": 3, "kamis": 4,
	"jumat": 5, "jum'at": 5, "jum’at": 5, "sabtu": 6,
}

var monthsFull = map[string]int{
	"januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
	"juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
	"desember": 12,
}

// monthsShort are accepted only right after a day number ("30 Jun 2021").
var monthsShort = map[string]int{
	"jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
	"agus": 8, "ags": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "nop": 11, "des": 12,
}

// dayParts may follow a day or a clock time.
var dayParts = map[string]bool{"pagi": true, "siang": true, "sore": true, "petang": true, "malam": true}

// periods combine with a direction into a relative time ("pekan depan").
var periods = map[string]bool{"pekan": true, "minggu": true, "bulan": true, "tahun": true, "hari": true}

var directions = map[string]bool{"depan": true, "lalu": true, "ini": true, "mendatang": true, "kemarin": true, "silam": true}

// numberWords count periods in "dua hari lalu".
var numberWords = map[string]bool{
	"satu": true, "dua": true, "tiga": true, "empat": true, "lima": true, "enam": true,
	"tujuh": true, "delapan": true, "sembilan": true, "sepuluh": true, "sebelas": true,
	"belasan": true, "puluhan": true, "ratusan": true,
}

// dateCues make a bare "d/m" or a bare month name a date ("pada 30/6", "sejak Maret").
var dateCues = map[string]bool{
	"pada": true, "pd": true, "tanggal": true, "tgl": true, "sejak": true, "hingga": true,
	"sampai": true, "mulai": true, "per": true, "(": true, "awal": true, "akhir": true,
	"pertengahan": true, "medio": true, "bulan": true, "selama": true, "sepanjang": true,
	"jelang": true, "menjelang": true, "antara": true, "dan": true, "sebelum": true,
	"setelah": true, "sesudah": true, "usai": true, "bln": true, "dari": true,
}

// notYearBefore are words after which a four-digit number is a quantity.
var notYearBefore = map[string]bool{
	"rp": true, "sebanyak": true, "nomor": true, "no": true, "kode": true, "seluas": true,
	"sejumlah": true, "mencapai": true, "sekitar": true, "lebih": true, "kurang": true,
	"total": true, "senilai": true, "sebesar": true, "ke": true, "us$": true, "$": true,
	"usd": true, "ketinggian": true, "setinggi": true, "sepanjang": true, "kurs": true,
	"pasal": true, "ayat": true, "nip": true, "hingga": false, "tipe": true, "seri": true,
	"km": true, "jalan": true, "jl": true, "rt": true, "rw": true, "kilometer": true,
}

// unitAfter are words after which a four-digit number is a quantity.
var unitAfter = map[string]bool{
	"orang": true, "unit": true, "buah": true, "meter": true, "m": true, "km": true, "kilometer": true,
	"kg": true, "ton": true, "ekor": true, "hektare": true, "hektar": true, "ha": true,
	"rumah": true, "kali": true, "warga": true, "peserta": true, "rupiah": true, "dolar": true,
	"jiwa": true, "kasus": true, "siswa": true, "persen": true, "%": true, "mw": true,
	"kk": true, "keluarga": true, "personel": true, "anggota": true, "kursi": true,
	"paket": true, "lembar": true, "batang": true, "liter": true, "pasang": true, "kalori": true,
	"mahasiswa": true, "pelajar": true, "guru": true, "korban": true, "penumpang": true,
	"karyawan": true, "pegawai": true, "pekerja": true, "jam": true, "menit": true, "detik": true,
	"hari": true, "bulan": true, "tahun": true, "m2": true, "cc": true,
	"kwh": true, "kw": true, "gram": true, "mdpl": true, "pesawat": true, "kapal": true, "titik": true,
}

func (d *doc) lw(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.toks[i].lower
}

// dates finds every date expression in d.
func (d *doc) dates() []Date {
	d.lookup()
	var out []Date
	for i := 0; i < len(d.toks); {
		if d.toks[i].kind != kNum && d.flags[i]&fDateStart == 0 {
			i++ // most tokens cannot start a date
			continue
		}
		if n := d.recurringAt(i); n > 0 {
			i += n
			continue
		}
		if dt, end, ok := d.dateAt(i); ok {
			dt.Span = d.span(i, end)
			dt.InQuote = d.inQ[i]
			out = append(out, dt)
			i = end
			continue
		}
		i++
	}
	return out
}

// recurringAt returns the length of a recurring-time phrase at i ("setiap
// Senin", "tiap pekan", "setiap hari Senin"), which is not a date.
func (d *doc) recurringAt(i int) int {
	w := d.lw(i)
	if w != "setiap" && w != "tiap" && w != "saban" && w != "tiap-tiap" {
		return 0
	}
	j := i + 1
	if d.lw(j) == "akhir" || d.lw(j) == "awal" {
		j++
	}
	n := d.lw(j)
	if _, ok := weekdays[n]; ok || periods[n] || dayParts[n] || n == "tanggal" {
		j++
		if _, ok := weekdays[d.lw(j)]; ok {
			j++
		}
		if d.toks[j-1].lower == "tanggal" && j < len(d.toks) && d.toks[j].kind == kNum {
			j++
		}
		// "setiap hari pukul 08.00–16.00 WIB": service hours, not a date
		if n := d.clockAt(j); n > 0 {
			j += n
		}
		return j - i
	}
	return 0
}

// dateAt tries to read a date expression starting at token i.
func (d *doc) dateAt(i int) (Date, int, bool) {
	dt := Date{Weekday: -1}
	if n := d.vagueAt(i); n > 0 {
		dt.Vague = true
		return dt, i + n, true
	}
	j := 0
	if n := d.relativeAt(i, &dt); n > 0 {
		j = i + n
	} else if wd, n := d.weekdayAt(i); n > 0 {
		dt.Weekday = wd
		j = i + n
	} else if n := d.dayMonthAt(i, &dt, d.cueBefore(i)); n > 0 {
		j = i + n
	} else if n := d.clockAt(i); n > 0 {
		dt.Clock = true
		j = i + n
	} else if n := d.yearAt(i, &dt); n > 0 {
		j = i + n
	} else {
		return dt, i, false
	}
	return dt, d.attach(j, &dt), true
}

func (d *doc) cueBefore(i int) bool {
	return dateCues[d.lw(i-1)]
}

func (d *doc) hasDate(dt *Date) bool { return dt.Day != 0 || dt.Month != 0 || dt.Year != 0 }

// attach extends a date expression ending before token j with the parts that
// may follow it, and returns the new end.
func (d *doc) attach(j int, dt *Date) int {
	for {
		k := j
		if d.lw(k) == "," {
			k++
		}
		w := d.lw(k)
		switch {
		case dt.Weekday >= 0 && !d.hasDate(dt) && w == "(":
			if n := d.dayMonthAt(k+1, dt, true); n > 0 {
				e := k + 1 + n
				if d.lw(e) == ")" {
					e++
				}
				j = e
				continue
			}
		case !d.hasDate(dt) && (w == "tanggal" || w == "tgl"):
			if n := d.dayMonthAt(k, dt, true); n > 0 {
				j = k + n
				continue
			}
		case dt.Weekday >= 0 && !d.hasDate(dt) && k < len(d.toks) && (d.toks[k].kind == kNum || IsNumberWord(w)):
			if n := d.dayMonthAt(k, dt, true); n > 0 {
				j = k + n
				continue
			}
		case dayParts[w] && k == j && (dt.Weekday >= 0 || dt.Relative || d.hasDate(dt)):
			j = k + 1
			continue
		case (w == "lalu" || w == "kemarin" || w == "depan" || w == "mendatang") && k == j && dt.Weekday >= 0:
			dt.Relative = true
			j = k + 1
			continue
		case w == "waktu" && d.lw(k+1) == "setempat" && k == j:
			j = k + 2
			continue
		}
		if !dt.Clock {
			if n := d.clockAt(k); n > 0 {
				dt.Clock = true
				j = k + n
				continue
			}
		}
		return j
	}
}

// weekdayAt reads "Senin" or "hari Senin". Lower-case "minggu" is the week,
// and "Minggu lalu"/"Minggu depan" is a relative week, not Sunday.
func (d *doc) weekdayAt(i int) (int, int) {
	n := 1
	w := d.lw(i)
	if w == "hari" {
		if _, ok := weekdays[d.lw(i+1)]; !ok {
			return 0, 0
		}
		n = 2
		i++
		w = d.lw(i)
	}
	wd, ok := weekdays[w]
	if !ok {
		return 0, 0
	}
	if w == "minggu" {
		if !d.toks[i].upper && n == 1 {
			return 0, 0
		}
		if nx := d.lw(i + 1); directions[nx] || nx == "ke" || nx == "ke-" || nx == "pertama" || nx == "terakhir" {
			return 0, 0
		}
		if i > 0 && (d.toks[i-1].kind == kNum || numberWords[d.lw(i-1)] || d.lw(i-1) == "beberapa") {
			return 0, 0
		}
	}
	return wd, n
}

// dayMonthAt reads "30 Juni 2021", "10-11 Oktober", "30/06/2021", "(30/6)"
// contents, "8/ 9", "tanggal 14", "enam belas April", "Mei 2026" and "bulan Juli". Bare "d/m" and
// bare month names need a cue.
func (d *doc) dayMonthAt(i int, dt *Date, cue bool) int {
	if i >= len(d.toks) {
		return 0
	}
	start := i
	w := d.lw(i)
	tanggal := false
	if w == "tanggal" || w == "tgl" {
		tanggal = true
		i++
		if d.lw(i) == "." {
			i++
		}
		cue = true
	}
	bulan := false
	if w == "bulan" || w == "bln" {
		bulan = true
		i++
	}
	if i >= len(d.toks) {
		return 0
	}
	t := d.toks[i]
	if t.kind == kNum && !bulan {
		if dd, mm, yy, ok := parseDMY(t.text); ok {
			if yy == 0 && !cue {
				return 0
			}
			dt.Day, dt.Month, dt.Year = dd, mm, yy
			return i + 1 - start
		}
		// "8/ 9" and "8 / 9" as FacQA spaces them.
		if d.lw(i+1) == "/" && i+2 < len(d.toks) && d.toks[i+2].kind == kNum && cue {
			dd, ok1 := atoiSmall(t.text)
			mm, ok2 := atoiSmall(d.toks[i+2].text)
			if ok1 && ok2 && dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12 {
				dt.Day, dt.Month = dd, mm
				return i + 3 - start
			}
		}
		dd, ok := leadingDay(t.text)
		if !ok {
			return 0
		}
		// "22 - 26 Agustus 2005", "10 hingga 12 Maret"
		if r := d.lw(i + 1); (r == "-" || r == "–" || r == "hingga" || r == "sampai" || r == "dan") && i+3 < len(d.toks) && d.toks[i+2].kind == kNum {
			if d2, ok2 := leadingDay(d.toks[i+2].text); ok2 && d2 >= dd {
				if _, ok3 := monthsFull[d.lw(i+3)]; ok3 {
					i += 2
				}
			}
		}
		m, ok := monthsFull[d.lw(i+1)]
		if !ok {
			m, ok = monthsShort[d.lw(i+1)]
		}
		if !ok {
			if tanggal {
				dt.Day = dd
				return i + 1 - start
			}
			return 0
		}
		dt.Day, dt.Month = dd, m
		e := i + 2
		if d.lw(e) == "." && !d.toks[e].space {
			e++ // "Agt."
		}
		if y, ok := d.yearTok(e); ok {
			dt.Year = y
			e++
		}
		return e - start
	}
	if t.kind != kWord {
		return 0
	}
	// "enam belas April 2026", "tanggal tiga puluh": the day in words
	if dd, n := d.dayWordAt(i); n > 0 && !bulan {
		m, ok := monthsFull[d.lw(i+n)]
		if !ok {
			if tanggal {
				dt.Day = dd
				return i + n - start
			}
			return 0
		}
		dt.Day, dt.Month = dd, m
		e := i + n + 1
		if y, ok := d.yearTok(e); ok {
			dt.Year = y
			e++
		}
		return e - start
	}
	m, ok := monthsFull[t.lower]
	if !ok {
		return 0
	}
	if y, ok := d.yearTok(i + 1); ok {
		dt.Month, dt.Year = m, y
		return i + 2 - start
	}
	if (cue || bulan) && (t.upper || bulan) {
		dt.Month = m
		return i + 1 - start
	}
	// "Oktober lalu", "November nanti", "…, Juni"
	if t.upper {
		switch d.lw(i + 1) {
		case "lalu", "nanti", "mendatang", "depan", "ini", "silam", "kemarin":
			dt.Month = m
			dt.Relative = true
			return i + 2 - start
		}
		if d.lw(i-1) == "," && m != 5 {
			dt.Month = m
			return i + 1 - start
		}
	}
	return 0
}

// yearTok reads a plain four-digit year at i.
func (d *doc) yearTok(i int) (int, bool) {
	if i >= len(d.toks) || d.toks[i].kind != kNum {
		return 0, false
	}
	y, ok := atoiSmall(d.toks[i].text)
	if !ok || len(d.toks[i].text) != 4 || y < 1000 || y > 2199 {
		return 0, false
	}
	return y, true
}

// yearAt reads "tahun 2003", "pada 2025", "1980-an", "2003-2005", "abad ke-19"
// and a bare year that is not a quantity ("2.000 orang" never is: it has a dot).
func (d *doc) yearAt(i int, dt *Date) int {
	w := d.lw(i)
	if w == "abad" {
		n := d.lw(i + 1)
		if n == "ke" && d.lw(i+2) == "-" {
			if i+3 < len(d.toks) && d.toks[i+3].kind == kNum {
				return 4
			}
			return 0
		}
		if len(n) > 3 && n[:3] == "ke-" || (i+1 < len(d.toks) && d.toks[i+1].kind == kNum) || isRoman(n) {
			return 2
		}
		if n == "ke" && i+2 < len(d.toks) && d.toks[i+2].kind == kNum {
			return 3
		}
		return 0
	}
	lead := 0
	if w == "tahun" || w == "thn" || w == "th" || w == "dekade" || w == "era" || w == "periode" || w == "musim" {
		lead = 1
		if d.lw(i+1) == "." {
			lead = 2
		}
	}
	j := i + lead
	if j >= len(d.toks) || d.toks[j].kind != kNum {
		return 0
	}
	y, rest := leadingYear(d.toks[j].text)
	if y == 0 && lead > 0 && d.toks[j-1].lower == "tahun" {
		// "pada tahun 971": three-digit years need the word "tahun"
		if v, ok := atoiSmall(d.toks[j].text); ok && v >= 100 && v < 1000 {
			y = v
		}
	}
	if y == 0 {
		return 0
	}
	switch rest {
	case "", "-an":
	default:
		if len(rest) == 5 && (rest[0] == '-' || rest[0] == '/') {
			if _, ok := atoiSmall(rest[1:]); !ok {
				return 0
			}
		} else {
			return 0
		}
	}
	e := j + 1
	if rest == "" && d.lw(e) == "-" && d.lw(e+1) == "an" {
		e += 2 // "1980 - an"
	}
	if lead == 0 && !d.cueBefore(i) && rest == "" {
		// A bare number: a year only when it reads like one.
		if y < 1900 || y > 2100 || notYearBefore[d.lw(i-1)] || unitAfter[d.lw(e)] {
			return 0
		}
		if i > 0 && (d.toks[i-1].kind == kNum || d.lw(i-1) == "." || d.lw(i-1) == ",") && !d.toks[i].space {
			return 0
		}
	}
	dt.Year = y
	return e - i
}

// clockAt reads "pukul 09.00 WIB", "pkl. 9 pagi", "jam 10.30", "09.00-12.00 WIB",
// "pukul 09.00 hingga 12.00 WIB" and a bare "10.00 WIB".
func (d *doc) clockAt(i int) int {
	w := d.lw(i)
	j := i
	lead := false
	if w == "pukul" || w == "pkl" || w == "jam" {
		lead = true
		j++
		if d.lw(j) == "." {
			j++
		}
	}
	if j >= len(d.toks) || d.toks[j].kind != kNum || !isClock(d.toks[j].text, lead) {
		return 0
	}
	sep := hasClockSep(d.toks[j].text)
	j++
	// a range: "09.00 - 12.00", "09.00 hingga 12.00", "09.00 s.d. 12.00"
	k := j
	switch d.lw(k) {
	case "-", "–", "—", "hingga", "sampai", "s/d", "sd":
		k++
	case "s":
		if d.lw(k+1) == "." && d.lw(k+2) == "d" {
			k += 3
			if d.lw(k) == "." {
				k++
			}
		}
	}
	if k > j && k < len(d.toks) && d.toks[k].kind == kNum && isClock(d.toks[k].text, true) {
		j = k + 1
	}
	zone := false
	switch d.lw(j) {
	case "wib", "wita", "wit":
		zone = true
		j++
	case "pagi", "siang", "sore", "petang", "malam":
		zone = true
		j++
		if d.lw(j) == "hari" {
			j++
		}
	}
	if !zone && (!lead || (w == "jam" && !sep)) {
		return 0
	}
	return j - i
}

func hasClockSep(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' || s[i] == ':' {
			return true
		}
	}
	return false
}

// isClock accepts "9", "09.00", "10:30", "09.00-12.00"; a bare hour only after "pukul".
func isClock(s string, lead bool) bool {
	h, m, n := 0, 0, 0
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		h = h*10 + int(s[i]-'0')
		i++
		n++
	}
	if n == 0 || n > 2 || h > 24 {
		return false
	}
	if i == len(s) {
		return lead
	}
	if s[i] == '-' {
		return lead && isClock(s[i+1:], true)
	}
	if s[i] != '.' && s[i] != ':' {
		return false
	}
	i++
	n = 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		m = m*10 + int(s[i]-'0')
		i++
		n++
	}
	if n != 2 || m > 59 {
		return false
	}
	if i == len(s) {
		return true
	}
	if s[i] == '-' {
		return isClock(s[i+1:], true)
	}
	return false
}

// relativeAt reads "kemarin", "hari ini", "besok", "pekan depan", "tahun lalu",
// "dua hari lalu", "sepekan lalu", "tadi pagi", "akhir pekan ini".
func (d *doc) relativeAt(i int, dt *Date) int {
	w := d.lw(i)
	n := 0
	switch w {
	case "kemarin", "besok", "lusa", "semalam":
		n = 1
		if w == "kemarin" && d.lw(i+1) == "lusa" {
			n = 2
		}
	case "esok":
		n = 1
		if d.lw(i+1) == "hari" || d.lw(i+1) == "lusa" {
			n = 2
		}
	case "tadi", "nanti":
		if dayParts[d.lw(i+1)] {
			n = 2
		}
	case "pagi", "siang", "sore", "malam":
		if d.lw(i+1) == "ini" || d.lw(i+1) == "tadi" {
			n = 2
		}
	case "hari":
		if d.lw(i+1) == "ini" {
			n = 2
		}
	case "akhir", "awal", "pertengahan":
		p := d.lw(i + 1)
		if (p == "pekan" || p == "minggu" || p == "bulan" || p == "tahun") && directions[d.lw(i+2)] && d.lw(i+2) != "silam" {
			n = 3
		}
	case "sepekan", "seminggu", "sebulan", "setahun", "sehari", "sewindu", "dasawarsa":
		k := i + 1
		if d.lw(k) == "yang" {
			k++
		}
		if d.lw(k) == "lalu" || d.lw(k) == "silam" {
			n = k + 1 - i
		}
	default:
		if periods[w] && w != "hari" {
			if nx := d.lw(i + 1); directions[nx] && nx != "silam" {
				n = 2
			}
		} else if numberWords[w] || (i < len(d.toks) && d.toks[i].kind == kNum && isSmallInt(d.toks[i].text)) {
			k := i + 1
			if periods[d.lw(k)] || d.lw(k) == "jam" {
				k++
				if d.lw(k) == "yang" {
					k++
				}
				switch d.lw(k) {
				case "lalu", "silam", "mendatang":
					n = k + 1 - i
				case "akan":
					if d.lw(k+1) == "datang" {
						n = k + 2 - i
					}
				case "lagi":
					n = k + 1 - i
				}
			}
		}
	}
	if n > 0 {
		dt.Relative = true
	}
	return n
}

// vagueAt reads time words that do not pin the time down: "baru-baru ini",
// "beberapa waktu lalu", "belakangan ini", "beberapa hari lalu", "akhir-akhir ini".
func (d *doc) vagueAt(i int) int {
	w := d.lw(i)
	switch w {
	case "baru-baru", "belakangan", "akhir-akhir":
		if d.lw(i+1) == "ini" {
			return 2
		}
	case "belum":
		if d.lw(i+1) == "lama" && d.lw(i+2) == "ini" {
			return 3
		}
	case "tempo":
		if d.lw(i+1) == "hari" {
			return 2
		}
	case "beberapa":
		k := i + 1
		if p := d.lw(k); periods[p] || p == "waktu" || p == "saat" || p == "jam" {
			k++
			if d.lw(k) == "yang" {
				k++
			}
			if w := d.lw(k); w == "lalu" || w == "silam" {
				return k + 1 - i
			}
		}
	}
	return 0
}

func isSmallInt(s string) bool {
	n, ok := atoiSmall(s)
	return ok && n > 0 && n < 1000
}

// atoiSmall parses a short unsigned decimal without allocating.
func atoiSmall(s string) (int, bool) {
	if s == "" || len(s) > 6 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// leadingDay reads a day number, also the first of a range ("10-11").
func leadingDay(s string) (int, bool) {
	i := 0
	n := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 || i > 2 || n < 1 || n > 31 {
		return 0, false
	}
	if i == len(s) {
		return n, true
	}
	if s[i] == '-' {
		if m, ok := atoiSmall(s[i+1:]); ok && m >= 1 && m <= 31 {
			return n, true
		}
	}
	return 0, false
}

// leadingYear reads four leading digits as a year (1000–2199) and returns the rest.
func leadingYear(s string) (int, string) {
	if len(s) < 4 {
		return 0, ""
	}
	y, ok := atoiSmall(s[:4])
	if !ok || y < 1000 || y > 2199 {
		return 0, ""
	}
	if len(s) > 4 && s[4] >= '0' && s[4] <= '9' {
		return 0, ""
	}
	return y, s[4:]
}

// parseDMY reads "30/06/2021", "30/6", "9/3/26" and "30-06-2021".
func parseDMY(s string) (day, month, year int, ok bool) {
	var parts [3]string
	n := 0
	sep := byte(0)
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '/' || c == '-' || c == '.' {
			if sep != 0 && c != sep || n == 2 {
				return 0, 0, 0, false
			}
			sep = c
			parts[n] = s[last:i]
			n++
			last = i + 1
		}
	}
	if sep == 0 {
		return 0, 0, 0, false
	}
	parts[n] = s[last:]
	n++
	if sep != '/' && n != 3 {
		return 0, 0, 0, false
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 {
		return 0, 0, 0, false
	}
	d, ok1 := atoiSmall(parts[0])
	m, ok2 := atoiSmall(parts[1])
	if !ok1 || !ok2 || d < 1 || d > 31 || m < 1 || m > 12 {
		return 0, 0, 0, false
	}
	y := 0
	if n == 3 {
		yy, ok := atoiSmall(parts[2])
		switch {
		case !ok:
			return 0, 0, 0, false
		case len(parts[2]) == 2:
			y = 2000 + yy
		case len(parts[2]) == 4 && yy >= 1900 && yy <= 2100:
			y = yy
		default:
			return 0, 0, 0, false
		}
	}
	return d, m, y, true
}

func isRoman(s string) bool {
	if s == "" || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'i', 'v', 'x':
		default:
			return false
		}
	}
	return true
}
