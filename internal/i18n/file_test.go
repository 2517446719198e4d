package i18n

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestMessageFileKeysOnce: every Indonesian text is a key of the message file
// once. JSON keeps the last of repeated keys without a word, so a repeated key
// added later with another English would silently replace the first.
func TestMessageFileKeysOnce(t *testing.T) {
	b, err := os.ReadFile("../../web/" + MessageFile)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("the message file does not start an object: %v %v", tok, err)
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		key, _ := tok.(string)
		if seen[key] {
			t.Errorf("%q is a key twice", key)
		}
		seen[key] = true
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			t.Fatal(err)
		}
	}
	if len(seen) < 1000 {
		t.Fatalf("only %d keys read", len(seen))
	}
}
