"""What learning tells other apps about, beyond its models' own save signals.

`self_check_graded` is sent for every graded attempt at a module's required self-check, right or
wrong, with `learner`, `module`, `passed`, `correct` (questions answered right) and `questions`.
A wrong attempt stores nothing in learning, so no model signal could tell of it; the xAPI outbox
(xapi.receivers) listens to record it as passed or failed.
"""

from django.dispatch import Signal

self_check_graded = Signal()
