"""The shipped recipe (deploy/) agrees with the site: every timer runs a command that
exists, every unit runs as acn with the environment file and may write only VAR_DIR,
and nginx accepts the largest upload the settings allow. (make deploy-check runs nginx
and systemd-analyze on the same files.)"""

import configparser
import re
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNITS = DEPLOY / "systemd"
SCHEDULE = {
    "acn-publish-scheduled.timer": ("publish_scheduled", "*:0/5"),
    "acn-send-reminders.timer": ("send_reminders", "*-*-* *:05:00"),
    "acn-send-digest.timer": ("send_digest", "Mon *-*-* 08:00:00"),
    "acn-purge-applications.timer": ("purge_applications", "*-*-* 03:30:00"),
    "acn-purge-guest-replies.timer": ("purge_guest_replies", "*-*-* 03:40:00"),
    "acn-backup.timer": ("backup", "*-*-* 02:15:00"),
    "acn-staff-summary.timer": ("send_staff_summary", "*-*-* 08:00:00 Europe/London"),
}


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string((UNITS / name).read_text())
    return parser


def service_for(timer: str) -> tuple[str, str]:
    """The service file a timer starts, and the manage.py command it runs."""
    target = unit(timer)["Timer"]["Unit"]
    template = re.sub(r"@[^.]+\.service$", "@.service", target)
    exec_start = unit(template)["Service"]["ExecStart"]
    instance = target.partition("@")[2].removesuffix(".service")
    return template, exec_start.replace("%i", instance)


def test_every_timer_runs_an_existing_command_on_its_schedule():
    commands = get_commands()
    assert sorted(path.name for path in UNITS.glob("*.timer")) == sorted(SCHEDULE)
    for timer, (command, when) in SCHEDULE.items():
        assert unit(timer)["Timer"]["OnCalendar"] == when, timer
        service, exec_start = service_for(timer)
        assert exec_start.startswith(f"/srv/acn/.venv/bin/python manage.py {command}"), timer
        assert command in commands, f"{timer}: manage.py {command} does not exist"
        assert unit(service)["Service"]["Type"] == "oneshot"


def test_every_service_runs_as_acn_with_the_environment_file_and_writes_only_var_dir():
    services = sorted(UNITS.glob("*.service"))
    assert {path.name for path in services} >= {"acn-web.service", "acn-worker.service"}
    for path in services:
        service = unit(path.name)["Service"]
        assert service["EnvironmentFile"] == "/etc/acn/acn.env", path.name
        production = "\nEnvironment=DJANGO_SETTINGS_MODULE=network_site.settings.production\n"
        assert production in path.read_text(), path.name
        assert service["User"] == "acn", path.name
        assert service["WorkingDirectory"] == "/srv/acn", path.name
        assert service["ProtectSystem"] == "strict", path.name
        assert service["ReadWritePaths"] == "/var/lib/acn", path.name
        assert service["NoNewPrivileges"] == "yes", path.name
        assert service["CapabilityBoundingSet"] == "", path.name


def test_the_web_and_worker_units_run_gunicorn_and_the_task_worker():
    web = unit("acn-web.service")["Service"]["ExecStart"]
    assert web.startswith("/srv/acn/.venv/bin/gunicorn network_site.wsgi")
    worker = unit("acn-worker.service")["Service"]["ExecStart"]
    assert worker == "/srv/acn/.venv/bin/python manage.py db_worker"


def test_nginx_accepts_the_largest_upload_the_settings_allow():
    site = (DEPLOY / "nginx" / "acn.conf").read_text()
    megabytes = int(re.search(r"^\s*client_max_body_size (\d+)m;", site, re.M).group(1))
    largest = max(
        settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE,
        settings.MEMBER_PHOTO_MAX_BYTES,
    )
    assert largest < megabytes * 1024 * 1024 <= largest * 1.5


def test_nginx_serves_no_folder_but_static_and_media():
    site = (DEPLOY / "nginx" / "acn.conf").read_text()
    roots = re.findall(r"^\s*(?:root|alias)\s+([^;]+);", site, re.M)
    assert roots == ["/var/lib/acn", "/var/lib/acn"]
    served = re.findall(r"^\s*location\s+(\S+)\s*\{\s*\n\s*root", site, re.M)
    assert served == ["/static/", "/media/"]
    assert "private" not in "".join(re.findall(r"^\s*location[^{]*", site, re.M))
