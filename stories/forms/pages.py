"""Forms for stories: the editor's page form and the readers' filters."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from home import vocabulary
from home.i18n import localize_pages, page_language
from home.localized import LocalizedText
from home.models import Topic
from home.widgets import LanguageMarkedSelect
from stories.models.consent import consent_problem


class StoryPageForm(WagtailAdminPageForm):
    """Stops an editor submitting or publishing a story whose consent is missing.

    The model refuses to go live without consent anyway; checking here puts the
    message beside the consent field instead of failing later at approval.
    """

    def clean(self):
        cleaned_data = super().clean()
        # A live story's drafts are checked too: its consent must stay valid.
        going_live = self.instance.live or any(
            self.data.get(action) for action in ("action-publish", "action-submit")
        )
        if not going_live:
            return cleaned_data
        problem = consent_problem(
            needs_consent=cleaned_data.get("kind") == "story",
            scope=cleaned_data.get("consent_scope", ""),
            given_on=cleaned_data.get("consent_given_on"),
            withdrawn_on=self.instance.consent_withdrawn_in_any_language(),
            shows_participant=cleaned_data.get("lead_image_shows_participant"),
        )
        if problem:
            self.add_error("consent_scope", problem)
        return cleaned_data


class StoryIndexFilterForm(forms.Form):
    """Filters for the story list; submitted with GET so it works without JavaScript."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False, widget=LanguageMarkedSelect)
    programme = forms.TypedChoiceField(
        label=_("Programme"), required=False, coerce=int, widget=LanguageMarkedSelect
    )

    def __init__(self, *args, stories, **kwargs):
        from stories.models import StoryKind, StoryProgramme

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any"))] + StoryKind.choices
        topics = Topic.objects.filter(story_items__content_object__in=stories).distinct()
        # Named in the reader's language (home.vocabulary), values stay the shared slugs.
        self.fields["topic"].choices = [("", _("Any"))] + vocabulary.choices(topics)
        programmes = list(
            Page.objects.live().filter(
                pk__in=StoryProgramme.objects.filter(page__in=stories).values("programme_id")
            )
        )
        # The value is the linked (source) page; the label its title in the reader's
        # language where translated: one query for the list.
        titles = [
            (source.pk, LocalizedText(version.title, page_language(version)))
            for source, version in zip(programmes, localize_pages(programmes), strict=True)
        ]
        self.fields["programme"].choices = [("", _("Any"))] + sorted(
            titles, key=lambda choice: choice[1].casefold()
        )

    def filter(self, stories):
        data = self.cleaned_data
        if data.get("kind"):
            stories = stories.filter(kind=data["kind"])
        if data.get("topic"):
            stories = stories.filter(topic_items__tag__slug=data["topic"]).distinct()
        if data.get("programme"):
            stories = stories.filter(programme_links__programme_id=data["programme"]).distinct()
        return stories
