"""The one way the site sends an email: written in the base design (home/email_design.py),
rendered in the recipient's language, queued after the request commits, sent by the task
worker, retried, and recorded.

To send an email, write one template that extends "emails/base.html" and fills its
blocks `subject`, `content`, `why` (why the reader gets it) and `stop` (how to stop),
then:

    send_email(
        user.email,
        "members/emails/approved.html",
        {"profile": profile},
        language=recipient_language(user),   # or application.language, subscriber.language
        account=user,                         # deleted with the account
        attachments=[("event.ics", ics, "text/calendar")],   # optional
        headers={"List-Unsubscribe": "<…>"},                 # optional
        batch="digest:2026-W49",              # optional: once per recipient and batch
    )

The template sees `email` (the organisation's name, colour and logo from the site
settings, `language`, `direction`, `start` and `end` for the recipient), `site_name`
(the organisation's name in the recipient's language) and `base_url`. The text part is
made from the HTML, so write the words once. `{% include "emails/button.html" with
url=… label=… %}` is the design's button. `render_email()` (home/email_design.py) gives
the subject, text and HTML without queueing, for previews and tests; `send_rendered()`
queues one already rendered. Words written as plain text (allauth's) go through
`send_text_email()`, which sets them in the same design.

    queue_message(message, account=user)          # an EmailMessage built elsewhere

Each writes an `OutgoingEmail` row in the caller's transaction and queues the task that
sends it with `transaction.on_commit`: a request that is rolled back sends nothing; one
that commits always sends, however long the SMTP server is away. No request waits on
SMTP. The worker (`home.tasks.deliver_email`) tries up to len(RETRY_DELAYS) + 1 times,
waiting longer each time (over an hour and a half in all); a permanent refusal (an SMTP
5xx reply) fails at once, and one of the recipient's address suppresses it for
newsletters and digests (home/suppression.py). Failed emails appear in the admin's
"Failed emails" report, from which staff may send one again.

Batch commands pass `batch=`: one row per (batch, recipient) is allowed, so a second
run, a retry or a second worker never sends anyone the same batch twice.

An email queued for an account is deleted with the account; an email to the address of
an account deleted after it was queued is dropped at send time (`forget_address`).
"""

from home.emails.addresses import address_hash, forget_address
from home.emails.composing import (
    Attachment,
    email_in_language,
    send_email,
    send_rendered,
    send_text_email,
)
from home.emails.delivery import (
    MAX_ATTEMPTS,
    RETRY_DELAYS,
    PermanentFailure,
    build_message,
    deliver,
)
from home.emails.language import recipient_language
from home.emails.queueing import (
    QUEUEING_BACKEND,
    QueueingEmailBackend,
    delivery_backend,
    enqueue_delivery,
    in_design,
    queue_message,
    retry,
    serialise,
)

__all__ = [
    "Attachment",
    "recipient_language",
    "send_email",
    "send_text_email",
    "send_rendered",
    "email_in_language",
    "serialise",
    "queue_message",
    "QUEUEING_BACKEND",
    "QueueingEmailBackend",
    "in_design",
    "delivery_backend",
    "enqueue_delivery",
    "retry",
    "address_hash",
    "forget_address",
    "RETRY_DELAYS",
    "MAX_ATTEMPTS",
    "PermanentFailure",
    "build_message",
    "deliver",
]
