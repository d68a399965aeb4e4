"""The core's Celery tasks: thin, take plain values, call a function."""

from celery import shared_task
from django.core.mail import EmailMultiAlternatives


@shared_task(ignore_result=True)
def send_account_email(
    subject: str, body: str, html: str, from_email: str, to: list[str], headers: dict[str, str]
) -> None:
    """One account email (confirmation, reset, notice), rendered by allauth's adapter in the
    request (rebound.accounts.allauth) and sent here, so a request never waits on SMTP."""
    message = EmailMultiAlternatives(subject, body, from_email, to, headers=headers)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
