"""Phone first (issue 19 §3): the month reads as an agenda where a table cannot fit,
and wide tables scroll inside their own labelled region instead of the page."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from tests.members.factories import EventFactory


def month_of(event):
    return {"month": f"{timezone.localtime(event.starts_at):%Y-%m}"}


def test_month_lists_its_days_with_events_as_an_agenda_beside_the_table(client, home_page):
    event = EventFactory(title="Planning evening")
    text = client.get(reverse("events:month"), month_of(event)).text
    agenda = text[text.index('class="month-agenda"') : text.index("<table")]
    assert "Planning evening" in agenda
    assert f'datetime="{timezone.localtime(event.starts_at):%Y-%m-%d}"' in agenda
    assert "Planning evening" in text[text.index("<table") :]


def test_a_month_without_events_says_so_in_the_agenda(client, home_page):
    text = client.get(reverse("events:month"), {"month": "2031-02"}).text
    assert "No events this month." in text


def test_agenda_replaces_the_table_below_600_px_in_the_stylesheet():
    css = Path(finders.find("css/site.css")).read_text()
    narrow = re.search(r"@media \(max-width: 37\.5rem\) \{(.*?)\n\}", css, re.S).group(1)
    assert ".month-agenda { display: block; }" in narrow
    assert ".month-calendar { display: none; }" in narrow
    assert "overflow-wrap: anywhere" in css


def test_month_page_with_agenda_is_valid_html_in_arabic(client, home_page, w3c):
    event = EventFactory(title="Planning evening")
    response = client.get(f"/ar{reverse('events:month')[3:]}", month_of(event))
    assert response.status_code == 200
    assert w3c(response.content.decode()) == []


def test_attendee_table_scrolls_in_its_own_labelled_region(client, approved_member):
    event = EventFactory(title="Planning evening", organiser=approved_member)
    client.force_login(approved_member)
    text = client.get(reverse("members:attendees", args=[event.public_id])).text
    region = re.search(
        r'<div class="table-scroll" role="region" tabindex="0" '
        r'aria-labelledby="([\w-]+)">\s*<table',
        text,
    )
    assert region and f'id="{region.group(1)}"' in text
