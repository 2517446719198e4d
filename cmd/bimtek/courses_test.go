package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeCourse writes a small valid course under dir and returns dir.
func writeCourse(t *testing.T, dir string) string {
	t.Helper()
	files := map[string]string{
		"README.md": "# Format kursus\n",
		"dasar/course.yaml": `id: dasar
title: Dasar Media Sosial OPD
hours: 4
certificate:
  title: Sertifikat Dasar
  validity_months: 12
`,
		"dasar/01-pengantar/module.yaml": `id: pengantar
title: Pengantar
items:
  - lesson: 01-akun-resmi.md
  - quiz: kuis.quiz.yaml
`,
		"dasar/01-pengantar/01-akun-resmi.md": `---
id: akun-resmi
title: Akun Resmi OPD
minutes: 5
---
Akun resmi OPD memakai nama yang konsisten dan ditautkan dari situs pemerintah daerah.
`,
		"dasar/01-pengantar/kuis.quiz.yaml": `id: kuis-pengantar
title: Kuis Pengantar
pass_score: 70
questions:
  - id: nama-akun
    type: true_false
    text: Nama akun resmi sebaiknya konsisten di semua platform.
    answer: true
    explanation: Nama yang konsisten memudahkan warga mengenali akun resmi.
`,
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runCoursesBuf(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = runCourses(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCoursesCheckClean(t *testing.T) {
	dir := writeCourse(t, t.TempDir())
	code, out, errOut := runCoursesBuf("check", dir)
	if code != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if want := "1 kursus, 1 modul, 1 materi, 1 kuis, 0 latihan; tidak ada masalah\n"; out != want {
		t.Errorf("stdout=%q, want %q", out, want)
	}
	if errOut != "" {
		t.Errorf("stderr=%q, want empty", errOut)
	}
}

func TestCoursesCheckDefaultDir(t *testing.T) {
	root := t.TempDir()
	writeCourse(t, filepath.Join(root, "courses"))
	t.Chdir(root)
	if code, out, errOut := runCoursesBuf("check"); code != 0 || !strings.HasSuffix(out, "tidak ada masalah\n") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestCoursesCheckProblems(t *testing.T) {
	root := t.TempDir()
	dir := writeCourse(t, filepath.Join(root, "courses"))
	quiz := filepath.Join(dir, "dasar", "01-pengantar", "kuis.quiz.yaml")
	if err := os.WriteFile(quiz, []byte(`id: kuis-pengantar
title: Kuis Pengantar
pass_score: 70
questions:
  - id: dasar-hukum
    type: single
    text: Undang-undang apa yang mengatur keterbukaan informasi publik?
    options:
      - UU Nomor 14 Tahun 2008
      - UU Nomor 11 Tahun 2008
    answer: UU 11/2008
    explanation: UU 14/2008 mengatur keterbukaan informasi publik.
`), 0o644); err != nil {
		t.Fatal(err)
	}
	lesson := filepath.Join(dir, "dasar", "01-pengantar", "01-akun-resmi.md")
	if err := os.WriteFile(lesson, []byte("---\nid: akun-resmi\ntitle: Akun\nminutes: 0\n---\nIsi.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	code, out, errOut := runCoursesBuf("check", "courses")
	if code != 1 {
		t.Fatalf("exit %d, want 1; stdout %q, stderr %q", code, out, errOut)
	}
	want := strings.Join([]string{
		"courses/dasar/01-pengantar/01-akun-resmi.md:4: minutes harus berupa bilangan bulat 1–120, bukan 0",
		`courses/dasar/01-pengantar/kuis.quiz.yaml:11: jawaban "UU 11/2008" bukan salah satu pilihan`,
		"2 masalah di 2 berkas",
		"",
	}, "\n")
	if out != filepath.FromSlash(want) && out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
}

func TestCoursesUsageErrors(t *testing.T) {
	dir := writeCourse(t, t.TempDir())
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"no subcommand", nil, "Penggunaan: bimtek courses"},
		{"unknown subcommand", []string{"sinkron"}, `subperintah courses "sinkron" tidak dikenal`},
		{"two folders", []string{"check", dir, dir}, "courses check menerima satu folder saja"},
		{"missing folder", []string{"check", filepath.Join(dir, "tidak-ada")}, "tidak ditemukan"},
		{"a file, not a folder", []string{"check", filepath.Join(dir, "README.md")}, "tidak ditemukan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCoursesBuf(tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr=%q, want it to contain %q", errOut, tt.want)
			}
			if out != "" {
				t.Errorf("stdout=%q, want empty", out)
			}
		})
	}
}

func TestCoursesHelp(t *testing.T) {
	code, out, _ := runCoursesBuf("help")
	if code != 0 || !strings.Contains(out, "courses check [FOLDER]") {
		t.Errorf("exit %d, stdout %q", code, out)
	}
}
