package grading

import "strings"

// emphaticIntensifiers are reduplicated intensifiers: in a writer's own
// sentence they grade whatever plain adjective follows ("benar-benar
// prima", "betul-betul siap"), not only the evaluative ones.
var emphaticIntensifiers = wordSet(`benar-benar betul-betul sungguh-sungguh`)

// notDegree are the words after an emphatic intensifier that grade no
// quality: negation, modals, auxiliaries and connectives ("benar-benar
// tidak dapat datang", "benar-benar akan", "benar-benar merupakan").
var notDegree = wordSet(`tidak tak belum bukan akan bisa dapat harus perlu wajib sudah telah sedang mau ingin
karena untuk agar supaya dan atau yang di ke dari pada dalam dengan oleh merupakan menjadi adalah ada punya memiliki
mempunyai hanya cuma sama seperti terjadi masih juga lagi pun`)

// emphaticDegree reports an emphatic intensifier w before a plain word
// next that it grades: a base without a verb or noun affix ("prima",
// "siap", "bersih"). Verbs (me-, di-, ber-, ter-) and nouns in -an are
// left to the evaluative list.
func emphaticDegree(w, next string) bool {
	if !emphaticIntensifiers[w] || len(next) < 3 || notDegree[next] || strings.ContainsAny(next, "0123456789-") {
		return false
	}
	for _, p := range []string{"me", "di", "ber", "ter", "pe", "ke"} {
		if strings.HasPrefix(next, p) && len(next) > len(p)+3 {
			return false
		}
	}
	return !strings.HasSuffix(next, "an") && !strings.HasSuffix(next, "kan")
}
