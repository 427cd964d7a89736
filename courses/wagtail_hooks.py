from wagtail import hooks
from wagtail.models import Page

from courses.moderation import (
    CreatePageBelowLiveAction,
    EditPageBelowLiveAction,
    PublishPageWithRulesAction,
)
from courses.publishing import UNPUBLISHED_WITH_ANCESTOR


@hooks.register("register_actions")
def register_publishing_rules(registry):
    # The v3 API looks its page actions up for Page (or the page's type, which inherits them).
    registry.register(Page, PublishPageWithRulesAction)
    registry.register(Page, CreatePageBelowLiveAction)
    registry.register(Page, EditPageBelowLiveAction)


@hooks.register("register_log_actions")
def register_unpublished_with_ancestor(actions):
    actions.register_action(
        UNPUBLISHED_WITH_ANCESTOR,
        "Unpublish: a page above is not published",
        "Unpublished, as a page above it is not published",
    )
