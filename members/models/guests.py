"""People without an account who reply to a public event (issue 19).

A guest reply is an ordinary `EventReply` (so capacity and the waitlist count it like
any other) with an `EventGuest` beside it holding only what is needed to email the
guest: a name, an address, the language they replied in and hashes of their link
tokens. It is deleted when the reply is: unconfirmed after a while, or some days after
the event (`manage.py purge_guest_replies`).
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from home.tokens import hash_token

from .events import EventReply

CANCEL_SALT = "members.guests.cancel"


class EventGuest(models.Model):
    """The guest behind a reply: only a hash of each link token is kept, so a copy of the
    database cannot confirm or cancel anyone's reply."""

    reply = models.OneToOneField(EventReply, on_delete=models.CASCADE, related_name="guest")
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email address"))
    language = models.CharField(_("language"), max_length=12, choices=settings.LANGUAGES)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    cancel_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("replied"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("guest reply")
        verbose_name_plural = _("guest replies")

    def __str__(self):
        return self.first_name

    @property
    def first_name(self) -> str:
        """What the organiser sees: the first word of the name the guest gave."""
        parts = self.name.split()
        return parts[0] if parts else ""

    def new_tokens(self) -> str:
        """A fresh confirmation token (returned once, stored hashed) and, derived from
        it, the cancel token every later email carries (see `cancel_token`)."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.cancel_hash = hash_token(self.cancel_token())
        return token

    def cancel_token(self) -> str:
        """The token of the cancel link: recomputed from the stored hash with the site's
        secret key, so that every email can carry it without the token being stored."""
        return salted_hmac(CANCEL_SALT, self.token_hash, algorithm="sha256").hexdigest()
