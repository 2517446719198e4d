package store

// IsUniqueViolation exposes isUniqueViolation to the tests.
var IsUniqueViolation = isUniqueViolation
