"""What a participant agreed to, and the rule that a story needs it to be published."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from home.l10n import format_date


class ConsentScope(models.TextChoices):
    NOT_RECORDED = "", _("Not recorded yet")
    NAME_AND_PHOTO = "name-and-photo", _("Name and photo")
    NAME = "name", _("Name only, no photo")
    ANONYMOUS = "anonymous", _("Only anonymously")


def consent_problem(*, needs_consent, scope, given_on, withdrawn_on, shows_participant):
    """Why a story may not be published with this consent, or None when it may.

    Shared by the page model (checked whenever a story goes live, including scheduled
    and workflow publishing) and the admin form (checked when an editor submits).
    """
    if shows_participant and scope != ConsentScope.NAME_AND_PHOTO:
        return _("The lead image shows the participant: that needs consent to a photo.")
    if not needs_consent:
        return None
    if withdrawn_on:
        return _("Consent was withdrawn on %(date)s: this story cannot be published.") % {
            "date": format_date(withdrawn_on)
        }
    if not scope:
        return _("Record the participant's consent before this story is published.")
    if not given_on:
        return _("Give the date the participant gave consent.")
    return None
