package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gorilla/securecookie"
	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
	"github.com/bimtek/bimtek/internal/userimport"
)

// userImportRoutes: bulk user import from the admin's page, with the rules of
// `bimtek import users` (internal/userimport): upload and check (nothing is
// written while any line has a problem), start, watch the progress, download
// the first passwords (again, if a download broke) until the admin who ran it
// says they are saved or ImportPasswordsKept passes.
func (s *Server) userImportRoutes() []route {
	return []route{
		{http.MethodGet, "/admin/pengguna/impor", adminOnly, s.importForm},
		{http.MethodPost, "/admin/pengguna/impor", adminOnly, s.importUpload},
		{http.MethodGet, "/admin/pengguna/impor/contoh.csv", adminOnly, s.importSample},
		{http.MethodGet, "/admin/pengguna/impor/:id", adminOnly, s.importPage},
		{http.MethodPost, "/admin/pengguna/impor/:id/mulai", adminOnly, s.importStart},
		{http.MethodGet, "/admin/pengguna/impor/:id/sandi.csv", adminOnly, s.importPasswords},
		{http.MethodPost, "/admin/pengguna/impor/:id/tersimpan", adminOnly, s.importPasswordsSaved},
	}
}

// importStale is how long a running import may go without progress before
// its page says it stopped (its process ended; nothing was stored).
const importStale = 2 * time.Minute

// importMaxBytes is the largest CSV the import takes (about 10,000 lines).
const importMaxBytes = 1 << 20

// Why a started import stopped before storing anything.
const (
	msgImportFileChanged = "Berkas berubah sejak diperiksa; tidak ada akun yang disimpan."
	msgImportDataChanged = "Sejak berkas diperiksa, data berubah; tidak ada akun yang disimpan. Perbaiki berkasnya lalu unggah lagi."
)

type importView struct {
	Problems []userimport.Problem // Message in the reader's language
	FileErr  string
	FileName string
	Job      *domain.ImportJob
	Percent  int
	Stalled  bool
	// Mine: the reader ran this import, so its first passwords are theirs.
	Mine bool
	// Kept: the first passwords can be downloaded until KeptUntil; Downloaded
	// is the first download and WipedAt when they were wiped, in words.
	Kept       bool
	KeptUntil  string
	Downloaded string
	WipedAt    string
	// JobProblem is why the job failed, in the reader's language.
	JobProblem string
}

// importProblemText is a failed job's stored problem in language l: the
// problem is stored in every language at once (importProblem), as JSON; a
// plain text stored before that is a message id.
func importProblemText(stored string, l i18n.Lang) string {
	var texts map[string]string
	if err := json.Unmarshal([]byte(stored), &texts); err == nil {
		if t, ok := texts[string(l)]; ok {
			return t
		}
		return texts[string(i18n.ID)]
	}
	return i18n.T(l, stored)
}

// importProblem is what a failed import stores: its words in every language,
// since the job fails outside any request and any admin may read it.
func importProblem(words func(l i18n.Lang) string) string {
	texts := make(map[string]string, len(i18n.Langs))
	for _, l := range i18n.Langs {
		texts[string(l)] = words(l)
	}
	b, _ := json.Marshal(texts)
	return string(b)
}

func (s *Server) importForm(c echo.Context) error {
	return s.render(c, http.StatusOK, "admin_import", &importView{})
}

