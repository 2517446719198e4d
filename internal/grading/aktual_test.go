package grading

import (
	"strings"
	"testing"
	"time"
)

func TestWeekdayDateAgreement(t *testing.T) {
	wrong := strings.Replace(goodLead, "Rabu (11/3/2026)", "Kamis (11/3/2026)", 1)
	in, rep := check(goodHeadline, wrong+"\n\n"+goodQuote)
	f := mustFind(t, rep, in, CritAktual, SevKesalahan, "Kamis (11/3/2026)")
	if f.Suggestion != "Rabu (11/3/2026)" || !strings.Contains(f.Message, "Rabu") {
		t.Errorf("weekday finding %+v", f)
	}

	in, rep = check(goodHeadline, withLead())
	for _, f := range find(rep, in, CritAktual, "") {
		t.Errorf("correct date flagged: %+v", f)
	}
}

func TestWeekdayYearFromNow(t *testing.T) {
	// "Rabu (30/06)" has no year: 30 June 2021 was a Wednesday when written in 2021 …
	body := "PANDEGLANG – Bupati Pandeglang membuka bimtek admin media sosial, Rabu (30/06).\n\n\"Masyarakat butuh informasi,\" kata Irna."
	in := Input{Headline: "Bupati Buka Bimtek Admin Media Sosial OPD", Body: body, Now: time.Date(2021, 6, 30, 20, 0, 0, 0, time.UTC)}
	rep := Grade(in)
	mustNotFind(t, rep, in, CritAktual, "Rabu (30/06)")
	// … but not in 2022, when 30 June is a Thursday.
	in.Now = time.Date(2022, 6, 30, 20, 0, 0, 0, time.UTC)
	rep = Grade(in)
	mustFind(t, rep, in, CritAktual, SevKesalahan, "Rabu (30/06)")
	// A December date written in January belongs to the year before.
	in.Body = strings.Replace(body, "Rabu (30/06)", "Selasa (31/12)", 1)
	in.Now = time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC) // 31 Dec 2024 was a Tuesday
	rep = Grade(in)
	mustNotFind(t, rep, in, CritAktual, "Selasa (31/12)")
}

func TestImpossibleDate(t *testing.T) {
	body := strings.Replace(goodLead, "Rabu (11/3/2026)", "Senin (31/2/2026)", 1)
	in, rep := check(goodHeadline, body+"\n\n"+goodQuote)
	mustFindMsg(t, rep, in, CritAktual, SevKesalahan, "31/2/2026", "tidak ada di kalender")
}

func TestEventTime(t *testing.T) {
	noTime := "SUKAMAJU – Diskominfo Kabupaten Sukamaju meluncurkan layanan aduan warga melalui WhatsApp.\n\n" +
		"Setiap aduan wajib dijawab paling lambat tiga hari kerja dan dipantau pada hari dan jam kerja."
	in, rep := check(goodHeadline, noTime)
	mustFindMsg(t, rep, in, CritAktual, SevPeringatan, "", "kapan kegiatan berlangsung")

	vague := strings.Replace(noTime, "WhatsApp.", "WhatsApp baru-baru ini.", 1)
	in, rep = check(goodHeadline, vague)
	mustFind(t, rep, in, CritAktual, SevPeringatan, "baru-baru ini")

	both := strings.Replace(vague, "baru-baru ini.", "baru-baru ini, tepatnya Rabu (11/3/2026).", 1)
	in, rep = check(goodHeadline, both)
	// From 1.29.0 a vague time beside the date is a peringatan: the reader
	// still cannot tell when that happened.
	mustFind(t, rep, in, CritAktual, SevPeringatan, "baru-baru ini")

	// A date inside a quote is not the event's time.
	quoted := noTime + "\n\n\"Layanan serupa kami coba sejak Senin (2/3/2026),\" kata Siti."
	in, rep = check(goodHeadline, quoted)
	mustFindMsg(t, rep, in, CritAktual, SevPeringatan, "", "kapan kegiatan berlangsung")
}

func TestPublishDeadline(t *testing.T) {
	body := briefLead + "\n\n" + briefQuote
	b, err := ParseBrief([]byte(factsBrief))
	if err != nil {
		t.Fatalf("ParseBrief: %v", err)
	}
	late := Input{Headline: "Diskominfo Latih Admin Medsos Menulis Rilis", Body: body, Brief: b,
		Now: time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)}
	rep := Grade(late)
	mustFindMsg(t, rep, late, CritAktual, SevPeringatan, "", "terlambat")

	onTime := late
	onTime.Now = time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC)
	rep = Grade(onTime)
	for _, f := range find(rep, onTime, CritAktual, "") {
		t.Errorf("release within the deadline flagged: %+v", f)
	}
}

// Two weekdays over two days pair in order: "Rabu dan Kamis, 11 dan 12
// Maret" is right, the same days shifted by one are not.
func TestWeekdayPair(t *testing.T) {
	for _, ok := range []string{"Rabu dan Kamis, 11 dan 12 Maret 2026", "Rabu–Kamis, 11–12 Maret 2026", "Rabu sampai Kamis, 11 sampai 12 Maret 2026"} {
		body := withLead("Pelatihan berlangsung dua hari, " + ok + ", di Aula BPBD.")
		in, rep := check(goodHeadline, body)
		for _, f := range find(rep, in, CritAktual, "") {
			if f.Severity == SevKesalahan {
				t.Errorf("%q: correct pair flagged: %s", ok, f.Message)
			}
		}
	}
	for _, bad := range []string{"Kamis dan Jumat, 11 dan 12 Maret 2026", "Rabu dan Kamis, 12 dan 13 Maret 2026"} {
		body := withLead("Pelatihan berlangsung dua hari, " + bad + ", di Aula BPBD.")
		in, rep := check(goodHeadline, body)
		mustFindMsg(t, rep, in, CritAktual, SevKesalahan, "", "jatuh pada hari")
	}
}
