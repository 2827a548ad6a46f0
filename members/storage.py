"""Where member photos are kept: a storage no web server (and no bucket) serves directly."""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class MemberPhotoStorage(LazyObject):
    """The `member_photos` storage from settings: PRIVATE_MEDIA_ROOT, the private bucket
    PRIVATE_MEDIA_BUCKET, or memory in tests. Looked up when first used, and again after
    STORAGES changes (a test that puts the photos in a bucket), as Django's own
    `default_storage` is."""

    def _setup(self):
        self._wrapped = storages["member_photos"]


_member_photos = MemberPhotoStorage()


def member_photo_storage():
    """A callable, so that migrations refer to it by name and each environment's settings
    decide where the files go."""
    return _member_photos


@receiver(setting_changed)
def _forget_member_photo_storage(setting, **kwargs):
    if setting == "STORAGES":
        _member_photos._wrapped = empty
