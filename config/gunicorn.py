"""gunicorn's settings for `make serve-prod`: a worker per core, threads for waits on the database.

Each thread keeps its database connection between requests (CONN_MAX_AGE).
"""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_WORKERS", os.cpu_count() or 1))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
# Load the application once, before forking: workers share its memory pages,
# and the embedded database (when DATABASE_URL is unset) is started once.
preload_app = True
# A request that takes this long is stuck: the worker is replaced.
timeout = 30
graceful_timeout = 20
# Recycle workers now and then, so a slow leak cannot grow without bound.
max_requests = 50_000
max_requests_jitter = 5_000
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"
