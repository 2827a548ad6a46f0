"""Mentoring: offers, wishes, requests, pairs and what they count for impact."""
