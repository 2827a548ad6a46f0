"""Hostile uploads are refused on the field with a clear message, and text that members
or editors type is escaped where it is shown."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from members.models import Profile
from tests.members.test_photos import profile_post

SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def png_bytes(size, mode="1"):
    output = io.BytesIO()
    Image.new(mode, size).save(output, format="PNG")
    return output.getvalue()


def test_member_photo_svg_with_a_script_is_refused(client, approved_member):
    client.force_login(approved_member)
    upload = SimpleUploadedFile("face.svg", SVG_WITH_SCRIPT, content_type="image/svg+xml")
    response = profile_post(client, approved_member.profile, photo_upload=upload)
    assert response.status_code == 200
    assert "This file is not a photo we can read." in response.text
    assert not Profile.objects.get(pk=approved_member.profile.pk).photo


def test_member_photo_svg_disguised_as_jpeg_is_refused(client, approved_member):
    client.force_login(approved_member)
    upload = SimpleUploadedFile("face.jpg", SVG_WITH_SCRIPT, content_type="image/jpeg")
    response = profile_post(client, approved_member.profile, photo_upload=upload)
    assert "This file is not a photo we can read." in response.text
    assert not Profile.objects.get(pk=approved_member.profile.pk).photo


def wagtail_image_form(upload):
    form_class = get_image_form(get_image_model())
    return form_class(
        data={"title": "Upload", "collection": 1},
        files={"file": upload},
        user=None,
    )


def test_wagtail_image_that_decompresses_to_a_huge_size_is_refused(db, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    data = png_bytes((4000, 4000))  # a small file of 16 million pixels
    assert len(data) < 100_000
    form = wagtail_image_form(SimpleUploadedFile("bomb.png", data, content_type="image/png"))
    assert not form.is_valid()
    assert "pixels" in str(form.errors["file"])


def test_wagtail_image_svg_is_refused(db):
    upload = SimpleUploadedFile("logo.svg", SVG_WITH_SCRIPT, content_type="image/svg+xml")
    form = wagtail_image_form(upload)
    assert not form.is_valid()
    assert "file" in form.errors


def test_wagtail_image_whose_content_does_not_match_its_extension_is_refused(db):
    upload = SimpleUploadedFile("photo.png", b"MZ\x90\x00 not an image", content_type="image/png")
    form = wagtail_image_form(upload)
    assert not form.is_valid()
    assert "file" in form.errors


def test_profile_text_with_script_is_escaped_on_the_profile(client, approved_member, viewers):
    profile = approved_member.profile
    profile.headline = '<script>alert("x")</script>'
    profile.bio = '<img src=x onerror=alert(1)> "quoted"'
    profile.save()
    client.force_login(viewers["another"])
    response = client.get(reverse("members:profile", args=[profile.public_id]))
    assert response.status_code == 200
    assert '<script>alert("x")</script>' not in response.text
    assert "&lt;script&gt;" in response.text
    assert "<img src=x onerror" not in response.text


def test_rich_text_drops_scripts_and_event_handlers(db):
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
    from wagtail.rich_text import expand_db_html

    stored = EditorHTMLConverter().to_database_format(
        '<p onclick="alert(1)">Hi<script>alert(2)</script><a href="javascript:alert(3)">x</a></p>'
    )
    shown = expand_db_html(stored)
    assert "<script" not in shown
    assert "onclick" not in shown
    assert "javascript:" not in shown
