"""The two shared vocabularies: topics a page is about and skills people learn or have.

Programmes tag the skills they teach with `Skill`; member profiles reuse the same
vocabulary so that "who has learnt campaigning" and "which programme teaches it"
are one question.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase


class Topic(TagBase):
    """A subject a programme, story or event is about, such as "Community organising"."""

    free_tagging = True

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]


class Skill(TagBase):
    """A skill in the shared vocabulary, such as "Campaigning" or "Public speaking".

    Editors and staff keep the list tidy; pages choose from it rather than typing
    new spellings of the same skill.
    """

    free_tagging = False
    description = models.CharField(
        _("description"),
        max_length=255,
        blank=True,
        help_text=_("One sentence that explains the skill to a newcomer."),
    )

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["name"]
