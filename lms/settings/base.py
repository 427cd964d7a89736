"""Settings shared by every environment; each value an operator may change is read from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("LMS_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "lms.accounts",
    "lms.core",
    "skills",
    "courses",
    "materials",
    "learning",
    "cohorts",
    "coaching",
    "credentials",
    "assessments",
    "xapi",
    "search",
    "demo",
    "home",
    "wagtail.api.v3",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before the page cache, so that pages answered from the cache carry the policy too.
    "lms.core.security.ContentSecurityPolicyMiddleware",
    # Answers anonymous page views from the cache before sessions and users are loaded.
    "lms.core.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Refuses with a 4xx the API requests Wagtail 8.0 would fail on with a 500.
    "lms.core.api_guards.WagtailApiGuardMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "lms.wsgi.application"

# SQLite under var/ unless DATABASE_URL points elsewhere (e.g. postgres://postgres@127.0.0.1:5432/lms).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers proceed while a learner's completion is being written.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A page's queries take milliseconds; PostgreSQL's JIT compiles for hundreds of them whenever
    # the planner over-estimates a query, as it does on tables not yet analysed.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# An index's INCLUDE columns are PostgreSQL's; SQLite builds the same index without them.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failures for one email or from one
# address, signing in with that email or from that address is refused for AXES_COOLOFF_MINUTES,
# even with the right password, on /accounts/login/ and Wagtail's /admin/login/ alike.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Django's login form always names the field "username", whatever USERNAME_FIELD is.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "lms.accounts.throttling.login_identifier"
AXES_CLIENT_IP_CALLABLE = "lms.accounts.throttling.client_ip"
AXES_LOCKOUT_CALLABLE = "lms.accounts.throttling.lockout_response"
AXES_RESET_ON_SUCCESS = True
# A lockout ends when the page says it does, however often someone keeps trying meanwhile.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Failures are kept (for the lockout) but not a row per successful sign-in forever.
AXES_DISABLE_ACCESS_LOG = True
# Proxies in front of gunicorn that append to X-Forwarded-For (0: clients connect directly).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Password reset requests (lms/accounts/throttling.py): beyond these, nothing more is sent.
PASSWORD_RESET_MAX_PER_ADDRESS = int(os.environ.get("PASSWORD_RESET_MAX_PER_ADDRESS", "5"))
PASSWORD_RESET_MAX_PER_EMAIL = int(os.environ.get("PASSWORD_RESET_MAX_PER_EMAIL", "3"))
PASSWORD_RESET_WINDOW_MINUTES = int(os.environ.get("PASSWORD_RESET_WINDOW_MINUTES", "60"))
# Page passwords (Wagtail's password view restrictions; lms/accounts/throttling.py): after this
# many wrong guesses from one address or at one page's password, guessing is paused for the
# cool-off, even with the right password.
PAGE_PASSWORD_FAILURE_LIMIT = int(os.environ.get("PAGE_PASSWORD_FAILURE_LIMIT", "5"))
PAGE_PASSWORD_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("PAGE_PASSWORD_COOLOFF_MINUTES", "15"))
)
# Self-check answers (learning/services.py): after this many wrong answers in a row to one
# module's questions, a learner's answers to them are not graded until the window ends.
SELF_CHECK_MAX_WRONG_ANSWERS = int(os.environ.get("SELF_CHECK_MAX_WRONG_ANSWERS", "5"))
SELF_CHECK_WINDOW_MINUTES = int(os.environ.get("SELF_CHECK_WINDOW_MINUTES", "15"))

LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

# Participants' submissions and trainers' feedback files: outside MEDIA_ROOT and with no URL,
# served only through coaching's views to those allowed to read them.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
# The largest file a participant or a trainer may upload (coaching.uploads).
COACHING_MAX_UPLOAD_BYTES = int(os.environ.get("COACHING_MAX_UPLOAD_MB", "10")) * 1024 * 1024

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor can exceed Django's default of 1000 fields on long modules.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "lms"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
# Seconds an anonymous HTML page stays cached (lms/core/cache.py); off without a shared cache,
# since each gunicorn worker's memory cache would miss the other workers' invalidations.
PAGE_CACHE_SECONDS = int(
    os.environ.get("PAGE_CACHE_SECONDS", "600" if "REDIS_URL" in os.environ else "0")
)
# At most this many pages are stored in each PAGE_CACHE_SECONDS, so that no flood of distinct
# valid URLs (filter combinations, pages of results) can fill the cache shared with the limits.
PAGE_CACHE_MAX_PAGES = int(os.environ.get("PAGE_CACHE_MAX_PAGES", "2000"))

LOGIN_URL = "accounts:login"
# Private pages and document collections send visitors to the site's own sign-in, not Wagtail's.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Response headers. Django's defaults, stated so that a test and an operator can see them.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Video blocks embed players from these origins (courses/blocks.py VideoBlock).
EMBED_FRAME_ORIGINS = env_list(
    "CSP_FRAME_ORIGINS",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
# Where images and files are fetched from besides the site, e.g. an S3 bucket's origin.
MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS")
# No 'unsafe-inline' and no nonce (lms/core/security.py): every script and style is a static file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", *MEDIA_ORIGINS],
        "media-src": ["'self'", *MEDIA_ORIGINS],
        "frame-src": EMBED_FRAME_ORIGINS or ["'none'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin relies on inline scripts and styles, data:/blob: image previews and framing its
# own page previews.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
        "frame-src": ["'self'", *EMBED_FRAME_ORIGINS],
        "frame-ancestors": ["'self'"],
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Cluster Booster Academy"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend for each engine, ranking inside the search index
        # (lms/core/search_sqlite.py, lms/core/search_postgres.py).
        "BACKEND": {
            "django.db.backends.sqlite3": "lms.core.search_sqlite",
            "django.db.backends.postgresql": "lms.core.search_postgres",
        }.get(DATABASES["default"]["ENGINE"], "wagtail.search.backends.database"),
        "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "lms_"),
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Every document downloads as an attachment, with nosniff and `default-src 'none'`, through
# Wagtail's serve view (which also enforces private collections), never straight from storage:
# an uploaded HTML page named report.pdf can never run in the site's origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Raster formats Pillow decodes; no SVG, which can carry scripts.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Refuses decompression bombs: a few KB of PNG that would unpack to gigabytes of pixels.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The v3 API's OpenAPI schema and browsable docs (/api/v3/openapi.json, /api/v3/docs/): on for
# development and the tests (schemathesis reads the schema); production turns them off by default.
WAGTAILAPI_DOCS_ENABLED = env_bool("API_DOCS_ENABLED", True)
# Admin avatars stay local: no editor's email hash is sent to gravatar.com.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The skills taxonomy has its own admin; the generic tag admin only holds free tags.
TAGGIT_CASE_INSENSITIVE = True

# Every email goes through the task queue (lms/core/mail.py); the worker delivers it with
# EMAIL_DELIVERY_BACKEND: in development, one file per message under var/mail/.
EMAIL_BACKEND = "lms.core.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))

# Background work (django-tasks): emails, reminders, offers' deadlines, and Wagtail's own tasks,
# stored in the database and run by `manage.py run_worker` (docs/operations.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "academy@localhost")
# When on, sign-up sends a confirmation link and the account stays inactive until it is opened;
# sign-up then never tells whether an address already has an account (lms/accounts/views.py).
ACCOUNTS_EMAIL_CONFIRMATION = env_bool("ACCOUNTS_EMAIL_CONFIRMATION", False)

# The audit trail (lms/core/audit.py): one JSON object per line on the console. Other loggers keep
# Django's defaults here; production adds a plain console handler for them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "lms.core.audit.JsonFormatter"}},
    "handlers": {"audit": {"class": "logging.StreamHandler", "formatter": "json"}},
    "loggers": {"lms.audit": {"handlers": ["audit"], "level": "INFO"}},
}

# Open Badges 3.0 credentials (credentials/, docs/interoperability.md). The issuer's id and every
# URL in a credential start with WAGTAILADMIN_BASE_URL, the site's public address (HTTPS in
# production). A credential is valid for CREDENTIALS_VALID_DAYS after issue; 0 means no expiry.
CREDENTIALS_ISSUER_NAME = os.environ.get(
    "CREDENTIALS_ISSUER_NAME", "European Cluster Collaboration Platform: Cluster Booster Academy"
)
CREDENTIALS_VALID_DAYS = int(os.environ.get("CREDENTIALS_VALID_DAYS", "0"))
# What the verification page accepts, pasted or uploaded: a credential is a few KB.
CREDENTIALS_MAX_PRESENTED_BYTES = 64 * 1024

# xAPI statements to an external Learning Record Store (xapi/, docs/interoperability.md): off
# unless XAPI_LRS_URL (the LRS's xAPI endpoint, ending /xAPI/ for Ralph) and its credentials are
# set. A failed send is tried again after XAPI_RETRY_SECONDS, doubled each time up to
# XAPI_RETRY_MAX_SECONDS; after XAPI_MAX_ATTEMPTS it waits in the admin's outbox for a resend.
XAPI_LRS_URL = os.environ.get("XAPI_LRS_URL", "")
XAPI_LRS_USERNAME = os.environ.get("XAPI_LRS_USERNAME", "")
XAPI_LRS_PASSWORD = os.environ.get("XAPI_LRS_PASSWORD", "")
XAPI_RETRY_SECONDS = float(os.environ.get("XAPI_RETRY_SECONDS", "30"))
XAPI_RETRY_MAX_SECONDS = float(os.environ.get("XAPI_RETRY_MAX_SECONDS", "3600"))
XAPI_MAX_ATTEMPTS = int(os.environ.get("XAPI_MAX_ATTEMPTS", "12"))
XAPI_TIMEOUT_SECONDS = float(os.environ.get("XAPI_TIMEOUT_SECONDS", "10"))
