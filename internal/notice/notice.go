// Package notice turns a stored notification (its kind and parameters) into
// what a person reads: the sentence, the link it points to and the subject of
// its e-mail copy. The web pages and the mailer both use it, so every
// notification's words are written here and nowhere else; another interface
// language is another catalog beside this one.
package notice

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/domain"
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

// entry is how one kind reads.
type entry struct {
	subject string
	text    func(p domain.NoticeParams) (message, link string)
}

// catalog holds the Indonesian words of every kind. Titles are quoted with
// typographic quotes (“…”), and a title that already begins with the noun in
// front of it is not preceded by it again (see named).
var catalog = map[domain.NoticeKind]entry{
	domain.NoticeSubmissionSent: {"Rilis baru menunggu penilaian", func(p domain.NoticeParams) (string, string) {
		return fmt.Sprintf("%s mengirim rilis (versi %d) untuk dinilai.", p.Trainee, p.Version), fmt.Sprintf("/penilaian/%d", p.SubmissionID)
	}},
	domain.NoticeSubmissionApproved: {"Rilis Anda disetujui", decision("disetujui")},
	domain.NoticeSubmissionReturned: {"Rilis Anda dikembalikan untuk revisi", decision("dikembalikan untuk revisi")},
	domain.NoticeSubmissionRejected: {"Rilis Anda ditolak", decision("ditolak")},
	domain.NoticeSubmissionReopened: {"Latihan Anda dibuka kembali", func(p domain.NoticeParams) (string, string) {
		msg := named("Latihan", p.ItemTitle) + " dibuka kembali oleh fasilitator: penolakannya dibatalkan, dan Anda dapat merevisi rilis lalu mengirimnya lagi."
		return withReason(msg, p.Reason), itemPage(p.CourseID, p.ItemID)
	}},
	domain.NoticeCertificateIssued: {"Sertifikat Anda terbit", func(p domain.NoticeParams) (string, string) {
		return fmt.Sprintf("Selamat! %s Anda terbit dengan nomor %s.", issuedTitle(p), p.Number), certificatesPage
	}},
	domain.NoticeCertificateRevoked: {"Sertifikat Anda dicabut", func(p domain.NoticeParams) (string, string) {
		return withReason(fmt.Sprintf("%s nomor %s dicabut oleh admin.", issuedTitle(p), p.Number), p.Reason), certificatesPage
	}},
	domain.NoticeLiveSessionCancelled: {"Sesi tatap muka dibatalkan", func(p domain.NoticeParams) (string, string) {
		msg := fmt.Sprintf("%s untuk %s pada %s dibatalkan.", named("Sesi tatap muka", p.SessionTopic), cohortName(p.CohortName), p.SessionWhen)
		return withReason(msg, p.Reason), "/jadwal"
	}},
	domain.NoticeLiveSessionChanged: {"Sesi tatap muka diubah", func(p domain.NoticeParams) (string, string) {
		topic := p.PrevTopic
		if topic == "" {
			topic = p.SessionTopic
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s untuk %s diubah.", named("Sesi tatap muka", topic), cohortName(p.CohortName))
		if p.PrevTopic != "" && p.PrevTopic != p.SessionTopic {
			fmt.Fprintf(&b, " Topik: “%s”.", p.SessionTopic)
		}
		fmt.Fprintf(&b, " Waktu: %s", p.SessionWhen)
		if p.PrevWhen != "" && p.PrevWhen != p.SessionWhen {
			fmt.Fprintf(&b, " (sebelumnya %s)", p.PrevWhen)
		}
		b.WriteString(".")
		if p.SessionPlace != "" {
			fmt.Fprintf(&b, " Tempat: %s", p.SessionPlace)
			if p.PrevPlace != "" && p.PrevPlace != p.SessionPlace {
				fmt.Fprintf(&b, " (sebelumnya %s)", p.PrevPlace)
			}
			b.WriteString(".")
		}
		return withReason(b.String(), p.Reason), "/jadwal"
	}},
	domain.NoticeLegacy: {genericSubject, func(domain.NoticeParams) (string, string) { return "Ada pemberitahuan untuk Anda.", "" }},
}

// named writes a title after the noun it is a title of, in typographic
// quotes: Latihan “Posyandu”. A title that already begins with the noun is
// not preceded by it again (“Latihan Posyandu”; it opens a sentence, so its
// first letter is a capital), and no title leaves the noun alone.
func named(noun, title string) string {
	title = strings.TrimSpace(title)
	switch {
	case title == "":
		return noun
	case startsWithWord(title, noun):
		r, n := utf8.DecodeRuneInString(title)
		return "“" + string(unicode.ToUpper(r)) + title[n:] + "”"
	}
	return noun + " “" + title + "”"
}

// startsWithWord reports whether s begins with the words w, case aside.
func startsWithWord(s, w string) bool {
	if len(s) < len(w) || !strings.EqualFold(s[:len(w)], w) {
		return false
	}
	return len(s) == len(w) || s[len(w)] == ' '
}

// cohortName writes a cohort's name in a sentence: "Angkatan I" as it is,
// any other name after the word "angkatan".
func cohortName(name string) string {
	if name == "" || startsWithWord(name, "angkatan") {
		return name
	}
	return "angkatan " + name
}

// withReason adds the reason someone gave, as its own sentence.
func withReason(msg, reason string) string {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return msg
	}
	if !strings.ContainsAny(reason[len(reason)-1:], ".!?") {
		reason += "."
	}
	return msg + " Alasan: " + reason
}

// certificatesPage lists the trainee's certificates.
const certificatesPage = "/sertifikat"

// Render puts a notification into words. A notification stored as text
// before kinds existed keeps that text and link as written.
func Render(n domain.Notification) Text {
	e, ok := catalog[n.Kind]
	if !ok {
		e = catalog[domain.NoticeLegacy]
	}
	t := Text{Subject: e.subject}
	if n.LegacyMessage != "" {
		t.Message, t.Link = n.LegacyMessage, n.LegacyLink
		return t
	}
	t.Message, t.Link = e.text(n.Params)
	return t
}

// decision is the sentence of a facilitator's decision; word is the state as
// the trainee reads it, lower case.
func decision(word string) func(domain.NoticeParams) (string, string) {
	return func(p domain.NoticeParams) (string, string) {
		return fmt.Sprintf("%s %s (nilai %d).", named("Latihan", p.ItemTitle), word, p.Score), itemPage(p.CourseID, p.ItemID)
	}
}

// itemPage is the practice item's page, the route course.DefaultItemURL makes.
func itemPage(courseID, itemID string) string {
	return "/kursus/" + url.PathEscape(courseID) + "/materi/" + url.PathEscape(itemID)
}

// certificateTitle is the certificate's title as its pages print it: the
// course's certificate title, else "Sertifikat" and the course title.
func certificateTitle(p domain.NoticeParams) string {
	if p.CertificateTitle != "" {
		return p.CertificateTitle
	}
	return "Sertifikat " + p.CourseTitle
}

// issuedTitle is the certificate's title at the start of a sentence: it
// always begins with a capital "Sertifikat", so the sentences read
// "Selamat! Sertifikat … Anda terbit" and "Sertifikat … nomor … dicabut".
func issuedTitle(p domain.NoticeParams) string {
	t := strings.TrimSpace(certificateTitle(p))
	if startsWithWord(t, "sertifikat") {
		return "Sertifikat" + t[len("sertifikat"):]
	}
	return "Sertifikat " + t
}
