package notice

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

func TestRenderEveryKind(t *testing.T) {
	decided := domain.NoticeParams{SubmissionID: 12, CourseID: "admin-medsos", ItemID: "rilis-posyandu", ItemTitle: "Rilis Posyandu Keliling", Score: 78}
	cert := domain.NoticeParams{CertificateID: 3, Number: "BMT/2026/SKM/000042", CourseID: "admin-medsos", CourseTitle: "Admin Media Sosial OPD"}
	titled := cert
	titled.CertificateTitle = "Kompetensi Admin Media Sosial"
	prefixed := cert
	prefixed.CertificateTitle = "sertifikat Kompetensi"
	revoked := titled
	revoked.Reason = "Latihan rilis terbukti jiplakan."
	for _, tc := range []struct {
		name string
		kind domain.NoticeKind
		p    domain.NoticeParams
		want Text
	}{
		{"sent", domain.NoticeSubmissionSent, domain.NoticeParams{SubmissionID: 12, Version: 2, Trainee: "Rina Marlina", CourseID: "admin-medsos", ItemID: "rilis-posyandu"},
			Text{"Rilis baru menunggu penilaian", "Rina Marlina mengirim rilis (versi 2) untuk dinilai.", "/penilaian/12"}},
		{"sent, practice named", domain.NoticeSubmissionSent, domain.NoticeParams{SubmissionID: 12, Version: 2, Trainee: "Rina Marlina", CourseID: "admin-medsos", ItemID: "rilis-posyandu", ItemTitle: "Rilis Posyandu Keliling"},
			Text{"Rilis baru menunggu penilaian", "Rina Marlina mengirim versi 2 dari latihan “Rilis Posyandu Keliling” untuk dinilai.", "/penilaian/12"}},
		{"approved", domain.NoticeSubmissionApproved, decided,
			Text{"Rilis Anda disetujui", "Latihan “Rilis Posyandu Keliling” disetujui (nilai 78).", "/kursus/admin-medsos/materi/rilis-posyandu"}},
		{"returned", domain.NoticeSubmissionReturned, decided,
			Text{"Rilis Anda dikembalikan untuk revisi", "Latihan “Rilis Posyandu Keliling” dikembalikan untuk revisi (nilai 78).", "/kursus/admin-medsos/materi/rilis-posyandu"}},
		{"rejected, score 0", domain.NoticeSubmissionRejected, domain.NoticeParams{CourseID: "k", ItemID: "latihan", ItemTitle: "Rilis"},
			Text{"Rilis Anda ditolak", "Latihan “Rilis” ditolak (nilai 0).", "/kursus/k/materi/latihan"}},
		{"issued, course title", domain.NoticeCertificateIssued, cert,
			Text{"Sertifikat Anda terbit", "Selamat! “Sertifikat Admin Media Sosial OPD” Anda terbit dengan nomor BMT/2026/SKM/000042.", "/sertifikat"}},
		{"issued, own title", domain.NoticeCertificateIssued, titled,
			Text{"Sertifikat Anda terbit", "Selamat! Sertifikat “Kompetensi Admin Media Sosial” Anda terbit dengan nomor BMT/2026/SKM/000042.", "/sertifikat"}},
		{"issued, title begins with sertifikat", domain.NoticeCertificateIssued, prefixed,
			Text{"Sertifikat Anda terbit", "Selamat! “Sertifikat Kompetensi” Anda terbit dengan nomor BMT/2026/SKM/000042.", "/sertifikat"}},
		{"revoked, own title", domain.NoticeCertificateRevoked, revoked,
			Text{"Sertifikat Anda dicabut", "Sertifikat “Kompetensi Admin Media Sosial” nomor BMT/2026/SKM/000042 dicabut oleh admin. Alasan: Latihan rilis terbukti jiplakan.", "/sertifikat"}},
		{"revoked, course title", domain.NoticeCertificateRevoked, domain.NoticeParams{Number: "BMT/2026/SKM/000042", CourseTitle: "Admin Media Sosial OPD", Reason: "Data ganda"},
			Text{"Sertifikat Anda dicabut", "“Sertifikat Admin Media Sosial OPD” nomor BMT/2026/SKM/000042 dicabut oleh admin. Alasan: Data ganda.", "/sertifikat"}},
		{"session cancelled with a reason", domain.NoticeLiveSessionCancelled,
			domain.NoticeParams{SessionTopic: "Praktik menulis", CohortName: "Angkatan I", SessionWhen: "Kamis, 16 April 2026, pukul 09.00–11.00 WIB", Reason: "Aula dipakai untuk rapat darurat."},
			Text{"Sesi tatap muka dibatalkan", "Sesi tatap muka “Praktik menulis” untuk Angkatan I pada Kamis, 16 April 2026, pukul 09.00–11.00 WIB dibatalkan. Alasan: Aula dipakai untuk rapat darurat.", "/jadwal"}},
		{"session cancelled", domain.NoticeLiveSessionCancelled, domain.NoticeParams{SessionTopic: "Praktik", CohortName: "A", SessionWhen: "besok"},
			Text{"Sesi tatap muka dibatalkan", "Sesi tatap muka “Praktik” untuk angkatan A pada besok dibatalkan.", "/jadwal"}},
		{"session changed: time and place", domain.NoticeLiveSessionChanged,
			domain.NoticeParams{SessionTopic: "Praktik menulis", CohortName: "Angkatan I", SessionWhen: "Jumat, 17 April 2026, pukul 13.00–15.00 WIB",
				SessionPlace: "Aula Bappeda", PrevTopic: "Praktik menulis", PrevWhen: "Kamis, 16 April 2026, pukul 09.00–11.00 WIB", PrevPlace: "Aula Diskominfo"},
			Text{"Sesi tatap muka diubah", "Sesi tatap muka “Praktik menulis” untuk Angkatan I diubah. Waktu: Jumat, 17 April 2026, pukul 13.00–15.00 WIB (sebelumnya Kamis, 16 April 2026, pukul 09.00–11.00 WIB). Tempat: Aula Bappeda (sebelumnya Aula Diskominfo).", "/jadwal"}},
		{"session changed: topic only", domain.NoticeLiveSessionChanged,
			domain.NoticeParams{SessionTopic: "Sesi foto", CohortName: "2026-A", SessionWhen: "besok", SessionPlace: "Aula", PrevTopic: "Sesi video", PrevWhen: "besok", PrevPlace: "Aula"},
			Text{"Sesi tatap muka diubah", "Sesi tatap muka “Sesi video” untuk angkatan 2026-A diubah. Topik: “Sesi foto”. Waktu: besok. Tempat: Aula.", "/jadwal"}},
		{"reopened", domain.NoticeSubmissionReopened, domain.NoticeParams{SubmissionID: 12, CourseID: "admin-medsos", ItemID: "rilis-posyandu", ItemTitle: "Rilis Posyandu Keliling", Reason: "Penolakan terlalu cepat"},
			Text{"Latihan Anda dibuka kembali", "Latihan “Rilis Posyandu Keliling” dibuka kembali oleh fasilitator: penolakannya dibatalkan, dan Anda dapat merevisi rilis lalu mengirimnya lagi. Alasan: Penolakan terlalu cepat.", "/kursus/admin-medsos/materi/rilis-posyandu"}},
		{"legacy without text", domain.NoticeLegacy, domain.NoticeParams{},
			Text{"Pemberitahuan Bimtek", "Ada pemberitahuan untuk Anda.", ""}},
		{"a kind this version does not know", domain.NoticeKind("cohort_moved"), domain.NoticeParams{SubmissionID: 1},
			Text{"Pemberitahuan Bimtek", "Ada pemberitahuan untuk Anda.", ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Render(domain.Notification{Kind: tc.kind, Params: tc.p}, i18n.ID); got != tc.want {
				t.Errorf("Render(%s) =\n %+v\nwant\n %+v", tc.kind, got, tc.want)
			}
		})
	}
}

