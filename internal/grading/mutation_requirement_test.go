package grading

import "testing"

// A requirement of the sheet's service written with another item, and the
// correct ways to write the sheet's items that must stay silent.

var requirementMutations = []officeMutation{
	{name: "another document to bring", rule: "syarat-bertentangan", sev: SevKesalahan, msg: "kartu keluarga asli atau fotokopinya", edits: map[string][]edit{
		pKTP: {{"Warga cukup membawa kartu keluarga (KK) asli atau fotokopinya", "Warga wajib membawa akta kelahiran asli atau fotokopinya", "akta kelahiran"}},
	}},
	{name: "another document to bring, short", rule: "syarat-bertentangan", sev: SevKesalahan, msg: "kartu keluarga asli atau fotokopinya", edits: map[string][]edit{
		pKTP: {{"Warga cukup membawa kartu keluarga (KK) asli atau fotokopinya", "Warga cukup membawa KTP lama", "KTP lama"}},
	}},
	{name: "another certificate to bring", rule: "syarat-bertentangan", sev: SevKesalahan, msg: "buku KIA atau kartu imunisasi anak", edits: map[string][]edit{
		pImun: {{"Orang tua cukup membawa buku KIA atau kartu imunisasi anak.", "Orang tua cukup membawa akta kelahiran anak.", "akta kelahiran anak"}},
	}},
	{name: "another card to bring", rule: "syarat-bertentangan", sev: SevKesalahan, msg: "buku KIA atau kartu imunisasi anak", edits: map[string][]edit{
		pImun: {{"Orang tua cukup membawa buku KIA atau kartu imunisasi anak.", "Orang tua wajib membawa kartu identitas anak.", "kartu identitas anak"}},
	}},
	{name: "another item in the message", rule: "syarat-bertentangan", sev: SevKesalahan, msg: "isi aduan, lokasi, dan foto bila ada", edits: map[string][]edit{
		pAduan: {{"berisi isi aduan, lokasi, dan foto bila ada", "berisi nama lengkap, lokasi, dan foto bila ada", "nama lengkap"}},
	}},
	{name: "a document asked besides the sheet's", rule: "syarat-bertentangan", sev: SevPeringatan, msg: "Syarat tambahan", edits: map[string][]edit{
		pKTP:  {{"Warga cukup membawa kartu keluarga (KK) asli atau fotokopinya", "Warga cukup membawa kartu keluarga (KK) dan akta kelahiran asli", "akta kelahiran asli"}},
		pImun: {{"Orang tua cukup membawa buku KIA atau kartu imunisasi anak.", "Orang tua cukup membawa buku KIA dan surat pengantar RT.", "surat pengantar RT"}},
	}},
}

var requirementNearForms = map[string][]officeNearForm{
	pKTP: {
		{nil, []edit{{"Warga cukup membawa kartu keluarga (KK) asli atau fotokopinya", "Warga cukup membawa KK asli atau fotokopinya", ""}}},
		{nil, []edit{{"Warga cukup membawa kartu keluarga (KK) asli atau fotokopinya", "Warga hanya perlu membawa kartu keluarga asli atau salinannya", ""}}},
		{nil, []edit{{"Warga cukup membawa kartu keluarga (KK) asli atau fotokopinya", "Warga cukup membawa fotokopi KK", ""}}},
	},
	pImun: {
		{nil, []edit{{"Orang tua cukup membawa buku KIA atau kartu imunisasi anak.", "Orang tua cukup membawa buku kesehatan ibu dan anak (KIA) atau kartu imunisasi anak.", ""}}},
		{nil, []edit{{"Orang tua cukup membawa buku KIA atau kartu imunisasi anak.", "Orang tua cukup membawa buku kesehatan ibu dan anak atau kartu imunisasi.", ""}}},
		{nil, []edit{{"Orang tua cukup membawa buku KIA atau kartu imunisasi anak.", "Orang tua cukup membawa anaknya dan buku KIA.", ""}}},
		// Bringing the child is no requirement of the service.
		{nil, []edit{{"Orang tua cukup membawa buku KIA atau kartu imunisasi anak.", "Orang tua cukup membawa buku KIA. Orang tua yang ragu diminta membawa anaknya ke posyandu terdekat.", ""}}},
	},
	pAduan: {
		{nil, []edit{{"berisi isi aduan, lokasi, dan foto bila ada", "berisi isi aduan, alamat lokasi, dan foto bila ada", ""}}},
	},
}

func TestRequirementMutations(t *testing.T) { runOfficeMutations(t, requirementMutations) }

func TestRequirementNearForms(t *testing.T) { runOfficeNearForms(t, requirementNearForms) }
