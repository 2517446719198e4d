package web

import (
	"context"
	"testing/fstest"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/coursesync"
)

// Ids of the test course used by the web tests.
const (
	tcCourse   = "kursus-uji"
	tcLesson1  = "materi-satu"
	tcLesson2  = "materi-dua"
	tcQuiz     = "kuis-satu"
	tcPractice = "latihan-satu"
)

// testCourseFiles is a small valid course: two lessons, a quiz, a practice.
func testCourseFiles() fstest.MapFS {
	return fstest.MapFS{
		"kursus-uji/course.yaml": {Data: []byte(`id: kursus-uji
title: Kursus Uji Admin Medsos
summary: Kursus kecil untuk pengujian.
hours: 2
certificate:
  title: Sertifikat Uji
  validity_months: 12
  requirements:
    lessons: all
    quizzes: all
    practices: all
    attendance: 1
`)},
		"kursus-uji/01-dasar/module.yaml": {Data: []byte(`id: dasar
title: Dasar-Dasar
summary: Modul pertama.
items:
  - lesson: 01-satu.md
  - lesson: 02-dua.md
  - quiz: kuis.quiz.yaml
  - practice: latihan.practice.yaml
`)},
		"kursus-uji/01-dasar/01-satu.md": {Data: []byte(`---
id: materi-satu
title: Materi Pertama tentang Keterbukaan Informasi
minutes: 4
---
Setiap badan publik wajib membuka informasi. Lanjutkan ke [materi kedua](02-dua.md).

![Bagan alur informasi](img/bagan.svg)
`)},
		"kursus-uji/01-dasar/img/bagan.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`)},
		"kursus-uji/01-dasar/02-dua.md": {Data: []byte(`---
id: materi-dua
title: Materi Kedua tentang Rilis
minutes: 3
---
Rilis yang baik menjawab 5W1H di teras berita.
`)},
		"kursus-uji/01-dasar/kuis.quiz.yaml": {Data: []byte(`id: kuis-satu
title: Kuis Dasar
pass_score: 100
questions:
  - id: uu
    type: single
    text: Undang-undang apa yang mengatur keterbukaan informasi publik?
    options:
      - UU Nomor 14 Tahun 2008
      - UU Nomor 11 Tahun 2008
    answer: UU Nomor 14 Tahun 2008
    explanation: UU 14/2008 adalah Undang-Undang Keterbukaan Informasi Publik.
  - id: nilai
    type: multiple
    text: Manakah yang termasuk nilai berita?
    options:
      - aktual
      - faktual
      - panjang
    answer: [aktual, faktual]
    explanation: Panjang tulisan bukan nilai berita.
  - id: teras
    type: true_false
    text: Teras berita sebaiknya dibuka dengan "Dalam rangka".
    answer: false
    explanation: Teras dibuka dengan inti berita, bukan seremoni.
`)},
		"kursus-uji/01-dasar/latihan.practice.yaml": {Data: []byte(`id: latihan-satu
title: Rilis Posyandu
instructions: |
  Tulis rilis berdasarkan lembar fakta.
brief:
  apa: Pelayanan posyandu keliling
  siapa:
    - nama: dr. Rahmat Hidayat
      jabatan: Kepala Dinas Kesehatan Kabupaten Sukamaju
  kapan: 2026-03-09
  pukul: "08.00"
  di_mana: Balai Desa Mekarsari
  mengapa: Menjangkau balita yang belum ditimbang
  bagaimana: Petugas mendatangi balai desa
  angka:
    - {nilai: 120, satuan: balita, keterangan: sasaran penimbangan}
  kutipan:
    - oleh: dr. Rahmat Hidayat
      teks: Kami datang agar tidak ada balita yang terlewat.
  publish_by_days: 1
pass_score: 70
max_attempts: 3
review: required
`)},
	}
}

// withCourse loads the test course into the fixture's server and database.
func (f *fixture) withCourse() *course.Course {
	f.t.Helper()
	fsys := testCourseFiles()
	cat, problems := course.Load(fsys, ".")
	if len(problems) > 0 {
		f.t.Fatalf("test course invalid: %v", problems)
	}
	if _, err := coursesync.Sync(context.Background(), f.db, cat); err != nil {
		f.t.Fatal(err)
	}
	f.srv.cfg.Catalog = cat
	f.srv.cfg.CourseFS = fsys
	return cat.Course(tcCourse)
}
