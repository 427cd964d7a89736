"""An operator deploys with the sample environment and Django's deployment checks pass."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

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
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST); print(s.CACHES['default']['BACKEND']); "
        "print(s.DATABASES['default']['CONN_MAX_AGE'], s.DATABASES['default']['CONN_HEALTH_CHECKS'])"
    )
    result = run_manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "whitenoise.storage.CompressedManifestStaticFilesStorage" in out
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in out
    assert "'URLS': ['https://search.internal:9200']" in out
    assert "'INDEX_PREFIX': 'lms_'" in out
    assert "django.core.mail.backends.smtp.EmailBackend smtp.example.eu" in out
    assert "django_redis.cache.RedisCache" in out
    assert "60 True" in out
