package haochaping

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestStoredReviewMirrorsReview keeps the storage encoding of a review field for field
// like Review: same names, tags and order, and the same types but the reviewer's, which
// is encoded in full. A field added to Review and forgotten here would not be stored.
func TestStoredReviewMirrorsReview(t *testing.T) {
	review, stored := reflect.TypeFor[Review](), reflect.TypeFor[storedReview]()
	if !assert.Equal(t, review.NumField(), stored.NumField()) {
		return
	}
	for i := range review.NumField() {
		r, s := review.Field(i), stored.Field(i)
		assert.Equal(t, r.Name, s.Name)
		assert.Equal(t, r.Tag, s.Tag, r.Name)
		if r.Type == reflect.TypeFor[Reviewer]() {
			assert.Equal(t, reflect.TypeFor[StoredReviewer](), s.Type, r.Name)
			continue
		}
		assert.Equal(t, r.Type, s.Type, r.Name)
	}
}
