package web

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/compliance/export"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/i18n"
	"github.com/bimtek/bimtek/internal/store"
)

// exportFilter reads the export's filter and language; a value that cannot
// be used is a 400 naming it, before any byte of the file is sent.
func (s *Server) exportFilter(c echo.Context) (store.ComplianceFilter, domain.Region, i18n.Lang, error) {
	u := currentUser(c)
	region, err := s.names.region(c.Request().Context(), u.RegionID)
	if err != nil {
		return store.ComplianceFilter{}, region, "", err
	}
	q := readComplianceQuery(c, u.RegionID)
	lang := langOf(c)
	// lang=id|en pins the titles and words of the file, so a script reads
	// the same columns whichever account's language it runs under.
	if vs, ok := c.QueryParams()["lang"]; ok {
		l, valid := i18n.Parse(strings.TrimSpace(vs[0]))
		if !valid || len(vs) > 1 {
			q.Add("lang", tf(c, "Bahasa berkas {{.Value}} tidak dikenal; pilih id atau en.", map[string]any{"Value": quoteInput(strings.Join(vs, ","))}))
		}
		lang = l
	}
	if len(q.Errors) > 0 {
		msgs := make([]string, len(q.Errors))
		for i, e := range q.Errors {
			msgs[i] = e.Message
		}
		return q.Filter, region, lang, domain.Errort(domain.CodeInvalid, "Berkas tidak dibuat. {{.Problems}}", map[string]any{"Problems": strings.Join(msgs, " ")})
	}
	return q.Filter, region, lang, nil
}

// exportName is the download's file name: kepatuhan-opd-SKM-2026-04-16.csv.
func exportName(region domain.Region, now time.Time, ext string) string {
	code := strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, region.Code)
	return fmt.Sprintf("kepatuhan-opd-%s-%s.%s", code, now.In(compliance.Zone(region.Timezone)).Format("2006-01-02"), ext)
}

// complianceCSV streams the table with the dashboard's filters as CSV (comma
// or, for Excel under Indonesian settings, semicolon separated), row by
// row from the database to the client: a whole country's OPDs never sit in
// memory. A failure after the first byte aborts the connection, so a cut-off
// file is never mistaken for a complete one.
func (s *Server) complianceCSV(sep rune) echo.HandlerFunc {
	return func(c echo.Context) error { return s.writeComplianceCSV(c, sep) }
}

func (s *Server) writeComplianceCSV(c echo.Context, sep rune) error {
	f, region, lang, err := s.exportFilter(c)
	if err != nil {
		return err
	}
	now := s.cfg.Now()
	res := c.Response()
	res.Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	res.Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, csvName(region, now, sep)))
	res.Header().Set("Cache-Control", "no-store")
	res.WriteHeader(http.StatusOK)
	w, err := export.NewCSV(res, compliance.Zone(region.Timezone), sep, lang)
	if err != nil {
		return s.abortDownload(c, err)
	}
	n := 0
	err = s.db.EachComplianceRow(c.Request().Context(), f, now, func(r store.ComplianceRow) error {
		if err := w.Write(r.ExportRow()); err != nil {
			return err
		}
		if n++; n%exportFlushRows == 0 {
			if err := w.Flush(); err != nil {
				return err
			}
			res.Flush()
		}
		return nil
	})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return s.abortDownload(c, err)
	}
	return nil
}

// csvName tells the two CSV downloads apart: …-excel.csv is the semicolon one.
func csvName(region domain.Region, now time.Time, sep rune) string {
	name := exportName(region, now, "csv")
	if sep == export.ExcelCSV {
		name = strings.TrimSuffix(name, ".csv") + "-excel.csv"
	}
	return name
}

// complianceXLSX writes the same table as an Excel workbook; rows go
// through excelize's StreamWriter, which spills to a temporary file rather
// than holding a large region in memory.
func (s *Server) complianceXLSX(c echo.Context) error {
	f, region, lang, err := s.exportFilter(c)
	if err != nil {
		return err
	}
	now := s.cfg.Now()
	w, err := export.NewXLSX(compliance.Zone(region.Timezone), export.Properties{
		Title: tfl(lang, "Kepatuhan OPD – {{.Region}}", map[string]any{"Region": region.Name}), Creator: currentUser(c).Name, Created: now, Lang: lang})
	if err != nil {
		return err
	}
	err = s.db.EachComplianceRow(c.Request().Context(), f, now, func(r store.ComplianceRow) error { return w.Write(r.ExportRow()) })
	if err != nil {
		w.Abort()
		return err
	}
	res := c.Response()
	res.Header().Set(echo.HeaderContentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	res.Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, exportName(region, now, "xlsx")))
	res.Header().Set("Cache-Control", "no-store")
	res.WriteHeader(http.StatusOK)
	if err := w.Finish(res); err != nil {
		return s.abortDownload(c, err)
	}
	return nil
}

// abortDownload logs a failure in the middle of a download and breaks the
// connection: the status line is gone already, and a file that just ends
// would look complete.
func (s *Server) abortDownload(c echo.Context, err error) error {
	s.log.Error("unduhan terputus", "path", c.Request().URL.Path, "request_id", c.Response().Header().Get(echo.HeaderXRequestID), "err", err)
	panic(http.ErrAbortHandler)
}
