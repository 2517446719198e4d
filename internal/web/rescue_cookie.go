package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
)

// RescueCookie binds rescued text to the browser that wrote it and to the
// trainee it was set for. It is set when the practice page is shown, never
// on a POST, so a request from another site (which carries no SameSite=Lax
// cookie) cannot leave text to be offered back.
const RescueCookie = "bimtek_pulih"

// rescueCookieLifetime outlasts a tab left open for days; it is renewed on
// every view of a practice page.
const rescueCookieLifetime = 30 * 24 * time.Hour

// practiceWrite returns the practice page and the form's action ("draf",
// "periksa" or "kirim") of a POST to one of a real practice item's forms.
func (s *Server) practiceWrite(c echo.Context) (page, action string, ok bool) {
	if c.Request().Method != http.MethodPost {
		return "", "", false
	}
	p := c.Request().URL.Path
	if !strings.HasPrefix(p, "/kursus/") {
		return "", "", false
	}
	action = p[strings.LastIndex(p, "/")+1:]
	switch action {
	case "draf", "periksa", "kirim":
	default:
		return "", "", false
	}
	co := s.cfg.Catalog.Course(c.Param("course"))
	if co == nil {
		return "", "", false
	}
	it := co.Item(c.Param("item"))
	if it == nil || it.Kind != course.KindPractice {
		return "", "", false
	}
	return course.DefaultItemURL(co.ID, it), action, true
}

// rescueRelease keeps a release that arrives when it cannot be stored as
// usual (the session ended, or the form token ran out while the tab was open),
// so it becomes the draft when the page is shown again instead of being lost.
// It returns the page to come back to. Only text for a real practice item
// within the form's limits is kept, from our own pages in a browser holding
// the rescue cookie, one row per browser and page, at most
// store.RescuesPerHour new rows per address.
func (s *Server) rescueRelease(c echo.Context) (string, bool) {
	page, action, ok := s.practiceWrite(c)
	if !ok || !sameOrigin(c.Request()) {
		return "", false
	}
	headline, body := strings.TrimSpace(cleanText(c.FormValue("judul"))), strings.TrimSpace(cleanText(c.FormValue("isi")))
	if headline+body == "" || utf8.RuneCountInString(headline) > MaxHeadlineChars || utf8.RuneCountInString(body) > MaxBodyChars {
		return "", false
	}
	browser, _, ok := s.rescueBrowser(c)
	if !ok {
		return "", false
	}
	_, ok, err := s.db.RescueText(c.Request().Context(), domain.Rescue{ID: randomToken(18), Path: page, Headline: headline, Body: body, Browser: browser, Address: limitAddress(c)})
	if err != nil {
		s.log.Error("menyimpan teks sesi berakhir", "err", err)
		return "", false
	}
	if !ok {
		s.log.Warn("menyimpan teks sesi berakhir: batas per alamat tercapai", "address", limitAddress(c))
		return "", false
	}
	return page + "?pulihkan=" + action, true
}

// rescueCookieName is the rescue cookie of one trainee: each trainee of a
// shared office browser keeps their own, so the next one to log in does not
// take the previous one's rescued text away.
func rescueCookieName(userID int64) string {
	return RescueCookie + "_" + strconv.FormatInt(userID, 10)
}

// rescueBrowser returns the hash of the rescue cookie of the trainee who
// owns the posted form (field "pemilik") and that trainee's id. A form that
// names no owner uses the browser's only rescue cookie, if it has one.
func (s *Server) rescueBrowser(c echo.Context) (hash string, userID int64, ok bool) {
	if owner, err := strconv.ParseInt(c.FormValue("pemilik"), 10, 64); err == nil && owner > 0 {
		ck, err := c.Cookie(rescueCookieName(owner))
		if err != nil {
			return "", 0, false
		}
		hash, userID, ok = s.rescueCookieHash(ck.Value)
		return hash, userID, ok && userID == owner
	}
	var only *http.Cookie
	for _, ck := range c.Cookies() {
		if strings.HasPrefix(ck.Name, RescueCookie+"_") {
			if only != nil {
				return "", 0, false
			}
			only = ck
		}
	}
	if only == nil {
		return "", 0, false
	}
	hash, userID, ok = s.rescueCookieHash(only.Value)
	return hash, userID, ok && only.Name == rescueCookieName(userID)
}

// rescueCookieHash checks a rescue cookie's value (random part, trainee id
// and the server's signature of both) and returns its hash and the
// trainee's id. The signature means only this server hands out values, so a
// value planted in a browser (by a neighbouring site of the same domain) or
// made up by a script names no trainee.
func (s *Server) rescueCookieHash(v string) (hash string, userID int64, ok bool) {
	random, rest, found := strings.Cut(v, ".")
	uid, mac, signed := strings.Cut(rest, ".")
	if !found || !signed || len(random) != 43 || !hmac.Equal([]byte(mac), []byte(s.rescueMAC(random+"."+uid))) {
		return "", 0, false
	}
	userID, err := strconv.ParseInt(uid, 10, 64)
	if err != nil || strconv.FormatInt(userID, 10) != uid {
		return "", 0, false
	}
	sum := sha256.Sum256([]byte(v))
	return hex.EncodeToString(sum[:]), userID, true
}

// rescueMAC signs a rescue cookie's random part and trainee id. A signer is
// keyed once and reused (every practice view signs or checks a cookie).
func (s *Server) rescueMAC(v string) string {
	m := s.rescueMACs.Get().(hash.Hash)
	m.Reset()
	m.Write([]byte("bimtek-pulih:" + v))
	var sum [sha256.Size]byte
	mac := base64.RawURLEncoding.EncodeToString(m.Sum(sum[:0])[:16])
	s.rescueMACs.Put(m)
	return mac
}

// keepRescueCookie gives this browser a rescue cookie for the trainee (a new
// one when it has none) and renews it; it returns the hash of the cookie it
// had, or fresh.
func (s *Server) keepRescueCookie(c echo.Context, userID int64) (browser string, fresh bool) {
	name := rescueCookieName(userID)
	v := ""
	if ck, err := c.Cookie(name); err == nil {
		if h, uid, ok := s.rescueCookieHash(ck.Value); ok && uid == userID {
			v, browser = ck.Value, h
		}
	}
	if v == "" { // a new browser id has kept nothing: no hash to look for
		v = randomToken(32) + "." + strconv.FormatInt(userID, 10)
		v += "." + s.rescueMAC(v)
		fresh = true
	}
	// As http.Cookie writes it; the name and value are of safe characters.
	attrs := rescueCookieAttrs
	if s.secure {
		attrs = rescueCookieAttrsSecure
	}
	c.Response().Header().Add(echo.HeaderSetCookie, name+"="+v+attrs)
	return browser, fresh
}

// The rescue cookie's attributes: the practice pages' path, its lifetime,
// no script access, sent on top-level navigation from elsewhere only.
var (
	rescueCookieAttrs       = "; Path=/kursus/; Max-Age=" + strconv.Itoa(int(rescueCookieLifetime/time.Second)) + "; HttpOnly; SameSite=Lax"
	rescueCookieAttrsSecure = "; Path=/kursus/; Max-Age=" + strconv.Itoa(int(rescueCookieLifetime/time.Second)) + "; HttpOnly; Secure; SameSite=Lax"
)
