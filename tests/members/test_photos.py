"""Photos: only reasonable JPEG, PNG or WebP files, re-encoded without any metadata."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from members.models import Profile


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (1200, 900), "teal")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 40.0)}
    exif[0x8825] = gps  # GPSInfo
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    data = output.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the test file has GPS
    return data


def profile_post(client, profile, **files):
    data = {
        "display_name": profile.display_name,
        "visibility": "members",
        "photo_visibility": "members",
        "home_area_visibility": "members",
        "programmes_visibility": "members",
        "links_visibility": "members",
        "cohorts_visibility": "members",
        "preferred_language": "en",
        **files,
    }
    return client.post(reverse("members:edit_profile"), data)


def test_uploaded_photo_is_stored_without_exif_or_gps(client, approved_member):
    client.force_login(approved_member)
    upload = SimpleUploadedFile("holiday.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = profile_post(client, approved_member.profile, photo_upload=upload)
    assert response.status_code == 302
    profile = Profile.objects.get(pk=approved_member.profile.pk)
    assert "holiday" not in profile.photo.name
    with profile.photo.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert "exif" not in image.info
    assert max(image.size) <= 800


def test_a_file_that_is_not_an_image_is_refused_on_the_field(client, approved_member):
    client.force_login(approved_member)
    upload = SimpleUploadedFile("me.jpg", b"<svg onload=alert(1)>", content_type="image/jpeg")
    response = profile_post(client, approved_member.profile, photo_upload=upload)
    assert response.status_code == 200
    assert "not a photo we can read" in response.text
    assert not Profile.objects.get(pk=approved_member.profile.pk).photo


def test_gif_is_refused_with_the_accepted_formats(client, approved_member):
    client.force_login(approved_member)
    output = io.BytesIO()
    Image.new("RGB", (10, 10)).save(output, format="GIF")
    upload = SimpleUploadedFile("me.gif", output.getvalue(), content_type="image/gif")
    response = profile_post(client, approved_member.profile, photo_upload=upload)
    assert "Upload a JPEG, PNG or WebP photo." in response.text


def test_an_image_that_decompresses_to_an_enormous_size_is_refused(
    client, approved_member, settings
):
    settings.MEMBER_PHOTO_MAX_PIXELS = 1_000_000
    output = io.BytesIO()
    Image.new("1", (4000, 4000)).save(output, format="PNG")  # tiny file, 16 million pixels
    assert len(output.getvalue()) < 100_000
    client.force_login(approved_member)
    upload = SimpleUploadedFile("bomb.png", output.getvalue(), content_type="image/png")
    response = profile_post(client, approved_member.profile, photo_upload=upload)
    assert "too big" in response.text


def test_a_file_over_the_size_limit_is_refused(client, approved_member, settings):
    settings.MEMBER_PHOTO_MAX_BYTES = 1024
    client.force_login(approved_member)
    upload = SimpleUploadedFile("big.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = profile_post(client, approved_member.profile, photo_upload=upload)
    assert "too large" in response.text
