"""Where member photos are kept: a storage no web server serves directly."""

from django.core.files.storage import storages


def member_photo_storage():
    """The `member_photos` storage from settings (outside MEDIA_ROOT; in memory in tests).

    A callable, so that migrations refer to it by name and each environment's settings
    decide where the files go."""
    return storages["member_photos"]
