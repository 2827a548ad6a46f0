"""The home page: what the organisation does, and what is open to join right now."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BaseStreamBlock
from home.frame import FrameViewRestrictionsMixin
from home.i18n import ReaderLanguageUrlMixin, localize_objects
from home.sections import home_page_sections

# What every page type translates and synchronises of Wagtail's own fields.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("slug"),
]


class HomePage(ReaderLanguageUrlMixin, FrameViewRestrictionsMixin, Page):
    """The site's front door.

    Other apps add sections (open programmes, latest stories, upcoming events) through
    the `home_page_sections` hook, so the home app needs to know none of them.
    """

    introduction = models.CharField(
        _("introduction"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences under the title: what the organisation does."),
    )
    mission = RichTextField(
        _("what we do"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("A short description of the programmes and the network."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("more content"),
        help_text=_("Anything else the home page should say, below the listings."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("introduction"), FieldPanel("mission")],
            heading=_("What we do"),
        ),
        FieldPanel("body"),
        InlinePanel(
            "funder_placements",
            heading=_("Funders shown on the home page"),
            label=_("Funder"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("mission"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("introduction"),
        TranslatableField("mission"),
        TranslatableField("body"),
        SynchronizedField("funder_placements"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    # Named by string: the sections live in their own apps, which home never imports.
    subpage_types = [
        "programmes.ProgrammeIndexPage",
        "stories.StoryIndexPage",
        "home.PrivacyNoticePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_page_sections(self, request)
        context["funders"] = localize_objects(
            [
                placement.funder
                for placement in self.funder_placements.select_related("funder", "funder__logo")
            ],
            request,
        )
        return context


class SectionIndexPage(Page):
    """What every section's index page has: an introduction above a filtered list.

    Subclasses name the page types they list (`subpage_types`) and build the list."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences above the list: what it holds and who it is for."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("introduction"),
    ]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    page_size = 12

    class Meta:
        abstract = True


class HomePageFunder(Orderable):
    """A funder the home page thanks, in the order editors choose."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="funder_placements")
    funder = models.ForeignKey(
        "home.Funder", verbose_name=_("funder"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("funder")]

    class Meta(Orderable.Meta):
        verbose_name = _("funder on the home page")


class PrivacyNoticePage(Page):
    """The organisation's privacy notice (UK GDPR articles 13 and 14), written and
    translated by editors like any page. Sign-up and the application form link to it,
    and a member's consent records its `version`.

    How long the site keeps applications is not typed: the page shows it from the
    `APPLICATION_RETENTION_MONTHS` setting, so the notice says what the site does."""

    version = models.CharField(
        _("version"),
        max_length=20,
        help_text=_(
            "Recorded with every member's consent, for example 2025-01. Change it whenever "
            "you change what the notice says, so that it is clear who agreed to which text."
        ),
    )
    last_updated = models.DateField(
        _("last updated"), null=True, blank=True, help_text=_("Shown under the title.")
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("notice"),
        help_text=_(
            "Who the controller is and how to contact them, what you collect and why (with "
            "the lawful basis), who you share it with, how long you keep it, people's rights "
            "and their right to complain to the Information Commissioner's Office."
        ),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("version"), FieldPanel("last_updated")]),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("body"),
        SynchronizedField("version"),
        SynchronizedField("last_updated"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy notice")

    def get_context(self, request, *args, **kwargs):
        from home.privacy import retention_periods

        context = super().get_context(request, *args, **kwargs)
        context["retention_periods"] = retention_periods()
        return context
