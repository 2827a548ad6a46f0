"""Uploaded files in S3-compatible object storage (MEDIA_BUCKET, PRIVATE_MEDIA_BUCKET),
against a real S3 endpoint on loopback (moto's server mode): public media is fetched
from the bucket by anyone, member photos only through the site's access check."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.models import Funder, HomePageFunder
from members.models import MembershipStatus, Profile
from network_site.settings.object_storage import media_storage
from tests.members.factories import ProfileFactory, UserFactory
from tests.s3 import CREDENTIALS, REGION, s3_endpoint  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parents[2]


def png(colour: str, size=(640, 320)) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg(colour: str, size=(300, 300)) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def buckets(settings, s3_endpoint):  # noqa: F811
    """STORAGES as MEDIA_BUCKET / PRIVATE_MEDIA_BUCKET / S3_ENDPOINT_URL make them."""
    public, private = s3_endpoint.new_buckets()
    configured = media_storage(
        media_bucket=public,
        private_media_bucket=private,
        endpoint_url=s3_endpoint.url,
        region=REGION,
        private_media_root="/nonexistent",
        credentials=CREDENTIALS,
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": configured.public,
        "member_photos": configured.private,
    }
    settings.MEDIA_URL = configured.url
    return s3_endpoint, public, private


def test_images_and_renditions_are_served_from_the_media_bucket(client, home_page, buckets):
    endpoint, public, _private = buckets
    original = png("teal")
    logo = get_image_model().objects.create(
        title="Funder logo", file=ImageFile(io.BytesIO(original), name="funder-logo.png")
    )
    funder = Funder.objects.create(name="Example Trust", logo=logo)
    HomePageFunder.objects.create(page=home_page, funder=funder, sort_order=0)
    home_page.save_revision().publish()

    page = client.get(home_page.url)

    assert page.status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    picture = soup.find("img", alt="", src=lambda src: src and public in src)
    assert picture is not None, page.text
    addresses = {picture["src"]} | {
        candidate.split()[0]
        for source in [picture, *picture.find_parent("picture").find_all("source")]
        for candidate in source.get("srcset", "").split(",")
        if candidate.strip()
    }
    assert all(address.startswith(f"{endpoint.url}/{public}/") for address in addresses)
    for address in addresses:  # fetched as a visitor's browser would: no credentials
        rendition = requests.get(address, timeout=10)
        assert rendition.status_code == 200, address
        assert PillowImage.open(io.BytesIO(rendition.content)).width <= 320
    stored_original = requests.get(logo.file.url, timeout=10)
    assert stored_original.status_code == 200
    assert stored_original.content == original
    keys = endpoint.keys(public)
    assert f"original_images/{Path(logo.file.name).name}" in keys
    assert len([key for key in keys if key.startswith("images/")]) == len(addresses)


def test_an_image_uploaded_in_the_admin_goes_to_the_bucket(client, home_page, buckets):
    endpoint, public, _private = buckets
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Tenants meeting",
            "file": SimpleUploadedFile("meeting.png", png("navy"), content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title="Tenants meeting")
    assert f"original_images/{Path(image.file.name).name}" in endpoint.keys(public)
    assert requests.get(image.file.url, timeout=10).content == png("navy")


def test_a_document_is_served_from_the_media_bucket(client, home_page, buckets):
    endpoint, public, _private = buckets
    document = get_document_model().objects.create(
        title="Application guide", file=ContentFile(b"%PDF-1.4 guide", name="guide.pdf")
    )

    response = client.get(document.url)

    assert response.status_code == 302
    assert response["Location"].startswith(f"{endpoint.url}/{public}/documents/")
    assert requests.get(response["Location"], timeout=10).content == b"%PDF-1.4 guide"


@pytest.fixture
def photo_owner(home_page, buckets, client):
    """A member who uploaded a photo (through the profile form) for members to see."""
    owner = ProfileFactory(display_name="Photo Owner").user
    client.force_login(owner)
    response = client.post(
        reverse("members:edit_profile"),
        {
            "display_name": "Photo Owner",
            "visibility": "members",
            "photo_visibility": "members",
            "home_area_visibility": "members",
            "programmes_visibility": "members",
            "links_visibility": "members",
            "cohorts_visibility": "members",
            "preferred_language": "en",
            "photo_upload": SimpleUploadedFile("me.jpg", jpeg("olive"), content_type="image/jpeg"),
        },
    )
    assert response.status_code == 302
    client.logout()
    return Profile.objects.get(user=owner)


def test_a_member_photo_is_kept_in_the_private_bucket_only(photo_owner, buckets):
    endpoint, public, private = buckets

    assert endpoint.keys(private) == [photo_owner.photo.name]
    assert endpoint.keys(public) == []


def test_an_allowed_member_gets_the_photo_through_the_site(client, photo_owner, buckets):
    viewer = ProfileFactory(display_name="Allowed Viewer").user
    client.force_login(viewer)

    response = client.get(reverse("members:photo", args=[photo_owner.public_id]))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    with storages["member_photos"].open(photo_owner.photo.name, "rb") as stored:
        assert b"".join(response.streaming_content) == stored.read()


@pytest.mark.parametrize("viewer", ["anonymous", "pending member"])
def test_the_photo_is_refused_to_whom_its_owner_did_not_choose(
    client, photo_owner, buckets, viewer
):
    if viewer == "pending member":
        pending = ProfileFactory(display_name="Pending", status=MembershipStatus.PENDING).user
        client.force_login(pending)

    response = client.get(reverse("members:photo", args=[photo_owner.public_id]))

    assert response.status_code in (302, 403, 404)
    assert not getattr(response, "streaming", False)


def test_the_private_bucket_refuses_anyone_without_credentials(photo_owner, buckets):
    endpoint, _public, private = buckets

    anonymous = requests.get(f"{endpoint.url}/{private}/{photo_owner.photo.name}", timeout=10)

    assert anonymous.status_code == 403
    assert photo_owner.photo.name.encode() not in anonymous.content


def test_files_of_one_app_server_are_read_by_another(buckets):
    """Two processes' storages are the same bucket: what one saved, the other reads."""
    _endpoint, public, _private = buckets
    name = default_storage.save("documents/shared.txt", ContentFile(b"on every server"))

    other = media_storage(
        media_bucket=public,
        endpoint_url=_endpoint.url,
        region=REGION,
        private_media_root="/nonexistent",
        credentials=CREDENTIALS,
    )
    from storages.backends.s3 import S3Storage

    second_server = S3Storage(**other.public["OPTIONS"])
    with second_server.open(name, "rb") as handle:
        assert handle.read() == b"on every server"


