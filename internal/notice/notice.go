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

// catalog holds the Indonesian words of every kind.
var catalog = map[domain.NoticeKind]entry{
	domain.NoticeSubmissionSent: {"Rilis baru menunggu penilaian", func(p domain.NoticeParams) (string, string) {
		return fmt.Sprintf("%s mengirim rilis (versi %d) untuk dinilai.", p.Trainee, p.Version), fmt.Sprintf("/penilaian/%d", p.SubmissionID)
	}},
	domain.NoticeSubmissionApproved: {"Rilis Anda disetujui", decision("disetujui")},
	domain.NoticeSubmissionReturned: {"Rilis Anda dikembalikan untuk revisi", decision("dikembalikan")},
	domain.NoticeSubmissionRejected: {"Rilis Anda ditolak", decision("ditolak")},
	domain.NoticeCertificateIssued: {"Sertifikat Anda terbit", func(p domain.NoticeParams) (string, string) {
		return fmt.Sprintf("Selamat! %s Anda terbit dengan nomor %s.", issuedTitle(p), p.Number), certificatesPage
	}},
	domain.NoticeCertificateRevoked: {"Sertifikat Anda dicabut", func(p domain.NoticeParams) (string, string) {
		return fmt.Sprintf("%s nomor %s dicabut oleh admin. Alasan: %s", certificateTitle(p), p.Number, p.Reason), certificatesPage
	}},
	domain.NoticeLiveSessionCancelled: {"Sesi tatap muka dibatalkan", func(p domain.NoticeParams) (string, string) {
		msg := fmt.Sprintf("Sesi tatap muka \"%s\" untuk %s pada %s dibatalkan.", p.SessionTopic, p.CohortName, p.SessionWhen)
		if p.Reason != "" {
			msg += " Alasan: " + p.Reason
		}
		return msg, "/jadwal"
	}},
	domain.NoticeLegacy: {genericSubject, func(domain.NoticeParams) (string, string) { return "Ada pemberitahuan untuk Anda.", "" }},
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
		return fmt.Sprintf("Rilis \"%s\" %s (nilai %d).", p.ItemTitle, word, p.Score), itemPage(p.CourseID, p.ItemID)
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

// issuedTitle is the title in the congratulation, which always begins with
// "Sertifikat" so the sentence reads "Selamat! Sertifikat … Anda terbit".
func issuedTitle(p domain.NoticeParams) string {
	t := certificateTitle(p)
	if !strings.HasPrefix(strings.ToLower(t), "sertifikat") {
		t = "Sertifikat " + t
	}
	return t
}
