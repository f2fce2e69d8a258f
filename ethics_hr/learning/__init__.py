"""The question bank, attempts at its questions and what they show: quizzes, tests and their results."""
