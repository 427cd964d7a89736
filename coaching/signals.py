"""What coaching tells other apps about, beyond its models' own save signals.

`feedback_given` is sent once a trainer's feedback and its rubric scores are stored, inside their
transaction, with `feedback`, `learners` (whom the work belongs to), `criteria` (the rubric's
criteria, with their skills) and `levels` ({criterion id: level reached}). The scores are bulk
created, which sends no save signal; the xAPI outbox (xapi.receivers) listens to this instead.
"""

from django.dispatch import Signal

feedback_given = Signal()
