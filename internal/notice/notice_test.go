package notice

import (
	"testing"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
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
		{"approved", domain.NoticeSubmissionApproved, decided,
			Text{"Rilis Anda disetujui", `Rilis "Rilis Posyandu Keliling" disetujui (nilai 78).`, "/kursus/admin-medsos/materi/rilis-posyandu"}},
		{"returned", domain.NoticeSubmissionReturned, decided,
			Text{"Rilis Anda dikembalikan untuk revisi", `Rilis "Rilis Posyandu Keliling" dikembalikan (nilai 78).`, "/kursus/admin-medsos/materi/rilis-posyandu"}},
		{"rejected, score 0", domain.NoticeSubmissionRejected, domain.NoticeParams{CourseID: "k", ItemID: "latihan", ItemTitle: "Rilis"},
			Text{"Rilis Anda ditolak", `Rilis "Rilis" ditolak (nilai 0).`, "/kursus/k/materi/latihan"}},
		{"issued, course title", domain.NoticeCertificateIssued, cert,
			Text{"Sertifikat Anda terbit", "Selamat! Sertifikat Admin Media Sosial OPD Anda terbit dengan nomor BMT/2026/SKM/000042.", "/sertifikat"}},
		{"issued, own title", domain.NoticeCertificateIssued, titled,
			Text{"Sertifikat Anda terbit", "Selamat! Sertifikat Kompetensi Admin Media Sosial Anda terbit dengan nomor BMT/2026/SKM/000042.", "/sertifikat"}},
		{"issued, title begins with sertifikat", domain.NoticeCertificateIssued, prefixed,
			Text{"Sertifikat Anda terbit", "Selamat! sertifikat Kompetensi Anda terbit dengan nomor BMT/2026/SKM/000042.", "/sertifikat"}},
		{"revoked, own title", domain.NoticeCertificateRevoked, revoked,
			Text{"Sertifikat Anda dicabut", "Kompetensi Admin Media Sosial nomor BMT/2026/SKM/000042 dicabut oleh admin. Alasan: Latihan rilis terbukti jiplakan.", "/sertifikat"}},
		{"revoked, course title", domain.NoticeCertificateRevoked, domain.NoticeParams{Number: "BMT/2026/SKM/000042", CourseTitle: "Admin Media Sosial OPD", Reason: "Data ganda"},
			Text{"Sertifikat Anda dicabut", "Sertifikat Admin Media Sosial OPD nomor BMT/2026/SKM/000042 dicabut oleh admin. Alasan: Data ganda", "/sertifikat"}},
		{"session cancelled with a reason", domain.NoticeLiveSessionCancelled,
			domain.NoticeParams{SessionTopic: "Praktik menulis", CohortName: "Angkatan I", SessionWhen: "Kamis, 16 April 2026, pukul 09.00–11.00 WIB", Reason: "Aula dipakai untuk rapat darurat."},
			Text{"Sesi tatap muka dibatalkan", `Sesi tatap muka "Praktik menulis" untuk Angkatan I pada Kamis, 16 April 2026, pukul 09.00–11.00 WIB dibatalkan. Alasan: Aula dipakai untuk rapat darurat.`, "/jadwal"}},
		{"session cancelled", domain.NoticeLiveSessionCancelled, domain.NoticeParams{SessionTopic: "Praktik", CohortName: "A", SessionWhen: "besok"},
			Text{"Sesi tatap muka dibatalkan", `Sesi tatap muka "Praktik" untuk A pada besok dibatalkan.`, "/jadwal"}},
		{"legacy without text", domain.NoticeLegacy, domain.NoticeParams{},
			Text{"Pemberitahuan Bimtek", "Ada pemberitahuan untuk Anda.", ""}},
		{"a kind this version does not know", domain.NoticeKind("cohort_moved"), domain.NoticeParams{SubmissionID: 1},
			Text{"Pemberitahuan Bimtek", "Ada pemberitahuan untuk Anda.", ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Render(domain.Notification{Kind: tc.kind, Params: tc.p}); got != tc.want {
				t.Errorf("Render(%s) =\n %+v\nwant\n %+v", tc.kind, got, tc.want)
			}
		})
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
	if got := Render(n); got != want {
		t.Errorf("Render = %+v, want %+v", got, want)
	}
	n = domain.Notification{Kind: domain.NoticeLegacy, LegacyMessage: "Pesan lama tanpa tautan."}
	if got := Render(n); got.Message != "Pesan lama tanpa tautan." || got.Link != "" || got.Subject != "Pemberitahuan Bimtek" {
		t.Errorf("Render = %+v", got)
	}
}

// The decision links to the practice page the course package addresses.
func TestDecisionLinkIsTheItemPage(t *testing.T) {
	for _, ids := range [][2]string{{"admin-medsos", "rilis-1"}, {"kursus baru", "latihan/2?x"}} {
		got := Render(domain.Notification{Kind: domain.NoticeSubmissionReturned, Params: domain.NoticeParams{CourseID: ids[0], ItemID: ids[1]}}).Link
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
