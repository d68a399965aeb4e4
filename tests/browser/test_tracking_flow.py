import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from applications.models import Application
from interviews.models import Interview
from tests.conftest import assert_accessible, log_in, screenshot

pytestmark = pytest.mark.browser


def test_it_tracks_an_application_from_company_to_self_assessment(page: Page, site: str, alice):
    log_in(page, site, alice)
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(site + "/home/")
    assert_accessible(page)

    page.get_by_role("link", name="Companies").click()
    assert_accessible(page)
    page.get_by_role("link", name="Add a company").click()
    page.get_by_label("Name").fill("Acme Robotics")
    page.get_by_label("Website").fill("https://acme-robotics.example")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Acme Robotics")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="New application here").click()
    assert_accessible(page)
    page.get_by_label("Role").fill("Robotics software engineer")
    page.get_by_label("Posting URL").fill("https://acme-robotics.example/jobs/42")
    page.get_by_label("Source").select_option("referral")
    page.get_by_label("Date applied").fill("2026-11-02")
    page.get_by_label("Salary from").fill("70000")
    page.get_by_label("Salary to").fill("85000")
    page.get_by_label("Currency").fill("EUR")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Robotics software engineer")).to_be_visible()
    assert_accessible(page)
    application = Application.objects.get()

    page.get_by_role("link", name="Board").click()
    card = page.locator(f"#card-{application.pk}")
    expect(page.locator("[data-status=applied]")).to_contain_text("Robotics software engineer")
    assert_accessible(page)
    card.drag_to(page.locator("[data-status=screening]"))
    expect(page.locator("[data-status=screening]")).to_contain_text("Robotics software engineer")
    # The card's own Move button opens the board's one move dialog, with the keyboard too.
    move = page.get_by_role("button", name="Move Robotics software engineer at Acme Robotics")
    move.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Move Robotics software engineer at Acme Robotics")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label("Move to")).to_be_focused()
    expect(dialog.get_by_label("Move to")).to_have_value("interviewing")  # the next step
    assert_accessible(page)
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Move", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("[data-status=interviewing]")).to_contain_text("Robotics software engineer")
    # Focus stays with the card, in its new column, and the move is read out.
    expect(
        page.locator(f"[data-status=interviewing] #card-{application.pk} [data-move]")
    ).to_be_focused()
    expect(page.locator("#board-status")).to_have_text(
        "Moved Robotics software engineer at Acme Robotics to Interviewing."
    )
    screenshot(page, "board")

    page.get_by_role("link", name="Robotics software engineer").click()
    page.get_by_role("link", name="Log an interview").click()
    assert_accessible(page)
    yesterday = timezone.localdate(timezone.now(), alice.tzinfo) - dt.timedelta(days=1)
    page.get_by_label("Round").select_option("technical")
    page.get_by_label(re.compile(r"^\s*Date\W*$")).fill(yesterday.isoformat())
    page.get_by_label("Starts at").fill("14:00")
    page.get_by_label("Ends at").fill("15:30")
    page.get_by_label("New interviewers").fill("Priya Raman, Tom Okafor")
    page.get_by_label("Questions asked").fill(
        "Walk us through a robot you shipped\nHow do you test motion planning?\nWhy Acme?"
    )
    page.get_by_role("button", name="Save interview").click()
    expect(page.get_by_text("This interview is over")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Write your self-assessment").click()
    assert_accessible(page)
    for legend, value in [
        ("How well you fit the requirements", "4"),
        ("How prepared you were", "3"),
        ("How clearly you came across", "4"),
        ("Your technical answers", "2"),
        ("Rapport with the panel", "5"),
        ("Overall, how confident you feel about it", "3"),
    ]:
        group = page.get_by_role("group", name=legend)
        group.get_by_text(value, exact=True).click()  # the segmented control's button
        expect(group.get_by_label(value, exact=True)).to_be_checked()
    page.get_by_label("What went well").fill("Explained the gripper project clearly")
    page.get_by_label("Questions that tripped you, and why").fill(
        "Motion planning tests: never wrote property-based tests"
    )
    page.get_by_label("Skills to build").fill("Property-based testing\nROS 2")
    page.get_by_role("button", name="Save self-assessment").click()

    expect(page.get_by_role("heading", name="Robotics software engineer")).to_be_visible()
    main = page.locator("main")
    expect(main).to_contain_text("With Priya Raman, Tom Okafor")
    expect(main).to_contain_text("3 questions asked")
    expect(main).to_contain_text("confidence 3/5")
    expect(main).to_contain_text("Property-based testing, ROS 2")
    timeline = page.locator(".timeline")
    for step in ["Added as applied", "Screening", "Interviewing"]:
        expect(timeline).to_contain_text(step)
    assert_accessible(page)
    screenshot(page, "application")
    interview = Interview.objects.get()
    assert interview.interviewers.count() == 2 and len(interview.question_list) == 3
