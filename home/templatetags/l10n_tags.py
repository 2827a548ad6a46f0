"""Dates, times, numbers and percentages in the reader's language (CLDR, via Babel).

    {{ story.date|local_date }}                 2 January 2027 · 2027年1月2日
    {{ story.date|local_date:"full" }}          Saturday 2 January 2027 · sâmbătă, 2 ianuarie 2027
    {{ session.start_time|local_time }}         14:00 · 下午2:00
    {{ page.application_deadline|local_datetime }}   23:59, Wednesday 20 September 2023
    {{ event.starts_at|local_datetime:"medium" }}    the date in CLDR's medium style
    {{ figure.delivered|local_number }}         1,234 · 1.234
    {{ row.percent|local_percent }}             45% · 45 %

Moments are shown on the UK clock. For machine-readable values (`datetime`
attributes, iCalendar, feeds) keep Django's `|date:"c"`. See home/l10n.py.
"""

from django import template

from home import l10n

register = template.Library()


@register.filter
def local_date(value, style="long"):
    return l10n.format_date(value, style or "long")


@register.filter
def local_time(value, style="short"):
    return l10n.format_time(value, style or "short")


@register.filter
def local_datetime(value, date_style="full"):
    return l10n.format_datetime(value, date_style or "full")


@register.filter
def local_month(value):
    return l10n.format_month(value)


@register.filter
def local_weekday(value, width="wide"):
    return l10n.format_weekday(value, width or "wide")


@register.filter
def local_number(value):
    return l10n.format_number(value)


@register.filter
def local_percent(value):
    return l10n.format_percent(value)