// TestNoDoubledWordsOrStraightQuotes: whatever the titles begin with, no
// notification repeats a word ("Rilis “Rilis …”"), none uses straight
// quotes, and every message is a sentence beginning with a capital.
func TestNoDoubledWordsOrStraightQuotes(t *testing.T) {
	for _, titles := range [][4]string{
		{"Rilis Posyandu", "Sesi tatap muka praktik", "Sertifikat Kompetensi", "Angkatan I"},
		{"Latihan Rilis", "Sesi Praktik", "sertifikat Admin", "angkatan II"},
		{"latihan menulis", "sesi tatap muka lanjutan", "Admin Medsos", "2026-A"},
	} {
		p := domain.NoticeParams{SubmissionID: 1, Version: 2, Trainee: "Rina", CourseID: "k", ItemID: "p", ItemTitle: titles[0], Score: 70,
			Number: "BMT/1", CourseTitle: "Admin Medsos", CertificateTitle: titles[2], Reason: "Aula dipakai",
			SessionTopic: titles[1], SessionWhen: "besok", CohortName: titles[3], SessionPlace: "Aula", PrevTopic: titles[1] + " lama", PrevWhen: "lusa", PrevPlace: "Pendopo"}
		for _, k := range domain.NoticeKinds {
			msg := Render(domain.Notification{Kind: k, Params: p}, i18n.ID).Message
			if strings.ContainsAny(msg, "\"'") {
				t.Errorf("%s: straight quotes in %q", k, msg)
			}
			words := strings.FieldsFunc(strings.ToLower(msg), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			for i := 1; i < len(words); i++ {
				if words[i] == words[i-1] {
					t.Errorf("%s: the word %q twice in a row in %q", k, words[i], msg)
				}
			}
			if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(msg, "“")); !unicode.IsUpper(r) {
				t.Errorf("%s: %q does not begin with a capital", k, msg)
			}
		}
	}
}

