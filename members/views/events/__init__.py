"""Events, one module per side: `listing` (the public pages under /<language>/events/:
list, month, archive, detail, .ics and feed), `replies` (a member's own replies and
personal feed under /members/events/) and `organising` (propose, edit, cancel, attendees).

A members-only event is answered with 404 for anyone who may not see it, so its
existence does not leak (`members.services.events.listing.viewable_event_or_404`).
"""
