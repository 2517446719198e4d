package grading

import (
	"slices"
	"strings"
	"testing"
)

// wrapText wraps each paragraph at width columns, as an e-mail client or
// a copied document does, and joins the paragraphs with sep.
func wrapText(body string, width int, sep string) string {
	var paras []string
	for _, p := range strings.Split(body, "\n\n") {
		var lines []string
		line := ""
		for _, w := range strings.Fields(p) {
			if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
				lines = append(lines, line)
				line = w
				continue
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		paras = append(paras, strings.Join(append(lines, line), "\n"))
	}
	return strings.Join(paras, sep)
}

// ruleSet lists the rules of a report's findings above info, sorted.
func ruleSet(rep Report) []string {
	var out []string
	for _, f := range rep.Findings {
		if SeverityRank(f.Severity) > SeverityRank(SevInfo) {
			out = append(out, f.Rule)
		}
	}
	slices.Sort(out)
	return out
}

// TestLineBreakParagraphs: a release whose paragraphs are separated by a
// single line break (CRLF too), or wrapped at a width with or without blank
// lines between its paragraphs, is graded as the same release with blank
// lines: the same lead, score and findings, over both sound sets.
func TestLineBreakParagraphs(t *testing.T) {
	for id, p := range loadPractices(t) {
		for _, dir := range []string{"sound", "sound2"} {
			h, b := releaseFile(t, dir, id)
			sound := Grade(p.input(h, b))
			variants := map[string]string{
				"single line breaks": strings.ReplaceAll(b, "\n\n", "\n"),
				"CRLF line breaks":   NormalizeText(strings.ReplaceAll(b, "\n\n", "\r\n")),
			}
			for _, w := range []int{60, 72, 80} {
				variants["wrapped, blank lines "+string(rune('0'+w/10))+"0"] = wrapText(b, w, "\n\n")
				variants["wrapped, no blank lines "+string(rune('0'+w/10))+"0"] = wrapText(b, w, "\n")
			}
			for name, body := range variants {
				in := p.input(h, body)
				rep := Grade(in)
				if rep.Stats.LeadWords != sound.Stats.LeadWords || rep.Stats.Paragraphs < 5 {
					t.Errorf("%s/%s %s: lead %d words, %d paragraphs; with blank lines %d, %d", dir, id, name, rep.Stats.LeadWords, rep.Stats.Paragraphs, sound.Stats.LeadWords, sound.Stats.Paragraphs)
				}
				if strings.HasPrefix(name, "wrapped, no blank lines") {
					// Without blank lines a paragraph whose last line fills
					// the width cannot be told from the next: two may read
					// as one, which costs at most the long-paragraph saran.
					for _, f := range rep.Findings {
						if SeverityRank(f.Severity) > SeverityRank(SevSaran) && !slices.Contains(ruleSet(sound), f.Rule) {
							t.Errorf("%s/%s %s: %s %s %q", dir, id, name, f.Rule, f.Severity, f.Message)
						}
					}
					continue
				}
				if rep.Score != sound.Score || !slices.Equal(ruleSet(rep), ruleSet(sound)) {
					t.Errorf("%s/%s %s: %d %v, with blank lines %d %v:\n%s", dir, id, name, rep.Score, ruleSet(rep), sound.Score, ruleSet(sound), dump(rep, in))
				}
				if rep.Stats.Sentences != sound.Stats.Sentences {
					t.Errorf("%s/%s %s: %d sentences, with blank lines %d", dir, id, name, rep.Stats.Sentences, sound.Stats.Sentences)
				}
			}
		}
	}
}

// TestLineBreakParagraphsKeepDefects: with single line breaks the defects
// of the lead and the one-paragraph body are still found, at the passages
// of the text as typed: a lead too long stays too long, a body with no
// break at all is one paragraph, and a finding's offsets point into the
// wrapped text.
func TestLineBreakParagraphsKeepDefects(t *testing.T) {
	p := loadPractices(t)[pKTP]
	h, b := soundRelease(t, pKTP)
	long := strings.Replace(b, "belum merekam data.\n", "belum merekam data, sehingga petugas membawa alat perekaman keliling dan melayani warga sepanjang hari tanpa dipungut biaya.\n", 1)
	in := p.input(h, strings.ReplaceAll(long, "\n\n", "\n"))
	mustFind(t, Grade(in), in, CritStruktur, SevPeringatan, "")
	found := false
	for _, f := range Grade(in).Findings {
		found = found || f.Rule == "teras-panjang"
	}
	if !found {
		t.Errorf("a lead too long, paragraphs on single lines: no teras-panjang")
	}
	in = p.input(h, strings.Join(strings.Fields(b), " "))
	found = false
	for _, f := range Grade(in).Findings {
		found = found || strings.Contains(f.Message, "satu paragraf")
	}
	if !found {
		t.Errorf("a body with no line break: no satu-paragraf")
	}
	wrapped := wrapText(strings.Replace(b, "dapat diambil", "dapat di ambil", 1), 60, "\n\n")
	in = p.input(h, wrapped)
	f := mustFind(t, Grade(in), in, CritBahasa, SevPeringatan, "")
	var split *Finding
	for _, x := range Grade(in).Findings {
		if x.Rule == "awalan-di-terpisah" {
			split = &x
		}
	}
	if split == nil {
		t.Fatalf("wrapped text: \"di ambil\" not reported (%s)", f.Message)
	}
	if got := strings.ReplaceAll(split.Passage(in.Headline, in.Body), "\n", " "); got != "di ambil" {
		t.Errorf("wrapped text: the finding's passage is %q, want \"di ambil\"", got)
	}
}

// TestUnwrapLines: a text wrapped at a width loses its line breaks inside
// paragraphs, keeps its length, a list and a blank line; a text that breaks
// its lines after sentences, or has short lines, is left alone.
func TestUnwrapLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)\nKabupaten Sukamaju membuka layanan jemput bola di\nAula Kantor Kecamatan Cikadu.\n\nWarga cukup membawa kartu keluarga.",
			"Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) Kabupaten Sukamaju membuka layanan jemput bola di Aula Kantor Kecamatan Cikadu.\n\nWarga cukup membawa kartu keluarga."},
		{"Petugas meminta warga membawa berkas berikut ini ke aula\nkecamatan pada hari layanan, lengkap dan asli:\n- kartu keluarga\n- akta kelahiran",
			"Petugas meminta warga membawa berkas berikut ini ke aula kecamatan pada hari layanan, lengkap dan asli:\n- kartu keluarga\n- akta kelahiran"},
		{"Disdukcapil membuka layanan di Cikadu.\nWarga cukup membawa kartu keluarga.\nLayanan tidak dipungut biaya.", ""},
		{"SUKAMAJU\nDinas membuka layanan.\nSyarat\nKartu keluarga", ""},
	} {
		want := c.want
		if want == "" {
			want = c.in
		}
		got := unwrapLines(c.in)
		if got != want {
			t.Errorf("unwrapLines(%q) = %q, want %q", c.in, got, want)
		}
		if len(got) != len(c.in) {
			t.Errorf("unwrapLines(%q) changed the length", c.in)
		}
	}
}
