package stepform

// The bounds of a schema stepform draws and of a form it reads.
const (
	// maxSchemaBytes bounds the schema's JSON.
	maxSchemaBytes = 256 << 10
	// maxDepth bounds the nesting: a field's name has at most this many parts, array
	// indexes included ("finding.causes.0.dimension" has 4).
	maxDepth = 4
	// maxFields bounds the fields of a form, those of the schema (one item of each array of
	// objects) and those Fields returns.
	maxFields = 200
	// maxItems bounds the items of an array of objects: indexes run from 0 to maxItems-1.
	maxItems = 100
	// maxValueBytes bounds one value of a form.
	maxValueBytes = 64 << 10
	// maxFormBytes bounds the values JSON reads, all together; caseflow.DecodeStep refuses
	// content of more than 1 MiB too.
	maxFormBytes = 1 << 20
	// maxCached bounds the parsed schemas kept.
	maxCached = 64
)
