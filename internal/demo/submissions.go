package demo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bimtek/bimtek/internal/course"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/grading"
	"github.com/bimtek/bimtek/internal/store"
)

// demoPractice is the practice item the demo trainees have written for.
const demoPractice = "rilis-jemput-bola-ktp-el"

// Three releases of different quality, written for the KTP-el brief, so the
// facilitator's queue and the reports have something real to show.
var demoReleases = []struct{ headline, body string }{
	{
		"Disdukcapil Sukamaju Jemput Bola Perekaman KTP-el di Cikadu",
		`SUKAMAJU – Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) Kabupaten Sukamaju membuka layanan jemput bola perekaman KTP-el di Aula Kantor Kecamatan Cikadu, Kamis (16/4/2026), agar 1.240 warga yang belum merekam data tidak perlu menempuh 42 kilometer ke kantor dinas.

Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati, mengatakan petugas membawa tiga perangkat perekaman keliling dengan target 400 perekaman dalam sehari.

"Jarak masih menjadi alasan utama warga Cikadu belum merekam KTP-el. Karena itu, kami yang datang ke kecamatan, lengkap dengan alat dan petugasnya," kata Rina.

Layanan dibuka pukul 08.00–15.00 WIB tanpa dipungut biaya. Warga cukup membawa kartu keluarga (KK) asli atau fotokopinya dan mengambil nomor antrean di lokasi. Dari 1.240 warga yang belum merekam data, 318 di antaranya pelajar berusia 17 tahun.

Camat Cikadu, Asep Saepulloh, menjelaskan warga lanjut usia dan penyandang disabilitas yang tidak dapat datang didata oleh perangkat desa untuk dilayani di rumah.

"Kepala desa sudah mengumumkan jadwal ini di masjid dan grup WhatsApp warga. Warga lansia yang tidak bisa datang cukup melapor ke kantor desa, nanti petugas yang mendatangi rumahnya," ujar Asep.

KTP-el yang sudah dicetak dapat diambil di Kantor Kecamatan Cikadu.`,
	},
	{
		"KEGIATAN PEREKAMAN KTP-EL DI KECAMATAN CIKADU!!!",
		`Dalam rangka meningkatkan pelayanan administrasi kependudukan kepada masyarakat, bertempat di Aula Kantor Kecamatan Cikadu, pada hari Kamis tanggal 16 April 2026 telah dilaksanakan kegiatan perekaman KTP-el yang diselenggarakan oleh Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sukamaju dengan membawa tiga perangkat perekaman keliling.

Kegiatan berlangsung sangat meriah dan luar biasa. Sebanyak 1.420 warga yang belum merekam data di himbau untuk datang.

Kepala Disdukcapil, Rina Marlinawati menyampaikan terima kasih kepada seluruh pihak. Silahkan warga membawa KK.`,
	},
	{
		"Warga Cikadu Kini Bisa Rekam KTP-el di Kantor Kecamatan",
		`SUKAMAJU – Warga Kecamatan Cikadu dapat merekam KTP-el di Aula Kantor Kecamatan Cikadu tanpa harus ke kantor Disdukcapil, Kamis (16/4/2026).

Disdukcapil Kabupaten Sukamaju membawa tiga perangkat perekaman keliling. Layanan dibuka pukul 08.00–15.00 WIB dan gratis. Warga membawa kartu keluarga.

"Jarak masih menjadi alasan utama warga Cikadu belum merekam KTP-el," kata Kepala Disdukcapil Kabupaten Sukamaju, Rina Marlinawati.`,
	},
}

