package store

import "github.com/bimtek/bimtek/internal/domain"

var errNotFound = domain.ErrNotFound
