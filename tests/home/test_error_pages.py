"""When something breaks, people get a plain page in their language, never a trace."""

import pytest
from django.test import Client
from django.urls import path

from tests.factories import ProgrammePageFactory


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken_view)]


@pytest.fixture
def raising_client(settings):
    settings.ROOT_URLCONF = __name__
    return Client(raise_request_exception=False)


def test_server_error_is_a_friendly_page_without_details(raising_client):
    response = raising_client.get("/broken/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert "RuntimeError" not in response.text
    assert "boom" not in response.text


def test_missing_programme_page_is_a_404_in_the_site_frame(client, programme_index):
    ProgrammePageFactory(parent=programme_index, slug="real")
    response = client.get(programme_index.url + "not-real/")
    assert response.status_code == 404
    assert '<main id="main"' in response.text
