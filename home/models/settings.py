"""Site-wide settings an administrator edits in Wagtail rather than in code."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="cog")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """The organisation's name and ways to reach it, shown in the header and footer."""

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=120,
        default="Active Citizens Network",
        help_text=_("Shown in the header, the footer and page titles."),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("A short line under the name, such as what the network is for."),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("A shared inbox people can write to. Never a personal address."),
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
            [FieldPanel("organisation_name"), FieldPanel("tagline")],
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