func (s *Server) importUpload(c echo.Context) error {
	admin := currentUser(c)
	v := importView{}
	fh, err := c.FormFile("berkas")
	if err != nil {
		v.FileErr = "Pilih berkas CSV yang akan diimpor."
		return s.render(c, http.StatusUnprocessableEntity, "admin_import", &v)
	}
	v.FileName = fh.Filename
	if size := uploadSize(c, "berkas"); size > importMaxBytes {
		v.FileErr = tf(c, "Berkas {{.File}} berukuran {{.KB}} KB, melebihi batas 1 MB (1.024 KB). Bagi isinya menjadi beberapa berkas CSV, lalu unggah satu per satu.",
			map[string]any{"File": fh.Filename, "KB": domain.Num((size + 1023) / 1024)})
		return s.render(c, http.StatusUnprocessableEntity, "admin_import", &v)
	}
	f, err := fh.Open()
	if err != nil {
		return fmt.Errorf("membuka berkas unggahan: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return fmt.Errorf("membaca berkas unggahan: %w", err)
	}
	if !utf8.Valid(data) {
		v.FileErr = "Berkas ini bukan teks UTF-8. Simpan ulang dari aplikasi lembar kerja (misalnya Excel) sebagai “CSV UTF-8”, lalu unggah lagi."
		return s.render(c, http.StatusUnprocessableEntity, "admin_import", &v)
	}
	rows, problems, err := userimport.Check(c.Request().Context(), s.db, bytes.NewReader(data), admin.RegionID)
	switch {
	case err != nil && errors.Is(err, context.Canceled):
		return err
	case domain.ErrorCode(err) == domain.CodeInvalid:
		v.FileErr = sentence(strings.TrimSuffix(errOf(c, err), "."))
	case err != nil:
		return err
	case len(problems) > 0:
		for _, p := range problems {
			p.Message = p.In(langOf(c))
			v.Problems = append(v.Problems, p)
		}
	case len(rows) == 0:
		v.FileErr = "Berkas ini tidak berisi satu baris pengguna pun di bawah baris judul."
	}
	if v.FileErr != "" || len(v.Problems) > 0 {
		return s.render(c, http.StatusUnprocessableEntity, "admin_import", &v)
	}
	j, err := s.db.CreateImportJob(c.Request().Context(), admin.RegionID, admin.ID, fh.Filename, string(data), len(rows))
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/pengguna/impor/%d", j.ID))
}

func (s *Server) importJobParam(c echo.Context) (domain.ImportJob, error) {
	id, ok := atoi64(c.Param("id"))
	if !ok {
		return domain.ImportJob{}, domain.ErrNotFound
	}
	return s.db.ImportJob(c.Request().Context(), currentUser(c).RegionID, id)
}

func (s *Server) importPage(c echo.Context) error {
	j, err := s.importJobParam(c)
	if err != nil {
		return err
	}
	v := importView{Job: &j, JobProblem: importProblemText(j.Problem, langOf(c)), Mine: j.AdminID == currentUser(c).ID, Kept: j.PasswordsKept(s.cfg.Now())}
	if j.DownloadedAt != nil {
		v.Downloaded = dateTime(*j.DownloadedAt)
	}
	if j.PasswordsUntil != nil {
		v.KeptUntil = dateTime(*j.PasswordsUntil)
	}
	switch {
	case j.PasswordsWipedAt != nil:
		v.WipedAt = dateTime(*j.PasswordsWipedAt)
	case j.State == store.ImportDone && !v.Kept && j.PasswordsUntil != nil:
		v.WipedAt = v.KeptUntil // their time ended; the hourly cleanup wipes them
	}
	if j.Total > 0 {
		v.Percent = j.Done * 100 / j.Total
	}
	if j.State == store.ImportRunning {
		if s.cfg.Now().Sub(j.UpdatedAt) > importStale {
			v.Stalled = true
		} else {
			// The page reloads itself while the import runs; no script needed.
			c.Response().Header().Set("Refresh", "2")
		}
	}
	return s.render(c, http.StatusOK, "admin_import", &v)
}

func (s *Server) importStart(c echo.Context) error {
	j, err := s.importJobParam(c)
	if err != nil {
		return err
	}
	started, err := s.db.StartImportJob(c.Request().Context(), j.RegionID, j.ID, currentUser(c).ID)
	if err != nil {
		return err
	}
	if started {
		go s.runImport(j, currentUser(c).ID)
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/pengguna/impor/%d", j.ID))
}

// runImport checks the file again (an email may have been taken since), makes
// the first passwords as the command does (userimport.FirstPasswords, changed
// at the first login) with progress, then stores every account or none. It
// runs outside the request that started it.
func (s *Server) runImport(j domain.ImportJob, adminID int64) {
	ctx := context.Background()
	failWith := func(words func(l i18n.Lang) string) {
		if err := s.db.FailImportJob(ctx, j.ID, importProblem(words)); err != nil {
			s.log.Error("impor pengguna gagal dicatat", "impor", j.ID, "err", err)
		}
	}
	fail := func(msg string) { failWith(func(l i18n.Lang) string { return i18n.T(l, msg) }) }
	rows, problems, err := userimport.Check(ctx, s.db, strings.NewReader(j.CSVText), j.RegionID)
	if err != nil || len(problems) > 0 || len(rows) != j.Total {
		if len(problems) == 0 {
			fail(msgImportFileChanged)
			return
		}
		failWith(func(l i18n.Lang) string {
			var b strings.Builder
			b.WriteString(i18n.T(l, msgImportDataChanged) + "\n")
			for _, p := range problems {
				b.WriteString(p.LineIn(l) + "\n")
			}
			return b.String()
		})
		return
	}
	last := time.Now()
	passwords, users, err := userimport.FirstPasswords(rows, j.RegionID, func(done int) {
		if time.Since(last) > 500*time.Millisecond {
			last = time.Now()
			if err := s.db.ImportProgress(ctx, j.ID, done); err != nil {
				s.log.Warn("impor pengguna: kemajuan tidak tercatat", "impor", j.ID, "err", err)
			}
		}
	})
	if err != nil {
		s.log.Error("impor pengguna: kata sandi awal", "impor", j.ID, "err", err)
		fail("Kata sandi awal tidak dapat dibuat; tidak ada akun yang disimpan. Coba lagi sebentar lagi.")
		return
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"email", "nama", "kata_sandi_awal"})
	for i, r := range rows {
		w.Write([]string{userimport.CSVCell(r.Email), userimport.CSVCell(r.Name), userimport.CSVCell(passwords[i])})
	}
	w.Flush()
	sealed, err := s.importSealer().Encode("sandi-impor", buf.String())
	if err != nil {
		s.log.Error("impor pengguna: menyegel kata sandi", "impor", j.ID, "err", err)
		fail("Kata sandi awal tidak dapat disimpan dengan aman; tidak ada akun yang disimpan.")
		return
	}
	if _, err := s.db.FinishImportJob(ctx, j.ID, adminID, users, sealed, s.cfg.Now()); err != nil {
		var de *domain.Error
		if errors.As(err, &de) && de.Code != domain.CodeInternal {
			failWith(func(l i18n.Lang) string {
				return i18n.Tf(l, "{{.Problem}}. Tidak ada akun yang disimpan.", map[string]any{"Problem": strings.TrimSuffix(sentence(errTextIn(l, de)), ".")})
			})
			return
		}
		s.log.Error("impor pengguna gagal", "impor", j.ID, "err", err)
		fail("Akun tidak dapat disimpan karena gangguan; tidak ada akun yang disimpan. Coba lagi.")
	}
}

// importSealer encrypts and signs the first passwords while they wait in the
// database for the admin who ran the import.
func (s *Server) importSealer() *securecookie.SecureCookie {
	hash := sha256.Sum256(append([]byte("impor/tanda|"), s.cfg.Secret...))
	block := sha256.Sum256(append([]byte("impor/sandi|"), s.cfg.Secret...))
	return securecookie.New(hash[:], block[:]).MaxAge(0).MaxLength(0)
}

// importPasswords gives the first passwords to the admin who ran the import,
// as often as needed until they say the file is saved: a broken download
// loses nothing. Any other admin gets 404.
func (s *Server) importPasswords(c echo.Context) error {
	j, err := s.importJobParam(c)
	if err != nil {
		return err
	}
	sealed, err := s.db.ImportPasswords(c.Request().Context(), j.RegionID, j.ID, currentUser(c).ID, s.cfg.Now())
	if err != nil {
		return err
	}
	var text string
	if err := s.importSealer().Decode("sandi-impor", sealed, &text); err != nil {
		return fmt.Errorf("membuka kata sandi impor %d: %w", j.ID, err)
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Pragma", "no-cache")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="kata-sandi-awal-impor-%d.csv"`, j.ID))
	return c.Blob(http.StatusOK, "text/csv; charset=utf-8", append([]byte("\ufeff"), text...))
}

// importPasswordsSaved wipes the first passwords at the word of the admin
// who ran the import ("Sudah saya simpan"), after a download.
func (s *Server) importPasswordsSaved(c echo.Context) error {
	j, err := s.importJobParam(c)
	if err != nil {
		return err
	}
	if _, err := s.db.ForgetImportPasswords(c.Request().Context(), j.RegionID, j.ID, currentUser(c).ID, s.cfg.Now()); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/admin/pengguna/impor/%d", j.ID))
}

// importSample is a file to start from: the header and two example rows in
// the format userimport.Check reads, with one of the region's OPDs.
func (s *Server) importSample(c echo.Context) error {
	opd := "Diskominfo"
	if opds, err := s.db.RegionOPDs(c.Request().Context(), currentUser(c).RegionID, 1); err != nil {
		return err
	} else if len(opds) > 0 {
		opd = opds[0].Name
		if opds[0].ShortName != "" {
			opd = opds[0].ShortName
		}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(userimport.Columns)
	w.Write([]string{"siti.aminah@contoh.go.id", "Siti Aminah", "peserta", userimport.CSVCell(opd), "ya"})
	w.Write([]string{"agus.setiawan@contoh.go.id", "Agus Setiawan", "fasilitator", "", "tidak"})
	w.Flush()
	c.Response().Header().Set("Content-Disposition", `attachment; filename="contoh-impor-pengguna.csv"`)
	return c.Blob(http.StatusOK, "text/csv; charset=utf-8", append([]byte("\ufeff"), buf.Bytes()...))
}