// seedSubmissions has several enrolled trainees send the first practice
// release: some wait in the facilitator's queue, one was returned and revised,
// one was approved.
func seedSubmissions(ctx context.Context, db *store.DB, cat *course.Catalog, region domain.Region) error {
	if cat == nil || cat.Course(CourseID) == nil {
		return nil
	}
	item := cat.Course(CourseID).Item(demoPractice)
	if item == nil || item.Practice == nil {
		return nil
	}
	cohort, err := db.CohortByName(ctx, region.ID, "Angkatan I 2026")
	if err != nil {
		if errors.Is(err, domain.ErrNotFound) {
			return nil
		}
		return err
	}
	members, err := db.CohortMembers(ctx, cohort.ID, 12)
	if err != nil {
		return err
	}
	fac, err := db.UserByEmail(ctx, "fasilitator@"+mailDomain)
	if err != nil {
		return err
	}
	brief := item.Practice.Brief
	eventDay, _ := time.ParseInLocation("2006-01-02", brief.Kapan, time.FixedZone("WIB", 7*3600))
	writtenAt := eventDay.Add(17 * time.Hour)
	for i, m := range members {
		if m.Email == "peserta@"+mailDomain || i >= 7 {
			continue // the demo trainee writes their own
		}
		sub, err := db.EnsureSubmission(ctx, m.EnrollmentID, m.UserID, CourseID, demoPractice)
		if err != nil {
			return err
		}
		if sub.Versions > 0 {
			continue // seeded before
		}
		rel := demoReleases[i%len(demoReleases)]
		v, err := submitDemo(ctx, db, sub, item, rel.headline, rel.body, writtenAt, fmt.Sprintf("demo-%d-1", m.EnrollmentID), fac.ID)
		if err != nil {
			return err
		}
		switch i % 4 {
		case 1: // returned with a comment, then revised
			sub, _ = db.Submission(ctx, sub.ID)
			if err := decideDemo(ctx, db, sub, v, fac.ID, domain.DecisionReturn, item,
				"Teras berita masih dibuka dengan upacara dan angka warga tidak sesuai lembar fakta (1.240, bukan 1.420). Perbaiki, lalu kirim lagi."); err != nil {
				return err
			}
			sub, _ = db.Submission(ctx, sub.ID)
			fixed := demoReleases[0]
			if _, err := submitDemo(ctx, db, sub, item, fixed.headline, fixed.body, writtenAt, fmt.Sprintf("demo-%d-2", m.EnrollmentID), fac.ID); err != nil {
				return err
			}
		case 2: // approved
			sub, _ = db.Submission(ctx, sub.ID)
			if err := decideDemo(ctx, db, sub, v, fac.ID, domain.DecisionApprove, item, "Rilis lengkap dan rapi. Pertahankan."); err != nil {
				return err
			}
		}
	}
	return nil
}

func submitDemo(ctx context.Context, db *store.DB, sub domain.Submission, item *course.Item, headline, body string, at time.Time, key string, facID int64) (domain.SubmissionVersion, error) {
	rep := grading.Grade(grading.Input{Headline: headline, Body: body, Brief: item.Practice.Brief, Now: at, Weights: item.Practice.Rubric})
	js, err := json.Marshal(rep)
	if err != nil {
		return domain.SubmissionVersion{}, err
	}
	v, _, err := db.Submit(ctx, domain.SubmitInput{SubmissionID: sub.ID, LockVersion: sub.LockVersion, SubmitKey: key, Headline: headline, Body: body,
		ReportJSON: string(js), GraderVersion: rep.GraderVersion, AutoScore: rep.Score, MaxAttempts: item.Practice.MaxAttempts, ItemHash: item.Hash,
		Notify: []int64{facID}})
	return v, err
}

func decideDemo(ctx context.Context, db *store.DB, sub domain.Submission, v domain.SubmissionVersion, facID int64, decision domain.Decision, item *course.Item, comment string) error {
	var rep grading.Report
	if err := json.Unmarshal([]byte(v.ReportJSON), &rep); err != nil {
		return err
	}
	var scores []domain.ReviewScore
	for _, c := range rep.Criteria {
		scores = append(scores, domain.ReviewScore{Criterion: c.ID, AutoScore: c.Score, FinalScore: c.Score})
	}
	if strings.Contains(comment, "1.420") {
		for i := range scores {
			if scores[i].Criterion == grading.CritFaktual && scores[i].AutoScore > 40 {
				scores[i].FinalScore, scores[i].Reason = scores[i].AutoScore-20, "Jumlah warga ditulis 1.420, padahal lembar fakta menyebut 1.240."
			}
		}
	}
	final := v.AutoScore
	if final > 5 && decision == domain.DecisionReturn {
		final -= 5
	}
	_, err := db.Decide(ctx, domain.DecideInput{SubmissionID: sub.ID, VersionID: v.ID, LockVersion: sub.LockVersion, ReviewerID: facID,
		Decision: decision, General: comment, FinalScore: final, Scores: scores})
	return err
}
