"""The portal as deployed: gunicorn with 3 workers, DEBUG=0, a generated SECRET_KEY, MEDIA_ROOT
and the cache from the environment, behind a (simulated) proxy on 127.0.0.1, on the test
database. Tests talk HTTP to it; data they create must be committed (transactional tests)."""

import contextlib
import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection

from tests.conftest import ROOT, database_url

PROXY = "127.0.0.1"  # the trusted proxy: requests from here may carry X-Forwarded-* headers
PASSWORD = "ein langes Test-Passwort 42"
WORKERS = 3
# Low limits, so the tests reach them in a few requests.
RATE_PAGES = 10
RATE_API = 6


def free_port():
    with socket.socket() as sock:
        sock.bind((PROXY, 0))
        return sock.getsockname()[1]


def test_database_url():
    """The URL of the test database itself (the server tests/conftest.py names)."""
    server, _, query = database_url().rpartition("/postgres")
    return f"{server}/{connection.settings_dict['NAME']}{query}"


class Portal:
    def __init__(self, env, port, media_root, mail_dir, log):
        self.env = env
        self.port = port
        self.media_root = media_root
        self.mail_dir = mail_dir
        self.log = log

    @property
    def origin(self):
        return f"https://{PROXY}:{self.port}"

    def mails(self):
        return sorted(self.mail_dir.iterdir())

    def client(self, client_address="203.0.113.10", peer=PROXY, https=True):
        return Client(self, client_address, peer, https)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body
        self.text = body.decode("utf-8", errors="replace")

    def header(self, name):
        return self.headers.get(name, "")

    def __repr__(self):
        return f"<Response {self.status} {self.header('Location')}>"


class Client:
    """A browser behind the proxy: the proxy adds X-Forwarded-For (the client's address) and
    X-Forwarded-Proto, as the README's nginx snippet does. Cookies are kept by hand (they are
    `Secure`, and the hop from the proxy is plain HTTP)."""

    def __init__(self, portal, client_address, peer, https):
        self.portal = portal
        self.client_address = client_address
        self.peer = peer
        self.https = https
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, content_type=None):
        conn = http.client.HTTPConnection(
            PROXY, self.portal.port, timeout=30, source_address=(self.peer, 0)
        )
        sent = {
            "Host": f"{PROXY}:{self.portal.port}",
            "X-Forwarded-For": self.client_address,
            **({"X-Forwarded-Proto": "https"} if self.https else {}),
            **({"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
               if self.cookies else {}),
            **({"Content-Type": content_type} if content_type else {}),
            **(headers or {}),
        }  # fmt: skip
        if method == "POST":
            sent.setdefault("Origin", self.portal.origin)
            sent.setdefault("Referer", self.portal.origin + path)
        try:
            conn.request(method, path, body=body, headers=sent)
            raw = conn.getresponse()
            response = Response(raw.status, raw.headers, raw.read())
        finally:
            conn.close()
        for header in raw.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, **kwargs):
        fields = dict(data)
        if "csrftoken" in self.cookies:
            fields.setdefault("csrfmiddlewaretoken", self.cookies["csrftoken"])
        body = urllib.parse.urlencode(fields, doseq=True)
        return self.request(
            "POST", path, body=body, content_type="application/x-www-form-urlencoded", **kwargs
        )

    def post_multipart(self, path, fields, files):
        boundary = secrets.token_hex(16)
        parts = []
        for name, value in [*fields, ("csrfmiddlewaretoken", self.cookies["csrftoken"])]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for name, (filename, content, mime) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {mime}\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(
            "POST", path, body=b"".join(parts),
            content_type=f"multipart/form-data; boundary={boundary}",
        )  # fmt: skip

    def log_in(self, username, password=PASSWORD):
        self.get("/konto/login/")
        response = self.post("/konto/login/", {"username": username, "password": password})
        assert response.status == 302, re.findall(
            r"(?s)errorlist.*?</ul>|alert.*?</div>", response.text
        )
        return response


def form_fields(html, form_id):
    """The fields a browser would submit from the form with this id (inputs, selects,
    textareas), as a list of (name, value) pairs."""
    form = re.search(rf'<form[^>]*id="{form_id}".*?</form>', html, re.S).group(0)
    fields = []
    for tag in re.finditer(r"<input\b[^>]*>", form):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag.group(0)))
        kind = attrs.get("type", "text")
        if "name" not in attrs or kind in {"submit", "file", "button"}:
            continue
        if kind in {"checkbox", "radio"} and "checked" not in tag.group(0):
            continue
        fields.append((attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")))
    for select in re.finditer(r'<select\b[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        for option in re.finditer(r"<option\b[^>]*>", select.group(2)):
            if "selected" in option.group(0):
                value = re.search(r'value="([^"]*)"', option.group(0)).group(1)
                fields.append((select.group(1), value))
    for area in re.finditer(r'<textarea\b[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        fields.append((area.group(1), area.group(2).strip()))
    return [(name, _unescape(value)) for name, value in fields]


def _unescape(value):
    import html

    return html.unescape(value)


def portal_environment(database, base, **overrides):
    """The environment of a production deployment on `database`, with its folders in `base`."""
    media_root, static_root, mail_dir = base / "media", base / "static", base / "mail"
    for folder in (media_root, static_root, mail_dir):
        folder.mkdir(exist_ok=True)
    port = free_port()
    skip = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "CACHE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in skip and not k.startswith("NETZPOL_")}
    return env | {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database,
        "ALLOWED_HOSTS": PROXY,
        "MEDIA_ROOT": str(media_root),
        "STATIC_ROOT": str(static_root),
        "EMAIL_URL": f"filemail:///{mail_dir}",  # django-environ drops one slash
        "BIND": f"{PROXY}:{port}",
        "WEB_CONCURRENCY": str(WORKERS),
        "NETZPOL_TRUSTED_PROXIES": PROXY,
        "NETZPOL_RATE_PAGES": f"{RATE_PAGES}/h",  # hours: no window ends mid-test
        "NETZPOL_RATE_API": f"{RATE_API}/h",
        # The contact form's minimum fill time is tested without a server (tests/requests).
        "NETZPOL_REQUEST_MIN_SECONDS": "0",
        "NETZPOL_SITE_URL": f"https://{PROXY}:{port}",
        "LOG_LEVEL": "WARNING",
        **overrides,
    }


def manage(env, *args, timeout=300):
    """`manage.py` in the deployment's environment; its output on failure."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@contextlib.contextmanager
def serve(env, base):
    """gunicorn as deployed (collectstatic first, as in production), until the block ends."""
    manage(env, "collectstatic", "--noinput", "-v0")
    log = base / "gunicorn.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "netzpol/gunicorn.conf.py", "netzpol.wsgi",
             "--access-logfile", "-"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    port = int(env["BIND"].rpartition(":")[2])
    mail_dir = Path(env["EMAIL_URL"].removeprefix("filemail://"))
    running = Portal(env, port, Path(env["MEDIA_ROOT"]), mail_dir, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if running.client().get("/healthz").status == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield running
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="session")
def portal(django_db_setup, django_db_blocker, tmp_path_factory):
    """gunicorn serving the portal as in production on the test database, for the session."""
    with django_db_blocker.unblock():
        url = test_database_url()
    base = tmp_path_factory.mktemp("portal")
    with serve(portal_environment(url, base), base) as running:
        yield running


@pytest.fixture
def live(portal, transactional_db):
    """The running portal, with empty rate-limit counters and mailbox."""
    cache.clear()  # the shared cache: the portal's workers count in it too
    for mail in portal.mail_dir.iterdir():
        mail.unlink()
    return portal
