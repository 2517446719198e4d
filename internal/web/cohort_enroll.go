package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/access"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
)

// enrollForm keeps the enrolment input: an OPD, or pasted emails.
type enrollForm struct {
	Form
	OPD    string
	Emails string
}

// EmailErrors lists every message about the pasted emails, one per line problem.
func (f enrollForm) EmailErrors() []string {
	var out []string
	for _, e := range f.Errors {
		if e.Field == "emails" {
			out = append(out, e.Message)
		}
	}
	return out
}

func (s *Server) enrollTrainees(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	co, err := s.cohortFor(ctx, u, c.Param("id"), access.CanManageCohort)
	if err != nil {
		return err
	}
	f := enrollForm{OPD: c.FormValue("opd"), Emails: c.FormValue("emails")}
	mode := c.FormValue("cara")
	if mode != "opd" && mode != "email" {
		mode = "opd"
		if strings.TrimSpace(f.Emails) != "" {
			mode = "email"
		}
	}
	var ids []int64
	if mode == "opd" {
		f.Emails = ""
		ids, err = s.traineesOfOPD(c, &f, u)
	} else {
		f.OPD = ""
		ids, err = s.traineesByEmail(c, &f, u.RegionID)
	}
	if err != nil {
		return err
	}
	if len(f.Errors) == 0 {
		added, err := s.db.Enroll(ctx, &u.ID, co.ID, ids)
		switch {
		case domain.ErrorCode(err) == domain.CodeInvalid:
			// Someone changed a role between our check and the insert.
			var de *domain.Error
			errors.As(err, &de)
			f.Add(map[string]string{"opd": "opd", "email": "emails"}[mode], tf(c, "Pendaftaran gagal: {{.Reason}}.", map[string]any{"Reason": errText(c, de)}))
		case err != nil:
			return err
		default:
			return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/angkatan/%d?pesan=peserta&jumlah=%d&sudah=%d#pesan", co.ID, added, len(ids)-added))
		}
	}
	return s.rerenderCohort(c, co, "Peserta belum didaftarkan", f.Errors, func(v *cohortPageView) { v.Enroll = f })
}

// traineesOfOPD resolves the chosen OPD to its active trainees.
func (s *Server) traineesOfOPD(c echo.Context, f *enrollForm, u *domain.User) ([]int64, error) {
	ctx := c.Request().Context()
	id, ok := atoi64(f.OPD)
	if !ok {
		f.Add("opd", "Pilih OPD yang pesertanya akan didaftarkan.")
		return nil, nil
	}
	o, err := s.db.OPD(ctx, id)
	if errors.Is(err, domain.ErrNotFound) || (err == nil && !access.CanManageOPD(u, access.OPD{ID: o.ID, RegionID: o.RegionID})) {
		f.Add("opd", "OPD yang dipilih tidak ditemukan di wilayah Anda; pilih dari daftar.")
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	ids, err := s.db.ActivePesertaOfOPD(ctx, id, enrollOPDLimit)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		f.Add("opd", tf(c, "{{.Name}} belum memiliki peserta aktif.", map[string]any{"Name": o.Name}))
	}
	return ids, nil
}

// traineesByEmail checks the pasted emails line by line; every problem is
// reported with its line number so the admin can fix the list and send it again.
func (s *Server) traineesByEmail(c echo.Context, f *enrollForm, regionID int64) ([]int64, error) {
	ctx := c.Request().Context()
	type entry struct {
		line  int
		email string
	}
	var entries []entry
	var problems []lineProblem
	if clean, msg := checkText(c, domain.TextEmailList, f.Emails); msg != "" {
		f.Emails = clean
		f.Add("emails", msg)
		return nil, nil
	}
	for i, raw := range strings.Split(f.Emails, "\n") {
		line := strings.TrimSpace(strings.TrimRight(raw, "\r,;"))
		if line == "" {
			continue
		}
		a, err := mail.ParseAddress(line)
		if err != nil {
			problems = append(problems, lineProblem{i + 1, tf(c, "baris {{.Line}}: “{{.Email}}” bukan alamat email yang valid", map[string]any{"Line": i + 1, "Email": clip(line, 80)})})
			continue
		}
		entries = append(entries, entry{line: i + 1, email: store.NormalizeEmail(a.Address)})
	}
	if len(entries)+len(problems) == 0 {
		f.Add("emails", "Tuliskan sedikitnya satu email peserta, satu email per baris.")
		return nil, nil
	}
	if len(entries)+len(problems) > maxEmailLines {
		f.Add("emails", tf(c, "Paling banyak {{.Max}} email sekali kirim; bagi daftarnya dan kirim beberapa kali.", map[string]any{"Max": maxEmailLines}))
		return nil, nil
	}
	emails := make([]string, len(entries))
	for i, e := range entries {
		emails[i] = e.email
	}
	users, err := s.db.RegionUsersByEmail(ctx, regionID, emails)
	if err != nil {
		return nil, err
	}
	var ids []int64
	seen := map[int64]bool{}
	for _, e := range entries {
		u, ok := users[e.email]
		switch {
		case !ok:
			problems = append(problems, lineProblem{e.line, tf(c, "baris {{.Line}}: {{.Email}} tidak terdaftar", map[string]any{"Line": e.line, "Email": e.email})})
		case u.Role != domain.RolePeserta:
			problems = append(problems, lineProblem{e.line, tf(c, "baris {{.Line}}: {{.Email}} bukan peserta (perannya {{.Role}})", map[string]any{"Line": e.line, "Email": e.email, "Role": i18n.Phrase(u.Role.Label())})})
		case !u.Active:
			problems = append(problems, lineProblem{e.line, tf(c, "baris {{.Line}}: akun {{.Email}} dinonaktifkan", map[string]any{"Line": e.line, "Email": e.email})})
		case !seen[u.ID]:
			seen[u.ID] = true
			ids = append(ids, u.ID)
		}
	}
	// Report lines in order, whatever check found them.
	sortByLine(problems)
	for i, p := range problems {
		if i == maxLineProblems {
			f.Add("emails", tf(c, "… dan {{.N}} baris lain bermasalah.", map[string]any{"N": len(problems) - maxLineProblems}))
			break
		}
		f.Add("emails", p.text)
	}
	return ids, nil
}

// clip shortens s to at most n characters, so a pasted paragraph does not flood the message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// sortByLine orders "baris N: …" messages by N (insertion sort: the list is short).
// lineProblem is one refused line of a pasted list, already in the reader's language.
type lineProblem struct {
	line int
	text string
}

func sortByLine(msgs []lineProblem) {
	for i := 1; i < len(msgs); i++ {
		for j := i; j > 0 && msgs[j].line < msgs[j-1].line; j-- {
			msgs[j], msgs[j-1] = msgs[j-1], msgs[j]
		}
	}
}
