package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
)

// Limits on a release, with the messages people see.
const (
	MaxBodyChars     = 20000
	MaxHeadlineChars = 200
)

func (s *Server) practiceRoutes() []route {
	return []route{
		{http.MethodPost, "/kursus/:course/materi/:item/draf", pesertaOnly, s.saveDraft},
		{http.MethodPost, "/kursus/:course/materi/:item/periksa", pesertaOnly, s.checkRelease},
		{http.MethodPost, "/kursus/:course/materi/:item/kirim", pesertaOnly, s.submitRelease},
		{http.MethodPost, "/kursus/:course/materi/:item/mulai-lagi", pesertaOnly, s.restartPractice},
		{http.MethodGet, "/latihan/:id/versi/:n", loggedIn, s.versionPage},
		{http.MethodGet, "/latihan/:id/beda", loggedIn, s.diffPage},
	}
}

// releaseForm is what the trainee typed, kept on every error.
type releaseForm struct {
	Headline    string
	Body        string
	LockVersion int
	SubmitKey   string
	// Confirm is the "Saya yakin" box "Kirim rilis" needs.
	Confirm bool
	Errors  []FormError
	lang    i18n.Lang // of the request: the messages with values are written in it
}

func (f releaseForm) ErrorFor(field string) string { return Form{Errors: f.Errors}.ErrorFor(field) }

// FieldErrors is the form's errors by field (yakin for yakin-kirim), nil
// when there are none: the page looks each field up in it, without a
// method call per field.
func (f releaseForm) FieldErrors() map[string]string {
	if len(f.Errors) == 0 {
		return nil
	}
	m := map[string]string{}
	for _, k := range []string{"judul", "isi", "kirim", "yakin-kirim"} {
		if e := f.ErrorFor(k); e != "" {
			m[strings.TrimSuffix(k, "-kirim")] = e
		}
	}
	return m
}

// cleanText applies the grader's shared normalisation to pasted text, so the
// form, the API and the CLI grade the same characters.
func cleanText(s string) string {
	return grading.NormalizeText(s)
}

func readRelease(c echo.Context) releaseForm {
	f := releaseForm{
		Headline:  strings.TrimSpace(cleanText(c.FormValue("judul"))),
		Body:      strings.TrimSpace(cleanText(c.FormValue("isi"))),
		SubmitKey: c.FormValue("kunci"),
		lang:      langOf(c),
	}
	fmt.Sscan(c.FormValue("lock_version"), &f.LockVersion)
	return f
}

// validate checks a release for checking or sending; drafts may be incomplete.
func (f *releaseForm) validate() {
	if f.Headline == "" {
		f.Errors = append(f.Errors, FormError{Field: "judul", Message: "Judul wajib diisi."})
	}
	f.checkLength()
	if f.Body == "" {
		f.Errors = append(f.Errors, FormError{Field: "isi", Message: "Isi rilis wajib diisi."})
	}
}

// checkLength applies to drafts too: a headline of one line within
// MaxHeadlineChars, a body within MaxBodyChars.
// minSendWords is the shortest body "Kirim rilis" accepts when the practice
// sets no word range: a sending spends an attempt, and a text this short
// cannot pass any practice.
const minSendWords = 40

// sendMinimum is the fewest body words a practice accepts for sending: half
// the minimum of its word range (below that the grader holds the release
// under "cukup"), else minSendWords. want is the range as the trainee reads it.
func sendMinimum(l i18n.Lang, p *course.Practice) (least int, want string) {
	if p != nil && p.Brief != nil && p.Brief.Ketentuan != nil && p.Brief.Ketentuan.BodyWords[0] > 0 {
		r := p.Brief.Ketentuan.BodyWords
		return (r[0] + 1) / 2, i18n.Tf(l, "latihan ini meminta {{.Min}}–{{.Max}} kata", map[string]any{"Min": r[0], "Max": r[1]})
	}
	return minSendWords, i18n.Tf(l, "rilis yang dapat dinilai sedikitnya {{.N}} kata", map[string]any{"N": minSendWords})
}

