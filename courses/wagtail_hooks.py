from wagtail import hooks
from wagtail.models import Page

from courses.moderation import PublishPageWithSkillsAction


@hooks.register("register_actions")
def register_publish_with_skills(registry):
    # The v3 API's publish endpoint looks its action up for Page, whatever the page's type.
    registry.register(Page, PublishPageWithSkillsAction)
