package web

import (
	"github.com/PuerkitoBio/goquery"
	"github.com/labstack/echo/v4"
)

type (
	echoContext      = echo.Context
	goquerySelection = goquery.Selection
)
