"""Writing the member area's audit trail onto Wagtail's log (Reports → Site history and
the Members → Audit trail list), the one audit trail of the site."""

from django.contrib.auth import get_user_model
from wagtail.log_actions import log


def record(action: str, *, actor=None, subject_id=None, subject_ids=()):
    """Note that `actor` did `action` to member number `subject_id`, or to the members
    numbered `subject_ids` (a mentoring pair: mentee first), never by name: the entry
    keeps account numbers only, and names are looked up when staff read the trail.
    An action about nobody in particular (an invitation, a staff export) is logged
    against the account of whoever did it."""
    ids = [subject_id] if subject_id is not None else [number for number in subject_ids]
    actor = actor if actor is not None and actor.is_authenticated else None
    about = ids[0] if ids else (actor.pk if actor else None)
    if about is None:
        return None
    # An unsaved stand-in: the account may be gone already (a deletion is logged after
    # it), and the log needs only its type and number.
    instance = get_user_model()(pk=about)
    return log(
        instance,
        action,
        user=actor,
        title=" ".join(f"#{number}" for number in ids) or f"#{about}",
        data={"members": ids},
    )
