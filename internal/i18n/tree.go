package i18n

import (
	"fmt"
	"strings"
	"text/template/parse"
	"unicode"
)

// A Run is one piece of text a person reads in a template: the words between
// two tags, or the value of an attribute that is shown (title, aria-label,
// placeholder, alt). Actions inside it ({{.N}}) are part of the run, so
// "Sisa {{.N}} kesempatan" is one message whose translation may move the
// action; an {{if}}, {{range}}, {{with}} or {{template}} ends it.
type Run struct {
	ID      string // Normalize(text), actions written as in the template
	Actions []string
	// Tag is the element whose start tag the run follows ("h1", "th"), or
	// "" after an end tag or in an attribute: a translation may be given for
	// "h1: Angkatan" where English needs a plural heading.
	Tag string
}

// shownAttrs are the attributes whose values are read (or heard) by people.
var shownAttrs = map[string]bool{"title": true, "aria-label": true, "placeholder": true, "alt": true}

// Translator finds and replaces runs in parsed template trees.
type Translator struct {
	// Lookup returns the translation of a run's id; with ok false the run
	// stays as it is.
	Lookup func(r Run) (string, bool)
	// Seen, when set, is called with every run found.
	Seen func(Run)
	// Wrap, when set, chooses actions in shown text whose value Go wrote in
	// Indonesian (a state's label): WrapFunc is appended to their pipelines.
	Wrap     func(*parse.ActionNode) bool
	WrapFunc string
	// WrapDotIn, when set, chooses {{with}} and {{range}} pipelines whose value Go wrote
	// ({{with .Form.ErrorFor "x"}}): a {{.}} printed inside is wrapped too.
	WrapDotIn func(*parse.PipeNode) bool
}

// Tree translates every run of tree in place. It must run before the tree is
// executed, so html/template escapes the translated text like the original.
func (tr *Translator) Tree(tree *parse.Tree) error {
	if tree == nil || tree.Root == nil {
		return nil
	}
	sc := &scanner{tr: tr}
	return sc.list(tree.Root)
}

type state int

const (
	sText state = iota
	sTagName
	sTag
	sAttrName
	sAfterAttr
	sBeforeValue
	sValue
	sComment
	sRaw
)

type scanner struct {
	tr      *Translator
	st      state
	tag     strings.Builder
	attr    strings.Builder
	closing bool
	textTag string // the element the text is in, when it follows its start tag
	runTag  string
	quote   byte
	rawEnd  string
	dashes  int
	wrapDot bool
}

// token is a piece of a list after splitting its text nodes at run edges.
type token struct {
	node parse.Node // an original non-text node, or nil
	text *parse.TextNode
}

type openRun struct {
	start int // first token
}

type doneRun struct {
	start, end int
	tag        string
}

// list scans one list node, carrying the HTML state across its nodes, and
// rewrites its nodes with the translated runs.
func (sc *scanner) list(l *parse.ListNode) error {
	if l == nil {
		return nil
	}
	var toks []token
	var runs []doneRun
	var cur *openRun
	var wrap []*parse.ActionNode
	closeRun := func() {
		if cur != nil {
			runs = append(runs, doneRun{cur.start, len(toks), sc.runTag})
			cur = nil
		}
	}
	startRun := func() {
		if cur == nil {
			cur = &openRun{start: len(toks)}
			sc.runTag = ""
			if sc.st == sText {
				sc.runTag = sc.textTag
			}
		}
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			seg := 0
			emit := func(i int) {
				if i > seg {
					t := n.Copy().(*parse.TextNode)
					t.Text = append([]byte(nil), n.Text[seg:i]...)
					toks = append(toks, token{text: t})
				}
				seg = i
			}
			for i := 0; i < len(n.Text); i++ {
				shown := sc.inShownText()
				ends := sc.step(n.Text, i)
				switch {
				case shown && ends && cur != nil:
					emit(i)
					closeRun()
				case shown && !ends && cur == nil:
					emit(i)
					startRun()
				}
			}
			emit(len(n.Text))
		case *parse.ActionNode:
			if len(n.Pipe.Decl) > 0 {
				closeRun()
				toks = append(toks, token{node: n})
				continue
			}
			if sc.inShownText() {
				startRun()
				if sc.tr.Wrap != nil && sc.tr.Wrap(n) || sc.wrapDot && isDot(n) {
					wrap = append(wrap, n)
				}
			}
			toks = append(toks, token{node: n})
		case *parse.IfNode:
			closeRun()
			if err := sc.branches(&n.BranchNode); err != nil {
				return err
			}
			toks = append(toks, token{node: n})
		case *parse.RangeNode:
			closeRun()
			outer := sc.wrapDot
			sc.wrapDot = sc.tr.WrapDotIn != nil && sc.tr.WrapDotIn(n.Pipe)
			err := sc.branches(&n.BranchNode)
			sc.wrapDot = outer
			if err != nil {
				return err
			}
			toks = append(toks, token{node: n})
		case *parse.WithNode:
			closeRun()
			outer := sc.wrapDot
			sc.wrapDot = sc.tr.WrapDotIn != nil && sc.tr.WrapDotIn(n.Pipe)
			err := sc.branches(&n.BranchNode)
			sc.wrapDot = outer
			if err != nil {
				return err
			}
			toks = append(toks, token{node: n})
		default: // template calls, comments, break, continue
			closeRun()
			toks = append(toks, token{node: n})
		}
	}
	closeRun()
	out := make([]parse.Node, 0, len(toks))
	ri := 0
	for i := 0; i < len(toks); {
		if ri < len(runs) && runs[ri].start == i {
			r := runs[ri]
			ri++
			repl, err := sc.translate(toks[r.start:r.end], r.tag)
			if err != nil {
				return err
			}
			if repl != nil {
				out = append(out, repl...)
				i = r.end
				continue
			}
		}
		if toks[i].node != nil {
			out = append(out, toks[i].node)
		} else {
			out = append(out, toks[i].text)
		}
		i++
	}
	l.Nodes = out
	for _, a := range wrap {
		id := parse.NewIdentifier(sc.tr.WrapFunc).SetTree(nil).SetPos(a.Pos)
		a.Pipe.Cmds = append(a.Pipe.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: a.Pos, Args: []parse.Node{id}})
	}
	return nil
}

