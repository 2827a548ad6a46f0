"""Site-wide settings an administrator edits in Wagtail rather than in code.

A site setting exists once per site, so wagtail-localize cannot translate it. The words
readers read (the organisation's name, tagline, footer text and the newsletter's
description) therefore live in `SiteTexts`, a translatable snippet the settings point
to; the settings keep what is the same in every language (addresses, links). The site
frame reads the texts of every language with the settings (home/frame.py), and
`SiteSettings.organisation_name` and the others answer in the reader's language, each
falling back to the source text on its own.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import TranslatableField

from home.localized import LocalizedText, default_language, reader_language, text_in

DEFAULT_ORGANISATION_NAME = "Active Citizens Network"
# The site's own brand colour (network_site/static/css/site.css, 8.9:1 on white).
DEFAULT_BRAND_COLOUR = "#0b4f6c"


class SiteTexts(TranslatableMixin, models.Model):
    """What the site says about itself on every page, in each language."""

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=120,
        default=DEFAULT_ORGANISATION_NAME,
        help_text=_("Shown in the header, the footer and page titles."),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("A short line under the name, such as what the network is for."),
    )
    footer_text = models.CharField(
        _("footer text"),
        max_length=400,
        blank=True,
        help_text=_("A sentence or two at the foot of every page, such as who runs the site."),
    )
    newsletter_text = models.CharField(
        _("newsletter text"),
        max_length=400,
        blank=True,
        help_text=_(
            "What the newsletter brings and how often, shown on the sign-up page. Leave "
            "empty for the site's standard sentence."
        ),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("tagline"),
        FieldPanel("footer_text"),
        FieldPanel("newsletter_text"),
    ]
    translatable_fields = [
        TranslatableField("organisation_name"),
        TranslatableField("tagline"),
        TranslatableField("footer_text"),
        TranslatableField("newsletter_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site texts")
        verbose_name_plural = _("site texts")

    def __str__(self):
        return self.organisation_name


TEXT_FIELDS = ("organisation_name", "tagline", "footer_text", "newsletter_text")


@register_setting(icon="cog")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """The organisation's texts and ways to reach it, shown in the header and footer."""

    texts = models.ForeignKey(
        SiteTexts,
        verbose_name=_("texts"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The organisation's name, tagline, footer and newsletter texts. Edit and "
            "translate them under Shared content → Site texts."
        ),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("A shared inbox people can write to. Never a personal address."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The organisation's logo at the top of every email, on the brand colour. "
            "A PNG or JPEG; leave empty to show the organisation's name instead."
        ),
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default=DEFAULT_BRAND_COLOUR,
        validators=[
            RegexValidator(
                r"^#[0-9a-fA-F]{6}$",
                _("Write the colour as # and six hexadecimal digits, such as #0b4f6c."),
            )
        ],
        help_text=_(
            "The colour of the band at the top of every email and of its buttons, as # "
            "and six hexadecimal digits. The text on it is white or black, whichever "
            "reads better."
        ),
    )
    newsletter_url = models.URLField(
        _("newsletter link"),
        blank=True,
        help_text=_(
            "Only if the newsletter is run elsewhere; leave empty to use this site's own "
            "sign-up page."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("texts"), FieldPanel("logo"), FieldPanel("brand_colour")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("newsletter_url")],
            heading=_("Contact"),
        ),
        InlinePanel("social_links", heading=_("Social links"), label=_("Social link")),
    ]

    class Meta:
        verbose_name = _("site settings")

    # The texts, in the reader's language --------------------------------------------

    def texts_by_language(self) -> dict[str, SiteTexts]:
        """Language code -> the texts in that language (source and translations). The
        site frame fills this once per content version; elsewhere one query."""
        cached = getattr(self, "_texts_by_language", None)
        if cached is None:
            cached = {}
            if self.texts_id:
                chosen = SiteTexts.objects.filter(pk=self.texts_id).values("translation_key")
                for texts in SiteTexts.objects.filter(translation_key__in=chosen).select_related(
                    "locale"
                ):
                    cached[texts.locale.language_code] = texts
            self._texts_by_language = cached
        return cached

    def text(self, name: str, language: str | None = None) -> LocalizedText:
        """One text in `language` (the reader's), else in the chosen texts' language."""
        versions = self.texts_by_language()
        source_language = next(
            (code for code, texts in versions.items() if texts.pk == self.texts_id), None
        )
        if source_language is None:
            value = DEFAULT_ORGANISATION_NAME if name == "organisation_name" else ""
            return LocalizedText(value, default_language())
        language = language or reader_language()
        translated = versions.get(language)
        return text_in(
            language,
            getattr(translated, name, "") if translated else "",
            getattr(versions[source_language], name),
            source_language,
        )

    @property
    def organisation_name(self) -> LocalizedText:
        return self.text("organisation_name")

    @property
    def tagline(self) -> LocalizedText:
        return self.text("tagline")

    @property
    def footer_text(self) -> LocalizedText:
        return self.text("footer_text")

    @property
    def newsletter_text(self) -> LocalizedText:
        return self.text("newsletter_text")


class SocialLink(Orderable):
    """A link to one of the organisation's social media accounts."""

    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="social_links")
    label = models.CharField(
        _("label"), max_length=60, help_text=_("The service's name, such as Mastodon.")
    )
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return self.label
