package course

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// want is one expected problem. The line is either given or found as the
// first line of the file containing at (after the case's edits). A message
// ending in "…" matches as a prefix (used for messages owned by the grader).
type want struct {
	file string
	line int
	at   string
	msg  string
}

const (
	fxDir     = "courses/admin-medsos-opd"
	fxMod1Dir = fxDir + "/01-keterbukaan-informasi"
)

func TestProblems(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, fsys fstest.MapFS)
		want  []want
	}{
		// Unknown and repeated keys.
		{"course unknown key", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxCourse, "hours: 32\n", "hours: 32\ndurasi: 3\n")
		}, []want{{fxCourse, 0, "durasi", `kunci "durasi" tidak dikenal; kunci yang sah: id, title, summary, hours, certificate`}}},
		{"certificate unknown key", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxCourse, "  validity_months: 24\n", "  validity_months: 24\n  masa_berlaku: 2\n")
		}, []want{{fxCourse, 0, "masa_berlaku", `kunci "masa_berlaku" tidak dikenal di certificate; kunci yang sah: title, validity_months, requirements`}}},
		{"lesson front matter unknown key", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson2, "minutes: 5\n", "minutes: 5\npenulis: Tim\n")
		}, []want{{fxLesson2, 5, "", `kunci "penulis" tidak dikenal di front matter; kunci yang sah: id, title, minutes, teaches`}}},
		{"question unknown key", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "    type: true_false\n", "    type: true_false\n    petunjuk: baca lagi\n")
		}, []want{{fxQuiz, 0, "petunjuk", `kunci "petunjuk" tidak dikenal di soal; kunci yang sah: id, type, text, options, answer, explanation`}}},
		{"repeated key", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxMod2, "items:", "title: Judul Lain\nitems:")
		}, []want{{fxMod2, 3, "", `kunci "title" ditulis dua kali (pertama di baris 2)`}}},
		{"rubric unknown key", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "  bahasa: 10\n", "  bahasa: 10\n  gaya: 5\n")
		}, []want{{fxPractice, 0, "gaya", `kunci "gaya" tidak dikenal di rubric; kunci yang sah: 5w1h, aktual, faktual, penting, menarik, struktur, bahasa`}}},

		// Missing values and ids.
		{"module title missing", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxMod1, "title: Keterbukaan Informasi Publik dan Akun Resmi OPD\n", "")
		}, []want{{fxMod1Dir + "/module.yaml", 1, "", "title wajib diisi"}}},
		{"lesson title empty", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson2, "title: Peran PPID", "title:")
		}, []want{{fxLesson2, 3, "", "title wajib diisi"}}},
		{"quiz id missing", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "id: kuis-keterbukaan-informasi\n", "")
		}, []want{{fxQuiz, 1, "", "id wajib diisi"}}},
		// Quiz settings.
		{"quiz attempt limit out of range", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "pass_score: 70\n", "pass_score: 70\nmax_attempts: 0\n")
		}, []want{{fxQuiz, 4, "", "max_attempts harus berupa bilangan bulat 1–20, bukan 0"}}},
		{"quiz shuffle not a boolean", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "pass_score: 70\n", "pass_score: 70\nshuffle_options: kadang\n")
		}, []want{{fxQuiz, 4, "", `shuffle_options harus true atau false, bukan "kadang"`}}},
		{"quiz reveal policy unknown", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "pass_score: 70\n", "pass_score: 70\nreveal_answers: always\n")
		}, []want{{fxQuiz, 4, "", `reveal_answers "always" tidak dikenal; gunakan never, after_passing, atau after_last_attempt`}}},
		{"multiple question repeats the page's hint", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "text: Mana yang termasuk golongan informasi publik?", "text: Mana yang termasuk golongan informasi publik? Pilih semua yang benar.")
		}, []want{{fxQuiz, 0, "Pilih semua yang benar", "text soal multiple tidak perlu menulis “Pilih semua yang benar”; halaman kuis sudah menambahkannya di setiap soal multiple"}}},
		{"explanation missing", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "    explanation: PPID pelaksana ada di OPD.\n", "")
		}, []want{{fxQuiz, 25, "", "explanation wajib diisi"}}},
		{"instructions missing", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "instructions: |\n  Tulis rilis 250–400 kata.\n  Lihat [materi judul](../02-menulis-rilis/01-judul.md).\n", "")
		}, []want{{fxPractice, 1, "", "instructions wajib diisi"}}},
		{"brief missing", func(t *testing.T, fsys fstest.MapFS) {
			f := fsys[fxPractice]
			s := string(f.Data)
			f.Data = []byte(s[:strings.Index(s, "brief:")] + s[strings.Index(s, "pass_score:"):])
		}, []want{{fxPractice, 1, "", "brief wajib diisi"}}},
		{"certificate missing", func(t *testing.T, fsys fstest.MapFS) {
			f := fsys[fxCourse]
			s := string(f.Data)
			f.Data = []byte(s[:strings.Index(s, "certificate:")])
		}, []want{{fxCourse, 1, "", "certificate wajib diisi"}}},
		{"bad id syntax", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson1, "id: kewajiban-informasi", "id: Kewajiban_Informasi")
		}, []want{{fxLesson1, 2, "", `id "Kewajiban_Informasi" tidak sah: gunakan huruf kecil a–z, angka, dan tanda hubung di antara kata (contoh: kuis-modul-1), paling panjang 64 karakter`}}},
		{"id too long", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxMod2, "id: menulis-rilis", "id: "+strings.Repeat("a", 65))
		}, []want{{fxMod2, 1, "", fmt.Sprintf(`id %q tidak sah: gunakan huruf kecil a–z, angka, dan tanda hubung di antara kata (contoh: kuis-modul-1), paling panjang 64 karakter`, strings.Repeat("a", 65))}}},

		// Duplicate ids.
		{"duplicate item id across modules", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson3, "id: menulis-judul", "id: peran-ppid")
		}, []want{{fxLesson3, 2, "", `id "peran-ppid" sudah dipakai oleh ` + fxLesson2 + `; id harus unik di seluruh kursus`}}},
		{"duplicate item id of quiz and practice", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "id: rilis-vaksinasi-keliling", "id: kuis-keterbukaan-informasi")
		}, []want{{fxPractice, 1, "", `id "kuis-keterbukaan-informasi" sudah dipakai oleh ` + fxQuiz + `; id harus unik di seluruh kursus`}}},
		{"duplicate question id", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "id: jenis-informasi", "id: dasar-hukum")
		}, []want{{fxQuiz, 14, "", `id soal "dasar-hukum" sudah dipakai di baris 5; id soal harus unik dalam satu kuis`}}},
		{"duplicate module id", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxMod2, "id: menulis-rilis", "id: keterbukaan-informasi")
		}, []want{{fxMod2, 0, "", `id modul "keterbukaan-informasi" sudah dipakai oleh ` + fxMod1}}},
		{"duplicate course id", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, "courses/kursus-lain/course.yaml", string(fsys[fxCourse].Data))
			put(fsys, "courses/kursus-lain/01-a/module.yaml", "id: a\ntitle: A\nitems:\n  - lesson: 01-a.md\n")
			put(fsys, "courses/kursus-lain/01-a/01-a.md", "---\nid: a\ntitle: A\nminutes: 1\n---\nIsi.\n")
		}, []want{
			{"courses/kursus-lain/course.yaml", 0, "", `id "admin-medsos-opd" berbeda dengan nama foldernya "kursus-lain"; samakan keduanya`},
			{"courses/kursus-lain/course.yaml", 0, "", `id kursus "admin-medsos-opd" sudah dipakai oleh ` + fxCourse},
		}},
		{"course id differs from folder", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxCourse, "id: admin-medsos-opd", "id: admin-medsos")
		}, []want{{fxCourse, 0, "", `id "admin-medsos" berbeda dengan nama foldernya "admin-medsos-opd"; samakan keduanya`}}},

		// Quiz answers and options.
		{"answer not an option", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "answer: UU Nomor 14 Tahun 2008", "answer: UU 11/2008")
		}, []want{{fxQuiz, 12, "", `jawaban "UU 11/2008" bukan salah satu pilihan`}}},
		{"answer differs only in case", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "answer: UU Nomor 14 Tahun 2008", "answer: uu nomor 14 tahun 2008")
		}, []want{{fxQuiz, 12, "", `jawaban "uu nomor 14 tahun 2008" bukan salah satu pilihan; tulis persis sama dengan pilihan "UU Nomor 14 Tahun 2008"`}}},
		{"multiple answer not an option", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "      - Serta-merta\n    explanation", "      - Dikecualikan\n    explanation")
		}, []want{{fxQuiz, 23, "", `jawaban "Dikecualikan" bukan salah satu pilihan`}}},
		{"multiple answer repeated", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "      - Serta-merta\n    explanation", "      - Berkala\n    explanation")
		}, []want{{fxQuiz, 23, "", `jawaban "Berkala" ditulis dua kali`}}},
		{"multiple answer is not a list", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "    answer:\n      - Berkala\n      - Serta-merta\n", "    answer: Berkala\n")
		}, []want{{fxQuiz, 21, "", "jawaban soal multiple harus berupa daftar teks pilihan (boleh satu butir)"}}},
		{"single answer is a list", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "    answer: UU Nomor 14 Tahun 2008\n", "    answer:\n      - UU Nomor 14 Tahun 2008\n")
		}, []want{{fxQuiz, 13, "", "jawaban soal single harus satu teks pilihan, bukan daftar"}}},
		{"true_false answer not boolean", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "answer: true", "answer: benar")
		}, []want{{fxQuiz, 28, "", `jawaban soal true_false harus true atau false, bukan "benar"`}}},
		{"true_false answer quoted", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "answer: true", `answer: "true"`)
		}, []want{{fxQuiz, 28, "", `jawaban soal true_false harus true atau false, bukan "true"`}}},
		{"true_false answer missing", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "    answer: true\n", "")
		}, []want{{fxQuiz, 25, "", "answer wajib diisi"}}},
		{"true_false with options", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "    answer: true\n", "    options: [Benar, Salah]\n    answer: true\n")
		}, []want{{fxQuiz, 28, "", "soal true_false tidak memakai options; hapus options (pilihannya selalu Benar dan Salah)"}}},
		{"options duplicated", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "- UU Nomor 25 Tahun 2009", "- UU  nomor 14 tahun 2008")
		}, []want{{fxQuiz, 11, "", `pilihan "UU  nomor 14 tahun 2008" sama dengan pilihan "UU Nomor 14 Tahun 2008"; setiap pilihan harus berbeda`}}},
		{"too few options", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "      - UU Nomor 11 Tahun 2008\n      - UU Nomor 25 Tahun 2009\n", "")
		}, []want{{fxQuiz, 9, "", "options harus berisi 2–6 pilihan, bukan 1"}}},
		{"too many options", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "      - Rahasia pribadi\n", "      - Rahasia pribadi\n      - D\n      - E\n      - F\n      - G\n")
		}, []want{{fxQuiz, 18, "", "options harus berisi 2–6 pilihan, bukan 7"}}},
		{"options missing", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "    options:\n      - Berkala\n      - Serta-merta\n      - Rahasia pribadi\n", "")
		}, []want{{fxQuiz, 14, "", "options wajib diisi"}}},
		{"unknown question type", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "type: single", "type: pilihan")
		}, []want{{fxQuiz, 6, "", `type "pilihan" tidak dikenal; gunakan single, multiple, atau true_false`}}},
		{"no questions", func(t *testing.T, fsys fstest.MapFS) {
			f := fsys[fxQuiz]
			f.Data = []byte(string(f.Data)[:strings.Index(string(f.Data), "  - id: dasar-hukum")] + "  []\n")
		}, []want{{fxQuiz, 5, "", "questions kosong; tulis setidaknya satu soal"}}},

		// The brief, checked by the grader, with lines mapped onto the file.
		{"brief date does not parse", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "kapan: 2026-03-09", "kapan: 9 Maret 2026")
		}, []want{{fxPractice, 11, "", "brief: kapan…"}}},
		{"brief unknown key", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "  di_mana:", "  tempat: Aula\n  di_mana:")
		}, []want{{fxPractice, 13, "", `brief: kunci "tempat"…`}}},
		{"brief error after blank lines and comments", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "brief:\n", "brief:\n  # fakta kegiatan\n\n")
			edit(t, fsys, fxPractice, "kapan: 2026-03-09", "kapan: besok")
		}, []want{{fxPractice, 13, "", "brief: kapan…"}}},
		{"brief in flow style", func(t *testing.T, fsys fstest.MapFS) {
			f := fsys[fxPractice]
			s := string(f.Data)
			f.Data = []byte(s[:strings.Index(s, "brief:")] + "brief: {apa: Vaksinasi, kapan: kemarin}\n" + s[strings.Index(s, "pass_score:"):])
		}, []want{{fxPractice, 6, "", "brief: kapan…"}}},

		// Ranges and enumerations.
		{"quiz pass_score 0", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "pass_score: 70", "pass_score: 0")
		}, []want{{fxQuiz, 3, "", "pass_score harus berupa bilangan bulat 1–100, bukan 0"}}},
		{"practice pass_score 101", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "pass_score: 70", "pass_score: 101")
		}, []want{{fxPractice, 24, "", "pass_score harus berupa bilangan bulat 1–100, bukan 101"}}},
		{"pass_score not an integer", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "pass_score: 70", "pass_score: 7.5")
		}, []want{{fxQuiz, 3, "", `pass_score harus berupa bilangan bulat 1–100, bukan "7.5"`}}},
		{"minutes 0", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson3, "minutes: 6", "minutes: 0")
		}, []want{{fxLesson3, 4, "", "minutes harus berupa bilangan bulat 1–120, bukan 0"}}},
		{"minutes in words", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson3, "minutes: 6", "minutes: enam")
		}, []want{{fxLesson3, 4, "", `minutes harus berupa bilangan bulat 1–120, bukan "enam"`}}},
		{"minutes missing", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson3, "minutes: 6\n", "")
		}, []want{{fxLesson3, 2, "", "minutes wajib diisi"}}},
		{"max_attempts 21", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "max_attempts: 3", "max_attempts: 21")
		}, []want{{fxPractice, 25, "", "max_attempts harus berupa bilangan bulat 1–20, bukan 21"}}},
		{"validity_months 121", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxCourse, "validity_months: 24", "validity_months: 121")
		}, []want{{fxCourse, 7, "", "validity_months harus berupa bilangan bulat 1–120, bukan 121"}}},
		{"hours 0", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxCourse, "hours: 32", "hours: 0")
		}, []want{{fxCourse, 4, "", "hours harus berupa bilangan bulat ≥ 1, bukan 0"}}},
		{"attendance negative", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxCourse, "attendance: 2", "attendance: -1")
		}, []want{{fxCourse, 12, "", "attendance harus berupa bilangan bulat ≥ 0, bukan -1"}}},
		{"requirement unknown", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxCourse, "lessons: all", "lessons: semua")
		}, []want{{fxCourse, 9, "", `lessons "semua" tidak dikenal; gunakan all atau none`}}},
		{"unknown review", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "review: required", "review: manual")
		}, []want{{fxPractice, 26, "", `review "manual" tidak dikenal; gunakan required atau auto`}}},
		{"rubric weight negative", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "struktur: 5", "struktur: -5")
		}, []want{{fxPractice, 0, "struktur: -5", "struktur harus berupa bilangan bulat ≥ 0, bukan -5"}}},
		{"rubric weights sum to 0", func(t *testing.T, fsys fstest.MapFS) {
			f := fsys[fxPractice]
			s := string(f.Data)
			f.Data = []byte(s[:strings.Index(s, "rubric:")] + "rubric: {5w1h: 0, bahasa: 0}\n")
		}, []want{{fxPractice, 27, "", "jumlah bobot rubric harus lebih dari 0"}}},

		// The practice's instructions and its brief's ketentuan agree.
		{"rules: body words disagree", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "kata_isi: [250, 400]", "kata_isi: [300, 400]")
		}, []want{{fxPractice, 4, "", "instruksi menyebut isi rilis 250–400 kata, tetapi brief.ketentuan.kata_isi bernilai [300, 400]; samakan keduanya (kata_isi: [250, 400])"}}},
		{"rules: body words missing", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "  ketentuan:\n    kata_isi: [250, 400]\n", "")
		}, []want{{fxPractice, 4, "", "instruksi menyebut isi rilis 250–400 kata, tetapi brief.ketentuan tidak memuat kata_isi; tambahkan kata_isi: [250, 400] agar penilai otomatis memeriksa aturan yang sama"}}},
		{"rules: lead, quotes and window disagree over wrapped lines", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "  Tulis rilis 250–400 kata.\n", "  Tulis rilis 250–400 kata. Teras paling\n  banyak 30 kata. Muat **dua kutipan**.\n  Terbit paling lambat dua hari setelah kegiatan.\n")
			edit(t, fsys, fxPractice, "    kata_isi: [250, 400]\n", "    kata_isi: [250, 400]\n    kata_teras_maks: 35\n    kutipan_beratribusi: 1\n")
		}, []want{
			{fxPractice, 4, "", "instruksi menyebut teras paling banyak 30 kata, tetapi brief.ketentuan.kata_teras_maks bernilai 35; samakan keduanya (kata_teras_maks: 30)"},
			{fxPractice, 5, "", "instruksi menyebut dua kutipan, tetapi brief.ketentuan.kutipan_beratribusi bernilai 1; samakan keduanya (kutipan_beratribusi: 2)"},
			{fxPractice, 6, "", "instruksi menyebut rilis terbit paling lambat dua hari setelah, tetapi brief.publish_by_days bernilai 1; samakan keduanya (publish_by_days: 2)"},
		}},
		{"rules: a rule the instructions never state", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "    kata_isi: [250, 400]\n", "    kata_isi: [250, 400]\n    pemisah_ribuan: true\n")
		}, []want{{fxPractice, 0, "    pemisah_ribuan: true", "brief.ketentuan.pemisah_ribuan (titik pemisah ribuan) tidak disebut di instruksi; peserta hanya dapat memenuhi aturan yang dibacanya, jadi tulis aturan itu di instruksi atau hapus kuncinya"}}},
		{"rules: an active headline the ketentuan leave out", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "  Tulis rilis 250–400 kata.\n", "  Tulis rilis 250–400 kata. Judul 5–12 kata:\n  aktif dan konkret.\n")
			edit(t, fsys, fxPractice, "    kata_isi: [250, 400]\n", "    kata_isi: [250, 400]\n    kata_judul: [5, 12]\n")
		}, []want{{fxPractice, 4, "", "instruksi menyebut \"Judul 5–12 kata: aktif\", tetapi brief.ketentuan tidak memuat judul_aktif; tambahkan judul_aktif: true agar penilai otomatis memeriksa aturan yang sama"}}},
		{"rules: an active headline the instructions never state", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "    kata_isi: [250, 400]\n", "    kata_isi: [250, 400]\n    judul_aktif: true\n")
		}, []want{{fxPractice, 0, "    judul_aktif: true", "brief.ketentuan.judul_aktif (judul berupa kalimat aktif) tidak disebut di instruksi; peserta hanya dapat memenuhi aturan yang dibacanya, jadi tulis aturan itu di instruksi atau hapus kuncinya"}}},
		{"rules: bad range", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "kata_isi: [250, 400]", "kata_isi: [400, 250]")
		}, []want{{fxPractice, 0, "    kata_isi: [400, 250]", "brief: kata_isi harus berupa rentang [paling sedikit, paling banyak] dengan 1 ≤ paling sedikit ≤ paling banyak ≤ 5000"}}},

		// Directories and listed files.
		{"module dir name", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, fxDir+"/Modul-Tambahan/module.yaml", "id: tambahan\ntitle: Tambahan\nitems: []\n")
		}, []want{{fxDir + "/Modul-Tambahan", 0, "", "nama folder modul harus berbentuk NN-slug, dua angka lalu huruf kecil dan tanda hubung (contoh: 01-keterbukaan-informasi)"}}},
		{"module number used twice", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, fxDir+"/02-tambahan/module.yaml", "id: tambahan\ntitle: Tambahan\nitems:\n  - lesson: 01-a.md\n")
			put(fsys, fxDir+"/02-tambahan/01-a.md", "---\nid: tambahan-a\ntitle: A\nminutes: 1\n---\nIsi.\n")
		}, []want{{fxDir + "/02-tambahan", 0, "", "nomor urut 02 sudah dipakai oleh folder 02-menulis-rilis"}}},
		{"module.yaml missing", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, fxDir+"/03-baru/01-a.md", "---\nid: a\ntitle: A\nminutes: 1\n---\nIsi.\n")
		}, []want{{fxDir + "/03-baru", 0, "", "folder modul tanpa module.yaml"}}},
		{"course.yaml missing", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, "courses/draf/catatan.txt", "nanti")
		}, []want{{"courses/draf", 0, "", "folder kursus tanpa course.yaml"}}},
		{"file not listed", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, fxMod1Dir+"/03-catatan.md", "---\nid: catatan\ntitle: Catatan\nminutes: 1\n---\nIsi.\n")
		}, []want{{fxMod1Dir + "/03-catatan.md", 0, "", "berkas ini tidak tercantum di items module.yaml"}}},
		{"listed file missing", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxMod1, "  - quiz:", "  - lesson: 03-tambahan.md\n  - quiz:")
		}, []want{{fxMod1Dir + "/module.yaml", 7, "", `berkas "03-tambahan.md" tidak ada di folder modul`}}},
		{"file listed twice", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxMod1, "  - quiz:", "  - lesson: 02-peran-ppid.md\n  - quiz:")
		}, []want{{fxMod1Dir + "/module.yaml", 7, "", `berkas "02-peran-ppid.md" sudah tercantum di items`}}},
		{"item kind does not match file", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxMod1, "- quiz: kuis.quiz.yaml", "- lesson: kuis.quiz.yaml")
		}, []want{{fxMod1Dir + "/module.yaml", 7, "", `berkas lesson harus berakhiran .md, bukan "kuis.quiz.yaml"`}}},
		{"item unknown kind", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxMod1, "- practice:", "- latihan:")
		}, []want{{fxMod1Dir + "/module.yaml", 8, "", `kunci "latihan" tidak dikenal di items; gunakan lesson, quiz, atau practice`}}},
		{"item with a path", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, fxDir+"/02-menulis-rilis/02-b.md", "---\nid: b\ntitle: B\nminutes: 1\n---\nIsi.\n")
			edit(t, fsys, fxMod2, "  - lesson: 01-judul.md\n", "  - lesson: 01-judul.md\n  - lesson: ../02-menulis-rilis/02-b.md\n")
		}, []want{
			{fxDir + "/02-menulis-rilis/02-b.md", 0, "", "berkas ini tidak tercantum di items module.yaml"},
			{fxMod2, 5, "", `"../02-menulis-rilis/02-b.md" harus nama berkas di folder modul ini, tanpa garis miring`},
		}},
		{"item entry with two keys", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxMod2, "  - lesson: 01-judul.md\n", "  - lesson: 01-judul.md\n    quiz: x.quiz.yaml\n")
			put(fsys, fxDir+"/02-menulis-rilis/x.quiz.yaml", strings.Replace(string(fsys[fxQuiz].Data), "id: kuis-keterbukaan-informasi", "id: kuis-x", 1))
		}, []want{{fxMod2, 4, "", `setiap butir items harus berisi tepat satu kunci: lesson, quiz, atau practice, diikuti nama berkas; awali setiap berkas dengan "- "`}}},
		{"unknown YAML file in module", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, fxMod1Dir+"/kuis-2.yaml", "id: x\n")
		}, []want{{fxMod1Dir + "/kuis-2.yaml", 0, "", "berkas YAML tidak dikenali; kuis berakhiran .quiz.yaml dan latihan berakhiran .practice.yaml"}}},
		{"content file outside a course", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, "courses/catatan.md", "# Catatan\n")
		}, []want{{"courses/catatan.md", 0, "", "berkas ini berada di luar folder kursus sehingga tidak dibaca; pindahkan ke <id-kursus>/ atau <id-kursus>/NN-modul/"}}},
		{"lesson outside a module", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, fxDir+"/01-pengantar.md", "---\nid: pengantar\ntitle: P\nminutes: 1\n---\nIsi.\n")
		}, []want{{fxDir + "/01-pengantar.md", 0, "", "berkas ini tidak berada di folder modul sehingga tidak dibaca; pindahkan ke folder NN-modul"}}},

		// Links and images.
		{"broken lesson link", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson2, "(01-kewajiban-informasi.md)", "(01-kewajiban.md)")
		}, []want{{fxLesson2, 6, "", `tautan "01-kewajiban.md" menuju materi yang tidak ada`}}},
		{"broken link across modules", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson1, "../02-menulis-rilis/01-judul.md#contoh", "../03-menulis-rilis/01-judul.md#contoh")
		}, []want{{fxLesson1, 9, "", `tautan "../03-menulis-rilis/01-judul.md#contoh" menuju materi yang tidak ada`}}},
		{"link to a .md that is not a lesson", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, fxDir+"/README.md", "# Catatan penulis\n")
			edit(t, fsys, fxLesson2, "(01-kewajiban-informasi.md)", "(../README.md)")
		}, []want{{fxLesson2, 6, "", `tautan "../README.md" menuju berkas .md yang bukan materi kursus ini (tidak tercantum di items modul)`}}},
		{"link out of the course", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson2, "(01-kewajiban-informasi.md)", "(../../README.md)")
		}, []want{{fxLesson2, 6, "", `tautan "../../README.md" keluar dari folder kursus; tautan antarmateri hanya boleh di dalam kursus yang sama`}}},
		{"link to a source file", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson2, "(01-kewajiban-informasi.md)", "(module.yaml)")
		}, []want{{fxLesson2, 6, "", `tautan "module.yaml" menuju berkas sumber yang tidak dapat dibuka peserta`}}},
		{"javascript link", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson2, "(01-kewajiban-informasi.md)", "(javascript:alert(1))")
		}, []want{{fxLesson2, 6, "", `tautan "javascript:alert(1)" memakai skema yang tidak diizinkan; gunakan https:, mailto:, atau tel:`}}},
		{"image missing", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson1, "img/kalender.svg", "img/kalender.png")
		}, []want{{fxLesson1, 11, "", `gambar "img/kalender.png" tidak ditemukan`}}},
		{"image without alt text", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson1, "![Kalender konten mingguan OPD]", "![ ]")
		}, []want{{fxLesson1, 11, "", `gambar "img/kalender.svg" tidak punya teks alternatif; tulis ![keterangan isi gambar](img/kalender.svg) agar pembaca layar dapat membacakannya`}}},
		{"image from another host", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson1, "(img/kalender.svg)", "(https://example.com/kalender.png)")
		}, []want{{fxLesson1, 11, "", `gambar "https://example.com/kalender.png" diambil dari situs lain; simpan berkasnya di folder img/ modul ini lalu tautkan secara relatif`}}},
		{"image of an unknown type", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, fxMod1Dir+"/img/data.txt", "x")
			edit(t, fsys, fxLesson1, "(img/kalender.svg)", "(img/data.txt)")
		}, []want{{fxLesson1, 11, "", `gambar "img/data.txt" bukan berkas gambar yang didukung (.png, .jpg, .jpeg, .svg, .webp, .gif)`}}},
		{"image with an absolute path", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson1, "(img/kalender.svg)", "(/img/kalender.svg)")
		}, []want{{fxLesson1, 11, "", `gambar "/img/kalender.svg" harus ditautkan secara relatif terhadap berkas ini (contoh: img/bagan.svg)`}}},
		{"image in practice instructions", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxPractice, "  Lihat [materi", "  ![Contoh](img/contoh.png) Lihat [materi")
		}, []want{{fxPractice, 5, "", `gambar "img/contoh.png" tidak ditemukan`}}},
		{"raw HTML", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson3, "yang baik", "yang <u>baik</u>")
		}, []want{
			{fxLesson3, 8, "", `HTML "<u>" tidak ditampilkan; tulis dengan Markdown`},
			{fxLesson3, 8, "", `HTML "</u>" tidak ditampilkan; tulis dengan Markdown`},
		}},
		{"HTML comments are allowed", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson3, "## Contoh", "<!-- catatan untuk penulis -->\n\n## Contoh <!-- di sini -->")
		}, nil},

		// Lesson files.
		{"empty lesson body", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson3, "## Contoh\n\nJudul yang baik memuat 5–12 kata.\n", "\n")
		}, []want{{fxLesson3, 6, "", "isi materi kosong; tulis teks pelajaran di bawah front matter"}}},
		{"front matter missing", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson2, "---\nid: peran-ppid\ntitle: Peran PPID\nminutes: 5\n---\n", "")
		}, []want{{fxLesson2, 1, "", "front matter tidak ada: berkas materi harus diawali baris --- lalu id, title, dan minutes, lalu baris --- lagi"}}},
		{"front matter not closed", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson2, "minutes: 5\n---\n", "minutes: 5\n")
		}, []want{{fxLesson2, 1, "", "front matter tidak ditutup: tambahkan baris --- setelah id, title, dan minutes"}}},
		{"front matter YAML error", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxLesson3, "title: Menulis Judul", "title: Menulis: Judul")
		}, []want{{fxLesson3, 3, "", `YAML tidak dapat dibaca: ada titik dua di tempat yang tidak semestinya; beri tanda kutip pada teks yang memuat ": " (mapping values are not allowed in this context)`}}},

		// Whole files.
		{"YAML syntax error", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "      - Serta-merta\n    explanation", "      - Serta-merta\n   explanation")
		}, []want{{fxQuiz, 24, "", "YAML tidak dapat dibaca: indentasi tidak sejajar; setiap butir daftar diawali \"- \" dan kunci-kuncinya sejajar (did not find expected '-' indicator)"}}},
		{"unclosed quote", func(t *testing.T, fsys fstest.MapFS) {
			edit(t, fsys, fxQuiz, "text: Mana yang", "text: \"Mana yang")
		}, []want{{fxQuiz, 16, "", "YAML tidak dapat dibaca: …"}}},
		{"not a mapping", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, fxQuiz, "- satu\n- dua\n")
		}, []want{{fxQuiz, 1, "", "isi berkas harus berupa pasangan kunci: nilai"}}},
		{"empty file", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, fxQuiz, "# belum ditulis\n")
		}, []want{{fxQuiz, 1, "", "berkas kosong"}}},
		{"not UTF-8", func(t *testing.T, fsys fstest.MapFS) {
			put(fsys, fxLesson3, "---\nid: menulis-judul\ntitle: Judul \xff\nminutes: 6\n---\nIsi.\n")
		}, []want{{fxLesson3, 0, "", "berkas bukan teks UTF-8; simpan ulang dengan pengodean UTF-8"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			tt.setup(t, fsys)
			_, got := Load(fsys, "courses")
			var ws []want
			for _, w := range tt.want {
				if w.at != "" {
					w.line = lineOf(t, fsys, w.file, w.at)
				}
				ws = append(ws, w)
			}
			if !matchProblems(got, ws) {
				t.Errorf("problems:\n%s\nwant:\n%s", fmtProblems(got), fmtWants(ws))
			}
		})
	}
}

