package i18n

import (
	"testing"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// TestTfPluralsAndValues: a message with values is filled in the reader's
// language; a count chooses English's singular or plural form; dates,
// phrases and nested messages inside it follow the same language.
func TestTfPluralsAndValues(t *testing.T) {
	for _, tc := range []struct {
		l    Lang
		id   string
		data map[string]any
		want string
	}{
		{EN, "Sebanyak {{.N}} peserta didaftarkan ke angkatan ini.", map[string]any{"N": 1}, "1 trainee was enrolled in this cohort."},
		{EN, "Sebanyak {{.N}} peserta didaftarkan ke angkatan ini.", map[string]any{"N": 3}, "3 trainees were enrolled in this cohort."},
		{ID, "Sebanyak {{.N}} peserta didaftarkan ke angkatan ini.", map[string]any{"N": 1}, "Sebanyak 1 peserta didaftarkan ke angkatan ini."},
		// A message with only an "other" form is used for a count of one too.
		{EN, "Pertanyaan {{.N}} belum dijawab.", map[string]any{"N": 1}, "Question 1 has not been answered."},
		{EN, "Masa angkatan sudah berakhir pada {{.Date}}.", map[string]any{"Date": Date(time.Date(2026, 5, 16, 0, 0, 0, 0, time.UTC))}, "The cohort ended on 16 May 2026."},
		{ID, "Masa angkatan sudah berakhir pada {{.Date}}.", map[string]any{"Date": Date(time.Date(2026, 5, 16, 0, 0, 0, 0, time.UTC))}, "Masa angkatan sudah berakhir pada 16 Mei 2026."},
		{EN, "Pendaftaran gagal: {{.Reason}}.", map[string]any{"Reason": Message("hanya versi terbaru yang dapat dinilai", nil)}, "Enrolment failed: only the latest version can be reviewed."},
		{EN, "latihan berstatus {{.State}} tidak dapat dimulai lagi", map[string]any{"State": LowerPhrase("Dikirim")}, "a practice with the status sent cannot be started again"},
		{ID, "latihan berstatus {{.State}} tidak dapat dimulai lagi", map[string]any{"State": LowerPhrase("Dikirim")}, "latihan berstatus dikirim tidak dapat dimulai lagi"},
		// An id the message file does not have stays Indonesian, filled.
		{EN, "Belum ada terjemahan untuk {{.X}}", map[string]any{"X": 7}, "Belum ada terjemahan untuk 7"},
	} {
		if got := Tf(tc.l, tc.id, tc.data); got != tc.want {
			t.Errorf("Tf(%s, %q) = %q, want %q", tc.l, tc.id, got, tc.want)
		}
	}
}

// TestDateText puts the dates Go writes in Indonesian into English and
// leaves Indonesian alone.
func TestDateText(t *testing.T) {
	for in, want := range map[string]string{
		"Kamis, 16 April 2026 pukul 09.00 WIB":         "Thursday, 16 April 2026 at 09:00 WIB",
		"Sabtu, 1 Agustus 2026, pukul 09.00–11.30 WIB": "Saturday, 1 August 2026, at 09:00–11:30 WIB",
		"16 Mei 2026 s.d. 30 Juni 2026":                "16 May 2026 to 30 June 2026",
		"Desember":                                     "December",
		"Rabu":                                         "Wednesday",
		"":                                             "",
	} {
		if got := DateText(EN, in); got != want {
			t.Errorf("DateText(en, %q) = %q, want %q", in, got, want)
		}
		if got := DateText(ID, in); got != in {
			t.Errorf("DateText(id, %q) = %q", in, got)
		}
	}
}

// TestFillMatchesGoI18n: the split fill writes every message of the file
// (and odd ones) exactly as go-i18n's template would, values of every kind
// and missing ones included.
func TestFillMatchesGoI18n(t *testing.T) {
	ids := append(Default().IDs(), "{{ .N }} dari {{.Total}}", "{{.X}}{{.X}}", "tanpa nilai", "{{.Hilang}} kosong", "{{if .N}}ya{{end}}")
	data := map[string]any{"N": 3, "Total": int64(12), "X": 1.5, "Name": "Rina “R”", "Date": Phrase("Kamis"), "Max": uint(7), "Value": nil}
	checked := 0
	for _, id := range ids {
		want, err := indonesian().Localize(&goi18n.LocalizeConfig{DefaultMessage: &goi18n.Message{ID: id, Other: id}, TemplateData: data})
		if err != nil {
			continue
		}
		if got := fillDefault(id, data); got != want {
			t.Errorf("fillDefault(%q) = %q, go-i18n gives %q", id, got, want)
		}
		checked++
	}
	if f := splitFields("{{if .N}}ya{{end}}"); f != nil {
		t.Errorf("a template with an if action was split: %+v", f)
	}
	if checked < 100 {
		t.Fatalf("only %d messages checked", checked)
	}
}
