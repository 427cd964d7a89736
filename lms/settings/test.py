import tempfile

from .base import *

SECRET_KEY = "test-only-secret-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, inside the request, so a test sees their effect (Wagtail's reference index,
# emails); the worker's own tests use the database backend and a real `run_worker` process.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file rather than memory, so that the worker tests' `run_worker` process opens the test
    # database too; one per test process (pytest-django adds _gw0, _gw1… per xdist worker).
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"lms-test-{os.getpid()}.sqlite3")
    }
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests write their generated files to a folder of their own, never to the site's media.
MEDIA_ROOT = VAR_DIR / "test-media"
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private"
STORAGES["private"]["OPTIONS"]["location"] = PRIVATE_MEDIA_ROOT
# Parallel test workers use different databases; a shared page cache would mix their pages.
PAGE_CACHE_SECONDS = 0
