package main

func runCoursesCmd(e env) int { return runCourses(e.args, e.stdout, e.stderr) }