// checkSendable refuses a body far too short to be worth an attempt.
func (f *releaseForm) checkSendable(p *course.Practice, words int) {
	least, want := sendMinimum(f.lang, p)
	if words < least {
		f.Errors = append(f.Errors, FormError{Field: "isi", Message: i18n.Tf(f.lang, "Isi rilis baru {{.N}} kata; {{.Want}}. Rilis di bawah {{.Least}} kata belum dapat dikirim agar kesempatan mengirim tidak terbuang. Lengkapi teksnya dan gunakan “Periksa” untuk melihat kekurangannya.",
			map[string]any{"N": words, "Want": want, "Least": least})})
	}
}

func (f *releaseForm) checkLength() {
	if n := utf8.RuneCountInString(f.Headline); n > MaxHeadlineChars {
		f.Errors = append(f.Errors, FormError{Field: "judul", Message: i18n.Tf(f.lang, "Judul terlalu panjang: {{.N}} karakter; batasnya {{.Max}}.", map[string]any{"N": n, "Max": MaxHeadlineChars})})
	} else if strings.Contains(f.Headline, "\n") {
		f.Errors = append(f.Errors, FormError{Field: "judul", Message: "Judul harus satu baris."})
	}
	if n := utf8.RuneCountInString(f.Body); n > MaxBodyChars {
		f.Errors = append(f.Errors, FormError{Field: "isi", Message: i18n.Tf(f.lang, "Isi rilis terlalu panjang: {{.N}} karakter; batasnya {{.Max}}. Teks Anda tetap ada di bawah; pendekkan lalu kirim lagi.",
			map[string]any{"N": i18n.Thousands(f.lang, n), "Max": i18n.Thousands(f.lang, MaxBodyChars)})})
	}
}

func newSubmitKey() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err))
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// practiceView is the writing page.
type practiceView struct {
	itemView
	Submission   *domain.Submission
	Versions     []sentVersion
	Form         releaseForm
	Report       *reportView
	Notice       string
	Problem      string // a conflict or limit, shown at the top
	ProblemTitle string // its heading; "Rilis belum terkirim" when empty
	Remaining    int
	Editable     bool
	StateLabel   string
	ItemURL      string
	Feedback     *feedbackView // the facilitator's words on a returned or rejected text
	// DraftBasis names the server's draft; DraftBasisBefore the one a
	// rescued text just replaced (see draftBasis).
	DraftBasis, DraftBasisBefore string
	ShowsDraft                   bool // the form holds the server's draft, not text sent back
	// Aside is the instructions and facts sheet, rendered once per content version.
	Aside template.HTML
}

// practiceHistory is a submission's versions (without their texts and
// reports) with the decisions on them, as of the submission row it was read
// for: a draft saved since does not change it, a version sent, a decision or
// a reopening does.
type practiceHistory struct {
	of       practiceHistoryKey
	versions []sentVersion
	reviews  map[int64]domain.Review
}

type practiceHistoryKey struct {
	id              int64
	state           domain.SubmissionState
	versions, extra int
	decided         time.Time
}

// practiceHistoryOf reads a submission's history, kept with the trainee's
// progress copy p (nil: not kept); a changed submission state drops the
// copy, and the key catches anything else that moved.
func (s *Server) practiceHistoryOf(ctx context.Context, p *progressData, sub domain.Submission) (*practiceHistory, error) {
	key := practiceHistoryKey{id: sub.ID, state: sub.State, versions: sub.Versions, extra: sub.ExtraAttempts}
	if sub.DecidedAt != nil {
		key.decided = *sub.DecidedAt
	}
	pk := quizKey{sub.EnrollmentID, sub.ItemID}
	if p != nil {
		if h, ok := p.practices.Load(pk); ok && h.(*practiceHistory).of == key {
			return h.(*practiceHistory), nil
		}
	}
	vs, err := s.db.Versions(ctx, sub.ID)
	if err != nil {
		return nil, err
	}
	reviews, err := s.db.ReviewsOf(ctx, sub.ID)
	if err != nil {
		return nil, err
	}
	h := &practiceHistory{of: key, reviews: reviews}
	for _, x := range vs {
		x.Headline, x.Body, x.ReportJSON = "", "", "" // not shown here; kept small
		h.versions = append(h.versions, sentVersion{SubmissionVersion: x, DecisionLabel: reviews[x.ID].Decision.Label()})
	}
	if p != nil {
		p.practices.Store(pk, h)
	}
	return h, nil
}