func TestEveryKindHasItsOwnSubject(t *testing.T) {
	seen := map[string]domain.NoticeKind{}
	for _, k := range domain.NoticeKinds {
		e, ok := catalog[k]
		if !ok {
			t.Errorf("kind %s has no words", k)
			continue
		}
		if other, dup := seen[e.subject]; dup {
			t.Errorf("kinds %s and %s share the subject %q", k, other, e.subject)
		}
		seen[e.subject] = k
	}
	if len(catalog) != len(domain.NoticeKinds) {
		t.Errorf("catalog has %d kinds, domain.NoticeKinds %d", len(catalog), len(domain.NoticeKinds))
	}
}

func TestLegacyTextIsShownAsWritten(t *testing.T) {
	n := domain.Notification{Kind: domain.NoticeSubmissionApproved, LegacyMessage: `Rilis "Posyandu" disetujui (nilai 88).`, LegacyLink: "/kursus/k/materi/p"}
	want := Text{"Rilis Anda disetujui", `Rilis "Posyandu" disetujui (nilai 88).`, "/kursus/k/materi/p"}
	if got := Render(n, i18n.ID); got != want {
		t.Errorf("Render = %+v, want %+v", got, want)
	}
	n = domain.Notification{Kind: domain.NoticeLegacy, LegacyMessage: "Pesan lama tanpa tautan."}
	if got := Render(n, i18n.ID); got.Message != "Pesan lama tanpa tautan." || got.Link != "" || got.Subject != "Pemberitahuan Bimtek" {
		t.Errorf("Render = %+v", got)
	}
}

// The decision links to the practice page the course package addresses.
func TestDecisionLinkIsTheItemPage(t *testing.T) {
	for _, ids := range [][2]string{{"admin-medsos", "rilis-1"}, {"kursus baru", "latihan/2?x"}} {
		got := Render(domain.Notification{Kind: domain.NoticeSubmissionReturned, Params: domain.NoticeParams{CourseID: ids[0], ItemID: ids[1]}}, i18n.ID).Link
		if want := course.DefaultItemURL(ids[0], &course.Item{ID: ids[1]}); got != want {
			t.Errorf("link %q, want %q", got, want)
		}
	}
}

func TestParamsRoundTrip(t *testing.T) {
	in := domain.NoticeParams{SubmissionID: 9, Version: 3, Trainee: "Rina \"Ina\" Marlina", ItemTitle: "Rilis “Posyandu”", Score: 0, Reason: "baris\nbaru"}
	v, err := in.Value()
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []any{v, []byte(v.(string))} {
		var out domain.NoticeParams
		if err := out.Scan(src); err != nil || out != in {
			t.Errorf("Scan(%T) = %+v, %v; want %+v", src, out, err, in)
		}
	}
	var out domain.NoticeParams
	if err := out.Scan("bukan json"); err == nil {
		t.Error("a broken parameter object was accepted")
	}
}

