"""gunicorn settings: `gunicorn -c netzpol/gunicorn.conf.py netzpol.wsgi`.

Sync workers each hold one persistent database connection (CONN_MAX_AGE), so the number of
app servers × WEB_CONCURRENCY must stay below PostgreSQL's max_connections.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
