"""Where uploaded files are kept: the local disk under VAR_DIR, or S3-compatible object
storage (AWS, MinIO, Ceph, Scaleway, Backblaze …) through django-storages.

Two kinds of files, two places:
- public media (Wagtail images, their renditions, documents): MEDIA_ROOT, or the bucket
  MEDIA_BUCKET, whose objects visitors' browsers fetch directly, so that bucket must let
  anyone read its objects (a bucket policy; the README shows one);
- private files (member photos): PRIVATE_MEDIA_ROOT, or the bucket PRIVATE_MEDIA_BUCKET,
  which nobody reads but the site: members/views/directory.py streams a photo only to those its
  owner chose, so the bucket stays private and no address of an object is ever shown.

With either bucket set, every app server reads and writes the same files: what one
server stored, the next one serves. Credentials come from boto3's usual places
(AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment, or an instance role).
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
FILE_BACKEND = "django.core.files.storage.FileSystemStorage"
# A file read from a bucket (a backup, a photo streamed to a member) stays in memory up
# to this size and goes to a temporary file beyond it: never a whole large file in memory.
IN_MEMORY_UP_TO = 2 * 1024 * 1024
# Public media names never repeat (file_overwrite off), so browsers and a CDN may keep
# them; a day, so that a file removed from the site is gone from caches soon after.
PUBLIC_CACHE_CONTROL = "public, max-age=86400"


@dataclass(frozen=True)
class MediaStorage:
    """The `default` (public media) and `member_photos` (private) entries of STORAGES,
    the MEDIA_URL that public files are addressed by, and the origins (other than the
    site's own) that pages load images from, for the Content-Security-Policy."""

    public: dict
    private: dict
    url: str
    origins: list[str] = field(default_factory=list)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _checked_url(name: str, value: str) -> str:
    """An http(s) address or an absolute path, ending with a slash."""
    parts = urlsplit(value)
    absolute = parts.scheme in ("http", "https") and parts.netloc
    if not (absolute or (not parts.scheme and not parts.netloc and value.startswith("/"))):
        raise ImproperlyConfigured(
            f"{name} must be an https:// address (such as https://media.example.org/) or a "
            f"path on the site (such as /media/), not {value!r}."
        )
    if parts.query or parts.fragment:
        raise ImproperlyConfigured(f"{name} must have no ?query or #fragment, not {value!r}.")
    return value if value.endswith("/") else value + "/"


def _bucket_options(bucket: str, endpoint_url: str, region: str) -> dict:
    options = {"bucket_name": bucket, "file_overwrite": False, "max_memory_size": IN_MEMORY_UP_TO}
    if endpoint_url:
        # Services other than AWS answer at their own address, with the bucket in the
        # path (MinIO and moto need it there; the others accept it).
        options["endpoint_url"] = endpoint_url
        options["addressing_style"] = "path"
    if region:
        options["region_name"] = region
    return options


def media_storage(
    *,
    media_bucket: str = "",
    private_media_bucket: str = "",
    endpoint_url: str = "",
    region: str = "",
    media_url: str = "",
    private_media_root: str,
    credentials: dict | None = None,
) -> MediaStorage:
    """The storages for these settings (the environment's, or a test's).

    `credentials` (access_key, secret_key) is for tests; a deployment leaves it out and
    boto3 finds them in the environment."""
    if endpoint_url:
        endpoint_url = endpoint_url.rstrip("/")
        if urlsplit(endpoint_url).scheme not in ("http", "https"):
            raise ImproperlyConfigured(
                "S3_ENDPOINT_URL must be the service's https:// address (such as "
                f"https://s3.fr-par.scw.cloud), not {endpoint_url!r}."
            )
    if media_url:
        media_url = _checked_url("MEDIA_URL", media_url)

    if media_bucket:
        if media_url and urlsplit(media_url).netloc:
            public_url = media_url  # a CDN in front of the bucket
        elif media_url:
            raise ImproperlyConfigured(
                "MEDIA_URL must be a full https:// address when MEDIA_BUCKET is set (files "
                f"are served by the bucket or a CDN, not by the site), not {media_url!r}."
            )
        elif endpoint_url:
            public_url = f"{endpoint_url}/{media_bucket}/"
        else:
            host = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
            public_url = f"https://{media_bucket}.{host}/"
        parts = urlsplit(public_url)
        public = {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **_bucket_options(media_bucket, endpoint_url, region),
                **(credentials or {}),
                # Addresses without a signature, so pages and caches keep them.
                "querystring_auth": False,
                "custom_domain": f"{parts.netloc}{parts.path}".rstrip("/"),
                "url_protocol": f"{parts.scheme}:",
                "object_parameters": {"CacheControl": PUBLIC_CACHE_CONTROL},
            },
        }
    else:
        # MEDIA_ROOT, addressed by MEDIA_URL (nginx serves it; or a CDN in front).
        public_url = media_url or "/media/"
        public = {"BACKEND": FILE_BACKEND}

    if private_media_bucket:
        private = {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **_bucket_options(private_media_bucket, endpoint_url, region),
                **(credentials or {}),
                # The site streams these files itself; should an address ever be made,
                # it is signed and short-lived.
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        }
    else:
        # Outside MEDIA_ROOT: no web server serves them, and only members/views/directory.py hands
        # one out, to whom its owner chose.
        private = {
            "BACKEND": FILE_BACKEND,
            "OPTIONS": {"location": private_media_root, "base_url": None},
        }

    origins = [_origin(public_url)] if urlsplit(public_url).netloc else []
    return MediaStorage(public=public, private=private, url=public_url, origins=origins)
