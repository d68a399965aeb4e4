"""What the applications app announces; other apps react without being imported here."""

from django.dispatch import Signal

# Sent inside the transaction that changes an application's status, so receivers' writes
# (a coping plan, reminders) commit or roll back with it.
# Arguments: application, change (StatusChange), previous_status.
status_changed = Signal()

# Sent inside the transaction that logs or edits an interview. Arguments: interview, created.
interview_saved = Signal()

# Sent inside the transaction just before an application is deleted. Arguments: application.
application_deleting = Signal()
