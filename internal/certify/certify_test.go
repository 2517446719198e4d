package certify

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestNewCodeIsWellFormedAndRandom(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 2000; i++ {
		c, err := NewCode()
		if err != nil {
			t.Fatal(err)
		}
		if len(c) != CodeLength {
			t.Fatalf("code %q has %d characters, want %d", c, len(c), CodeLength)
		}
		for _, r := range c {
			if !strings.ContainsRune(CodeAlphabet, r) {
				t.Fatalf("code %q has %q outside the alphabet", c, r)
			}
		}
		if got, err := ParseCode(c); err != nil || got != c {
			t.Fatalf("ParseCode(%q) = %q, %v", c, got, err)
		}
		if seen[c] {
			t.Fatalf("code %q came twice in %d draws", c, i)
		}
		seen[c] = true
	}
}

func TestAlphabetLeavesOutLookAlikes(t *testing.T) {
	for _, r := range "0O1IL" {
		if strings.ContainsRune(CodeAlphabet, r) {
			t.Errorf("alphabet contains %q", r)
		}
	}
	if len(CodeAlphabet) != 31 {
		t.Errorf("alphabet has %d characters; the check character needs the prime 31", len(CodeAlphabet))
	}
}

func TestParseCode(t *testing.T) {
	good, err := NewCode()
	if err != nil {
		t.Fatal(err)
	}
	lowerGrouped := strings.ToLower(FormatCode(good))
	// Change one character to another valid one: the check character must notice.
	tampered := []byte(good)
	tampered[3] = CodeAlphabet[(strings.IndexByte(CodeAlphabet, tampered[3])+5)%len(CodeAlphabet)]
	// A fixed code whose first two characters differ, so swapping them changes it.
	fixed := "23456789ABC"
	fixed += string(checkChar(fixed))
	swapped := []byte(fixed)
	swapped[0], swapped[1] = swapped[1], swapped[0]
	for _, tc := range []struct {
		name, in, want, errPart string
	}{
		{"as stored", good, good, ""},
		{"lower case with dashes", lowerGrouped, good, ""},
		{"spaces and a trailing newline", " " + good[:4] + " " + good[4:8] + " " + good[8:] + "\n", good, ""},
		{"empty", " - ", "", "kosong"},
		{"truncated", good[:9], "", "hanya 9 karakter"},
		{"too long", good + "A", "", "kode ini 13 karakter"},
		{"letter O and digit 1", "O1" + good[2:], "", "“O”, “1”"},
		{"lower-case l is also never used", "l" + good[1:], "", "“L”"},
		{"a control character", "\x00" + good[1:], "", "U+0000"},
		{"one character altered", string(tampered), "", "tidak cocok"},
		{"neighbours swapped", string(swapped), "", "tidak cocok"},
		{"very long", strings.Repeat("A", 500), "", "jauh lebih panjang"},
		{"invalid UTF-8", "\xff\xfe", "", "tidak dapat dibaca"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseCode(tc.in)
			if tc.errPart == "" {
				if err != nil || got != tc.want {
					t.Fatalf("ParseCode(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
				}
				return
			}
			var ce *CodeError
			if !errors.As(err, &ce) || !strings.Contains(ce.Message, tc.errPart) {
				t.Fatalf("ParseCode(%q) error = %v; want a CodeError containing %q", tc.in, err, tc.errPart)
			}
		})
	}
}

func TestCheckCharacterCatchesEverySingleSubstitution(t *testing.T) {
	code := "23456789ABC"
	code += string(checkChar(code))
	for i := 0; i < CodeLength-1; i++ {
		for _, r := range CodeAlphabet {
			if byte(r) == code[i] {
				continue
			}
			b := []byte(code)
			b[i] = byte(r)
			if _, err := ParseCode(string(b)); err == nil {
				t.Fatalf("%s (position %d changed) passed the check", b, i)
			}
		}
	}
}

func TestFormatCodeAndNumber(t *testing.T) {
	if got := FormatCode("ABCDEFGHJKMN"); got != "ABCD-EFGH-JKMN" {
		t.Errorf("FormatCode = %q", got)
	}
	if got := Number(2026, "skm", 123); got != "BMT/2026/SKM/000123" {
		t.Errorf("Number = %q", got)
	}
}

func TestStatusAt(t *testing.T) {
	until := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	revoked := until.Add(-48 * time.Hour)
	for _, tc := range []struct {
		name    string
		now     time.Time
		revoked *time.Time
		want    Status
		label   string
	}{
		{"before expiry", until.Add(-time.Second), nil, Valid, "Berlaku"},
		{"at the moment of expiry", until, nil, Expired, "Kedaluwarsa"},
		{"after expiry", until.AddDate(1, 0, 0), nil, Expired, "Kedaluwarsa"},
		{"revoked while valid", until.Add(-time.Hour), &revoked, Revoked, "Dicabut"},
		{"revoked and expired", until.AddDate(0, 1, 0), &revoked, Revoked, "Dicabut"},
	} {
		got := StatusAt(until, tc.revoked, tc.now)
		if got != tc.want || got.Label() != tc.label {
			t.Errorf("%s: %s (%s), want %s (%s)", tc.name, got, got.Label(), tc.want, tc.label)
		}
	}
}

