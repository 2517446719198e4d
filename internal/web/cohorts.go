package web

// cohortRoutes: cohort administration (admin) and attendance (facilitators).
func (s *Server) cohortRoutes() []route {
	return nil
}
