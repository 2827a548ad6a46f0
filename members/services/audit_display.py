"""Who an audit entry is about, named when staff read the trail: the log itself keeps
account numbers only (members/services/audit.py)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _


def member_names(numbers) -> dict[int, str]:
    """The name staff see for each account number: a member's display name (or "Member
    #n" when they gave none), staff by their name; accounts since deleted by number."""
    numbers = {number for number in numbers if isinstance(number, int)}
    users = get_user_model().objects.filter(pk__in=numbers).select_related("profile")
    names = {
        user.pk: user.get_full_name() or _("Account #%(number)s") % {"number": user.pk}
        for user in users
    }
    for number in numbers - names.keys():
        names[number] = _("Deleted account #%(number)s") % {"number": number}
    return names


def name_entries(entries):
    """Give each log entry `members_display` (the names it is about) and `by_display`
    (who did it), in two queries whatever the number of entries."""
    entries = list(entries)
    numbers = set()
    for entry in entries:
        numbers.update((entry.data or {}).get("members", []))
        if entry.user_id:
            numbers.add(entry.user_id)
    names = member_names(numbers)
    for entry in entries:
        entry.members_display = ", ".join(
            names.get(number, "") for number in (entry.data or {}).get("members", [])
        )
        entry.by_display = (
            names.get(entry.user_id, "") if entry.user_id else _("the system or the member")
        )
    return entries
