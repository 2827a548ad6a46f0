"""Staff screens of the member area in the Wagtail admin."""