func TestExpiresSoon(t *testing.T) {
	now := time.Date(2026, 4, 16, 3, 0, 0, 0, time.UTC)
	revoked := now
	for _, tc := range []struct {
		until   time.Time
		revoked *time.Time
		want    bool
	}{
		{now.Add(ReminderWindow), nil, true},
		{now.Add(ReminderWindow + time.Minute), nil, false},
		{now.Add(24 * time.Hour), nil, true},
		{now.Add(-time.Hour), nil, false}, // already expired
		{now.Add(24 * time.Hour), &revoked, false},
	} {
		if got := ExpiresSoon(tc.until, tc.revoked, now); got != tc.want {
			t.Errorf("ExpiresSoon(until %v, revoked %v) = %v, want %v", tc.until, tc.revoked != nil, got, tc.want)
		}
	}
}

func TestValidUntil(t *testing.T) {
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, WIB) }
	for _, tc := range []struct {
		issued time.Time
		months int
		want   time.Time
	}{
		{at(2026, 4, 16, 10), 24, at(2028, 4, 16, 10)},
		{at(2026, 1, 31, 9), 1, at(2026, 2, 28, 9)},
		{at(2027, 12, 31, 9), 2, at(2028, 2, 29, 9)}, // leap year
		{at(2026, 11, 30, 9), 3, at(2027, 2, 28, 9)},
		// 23.00 UTC on 31 March is already 1 April in WIB: the region's calendar counts.
		{time.Date(2026, 3, 31, 23, 0, 0, 0, time.UTC), 1, time.Date(2026, 4, 30, 23, 0, 0, 0, time.UTC)},
	} {
		got, err := ValidUntil(tc.issued, tc.months, WIB)
		if err != nil || !got.Equal(tc.want) || got.Location() != time.UTC {
			t.Errorf("ValidUntil(%v, %d) = %v, %v; want %v in UTC", tc.issued, tc.months, got, err, tc.want.UTC())
		}
	}
	for _, m := range []int{0, -1, 121} {
		if _, err := ValidUntil(at(2026, 1, 1, 0), m, WIB); !errors.Is(err, ErrValidity) {
			t.Errorf("ValidUntil with %d months: %v", m, err)
		}
	}
}

func TestZoneAndDate(t *testing.T) {
	moment := time.Date(2026, 3, 31, 16, 30, 0, 0, time.UTC)
	for _, tc := range []struct{ zone, want string }{
		{"Asia/Jakarta", "31 Maret 2026"},
		{"Asia/Makassar", "1 April 2026"},
		{"Asia/Jayapura", "1 April 2026"},
		{"", "31 Maret 2026"},
	} {
		if got := Date(moment, Zone(tc.zone)); got != tc.want {
			t.Errorf("Date in %q = %q, want %q", tc.zone, got, tc.want)
		}
	}
}

func TestVerifyURL(t *testing.T) {
	if got := VerifyURL("https://bimtek.sukamajukab.go.id/", "ABCDEFGHJKMN"); got != "https://bimtek.sukamajukab.go.id/verifikasi/ABCDEFGHJKMN" {
		t.Errorf("VerifyURL = %q", got)
	}
}

func TestParseNIP(t *testing.T) {
	for _, ok := range []string{"197008171995031002", "19700817 199503 1 002", " 19851231\u00a0201001 2 999 "} {
		if _, err := ParseNIP(ok); err != nil {
			t.Errorf("ParseNIP(%q): %v", ok, err)
		}
	}
	if got, _ := ParseNIP("19700817 199503 1 002"); got != "197008171995031002" || FormatNIP(got) != "19700817 199503 1 002" {
		t.Errorf("ParseNIP/FormatNIP: %q, %q", got, FormatNIP(got))
	}
	for raw, want := range map[string]string{
		"":                        "18 angka; yang tertulis 0",
		"19700817 199503 1 00":    "18 angka; yang tertulis 17",
		"1970081719950310021":     "yang tertulis 19",
		"19700817-199503-1-002":   "“-” bukan angka",
		"NIP 197008171995031002":  "“N” bukan angka",
		"19700230 199503 1 002":   "19700230 bukan tanggal",
		"18991231 199503 1 002":   "18991231 bukan tanggal",
		"19700817 199513 1 002":   "199513 bukan bulan",
		"19700817 196901 1 002":   "harus sesudah tanggal lahir",
		"19700817 199503 3 002":   "1 atau 2; yang tertulis 3",
		"19700817 199503 1 000":   "tidak boleh 000",
		"19700817 199503 1 002 ١": "“١” bukan angka",
	} {
		if _, err := ParseNIP(raw); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseNIP(%q) = %v, want an error with %q", raw, err, want)
		}
	}
}
