package web

import (
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
)

// decisionCompute is the rubric form's "Hitung nilai akhir" button: no decision.
const decisionCompute = "hitung"

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
	maxAttempts := 0
	if it := s.practiceOf(st.sub.CourseID, st.sub.ItemID); it != nil {
		maxAttempts = it.MaxAttempts
	}
	_, err = s.db.Decide(ctx, domain.DecideInput{SubmissionID: st.sub.ID, VersionID: versionID, LockVersion: lock, ReviewerID: u.ID,
		Decision: domain.Decision(decision), General: form.General, FinalScore: form.Final, Scores: scores, MaxAttempts: maxAttempts})
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
