package domain

import "testing"

func TestValidEmail(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"sari@dinkes.sukamajukab.go.id", true},
		{"budi.santoso@gmail.com", true},
		{"admin@sukamaju.test", true},
		{"sari@dinkes", false}, // no domain ending: the case
		{"sari@dinkes.", false},
		{"sari@.go.id", false},
		{"sari@dinkes.1", false},
		{"sari@dinkes.g", false},
		{"Sari <sari@dinkes.go.id>", false},
		{"bukan email", false},
		{"sari@-dinkes.go.id", false},
	} {
		if got := ValidEmail(tc.in); got != tc.want {
			t.Errorf("ValidEmail(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
