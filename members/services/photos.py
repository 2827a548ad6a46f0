"""Profile photos: refuse anything that is not a reasonably sized JPEG, PNG or WebP,
and re-encode what we keep so that no metadata (camera, GPS position) survives."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
STORED_SIZE = (800, 800)


def reencode_photo(upload) -> ContentFile:
    """Check an uploaded photo and return a clean JPEG copy, or raise ValidationError."""
    if upload.size > settings.MEMBER_PHOTO_MAX_BYTES:
        raise ValidationError(
            _("This photo is too large. Choose a file under %(size)s MB.")
            % {"size": settings.MEMBER_PHOTO_MAX_BYTES // (1024 * 1024)}
        )
    upload.seek(0)
    try:
        # Opening reads only the header: format and dimensions are known before decoding.
        with Image.open(upload) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG or WebP photo."))
            width, height = image.size
            if width * height > settings.MEMBER_PHOTO_MAX_PIXELS:
                raise ValidationError(
                    _("This picture is too big (%(width)s × %(height)s pixels). Use a smaller one.")
                    % {"width": width, "height": height}
                )
            image.load()
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGB")
            image.thumbnail(STORED_SIZE)
            clean = Image.new("RGB", image.size)
            clean.paste(image)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as error:
        raise ValidationError(_("This file is not a photo we can read.")) from error
    output = io.BytesIO()
    clean.save(output, format="JPEG", quality=85, optimize=True)
    return ContentFile(output.getvalue(), name="photo.jpg")
