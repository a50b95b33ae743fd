"""django-helpdesk's ``get_email`` on the benchmark's backlog, for comparison.

    python bench/bench_core_helpdesk.py --work DIR --imap-port P --smtp-port P --password PW
                                        [--expect N] ADDRESS...

Installs django-helpdesk 2.6.1 from PyPI into a throwaway venv under /tmp
(``/tmp/bench-core-helpdesk-venv``, reused; never the project's venv), makes a
minimal Django project in DIR (SQLite, SMTP email to the stack), one queue per
ADDRESS (IMAP on the stack, STARTTLS as helpdesk does it, acknowledgements to
the submitter on), then times one ``manage.py get_email`` over all queues in
its own process. Prints one JSON line: rate, seconds, tickets, peak RSS.
Note: get_email deletes every mail it imports from the inboxes.
Exit status 3 when the venv cannot be made (no network, PyPI refuses).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

VENV = Path("/tmp/bench-core-helpdesk-venv")
PACKAGE = "django-helpdesk==2.6.1"

SETTINGS = """
import os
SECRET_KEY = "bench-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
    "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
    "django.contrib.sites", "django.contrib.humanize", "rest_framework", "helpdesk",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
SITE_ID = 1
ROOT_URLCONF = "urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(os.path.dirname(__file__), "db.sqlite3")}}
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True,
              "OPTIONS": {"context_processors": ["django.contrib.auth.context_processors.auth",
                                                 "django.contrib.messages.context_processors.messages",
                                                 "django.template.context_processors.request"]}}]
USE_TZ = True
STATIC_URL = "/static/"
MEDIA_ROOT = os.path.join(os.path.dirname(__file__), "media")
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = @SMTP_PORT@
DEFAULT_FROM_EMAIL = "helpdesk@bench.example"
HELPDESK_TEAMS_MODE_ENABLED = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "handlers": {}, "root": {"level": "WARNING"}}
"""

URLS = """
from django.urls import include, path
urlpatterns = [path("helpdesk/", include("helpdesk.urls", namespace="helpdesk"))]
"""

MANAGE = """
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
from django.core.management import execute_from_command_line
execute_from_command_line(sys.argv)
"""

QUEUES = """
from helpdesk.models import Queue
for i, address in enumerate({addresses!r}):
    Queue.objects.create(
        title=f"Store {{i}}", slug=f"store{{i}}", email_address=address,
        allow_email_submission=True, email_box_type="imap", email_box_host="127.0.0.1",
        email_box_port={imap_port}, email_box_ssl=False, email_box_user=address,
        email_box_pass={password!r}, email_box_imap_folder="INBOX", email_box_interval=0,
        logging_type="none",
    )
"""


def ensure_venv() -> Path:
    python = VENV / "bin" / "python"
    check = [str(python), "-c", "import helpdesk, django"]
    if python.exists() and subprocess.run(check, capture_output=True, check=False).returncode == 0:
        return python
    subprocess.run(["python3", "-m", "venv", str(VENV)], check=True, capture_output=True)
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", PACKAGE], capture_output=True, text=True, check=False)
    if install.returncode != 0:
        print(f"pip install {PACKAGE} failed:\n{install.stderr[-1500:]}", file=sys.stderr)
        sys.exit(3)
    return python


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--imap-port", type=int, required=True)
    parser.add_argument("--smtp-port", type=int, required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--expect", type=int, default=0)
    parser.add_argument("addresses", nargs="+")
    args = parser.parse_args()
    python = ensure_venv()
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    (work / "settings.py").write_text(SETTINGS.replace("@SMTP_PORT@", str(args.smtp_port)))
    (work / "urls.py").write_text(URLS)
    (work / "manage.py").write_text(MANAGE)
    manage = [str(python), str(work / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], check=True, capture_output=True, cwd=work)
    queues = QUEUES.format(addresses=list(args.addresses), imap_port=args.imap_port, password=args.password)
    subprocess.run([*manage, "shell", "-c", queues], check=True, capture_output=True, cwd=work)

    log = (work / "get_email.log").open("wb")
    start = time.time()
    proc = subprocess.Popen([*manage, "get_email", "--quiet"], stdout=log, stderr=subprocess.STDOUT, cwd=work)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.time() - start
    log.close()
    code = os.waitstatus_to_exitcode(status)
    with sqlite3.connect(work / "db.sqlite3") as db:
        tickets = db.execute("select count(*) from helpdesk_ticket").fetchone()[0]
    if code != 0 or tickets == 0:
        print(f"get_email exited {code} with {tickets} tickets; see {work / 'get_email.log'}", file=sys.stderr)
        return 1
    print(json.dumps({
        "rate": tickets / seconds, "seconds": seconds, "tickets": tickets, "expected": args.expect,
        "maxrss_mb": usage.ru_maxrss / 1024, "version": PACKAGE,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
