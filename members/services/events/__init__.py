"""Network events: listing, RSVP, moderation, calendars and the scheduled emails."""
