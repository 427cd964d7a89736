"""Every public page carries the security headers, and its HTML needs nothing the
Content-Security-Policy forbids: no inline script or style, no on* handler, no style attribute."""

import json
from html.parser import HTMLParser

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

import pytest

from learning.services import enrol
from tests.factories import CertificateFactory, ModulePageFactory, UserFactory
from tests.public_pages import public_urls

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=test-video"


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_public_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "nonce-" not in response["Content-Security-Policy"]


class InlineCode(HTMLParser):
    """Collects whatever a policy without 'unsafe-inline' would block."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "style":
            self.found.append("<style> element")
        if tag == "script":
            if not attrs.get("src"):
                self.found.append("inline <script>")
            elif attrs["src"].startswith(("http:", "https:", "//")):
                self.found.append(f"script from elsewhere: {attrs['src']}")
        if tag == "link" and attrs.get("rel") == "stylesheet" and "//" in attrs.get("href", ""):
            self.found.append(f"stylesheet from elsewhere: {attrs['href']}")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            if name == "style":
                self.found.append(f'style="{value}" on <{tag}>')
            if name in ("href", "src", "action") and (value or "").startswith("javascript:"):
                self.found.append(f"javascript: URL on <{tag}>")


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def test_public_pages_send_the_security_headers_and_no_inline_code(academy):
    # A material with a file to download, as the materials of a real library have.
    academy.material.document = get_document_model().objects.create(
        title="Action plan template",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="action-plan-template.pdf"),
    )
    academy.material.save()
    client = Client()
    for path in public_urls():
        response = client.get(path)
        assert response.status_code == 200, path
        assert_public_headers(response)
        assert inline_code(response.content.decode()) == [], path


def test_pages_for_signed_in_learners_need_no_inline_code_either(client, academy):
    learner = UserFactory()
    course, module = academy.course, academy.modules[0]
    enrol(learner, course)
    client.force_login(learner)
    paths = ["/learning/", course.url, module.url, "/accounts/profile/", "/accounts/delete/"]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_public_headers(response)
        assert inline_code(response.content.decode()) == [], path


def test_the_certificate_prints_without_an_inline_handler(client, academy):
    certificate = CertificateFactory(course=academy.course)
    response = client.get(f"/certificates/{certificate.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert inline_code(html) == []
    assert "data-print" in html
    assert "js/print-button.js" in html


def test_pages_served_from_the_anonymous_cache_keep_their_headers(settings, library):
    settings.PAGE_CACHE_SECONDS = 60
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "csp"}
    }
    cache.clear()
    client = Client()
    first, second = client.get("/materials/"), client.get("/materials/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert_public_headers(second)
    cache.clear()


def test_errors_carry_the_policy_too(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_public_headers(response)
    assert inline_code(response.content.decode()) == []


def test_video_embeds_come_from_a_provider_the_policy_allows(client, academy):
    """A module's video block renders the provider's player, and frame-src lets it load."""
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        html='<iframe src="https://www.youtube.com/embed/test-video" title="Recording"></iframe>',
        width=640,
        height=360,
    )
    module = ModulePageFactory(
        parent=academy.course,
        body=json.dumps([{"type": "video", "value": {"video": VIDEO_URL, "caption": "Recap"}}]),
    )
    response = client.get(module.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'src="https://www.youtube.com/embed/test-video"' in html
    assert inline_code(html) == []
    assert "https://www.youtube.com" in directives(response)["frame-src"]


def test_the_admin_has_its_own_relaxed_policy(client):
    """Wagtail's admin writes inline scripts: it gets 'unsafe-inline', and may frame itself
    (page previews), but still no plugins and no framing by other sites."""
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
