package grading

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/bimtek/bimtek/internal/grading/extract"
)

// The practical information of a service: what the facts sheet tells the
// public to bring, what it costs, whom to contact, and when and until when
// the service runs. A release about a service that leaves one of them out
// leaves readers unable to use it, whatever else it does well.

// practicalItem is one piece of practical information the sheet gives.
type practicalItem struct {
	what    string // names it in a finding: "apa yang perlu dibawa (buku KIA …)"
	present func(g *grader) bool
}

var (
	bringRe    = regexp.MustCompile(`(?i)\b(?:cukup\s+)?membawa\s+([^.;]+)`)
	freeRe     = regexp.MustCompile(`(?i)\b(?:tanpa\s+(?:dipungut\s+)?biaya|tidak\s+dipungut\s+biaya|gratis|cuma-cuma)\b`)
	hoursRe    = regexp.MustCompile(`\bpukul\s+([0-9]{1,2})[.:]([0-9]{2})\s*(?:–|—|-|sampai|hingga|s\.d\.)\s*([0-9]{1,2})[.:]([0-9]{2})(\s*WIB)?`)
	anyHoursRe = regexp.MustCompile(`(?i)\b(?:pukul|jam)\s+[^.!?]{0,30}?(?:–|—|-|sampai|hingga|s\.d\.)`)
	parenAbbr  = regexp.MustCompile(`\(([A-Z]{2,6})\)`)
	sendRe     = regexp.MustCompile(`\bberisi\s+([^.;]+)`)
	collectRe  = regexp.MustCompile(`\bdiambil\s+di\s+([A-Z][^.,;]*)`)
	listSepRe  = regexp.MustCompile(`,\s*(?:dan\s+)?|\s+dan\s+`)
	deadlineRe = regexp.MustCompile(`(?i)\bpaling\s+lambat\s+(\S+)\s+(hari\s+kerja|jam)\b`)
	secretRe   = regexp.MustCompile(`(?i)\b(?:kata\s+sandi|sandi|kode\s+otp|otp|pin|password|kata\s+kunci)\b`)
	asksRe     = regexp.MustCompile(`(?i)\b(?:tidak|tak|takkan|bukan)\b[^.]*\b(?:meminta|menanyakan|memintanya)\s+([^.]+)`)
	warnRe     = regexp.MustCompile(`(?i)\b(?:tidak|tak|takkan|jangan|bukan|waspada|waspadai|hati-hati|berhati-hati|penipuan|menipu)\b`)
)

// publicSubjects open a sheet sentence addressed to the public: "Warga
// cukup membawa …", "Orang tua cukup membawa …".
var publicSubjects = map[string]bool{"warga": true, "orang": true, "peserta": true, "pelapor": true, "pemohon": true, "masyarakat": true, "pasien": true, "pengunjung": true}

