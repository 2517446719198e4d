package web

import (
	"os"

	"github.com/bimtek/bimtek/internal/store/storetest"
)

func postgresEnv() string { return os.Getenv(storetest.PostgresEnv) }
