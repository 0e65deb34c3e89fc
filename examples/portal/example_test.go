package main

import "fmt"

// The rating system signs a push: HMAC-SHA-256 under the shared secret over the timestamp
// (Unix seconds), a dot and the body, sent in X-Haochaping-Timestamp and
// X-Haochaping-Signature.
func ExampleSign() {
	body := []byte(`{"projectNo":"450224-2026-000123","assessNumber":1,"pf":"4","satisfaction":"2","assessTime":"2026-11-20 09:15:00"}`)
	fmt.Println(headerTimestamp+":", 1795655700)
	fmt.Println(headerSignature+":", Sign([]byte("the county's shared secret"), 1795655700, body))
	// Output:
	// X-Haochaping-Timestamp: 1795655700
	// X-Haochaping-Signature: sha256=2b2f4ef5d026bcc7a7fabea0c86f4376a1d58ba488930385de38c65ce7154870
}
