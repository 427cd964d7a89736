"""Production: everything an operator sets comes from the environment (docs/production.env.example).

`DJANGO_SETTINGS_MODULE=lms.settings.production python manage.py check --deploy` passes with no
warning once the sample environment is filled in.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if SECRET_KEY.startswith("replace-this"):
    raise ImproperlyConfigured("SECRET_KEY is still the placeholder from the sample environment.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names in production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
# The API's schema maps every endpoint, writes included, for whoever probes the site: published
# only where API_DOCS_ENABLED says so (e.g. on a staging site for the editors' scripts).
WAGTAILAPI_DOCS_ENABLED = env_bool("API_DOCS_ENABLED", False)

# Persistent connections (base already checks their health before each request).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))

# HTTPS. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=true (the proxy must set
# X-Forwarded-Proto and strip it from clients); SECURE_SSL_REDIRECT=false only where the proxy
# already redirects, and for `make serve` on 127.0.0.1.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe health over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is a commitment browsers remember for months: opt in explicitly.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)

# Static files: whitenoise serves hashed, compressed files straight from gunicorn.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"

# Media on S3-compatible storage when a bucket is named (pip install ".[s3]"); django-storages
# reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_S3_ENDPOINT_URL… from the environment itself.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "default_acl": None,
            # Signed URLs that expire (docs/operations.md): images and their renditions are plain
            # media URLs, so unsigned, a private collection's image is anyone's who has its URL.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            "file_overwrite": False,
        },
    }
    # Submissions and feedback files under a prefix of their own, never public: the site streams
    # them to the people allowed to read them (coaching.views).
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "location": "private",
            "default_acl": "private",
            "file_overwrite": False,
        },
    }

# Search: Elasticsearch or OpenSearch by URL (then run `manage.py update_index`); otherwise the
# database backend from base (PostgreSQL full-text search on PostgreSQL).
if os.environ.get("SEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"),
            "URLS": env_list("SEARCH_URL"),
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "lms_"),
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
        }
    }

# The worker delivers email over SMTP when a host is given; otherwise as base says (files).
if os.environ.get("EMAIL_HOST"):
    EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Sign-up confirms the address by email, so that it never tells whether an address already has
# an account (lms/accounts/views.py signup); set it to false only where no mail can be sent.
ACCOUNTS_EMAIL_CONFIRMATION = env_bool("ACCOUNTS_EMAIL_CONFIRMATION", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": LOGGING["formatters"],
    "handlers": {"console": {"class": "logging.StreamHandler"}, **LOGGING["handlers"]},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO").upper()},
    # Audit events as JSON lines only, not a second time in plain text through the root.
    "loggers": {"lms.audit": {**LOGGING["loggers"]["lms.audit"], "propagate": False}},
}

try:
    from .local import *
except ImportError:
    pass
