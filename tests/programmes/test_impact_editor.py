"""Editors add typed and computed outcome figures to a programme in the Wagtail admin."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from members.models import User
from programmes.models import ProgrammePage
from tests.programmes.test_editor_validation import programme_post_data

TYPED_NEEDS_DELIVERED = "Type the number delivered, or choose a source that counts it."


def figure_row(label, source="", delivered="", target="", unit="person | people", start="", end=""):
    return {
        "label": label,
        "source": source,
        "delivered": delivered,
        "target": target,
        "unit": unit,
        "period_start": start,
        "period_end": end,
    }


@pytest.fixture
def add_url(client, programme_index):
    user = User.objects.create_superuser(email="editor@example.org", password="not-a-real-pass")
    client.force_login(user)
    return reverse(
        "wagtailadmin_pages:add", args=("programmes", "programmepage", programme_index.pk)
    )


def test_editor_saves_a_computed_figure_without_a_delivered_number(client, add_url):
    figures = inline_formset(
        [
            figure_row("Workshops", delivered="24", target="20", unit="workshop | workshops"),
            figure_row("Network members", source="network_members", target="50"),
            figure_row(
                "Events this summer", source="events_held", start="2030-06-01", end="2030-08-03"
            ),
        ]
    )

    response = client.post(add_url, programme_post_data(outcome_figures=figures))

    assert response.status_code == 302
    programme = ProgrammePage.objects.get(slug="speak-up-2030")
    stored = [
        (f.label, f.source, f.delivered, f.target, f.period_start and f.period_start.isoformat())
        for f in programme.outcome_figures.order_by("sort_order")
    ]
    assert stored == [
        ("Workshops", "", 24, 20, None),
        ("Network members", "network_members", None, 50, None),
        ("Events this summer", "events_held", None, None, "2030-06-01"),
    ]


def test_editor_is_told_a_typed_figure_needs_its_number(client, add_url):
    figures = inline_formset([figure_row("Workshops", target="20")])

    response = client.post(add_url, programme_post_data(outcome_figures=figures))

    assert response.status_code == 200
    assert not ProgrammePage.objects.filter(slug="speak-up-2030").exists()
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find(attrs={"name": "outcome_figures-0-delivered"})
    assert field is not None
    wrapper = field.find_parent(attrs={"data-field-wrapper": True}) or field.parent.parent
    assert TYPED_NEEDS_DELIVERED in wrapper.get_text(" ", strip=True)
