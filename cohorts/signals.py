"""What cohorts tells other apps about, beyond its models' own save signals.

`attendance_recorded` is sent once a session's attendance is stored, inside its transaction, with
`session` and `marks` ({learner id: present}). Attendance is stored by one upsert
(cohorts.attendance.record_many), which sends no save signal; the xAPI outbox (xapi.receivers)
listens to this instead.
"""

from django.dispatch import Signal

attendance_recorded = Signal()
