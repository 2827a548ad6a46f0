"""A member's answer to "would you like the newsletter?", kept apart from the profile
because it is about email, not about what other members see.

Off until the member says yes. Staff's newsletter sends (stories/) reach members who
said yes through the `newsletter_member_readers` hook (members/wagtail_hooks.py); the
token is the member's own one-click "stop" link in each newsletter's footer, which
works without signing in, as a subscriber's unsubscribe link does.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.tokens import new_token


class NewsletterChoice(models.Model):
    """Whether a member wants the newsletter, and in which language."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsletter_choice"
    )
    wanted = models.BooleanField(
        _("send me the newsletter"),
        default=False,
        help_text=_("Stories and news from members and programmes, by email."),
    )
    language = models.CharField(
        _("newsletter language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    # The one-click stop link in the newsletter's footer. It can only turn the
    # newsletter off, so it is stored as it is sent (like a subscriber's token).
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("newsletter choice")
        verbose_name_plural = _("newsletter choices")

    def __str__(self):
        return f"{self.user_id}: {'yes' if self.wanted else 'no'} ({self.language})"
