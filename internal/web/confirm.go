package web

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/gorilla/securecookie"
	"github.com/labstack/echo/v4"
)

// Post/redirect/get for secrets: a POST that makes a password or a token
// cannot show it at its own address (a refresh would make another), so it
// hands the secret to the GET page in a one-time cookie, encrypted and signed
// with the server secret, readable only under that page's path, bound to the
// admin who made it and deleted by the page that reads it. Nothing is kept on
// the server, so any process behind the load balancer can show it.

// onceMaxAge is how long a secret waits for its page, in seconds.
const onceMaxAge = 300

// onceEnvelope binds a one-time value to the user who made it.
type onceEnvelope struct {
	Actor int64
	Data  json.RawMessage
}

func (s *Server) onceCodec(name string) *securecookie.SecureCookie {
	hash := sha256.Sum256(append([]byte("sekali/tanda|"+name+"|"), s.cfg.Secret...))
	block := sha256.Sum256(append([]byte("sekali/sandi|"+name+"|"), s.cfg.Secret...))
	return securecookie.New(hash[:], block[:]).MaxAge(onceMaxAge).SetSerializer(securecookie.JSONEncoder{})
}

func (s *Server) onceCookie(name, path, value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: path, MaxAge: maxAge,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteStrictMode}
}

// putOnce hands v to the next GET under path, for the current user only.
func (s *Server) putOnce(c echo.Context, name, path string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("menyandikan nilai sekali tampil: %w", err)
	}
	value, err := s.onceCodec(name).Encode(name, onceEnvelope{Actor: currentUser(c).ID, Data: data})
	if err != nil {
		return fmt.Errorf("menyandikan nilai sekali tampil: %w", err)
	}
	c.SetCookie(s.onceCookie(name, path, value, onceMaxAge))
	return nil
}

// takeOnce reads the value putOnce left for this user into v and deletes it;
// false when there is none (any more). Pages that call it carry a secret and
// are marked no-store.
func (s *Server) takeOnce(c echo.Context, name, path string, v any) bool {
	c.Response().Header().Set("Cache-Control", "no-store")
	ck, err := c.Cookie(name)
	if err != nil {
		return false
	}
	c.SetCookie(s.onceCookie(name, path, "", -1))
	var env onceEnvelope
	if err := s.onceCodec(name).Decode(name, ck.Value, &env); err != nil || env.Actor != currentUser(c).ID {
		return false
	}
	return json.Unmarshal(env.Data, v) == nil
}

// confirmed says whether the "Saya yakin" box named field was ticked: actions
// that cannot be undone need it, checked on the server (no script needed).
func confirmed(c echo.Context, field string) bool { return c.FormValue(field) == "1" }
