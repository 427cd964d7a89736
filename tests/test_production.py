"""An operator deploys with the sample environment and Django's deployment checks pass."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.test import override_settings

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
SAMPLE_ENV = BASE_DIR / "docs" / "production.env.example"


def sample_environment():
    env = {}
    for line in SAMPLE_ENV.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    return env


def run_manage(*args, env):
    # Only the sample's variables: nothing from the developer's shell may make the check pass.
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", str(BASE_DIR)), **env}
    return subprocess.run(  # noqa: S603 (fixed arguments, no shell)
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_warnings_with_the_sample_environment():
    env = {**sample_environment(), "SECRET_KEY": secrets.token_urlsafe(50)}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues (0 silenced)" in result.stdout + result.stderr


def test_the_sample_secret_key_placeholder_is_refused():
    result = run_manage("check", "--deploy", env=sample_environment())
    assert result.returncode != 0
    assert "SECRET_KEY is still the placeholder" in result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_required_settings(missing):
    env = {**sample_environment(), "SECRET_KEY": secrets.token_urlsafe(50)}
    del env[missing]
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert f"{missing} must" in result.stderr


def test_without_the_secure_settings_the_deploy_check_warns():
    """The check is a real guard: drop HTTPS redirects and HSTS and it complains."""
    env = {
        **sample_environment(),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
    }
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout
    assert "security.W008" in result.stderr + result.stdout


def test_production_serves_hashed_compressed_static_files_and_reads_services_from_env():
    env = {
        **sample_environment(),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SEARCH_URL": "https://search.internal:9200",
    }
    code = (
        "from django.conf import settings as s; "
        "print(s.STORAGES['staticfiles']['BACKEND']); print(s.MIDDLEWARE[1]); "
        "print(s.WAGTAILSEARCH_BACKENDS['default']); "
        "print(s.EMAIL_BACKEND, s.EMAIL_DELIVERY_BACKEND, s.EMAIL_HOST); "
        "print(s.CACHES['default']['BACKEND']); "
        "print(s.DATABASES['default']['CONN_MAX_AGE'], s.DATABASES['default']['CONN_HEALTH_CHECKS'])"
    )
    result = run_manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "whitenoise.storage.CompressedManifestStaticFilesStorage" in out
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in out
    assert "'URLS': ['https://search.internal:9200']" in out
    assert "'INDEX_PREFIX': 'lms_'" in out
    # Every email is queued as a task; the worker delivers it over SMTP.
    assert (
        "lms.core.mail.QueuedEmailBackend django.core.mail.backends.smtp.EmailBackend "
        "smtp.example.eu" in out
    )
    assert "django_redis.cache.RedisCache" in out
    assert "60 True" in out


def production_setting(expression, **env):
    """A value of the settings module (production, with the sample environment and `env`), read
    without starting Django: the S3 backend, an optional extra, need not be installed."""
    env = {**sample_environment(), "SECRET_KEY": secrets.token_urlsafe(50), **env}
    code = (
        "import importlib, os; "
        "s = importlib.import_module(os.environ['DJANGO_SETTINGS_MODULE']); "
        f"print(repr({expression}))"
    )
    clean = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", str(BASE_DIR)), **env}
    result = subprocess.run(  # noqa: S603 (fixed arguments, no shell)
        [sys.executable, "-c", code], cwd=BASE_DIR, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.django_db
def test_the_api_docs_are_off_in_production_unless_asked_for(client):
    """The schema maps every endpoint, writes included: production publishes it only on request
    (API_DOCS_ENABLED), development always."""
    production = production_setting("s.WAGTAILAPI_DOCS_ENABLED")
    assert production == "False"
    assert production_setting("s.WAGTAILAPI_DOCS_ENABLED", API_DOCS_ENABLED="true") == "True"
    development = production_setting(
        "s.WAGTAILAPI_DOCS_ENABLED", DJANGO_SETTINGS_MODULE="lms.settings.dev"
    )
    assert development == "True"

    for enabled, status in [(production, 404), (development, 200)]:
        with override_settings(WAGTAILAPI_DOCS_ENABLED=enabled == "True"):
            assert client.get("/api/v3/openapi.json").status_code == status
            assert client.get("/api/v3/docs/").status_code == status


def test_media_on_s3_is_signed_unless_the_operator_says_otherwise():
    """Images and their renditions are plain media URLs: unsigned, a private collection's image
    would be anyone's who has its URL (docs/operations.md)."""
    options = "s.STORAGES['default']['OPTIONS']['querystring_auth']"
    bucket = {"AWS_STORAGE_BUCKET_NAME": "academy-media"}

    assert production_setting(options, **bucket) == "True"
    assert production_setting(options, **bucket, AWS_QUERYSTRING_AUTH="false") == "False"
