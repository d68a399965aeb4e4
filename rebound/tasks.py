"""The core's Celery tasks: thin, take plain values, call a function."""

from celery import shared_task
from django.contrib.auth.forms import PasswordResetForm


@shared_task(ignore_result=True)
def send_password_reset(email: str, domain: str, use_https: bool) -> None:
    """Sends the reset email if the address has an account; does nothing visible otherwise."""
    form = PasswordResetForm(data={"email": email})
    if form.is_valid():
        form.save(
            domain_override=domain,
            use_https=use_https,
            email_template_name="registration/password_reset_email.html",
            subject_template_name="registration/password_reset_subject.txt",
        )
