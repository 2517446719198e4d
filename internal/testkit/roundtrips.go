package testkit

import (
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/bimtek/bimtek/internal/store"
)

// RoundTrips counts the round trips between a process and PostgreSQL: each
// time a connection's client starts sending after the server last spoke (or
// first) is one, however the bytes are split into packets.
type RoundTrips struct{ n atomic.Int64 }

// Count is the round trips so far.
func (r *RoundTrips) Count() int64 { return r.n.Load() }

// CountingPostgres is Postgres through a proxy that counts round trips.
func CountingPostgres(t testing.TB) (*store.DB, *RoundTrips) {
	t.Helper()
	u, err := url.Parse(PostgresDBURL(t))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	rt := &RoundTrips{}
	target := u.Host
	var wg sync.WaitGroup
	var mu sync.Mutex
	var conns []net.Conn
	closed := false
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			mu.Lock()
			if closed {
				mu.Unlock()
				c.Close()
				s.Close()
				return
			}
			conns = append(conns, c, s)
			wg.Add(2)
			mu.Unlock()
			var serverSpoke atomic.Bool
			serverSpoke.Store(true)
			go func() { // client to server
				defer wg.Done()
				defer s.Close()
				buf := make([]byte, 32<<10)
				for {
					n, err := c.Read(buf)
					if n > 0 {
						if serverSpoke.Swap(false) {
							rt.n.Add(1)
						}
						if _, werr := s.Write(buf[:n]); werr != nil {
							return
						}
					}
					if err != nil {
						return
					}
				}
			}()
			go func() { // server to client
				defer wg.Done()
				defer c.Close()
				buf := make([]byte, 32<<10)
				for {
					n, err := s.Read(buf)
					if n > 0 {
						serverSpoke.Store(true)
						if _, werr := c.Write(buf[:n]); werr != nil {
							return
						}
					}
					if err != nil {
						return
					}
				}
			}()
		}
	}()
	// Registered before Open's: cleanups run last first, so the store closes before the proxy.
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		closed = true
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	u.Host = ln.Addr().String()
	return Open(t, store.Config{URL: u.String()}), rt
}
