"""Template helpers every page uses: navigation and the way dates read."""

from django import template
from django.utils import formats, timezone
from django.utils.translation import get_language_bidi, pgettext
from wagtail.models import Site

register = template.Library()


@register.filter
def long_date(value):
    """A date as people read it: "Wednesday 20 September 2023"."""
    if not value:
        return ""
    return formats.date_format(value, pgettext("long date format", "l j F Y"))


@register.filter
def long_datetime(value):
    """A moment as people read it: "23:59, Wednesday 20 September 2023" (UK time)."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return formats.date_format(local, pgettext("long date and time format", "H:i, l j F Y"))


@register.filter
def short_time(value):
    """A time of day on the 24-hour clock: "14:00"."""
    if not value:
        return ""
    return formats.time_format(value, pgettext("short time format", "H:i"))


@register.simple_tag
def text_direction():
    return "rtl" if get_language_bidi() else "ltr"


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The pages editors marked "show in menus" under the site's home page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current_path = getattr(context.get("page"), "url_path", "")
    items = []
    if site is not None:
        for page in site.root_page.get_children().live().public().in_menu():
            items.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "current": current_path.startswith(page.url_path),
                }
            )
    return {"items": items, "request": request}