// TestRenderEnglish: every kind reads in English for a reader who chose it,
// with the same values and link; titles stay as written, the session's time
// is in English words.
func TestRenderEnglish(t *testing.T) {
	for _, tc := range []struct {
		kind domain.NoticeKind
		p    domain.NoticeParams
		want Text
	}{
		{domain.NoticeSubmissionSent, domain.NoticeParams{SubmissionID: 12, Version: 2, Trainee: "Rina Marlina"},
			Text{"A new release is waiting for review", "Rina Marlina sent a release (version 2) for review.", "/penilaian/12"}},
		{domain.NoticeSubmissionApproved, domain.NoticeParams{CourseID: "k", ItemID: "p", ItemTitle: "Posyandu", Score: 78},
			Text{"Your release was approved", "Practice “Posyandu” was approved (score 78).", "/kursus/k/materi/p"}},
		{domain.NoticeSubmissionReturned, domain.NoticeParams{CourseID: "k", ItemID: "p", ItemTitle: "Latihan Rilis", Score: 61},
			Text{"Your release was returned for revision", "“Latihan Rilis” was returned for revision (score 61).", "/kursus/k/materi/p"}},
		{domain.NoticeSubmissionRejected, domain.NoticeParams{CourseID: "k", ItemID: "p", ItemTitle: "Rilis", Score: 30},
			Text{"Your release was rejected", "Practice “Rilis” was rejected (score 30).", "/kursus/k/materi/p"}},
		{domain.NoticeSubmissionReopened, domain.NoticeParams{CourseID: "k", ItemID: "p", ItemTitle: "Rilis", Reason: "Penolakan terlalu cepat"},
			Text{"Your practice was reopened", "Practice “Rilis” was reopened by a facilitator: its rejection was withdrawn, and you can revise the release and send it again. Reason: Penolakan terlalu cepat.", "/kursus/k/materi/p"}},
		{domain.NoticeCertificateIssued, domain.NoticeParams{Number: "BMT/2026/SKM/000042", CourseTitle: "Admin Media Sosial OPD"},
			Text{"Your certificate has been issued", "Congratulations! Your Admin Media Sosial OPD certificate has been issued with number BMT/2026/SKM/000042.", "/sertifikat"}},
		{domain.NoticeCertificateRevoked, domain.NoticeParams{Number: "BMT/2026/SKM/000042", CertificateTitle: "Kompetensi Admin", Reason: "Data ganda"},
			Text{"Your certificate was revoked", "Your certificate “Kompetensi Admin” number BMT/2026/SKM/000042 was revoked by an admin. Reason: Data ganda.", "/sertifikat"}},
		{domain.NoticeLiveSessionCancelled, domain.NoticeParams{SessionTopic: "Praktik menulis", CohortName: "Angkatan I", SessionWhen: "Kamis, 16 April 2026, pukul 09.00–11.00 WIB"},
			Text{"Live session cancelled", "Live session “Praktik menulis” for Angkatan I on Thursday, 16 April 2026, at 09:00–11:00 WIB has been cancelled.", "/jadwal"}},
		{domain.NoticeLiveSessionChanged, domain.NoticeParams{SessionTopic: "Sesi foto", CohortName: "2026-A", SessionWhen: "Jumat, 17 April 2026, pukul 13.00–15.00 WIB",
			SessionPlace: "Aula Bappeda", PrevTopic: "Sesi video", PrevWhen: "Kamis, 16 April 2026, pukul 09.00–11.00 WIB", PrevPlace: "Aula Diskominfo"},
			Text{"Live session changed", "Live session “Sesi video” for cohort 2026-A has been changed. Topic: “Sesi foto”. Time: Friday, 17 April 2026, at 13:00–15:00 WIB (before: Thursday, 16 April 2026, at 09:00–11:00 WIB). Place: Aula Bappeda (before: Aula Diskominfo).", "/jadwal"}},
		{domain.NoticeKind("cohort_moved"), domain.NoticeParams{}, Text{"Bimtek notification", "You have a notification.", ""}},
	} {
		if got := Render(domain.Notification{Kind: tc.kind, Params: tc.p}, i18n.EN); got != tc.want {
			t.Errorf("Render(%s, en) =\n %+v\nwant\n %+v", tc.kind, got, tc.want)
		}
	}
}
