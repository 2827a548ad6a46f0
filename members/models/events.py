"""Local events that staff and members organise, and members' replies to them.

An event is a plain Django model (not a page): it has an organiser, a state that staff
move from proposed to published, and replies with a capacity and a waitlist. The rules
for taking and giving up places live in `members.services.events.rsvp`.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase

from home.areas import AREA_CHOICES, area_label
from home.dates import validate_plausible_date
from home.models import Skill, Topic
from home.tokens import new_token


class EventFormat(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class EventAudience(models.TextChoices):
    PUBLIC = "public", _("Anyone")
    MEMBERS = "members", _("Approved members only")


class EventState(models.TextChoices):
    PROPOSED = "proposed", _("Proposed, waiting for staff")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Declined by staff")
    CANCELLED = "cancelled", _("Cancelled")


class EventTopic(ItemBase):
    """An event tagged with a topic from the shared vocabulary."""

    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="event_items")
    content_object = models.ForeignKey(
        "members.Event", on_delete=models.CASCADE, related_name="topic_items"
    )


class EventSkill(ItemBase):
    """An event tagged with a skill from the shared vocabulary."""

    tag = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="event_items")
    content_object = models.ForeignKey(
        "members.Event", on_delete=models.CASCADE, related_name="skill_items"
    )


def writer_language() -> str:
    """The language of the request an event is written in (the writer's), as one of
    the site's languages; the default language outside a request."""
    from home.localized import reader_language

    return reader_language()


class Event(models.Model):
    """A local or online gathering members can reply to; staff publish it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"), help_text=_("What happens, who it is for and what to bring.")
    )
    language = models.CharField(
        _("written in"),
        max_length=12,
        choices=settings.LANGUAGES,
        default=writer_language,
        help_text=_(
            "The language of the title and description, so that pages in other languages "
            "mark them for screen readers and right-to-left layout."
        ),
    )
    starts_at = models.DateTimeField(
        _("starts"), db_index=True, help_text=_("UK time."), validators=[validate_plausible_date]
    )
    ends_at = models.DateTimeField(
        _("ends"), help_text=_("UK time."), validators=[validate_plausible_date]
    )
    format = models.CharField(
        _("format"), max_length=12, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    venue = models.CharField(
        _("venue"),
        max_length=255,
        blank=True,
        help_text=_("Name and address of the place, for in-person and hybrid events."),
    )
    area = models.CharField(
        _("area"),
        max_length=40,
        choices=AREA_CHOICES,
        blank=True,
        db_index=True,
        help_text=_("Where it happens, from the same list as member profiles."),
    )
    joining_link = models.URLField(
        _("joining link"),
        blank=True,
        help_text=_("For online and hybrid events. Shown only to people with a place."),
    )
    topics = TaggableManager(through=EventTopic, blank=True, verbose_name=_("topics"))
    skills = TaggableManager(
        through=EventSkill, blank=True, verbose_name=_("skills"), related_name="events"
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events_organised",
        verbose_name=_("organiser"),
    )
    programme = models.ForeignKey(
        "programmes.ProgrammePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programme"),
        help_text=_("Optional: the programme this event belongs to."),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. When full, people join a waitlist."),
    )
    audience = models.CharField(
        _("who can see it"),
        max_length=10,
        choices=EventAudience.choices,
        default=EventAudience.MEMBERS,
    )
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=EventState.choices,
        default=EventState.PROPOSED,
        db_index=True,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    changes_to_announce = models.JSONField(
        _("changes to announce"),
        default=list,
        blank=True,
        editable=False,
        help_text=_(
            "What an organiser changed (time, place, joining link) while the event waits "
            "for review; the people who replied are told when staff publish it again."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["state", "audience", "starts_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The digest lists events published in the past week, whoever published them.
        if self.state == EventState.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_at"}
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("An event must end after it begins.")
        if self.format in (EventFormat.IN_PERSON, EventFormat.HYBRID):
            if not self.venue:
                errors["venue"] = _("Say where people meet.")
            if not self.area:
                errors["area"] = _("Choose the area, so that people nearby find it.")
        if self.format in (EventFormat.ONLINE, EventFormat.HYBRID) and not self.joining_link:
            errors["joining_link"] = _("Give the link people use to join.")
        if errors:
            raise ValidationError(errors)

    @property
    def area_label(self) -> str:
        return area_label(self.area)

    @property
    def reader_text(self) -> "EventText":
        """The title and description for the reader's language (see `text_in`)."""
        from home.localized import reader_language

        return self.text_in(reader_language())

    def text_in(self, language: str) -> "EventText":
        """The title and description in `language` where the organiser translated them,
        otherwise as written (with the language they are written in). Reads the
        `translations` an event list prefetched, so a list asks once, not per event."""
        if language != self.language:
            for translation in self.translations.all():
                if translation.language == language:
                    return EventText(translation.title, translation.description, language)
        return EventText(self.title, self.description, self.language)

    @property
    def is_online(self) -> bool:
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def is_members_only(self) -> bool:
        return self.audience == EventAudience.MEMBERS

    def is_past(self, now=None) -> bool:
        return self.ends_at <= (now or timezone.now())

    @property
    def accepts_replies(self) -> bool:
        return self.state == EventState.PUBLISHED and not self.is_past()


@dataclass(frozen=True)
class EventText:
    """An event's words in one language, and which language that is."""

    title: str
    description: str
    language: str


class EventTranslation(models.Model):
    """An organiser's translation of an event's title and description into another of
    the site's languages (one per language)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=12, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))

    class Meta:
        verbose_name = _("event translation")
        verbose_name_plural = _("event translations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "language"], name="one_event_translation_per_language"
            )
        ]

    def __str__(self):
        return f"{self.event_id} {self.language}"

    def clean(self):
        if self.event_id and self.language == self.event.language:
            raise ValidationError({"language": _("The event is already written in this language.")})


class ReplyStatus(models.TextChoices):
    # A guest's reply before they open the link in the confirmation email: it holds no
    # place and no waitlist position, and expires (members.services.events.guests).
    PENDING = "pending", _("Waiting for the guest to confirm")
    CONFIRMED = "confirmed", _("Place confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Gave up their place")


class EventReply(models.Model):
    """A reply to an event: a place, a waitlist position or a place given up. A member's
    reply has a user; a guest's (someone without an account, at a public event) has an
    `EventGuest` instead, with the little needed to email them."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="replies")
    # Empty for a place taken at an event already held by someone who has since deleted
    # their account: the place stays counted, tied to nobody.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="event_replies",
    )
    status = models.CharField(_("status"), max_length=10, choices=ReplyStatus.choices)
    show_name = models.BooleanField(
        _("show my name to other members"),
        default=False,
        help_text=_("Otherwise other members only see that one more person is coming."),
    )
    replied_at = models.DateTimeField(
        _("replied"), default=timezone.now, help_text=_("Orders the waitlist.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event reply")
        verbose_name_plural = _("event replies")
        ordering = ["replied_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="unique_event_reply")]

    def __str__(self):
        return f"{self.event_id} {self.status}"

    @property
    def guest_or_none(self):
        """The guest who made this reply, or None for a member's reply."""
        try:
            return self.guest
        except models.ObjectDoesNotExist:
            return None


class ReminderSent(models.Model):
    """Proof that the day-before reminder for a reply went out, so it goes out once."""

    reply = models.OneToOneField(EventReply, on_delete=models.CASCADE, related_name="reminder")
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"reminder {self.reply_id}"


class DigestSent(models.Model):
    """Proof that a member's weekly digest for an ISO week went out, so it goes out once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests_sent"
    )
    week = models.CharField(max_length=8, help_text=_("ISO year and week, such as 2026-W48."))
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "week"], name="unique_digest_per_week")
        ]

    def __str__(self):
        return f"digest {self.week}"


def new_calendar_token() -> str:
    return new_token(24)


class EventCalendar(models.Model):
    """A member's secret address for their personal event feed; resetting it gives a
    new address and the old one stops working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_calendar"
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return _("Event calendar")