# --- The environment, as a deployment sets it ------------------------------------------


def production_settings(**environment) -> dict:
    """What the production settings make of `environment`, in a process of its own."""
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps({'storages': settings.STORAGES, 'media_url': settings.MEDIA_URL, "
        "'img_src': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))"
    )
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MEDIA", "PRIVATE_MEDIA", "S3_", "AWS_", "DJANGO_SETTINGS"))
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **base,
            "DJANGO_SETTINGS_MODULE": "network_site.settings.production",
            "SECRET_KEY": "a-test-secret-that-is-long-enough",
            "WAGTAILADMIN_BASE_URL": "https://network.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://network.example.org",
            **environment,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_buckets_files_stay_on_the_local_disk():
    configured = production_settings(VAR_DIR="/srv/acn/var")

    assert configured["storages"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert configured["storages"]["member_photos"]["OPTIONS"]["location"] == "/srv/acn/var/private"
    assert configured["media_url"] == "/media/"
    assert configured["img_src"] == ["'self'", "data:", "blob:"]


def test_the_bucket_environment_puts_files_in_object_storage_and_its_origin_in_the_csp():
    configured = production_settings(
        MEDIA_BUCKET="acn-media",
        PRIVATE_MEDIA_BUCKET="acn-private",
        S3_ENDPOINT_URL="https://s3.fr-par.example.org",
        S3_REGION="fr-par",
    )

    public, private = configured["storages"]["default"], configured["storages"]["member_photos"]
    assert public["BACKEND"] == private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert public["OPTIONS"]["bucket_name"] == "acn-media"
    assert public["OPTIONS"]["querystring_auth"] is False
    assert private["OPTIONS"]["bucket_name"] == "acn-private"
    assert private["OPTIONS"]["querystring_auth"] is True
    assert configured["media_url"] == "https://s3.fr-par.example.org/acn-media/"
    assert "https://s3.fr-par.example.org" in configured["img_src"]


def test_a_cdn_media_url_is_the_address_of_public_files_and_in_the_csp():
    configured = production_settings(
        MEDIA_BUCKET="acn-media", S3_REGION="eu-west-2", MEDIA_URL="https://media.example.org/"
    )

    assert configured["media_url"] == "https://media.example.org/"
    assert configured["storages"]["default"]["OPTIONS"]["custom_domain"] == "media.example.org"
    assert "https://media.example.org" in configured["img_src"]
    # Only the public media moved: photos stay on the disk, private.
    assert configured["storages"]["member_photos"]["BACKEND"].endswith("FileSystemStorage")


def test_a_media_url_that_is_no_address_is_refused_with_its_name():
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "from django.conf import settings; settings.STORAGES"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "network_site.settings.dev",
            "MEDIA_BUCKET": "acn-media",
            "MEDIA_URL": "media.example.org",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode != 0
    assert "MEDIA_URL must be" in result.stderr
