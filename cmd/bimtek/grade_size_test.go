package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bimtek/bimtek/internal/grading"
)

// sizeTestLine draws findings in several criteria on every line, the input
// that made the text report quadratic.
const sizeTestLine = "Dalam rangka  rapat ,dimana di sampaikan dikantor oleh KEPALA dinas pada tanggal 31/2 jam 09.00 sukses besar!!! puluhan warga “hadir”. "

func sizedRelease(n int) string {
	return "Judul Rilis Panjang\n\n" + strings.Repeat(sizeTestLine, n/len(sizeTestLine)+1)[:n]
}

// The report's passages are the ones Finding.Passage gives, headline and
// body, multi-byte text included.
func TestGradeTextReportPassagesMatchFinding(t *testing.T) {
	text := sizedRelease(4000)
	_, body, err := grading.SplitRelease(text)
	if err != nil {
		t.Fatal(err)
	}
	headline := "KEGIATAN “Ramai” DI kantor!!!"
	rep := grading.Grade(grading.Input{Headline: headline, Body: body, Now: time.Now()})
	if len(rep.Findings) < 50 {
		t.Fatalf("only %d findings; the test needs many", len(rep.Findings))
	}
	inHeadline, inBody := newRuneIndex(headline), newRuneIndex(body)
	for _, f := range rep.Findings {
		ix := inBody
		if f.Field == grading.FieldJudul {
			ix = inHeadline
		}
		if got, want := ix.slice(f.Start, f.End), f.Passage(headline, body); got != want {
			t.Fatalf("finding %+v: passage %q, want %q", f, got, want)
		}
	}
	for _, c := range [][2]int{{-1, 2}, {3, 2}, {0, len([]rune(headline)) + 1}} {
		if got := inHeadline.slice(c[0], c[1]); got != "" {
			t.Errorf("slice(%d, %d) = %q, want empty", c[0], c[1], got)
		}
	}
	if got := inHeadline.slice(len([]rune(headline)), len([]rune(headline))); got != "" {
		t.Errorf("empty slice at the end = %q", got)
	}
}

// Grading grows linearly with the release: 4 MB (the most grade reads, a
// finding every few words) costs about four times the CPU of 1 MB. Before, the
// text report was quadratic (0.5 MB 15 s, 1 MB 51 s), sixteen times or more.
// CPU time of the process, not wall time, so a loaded machine does not decide;
// the test is not parallel, so it runs alone in the process.
func TestGradeGrowsLinearly(t *testing.T) {
	grade := func(n int) time.Duration {
		path := writeTemp(t, fmt.Sprintf("rilis-%d.txt", n), sizedRelease(n))
		runtime.GC()
		before := processCPU(t)
		if code := runGrade([]string{path}, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
			t.Fatalf("exit %d", code)
		}
		return processCPU(t) - before
	}
	grade(64 << 10) // warm up
	small, large := grade(1<<20), grade(maxReleaseBytes-64)
	if ratio := float64(large) / float64(small); ratio > 8 {
		t.Fatalf("1 MB took %v of CPU and 4 MB %v: %.1f times, want about 4 (linear)", small, large, ratio)
	}
}

func processCPU(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkGradeCommandSizes: bimtek grade with the text report at 1, 2 and
// 4 MB; ns/op doubles with the size (MB/s stays level).
func BenchmarkGradeCommandSizes(b *testing.B) {
	for _, mb := range []int{1, 2, 4} {
		n := mb << 20
		if n > maxReleaseBytes-64 {
			n = maxReleaseBytes - 64
		}
		path := writeTemp(b, fmt.Sprintf("rilis-%d.txt", mb), sizedRelease(n))
		b.Run(fmt.Sprintf("MB=%d", mb), func(b *testing.B) {
			b.SetBytes(int64(n))
			for b.Loop() {
				if code := runGrade([]string{path}, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
