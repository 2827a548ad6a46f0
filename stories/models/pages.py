"""Story pages (participant stories, news, newsletters) and the index that lists them."""

import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.frame import FrameViewRestrictionsMixin, public
from home.i18n import (
    ReaderLanguageUrlMixin,
    default_locale_version,
    localize_pages,
    page_language,
)
from home.models import SectionIndexPage
from home.models.pages import PAGE_TRANSLATABLE_FIELDS
from home.panels import AccountChooserPanel
from stories.blocks import StoryBodyBlock
from stories.forms.pages import StoryPageForm
from stories.models.consent import ConsentScope, consent_problem
from stories.models.tags import StoryTopic

WORDS_PER_MINUTE = 200
CARD_IMAGE_SPEC = "fill-640x360|format-webp"
NOT_PROSE_KEYS = {"type", "id", "url", "level", "image", "page"}


class StoryKind(models.TextChoices):
    STORY = "story", _("Participant story")
    NEWS = "news", _("News")
    NEWSLETTER = "newsletter", _("Newsletter")


def listed_stories(queryset):
    """Stories as cards need them: newest first, with topics and card images in bulk."""
    return queryset.order_by("-date", "-pk").prefetch_related(
        Prefetch("topic_items", queryset=StoryTopic.objects.select_related("tag")),
        Prefetch(
            "lead_image", queryset=get_image_model().objects.prefetch_renditions(CARD_IMAGE_SPEC)
        ),
    )


class StoryIndexPage(
    ReaderLanguageUrlMixin, FrameViewRestrictionsMixin, RoutablePageMixin, SectionIndexPage
):
    """Lists stories, news and newsletters with filters, and serves their feeds."""

    subpage_types = ["stories.StoryPage"]

    class Meta:
        verbose_name = _("story index page")

    def stories(self):
        """Stories of the default-language index: translations are swapped in when
        shown, so an untranslated story is never missing from another language."""
        return public(StoryPage.objects.live()).child_of(default_locale_version(self))

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from stories.feeds import StoriesRssFeed

        return StoriesRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from stories.feeds import StoriesAtomFeed

        return StoriesAtomFeed(self)(request)

    def feed_urls(self) -> dict[str, str]:
        return {
            "rss": self.url + self.reverse_subpage("rss"),
            "atom": self.url + self.reverse_subpage("atom"),
        }

    def get_context(self, request, *args, **kwargs):
        from stories.forms.pages import StoryIndexFilterForm

        context = super().get_context(request, *args, **kwargs)
        stories = self.stories()
        form = StoryIndexFilterForm(request.GET or None, stories=stories)
        if form.is_bound and form.is_valid():
            stories = form.filter(stories)
        page_obj = Paginator(listed_stories(stories), self.page_size).get_page(
            request.GET.get("page")
        )
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            stories=localize_pages(page_obj.object_list, request),
            page_obj=page_obj,
            filter_query=query.urlencode(),
            is_filtered=form.is_bound and form.has_changed(),
            feed_urls=self.feed_urls(),
        )
        return context


