package grading

import (
	"strings"
	"unicode/utf8"
)

// A text copied from an e-mail or a document is often wrapped at a width:
// its lines break inside sentences, and the line after a break may open
// with a capitalised name ("Kabupaten Sukamaju"), which would otherwise
// read as a new sentence or a new item. Such breaks are spaces; the text
// keeps its length, so every offset still points into what the writer
// typed.

// minWrapRunes is the least length of a line that a wrapped text breaks
// inside a sentence; headings, datelines and list items are shorter.
const minWrapRunes = 40

// unwrapLines returns the text with the line breaks of a wrapped text
// turned into spaces: when at least two single line breaks, and more than
// half of them, fall inside a sentence after a line of minWrapRunes or
// more. A blank line still separates paragraphs, and a line opening a list
// item ("- ", "• ", "1. ") keeps its break. Without any blank line the
// breaks after a sentence's end stay: the paragraph's end is among them,
// and extract reads a text that breaks its lines only after sentences as
// one paragraph a line. Splitting a paragraph there costs less than
// joining the lead to the paragraph after it.
func unwrapLines(text string) string {
	if !strings.Contains(text, "\n") {
		return text
	}
	lines := strings.Split(text, "\n")
	breaks, wraps := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "" || strings.TrimSpace(lines[i+1]) == "" {
			continue
		}
		breaks++
		if !endsSentence(lines[i]) && utf8.RuneCountInString(strings.TrimSpace(lines[i])) >= minWrapRunes {
			wraps++
		}
	}
	if wraps < 2 || 2*wraps <= breaks {
		return text
	}
	blank := false
	for i := 1; i+1 < len(lines); i++ {
		blank = blank || strings.TrimSpace(lines[i]) == "" && strings.TrimSpace(lines[i-1]) != ""
	}
	b := []byte(text)
	pos := 0
	quoted := false // inside a quotation at the line's end
	for i := 0; i+1 < len(lines); i++ {
		pos += len(lines[i])
		if strings.TrimSpace(lines[i]) == "" {
			quoted = false
		}
		quoted = quoteOpenAfter(lines[i], quoted)
		if strings.TrimSpace(lines[i]) != "" && strings.TrimSpace(lines[i+1]) != "" && !listItem(lines[i+1]) && (blank || quoted || !endsSentence(lines[i])) {
			b[pos] = ' '
		}
		pos++ // the newline
	}
	return string(b)
}

// quoteOpenAfter reports whether a quotation is open at the end of line,
// given whether one was open at its start: “ opens, ” closes, and a
// straight double quote opens or closes.
func quoteOpenAfter(line string, open bool) bool {
	for _, r := range line {
		switch r {
		case '“':
			open = true
		case '”':
			open = false
		case '"':
			open = !open
		}
	}
	return open
}

// endsSentence reports a line ending with a full stop, question or
// exclamation mark, with any closing quotes or brackets after it.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, " \t\"”’')]")
	return strings.HasSuffix(line, ".") || strings.HasSuffix(line, "?") || strings.HasSuffix(line, "!")
}

// listItem reports a line opening a list item: a bullet or a number with
// a full stop or bracket.
func listItem(line string) bool {
	line = strings.TrimLeft(line, " \t")
	if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "• ") || strings.HasPrefix(line, "* ") {
		return true
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')')
}
