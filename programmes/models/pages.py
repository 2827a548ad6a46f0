"""Programme pages and the index that lists them."""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
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
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.areas import AREA_CHOICES, area_label
from home.blocks import BaseStreamBlock
from home.dates import validate_plausible_date
from home.frame import FrameViewRestrictionsMixin, public
from home.i18n import (
    ReaderLanguageUrlMixin,
    default_locale_version,
    localize_objects,
    localize_pages,
    page_language,
)
from home.impact import count_figures
from home.models import SectionIndexPage
from home.models.pages import PAGE_TRANSLATABLE_FIELDS
from programmes.blocks import FocusAreaBlock, LearningOutcomeBlock
from programmes.forms.pages import ProgrammeIndexFilterForm, ProgrammePageForm
from programmes.models.schedule import ScheduleDay
from programmes.models.tags import ProgrammeSkill, ProgrammeTopic
from programmes.status import (
    ApplicationStatus,
    applications_close_at,
    compute_status,
    order_for_readers,
)


class DeliveryMode(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid: in person and online")


class ProgrammeIndexPage(ReaderLanguageUrlMixin, FrameViewRestrictionsMixin, SectionIndexPage):
    """Lists programmes, open ones first, with filters that need no JavaScript."""

    subpage_types = ["programmes.ProgrammePage"]

    class Meta:
        verbose_name = _("programme index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # List the default-language programmes, then show each in the reader's
        # language where translated: an untranslated programme is never missing.
        source_index = default_locale_version(self, request)
        programmes = public(ProgrammePage.objects.live()).child_of(source_index)
        form = ProgrammeIndexFilterForm(request.GET or None, programmes=programmes)
        if form.is_bound and form.is_valid():
            programmes = form.filter(programmes)
        programmes = order_for_readers(programmes).prefetch_related("topic_items__tag")
        page_obj = Paginator(programmes, self.page_size).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            programmes=localize_pages(page_obj.object_list, request),
            page_obj=page_obj,
            filter_query=query.urlencode(),
            is_filtered=form.is_bound and form.has_changed(),
        )
        return context


class ProgrammePage(ReaderLanguageUrlMixin, FrameViewRestrictionsMixin, Page):
    """One programme: what it teaches, when it meets, and how to apply."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown in listings and under the title."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Never a photo of a participant who has not agreed to it."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("about the programme"),
        help_text=_("The full description: why it exists and what taking part is like."),
    )
    organiser = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fee = models.DecimalField(
        _("fee (£)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty if the programme is free."),
    )
    start_date = models.DateField(_("first day"), validators=[validate_plausible_date])
    end_date = models.DateField(_("last day"), validators=[validate_plausible_date])
    languages = models.CharField(
        _("language(s) of delivery"),
        max_length=120,
        default="English",
        help_text=_("For example: English, with Cantonese support in breaks."),
    )
    delivery_mode = models.CharField(
        _("delivery mode"), max_length=20, choices=DeliveryMode.choices
    )
    venue = models.CharField(
        _("venue"),
        max_length=255,
        blank=True,
        help_text=_("Where in-person sessions take place, as much as may be published."),
    )
    region = models.CharField(
        _("region"),
        max_length=40,
        choices=AREA_CHOICES,
        blank=True,
        help_text=_("The nation, region or London borough the programme serves."),
    )
    audience = RichTextField(
        _("who it is for"),
        features=["bold", "italic", "link", "ul"],
        help_text=_("Who can take part, in plain words."),
    )
    priority_note = models.TextField(
        _("who is prioritised"),
        blank=True,
        help_text=_("If places are limited, who goes first and why, for example a funder's rule."),
    )
    topics = ClusterTaggableManager(
        through=ProgrammeTopic,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("What the sessions cover, such as Campaigning."),
    )
    skills = ClusterTaggableManager(
        through=ProgrammeSkill,
        blank=True,
        verbose_name=_("skills participants will learn"),
        help_text=_("Chosen from the shared skills list that member profiles also use."),
    )
    learning_outcomes = StreamField(
        [("outcome", LearningOutcomeBlock())],
        blank=True,
        verbose_name=_("what you will be able to do"),
        help_text=_("Each line completes the sentence: by the end you will know…"),
    )
    focus_areas = StreamField(
        [("focus_area", FocusAreaBlock())],
        blank=True,
        verbose_name=_("focus areas"),
        help_text=_("The programme's main themes, each with a short explanation."),
    )
    schedule_introduction = models.CharField(
        _("about the schedule"),
        max_length=255,
        blank=True,
        help_text=_("For example: sessions are held once a month, in English."),
    )
    applications_open_at = models.DateTimeField(
        _("applications open"),
        null=True,
        blank=True,
        validators=[validate_plausible_date],
        help_text=_("Leave empty if applications are open as soon as the page is published."),
    )
    application_deadline = models.DateTimeField(
        _("application deadline"),
        null=True,
        blank=True,
        validators=[validate_plausible_date],
        help_text=_(
            "UK time. Applications are accepted until the end of this minute. "
            "Leave empty if the programme takes no applications."
        ),
    )
    how_to_apply = RichTextField(
        _("how to apply"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol", "document-link"],
        help_text=_("The steps, in plain words, and what happens after applying."),
    )
    apply_email = models.EmailField(
        _("apply by email"), blank=True, help_text=_("A shared inbox, never a personal one.")
    )
    apply_url = models.URLField(_("apply online"), blank=True)
    applications_on_site = models.BooleanField(
        _("take applications on this site"),
        default=False,
        help_text=_(
            "Shows an application form with the questions below while applications are "
            "open. Only staff given access to this programme can read what people send."
        ),
    )
    application_form = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("application form to download"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    base_form_class = ProgrammePageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("skills")],
            heading=_("Topics and skills"),
        ),
        FieldPanel("learning_outcomes"),
        FieldPanel("focus_areas"),
    ]
    details_panels = [
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("priority_note")],
            heading=_("Who it is for"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("delivery_mode"), FieldPanel("languages")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("region")]),
                FieldPanel("fee"),
            ],
            heading=_("When, where and cost"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                InlinePanel("partner_placements", label=_("Partner organisation")),
                InlinePanel("funder_placements", label=_("Funder")),
            ],
            heading=_("Organisations"),
        ),
    ]
    schedule_panels = [
        FieldPanel("schedule_introduction"),
        HelpPanel(
            content=_(
                "Add one entry per session. A day can hold several sessions. Sessions "
                "must fall between the programme's first and last day."
            )
        ),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session")),
        InlinePanel(
            "schedule_notes",
            heading=_("Periods with dates to be confirmed"),
            label=_("Notice"),
        ),
    ]
    outcome_panels = [
        HelpPanel(
            content=_(
                "What the programme delivered against the targets promised to funders. "
                "Pages show them as a table and a bar chart."
            )
        ),
        InlinePanel("outcome_figures", heading=_("Outcome figures"), label=_("Figure")),
    ]
    application_panels = [
        FieldRowPanel([FieldPanel("applications_open_at"), FieldPanel("application_deadline")]),
        FieldPanel("how_to_apply"),
        FieldRowPanel([FieldPanel("apply_email"), FieldPanel("apply_url")]),
        FieldPanel("application_form"),
        MultiFieldPanel(
            [
                FieldPanel("applications_on_site"),
                InlinePanel(
                    "application_questions",
                    heading=_("Questions"),
                    label=_("Question"),
                    help_text=_(
                        "Asked after name, email, phone, home area and languages, "
                        "which every form has."
                    ),
                ),
            ],
            heading=_("Application form on this site"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(details_panels, heading=_("Who, when, where")),
            ObjectList(schedule_panels, heading=_("Schedule")),
            ObjectList(application_panels, heading=_("Applications")),
            ObjectList(outcome_panels, heading=_("Outcomes")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("audience"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.FilterField("delivery_mode"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("skills", [index.SearchField("name")]),
        index.RelatedFields("sessions", [index.SearchField("title")]),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        SynchronizedField("image"),
        TranslatableField("body"),
        SynchronizedField("organiser"),
        SynchronizedField("fee"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        TranslatableField("languages"),
        SynchronizedField("delivery_mode"),
        TranslatableField("venue"),
        SynchronizedField("region"),
        TranslatableField("audience"),
        TranslatableField("priority_note"),
        SynchronizedField("topics"),
        SynchronizedField("skills"),
        TranslatableField("learning_outcomes"),
        TranslatableField("focus_areas"),
        TranslatableField("schedule_introduction"),
        TranslatableField("sessions"),
        TranslatableField("schedule_notes"),
        SynchronizedField("applications_open_at"),
        SynchronizedField("application_deadline"),
        TranslatableField("how_to_apply"),
        SynchronizedField("apply_email"),
        SynchronizedField("apply_url"),
        SynchronizedField("application_form"),
        SynchronizedField("applications_on_site"),
        TranslatableField("application_questions"),
        SynchronizedField("partner_placements"),
        SynchronizedField("funder_placements"),
        TranslatableField("outcome_figures"),
    ]

    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("programme page")

    # Validation -------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if self.application_deadline and self.start_date:
            first_moment = timezone.make_aware(datetime.combine(self.start_date, time.min))
            if self.application_deadline >= first_moment:
                errors["application_deadline"] = _(
                    "The deadline must be before the programme starts."
                )
        if (
            self.applications_open_at
            and self.application_deadline
            and self.applications_open_at >= self.application_deadline
        ):
            errors["applications_open_at"] = _("Applications must open before the deadline.")
        if self.applications_open_at and not self.application_deadline:
            errors["application_deadline"] = _(
                "Give a deadline, or leave the opening time empty too."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Deadlines are read to the minute; seconds would only confuse the boundary.
        for name in ("application_deadline", "applications_open_at"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, value.replace(second=0, microsecond=0))
        return super().save(*args, **kwargs)

    # What readers see ---------------------------------------------------------------

    @property
    def application_status(self) -> ApplicationStatus:
        """The status right now; never stored, never typed."""
        return compute_status(
            start_date=self.start_date,
            end_date=self.end_date,
            opens_at=self.applications_open_at,
            deadline=self.application_deadline,
        )

    @property
    def is_accepting_applications(self) -> bool:
        return self.application_status in {
            ApplicationStatus.OPEN,
            ApplicationStatus.CLOSING_SOON,
        }

    @property
    def applications_close_at(self):
        if self.application_deadline is None:
            return None
        return applications_close_at(self.application_deadline)

    @property
    def takes_applications_here(self) -> bool:
        """The site's own form is open: switched on and within the application window."""
        return self.applications_on_site and self.is_accepting_applications

    @property
    def apply_form_url(self) -> str:
        return f"{self.url}apply/"

    @property
    def is_free(self) -> bool:
        return not self.fee

    @property
    def region_label(self) -> str:
        return area_label(self.region)

    @property
    def calendar_url(self) -> str:
        return f"{self.url}calendar.ics"

    @cached_property
    def ordered_sessions(self) -> list:
        return list(self.sessions.all().order_by("date", "start_time", "sort_order"))

    def schedule(self, now=None) -> list:
        """Sessions grouped by day and the to-be-confirmed notices, in date order."""
        now = now or timezone.now()
        days: dict = {}
        for session in self.ordered_sessions:
            day = days.setdefault(session.date, ScheduleDay(date=session.date))
            session.past = session.is_past(now)
            day.sessions.append(session)
        for day in days.values():
            day.is_past = all(session.past for session in day.sessions)
        entries = [(day.date, 0, day) for day in days.values()]
        entries += [
            (note.starts_on, 1, note)
            for note in self.schedule_notes.all().order_by("starts_on", "sort_order")
        ]
        return [entry for _date, _rank, entry in sorted(entries, key=lambda e: e[:2])]

    def structured_data(self, request) -> dict:
        """schema.org Course, so search engines can show the programme as a free course."""
        data = {
            "@context": "https://schema.org",
            "@type": "Course",
            "name": self.title,
            "description": self.search_description or self.summary,
            "url": self.get_full_url(request),
            "inLanguage": page_language(self, request),
            "isAccessibleForFree": self.is_free,
            "hasCourseInstance": {
                "@type": "CourseInstance",
                "courseMode": {
                    DeliveryMode.IN_PERSON: "onsite",
                    DeliveryMode.ONLINE: "online",
                    DeliveryMode.HYBRID: "blended",
                }.get(self.delivery_mode, "blended"),
                "startDate": self.start_date.isoformat(),
                "endDate": self.end_date.isoformat(),
            },
        }
        if self.organiser:
            data["provider"] = {"@type": "Organization", "name": self.organiser.name}
            if self.organiser.website:
                data["provider"]["sameAs"] = self.organiser.website
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            structured_data=self.structured_data(request),
            status=self.application_status,
            schedule=self.schedule(),
            **self.organisations_in_reader_language(request),
            outcome_figures=self.live_outcome_figures(request),
        )
        return context

    def organisations_in_reader_language(self, request=None) -> dict:
        """The organiser, partners and funders, each in the reader's language where
        translated (one query for the organisations, one for the funders)."""
        partners = [
            placement.organisation
            for placement in self.partner_placements.select_related(
                "organisation", "organisation__logo"
            )
        ]
        organisations = localize_objects(
            ([self.organiser] if self.organiser else []) + partners, request
        )
        funders = [
            placement.funder
            for placement in self.funder_placements.select_related("funder", "funder__logo")
        ]
        return {
            "organiser": organisations[0] if self.organiser else None,
            "partners": organisations[1:] if self.organiser else organisations,
            "funders": localize_objects(funders, request),
        }

    def live_outcome_figures(self, request=None) -> list:
        """The outcome figures, computed ones counted now: one count per source.

        Computed figures count for the default-language page, so a translation shows
        the same numbers; nothing counted is stored or cached between requests.
        """
        figures = list(self.outcome_figures.all())
        if any(figure.is_computed for figure in figures):
            programme = default_locale_version(self, request)
            count_figures((figure, programme) for figure in figures)
        return figures


class ProgrammePartner(Orderable):
    """An organisation that delivers the programme with the organiser."""

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="partner_placements")
    organisation = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("organisation")]


class ProgrammeFunder(Orderable):
    """A funder that supports the programme ("Supported by")."""

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="funder_placements")
    funder = models.ForeignKey(
        "home.Funder", verbose_name=_("funder"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("funder")]
