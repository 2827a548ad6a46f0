"""Newsletter sign-up with double opt-in, unsubscribing, and sending in batches.

Sending is once per address: a NewsletterRecipient row (its unique constraint claims
the pair of newsletter and address) and the email are committed together, one address
at a time, so a run that is interrupted and started again, or a second send that staff
started at the same moment, skips everyone already claimed. A send from the admin
(`create_send`) runs as tasks: one that picks the audience when its time comes, then
one per batch of addresses (stories/tasks.py); the worker sends each email on its own
and retries one that fails (home/emails/). `manage.py send_newsletter` runs the same
batches in its own process.

One module per part: `subscribing`, `composing` (the email), `sending`; everything is
importable from here: `from stories.services import newsletter`.
"""

from stories.services.newsletter.composing import (  # noqa: F401
    Reader,
    newsletter_email,
    newsletter_message,
    render_newsletter,
    source_newsletter,
    subscriber_reader,
)
from stories.services.newsletter.sending import (  # noqa: F401
    BATCH_SIZE,
    MEMBER_READERS_HOOK,
    SEND_CANCELLED,
    SEND_SCHEDULED,
    SEND_STARTED,
    TEST_SENT,
    audience,
    cancel_send,
    create_send,
    member_readers_available,
    recipients_left,
    refresh_counts,
    send_batch,
    send_newsletter,
    send_test,
    start_send,
    subscribers_left,
)
from stories.services.newsletter.subscribing import (  # noqa: F401
    confirm,
    find,
    mark_bounced,
    request_subscription,
    unsubscribe,
    unsubscribe_headers,
    unsubscribe_url,
)

__all__ = [
    "BATCH_SIZE",
    "MEMBER_READERS_HOOK",
    "Reader",
    "SEND_CANCELLED",
    "SEND_SCHEDULED",
    "SEND_STARTED",
    "TEST_SENT",
    "audience",
    "cancel_send",
    "confirm",
    "create_send",
    "find",
    "mark_bounced",
    "member_readers_available",
    "newsletter_email",
    "newsletter_message",
    "recipients_left",
    "refresh_counts",
    "render_newsletter",
    "request_subscription",
    "send_batch",
    "send_newsletter",
    "send_test",
    "source_newsletter",
    "start_send",
    "subscriber_reader",
    "subscribers_left",
    "unsubscribe",
    "unsubscribe_headers",
    "unsubscribe_url",
]
