"""Newsletter subscribers (double opt-in) and a record of every newsletter sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The migrations name the default as stories.models.newsletter.new_token.
from home.tokens import new_token


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
    BOUNCED = "bounced", _("Bounced: the address refuses email")


class Subscriber(models.Model):
    """Someone who asked for the newsletter; only confirmed addresses receive it."""

    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    consented_at = models.DateTimeField(_("consent given at"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["email"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)


class NewsletterAudience(models.TextChoices):
    ALL = "all", _("All confirmed subscribers")
    LANGUAGE = "language", _("Confirmed subscribers of one language")


class SendState(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    DONE = "done", _("Queued for everyone")
    CANCELLED = "cancelled", _("Cancelled")


class NewsletterSend(models.Model):
    """One press of "send" in the admin (or one run of `manage.py send_newsletter`):
    to whom, when, and how far it has gone. Two sends of one newsletter never reach one
    address twice: each address is claimed once per newsletter (NewsletterRecipient)."""

    newsletter = models.ForeignKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="newsletter_sends"
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=NewsletterAudience.choices, default="all"
    )
    language = models.CharField(
        _("language of the audience"), max_length=10, choices=settings.LANGUAGES, blank=True
    )
    include_members = models.BooleanField(
        _("also approved members who asked for the newsletter"), default=False
    )
    scheduled_at = models.DateTimeField(_("send at"))
    state = models.CharField(
        _("state"), max_length=20, choices=SendState.choices, default=SendState.SCHEDULED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    queued = models.PositiveIntegerField(_("queued"), default=0)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    bounced = models.PositiveIntegerField(_("bounced"), default=0)
    skipped = models.PositiveIntegerField(_("skipped: address suppressed"), default=0)
    batches_left = models.IntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("newsletter send")
        verbose_name_plural = _("newsletter sends")
        ordering = ["-scheduled_at", "-pk"]
        permissions = [("send_newsletter", _("Can send newsletters"))]

    def __str__(self):
        return f"{self.newsletter_id} @ {self.scheduled_at:%Y-%m-%d %H:%M}"


class NewsletterRecipient(models.Model):
    """One newsletter to one address. The unique pair is what makes a second send to
    that address impossible, whichever send, worker or member of staff claims it."""

    newsletter = models.ForeignKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="newsletter_recipients"
    )
    send = models.ForeignKey(
        NewsletterSend, on_delete=models.CASCADE, null=True, blank=True, related_name="recipients"
    )
    email = models.EmailField(_("email address"))
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsletter_recipients",
    )
    outgoing = models.ForeignKey(
        "home.OutgoingEmail", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    claimed_at = models.DateTimeField(_("claimed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("newsletter recipient")
        verbose_name_plural = _("newsletter recipients")
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "email"], name="one_newsletter_per_address"
            )
        ]

    def __str__(self):
        return f"{self.newsletter_id} → {self.email}"
