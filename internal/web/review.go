package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
)

// Limits of the review page.
const (
	queuePageSize      = 20
	queueNoticesShown  = 20
	queueOptionLimit   = 500 // cohorts and OPDs offered in the filter selects
	maxQuoteRunes      = 2000
	commentPriority    = 10 // a facilitator's remark keeps its colour over the grader's findings
	reviewStateWaiting = "menunggu"
	reviewStateOpen    = "dinilai"
)

func (s *Server) reviewRoutes() []route {
	return []route{
		{http.MethodGet, "/penilaian", staff, s.reviewQueue},
		{http.MethodGet, "/penilaian/:id", staff, s.reviewPage},
		{http.MethodPost, "/penilaian/:id/komentar", staff, s.addReviewComment},
		{http.MethodPost, "/penilaian/:id/keputusan", staff, s.decideReview},
		{http.MethodPost, "/penilaian/:id/buka-kembali", staff, s.reopenSubmission},
	}
}

// reviewNav is the navigation link to the queue with the number waiting:
// a facilitator's cohorts, or an admin's whole region. A failed count loses
// the number, never the page.
func (s *Server) reviewNav(ctx context.Context, u *domain.User) NavItem {
	item := NavItem{Label: "Antrean penilaian", Href: "/penilaian"}
	var facilitator int64
	if u.Role == domain.RoleFasilitator {
		facilitator = u.ID
	}
	n, err := s.db.QueueCount(ctx, u.RegionID, facilitator)
	if err != nil {
		s.log.Warn("menghitung antrean penilaian gagal", "err", err)
		return item
	}
	item.Label = fmt.Sprintf("Antrean penilaian (%d)", n)
	if n >= store.QueueCountCap {
		item.Label = fmt.Sprintf("Antrean penilaian (%d+)", store.QueueCountCap-1)
	}
	return item
}

// ---------------------------------------------------------------------------
// The queue

type option struct {
	Value, Label string
	Selected     bool
}

type queueRow struct {
	domain.QueueEntry
	ItemTitle  string
	StateLabel string
	SentAt     string
	URL        string
}

type queueView struct {
	More     bool // more wait than store.QueueTotalCap: the count says "more than"
	Cohorts  []option
	OPDs     []option
	States   []option
	Filtered bool
	Rows     []queueRow
	Page     Page
	Notices  []shownNotice
}

// queueFilterFor reads the GET form; values that do not parse mean "all".
func queueFilterFor(c echo.Context, u *domain.User) domain.QueueFilter {
	f := domain.QueueFilter{RegionID: u.RegionID}
	if u.Role == domain.RoleFasilitator {
		f.FacilitatorID = u.ID
	}
	f.CohortID, _ = atoi64(c.QueryParam("angkatan"))
	f.OPDID, _ = atoi64(c.QueryParam("opd"))
	switch c.QueryParam("status") {
	case reviewStateWaiting:
		f.State = domain.SubSubmitted
	case reviewStateOpen:
		f.State = domain.SubInReview
	}
	return f
}

