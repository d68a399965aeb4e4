"""The one domain event that goes up the layers: an application's status changed.

Everything else is a direct call down (docs/architecture.md). The listeners, all of them:

- `interviews.receivers.on_status_changed`: a promised reply no longer awaited is cancelled,
  and a thank-you note is cancelled once the application has closed;
- `offers.receivers.on_status_changed`: leaving "offer" cancels the decision-deadline
  reminder, coming back schedules it again;
- `coping.receivers.on_status_changed`: a rejection, ghosting or rescinded offer opens a
  coping plan (with its keep-in-touch and check-in reminders), and offers it as the next step.

Sent inside the transaction of `applications.services.application_change_status`, so the
listeners' writes commit or roll back with the change. Arguments: application, change
(StatusChange), previous_status. A listener may return a `NextStep` to offer the user: the
service reads them from the signal's responses and hands them back to its caller in its
result (`services.StatusMove.next_steps`); nothing is set on the change or the application.
"""

from dataclasses import dataclass

from django.dispatch import Signal

status_changed = Signal()


@dataclass(frozen=True)
class NextStep:
    """Something a listener offers the user right after the change (e.g. the new plan)."""

    url: str
    message: str
    label: str
