"""Applying to a programme on the site, and moving applications through selection.

Called by the public form, the staff views in the admin, the offer link and the
`purge_applications` command alike, so the rules live in one place:
- no application after the deadline, whenever the form was opened;
- one application per email per programme (its default-language page);
- an offer carries a secret link, stored only as a hash, that expires;
- accepting an offer makes or links a member account (through a provider members/
  registers) and adds the person to the programme's cohort.
"""

from programmes.services.applications.applying import (
    NEW_APPLICATION,
    ApplicationRefused,
    OfferInvalid,
    already_applied,
    send_email,
    source_programme,
    source_questions,
    submit,
    tell_reviewers,
)
from programmes.services.applications.retention import (
    CSV_HEADER,
    add_months,
    applications_csv,
    purge_expired,
)
from programmes.services.applications.selection import (
    accept_offer,
    change_status,
    decline_offer,
    find_offer,
    offer_url,
    participant_account,
    send_offer,
)

__all__ = [
    "NEW_APPLICATION",
    "tell_reviewers",
    "ApplicationRefused",
    "OfferInvalid",
    "source_programme",
    "source_questions",
    "already_applied",
    "submit",
    "send_email",
    "change_status",
    "offer_url",
    "send_offer",
    "find_offer",
    "participant_account",
    "accept_offer",
    "decline_offer",
    "CSV_HEADER",
    "applications_csv",
    "add_months",
    "purge_expired",
]
