"""`manage.py load_demo` refuses to fill a production database by mistake (its own module:
tests/home/test_load_demo.py shares one loaded demo between its tests)."""

import io

import pytest
from django.core.management import CommandError, call_command

from home.models import HomePage
from tests.home.test_load_demo import stored_counts


def test_load_demo_refuses_to_run_with_debug_off_unless_forced(db):
    before = stored_counts()

    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", stdout=io.StringIO())

    assert stored_counts() == before
    assert not HomePage.objects.exists()
