"""A live page has only live ancestors, whatever path takes a page online or offline.

Wagtail serves, searches and lists a page by its own `live` flag (`Page.route`, the v3 API's
public pages), never its ancestors', so a live module of a draft course would stay public. Editors
are refused where they publish (courses/moderation.py, the page form); these handlers keep the rule
on every other path, through Wagtail's own `unpublish()`, which logs each page and sends its
signals (so the page cache and the search index follow):

- a page that goes offline takes its live children with it, and they theirs: admin, v3 API,
  scheduled expiry, the recursion of this very handler;
- a page that goes live, is moved or is copied live below a page that is not live goes offline
  again: scheduled go-live, a workflow's last approval, a move, a copy kept live.
"""

from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.models import unpublished_ancestor

# Registered in courses/wagtail_hooks.py, so the page's history says why it went offline.
UNPUBLISHED_WITH_ANCESTOR = "courses.unpublish.ancestor"


def unpublish_live_children(sender, instance, **kwargs):
    for child in instance.get_children().live().specific():
        child.unpublish(log_action=UNPUBLISHED_WITH_ANCESTOR)


def unpublish_if_below_unpublished(sender, instance, **kwargs):
    # page_published is also sent for a page scheduled to go live later, still offline.
    if instance.live and unpublished_ancestor(instance) is not None:
        instance.unpublish(log_action=UNPUBLISHED_WITH_ANCESTOR)


def connect():
    page_unpublished.connect(unpublish_live_children, dispatch_uid="courses.unpublish_children")
    page_published.connect(
        unpublish_if_below_unpublished, dispatch_uid="courses.published_below_unpublished"
    )
    post_page_move.connect(
        unpublish_if_below_unpublished, dispatch_uid="courses.moved_below_unpublished"
    )
