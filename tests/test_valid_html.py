"""The W3C checker (tests/w3c.py) that the page, account-page and email tests rely on:
it must find real errors, or every "valid HTML" test would pass whatever it checks."""

import pytest

pytestmark = pytest.mark.django_db

VALID = (
    '<!DOCTYPE html><html lang="en"><head><title>Events</title></head>'
    "<body><main><p>Hi</p></main></body></html>"
)


def test_the_checker_passes_a_valid_document(w3c):
    assert w3c(VALID) == []


def test_the_checker_reports_a_list_inside_a_span_inside_a_paragraph(w3c):
    """The sign-up page's password help was this shape (issue 19)."""
    invalid = "<p><span><ul><li>Eight characters</li></ul></span></p>"
    errors = w3c(VALID.replace("<p>Hi</p>", invalid))
    assert any("Stray end tag “span”" in error for error in errors), errors


def test_the_checker_reports_a_duplicate_id(w3c):
    errors = w3c(VALID.replace("<main>", '<main><a id="x"></a><a id="x"></a>'))
    assert any("Duplicate ID “x”" in error for error in errors), errors


def test_the_demo_free_home_page_is_valid_html(w3c, client, home_page):
    response = client.get("/en/")
    assert response.status_code == 200
    assert w3c(response.content) == []