// sheetPractical returns the practical information of the sheet's service,
// or nothing when the sheet describes no service the public uses (nothing
// to bring, pay or contact: a training reported to the public).
func sheetPractical(b *Brief) []practicalItem {
	var items []practicalItem
	service := false
	sheet := strings.Join([]string{b.Apa, b.Mengapa, b.Bagaimana}, " ")
	for _, t := range tokenize(sheet, len([]rune(sheet))) {
		if !isPhone(t) {
			continue
		}
		num, digits := t.text, phoneDigits(t.text)
		service = true
		items = append(items, practicalItem{"nomor yang dihubungi (" + num + ")", func(g *grader) bool {
			for _, f := range []*field{g.head, g.body} {
				for _, t := range f.toks {
					if isPhone(t) && phoneDigits(t.text) == digits {
						return true
					}
				}
			}
			return false
		}})
		break
	}
	for _, s := range splitSentences(b.Bagaimana) {
		first := strings.ToLower(firstWord(s))
		m := bringRe.FindStringSubmatch(s)
		if m == nil || !publicSubjects[first] && !strings.Contains(strings.ToLower(m[0]), "cukup") {
			continue
		}
		object := m[1]
		if k := strings.Index(object, " dan "); k > 0 {
			object = object[:k]
		}
		words := strings.Fields(strings.ToLower(parenAbbr.ReplaceAllString(object, "")))
		if len(words) == 0 {
			continue
		}
		key := strings.Join(words[:min(2, len(words))], " ")
		abbr := ""
		if a := parenAbbr.FindStringSubmatch(object); a != nil {
			abbr = strings.ToLower(a[1])
		}
		service = true
		label := strings.Join(strings.Fields(parenAbbr.ReplaceAllString(object, "")), " ")
		items = append(items, practicalItem{"apa yang perlu dibawa (" + label + ")", func(g *grader) bool {
			if strings.Contains(g.lowerText(), key) {
				return true
			}
			for _, f := range []*field{g.head, g.body} {
				for _, t := range f.toks {
					if abbr != "" && t.lower == abbr {
						return true
					}
				}
			}
			return false
		}})
		break
	}
	if m := freeRe.FindString(b.Bagaimana); m != "" {
		service = true
		items = append(items, practicalItem{"biayanya (" + strings.ToLower(m) + ")", func(g *grader) bool {
			for _, t := range g.body.toks {
				if feeWords[t.lower] || feeNouns[t.lower] || freeWords[t.lower] || t.lower == "rp" {
					return true
				}
			}
			return false
		}})
	}
	if !service {
		return nil
	}
	items = append(items, serviceSteps(b)...)
	if m := hoursRe.FindStringSubmatch(b.Bagaimana); m != nil {
		end := m[3] + "." + m[4]
		items = append(items, practicalItem{"jam layanan (" + m[0] + ")", func(g *grader) bool {
			return strings.Contains(g.body.text, end) || strings.Contains(g.body.text, m[3]+":"+m[4]) || anyHoursRe.MatchString(g.body.text)
		}})
	}
	if m := dateRangeRe.FindStringSubmatch(b.Bagaimana); m != nil {
		key, _ := dateRangeKey(m)
		var d2, m2 int
		if _, err := fmt.Sscanf(key[strings.Index(key, "–")+len("–"):], "%d/%d", &d2, &m2); err == nil {
			items = append(items, practicalItem{"sampai kapan layanan berlangsung (" + m[0] + ")", func(g *grader) bool {
				for _, f := range []*field{g.head, g.body} {
					for _, d := range f.dates {
						if d.Day == d2 && d.Month == m2 {
							return true
						}
					}
					for _, r := range dateRangeRe.FindAllStringSubmatch(f.text, -1) {
						if k, _ := dateRangeKey(r); strings.HasSuffix(k, fmt.Sprintf("–%d/%d", d2, m2)) {
							return true
						}
					}
				}
				return false
			}})
		}
	}
	return items
}

// freeWords say a service costs nothing.
var freeWords = map[string]bool{"gratis": true, "cuma-cuma": true, "percuma": true}

