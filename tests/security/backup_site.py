"""A site with every hard case a backup must carry, and a picture of it, each in a
process of its own for tests/security/test_backup.py:

    python -m tests.security.backup_site build      # the demo site and what it lacks
    python -m tests.security.backup_site snapshot   # every row and file, as JSON

`build` runs `load_demo` (pages in two locales with revisions, a workflow in progress,
translations, log entries, tags and their through-models, mentoring, events with
replies, a document) and adds what the demo does not make: images with renditions, a
member's photo, a TOTP authenticator with recovery codes, a signed-in session, a
draft revision of a translated page, a comment, a snippet's log entry and a document
larger than one read of the archive. `snapshot` prints every row of every table and a
hash of every stored file, in a form that compares across SQLite and PostgreSQL.
"""

import hashlib
import io
import json
import sys
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from uuid import UUID

# Larger than tarfile's 16 KiB and Django's 64 KiB reads: the document is copied in pieces.
LARGE_DOCUMENT_BYTES = 3 * 1024 * 1024 + 17
# The search index is rebuilt by `restore`, not copied (its columns differ between
# SQLite and PostgreSQL), so it is compared as the set of objects it indexes.
SEARCH_INDEX_MODELS = {"wagtailsearch.indexentry", "wagtailsearch.sqliteftsindexentry"}


def build():
    from django.core.management import call_command
    from django.test.utils import override_settings

    # The demo's forty-odd accounts would spend most of the run hashing passwords. Its
    # tasks (Wagtail's reference and search index updates) run at once, as on a site
    # whose worker has caught up.
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    ):
        call_command("load_demo", verbosity=0, stdout=io.StringIO())
        _add_what_the_demo_lacks()
    # A live site's index can lag behind; this one is complete, like a rebuilt one.
    call_command("update_index", verbosity=0)


def _jpeg(colour: str, size=(64, 48)) -> bytes:
    from PIL import Image as PillowImage

    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def _add_what_the_demo_lacks():
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.log_actions import log
    from wagtail.models import Comment, Locale, Page

    from home.models import HomePage, Organisation
    from members.models import Profile, User

    staff = User.objects.filter(is_superuser=True).order_by("pk").first()
    member = Profile.objects.filter(user__is_staff=False).order_by("pk").first()

    image = get_image_model().objects.create(
        title="Tenants' meeting «اجتماع» 會議",
        file=ImageFile(io.BytesIO(_jpeg("teal")), name="tenants-meeting.jpg"),
    )
    image.get_rendition("fill-32x32")
    image.get_rendition("width-20|format-webp")

    get_document_model().objects.create(
        title="Application pack",
        file=ContentFile(bytes(range(256)) * (LARGE_DOCUMENT_BYTES // 256), name="pack.pdf"),
    )

    member.photo.save("face.jpg", ContentFile(_jpeg("navy", (40, 40))), save=True)
    TOTP.activate(member.user, generate_totp_secret())
    RecoveryCodes.activate(member.user)
    session = SessionStore()
    session["_auth_user_id"] = str(member.user.pk)
    session.create()

    # A translated page with unpublished changes, and an editor's comment on them.
    other_locale = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("pk")
    translated = HomePage.objects.filter(locale__in=other_locale).order_by("pk").first()
    translated.title = f"{translated.title} (draft)"
    revision = translated.save_revision(user=staff, log_action=True)
    Comment.objects.create(
        page=Page.objects.get(pk=translated.pk),
        user=staff,
        text="Check the new title with the translator.",
        contentpath="title",
        revision_created=revision,
    )

    organisation = Organisation.objects.order_by("pk").first()
    log(instance=organisation, action="wagtail.edit", user=staff)


def _canonical(value):
    """A value as JSON that reads the same from SQLite and from PostgreSQL."""
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | UUID | timedelta):
        return str(value)
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(item) for item in value]
    if hasattr(value, "get_prep_value"):  # StreamField values
        return _canonical(value.get_prep_value())
    return value


def _every_file(storage, directory=""):
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    prefix = f"{directory}/" if directory else ""
    for name in files:
        yield prefix + name
    for sub in directories:
        yield from _every_file(storage, prefix + sub)


def _ids_already_taken(models) -> list[str]:
    """Tables whose next generated id belongs to a row already: a PostgreSQL sequence
    left behind by rows loaded with their own ids, so the site's next save would fail."""
    from django.db import connection
    from django.db.models.fields import AutoFieldMixin

    if connection.vendor != "postgresql":
        return []  # SQLite numbers past the largest id whatever its counter says
    taken = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in models:
            table, pk = model._meta.db_table, model._meta.pk
            if not isinstance(pk, AutoFieldMixin):
                continue
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, pk.column])
            (sequence,) = cursor.fetchone()
            cursor.execute(f"SELECT last_value, is_called FROM {sequence}")  # noqa: S608
            last, called = cursor.fetchone()
            cursor.execute(f"SELECT max({quote(pk.column)}) FROM {quote(table)}")  # noqa: S608
            (largest,) = cursor.fetchone()
            if largest is not None and (last + 1 if called else last) <= largest:
                taken.append(table)
    return taken


def snapshot() -> dict:
    from django.apps import apps
    from django.conf import settings
    from django.core.files.storage import storages
    from django.db import connection
    from wagtail.models import Page
    from wagtail.search.models import IndexEntry

    tables, modelled = {}, set()
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    for model in models:
        modelled.add(model._meta.db_table)
        if model._meta.label_lower in SEARCH_INDEX_MODELS:
            continue
        rows = [_canonical(row) for row in model._base_manager.values()]
        if model._meta.auto_created:
            # Django's many-to-many tables: the pairs they link (their own id is
            # referenced by nothing, and loading the pairs numbers them afresh).
            tables[model._meta.db_table] = sorted(
                json.dumps({key: value for key, value in row.items() if key != "id"})
                for row in rows
            )
        else:
            pk = model._meta.pk.attname
            tables[model._meta.db_table] = {str(row[pk]): row for row in rows}
    search_index = sorted(
        f"{app}.{model}:{object_id}"
        for app, model, object_id in IndexEntry.objects.values_list(
            "content_type__app_label", "content_type__model", "object_id"
        )
    )
    # What a visitor's search finds, which the full-text tables behind the index decide.
    searches = {
        words: sorted(str(page.pk) for page in Page.objects.search(words))
        for words in ("leadership", "mentoring programme", "Hong Kong")
    }
    files = {}
    # Every storage but the static files, which `collectstatic` builds from the code.
    for alias in sorted(set(settings.STORAGES) - {"staticfiles"}):
        storage = storages[alias]
        files[alias] = {}
        for name in _every_file(storage):
            digest = hashlib.sha256()
            with storage.open(name, "rb") as handle:
                for chunk in handle.chunks():
                    digest.update(chunk)
            files[alias][name] = digest.hexdigest()
    return {
        "tables": tables,
        "unmodelled_tables": sorted(set(connection.introspection.table_names()) - modelled),
        "search_index": search_index,
        "searches": searches,
        "ids_already_taken": _ids_already_taken(models),
        "files": files,
    }


if __name__ == "__main__":
    import django

    django.setup()
    if sys.argv[1:] == ["build"]:
        build()
    elif sys.argv[1:] == ["snapshot"]:
        json.dump(snapshot(), sys.stdout)
    else:
        sys.exit("usage: python -m tests.security.backup_site build|snapshot")
