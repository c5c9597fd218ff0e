"""gunicorn settings: `gunicorn -c netzpol/gunicorn.conf.py netzpol.wsgi`.

Sync workers each hold one persistent database connection (CONN_MAX_AGE), so the number of
app servers × WEB_CONCURRENCY must stay below PostgreSQL's max_connections.

The proxy contract (README, "Production"): only peers in NETZPOL_TRUSTED_PROXIES are proxies,
and all a proxy may tell gunicorn is that the request came over HTTPS (X-Forwarded-Proto:
https). No header becomes SCRIPT_NAME, PATH_INFO or REMOTE_USER, whoever sends it: the portal
is served at the root of its host. The client's address (X-Forwarded-For) is read by the
portal itself, from the same trusted peers (directory.core.middleware.TrustedProxyMiddleware).
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
accesslog = "-"
forwarded_allow_ips = os.environ.get("NETZPOL_TRUSTED_PROXIES", "127.0.0.1,::1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
forwarder_headers = ""
