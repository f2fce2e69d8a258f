"""Training: courses, sessions, invitations, enrolment, attendance, check-in, hours and calendar."""
