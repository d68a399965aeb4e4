"""Forward a rejection to the personal address, over real SMTP to Rebound's own inbound
service; the Inbox asks; one click rejects the application and opens the plan, dated by the
email."""

import datetime as dt
import smtplib

import pytest
from playwright.sync_api import Page, expect

from applications.models import Application
from coping.models import CopingPlan
from mailin.models import InboundMessage
from tests.conftest import assert_accessible, log_in
from tests.mailin.test_smtpd import Service, forwarded, inbound_smtpd, rejection

pytestmark = pytest.mark.browser
__all__ = ["inbound_smtpd"]  # the service's fixture, shared with tests/mailin/test_smtpd.py

QUESTION = "Northwind Labs said no to Data Analyst on 3 Dec — mark it rejected and open your plan?"


def send(service: Service, to: str, raw: bytes) -> None:
    with smtplib.SMTP(service.host, service.port, timeout=20) as smtp:
        smtp.sendmail("ada@example.org", to, raw)


def test_a_forwarded_rejection_is_one_click_from_rejected_with_the_plan_open(
    page: Page, site: str, inbound_smtpd: Service, northwind: Application
):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, site, northwind.owner)
    page.goto(site + "/inbox/ways-in/")
    page.get_by_role("button", name="Get a forwarding address").click()
    expect(page.get_by_text("Your forwarding address is ready: copy it below.")).to_be_visible()
    address = page.get_by_label("Forward job mail to").input_value()
    assert address.startswith("in-") and address.endswith("@in.rebound.test")
    assert_accessible(page)

    send(inbound_smtpd, address, forwarded(rejection()))

    page.goto(site + "/inbox/")
    expect(page.get_by_text(QUESTION, exact=True)).to_be_visible()
    page.get_by_role("button", name="Mark rejected and open my plan").click()
    expect(page.get_by_text("Marked rejected, dated 3 Dec. Your plan is open.")).to_be_visible()
    plan = CopingPlan.objects.get(application=northwind)
    assert page.url.endswith(plan.get_absolute_url())
    assert plan.opened_on == dt.date(2026, 12, 3)
    northwind.refresh_from_db()
    assert (northwind.status, northwind.status_changed_on) == ("rejected", dt.date(2026, 12, 3))


def test_a_new_address_refuses_the_old_and_removing_it_forgets_what_it_brought(
    page: Page, site: str, inbound_smtpd: Service, northwind: Application
):
    page.set_viewport_size({"width": 390, "height": 900})
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, site, northwind.owner)
    page.goto(site + "/inbox/ways-in/")
    page.get_by_role("button", name="Get a forwarding address").click()
    old = page.get_by_label("Forward job mail to").input_value()
    send(inbound_smtpd, old, forwarded(rejection(1)))

    page.get_by_role("button", name="Make a new address…").click()
    expect(page.get_by_text("Mail to the old one is refused from now on.")).to_be_visible()
    new = page.get_by_label("Forward job mail to").input_value()
    assert new != old
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        send(inbound_smtpd, old, forwarded(rejection(2)))
    send(inbound_smtpd, new, forwarded(rejection(3, company="Kestrel Payments", role="Analyst")))
    page.reload()
    expect(page.get_by_text("2 messages came in through it so far.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Remove it and everything it brought…").click()
    expect(page.get_by_text("The 2 messages it brought are forgotten.")).to_be_visible()
    expect(page.get_by_role("button", name="Get a forwarding address")).to_be_visible()
    assert not InboundMessage.objects.filter(owner=northwind.owner).exists()
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        send(inbound_smtpd, new, forwarded(rejection(4)))
