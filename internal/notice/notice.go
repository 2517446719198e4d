// Package notice turns a stored notification (its kind and parameters) into
// what a person reads: the sentence, the link it points to and the subject of
// its e-mail copy, in the reader's language. The web pages and the mailer
// both use it, so every notification's words are written here and nowhere
// else: each sentence is a message of web/i18n/en.json (its id is the
// Indonesian, a go-i18n template filled with the notification's parameters).
package notice

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

// Text is a notification in words.
type Text struct {
	Subject string // of the e-mail copy
	Message string // the sentence shown in the app and mailed
	Link    string // a path on the site, or "" when there is nothing to open
}

// Subject of a notification whose kind this catalog does not know (a row
// written by a newer version during an upgrade) or that predates kinds.
const genericSubject = "Pemberitahuan Bimtek"

// entry is how one kind reads in language l.
type entry struct {
	subject string
	text    func(l i18n.Lang, p domain.NoticeParams) (message, link string)
}

// catalog holds the words of every kind (ids of the message file). Titles
// are quoted with typographic quotes (“…”), and a title that already begins
// with the noun in front of it is not preceded by it again (see named).
var catalog = map[domain.NoticeKind]entry{
	domain.NoticeSubmissionSent: {"Rilis baru menunggu penilaian", func(l i18n.Lang, p domain.NoticeParams) (string, string) {
		link := "/penilaian/" + strconv.FormatInt(p.SubmissionID, 10)
		if p.ItemTitle == "" { // stored before notices named the practice
			return i18n.Tf(l, "{{.Trainee}} mengirim rilis (versi {{.Version}}) untuk dinilai.", map[string]any{"Trainee": p.Trainee, "Version": p.Version}), link
		}
		return i18n.Tf(l, "{{.Trainee}} mengirim versi {{.Version}} dari {{.Practice}} untuk dinilai.",
			map[string]any{"Trainee": p.Trainee, "Version": p.Version, "Practice": named(l, "latihan", p.ItemTitle)}), link
	}},
	domain.NoticeSubmissionApproved: {"Rilis Anda disetujui", decision("{{.Practice}} disetujui (nilai {{.Score}}).")},
	domain.NoticeSubmissionReturned: {"Rilis Anda dikembalikan untuk revisi", decision("{{.Practice}} dikembalikan untuk revisi (nilai {{.Score}}).")},
	domain.NoticeSubmissionRejected: {"Rilis Anda ditolak", decision("{{.Practice}} ditolak (nilai {{.Score}}).")},
	domain.NoticeSubmissionReopened: {"Latihan Anda dibuka kembali", func(l i18n.Lang, p domain.NoticeParams) (string, string) {
		msg := i18n.Tf(l, "{{.Practice}} dibuka kembali oleh fasilitator: penolakannya dibatalkan, dan Anda dapat merevisi rilis lalu mengirimnya lagi.",
			map[string]any{"Practice": named(l, "Latihan", p.ItemTitle)})
		return withReason(l, msg, p.Reason), itemPage(p.CourseID, p.ItemID)
	}},
	domain.NoticeCertificateIssued: {"Sertifikat Anda terbit", func(l i18n.Lang, p domain.NoticeParams) (string, string) {
		return i18n.Tf(l, "Selamat! {{.Certificate}} Anda terbit dengan nomor {{.Number}}.", map[string]any{"Certificate": certificateName(p), "Number": p.Number}),
			certificatesPage
	}},
	domain.NoticeCertificateRevoked: {"Sertifikat Anda dicabut", func(l i18n.Lang, p domain.NoticeParams) (string, string) {
		msg := i18n.Tf(l, "{{.Certificate}} nomor {{.Number}} dicabut oleh admin.", map[string]any{"Certificate": certificateName(p), "Number": p.Number})
		return withReason(l, msg, p.Reason), certificatesPage
	}},
	domain.NoticeLiveSessionCancelled: {"Sesi tatap muka dibatalkan", func(l i18n.Lang, p domain.NoticeParams) (string, string) {
		msg := i18n.Tf(l, "{{.Session}} untuk {{.Cohort}} pada {{.When}} dibatalkan.", map[string]any{
			"Session": named(l, "Sesi tatap muka", p.SessionTopic), "Cohort": cohortName(l, p.CohortName), "When": i18n.DateText(l, p.SessionWhen)})
		return withReason(l, msg, p.Reason), "/jadwal"
	}},
	domain.NoticeLiveSessionChanged: {"Sesi tatap muka diubah", func(l i18n.Lang, p domain.NoticeParams) (string, string) {
		topic := p.PrevTopic
		if topic == "" {
			topic = p.SessionTopic
		}
		parts := []string{i18n.Tf(l, "{{.Session}} untuk {{.Cohort}} diubah.", map[string]any{
			"Session": named(l, "Sesi tatap muka", topic), "Cohort": cohortName(l, p.CohortName)})}
		if p.PrevTopic != "" && p.PrevTopic != p.SessionTopic {
			parts = append(parts, i18n.Tf(l, "Topik: “{{.Topic}}”.", map[string]any{"Topic": p.SessionTopic}))
		}
		when := map[string]any{"When": i18n.DateText(l, p.SessionWhen), "Before": i18n.DateText(l, p.PrevWhen)}
		if p.PrevWhen != "" && p.PrevWhen != p.SessionWhen {
			parts = append(parts, i18n.Tf(l, "Waktu: {{.When}} (sebelumnya {{.Before}}).", when))
		} else {
			parts = append(parts, i18n.Tf(l, "Waktu: {{.When}}.", when))
		}
		if p.SessionPlace != "" {
			place := map[string]any{"Place": p.SessionPlace, "Before": p.PrevPlace}
			if p.PrevPlace != "" && p.PrevPlace != p.SessionPlace {
				parts = append(parts, i18n.Tf(l, "Tempat: {{.Place}} (sebelumnya {{.Before}}).", place))
			} else {
				parts = append(parts, i18n.Tf(l, "Tempat: {{.Place}}.", place))
			}
		}
		return withReason(l, strings.Join(parts, " "), p.Reason), "/jadwal"
	}},
	domain.NoticeLegacy: {genericSubject, func(l i18n.Lang, _ domain.NoticeParams) (string, string) {
		return i18n.T(l, "Ada pemberitahuan untuk Anda."), ""
	}},
}

