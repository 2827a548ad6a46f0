"""Participant stories, news and newsletters arrive with the stories issue."""
