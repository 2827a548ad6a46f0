"""URL configurations of the programme staff screens in the Wagtail admin."""