// Subjects lists every kind's subject (ids of the message file), for the
// test that the message file translates them all.
func Subjects() []string {
	out := make([]string, 0, len(catalog))
	for _, e := range catalog {
		out = append(out, e.subject)
	}
	return out
}

// named writes a title after the noun it is a title of, in typographic
// quotes: Latihan “Posyandu” (Practice “Posyandu”). A title that already
// begins with the noun is not preceded by it again (“Latihan Posyandu”; it
// opens a sentence, so its first letter is a capital), and no title leaves
// the noun alone. The noun is put into language l; the title is the
// course's or the facilitator's and stays as written.
func named(l i18n.Lang, noun, title string) string {
	title = strings.TrimSpace(title)
	switch {
	case title == "":
		return i18n.TC(l, "notice", noun)
	case startsWithWord(title, noun):
		r, n := utf8.DecodeRuneInString(title)
		return "“" + string(unicode.ToUpper(r)) + title[n:] + "”"
	}
	return i18n.TC(l, "notice", noun) + " “" + title + "”"
}

// startsWithWord reports whether s begins with the words w, case aside.
func startsWithWord(s, w string) bool {
	if len(s) < len(w) || !strings.EqualFold(s[:len(w)], w) {
		return false
	}
	return len(s) == len(w) || s[len(w)] == ' '
}

// cohortName writes a cohort's name in a sentence: "Angkatan I" as it is,
// any other name after the word "angkatan" (in language l).
func cohortName(l i18n.Lang, name string) string {
	if name == "" || startsWithWord(name, "angkatan") {
		return name
	}
	return i18n.Tf(l, "angkatan {{.Name}}", map[string]any{"Name": name})
}

// withReason adds the reason someone gave, as its own sentence.
func withReason(l i18n.Lang, msg, reason string) string {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return msg
	}
	if !strings.ContainsAny(reason[len(reason)-1:], ".!?") {
		reason += "."
	}
	return msg + " " + i18n.Tf(l, "Alasan: {{.Reason}}", map[string]any{"Reason": reason})
}

// certificatesPage lists the trainee's certificates.
const certificatesPage = "/sertifikat"

// Render puts a notification into words in language l. A notification
// stored as text before kinds existed keeps that text and link as written.
func Render(n domain.Notification, l i18n.Lang) Text {
	e, ok := catalog[n.Kind]
	if !ok {
		e = catalog[domain.NoticeLegacy]
	}
	t := Text{Subject: i18n.T(l, e.subject)}
	if n.LegacyMessage != "" {
		t.Message, t.Link = n.LegacyMessage, n.LegacyLink
		return t
	}
	t.Message, t.Link = e.text(l, n.Params)
	return t
}

// decision is the sentence of a facilitator's decision: id says the state.
func decision(id string) func(i18n.Lang, domain.NoticeParams) (string, string) {
	return func(l i18n.Lang, p domain.NoticeParams) (string, string) {
		return i18n.Tf(l, id, map[string]any{"Practice": named(l, "Latihan", p.ItemTitle), "Score": p.Score}), itemPage(p.CourseID, p.ItemID)
	}
}

// itemPage is the practice item's page, the route course.DefaultItemURL makes.
func itemPage(courseID, itemID string) string {
	return "/kursus/" + url.PathEscape(courseID) + "/materi/" + url.PathEscape(itemID)
}

// certificateName is the certificate's name inside a sentence: in
// Indonesian its title in typographic quotes, beginning with a capital
// "Sertifikat" ("Selamat! “Sertifikat …” Anda terbit", "“Sertifikat …” nomor
// … dicabut"), or Sertifikat “…” for a title without it; in English
// "the certificate “…”", the title as the course gives it.
type certificateName domain.NoticeParams

func (c certificateName) title() string {
	if c.CertificateTitle != "" {
		return strings.TrimSpace(c.CertificateTitle)
	}
	return strings.TrimSpace("Sertifikat " + c.CourseTitle)
}

// String is the name in Indonesian.
func (c certificateName) String() string {
	t := c.title()
	if startsWithWord(t, "sertifikat") {
		return "“Sertifikat" + t[len("sertifikat"):] + "”"
	}
	return "Sertifikat “" + t + "”"
}

// In is the name in language l.
func (c certificateName) In(l i18n.Lang) string {
	if l != i18n.EN {
		return c.String()
	}
	if c.CertificateTitle == "" {
		return i18n.Tf(l, "Sertifikat {{.Course}}", map[string]any{"Course": strings.TrimSpace(c.CourseTitle)})
	}
	return i18n.Tf(l, "sertifikat “{{.Title}}”", map[string]any{"Title": c.title()})
}