// feedbackView is the decision on the latest version, shown where the trainee
// writes: the general comment, every score the facilitator changed with its
// reason, and the comments on passages.
type feedbackView struct {
	Decision      domain.Decision
	DecisionLabel string
	Reviewer      string
	When          string
	General       string
	FinalScore    int
	VersionNumber int
	VersionURL    string
	Scores        []domain.ReviewScore // only those changed, in report order
	Comments      []versionComment
	// Reopened: the decision was a rejection a facilitator took back; the
	// text may be revised and sent again. ReopenedBy, ReopenedWhen and
	// ReopenReason come from the reopen's audit entry.
	Reopened     bool
	ReopenedBy   string
	ReopenedWhen string
	ReopenReason string
}

type sentVersion struct {
	domain.SubmissionVersion
	DecisionLabel string
}

// writingTime is the moment the grader assumes a practice release is written:
// the afternoon of the event in the brief, so the publish_by window and the
// date checks mean the same thing whenever the course is taken.
func writingTime(p *course.Practice, fallback time.Time) time.Time {
	if p != nil && p.Brief != nil {
		if d, err := time.ParseInLocation("2006-01-02", p.Brief.Kapan, WIB); err == nil {
			return d.Add(17 * time.Hour)
		}
	}
	return fallback
}

func (s *Server) gradeRelease(v itemView, f releaseForm) grading.Report {
	p := v.Item.Practice
	return grading.Grade(grading.Input{Headline: f.Headline, Body: f.Body, Brief: p.Brief,
		Now: writingTime(p, s.cfg.Now()), Weights: p.Rubric})
}

// practicePage builds the writing page around an item view.
func (s *Server) practicePage(c echo.Context, v itemView, form *releaseForm) (practiceView, error) {
	ctx := c.Request().Context()
	pv := practiceView{itemView: v, ItemURL: course.DefaultItemURL(v.Course.ID, v.Item)}
	aside, err := s.fragmentOf(langOf(c), fmt.Sprintf("%p/%s", v.Course, v.Item.ID), "practice_aside", func() any {
		a := v
		a.HTML = template.HTML(v.Item.Practice.InstructionsHTML)
		a.Brief = newBriefView(v.Item.Practice)
		return a
	})
	if err != nil {
		return pv, err
	}
	pv.itemView = v
	pv.Aside = aside
	pv.Remaining = v.Item.Practice.MaxAttempts
	pv.Editable = v.Enrollment != nil
	if v.Enrollment != nil {
		sub, err := s.db.SubmissionFor(ctx, v.Enrollment.ID, v.Item.ID)
		switch {
		case err == nil:
			pv.Submission = &sub
			pv.Remaining = max(0, sub.AttemptLimit(v.Item.Practice.MaxAttempts)-sub.Versions)
			pv.Editable = sub.Editable() && pv.Remaining > 0
			pv.StateLabel = domain.SubmissionStateLabel(sub.State)
			h, err := s.practiceHistoryOf(ctx, v.progress, sub)
			if err != nil {
				return pv, err
			}
			vs, reviews := h.versions, h.reviews
			pv.Versions = vs
			if len(vs) > 0 && (sub.State == domain.SubReturned || sub.State == domain.SubRejected) {
				if r, ok := reviews[vs[len(vs)-1].ID]; ok {
					if pv.Feedback, err = s.feedbackOf(c, r, vs[len(vs)-1].SubmissionVersion); err != nil {
						return pv, err
					}
					pv.Feedback.Reopened = sub.State == domain.SubReturned && r.Decision == domain.DecisionReject
					if pv.Feedback.Reopened {
						if err := s.reopenOf(c, pv.Feedback, sub.ID); err != nil {
							return pv, err
						}
					}
				}
			}
			pv.Form = releaseForm{Headline: sub.DraftHeadline, Body: sub.DraftBody, LockVersion: sub.LockVersion}
		case !errors.Is(err, domain.ErrNotFound):
			return pv, err
		}
	}
	if form != nil {
		lock := pv.Form.LockVersion
		pv.Form = *form
		pv.Form.LockVersion = lock
		if form.LockVersion != 0 {
			pv.Form.LockVersion = form.LockVersion
		}
	}
	pv.DraftBasis = draftBasis("", "")
	if pv.Submission != nil {
		pv.DraftBasis = draftBasis(pv.Submission.DraftHeadline, pv.Submission.DraftBody)
	}
	pv.ShowsDraft = draftBasis(pv.Form.Headline, pv.Form.Body) == pv.DraftBasis
	if pv.Form.SubmitKey == "" {
		pv.Form.SubmitKey = newSubmitKey()
	}
	if pv.Form.LockVersion == 0 {
		pv.Form.LockVersion = 1
	}
	return pv, nil
}

