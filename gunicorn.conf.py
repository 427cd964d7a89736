"""gunicorn settings for the academy (`make serve`, or `gunicorn lms.wsgi` in production).

Each value can be overridden from the environment, e.g. GUNICORN_BIND=0.0.0.0:8000 in a container.
"""

import multiprocessing
import os

wsgi_app = "lms.wsgi:application"
raw_env = [
    "DJANGO_SETTINGS_MODULE=" + os.environ.get("DJANGO_SETTINGS_MODULE", "lms.settings.production")
]
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Rendering pages is CPU-bound: one process per core, one thread each. On 2 cores, 2 processes
# served a course page a third faster than 5 (docs/performance.md); with the database on another
# machine, more processes can hide its latency: set WEB_CONCURRENCY.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Import Django once in the master: workers start ready and share the loaded code's memory.
# Safe because Django opens database connections lazily, in each worker.
preload_app = True
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so that a slow leak can never take the site down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# The TLS proxy in front of gunicorn, whose X-Forwarded-* headers are trusted.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
