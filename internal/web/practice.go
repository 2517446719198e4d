package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/i18n"
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
	// The form's values of this view as the page writes them (the owner's
	// id, the lock version, the body's length, when the draft was saved),
	// so a kept page can cut them out (renderPracticeView).
	Owner, Lock, BodyChars, SavedAt string
	// Sent says which version went and where it stands, in place of the
	// draft's status once the form no longer holds a draft of its own
	// (only with versions, so never in a kept page).
	Sent string
	// Refused: "Kirim rilis" was pressed and the release was not sent.
	Refused bool
}

// practiceAsideKey names a practice item's rendered instructions and facts
// sheet (as itemPartsKey does an item's breadcrumbs and pager).
type practiceAsideKey itemPartsKey

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

// gradeReleaseAt grades a release written at (writingTime).
func (s *Server) gradeReleaseAt(v itemView, f releaseForm, at time.Time) grading.Report {
	p := v.Item.Practice
	return grading.Grade(grading.Input{Headline: f.Headline, Body: f.Body, Brief: p.Brief, Now: at, Weights: p.Rubric})
}

// practicePage builds the writing page around an item view.
func (s *Server) practicePage(c echo.Context, v itemView, form *releaseForm) (practiceView, error) {
	ctx := c.Request().Context()
	pv := practiceView{itemView: v, ItemURL: v.ItemURL}
	lang := langOf(c)
	aside, err := fragmentOf(s, lang, practiceAsideKey{v.Course, v.Item.ID, lang}, "practice_aside", func() any {
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
		sub, err := s.submissionOf(ctx, currentUser(c).ID, v.Enrollment.ID, v.Item.ID)
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
	pv.Owner = strconv.FormatInt(currentUser(c).ID, 10)
	pv.Lock = strconv.FormatInt(int64(pv.Form.LockVersion), 10)
	pv.BodyChars = strconv.Itoa(len(pv.Form.Body))
	if sub := pv.Submission; sub != nil {
		// Sending makes the sent text the draft: until it is saved again
		// the page says what was sent, not when a draft was saved.
		drafted := sub.DraftSavedAt != nil && (sub.SubmittedAt == nil || sub.DraftSavedAt.After(*sub.SubmittedAt))
		switch {
		case pv.Editable && drafted:
			pv.SavedAt = i18n.DateTime(langOf(c), sub.DraftSavedAt.In(WIB))
		case len(pv.Versions) > 0:
			pv.Sent = sentLine(langOf(c), sub, pv.Versions[len(pv.Versions)-1].SubmissionVersion)
		}
	}
	return pv, nil
}

// sentLine tells which version was sent, when, and whether it waits for a
// facilitator.
func sentLine(l i18n.Lang, sub *domain.Submission, last domain.SubmissionVersion) string {
	data := map[string]any{"N": last.Number, "When": i18n.DateTime(l, last.CreatedAt.In(WIB))}
	switch sub.State {
	case domain.SubSubmitted:
		return i18n.Tf(l, "Versi {{.N}} terkirim {{.When}} dan menunggu penilaian fasilitator.", data)
	case domain.SubInReview:
		return i18n.Tf(l, "Versi {{.N}} terkirim {{.When}} dan sedang dinilai fasilitator.", data)
	}
	return i18n.Tf(l, "Versi {{.N}} terkirim {{.When}}.", data)
}

// renderPracticeView writes the writing page. While it shows no more than
// the form with the trainee's draft (no feedback, report, versions, problem
// or field errors), its content block is kept per content version and what
// it shows of the viewer, cut where the form token and the form's own
// values go.
func (s *Server) renderPracticeView(c echo.Context, status int, pv practiceView) error {
	v := s.view(c, pv)
	// The title shows the item, the scripts block nothing of the view.
	var err error
	if v.title, err = s.keptTitle(titleKey{"practice", v.Lang, pv.Course, pv.Item.ID}, "practice", v); err != nil {
		return err
	}
	if v.scripts, err = s.keptBlock(titleKey{page: "practice scripts", lang: v.Lang}, "practice", "scripts", v); err != nil {
		return err
	}
	if pv.Feedback == nil && pv.Report == nil && len(pv.Versions) == 0 && pv.Problem == "" && pv.ProblemTitle == "" && len(pv.Form.Errors) == 0 {
		key := practicePageKey{lang: v.Lang, co: pv.Course, item: pv.Item.ID, preview: pv.Preview, enrolled: pv.Enrollment != nil,
			role: v.User.Role, remaining: pv.Remaining, editable: pv.Editable, showsDraft: pv.ShowsDraft, confirm: pv.Form.Confirm,
			saved: pv.SavedAt != "", sub: pv.Submission != nil, notice: pv.Notice}
		if pv.Submission != nil {
			key.state = pv.Submission.State
		}
		body, ok, err := keptContentOf(s, key, "practice", v, len(practiceValues{}), func(v View, _ template.HTML, marks []string) View {
			mv := pv
			mv.Owner, mv.DraftBasis, mv.DraftBasisBefore, mv.Lock = marks[0], marks[1], marks[2], marks[3]
			mv.Form.SubmitKey, mv.Form.Headline, mv.Form.Body, mv.BodyChars = marks[4], marks[5], marks[6], marks[7]
			if mv.SavedAt != "" {
				mv.SavedAt = marks[8]
			}
			v.Data = mv
			return v
		})
		if err != nil {
			return err
		}
		if ok {
			v.body = body
			v.vals = []string{pv.Owner, escapeText(pv.DraftBasis), escapeText(pv.DraftBasisBefore), pv.Lock,
				escapeText(pv.Form.SubmitKey), escapeText(pv.Form.Headline), escapeText(pv.Form.Body), pv.BodyChars, escapeText(pv.SavedAt)}
		}
	}
	return s.renderView(c, status, "practice", v)
}

// practiceValues counts the values renderPracticeView cuts out.
type practiceValues [9]struct{}

// practicePageKey names a kept writing page's content block: the content
// version, the language and what the block shows of the viewer besides the
// form token and the form's values.
type practicePageKey struct {
	lang                               i18n.Lang
	co                                 *course.Course // changes whenever a catalog is loaded
	item                               string
	preview, enrolled                  bool
	role                               domain.Role
	remaining                          int
	editable, showsDraft, confirm, sub bool
	saved                              bool
	state                              domain.SubmissionState
	notice                             string // one of the page's fixed notices
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
		return s.renderPracticeView(c, http.StatusConflict, pv)
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
		at := writingTime(v.Item.Practice, s.cfg.Now())
		rep := s.gradeReleaseAt(v, pv.Form, at)
		s.keepChecked(currentUser(c).ID, v, pv.Form, at, rep)
		rv := newReportView(langOf(c), pv.Form.Headline, pv.Form.Body, rep)
		rv.linkLessons(v.Course)
		rv.PassScore = v.Item.Practice.PassScore
		pv.Report = &rv
		pv.Notice = "Hasil pemeriksaan di bawah tidak mengurangi kesempatan mengirim. Perbaiki teks, periksa lagi, lalu kirim."
	}
	if pv.Notice == "" && c.QueryParam("draf") == "tersimpan" {
		pv.Notice = "Draf tersimpan."
	}
	if pv.Notice == "" && c.QueryParam("mulai") == "lagi" && pv.Submission != nil && pv.Submission.State == domain.SubDraft {
		pv.Notice = "Latihan dimulai lagi dengan teks kosong. Versi yang ditolak tetap tersimpan di riwayat kiriman."
	}
	return s.renderPracticeView(c, http.StatusOK, pv)
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

func (s *Server) renderPractice(c echo.Context, v itemView, f *releaseForm, status int, problem string) error {
	pv, err := s.practicePage(c, v, f)
	if err != nil {
		return err
	}
	pv.Problem = problem
	return s.renderPracticeView(c, status, pv)
}
