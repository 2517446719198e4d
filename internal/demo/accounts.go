package demo

import (
	"context"
	"fmt"
	"strings"

	"github.com/bimtek/bimtek/internal/compliance"
	"github.com/bimtek/bimtek/internal/domain"
	"github.com/bimtek/bimtek/internal/store"
)

// Demo OPDs without any official account: three that have no designated
// admin either (Belum), and one whose admin is certified (Sebagian for lack
// of an account), so the dashboard shows every status and every reason.
var withoutAccounts = map[string]bool{
	"Disnakertrans":  true,
	"DP2KBP3A":       true,
	"Kec. Mekarsari": true,
	"Dishub":         true,
}

// seedAccounts registers the official accounts of the demo OPDs: every one
// an Instagram account, and by turns Facebook, YouTube, X, TikTok and a
// website, except the few in withoutAccounts. Running it again adds nothing.
func seedAccounts(ctx context.Context, db *store.DB, region domain.Region) error {
	admin, err := db.UserByEmail(ctx, "admin@"+mailDomain)
	if err != nil {
		return err
	}
	for i, o := range opds {
		if withoutAccounts[o.short] {
			continue
		}
		row, err := db.EnsureOPD(ctx, region.ID, o.name, o.short, o.kind)
		if err != nil {
			return err
		}
		slug := strings.ToLower(strings.NewReplacer(" ", "", ".", "", "–", "").Replace(o.short))
		accounts := []compliance.AccountInput{{Platform: "instagram", Handle: "@" + slug + ".sukamaju", URL: "https://www.instagram.com/" + slug + ".sukamaju"}}
		if i%2 == 0 {
			accounts = append(accounts, compliance.AccountInput{Platform: "facebook", Handle: o.name + " Kabupaten Sukamaju", URL: "https://www.facebook.com/" + slug + ".sukamaju"})
		}
		if i%5 == 0 {
			accounts = append(accounts, compliance.AccountInput{Platform: "youtube", Handle: "@" + slug + "sukamaju", URL: "https://www.youtube.com/@" + slug + "sukamaju"})
		}
		if i%4 == 1 {
			accounts = append(accounts, compliance.AccountInput{Platform: "x", Handle: "@" + slug + "_skm", URL: "https://x.com/" + slug + "_skm"})
		}
		if i%7 == 3 {
			accounts = append(accounts, compliance.AccountInput{Platform: "tiktok", Handle: "@" + slug + ".sukamaju", URL: "https://www.tiktok.com/@" + slug + ".sukamaju"})
		}
		if o.kind == "dinas" || o.kind == "badan" || o.kind == "rsud" {
			accounts = append(accounts, compliance.AccountInput{Platform: "website", Handle: "Situs " + o.short, URL: "https://" + slug + ".sukamajukab.go.id"})
		}
		for _, a := range accounts {
			_, err := db.AddSocialAccount(ctx, admin.ID, region.ID, row.ID, a)
			if domain.ErrorCode(err) == domain.CodeConflict {
				continue // seeded on an earlier run
			}
			if err != nil {
				return fmt.Errorf("akun %s %s: %w", a.Platform, o.short, err)
			}
		}
	}
	return nil
}