func isDot(a *parse.ActionNode) bool {
	if len(a.Pipe.Cmds) != 1 || len(a.Pipe.Cmds[0].Args) != 1 {
		return false
	}
	_, ok := a.Pipe.Cmds[0].Args[0].(*parse.DotNode)
	return ok
}

// LastName is the last name of the field, method or variable an action
// prints ("Label" for {{$.User.Role.Label}}), or "".
func LastName(a *parse.ActionNode) string {
	if len(a.Pipe.Cmds) == 0 || len(a.Pipe.Cmds[len(a.Pipe.Cmds)-1].Args) == 0 {
		return ""
	}
	var idents []string
	switch n := a.Pipe.Cmds[len(a.Pipe.Cmds)-1].Args[0].(type) {
	case *parse.FieldNode:
		idents = n.Ident
	case *parse.VariableNode:
		idents = n.Ident
	case *parse.ChainNode:
		idents = n.Field
	}
	if len(idents) == 0 {
		return ""
	}
	return idents[len(idents)-1]
}

// branches scans the lists of an if, range or with: each starts in the state
// before it, and the state after it is the first list's (html/template
// refuses branches that end in different contexts anyway).
func (sc *scanner) branches(b *parse.BranchNode) error {
	saved := sc.save()
	if err := sc.list(b.List); err != nil {
		return err
	}
	after := sc.save()
	if b.ElseList != nil {
		sc.restore(saved)
		if err := sc.list(b.ElseList); err != nil {
			return err
		}
		if b.List == nil {
			return nil
		}
	}
	sc.restore(after)
	return nil
}

type savedState struct {
	st        state
	tag, attr string
	closing   bool
	textTag   string
	quote     byte
	rawEnd    string
	dashes    int
}

func (sc *scanner) save() savedState {
	return savedState{sc.st, sc.tag.String(), sc.attr.String(), sc.closing, sc.textTag, sc.quote, sc.rawEnd, sc.dashes}
}

func (sc *scanner) restore(s savedState) {
	sc.st, sc.closing, sc.textTag, sc.quote, sc.rawEnd, sc.dashes = s.st, s.closing, s.textTag, s.quote, s.rawEnd, s.dashes
	sc.tag.Reset()
	sc.tag.WriteString(s.tag)
	sc.attr.Reset()
	sc.attr.WriteString(s.attr)
}

// inShownText says whether the scanner is where text is shown: between tags,
// or inside the value of a shown attribute.
func (sc *scanner) inShownText() bool {
	switch sc.st {
	case sText:
		return true
	case sValue:
		return shownAttrs[strings.ToLower(sc.attr.String())]
	}
	return false
}

