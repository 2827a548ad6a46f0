"""Staff screens for programmes in the Wagtail admin."""
