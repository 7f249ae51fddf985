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
# Recycle workers now and then, so a slow leak cannot grow without bound; rarely, for
# a new worker has kept no answers yet (events/api/cached.py): at 50,000 requests,
# each worker started afresh every minute or two under load.
max_requests = 1_000_000
max_requests_jitter = 100_000
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"