// step moves the state over b[i]; it reports whether the byte ends shown text
// (the '<' after text, the quote closing a shown value).
func (sc *scanner) step(b []byte, i int) bool {
	c := b[i]
	switch sc.st {
	case sText:
		if c == '<' {
			switch {
			case strings.HasPrefix(string(b[i:]), "<!--"):
				sc.st, sc.dashes = sComment, -2 // the two dashes of the opening
			default:
				sc.st = sTagName
				sc.tag.Reset()
				sc.closing = false
			}
			return true
		}
	case sTagName:
		switch {
		case c == '/' && sc.tag.Len() == 0:
			sc.closing = true
		case c == '>':
			sc.endTag()
		case isSpace(c):
			sc.st = sTag
		default:
			sc.tag.WriteByte(lower(c))
		}
	case sTag:
		switch {
		case c == '>':
			sc.endTag()
		case isSpace(c), c == '/':
		default:
			sc.st = sAttrName
			sc.attr.Reset()
			sc.attr.WriteByte(lower(c))
		}
	case sAttrName:
		switch {
		case c == '=':
			sc.st = sBeforeValue
		case c == '>':
			sc.endTag()
		case isSpace(c):
			sc.st = sAfterAttr
		default:
			sc.attr.WriteByte(lower(c))
		}
	case sAfterAttr:
		switch {
		case c == '=':
			sc.st = sBeforeValue
		case c == '>':
			sc.endTag()
		case isSpace(c), c == '/':
		default:
			sc.st = sAttrName
			sc.attr.Reset()
			sc.attr.WriteByte(lower(c))
		}
	case sBeforeValue:
		switch {
		case isSpace(c):
		case c == '"' || c == '\'':
			sc.st, sc.quote = sValue, c
		case c == '>':
			sc.endTag()
		default:
			sc.st, sc.quote = sValue, 0
		}
	case sValue:
		shown := sc.inShownText()
		switch {
		case sc.quote != 0 && c == sc.quote:
			sc.st = sTag
			return shown
		case sc.quote == 0 && isSpace(c):
			sc.st = sTag
			return shown
		case sc.quote == 0 && c == '>':
			sc.endTag()
			return shown
		}
	case sComment:
		switch {
		case c == '-':
			sc.dashes++
		case c == '>' && sc.dashes >= 2:
			sc.st = sText
		default:
			sc.dashes = 0
		}
	case sRaw:
		if c == '<' && len(b)-i >= len(sc.rawEnd) && strings.EqualFold(string(b[i:i+len(sc.rawEnd)]), sc.rawEnd) {
			sc.st = sTagName
			sc.tag.Reset()
			sc.closing = false
		}
	}
	return false
}

func (sc *scanner) endTag() {
	name := sc.tag.String()
	sc.textTag = ""
	if !sc.closing {
		sc.textTag = name
	}
	if !sc.closing && (name == "script" || name == "style") {
		sc.st, sc.rawEnd = sRaw, "</"+name
		return
	}
	sc.st = sText
}

// translate returns the nodes that replace a run, or nil to keep it.
func (sc *scanner) translate(toks []token, tag string) ([]parse.Node, error) {
	var raw strings.Builder
	var actions []*parse.ActionNode
	letters := false
	for _, t := range toks {
		if t.text != nil {
			raw.Write(t.text.Text)
			if !letters && strings.IndexFunc(string(t.text.Text), unicode.IsLetter) >= 0 {
				letters = true
			}
			continue
		}
		a := t.node.(*parse.ActionNode)
		actions = append(actions, a)
		raw.WriteString(a.String())
	}
	if !letters {
		return nil, nil
	}
	full := raw.String()
	id := Normalize(full)
	run := Run{ID: id, Tag: tag}
	for _, a := range actions {
		run.Actions = append(run.Actions, a.String())
	}
	if sc.tr.Seen != nil {
		sc.tr.Seen(run)
	}
	if sc.tr.Lookup == nil {
		return nil, nil
	}
	tr, ok := sc.tr.Lookup(run)
	if !ok {
		return nil, nil
	}
	lead := full[:len(full)-len(strings.TrimLeft(full, " \t\r\n"))]
	trail := full[len(strings.TrimRight(full, " \t\r\n")):]
	if strings.TrimSpace(full) == "" {
		trail = ""
	}
	parts, order, err := SplitActions(tr, run.Actions)
	if err != nil {
		return nil, fmt.Errorf("translation of %q: %w", id, err)
	}
	proto := firstText(toks)
	var out []parse.Node
	addText := func(s string) {
		if s == "" {
			return
		}
		t := proto.Copy().(*parse.TextNode)
		t.Text = []byte(s)
		out = append(out, t)
	}
	for i, p := range parts {
		if i == 0 {
			p = lead + p
		}
		if i == len(parts)-1 {
			p += trail
		}
		addText(p)
		if i < len(order) {
			out = append(out, actions[order[i]])
		}
	}
	if len(out) == 0 { // an empty translation still keeps the spacing
		addText(" ")
	}
	return out, nil
}

func firstText(toks []token) *parse.TextNode {
	for _, t := range toks {
		if t.text != nil {
			return t.text
		}
	}
	return nil
}

// SplitActions cuts a translation at the run's actions: it returns the texts
// between them and, for each gap, which action of the run goes there. Every
// action must appear exactly once (identical actions are interchangeable).
func SplitActions(tr string, actions []string) (parts []string, order []int, err error) {
	used := make([]bool, len(actions))
	rest := tr
	for {
		best, bestAt := -1, -1
		for i, a := range actions {
			if used[i] {
				continue
			}
			if at := strings.Index(rest, a); at >= 0 && (bestAt < 0 || at < bestAt) {
				best, bestAt = i, at
			}
		}
		if best < 0 {
			break
		}
		parts = append(parts, rest[:bestAt])
		order = append(order, best)
		used[best] = true
		rest = rest[bestAt+len(actions[best]):]
	}
	parts = append(parts, rest)
	for i, u := range used {
		if !u {
			return nil, nil, fmt.Errorf("the translation leaves out %s", actions[i])
		}
	}
	if strings.Contains(rest, "{{") {
		return nil, nil, fmt.Errorf("the translation has an action the Indonesian has not: %s", rest)
	}
	return parts, order, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
