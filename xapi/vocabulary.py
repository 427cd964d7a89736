"""The words the academy's xAPI statements use: verbs, activity types, and the IRIs of its actors,
activities and extensions.

Verbs come from the ADL vocabulary wherever it has the word, so that any LRS report reads them
without a profile of ours:

- `registered` (ADL): the learner enrolled in a course, or was accepted into an edition. ADL
  defines it as "officially enrolled or inducted in an activity", which is what acceptance is; the
  object's activity type (course or edition) tells the two apart.
- `applied`, sent as Activity Streams' `request` (http://activitystrea.ms/schema/1.0/request, in
  the xAPI registry: "the actor has requested the object"): the learner asked for a seat in an
  edition. It is not `registered`: an application can be waitlisted or declined, and an LRS
  counting registrations must not count it.
- `attended`, `completed`, `passed`, `failed`, `scored`, `voided` (ADL).
- `earned` (http://id.tincanapi.com/verb/earned, the xAPI registry's verb for a badge or award,
  the one Open edX sends for its certificates).

Distinct verbs rather than `registered` with an extension naming the step: the LRS's own query
API filters by verb and activity, never by extension, so each step stays countable there.

Activity types are ADL's (course, module, meeting for a live session, assessment for a module's
self-check, performance for rubric-scored work), Activity Streams' badge for a credential, and one
of ours for an edition, which no registry names (a cohort's run of several courses).

Every IRI starts with WAGTAILADMIN_BASE_URL and names the object by primary key, never by slug:
editors change slugs, and an activity's id must not change with them. The learner is named by
account (the site's address and their user id), never by email or name, so the LRS holds no
personal data of theirs.
"""

import uuid

from django.conf import settings

VERBS = {
    "registered": "http://adlnet.gov/expapi/verbs/registered",
    "applied": "http://activitystrea.ms/schema/1.0/request",
    "attended": "http://adlnet.gov/expapi/verbs/attended",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
    "scored": "http://adlnet.gov/expapi/verbs/scored",
    "earned": "http://id.tincanapi.com/verb/earned",
    "voided": "http://adlnet.gov/expapi/verbs/voided",
}

# Our kinds of activity: the path segment of their IRIs, and their xAPI activity type.
ACTIVITY_TYPES = {
    "edition": None,  # ours: see activity_type()
    "course": "http://adlnet.gov/expapi/activities/course",
    "module": "http://adlnet.gov/expapi/activities/module",
    "session": "http://adlnet.gov/expapi/activities/meeting",
    "self-check": "http://adlnet.gov/expapi/activities/assessment",
    "assignment": "http://adlnet.gov/expapi/activities/performance",
    "badge": "http://activitystrea.ms/schema/1.0/badge",
    "skill": "http://adlnet.gov/expapi/activities/objective",
}

# The language of activity names: the site's.
LANGUAGE = "en"


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def statement_id(key):
    """The statement's id, fixed by its event's key: the same event always gives the same id, on
    this site only (the namespace is the site's address)."""
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"{base_url()}/xapi/")
    return uuid.uuid5(namespace, key)


def verb(name):
    return {"id": VERBS[name], "display": {"en-US": name}}


def activity_type(kind):
    return ACTIVITY_TYPES[kind] or f"{base_url()}/xapi/activity-types/{kind}"


def activity_iri(kind, pk):
    return f"{base_url()}/xapi/activities/{kind}/{pk}"


def activity(kind, pk, name):
    return {
        "objectType": "Activity",
        "id": activity_iri(kind, pk),
        "definition": {"type": activity_type(kind), "name": {LANGUAGE: name}},
    }


def extension(name):
    return f"{base_url()}/xapi/extensions/{name}"


def actor(user):
    """The learner, by account: their id on this site, nothing that names them."""
    return {"objectType": "Agent", "account": {"homePage": base_url(), "name": str(user.pk)}}


def academy():
    """The academy itself, the actor of the statements it makes about its own records (voiding)."""
    return {"objectType": "Agent", "account": {"homePage": base_url(), "name": "academy"}}