// splitSentences splits sheet prose at full stops followed by a space.
func splitSentences(s string) []string {
	var out []string
	for _, p := range strings.SplitAfter(s, ". ") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// checkPractical reports the practical information of the sheet's service
// that the release leaves out, in one peringatan that names each piece,
// and returns the points it costs penting.
func (g *grader) checkPractical() int {
	b := g.in.Brief
	if b == nil {
		return 0
	}
	var missing []string
	for _, it := range sheetPractical(b) {
		if !it.present(g) && !g.swappedRequirement(it.what) {
			missing = append(missing, it.what)
		}
	}
	if len(missing) == 0 {
		return 0
	}
	g.add(g.body.finding("info-praktis-lembar-hilang", SevPeringatan, 0, 0,
		fmt.Sprintf("Rilis belum memuat informasi praktis dari lembar fakta yang dibutuhkan warga untuk memakai layanan: %s. Tanpa itu pembaca tahu ada layanan, tetapi tidak tahu cara memakainya; tambahkan di paragraf sesudah teras.", joinID(missing)), ""))
	return severityPenalty[SevPeringatan]
}

// serviceSteps returns what the sheet tells the public about using the
// service beyond bringing, paying and contacting: what a message must hold
// ("berisi isi aduan, lokasi, dan foto"), where the result is collected
// ("diambil di Kantor Kecamatan Cikadu"), the deadline of an answer
// ("paling lambat tiga hari kerja") and a service at home ("dilayani di
// rumah").
func serviceSteps(b *Brief) []practicalItem {
	var items []practicalItem
	for _, s := range splitSentences(b.Bagaimana) {
		if m := sendRe.FindStringSubmatch(s); m != nil && publicSubjects[firstWord(s)] {
			var parts []string
			for _, p := range listSepRe.Split(m[1], -1) {
				w := strings.Fields(strings.ToLower(p))
				switch {
				case len(w) == 0:
				case len([]rune(w[0])) < 4 && len(w) > 1:
					parts = append(parts, w[0]+" "+w[1])
				default:
					parts = append(parts, w[0])
				}
			}
			if len(parts) > 0 {
				need := max(1, len(parts)-1)
				items = append(items, practicalItem{"apa yang dikirim (" + strings.TrimSpace(m[1]) + ")", func(g *grader) bool {
					text, n := g.lowerText(), 0
					for _, p := range parts {
						if strings.Contains(text, p) {
							n++
						}
					}
					return n >= need
				}})
			}
		}
		if m := collectRe.FindStringSubmatch(s); m != nil {
			var keys []string
			for _, t := range tokenize(m[1], len([]rune(m[1]))) {
				if !genericPlaceWords[t.lower] && len([]rune(t.text)) >= 4 {
					keys = append(keys, t.lower)
				}
			}
			items = append(items, practicalItem{"tempat mengambilnya (di " + strings.TrimSpace(m[1]) + ")", func(g *grader) bool {
				f := g.body
				for _, sn := range f.sents {
					text := strings.ToLower(f.slice(sn.Start, sn.End))
					if !strings.Contains(text, "ambil") {
						continue
					}
					for _, k := range keys {
						if strings.Contains(text, k) {
							return true
						}
					}
				}
				return false
			}})
		}
		if m := deadlineRe.FindStringSubmatch(s); m != nil {
			unit := strings.ToLower(strings.Join(strings.Fields(m[2]), " "))
			items = append(items, practicalItem{"batas waktu jawabannya (" + m[0] + ")", func(g *grader) bool {
				// A count before the unit: "tiga hari kerja", "3 hari kerja",
				// not "hari kerja berikutnya".
				text := g.lowerText()
				for k := strings.Index(text, unit); k >= 0; {
					before := strings.Fields(text[:k])
					if n := len(before); n > 0 && (extract.IsNumberWord(before[n-1]) || before[n-1][0] >= '0' && before[n-1][0] <= '9') {
						return true
					}
					next := strings.Index(text[k+len(unit):], unit)
					if next < 0 {
						break
					}
					k += len(unit) + next
				}
				return false
			}})
		}
		if m := asksRe.FindStringSubmatch(s); m != nil && secretRe.MatchString(m[1]) {
			// "Admin tidak akan pernah meminta kata sandi, kode OTP, …": a
			// warning against fraud the reader needs before using the
			// channel. Any warning naming a secret counts.
			items = append(items, practicalItem{"peringatan bahwa petugas tidak pernah meminta " + strings.TrimSpace(m[1]), func(g *grader) bool {
				f := g.body
				for _, sn := range f.sents {
					text := f.slice(sn.Start, sn.End)
					if secretRe.MatchString(text) && warnRe.MatchString(text) {
						return true
					}
				}
				return false
			}})
		}
		if strings.Contains(s, "dilayani di rumah") {
			items = append(items, practicalItem{"layanan di rumah bagi warga yang tidak dapat datang", func(g *grader) bool {
				text := g.lowerText()
				return strings.Contains(text, "di rumah") || strings.Contains(text, "rumahnya")
			}})
		}
	}
	return items
}