func (s *Server) reviewQueue(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	f := queueFilterFor(c, u)
	v := queueView{Filtered: f.CohortID != 0 || f.OPDID != 0 || f.State != ""}

	// The page is read before the total is known; a page past the end is
	// clamped by newPage and read again.
	want := 1
	if n, err := strconv.Atoi(c.QueryParam("halaman")); err == nil && n > 1 {
		want = n
	}
	entries, total, err := s.db.ReviewQueue(ctx, f, queuePageSize, (want-1)*queuePageSize)
	if err != nil {
		return err
	}
	v.More = total > store.QueueTotalCap
	v.Page = newPage(c, queuePageSize, min(total, store.QueueTotalCap))
	if v.Page.Number != want {
		if entries, _, err = s.db.ReviewQueue(ctx, f, queuePageSize, v.Page.Offset()); err != nil {
			return err
		}
	}
	for _, e := range entries {
		v.Rows = append(v.Rows, queueRow{QueueEntry: e, ItemTitle: s.itemTitle(e.CourseID, e.ItemID),
			StateLabel: domain.SubmissionStateLabel(e.State), SentAt: dateTime(e.SubmittedAt),
			URL: fmt.Sprintf("/penilaian/%d", e.SubmissionID)})
	}

	var cohorts []domain.CohortSummary
	if u.Role == domain.RoleFasilitator {
		cohorts, err = s.db.FacilitatorCohortNames(ctx, u.ID)
	} else {
		cohorts, _, err = s.db.CohortsOfRegion(ctx, u.RegionID, queueOptionLimit, 0)
	}
	if err != nil {
		return err
	}
	for _, co := range cohorts {
		v.Cohorts = append(v.Cohorts, option{Value: strconv.FormatInt(co.ID, 10), Label: co.Name, Selected: co.ID == f.CohortID})
	}
	opds, err := s.db.RegionOPDs(ctx, u.RegionID, queueOptionLimit)
	if err != nil {
		return err
	}
	for _, o := range opds {
		v.OPDs = append(v.OPDs, option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name, Selected: o.ID == f.OPDID})
	}
	v.States = []option{
		{Value: reviewStateWaiting, Label: domain.SubmissionStateLabel(domain.SubSubmitted), Selected: f.State == domain.SubSubmitted},
		{Value: reviewStateOpen, Label: domain.SubmissionStateLabel(domain.SubInReview), Selected: f.State == domain.SubInReview},
	}

	// Unread notifications stay here until marked read in the notification centre.
	notes, err := s.db.Notifications(ctx, u.ID, queueNoticesShown)
	if err != nil {
		return err
	}
	for _, n := range showNotices(langOf(c), notes) {
		if n.ReadAt == nil {
			v.Notices = append(v.Notices, n)
		}
	}
	if msg := reviewFlash(c.QueryParam("pesan")); msg != "" {
		c.Set(ctxFlash, msg)
	}
	return s.render(c, http.StatusOK, "review_queue", v)
}

// reviewFlash turns a redirect's message key into words; the text never comes from the URL.
func reviewFlash(key string) string {
	switch key {
	case string(domain.DecisionApprove):
		return "Keputusan tersimpan: rilis disetujui. Peserta sudah diberi tahu."
	case string(domain.DecisionReturn):
		return "Keputusan tersimpan: rilis dikembalikan untuk revisi. Peserta sudah diberi tahu."
	case string(domain.DecisionReject):
		return "Keputusan tersimpan: rilis ditolak. Peserta sudah diberi tahu."
	case "komentar":
		return "Komentar tersimpan dan ditandai di teks."
	case "dibuka":
		return "Rilis dibuka kembali: statusnya Dikembalikan, dan peserta sudah diberi tahu bahwa ia dapat merevisi dan mengirimnya lagi."
	}
	return ""
}

// itemTitle names a practice item from the loaded catalog; an item removed
// from the course files keeps its id as its name.
func (s *Server) itemTitle(courseID, itemID string) string {
	if co := s.cfg.Catalog.Course(courseID); co != nil {
		if it := co.Item(itemID); it != nil {
			return it.Title
		}
	}
	return itemID
}

// itemLink is the practice item page.
func (s *Server) itemLink(courseID, itemID string) string {
	if co := s.cfg.Catalog.Course(courseID); co != nil {
		if it := co.Item(itemID); it != nil {
			return course.DefaultItemURL(co.ID, it)
		}
	}
	return "/kursus/" + url.PathEscape(courseID) + "/materi/" + url.PathEscape(itemID)
}

// ---------------------------------------------------------------------------
// The review page

// scoreRow is one criterion of the rubric: the grader's score and what the
// facilitator typed.
type scoreRow struct {
	ID, Label, Summary string
	Weight, Auto       int
	Value, Reason      string
	ScoreErr           string
	ReasonErr          string
}

// decisionForm is the rubric and decision form, filled or as typed.
type decisionForm struct {
	Rows        []scoreRow
	General     string
	GeneralErr  string
	DecisionErr string
	Errors      []FormError
	LockVersion int
	VersionID   int64
	AutoTotal   int
	Final       int  // the weighted mean of what was typed (valid scores only), capped as the grader capped AutoTotal
	Cap         int  // the grader's cap on this version's total (grading.ErrorCap …), 0 for none
	Computed    bool // shown after "Hitung nilai akhir"
	// ConfirmReject is the "Saya yakin" box "Tolak" needs: only a facilitator can reopen a rejection.
	ConfirmReject bool
	ConfirmErr    string
}

