package course

import (
	"strings"
	"testing"
	"testing/fstest"
)

// Paths of the fixture course, relative to the fs root.
const (
	fxCourse   = "courses/admin-medsos-opd/course.yaml"
	fxMod1     = "courses/admin-medsos-opd/01-keterbukaan-informasi/module.yaml"
	fxLesson1  = "courses/admin-medsos-opd/01-keterbukaan-informasi/01-kewajiban-informasi.md"
	fxLesson2  = "courses/admin-medsos-opd/01-keterbukaan-informasi/02-peran-ppid.md"
	fxImage    = "courses/admin-medsos-opd/01-keterbukaan-informasi/img/kalender.svg"
	fxQuiz     = "courses/admin-medsos-opd/01-keterbukaan-informasi/kuis.quiz.yaml"
	fxPractice = "courses/admin-medsos-opd/01-keterbukaan-informasi/rilis-vaksinasi.practice.yaml"
	fxMod2     = "courses/admin-medsos-opd/02-menulis-rilis/module.yaml"
	fxLesson3  = "courses/admin-medsos-opd/02-menulis-rilis/01-judul.md"
)

// validFS is a complete, valid course built from the format contract's example.
func validFS() fstest.MapFS {
	files := map[string]string{
		"courses/README.md": "# Format kursus\n",
		fxCourse: `id: admin-medsos-opd
title: Admin Media Sosial OPD
summary: Kursus bagi admin media sosial OPD.
hours: 32
certificate:
  title: Sertifikat Kompetensi Admin Media Sosial OPD
  validity_months: 24
  requirements:
    lessons: all
    quizzes: all
    practices: none
    attendance: 2
`,
		fxMod1: `id: keterbukaan-informasi
title: Keterbukaan Informasi Publik dan Akun Resmi OPD
summary: Dasar hukum dan peran admin.
items:
  - lesson: 01-kewajiban-informasi.md
  - lesson: 02-peran-ppid.md
  - quiz: kuis.quiz.yaml
  - practice: rilis-vaksinasi.practice.yaml
`,
		fxLesson1: `---
id: kewajiban-informasi
title: Mengapa OPD Wajib Membuka Informasi
minutes: 8
---
# Kewajiban informasi

Badan publik wajib menyediakan informasi. Baca juga [peran PPID](02-peran-ppid.md)
dan [menulis judul](../02-menulis-rilis/01-judul.md#contoh).

![Kalender konten mingguan OPD](img/kalender.svg)

Sumber: [JDIH](https://jdih.example.go.id/uu-14-2008).

| Jenis | Contoh |
|---|---|
| Berkala | Laporan keuangan |
`,
		fxLesson2: `---
id: peran-ppid
title: Peran PPID
minutes: 5
---
PPID mengelola layanan informasi di setiap OPD. Kembali ke [materi pertama](01-kewajiban-informasi.md).
`,
		fxImage: `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>`,
		fxQuiz: `id: kuis-keterbukaan-informasi
title: Kuis Modul 1
pass_score: 70
questions:
  - id: dasar-hukum
    type: single
    text: Undang-undang apa yang mengatur keterbukaan informasi publik?
    options:
      - UU Nomor 14 Tahun 2008
      - UU Nomor 11 Tahun 2008
      - UU Nomor 25 Tahun 2009
    answer: UU Nomor 14 Tahun 2008
    explanation: UU 14/2008 mengatur keterbukaan informasi publik.
  - id: jenis-informasi
    type: multiple
    text: Mana yang termasuk golongan informasi publik?
    options:
      - Berkala
      - Serta-merta
      - Rahasia pribadi
    answer:
      - Berkala
      - Serta-merta
    explanation: Rahasia pribadi termasuk informasi yang dikecualikan.
  - id: ppid-opd
    type: true_false
    text: Setiap OPD dapat menunjuk PPID pelaksana.
    answer: true
    explanation: PPID pelaksana ada di OPD.
`,
		fxPractice: `id: rilis-vaksinasi-keliling
title: Menulis Rilis Vaksinasi Keliling
instructions: |
  Tulis rilis 250–400 kata.
  Lihat [materi judul](../02-menulis-rilis/01-judul.md).
brief:
  apa: Vaksinasi keliling bagi lansia
  siapa:
    - nama: dr. Rahmat Hidayat
      jabatan: Kepala Dinas Kesehatan Kabupaten Sukamaju
  kapan: 2026-03-09
  pukul: "08.00"
  di_mana: Puskesmas Cibeureum, Kecamatan Cibeureum
  mengapa: Banyak lansia belum menerima dosis lengkap
  bagaimana: Petugas mendatangi rumah warga
  angka:
    - {nilai: 8450, satuan: warga, keterangan: lansia belum menerima dosis lengkap}
  kutipan:
    - oleh: dr. Rahmat Hidayat
      teks: "Kami datang ke rumah warga agar tidak ada lansia yang tertinggal."
  publish_by_days: 1
  ketentuan:
    kata_isi: [250, 400]
pass_score: 70
max_attempts: 3
review: required
rubric:
  5w1h: 25
  faktual: 25
  menarik: 15
  aktual: 10
  penting: 10
  struktur: 5
  bahasa: 10
`,
		fxMod2: `id: menulis-rilis
title: Menulis Rilis
items:
  - lesson: 01-judul.md
`,
		fxLesson3: `---
id: menulis-judul
title: Menulis Judul
minutes: 6
---
## Contoh

Judul yang baik memuat 5–12 kata.
`,
	}
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

// edit replaces old with new in a fixture file and fails when old is absent,
// so a fixture change cannot silently turn a case into a no-op.
func edit(t *testing.T, fsys fstest.MapFS, file, old, new string) {
	t.Helper()
	f, ok := fsys[file]
	if !ok {
		t.Fatalf("fixture has no %s", file)
	}
	s := string(f.Data)
	if !strings.Contains(s, old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	f.Data = []byte(strings.Replace(s, old, new, 1))
}

func put(fsys fstest.MapFS, file, data string) {
	fsys[file] = &fstest.MapFile{Data: []byte(data)}
}

// lineOf is the 1-based line of the first line of file containing needle.
func lineOf(t *testing.T, fsys fstest.MapFS, file, needle string) int {
	t.Helper()
	for i, ln := range strings.Split(string(fsys[file].Data), "\n") {
		if strings.Contains(ln, needle) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line containing %q", file, needle)
	return 0
}
