"""A learner's recommendations, for pages of other apps: `{% load recommendations %}`, then
`{% recommendations_for request %}` (the top three, on My learning) or
`{% recommendations_for request full=True %}` (the full list, on My skills)."""

from django import template

from assessments.recommendations import recommend
from assessments.services import latest_levels

register = template.Library()

TOP = 3


@register.inclusion_tag("assessments/recommendations.html")
def recommendations_for(request, full=False):
    """The signed-in learner's recommendations for their latest self-assessment, or an invitation
    to assess themselves when they have none."""
    learner = request.user
    levels = latest_levels(learner)
    return {
        "assessed": bool(levels),
        "full": full,
        "recommendations": recommend(levels, learner, request, limit=None if full else TOP),
    }