// commentForm is the anchored comment form as typed.
type commentForm struct {
	Field, Quote, Start, End, Body string
	Form
}

type commentRow struct {
	domain.ReviewComment
	N          int
	FieldLabel string
	Reviewer   string
	When       string
}

type versionRow struct {
	domain.SubmissionVersion
	When          string
	DecisionLabel string
	VersionURL    string
	DiffURL       string
	PrevNumber    int
}

// pastDecision is a review already given on the version shown.
type pastDecision struct {
	domain.Review
	Reviewer      string
	DecisionLabel string
	When          string
	Scores        []pastScore
}

type pastScore struct {
	domain.ReviewScore
	Label string
}

// conflictInfo explains a decision refused because someone decided first.
type conflictInfo struct {
	Message      string
	Their        *pastDecision
	YourDecision string
	YourGeneral  string
}

type reviewView struct {
	Sub          domain.SubmissionContext
	StateLabel   string
	ItemTitle    string
	ItemURL      string
	MaxAttempts  int
	AttemptsLeft int // after the version shown; what a rejected trainee may still send
	PassScore    int // the practice's pass score: approving below it is allowed but warned of
	Brief        *briefView
	Instructions template.HTML
	Version      domain.SubmissionVersion
	SentAt       string
	Report       reportView
	Comments     []commentRow
	History      []versionRow
	Open         bool // a decision can still be given
	Decided      *pastDecision
	Decision     decisionForm
	Comment      commentForm
	Conflict     *conflictInfo
	Draft        string      // sessionStorage key for review.js: the version and lock the form belongs to
	Reopen       *reopenView // "Buka kembali" on a rejected submission
}

// reviewState is what every review handler loads.
type reviewState struct {
	sub      domain.SubmissionContext
	versions []domain.SubmissionVersion
	latest   domain.SubmissionVersion
	report   grading.Report
	comments []domain.ReviewComment
	reviews  map[int64]domain.Review
}

func (s *Server) loadReviewState(c echo.Context) (*reviewState, error) {
	sub, _, err := s.loadSubmission(c, access.CanReviewSubmission)
	if err != nil {
		return nil, err
	}
	return s.reviewStateOf(c, sub)
}

func (s *Server) reviewStateOf(c echo.Context, sub domain.SubmissionContext) (*reviewState, error) {
	ctx := c.Request().Context()
	st := &reviewState{sub: sub}
	var err error
	if st.versions, err = s.db.Versions(ctx, sub.ID); err != nil {
		return nil, err
	}
	if len(st.versions) == 0 {
		return nil, domain.ErrNotFound // a draft nobody has sent: nothing to review
	}
	st.latest = st.versions[len(st.versions)-1]
	if err := json.Unmarshal([]byte(st.latest.ReportJSON), &st.report); err != nil {
		return nil, fmt.Errorf("membaca laporan otomatis versi %d: %w", st.latest.ID, err)
	}
	if st.comments, err = s.db.Comments(ctx, st.latest.ID); err != nil {
		return nil, err
	}
	if st.reviews, err = s.db.ReviewsOf(ctx, sub.ID); err != nil {
		return nil, err
	}
	return st, nil
}

// reviewable reports whether a decision or comment may still be given.
func reviewable(state domain.SubmissionState) bool {
	return state == domain.SubSubmitted || state == domain.SubInReview
}

// newDecisionForm fills the rubric with the grader's scores.
func newDecisionForm(st *reviewState) decisionForm {
	f := decisionForm{LockVersion: st.sub.LockVersion, VersionID: st.latest.ID, AutoTotal: st.latest.AutoScore, Final: st.latest.AutoScore}
	if n := newCapNote(st.report); n != nil {
		f.Cap = n.Limit
	}
	for _, cr := range st.report.Criteria {
		f.Rows = append(f.Rows, scoreRow{ID: cr.ID, Label: cr.Label, Summary: cr.Summary, Weight: cr.Weight, Auto: cr.Score,
			Value: strconv.Itoa(cr.Score)})
	}
	return f
}

// reviewerNames looks reviewers up once per page.
type reviewerNames struct {
	s     *Server
	c     echo.Context
	cache map[int64]string
}