class StoryPage(ReaderLanguageUrlMixin, FrameViewRestrictionsMixin, Page):
    """A participant story, a news item or a newsletter.

    A participant story is published only with that person's recorded consent;
    `clean()` checks it every time the page goes live, whoever or whatever publishes it.
    """

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=StoryKind.choices,
        default=StoryKind.STORY,
        help_text=_("A participant story needs the participant's consent before publishing."),
    )
    introduction = models.CharField(
        _("introduction"),
        max_length=300,
        help_text=_("One or two sentences shown in listings, feeds and under the title."),
    )
    date = models.DateField(
        _("publication date"),
        default=timezone.localdate,
        help_text=_("The date readers see. Use “Go-live date” to schedule publishing."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("lead image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required with a lead image: what it shows, for people who cannot see it."),
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=250, blank=True)
    lead_image_shows_participant = models.BooleanField(
        _("the lead image shows the participant"),
        default=False,
        help_text=_("Tick if a participant can be recognised; then they must agree to a photo."),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("body"))
    author_name = models.CharField(
        _("author"),
        max_length=120,
        blank=True,
        help_text=_("As it should appear on the page; leave empty for the organisation."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author's account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the account of the person who wrote it."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="submitted_stories",
        help_text=_("The member who sent this story from the member area, if one did."),
    )
    topics = ClusterTaggableManager(
        through=StoryTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("What the story is about; readers filter stories by topic."),
    )
    consent_scope = models.CharField(
        _("participant's consent"),
        max_length=20,
        choices=ConsentScope.choices,
        blank=True,
        help_text=_("What the participant agreed to be published with."),
    )
    consent_given_on = models.DateField(_("consent given on"), null=True, blank=True)
    consent_withdrawn_on = models.DateField(
        _("consent withdrawn on"),
        null=True,
        blank=True,
        help_text=_("Use “Withdraw consent” in the page's menu: it also unpublishes the story."),
    )
    consent_note = models.CharField(
        _("where the consent is kept"),
        max_length=255,
        blank=True,
        help_text=_(
            "For example: signed form, March 2024, in the shared drive. No personal details."
        ),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_shows_participant"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author_name"), AccountChooserPanel("author")], heading=_("Author")
        ),
        FieldPanel("topics"),
        InlinePanel("programme_links", heading=_("Related programmes"), label=_("Programme")),
    ]
    consent_panels = [
        HelpPanel(
            content=_(
                "A participant story can only be published with the participant's recorded "
                "consent. If they withdraw it, the story is unpublished."
            )
        ),
        FieldRowPanel([FieldPanel("consent_scope"), FieldPanel("consent_given_on")]),
        FieldPanel("consent_note"),
        FieldPanel("consent_withdrawn_on", read_only=True),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(consent_panels, heading=_("Consent")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        SynchronizedField("kind"),
        SynchronizedField("date"),
        TranslatableField("introduction"),
        SynchronizedField("lead_image"),
        TranslatableField("lead_image_alt"),
        TranslatableField("lead_image_caption"),
        SynchronizedField("lead_image_shows_participant"),
        TranslatableField("body"),
        TranslatableField("author_name"),
        SynchronizedField("author"),
        SynchronizedField("topics"),
        SynchronizedField("programme_links"),
        SynchronizedField("consent_scope"),
        SynchronizedField("consent_given_on"),
        SynchronizedField("consent_withdrawn_on"),
        SynchronizedField("consent_note"),
    ]

    # A member's submission belongs to the original only: copies and translations are
    # not theirs to be told about, and deletion finds translations by translation key.
    exclude_fields_in_copy = ["submitted_by"]

    base_form_class = StoryPageForm
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    # Consent ----------------------------------------------------------------------

    @property
    def needs_consent(self) -> bool:
        return self.kind == StoryKind.STORY

    def consent_withdrawn_in_any_language(self):
        """The date consent was withdrawn, recorded on this version or on any other
        language's version of the story: a translation tells the same participant's
        story, so a withdrawal on one holds for all. None if it never was."""
        if self.consent_withdrawn_on:
            return self.consent_withdrawn_on
        return (
            StoryPage.objects.filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .exclude(consent_withdrawn_on=None)
            .order_by("consent_withdrawn_on")
            .values_list("consent_withdrawn_on", flat=True)
            .first()
        )

    def consent_problem(self):
        return consent_problem(
            needs_consent=self.needs_consent,
            scope=self.consent_scope,
            given_on=self.consent_given_on,
            withdrawn_on=self.consent_withdrawn_in_any_language(),
            shows_participant=self.lead_image_shows_participant,
        )

    @property
    def consent_state(self) -> str:
        """A short line editors read in the admin listing."""
        if self.consent_withdrawn_on:
            return _("Withdrawn")
        if not self.needs_consent and not self.consent_scope:
            return _("Not needed")
        if not self.consent_scope or not self.consent_given_on:
            return _("Missing")
        return self.get_consent_scope_display()

    def clean(self):
        super().clean()
        errors = {}
        if self.lead_image_id and not self.lead_image_alt.strip():
            errors["lead_image_alt"] = _("Describe the lead image for people who cannot see it.")
        if (
            self.consent_given_on
            and self.consent_withdrawn_on
            and self.consent_withdrawn_on < self.consent_given_on
        ):
            errors["consent_withdrawn_on"] = _("Consent cannot be withdrawn before it was given.")
        if self.live and (problem := self.consent_problem()):
            field = (
                "lead_image_shows_participant"
                if self.lead_image_shows_participant
                and self.consent_scope != ConsentScope.NAME_AND_PHOTO
                else "consent_scope"
            )
            errors[field] = problem
        if errors:
            raise ValidationError(errors)

    # What readers see -------------------------------------------------------------

    @property
    def byline(self) -> str:
        if self.author_name:
            return self.author_name
        if self.author_id:
            return str(self.author)
        return ""

    @cached_property
    def reading_minutes(self) -> int:
        """Minutes to read the introduction and the text blocks, at 200 words a minute."""
        words = len(strip_tags(self.introduction).split())
        for block in self.body.raw_data:
            words += _count_words(block.get("value"))
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @property
    def meta_description(self) -> str:
        return self.search_description or self.introduction

    def related_programmes(self):
        """The programmes the story is about, each in the reader's language where
        translated (one more query for the list)."""
        return localize_pages(
            link.programme
            for link in self.programme_links.select_related("programme").filter(
                programme__live=True
            )
        )

    def related_stories(self, limit=3):
        """Stories that share a topic or a programme, newest first, topped up with the latest."""
        source = default_locale_version(self)
        others = (
            public(StoryPage.objects.live())
            .exclude(translation_key=self.translation_key)
            .filter(locale_id=source.locale_id)
        )
        shared = list(
            listed_stories(
                others.filter(
                    Q(
                        pk__in=StoryTopic.objects.filter(
                            tag_id__in=source.topic_items.values("tag_id")
                        ).values("content_object_id")
                    )
                    | Q(
                        pk__in=StoryProgramme.objects.filter(
                            programme_id__in=source.programme_links.values("programme_id")
                        ).values("page_id")
                    )
                )
            )[:limit]
        )
        latest = listed_stories(others.exclude(pk__in=[story.pk for story in shared]))[:limit]
        return localize_pages((shared + list(latest))[:limit])

    def structured_data(self, request) -> dict:
        """schema.org Article, for search engines and link previews."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle" if self.kind == StoryKind.NEWS else "Article",
            "headline": self.title,
            "description": self.meta_description,
            "datePublished": self.date.isoformat(),
            "url": self.get_full_url(request),
            "inLanguage": page_language(self, request),
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.author_id or self.author_name:
            # A typed byline may be a team ("Programme team"), so only an account is a Person.
            data["author"] = {
                "@type": "Person" if self.author_id else "Organization",
                "name": self.byline,
            }
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent().specific
        context.update(
            index_page=index_page,
            feed_urls=index_page.feed_urls(),
            related_programmes=self.related_programmes(),
            related_stories=self.related_stories(),
            topics=[item.tag for item in self.topic_items.select_related("tag")],
            loaded_video=request.GET.get("video", ""),
            structured_data=self.structured_data(request),
        )
        return context


def _count_words(value) -> int:
    if isinstance(value, str):
        return len(strip_tags(value).split())
    if isinstance(value, dict):
        return sum(_count_words(item) for key, item in value.items() if key not in NOT_PROSE_KEYS)
    if isinstance(value, list):
        return sum(_count_words(item) for item in value)
    return 0


class StoryProgramme(Orderable):
    """A programme the story is about; the programme links back only through search."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="programme_links")
    programme = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("programme", page_type="programmes.ProgrammePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related programme")