// reopenOf fills who took a rejection back, when and why, from the newest
// "submission.reopen" audit entry of the submission.
func (s *Server) reopenOf(c echo.Context, fb *feedbackView, submissionID int64) error {
	entries, err := s.db.AuditFor(c.Request().Context(), "submission", strconv.FormatInt(submissionID, 10), 50)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Action != "submission.reopen" {
			continue
		}
		fb.ReopenReason, fb.ReopenedWhen = e.Reason, dateTime(e.CreatedAt)
		if e.ActorID != nil {
			nm := &reviewerNames{s: s, c: c, cache: map[int64]string{}}
			if fb.ReopenedBy, err = nm.of(*e.ActorID); err != nil {
				return err
			}
		}
		return nil
	}
	return nil
}

// feedbackOf arranges a facilitator's decision on a version for the writing page.
func (s *Server) feedbackOf(c echo.Context, r domain.Review, v domain.SubmissionVersion) (*feedbackView, error) {
	ctx := c.Request().Context()
	fb := &feedbackView{Decision: r.Decision, DecisionLabel: r.Decision.Label(), When: dateTime(r.CreatedAt),
		General: r.GeneralComment, FinalScore: r.FinalScore, VersionNumber: v.Number,
		VersionURL: fmt.Sprintf("/latihan/%d/versi/%d", v.SubmissionID, v.Number)}
	nm := &reviewerNames{s: s, c: c, cache: map[int64]string{}}
	var err error
	if fb.Reviewer, err = nm.of(r.ReviewerID); err != nil {
		return nil, err
	}
	scores, err := s.db.ReviewScores(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	for _, id := range grading.CriterionIDs {
		for _, sc := range scores {
			if sc.Criterion == id && (sc.FinalScore != sc.AutoScore || sc.Reason != "") {
				fb.Scores = append(fb.Scores, sc)
			}
		}
	}
	comments, err := s.db.Comments(ctx, v.ID)
	if err != nil {
		return nil, err
	}
	for i, cm := range comments {
		fb.Comments = append(fb.Comments, versionComment{ReviewComment: cm, N: i + 1, FieldLabel: fieldLabels[cm.Field]})
	}
	return fb, nil
}

// restartPractice gives a rejected practice a fresh start while attempts remain.
func (s *Server) restartPractice(c echo.Context) error {
	v, err := s.practiceItem(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	sub, err := s.db.SubmissionFor(ctx, v.Enrollment.ID, v.Item.ID)
	if err != nil {
		return err
	}
	err = s.db.RestartRejected(ctx, sub.ID, currentUser(c).ID, v.Item.Practice.MaxAttempts)
	if code := domain.ErrorCode(err); code == domain.CodeConflict || code == domain.CodeInvalid {
		var de *domain.Error
		errors.As(err, &de)
		pv, perr := s.practicePage(c, v, nil)
		if perr != nil {
			return perr
		}
		pv.ProblemTitle = tr(c, "Latihan belum dapat dimulai lagi")
		pv.Problem = sentence(errText(c, de))
		return s.render(c, http.StatusConflict, "practice", pv)
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, course.DefaultItemURL(v.Course.ID, v.Item)+"?mulai=lagi")
}

// showPractice is the GET of a practice item. Text this browser rescued for
// the page (sent after the session ended or the form token ran out) becomes
// the draft here, and the page says so.
func (s *Server) showPractice(c echo.Context, v itemView) error {
	notice, before := "", ""
	if v.Enrollment != nil {
		taken, err := s.takeRescue(c, v)
		if err != nil {
			return err
		}
		switch taken.Outcome {
		case domain.RescueDrafted:
			notice = rescuedNotice(langOf(c), c.QueryParam("pulihkan"), c.QueryParam("formulir") == "kedaluwarsa")
			before = draftBasis(taken.BeforeHeadline, taken.BeforeBody)
		case domain.RescueOlder:
			notice = "Draf di server disimpan setelah teks yang diselamatkan dari peramban ini, jadi draf itulah yang ditampilkan."
		case domain.RescueNotEditable:
			notice = "Ada teks yang diselamatkan dari peramban ini, tetapi rilis ini sedang dinilai atau sudah diputuskan sehingga teks itu tidak dapat dijadikan draf."
		}
	}
	pv, err := s.practicePage(c, v, nil)
	if err != nil {
		return err
	}
	pv.Notice = notice
	pv.DraftBasisBefore = before
	if c.QueryParam("periksa") == "1" && pv.Editable && before == "" && pv.Form.Headline != "" && pv.Form.Body != "" {
		rv := newReportView(langOf(c), pv.Form.Headline, pv.Form.Body, s.gradeRelease(v, pv.Form))
		rv.linkLessons(v.Course)
		pv.Report = &rv
		pv.Notice = "Hasil pemeriksaan di bawah tidak mengurangi kesempatan mengirim. Perbaiki teks, periksa lagi, lalu kirim."
	}
	if pv.Notice == "" && c.QueryParam("draf") == "tersimpan" {
		pv.Notice = "Draf tersimpan."
	}
	if pv.Notice == "" && c.QueryParam("mulai") == "lagi" && pv.Submission != nil && pv.Submission.State == domain.SubDraft {
		pv.Notice = "Latihan dimulai lagi dengan teks kosong. Versi yang ditolak tetap tersimpan di riwayat kiriman."
	}
	return s.render(c, http.StatusOK, "practice", pv)
}

// takeRescue renews this browser's rescue cookie for the trainee and makes
// the text it rescued for the page, if any, the draft.
func (s *Server) takeRescue(c echo.Context, v itemView) (domain.RescueTaken, error) {
	ctx := c.Request().Context()
	u := currentUser(c)
	browser, fresh := s.keepRescueCookie(c, u.ID)
	if fresh { // a browser id made just now has kept nothing
		return domain.RescueTaken{}, nil
	}
	has, err := s.db.HasRescuedText(ctx, browser, v.ItemURL)
	if err != nil || !has {
		return domain.RescueTaken{}, err
	}
	sub, err := s.db.EnsureSubmission(ctx, v.Enrollment.ID, u.ID, v.Course.ID, v.Item.ID)
	if err != nil {
		return domain.RescueTaken{}, err
	}
	return s.db.TakeRescueIntoDraft(ctx, browser, v.ItemURL, sub.ID)
}

// rescuedNotice tells the trainee their text is the draft now, and what is
// left to do for the button they had pressed.
func rescuedNotice(l i18n.Lang, action string, tokenExpired bool) string {
	n := i18n.T(l, "Teks yang Anda tulis setelah sesi berakhir sudah dipulihkan dan disimpan sebagai draf.")
	if tokenExpired {
		n = i18n.T(l, "Teks yang Anda tulis setelah formulir halaman ini kedaluwarsa sudah dipulihkan dan disimpan sebagai draf.")
	}
	switch action {
	case "kirim":
		return n + " " + i18n.T(l, "Rilis belum terkirim: periksa kembali, lalu tekan “Kirim rilis”.")
	case "periksa":
		return n + " " + i18n.T(l, "Tekan “Periksa” untuk melihat hasil pemeriksaannya.")
	}
	return n + " " + i18n.T(l, "Periksa kembali, lalu lanjutkan menulis.")
}

// draftBasis names a draft's text, so the page's script can tell whether the
// copy kept in the browser was based on the draft the server has now.
func draftBasis(headline, body string) string {
	sum := sha256.Sum256([]byte(headline + "\x00" + body))
	return hex.EncodeToString(sum[:8])
}

// practiceItem resolves a practice item of the URL for a trainee.
func (s *Server) practiceItem(c echo.Context) (itemView, error) {
	v, err := s.itemFor(c)
	if err != nil {
		return v, err
	}
	if v.Item.Kind != course.KindPractice || v.Enrollment == nil {
		return v, domain.ErrNotFound
	}
	return v, nil
}

func wantsJSON(c echo.Context) bool {
	return strings.Contains(c.Request().Header.Get("Accept"), "application/json")
}

func (s *Server) saveDraft(c echo.Context) error {
	v, err := s.practiceItem(c)
	if err != nil {
		return err
	}
	f := readRelease(c)
	f.checkLength()
	if len(f.Errors) > 0 {
		if wantsJSON(c) {
			return c.JSON(http.StatusUnprocessableEntity, map[string]string{"error": tr(c, f.Errors[0].Message)})
		}
		return s.renderPractice(c, v, &f, http.StatusUnprocessableEntity, "")
	}
	ctx := c.Request().Context()
	sub, err := s.db.EnsureSubmission(ctx, v.Enrollment.ID, currentUser(c).ID, v.Course.ID, v.Item.ID)
	if err != nil {
		return err
	}
	at, err := s.db.SaveDraft(ctx, sub.ID, f.Headline, f.Body)
	if errors.Is(err, store.ErrNotEditable) {
		if wantsJSON(c) {
			return c.JSON(http.StatusConflict, map[string]string{"error": tr(c, "Rilis ini sedang dinilai atau sudah diputuskan; draf tidak disimpan.")})
		}
		return s.renderPractice(c, v, &f, http.StatusConflict, "Rilis ini sedang dinilai atau sudah diputuskan, jadi draf tidak dapat disimpan.")
	}
	if err != nil {
		return err
	}
	if wantsJSON(c) {
		t := at.In(WIB)
		clock := fmt.Sprintf("%02d.%02d WIB", t.Hour(), t.Minute())
		if langOf(c) == i18n.EN {
			clock = fmt.Sprintf("%02d:%02d WIB", t.Hour(), t.Minute())
		}
		return c.JSON(http.StatusOK, map[string]string{"saved_at": clock, "basis": draftBasis(f.Headline, f.Body)})
	}
	return c.Redirect(http.StatusSeeOther, course.DefaultItemURL(v.Course.ID, v.Item)+"?draf=tersimpan")
}

func (s *Server) renderPractice(c echo.Context, v itemView, f *releaseForm, status int, problem string) error {
	pv, err := s.practicePage(c, v, f)
	if err != nil {
		return err
	}
	pv.Problem = problem
	return s.render(c, status, "practice", pv)
}

// checkRelease grades the text without using an attempt (and keeps it as the draft).
func (s *Server) checkRelease(c echo.Context) error {
	v, err := s.practiceItem(c)
	if err != nil {
		return err
	}
	f := readRelease(c)
	f.validate()
	if len(f.Errors) > 0 {
		return s.renderPractice(c, v, &f, http.StatusUnprocessableEntity, "")
	}
	ctx := c.Request().Context()
	sub, err := s.db.EnsureSubmission(ctx, v.Enrollment.ID, currentUser(c).ID, v.Course.ID, v.Item.ID)
	if err != nil {
		return err
	}
	// Post/redirect/get: the text becomes the draft and the page that shows
	// the draft grades it, so a refresh repeats nothing.
	if _, err := s.db.SaveDraft(ctx, sub.ID, f.Headline, f.Body); errors.Is(err, store.ErrNotEditable) {
		return s.renderPractice(c, v, &f, http.StatusConflict, "Rilis ini sedang dinilai atau sudah diputuskan, jadi teks tidak diperiksa sebagai draf.")
	} else if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, course.DefaultItemURL(v.Course.ID, v.Item)+"?periksa=1#laporan-judul")
}

func (s *Server) submitRelease(c echo.Context) error {
	v, err := s.practiceItem(c)
	if err != nil {
		return err
	}
	f := readRelease(c)
	f.validate()
	var rep grading.Report
	if len(f.Errors) == 0 {
		rep = s.gradeRelease(v, f)
		f.checkSendable(v.Item.Practice, rep.Stats.Words)
	}
	if f.SubmitKey == "" || len(f.SubmitKey) > 64 {
		f.Errors = append(f.Errors, FormError{Field: "kirim", Message: "Formulir tidak lengkap; muat ulang halaman lalu kirim lagi."})
	}
	// Every send spends one of the practice's attempts and cannot be taken
	// back: the trainee ticks "Saya yakin" first, checked here.
	f.Confirm = confirmed(c, "yakin-kirim")
	problem := ""
	if !f.Confirm {
		f.Errors = append(f.Errors, FormError{Field: "yakin-kirim", Message: "Centang “Saya yakin akan mengirim rilis ini”, lalu tekan “Kirim rilis” lagi."})
		if len(f.Errors) == 1 {
			problem = "“Kirim rilis” memakai satu kesempatan dan tidak dapat dibatalkan, jadi rilis belum dikirim. Centang “Saya yakin akan mengirim rilis ini” di atas tombol “Kirim rilis”, lalu tekan “Kirim rilis” lagi."
		}
	}
	if len(f.Errors) > 0 {
		return s.renderPractice(c, v, &f, http.StatusUnprocessableEntity, problem)
	}
	ctx := c.Request().Context()
	u := currentUser(c)
	sub, err := s.db.EnsureSubmission(ctx, v.Enrollment.ID, u.ID, v.Course.ID, v.Item.ID)
	if err != nil {
		return err
	}
	repJSON, err := json.Marshal(rep)
	if err != nil {
		return fmt.Errorf("menyandikan laporan: %w", err)
	}
	p := v.Item.Practice
	facs, err := s.db.CohortFacilitators(ctx, v.Enrollment.CohortID)
	if err != nil {
		return err
	}
	notify := make([]int64, 0, len(facs))
	for _, x := range facs {
		notify = append(notify, x.ID)
	}
	ver, _, err := s.db.Submit(ctx, domain.SubmitInput{
		SubmissionID: sub.ID, LockVersion: f.LockVersion, SubmitKey: f.SubmitKey, Headline: f.Headline, Body: f.Body,
		ReportJSON: string(repJSON), GraderVersion: rep.GraderVersion, AutoScore: rep.Score, MaxAttempts: p.MaxAttempts,
		ItemHash: v.Item.Hash, AutoReview: p.Review == course.ReviewAuto, PassScore: p.PassScore,
		Notify: notify,
	})
	if code := domain.ErrorCode(err); code == domain.CodeConflict || code == domain.CodeInvalid {
		var de *domain.Error
		errors.As(err, &de)
		return s.renderPractice(c, v, &f, http.StatusConflict, sentence(errText(c, de)))
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/latihan/%d/versi/%d?terkirim=1", sub.ID, ver.Number))
}

// versionPageView is one sent version with its report and review.
type versionPageView struct {
	Sub       domain.SubmissionContext
	Item      *course.Item
	CourseID  string
	Version   domain.SubmissionVersion
	Versions  []domain.SubmissionVersion
	Report    reportView
	Review    *domain.Review
	Scores    []domain.ReviewScore
	Comments  []versionComment
	Sent      bool
	CanReview bool
}

type versionComment struct {
	domain.ReviewComment
	N          int
	FieldLabel string
}

func (s *Server) versionPage(c echo.Context) error {
	sc, facts, err := s.loadSubmission(c, access.CanSeeSubmission)
	if err != nil {
		return err
	}
	n, ok := atoi64(c.Param("n"))
	if !ok {
		return domain.ErrNotFound
	}
	ctx := c.Request().Context()
	vs, err := s.db.Versions(ctx, sc.ID)
	if err != nil {
		return err
	}
	if int(n) > len(vs) {
		return domain.ErrNotFound
	}
	pv := versionPageView{Sub: sc, CourseID: sc.CourseID, Version: vs[n-1], Versions: vs, Sent: c.QueryParam("terkirim") == "1", CanReview: access.CanReviewSubmission(currentUser(c), facts)}
	if co := s.cfg.Catalog.Course(sc.CourseID); co != nil {
		pv.Item = co.Item(sc.ItemID)
	}
	var rep grading.Report
	if err := json.Unmarshal([]byte(pv.Version.ReportJSON), &rep); err != nil {
		return fmt.Errorf("membaca laporan versi %d: %w", pv.Version.ID, err)
	}
	comments, err := s.db.Comments(ctx, pv.Version.ID)
	if err != nil {
		return err
	}
	var anns []Annotation
	for i, cm := range comments {
		pv.Comments = append(pv.Comments, versionComment{ReviewComment: cm, N: i + 1, FieldLabel: fieldLabels[cm.Field]})
		anns = append(anns, Annotation{N: i + 1, Field: cm.Field, Start: cm.Start, End: cm.End, Class: "komentar", Prefix: "komentar", Priority: 10})
	}
	pv.Report = newReportView(langOf(c), pv.Version.Headline, pv.Version.Body, rep, anns...)
	pv.Report.linkLessons(s.cfg.Catalog.Course(sc.CourseID))
	reviews, err := s.db.ReviewsOf(ctx, sc.ID)
	if err != nil {
		return err
	}
	if r, ok := reviews[pv.Version.ID]; ok {
		pv.Review = &r
		if pv.Scores, err = s.db.ReviewScores(ctx, r.ID); err != nil {
			return err
		}
	}
	return s.render(c, http.StatusOK, "version", pv)
}

type diffView struct {
	Sub            domain.SubmissionContext
	Item           *course.Item
	Versions       []domain.SubmissionVersion
	From, To       domain.SubmissionVersion
	Headline, Body template.HTML
}

func (s *Server) diffPage(c echo.Context) error {
	sc, _, err := s.loadSubmission(c, access.CanSeeSubmission)
	if err != nil {
		return err
	}
	vs, err := s.db.Versions(c.Request().Context(), sc.ID)
	if err != nil {
		return err
	}
	if len(vs) == 0 {
		return domain.ErrNotFound
	}
	from, to := 1, len(vs)
	fmt.Sscan(c.QueryParam("dari"), &from)
	fmt.Sscan(c.QueryParam("ke"), &to)
	if from < 1 || to < 1 || from > len(vs) || to > len(vs) {
		return domain.Errort(domain.CodeInvalid, "versi {{.From}} atau {{.To}} tidak ada; rilis ini punya {{.N}} versi", map[string]any{"From": from, "To": to, "N": len(vs)})
	}
	dv := diffView{Sub: sc, Versions: vs, From: vs[from-1], To: vs[to-1]}
	if co := s.cfg.Catalog.Course(sc.CourseID); co != nil {
		dv.Item = co.Item(sc.ItemID)
	}
	dv.Headline = diffHTML(dv.From.Headline, dv.To.Headline)
	dv.Body = diffHTML(dv.From.Body, dv.To.Body)
	return s.render(c, http.StatusOK, "diff", dv)
}
