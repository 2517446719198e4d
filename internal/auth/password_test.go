package auth

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

func TestPasswordHashing(t *testing.T) {
	h, err := HashPassword("kata-sandi-panjang")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=32768,t=2,p=2$") {
		t.Fatalf("hash %q is not argon2id with our parameters", h)
	}
	if err := CheckPassword(h, "kata-sandi-panjang"); err != nil {
		t.Fatalf("right password refused: %v", err)
	}
	if err := CheckPassword(h, "kata-sandi-salah"); !errors.Is(err, ErrPasswordMismatch) {
		t.Fatalf("wrong password: %v", err)
	}
	h2, _ := HashPassword("kata-sandi-panjang")
	if h2 == h {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
	for _, bad := range []string{"", "!demo-tanpa-login", "$argon2id$v=19$m=x$a$b", "$bcrypt$..."} {
		if CheckPassword(bad, "apa saja") == nil {
			t.Errorf("malformed hash %q accepted a password", bad)
		}
	}
}

func TestValidateAndGeneratePassword(t *testing.T) {
	if err := ValidatePassword("pendek"); err == nil || !strings.Contains(err.Error(), "minimal 10") {
		t.Fatalf("short password: %v", err)
	}
	if err := ValidatePassword(strings.Repeat("a", 300)); err == nil {
		t.Fatal("a 300-byte password was accepted")
	}
	if err := ValidatePassword("sepuluh-karakter"); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i := 0; i < 50; i++ {
		p := GeneratePassword()
		if !regexp.MustCompile(`^[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}$`).MatchString(p) || ValidatePassword(p) != nil {
			t.Fatalf("generated password %q has the wrong form", p)
		}
		if seen[p] {
			t.Fatalf("generated password repeated: %q", p)
		}
		seen[p] = true
	}
}
