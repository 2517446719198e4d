package store_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The store needs the certificate and compliance rules, never their
// renderers: linking the PDF, QR and spreadsheet libraries into every binary
// that opens a database is what issue 11 removed.
func TestStoreLinksNoRenderers(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	seen := map[string]bool{}
	for _, p := range deps {
		seen[p] = true
		for _, banned := range []string{"fpdf", "qrcode", "excelize"} {
			if strings.Contains(p, banned) {
				t.Errorf("internal/store links %s", p)
			}
		}
	}
	// The rules themselves stay linked; without them the list above proves nothing.
	for _, want := range []string{"github.com/bimtek/bimtek/internal/certify", "github.com/bimtek/bimtek/internal/compliance"} {
		if !seen[want] {
			t.Errorf("go list -deps has no %s (%d packages listed)", want, len(deps))
		}
	}
}
