package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/bimtek/bimtek/internal/course"
)

const coursesUsage = `Penggunaan: bimtek courses check [FOLDER]

Subperintah:
  check [FOLDER]   memeriksa semua kursus di FOLDER (bawaan: courses) dan
                   menampilkan setiap masalah sebagai berkas:baris: pesan
`

// runCourses runs "bimtek courses …". Exit codes: 0 clean, 1 problems found,
// 2 bad usage or an unreadable folder.
func runCourses(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, coursesUsage)
		return 2
	}
	switch args[0] {
	case "check":
		return runCoursesCheck(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stdout, coursesUsage)
		return 0
	}
	fmt.Fprintf(stderr, "subperintah courses %q tidak dikenal\n\n%s", args[0], coursesUsage)
	return 2
}

func runCoursesCheck(args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprintf(stderr, "courses check menerima satu folder saja\n\n%s", coursesUsage)
		return 2
	}
	dir := "courses"
	if len(args) == 1 {
		dir = args[0]
	}
	if dir == "-h" || dir == "--help" {
		fmt.Fprint(stdout, coursesUsage)
		return 0
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "folder kursus %q tidak ditemukan\n", dir)
		return 2
	}
	cat, probs := course.Load(os.DirFS(dir), ".")
	if len(probs) > 0 {
		files := map[string]bool{}
		for _, p := range probs {
			// Show paths as the user named the folder, e.g. courses/…/kuis.quiz.yaml:14.
			p.File = filepath.Join(dir, filepath.FromSlash(p.File))
			files[p.File] = true
			fmt.Fprintln(stdout, p.String())
		}
		fmt.Fprintf(stdout, "%d masalah di %d berkas\n", len(probs), len(files))
		return 1
	}
	s := cat.Stats()
	fmt.Fprintf(stdout, "%d kursus, %d modul, %d materi, %d kuis, %d latihan; tidak ada masalah\n",
		s.Courses, s.Modules, s.Lessons, s.Quizzes, s.Practices)
	return 0
}
