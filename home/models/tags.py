"""The two shared vocabularies: topics a page is about and skills people learn or have.

Programmes tag the skills they teach with `Skill`; member profiles reuse the same
vocabulary so that "who has learnt campaigning" and "which programme teaches it"
are one question.

Each skill and topic is one row, one id, in every language: programmes, profiles,
mentoring, events and filters all point at it. Only its *name* is translated: every
skill and topic has a `SkillName` / `TopicName` in the default language (kept equal to
the tag's own name by `home.vocabulary`), which editors translate with wagtail-localize
like any snippet. The translated rows keep pointing at the same tag. Pages read the
names from the site frame (`home.vocabulary.term_name`), never one query per tag.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class VocabularyTerm(TagBase):
    """A tag whose name reads in the reader's language wherever it is shown as text."""

    class Meta:
        abstract = True

    def __str__(self):
        from home.vocabulary import term_name

        return str(term_name(self))


class Topic(VocabularyTerm):
    """A subject a programme, story or event is about, such as "Community organising"."""

    free_tagging = True

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]


class Skill(VocabularyTerm):
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


class TermName(TranslatableMixin, models.Model):
    """The name of one vocabulary entry in one language, translatable with
    wagtail-localize. The default-language row is written from the tag itself."""

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("The name as readers of this language know it."),
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def __str__(self):
        return self.name

    @property
    def tag(self):
        raise NotImplementedError

    def clean(self):
        super().clean()
        from home.localized import default_language

        tag = self.tag
        is_source = self.locale_id is None or self.locale.language_code == default_language()
        if tag is not None and is_source and self.name != tag.name:
            raise ValidationError(
                {
                    "name": _(
                        "In the default language the name follows the entry itself: rename "
                        "it under Skills or Topics instead."
                    )
                }
            )


class SkillName(TermName):
    """A skill's name (and explanation) in one language."""

    skill = models.ForeignKey(
        Skill, verbose_name=_("skill"), on_delete=models.CASCADE, related_name="names"
    )
    description = models.CharField(
        _("description"),
        max_length=255,
        blank=True,
        help_text=_("One sentence that explains the skill to a newcomer."),
    )

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("skill"),
    ]

    class Meta(TermName.Meta):
        verbose_name = _("skill name")
        verbose_name_plural = _("skill names")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["skill", "locale"], name="one_skill_name_per_locale")
        ]

    @property
    def tag(self):
        return self.skill if self.skill_id else None


class TopicName(TermName):
    """A topic's name in one language."""

    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="names"
    )

    translatable_fields = [TranslatableField("name"), SynchronizedField("topic")]

    class Meta(TermName.Meta):
        verbose_name = _("topic name")
        verbose_name_plural = _("topic names")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "locale"], name="one_topic_name_per_locale")
        ]

    @property
    def tag(self):
        return self.topic if self.topic_id else None
