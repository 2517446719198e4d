package devset

import (
	"errors"
	"testing"

	"github.com/bimtek/bimtek/internal/grading"
)

func TestGraderLeadIsTheReportsInLead(t *testing.T) {
	text := "\uFEFFDinas Sosial Sukamaju Salurkan Bantuan\r\n\r\nSUKAMAJU – Dinas Sosial Kabupaten Sukamaju menyalurkan 200 paket bantuan di Balai Desa Mekarsari, Senin (3/3/2025), untuk warga terdampak banjir.\r\n\r\nPenyaluran dilakukan secara langsung oleh petugas.\r\n"
	got, err := GraderLead(text)
	if err != nil {
		t.Fatal(err)
	}
	headline, body, err := grading.SplitRelease(text)
	if err != nil {
		t.Fatal(err)
	}
	rep := grading.Grade(grading.Input{Headline: headline, Body: body})
	for i, e := range Elements {
		if got[i] != rep.Elements[e].InLead {
			t.Errorf("%s: GraderLead %v, report in_lead %v", e, got[i], rep.Elements[e].InLead)
		}
	}
	if _, err := GraderLead("Judul saja\n\n"); !errors.Is(err, grading.ErrNoBody) {
		t.Errorf("headline only: err = %v, want ErrNoBody", err)
	}
}