func (n *reviewerNames) of(id int64) (string, error) {
	if v, ok := n.cache[id]; ok {
		return v, nil
	}
	u, err := n.s.db.User(n.c.Request().Context(), id)
	if errors.Is(err, domain.ErrNotFound) {
		return "(pengguna dihapus)", nil
	}
	if err != nil {
		return "", err
	}
	n.cache[id] = u.Name
	return u.Name, nil
}

// pastDecisionOf arranges a stored review for display.
func (s *Server) pastDecisionOf(c echo.Context, nm *reviewerNames, st *reviewState, r domain.Review) (*pastDecision, error) {
	who, err := nm.of(r.ReviewerID)
	if err != nil {
		return nil, err
	}
	p := &pastDecision{Review: r, Reviewer: who, DecisionLabel: r.Decision.Label(), When: dateTime(r.CreatedAt)}
	scores, err := s.db.ReviewScores(c.Request().Context(), r.ID)
	if err != nil {
		return nil, err
	}
	labels := map[string]string{}
	for _, cr := range st.report.Criteria {
		labels[cr.ID] = cr.Label
	}
	// Report order, not the store's alphabetical order.
	for _, id := range grading.CriterionIDs {
		for _, sc := range scores {
			if sc.Criterion == id {
				label := labels[id]
				if label == "" {
					label = id
				}
				p.Scores = append(p.Scores, pastScore{ReviewScore: sc, Label: label})
			}
		}
	}
	return p, nil
}

// buildReview assembles the page; form and comment carry what was typed (nil: fresh).
func (s *Server) buildReview(c echo.Context, st *reviewState, form *decisionForm, comment *commentForm) (*reviewView, error) {
	sub := st.sub
	v := &reviewView{Sub: sub, StateLabel: domain.SubmissionStateLabel(sub.State), ItemTitle: s.itemTitle(sub.CourseID, sub.ItemID),
		ItemURL: s.itemLink(sub.CourseID, sub.ItemID), Version: st.latest, SentAt: dateTime(st.latest.CreatedAt), Open: reviewable(sub.State)}
	if co := s.cfg.Catalog.Course(sub.CourseID); co != nil {
		if it := co.Item(sub.ItemID); it != nil && it.Practice != nil {
			v.MaxAttempts = it.Practice.MaxAttempts
			v.PassScore = it.Practice.PassScore
			v.AttemptsLeft = max(0, sub.AttemptLimit(it.Practice.MaxAttempts)-len(st.versions))
			v.Instructions = template.HTML(it.Practice.InstructionsHTML) // rendered and sanitised by the course loader
			if it.Practice.Brief != nil {
				v.Brief = newBriefView(it.Practice)
			}
		}
	}
	v.Reopen = reopenFor(sub.Submission, v.MaxAttempts, nil)
	nm := &reviewerNames{s: s, c: c, cache: map[int64]string{}}
	var anns []Annotation
	for i, cm := range st.comments {
		who, err := nm.of(cm.ReviewerID)
		if err != nil {
			return nil, err
		}
		row := commentRow{ReviewComment: cm, N: i + 1, FieldLabel: fieldLabels[cm.Field], Reviewer: who, When: dateTime(cm.CreatedAt)}
		v.Comments = append(v.Comments, row)
		anns = append(anns, Annotation{N: row.N, Field: cm.Field, Start: cm.Start, End: cm.End, Class: "komentar", Prefix: "komentar", Priority: commentPriority})
	}
	v.Report = newReportView(langOf(c), st.latest.Headline, st.latest.Body, st.report, anns...)
	v.Report.linkLessons(s.cfg.Catalog.Course(sub.CourseID))
	for _, ver := range st.versions {
		row := versionRow{SubmissionVersion: ver, When: dateTime(ver.CreatedAt),
			VersionURL: fmt.Sprintf("/latihan/%d/versi/%d", sub.ID, ver.Number)}
		if ver.Number > 1 {
			row.PrevNumber = ver.Number - 1
			row.DiffURL = fmt.Sprintf("/latihan/%d/beda?dari=%d&ke=%d", sub.ID, row.PrevNumber, ver.Number)
		}
		if r, ok := st.reviews[ver.ID]; ok {
			row.DecisionLabel = r.Decision.Label()
		}
		v.History = append(v.History, row)
	}
	if r, ok := st.reviews[st.latest.ID]; ok {
		p, err := s.pastDecisionOf(c, nm, st, r)
		if err != nil {
			return nil, err
		}
		v.Decided = p
	}
	if form != nil {
		v.Decision = *form
	} else {
		v.Decision = newDecisionForm(st)
	}
	if comment != nil {
		v.Comment = *comment
	} else {
		v.Comment = commentForm{Field: grading.FieldIsi}
	}
	v.Draft = fmt.Sprintf("penilaian-%d-%d", st.latest.ID, sub.LockVersion)
	return v, nil
}

