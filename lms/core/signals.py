"""Content changes that make cached pages stale: each one bumps the cache generation."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from lms.core.cache import bump_generation


def _content_changed(sender, **kwargs):
    bump_generation()


def _model_changed(sender, instance, **kwargs):
    # Learner records and accounts change all the time and show on no shared page: the page
    # that shows one, a certificate's, is never cached (learning/views.py).
    if isinstance(instance, (Page, Site)) or sender._meta.label in CONTENT_MODELS:
        bump_generation()


CONTENT_MODELS = {
    # An edition page shows its sessions' schedule.
    "cohorts.Session",
    "materials.Material",
    "skills.Skill",
    "skills.SkillArea",
    "wagtaildocs.Document",
    "wagtailimages.Image",
    # Closing a page (or a collection of documents) to the public must also close its cached copy.
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
}


WAGTAIL_SIGNALS = {
    "page_published": page_published,
    "page_unpublished": page_unpublished,
    "post_page_move": post_page_move,
    "published": published,
    "unpublished": unpublished,
}


def connect():
    for name, signal in WAGTAIL_SIGNALS.items():
        signal.connect(_content_changed, dispatch_uid=f"lms.core.cache.{name}")
    post_save.connect(_model_changed, dispatch_uid="lms.core.cache.post_save")
    post_delete.connect(_model_changed, dispatch_uid="lms.core.cache.post_delete")
