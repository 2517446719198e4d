package grading

import "testing"

// An office in lower case right before a person's name takes capitals
// (EYD V); an office no name follows stays lower case and draws nothing.

var lowerOfficeMutations = []officeMutation{
	{name: "a whole office in lower case before the name", rule: "kapital-jabatan", sev: SevPeringatan, msg: "Kepala Dinas Kesehatan", edits: map[string][]edit{
		pImun: {{"Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rahmat Hidayat.", "kepala dinas kesehatan dr. Rahmat Hidayat.", "kepala dinas kesehatan"}},
	}},
	{name: "a team's chair in lower case before the name", rule: "kapital-jabatan", sev: SevPeringatan, msg: "Ketua Tim Siaga Bencana", edits: map[string][]edit{
		pBanjir: {{"ujar Dedi.", "ujar ketua tim siaga bencana Dedi Kurniawan.", "ketua tim siaga bencana"}},
	}},
	{name: "a deputy's office in lower case before the name", rule: "kapital-jabatan", sev: SevPeringatan, msg: "Wakil Bupati", edits: map[string][]edit{
		pAduan: {{"Dengan kanal ini, Pemkab Sukamaju", "Pada peluncuran itu hadir pula wakil bupati H. Rudi Hartono. Dengan kanal ini, Pemkab Sukamaju", "wakil bupati"}},
	}},
	{name: "a title in lower case before the name", rule: "kapital-jabatan", sev: SevPeringatan, msg: "Camat", edits: map[string][]edit{
		pKTP: {{"ujar Asep.", "ujar camat Asep Saepulloh.", "camat"}},
	}},
}

var lowerOfficeNearForms = map[string][]officeNearForm{
	pKTP: {
		{nil, []edit{{"Warga lanjut usia dan penyandang disabilitas", "Setiap kepala desa ikut mendata warga. Warga lanjut usia dan penyandang disabilitas", ""}}},
	},
	pBanjir: {
		{nil, []edit{{"BPBD berharap para peserta", "BPBD dan para kepala desa berharap para peserta", ""}}},
	},
	pImun: {
		{nil, []edit{{"Kader posyandu mendatangi rumah balita yang belum datang.", "Kader posyandu mendatangi rumah balita yang belum datang bersama kepala desa setempat.", ""}}},
	},
}

func TestLowerOfficeMutations(t *testing.T) { runOfficeMutations(t, lowerOfficeMutations) }

func TestLowerOfficeNearForms(t *testing.T) { runOfficeNearForms(t, lowerOfficeNearForms) }