func matchProblems(got []Problem, ws []want) bool {
	if len(got) != len(ws) {
		return false
	}
	for i, w := range ws {
		p := got[i]
		if p.File != w.file || p.Line != w.line {
			return false
		}
		if prefix, ok := strings.CutSuffix(w.msg, "…"); ok {
			if !strings.HasPrefix(p.Msg, prefix) {
				return false
			}
		} else if p.Msg != w.msg {
			return false
		}
	}
	return true
}

func fmtProblems(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "  %s\n", p)
	}
	return b.String()
}

func fmtWants(ws []want) string {
	var b strings.Builder
	for _, w := range ws {
		fmt.Fprintf(&b, "  %s\n", Problem{File: w.file, Line: w.line, Msg: w.msg})
	}
	return b.String()
}

func TestNoCourses(t *testing.T) {
	fsys := fstest.MapFS{"courses/README.md": &fstest.MapFile{Data: []byte("# Format\n")}}
	cat, got := Load(fsys, "courses")
	if !matchProblems(got, []want{{"courses", 0, "", "tidak ada kursus: setiap kursus adalah folder berisi course.yaml"}}) {
		t.Errorf("problems:\n%s", fmtProblems(got))
	}
	if cat == nil || len(cat.Courses) != 0 {
		t.Errorf("catalog = %+v, want empty", cat)
	}
}

