package web

import (
	"os"

	"github.com/bimtek/bimtek/internal/testkit"
)

func postgresEnv() string { return os.Getenv(testkit.PostgresEnv) }
