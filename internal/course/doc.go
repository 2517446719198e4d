// Package course reads the course content files (courses/<course>/course.yaml,
// NN-slug module directories with module.yaml, Markdown lessons, quizzes and
// practice releases), checks them against the format contract in
// courses/README.md and renders lesson Markdown to sanitised HTML.
//
// The package is pure: it reads from an fs.FS (a directory or the embedded
// copy) and knows nothing of the database or HTTP. Load returns a Catalog and
// every Problem found, each with file, line and an Indonesian message, so one
// run of "bimtek courses check" shows authors all they must fix.
//
// Ids are the stable keys for progress: an item keeps its id when its file is
// renamed or edited, and Item.Hash (sha256 of the file) tells versions apart.
package course
