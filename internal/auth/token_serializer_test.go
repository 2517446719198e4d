package auth

import (
	"bytes"
	"encoding/gob"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gorilla/securecookie"
)

// TestTokenSerializerReadsWhatGobWrote: every string gob writes is read back
// the same without gob; what is not such a string goes to gob.
func TestTokenSerializerReadsWhatGobWrote(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 600; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		for _, s := range []string{string(b), strings.Repeat("x", n)} {
			enc, err := securecookie.GobEncoder{}.Serialize(s)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := gobString(enc)
			if !ok || got != s {
				t.Fatalf("length %d: read %q, %v", n, got, ok)
			}
			var viaGob string
			if err := gob.NewDecoder(bytes.NewReader(enc)).Decode(&viaGob); err != nil || viaGob != s {
				t.Fatalf("gob reads %q, %v", viaGob, err)
			}
			// Cut or grown, it is not a string gob wrote alone.
			for _, bad := range [][]byte{enc[:len(enc)-1], append(enc[:len(enc):len(enc)], 'x'), enc[1:]} {
				if _, ok := gobString(bad); ok {
					t.Fatalf("length %d: %x read as a string", n, bad)
				}
			}
		}
	}
	// A value of another type still goes through gob.
	enc, _ := securecookie.GobEncoder{}.Serialize(map[string]int{"a": 1})
	var m map[string]int
	if err := (tokenSerializer{}).Deserialize(enc, &m); err != nil || m["a"] != 1 {
		t.Fatalf("map: %v %v", m, err)
	}
}