func (s *Server) reviewPage(c echo.Context) error {
	sub, _, err := s.loadSubmission(c, access.CanReviewSubmission)
	if err != nil {
		return err
	}
	if sub.State == domain.SubSubmitted {
		if err := s.db.OpenForReview(c.Request().Context(), sub.ID); err != nil {
			return err
		}
		sub.State = domain.SubInReview
	}
	st, err := s.reviewStateOf(c, sub)
	if err != nil {
		return err
	}
	v, err := s.buildReview(c, st, nil, nil)
	if err != nil {
		return err
	}
	if p := c.QueryParam("pesan"); p == "komentar" || p == "dibuka" {
		c.Set(ctxFlash, reviewFlash(p))
	}
	return s.render(c, http.StatusOK, "review", v)
}

// ---------------------------------------------------------------------------
// Anchored comments

// findQuote returns the rune offsets of quote in text: exactly, else with any
// run of white space matching any other (a pasted passage often differs in
// line breaks). With near ≥ 0 the occurrence closest to near wins, otherwise
// the first. ok is false when the passage is not in the text.
func findQuote(text, quote string, near int) (start, end int, ok bool) {
	parts := strings.Fields(quote)
	if len(parts) == 0 {
		return 0, 0, false
	}
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	re, err := regexp.Compile(strings.Join(parts, `\s+`))
	if err != nil {
		return 0, 0, false
	}
	best := -1
	for _, m := range re.FindAllStringIndex(text, -1) {
		s := utf8.RuneCountInString(text[:m[0]])
		e := s + utf8.RuneCountInString(text[m[0]:m[1]])
		if best < 0 || (near >= 0 && abs(s-near) < abs(start-near)) {
			start, end, best = s, e, 1
		}
		if near < 0 {
			break
		}
	}
	return start, end, best > 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// anchorComment resolves the passage of a comment form against the version's
// text: the offsets sent by review.js when they still match the quote, else
// the quote's occurrence. Problems are recorded on the form.
func anchorComment(c echo.Context, f *commentForm, v domain.SubmissionVersion) (field string, start, end int, quote string) {
	var text string
	switch f.Field {
	case grading.FieldJudul:
		text = v.Headline
	case grading.FieldIsi:
		text = v.Body
	default:
		f.Add("komentar-bagian", "Pilih bagian yang dikomentari: Judul atau Isi rilis.")
		return
	}
	runes := []rune(text)
	s, errS := strconv.Atoi(strings.TrimSpace(f.Start))
	e, errE := strconv.Atoi(strings.TrimSpace(f.End))
	haveRange := errS == nil && errE == nil && s >= 0 && s < e && e <= len(runes)
	q := strings.TrimSpace(f.Quote)
	switch {
	case haveRange && (q == "" || string(runes[s:e]) == f.Quote || strings.TrimSpace(string(runes[s:e])) == q):
		start, end = s, e
	case q == "":
		f.Add("kutipan", "Pilih atau tempelkan bagian teks yang ingin Anda komentari di kolom Kutipan.")
		return
	case utf8.RuneCountInString(q) > maxQuoteRunes:
		f.Add("kutipan", tf(c, "Kutipan terlalu panjang (lebih dari {{.Max}} karakter). Pilih bagian yang lebih pendek.", map[string]any{"Max": maxQuoteRunes}))
		return
	default:
		near := -1
		if errS == nil && s >= 0 {
			near = s
		}
		var ok bool
		if start, end, ok = findQuote(text, q, near); !ok {
			f.Add("kutipan", tf(c, "Kutipan tidak ditemukan di {{.Field}} versi ini. Salin bagian teks persis seperti tertulis atau pilih bagian lain (Judul/Isi rilis).", map[string]any{"Field": i18n.Phrase(fieldLabels[f.Field])}))
			return
		}
	}
	return f.Field, start, end, string(runes[start:end])
}

func (s *Server) addReviewComment(c echo.Context) error {
	st, err := s.loadReviewState(c)
	if err != nil {
		return err
	}
	f := commentForm{Field: c.FormValue("field"), Quote: c.FormValue("quote"), Start: c.FormValue("start"), End: c.FormValue("end"), Body: c.FormValue("body")}
	if !reviewable(st.sub.State) {
		f.Add("komentar-isi", "Komentar tidak dapat ditambahkan karena rilis ini sudah diputuskan.")
		return s.renderReview(c, http.StatusConflict, st, nil, &f)
	}
	field, start, end, quote := anchorComment(c, &f, st.latest)
	body, msg := checkText(c, domain.TextComment, f.Body)
	switch {
	case msg != "":
		f.Add("komentar-isi", msg)
		f.Body = body
	case body == "":
		f.Add("komentar-isi", "Tulis isi komentar untuk bagian yang dipilih.")
	}
	if len(f.Errors) > 0 {
		return s.renderReview(c, http.StatusUnprocessableEntity, st, nil, &f)
	}
	if st.sub.State == domain.SubSubmitted {
		// Commenting is reviewing, even when the page was never opened.
		if err := s.db.OpenForReview(c.Request().Context(), st.sub.ID); err != nil {
			return err
		}
	}
	cm, err := s.db.AddComment(c.Request().Context(), domain.ReviewComment{VersionID: st.latest.ID, ReviewerID: currentUser(c).ID,
		Field: field, Start: start, End: end, Quote: quote, Body: body})
	if domain.ErrorCode(err) == domain.CodeConflict {
		f.Add("komentar-isi", tf(c, "Komentar tidak tersimpan: {{.Reason}}.", map[string]any{"Reason": errOf(c, err)}))
		return s.renderReview(c, http.StatusConflict, st, nil, &f)
	}
	if err != nil {
		return err
	}
	// Comments are numbered in text order; land on the new one.
	target := fmt.Sprintf("/penilaian/%d?pesan=komentar#daftar-komentar", st.sub.ID)
	if all, err := s.db.Comments(c.Request().Context(), st.latest.ID); err == nil {
		for i, x := range all {
			if x.ID == cm.ID {
				target = fmt.Sprintf("/penilaian/%d?pesan=komentar#komentar-%d", st.sub.ID, i+1)
			}
		}
	}
	return c.Redirect(http.StatusSeeOther, target)
}

// renderReview shows the review page again with what was typed.
func (s *Server) renderReview(c echo.Context, status int, st *reviewState, form *decisionForm, comment *commentForm) error {
	v, err := s.buildReview(c, st, form, comment)
	if err != nil {
		return err
	}
	return s.render(c, status, "review", v)
}

// ---------------------------------------------------------------------------
// Decisions

// decisionCompute is the rubric form's "Hitung nilai akhir" button: no decision.
const decisionCompute = "hitung"

// weights are the criterion weights the grader used for this version.
func (st *reviewState) weights() map[string]int {
	w := make(map[string]int, len(st.report.Criteria))
	for _, cr := range st.report.Criteria {
		w[cr.ID] = cr.Weight
	}
	return w
}

var decisionWords = map[domain.Decision]string{
	domain.DecisionApprove: "Setujui",
	domain.DecisionReturn:  "Kembalikan untuk revisi",
	domain.DecisionReject:  "Tolak",
}

// finalScore is the final total of a decision. With no criterion score
// changed it is the automatic total itself, cap included. Otherwise it is the
// weighted mean of the final criterion scores with the report's weights,
// scaled into the grader's cap (score × cap / 100) when the automatic total
// was capped (capLimit > 0), rounded as the grader rounds: a release the
// grader held below the pass mark for a wrong fact stays capped unless the
// facilitator's scores say otherwise with reasons.
func finalScore(scores []domain.ReviewScore, weights map[string]int, autoTotal, capLimit int) int {
	var sum, wsum float64
	changed := false
	for _, sc := range scores {
		w := float64(weights[sc.Criterion])
		sum += float64(sc.FinalScore) * w
		wsum += w
		changed = changed || sc.FinalScore != sc.AutoScore
	}
	if wsum == 0 || !changed {
		return autoTotal
	}
	mean := math.Round(sum / wsum)
	if capLimit > 0 {
		return int(math.Round(mean * float64(capLimit) / 100))
	}
	return int(mean)
}

// readDecision validates the rubric form; the returned form keeps what was typed.
func readDecision(c echo.Context, st *reviewState) (decisionForm, []domain.ReviewScore, string) {
	f := newDecisionForm(st)
	f.General = c.FormValue("umum")
	f.ConfirmReject = c.FormValue("yakin-tolak") == "1"
	var scores []domain.ReviewScore
	for i := range f.Rows {
		r := &f.Rows[i]
		r.Value = c.FormValue("nilai-" + r.ID)
		r.Reason = c.FormValue("alasan-" + r.ID)
		final := r.Auto
		raw := strings.TrimSpace(r.Value)
		if raw != "" {
			n, err := strconv.Atoi(raw)
			switch {
			case err != nil:
				r.ScoreErr = tf(c, "Nilai {{.Criterion}} harus berupa bilangan bulat dari 0 sampai 100.", map[string]any{"Criterion": i18n.Phrase(r.Label)})
			case n < 0 || n > 100:
				r.ScoreErr = tf(c, "Nilai {{.Criterion}} harus di antara 0 dan 100; yang tertulis {{.N}}.", map[string]any{"Criterion": i18n.Phrase(r.Label), "N": n})
			default:
				final = n
			}
		}
		reason, msg := checkText(c, domain.TextScoreReason, r.Reason)
		switch {
		case msg != "":
			r.ReasonErr, r.Reason = msg, reason
		case r.ScoreErr == "" && final != r.Auto && reason == "":
			r.ReasonErr = tf(c, "Tuliskan alasan mengubah nilai {{.Criterion}} dari {{.Auto}} menjadi {{.Final}}.", map[string]any{"Criterion": i18n.Phrase(r.Label), "Auto": r.Auto, "Final": final})
		}
		if r.ScoreErr != "" {
			f.Errors = append(f.Errors, FormError{Field: "nilai-" + r.ID, Message: r.ScoreErr})
		}
		if r.ReasonErr != "" {
			f.Errors = append(f.Errors, FormError{Field: "alasan-" + r.ID, Message: r.ReasonErr})
		}
		scores = append(scores, domain.ReviewScore{Criterion: r.ID, AutoScore: r.Auto, FinalScore: final, Reason: reason})
	}
	f.Final = finalScore(scores, st.weights(), st.latest.AutoScore, f.Cap)
	decision := c.FormValue("decision")
	general, generalMsg := checkText(c, domain.TextGeneral, f.General)
	if generalMsg != "" {
		f.General = general // shown back without the characters refused
	}
	switch domain.Decision(decision) {
	case decisionCompute:
		f.Computed = true
	case domain.DecisionApprove:
	case domain.DecisionReturn:
		if general == "" && len(st.comments) == 0 {
			f.GeneralErr = "Sebelum mengembalikan untuk revisi, tulis komentar umum atau beri komentar pada sedikitnya satu bagian teks agar peserta tahu apa yang harus diperbaiki."
		}
	case domain.DecisionReject:
		if general == "" {
			f.GeneralErr = "Tulis komentar umum yang menjelaskan alasan penolakan kepada peserta."
		}
		if !f.ConfirmReject {
			f.ConfirmErr = "Rilis belum ditolak. Penolakan menutup kiriman ini dan peserta tidak dapat merevisinya; hanya fasilitator yang dapat membukanya kembali. Baca akibatnya di samping tombol “Tolak”, centang “Saya yakin akan menolak rilis ini”, lalu tekan “Tolak” lagi."
			f.Errors = append(f.Errors, FormError{Field: "yakin-tolak", Message: f.ConfirmErr})
		}
	default:
		f.DecisionErr = "Pilih salah satu keputusan: “Setujui”, “Kembalikan untuk revisi”, atau “Tolak”."
		f.Errors = append(f.Errors, FormError{Field: "keputusan", Message: f.DecisionErr})
	}
	if generalMsg != "" {
		f.GeneralErr = generalMsg
	}
	if f.GeneralErr != "" {
		f.Errors = append(f.Errors, FormError{Field: "komentar-umum", Message: f.GeneralErr})
	}
	return f, scores, decision
}

func (s *Server) decideReview(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	st, err := s.loadReviewState(c)
	if err != nil {
		return err
	}
	form, scores, decision := readDecision(c, st)
	// The form's own lock and version: a stale form must conflict, not
	// silently decide on what the facilitator did not see.
	lock, errL := strconv.Atoi(c.FormValue("lock_version"))
	versionID, errV := strconv.ParseInt(c.FormValue("version_id"), 10, 64)
	if errL != nil || errV != nil {
		return domain.Errorf(domain.CodeInvalid, "formulir penilaian tidak lengkap; muat ulang halaman, lalu coba lagi")
	}
	if lock != st.sub.LockVersion || versionID != st.latest.ID {
		return s.decisionConflict(c, st.sub.ID, versionID, decision, form.General, domain.ErrConflict)
	}
	if len(form.Errors) > 0 {
		form.LockVersion, form.VersionID = lock, versionID
		return s.renderReview(c, http.StatusUnprocessableEntity, st, &form, nil)
	}
	if decision == decisionCompute {
		// Without JavaScript this is how the final score is previewed; it is
		// also the form's default button, so Enter in a score field decides nothing.
		form.LockVersion, form.VersionID = lock, versionID
		return s.renderReview(c, http.StatusOK, st, &form, nil)
	}
	_, err = s.db.Decide(ctx, domain.DecideInput{SubmissionID: st.sub.ID, VersionID: versionID, LockVersion: lock, ReviewerID: u.ID,
		Decision: domain.Decision(decision), General: form.General, FinalScore: form.Final, Scores: scores})
	switch {
	case err == nil:
		return c.Redirect(http.StatusSeeOther, "/penilaian?pesan="+decision)
	case domain.ErrorCode(err) == domain.CodeConflict:
		return s.decisionConflict(c, st.sub.ID, versionID, decision, form.General, err)
	case domain.ErrorCode(err) == domain.CodeInvalid:
		form.LockVersion, form.VersionID = lock, versionID
		form.DecisionErr = tf(c, "Keputusan tidak tersimpan: {{.Reason}}.", map[string]any{"Reason": errOf(c, err)})
		form.Errors = append(form.Errors, FormError{Field: "keputusan", Message: form.DecisionErr})
		return s.renderReview(c, http.StatusUnprocessableEntity, st, &form, nil)
	}
	return err
}

// decisionConflict answers a decision refused by the store: someone else
// decided first (or the version moved on). The same facilitator's repeated
// click is not a conflict: it already went through.
func (s *Server) decisionConflict(c echo.Context, subID, versionID int64, decision, general string, cause error) error {
	sub, err := s.db.SubmissionWithContext(c.Request().Context(), subID)
	if err != nil {
		return err
	}
	st, err := s.reviewStateOf(c, sub)
	if err != nil {
		return err
	}
	u := currentUser(c)
	r, decided := st.reviews[versionID]
	if decided && r.ReviewerID == u.ID && r.Decision == domain.Decision(decision) {
		return c.Redirect(http.StatusSeeOther, "/penilaian?pesan="+decision)
	}
	v, err := s.buildReview(c, st, nil, nil)
	if err != nil {
		return err
	}
	info := &conflictInfo{YourDecision: decisionWords[domain.Decision(decision)], YourGeneral: strings.TrimSpace(general), Message: cause.Error()}
	if decided {
		nm := &reviewerNames{s: s, c: c, cache: map[int64]string{}}
		if info.Their, err = s.pastDecisionOf(c, nm, st, r); err != nil {
			return err
		}
		if r.ReviewerID == u.ID {
			info.Message = "Anda sudah memberi keputusan lain atas versi ini (misalnya dari tab lain); keputusan yang baru tidak disimpan dan tidak ada yang tertimpa."
		} else {
			info.Message = "Fasilitator lain sudah memberi keputusan atas versi ini lebih dahulu. Keputusan Anda tidak disimpan dan tidak ada yang tertimpa."
		}
	} else if errors.Is(cause, domain.ErrConflict) || st.latest.ID != versionID {
		info.Message = "Rilis ini berubah sejak halaman dibuka (misalnya ada versi baru atau keputusan lain). Keputusan Anda tidak disimpan dan tidak ada yang tertimpa; periksa keadaan terbaru di bawah ini."
	}
	v.Conflict = info
	return s.render(c, http.StatusConflict, "review", v)
}
