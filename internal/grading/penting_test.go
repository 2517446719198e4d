package grading

import "testing"

func TestPentingFullMarks(t *testing.T) {
	body := "SUKAMAJU – Dinas Kesehatan Kabupaten Sukamaju membuka layanan vaksinasi keliling di 12 kecamatan mulai Senin (9/3/2026).\n\n" +
		"Kepala Dinkes Sukamaju, dr. Rahmat Hidayat, mengatakan sebanyak 8.450 warga lansia belum menerima dosis lengkap.\n\n" +
		"Warga cukup membawa KTP. Jadwal dapat ditanyakan melalui layanan WhatsApp 0812-0000-1234."
	in, rep := check(goodHeadline, body)
	if got := score(rep, CritPenting); got != 100 {
		t.Errorf("penting = %d, want 100:\n%s", got, dump(rep, in))
	}
	for _, f := range find(rep, in, CritPenting, "") {
		t.Errorf("unexpected penting finding %+v", f)
	}
}

func TestPentingMissingPieces(t *testing.T) {
	body := "SUKAMAJU – Kegiatan sosialisasi digelar di balai desa, Rabu (11/3/2026).\n\nAcara ditutup dengan doa bersama."
	in, rep := check(goodHeadline, body)
	mustFindMsg(t, rep, in, CritPenting, SevPeringatan, "", "terdampak")
	mustFindMsg(t, rep, in, CritPenting, SevSaran, "", "apa yang dapat mereka lakukan")
	mustFindMsg(t, rep, in, CritPenting, SevSaran, "", "jabatannya")
	if got := score(rep, CritPenting); got != 0 {
		t.Errorf("penting = %d, want 0", got)
	}

	// People named without a number: a suggestion to count them.
	in, rep = check(goodHeadline, "SUKAMAJU – Bupati Dadang meminta warga menjaga kebersihan, Rabu (11/3/2026).")
	mustFindMsg(t, rep, in, CritPenting, SevSaran, "", "berapa banyak")
}

func TestPhoneAndWeb(t *testing.T) {
	toks := tokenize("Hubungi 0812-0000-1234 atau 021-5550123, bukan 2026 atau 8.450; situs dinkes.sukamajukab.go.id", 100)
	want := map[string][2]bool{
		"0812-0000-1234": {true, false}, "021-5550123": {true, false}, "2026": {false, false},
		"8.450": {false, false}, "dinkes.sukamajukab.go.id": {false, true},
	}
	seen := 0
	for _, tk := range toks {
		w, ok := want[tk.text]
		if !ok {
			continue
		}
		seen++
		if isPhone(tk) != w[0] || isWebAddress(tk) != w[1] {
			t.Errorf("%q: phone %v web %v, want %v", tk.text, isPhone(tk), isWebAddress(tk), w)
		}
	}
	if seen != len(want) {
		t.Errorf("tokenizer kept %d of %d tokens whole: %+v", seen, len(want), toks)
	}
}
