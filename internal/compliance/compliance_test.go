package compliance

import (
	"reflect"
	"testing"
	"time"
)

func TestEvaluateFollowsTheRule(t *testing.T) {
	cases := []struct {
		name    string
		c       Counts
		status  Status
		reasons []string
	}{
		{"nothing at all", Counts{}, NotYet, []string{ReasonNoAccount, ReasonNoAdmin, ReasonNoCertified}},
		{"only an account", Counts{Accounts: 2}, Partial, []string{ReasonNoAdmin, ReasonNoCertified}},
		{"only an admin", Counts{DesignatedAdmins: 1}, Partial, []string{ReasonNoAccount, ReasonNoCertified}},
		{"account and admin, no certificate", Counts{Accounts: 1, DesignatedAdmins: 3}, Partial, []string{ReasonNoCertified}},
		{"certified admin without account", Counts{DesignatedAdmins: 1, CertifiedAdmins: 1}, Partial, []string{ReasonNoAccount}},
		{"everything", Counts{Accounts: 1, DesignatedAdmins: 1, CertifiedAdmins: 1}, Complies, nil},
		{"more than enough", Counts{Accounts: 5, DesignatedAdmins: 4, CertifiedAdmins: 2}, Complies, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Evaluate(tc.c)
			if got.Status != tc.status || !reflect.DeepEqual(got.Reasons, tc.reasons) {
				t.Fatalf("Evaluate(%+v) = %v %q, want %v %q", tc.c, got.Status, got.Reasons, tc.status, tc.reasons)
			}
		})
	}
}

func TestStatusWordsAndOrder(t *testing.T) {
	want := map[Status]string{Complies: "Memenuhi", Partial: "Sebagian", NotYet: "Belum"}
	for s, label := range want {
		if s.Label() != label || !s.Valid() {
			t.Errorf("%q: label %q valid %v", s, s.Label(), s.Valid())
		}
	}
	if !(NotYet.Rank() < Partial.Rank() && Partial.Rank() < Complies.Rank()) {
		t.Error("ranks must put Belum first and Memenuhi last")
	}
	for in, want := range map[string]Status{" Memenuhi ": Complies, "SEBAGIAN": Partial, "belum": NotYet} {
		if got, ok := ParseStatus(in); !ok || got != want {
			t.Errorf("ParseStatus(%q) = %q %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "lulus", "memenuhi; DROP TABLE opds"} {
		if _, ok := ParseStatus(in); ok {
			t.Errorf("ParseStatus(%q) accepted", in)
		}
	}
}

func TestCertificateStateAndExpiry(t *testing.T) {
	now := time.Date(2026, 4, 16, 9, 0, 0, 0, time.UTC)
	revoked := now.Add(-time.Hour)
	cases := []struct {
		name       string
		until      time.Time
		revokedAt  *time.Time
		state      CertificateStatus
		valid      bool
		expiresSon bool
	}{
		{"a year left", now.AddDate(1, 0, 0), nil, CertValid, true, false},
		{"exactly 60 days left", now.Add(ExpiryWarning), nil, CertValid, true, true},
		{"60 days and a second left", now.Add(ExpiryWarning + time.Second), nil, CertValid, true, false},
		{"one minute left", now.Add(time.Minute), nil, CertValid, true, true},
		{"ends right now", now, nil, CertExpired, false, false},
		{"ended yesterday", now.AddDate(0, 0, -1), nil, CertExpired, false, false},
		{"revoked before its end", now.AddDate(0, 0, 10), &revoked, CertRevoked, false, false},
		{"revoked and expired", now.AddDate(0, 0, -10), &revoked, CertRevoked, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := CertificateState(tc.until, tc.revokedAt, now); got != tc.state {
				t.Errorf("state = %q, want %q", got, tc.state)
			}
			if got := CertificateValid(tc.until, tc.revokedAt, now); got != tc.valid {
				t.Errorf("valid = %v, want %v", got, tc.valid)
			}
			if got := ExpiresSoon(tc.until, tc.revokedAt, now); got != tc.expiresSon {
				t.Errorf("expires soon = %v, want %v", got, tc.expiresSon)
			}
		})
	}
	for s, label := range map[CertificateStatus]string{CertValid: "Berlaku", CertExpired: "Kedaluwarsa", CertRevoked: "Dicabut"} {
		if s.Label() != label {
			t.Errorf("%q label %q, want %q", s, s.Label(), label)
		}
	}
}

func TestZones(t *testing.T) {
	at := time.Date(2026, 4, 16, 2, 0, 0, 0, time.UTC)
	for tz, want := range map[string]string{"Asia/Jakarta": "09:00 WIB", "Asia/Makassar": "10:00 WITA", "Asia/Jayapura": "11:00 WIT", "": "09:00 WIB"} {
		if got := at.In(Zone(tz)).Format("15:04 MST"); got != want {
			t.Errorf("Zone(%q): %s, want %s", tz, got, want)
		}
	}
}