func TestMissingRoot(t *testing.T) {
	_, got := Load(validFS(), "kursus")
	if len(got) != 1 || got[0].File != "kursus" || !strings.HasPrefix(got[0].Msg, "folder kursus tidak dapat dibaca") {
		t.Errorf("problems:\n%s", fmtProblems(got))
	}
}

// One broken file must not hide the problems of others nor drop the good items.
func TestEveryProblemAtOnce(t *testing.T) {
	fsys := validFS()
	edit(t, fsys, fxQuiz, "title: Kuis Modul 1", "title: Kuis: Modul 1")
	edit(t, fsys, fxLesson1, "id: kewajiban-informasi", "id: Kewajiban")
	edit(t, fsys, fxLesson1, "img/kalender.svg", "img/tidak-ada.svg")
	edit(t, fsys, fxPractice, "review: required", "review: ya")
	edit(t, fsys, fxCourse, "hours: 32", "hours: banyak")
	cat, got := Load(fsys, "courses")
	files := map[string]int{}
	for _, p := range got {
		files[p.File]++
	}
	wantFiles := map[string]int{fxQuiz: 1, fxLesson1: 2, fxPractice: 1, fxCourse: 1}
	if fmt.Sprint(files) != fmt.Sprint(wantFiles) {
		t.Errorf("problems per file = %v, want %v:\n%s", files, wantFiles, fmtProblems(got))
	}
	c := cat.Course("admin-medsos-opd")
	if c == nil || c.Item("peran-ppid") == nil || c.Item("menulis-judul") == nil || c.Item("rilis-vaksinasi-keliling") == nil {
		t.Fatalf("good items were dropped: %+v", c)
	}
	if got := len(c.Items); got != 5 {
		t.Errorf("%d items, want all 5 listed items kept", got)
	}
	for i := 1; i < len(got); i++ {
		if got[i-1].File > got[i].File || (got[i-1].File == got[i].File && got[i-1].Line > got[i].Line) {
			t.Errorf("problems not sorted by file and line:\n%s", fmtProblems(got))
			break
		}
	}
}
