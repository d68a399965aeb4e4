"""A German job seeker's whole walk in Chromium, with a German browser (Accept-Language: de):
sign-up, an application, an interview and its self-assessment, the rejection, the plan and
each of its steps, the legal step for Germany, reminders, Insights and the work-search log
with its print view. On every page the reader meets no English word.

The walk finds its way by URLs and field names, never by the words on the page, so it gets to
the end whatever is left to translate, and reports every page's English at once: each page's
visible text and shown attributes (tests.i18n.check), held against the same page rendered in
English for the same data and against the common English words. Each page is also checked by
axe, and for width: German words are longer, and nothing may push a page sideways."""

import datetime as dt
import re
from dataclasses import dataclass, field
from email.header import decode_header, make_header

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from applications.models import Application
from coping.models import CopingPlan, Land
from interviews.models import Interview
from rebound.lib.localtime import local_today
from rebound.models import User
from tests.conftest import axe_violations, screenshot
from tests.i18n.check import ENGLISH_WORDS, english_left, visible_texts

pytestmark = [
    pytest.mark.browser,
    # A browser set to German, in Germany: it asks for German pages (Accept-Language).
    pytest.mark.browser_context_args(locale="de-DE", timezone_id="Europe/Berlin"),
]

# The walk's own data: what the user typed, and the names the pages show back. German (or a
# name) already, so the checks leave it out.
EMAIL = "jana.becker@example.de"
FIRST_NAME = "Jana"
COMPANY = "Nordwind Logistik GmbH"
ROLE = "Datenanalystin"
ADDRESS = "Hafenstraße 12\n20457 Hamburg"
INTERVIEWER = "Petra Schmidt"
QUESTIONS = "Warum möchten Sie zu uns?\nWie prüfen Sie die Qualität von Daten?"
DATA = [
    EMAIL,
    FIRST_NAME,
    COMPANY,
    ROLE,
    *ADDRESS.splitlines(),
    INTERVIEWER,
    *QUESTIONS.splitlines(),
    "example.de",
    "Europe/Berlin",
    # Each language by its own name, on Preferences; Germany's Länder by theirs, in the legal
    # step's list.
    *(name for _, name in settings.LANGUAGES),
    *(label for _, label in Land.choices),
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


# The outermost elements that reach past the window's right edge, as `tag.class "text"`.
_PAST_THE_EDGE = """() => {
    const edge = window.innerWidth + 1;
    const past = [...document.body.querySelectorAll("*")].filter(
        e => e.getBoundingClientRect().right > edge && e.getBoundingClientRect().width > 0);
    return past.filter(e => !past.includes(e.parentElement)).slice(0, 3).map(e =>
        e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ")[0] : "")
        + ' "' + (e.innerText || "").trim().slice(0, 40).replace(/\\s+/g, " ") + '"');
}"""


def _without(text: str, allowed: list[str]) -> str:
    for value in sorted(filter(None, allowed), key=len, reverse=True):
        text = text.replace(value, " ")
    return text


@dataclass
class Walk:
    """The walk's pages, each checked for English and by axe; what was found is kept and
    reported together at the end, so one untranslated page doesn't hide the next."""

    page: Page
    site: str
    data: list[str] = field(default_factory=lambda: list(DATA))
    english: dict[str, list[str]] = field(default_factory=dict)
    inaccessible: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    seen: dict[str, set[str]] = field(default_factory=dict)

    def go(self, path: str) -> None:
        self.page.goto(self.site + path)

    def user(self) -> User | None:
        return User.objects.filter(email=EMAIL).first()

    def in_english(self, url: str) -> str:
        """The same page for the same data, as an English reader gets it."""
        user = self.user()
        if user:
            User.objects.filter(pk=user.pk).update(language="en")
        try:
            response = self.page.context.request.get(url, headers={"Accept-Language": "en"})
            return response.text()
        finally:
            if user:
                User.objects.filter(pk=user.pk).update(language="de")

    def check(self, name: str, *, shot: str = "") -> None:
        """The page as it stands: no English on it (what an earlier look at the same address
        found is not repeated), nothing axe objects to; its picture when asked for."""
        page = self.page
        page.wait_for_load_state("networkidle")
        path = page.url.removeprefix(self.site)
        found: list[str] = []
        lang = page.locator("html").get_attribute("lang")
        if lang != "de":
            found.append(f'<html lang="{lang}">')
        german = page.content()
        lines = [" ".join(line.split()) for line in page.inner_text("body").splitlines()]
        # What the form fields hold was stored before this look (a drafted note, a reflection
        # begun from the self-assessment): it reads the same in both renderings, so only the
        # English words count in it.
        stored = page.locator("textarea, input[type=text]").evaluate_all(
            "fields => fields.map(f => f.value)"
        )
        stored = [" ".join(line.split()) for value in stored for line in value.splitlines()]
        # Addresses, German law cited by its own name, and what the page marks as not for
        # translation (translate="no": a name, an identifier) read the same in every language.
        shown = " ".join(visible_texts(german) + lines)
        untranslatable = page.locator("[translate=no]").all_inner_texts()
        # The time-zone picker's places are names: CLDR's German ones where German has its own
        # ("Kairo"), the same as in English otherwise ("Abidjan"); its regions are checked.
        places = page.locator("select[name=timezone] option").all_inner_texts()
        allowed = [
            *places,
            *self.data,
            *(" ".join(t.split()) for text in untranslatable for t in text.splitlines()),
            *re.findall(r"(?:https?://|www\.)[^\s,;)]+|\S+@\S+", shown),
            *re.findall(r"§§? ?\d[^§]*?\b(?:AGG|ArbGG|BGB)\b", shown),
        ]
        found += english_left(german, self.in_english(page.url), [*allowed, *stored])
        found += [line for line in lines + stored if ENGLISH_WORDS.search(_without(line, allowed))]
        self.record(self.english, f"{name} ({path})", found, seen_at=path)
        # German words are longer: nothing may push the page sideways.
        wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if wide > 1:
            width = page.viewport_size["width"] if page.viewport_size else 0
            self.problems.append(
                f"{name} ({path}): {wide} px wider than the {width} px window (sideways scroll)"
                f", past its edge: {page.evaluate(_PAST_THE_EDGE)}"
            )
        violations = axe_violations(page)
        self.record(
            self.inaccessible,
            f"{name} ({path})",
            [
                f"{v['id']}: {v['help']} -> "
                + "; ".join(n["target"][0] for n in v["nodes"][:3] if n["target"])
                for v in violations
            ],
        )
        if shot:
            screenshot(page, shot)

    def record(
        self, where: dict[str, list[str]], label: str, found: list[str], seen_at: str = ""
    ) -> None:
        seen = self.seen.setdefault(seen_at, set()) if seen_at else set()
        new = [text for text in dict.fromkeys(found) if text not in seen]
        seen.update(new)
        if new:
            where[label] = new
            print(f"\n{label}:\n  " + "\n  ".join(new))

    def check_text(self, name: str, text: str) -> None:
        """Text the walk meets outside a page: an email, a CSV."""
        lines = [" ".join(line.split()) for line in text.splitlines()]
        self.record(
            self.english, name, [t for t in lines if ENGLISH_WORDS.search(_without(t, self.data))]
        )

    def report(self) -> str:
        parts = [f"English left on {len(self.english)} pages:"] if self.english else []
        parts += [f"{where}:\n  " + "\n  ".join(texts) for where, texts in self.english.items()]
        parts += ["axe found violations:"] if self.inaccessible else []
        parts += [
            f"{where}:\n  " + "\n  ".join(found) for where, found in self.inaccessible.items()
        ]
        parts += ["Layout:", *self.problems] if self.problems else []
        return "\n".join(parts)

    def submit(self, field_name: str) -> None:
        """Send the form that holds the field `field_name` with its (first) submit button."""
        form = self.page.locator(f"form:has([name='{field_name}'])").first
        form.locator("button[type=submit], input[type=submit]").first.click()
        self.page.wait_for_load_state("networkidle")

    def submit_unchecked(self, field_name: str) -> None:
        """Send the form as it is, past the browser's own checks: the server's errors."""
        self.page.locator(f"form:has([name='{field_name}'])").first.evaluate(
            "form => { form.noValidate = true }"
        )
        self.submit(field_name)

    def choose(self, name: str, value: str) -> None:
        """A segmented control: its radio inputs are hidden, their labels are the buttons."""
        radio = self.page.locator(f"input[type=radio][name='{name}'][value='{value}']")
        self.page.locator(f"label[for='{radio.get_attribute('id')}']").click()
        expect(radio).to_be_checked()


def test_a_german_user_meets_no_english_from_sign_up_to_the_work_search_log(
    page: Page, site: str, smtp_sink, eager_tasks
):
    walk = Walk(page, site)
    page.set_viewport_size(DESKTOP)

    # Sign-up, in the browser's language.
    walk.go("/")
    walk.check("Landing page")
    page.locator("a[href$='/accounts/signup/']").first.click()
    expect(page.locator("input[name=password2]")).to_be_visible()
    walk.check("Sign-up", shot="de-signup")
    page.locator("input[name=email]").fill(EMAIL)
    page.locator("input[name=first_name]").fill(FIRST_NAME)
    page.locator("input[name=password1]").fill("ein-langes-passwort-2027")
    page.locator("input[name=password2]").fill("ein-anderes-passwort")
    walk.submit("password2")
    walk.check("Sign-up, the passwords differ")
    page.locator("input[name=password1]").fill("ein-langes-passwort-2027")
    page.locator("input[name=password2]").fill("ein-langes-passwort-2027")
    walk.submit("password2")
    walk.check("Sign-up: check your inbox")
    (confirmation,) = smtp_sink.wait_for(1)
    body = confirmation.get_payload(decode=True).decode()
    subject = str(make_header(decode_header(confirmation["Subject"])))
    walk.check_text("Email: confirm your address", f"{subject}\n{body}")
    page.goto(re.search(r"http://\S+/accounts/confirm-email/\S+/", body).group(0))
    walk.check("Sign-up: confirm the address")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/home/$"))
    user = walk.user()
    assert user and user.language == "de", "the account keeps the language it signed up in"
    walk.check("Home, new account")

    # The company, with the address the work-search log lists, and an application there.
    today = local_today(user)
    walk.go("/applications/companies/new/")
    walk.check("New company")
    page.locator("input[name=name]").fill(COMPANY)
    page.locator("textarea[name=address]").fill(ADDRESS)
    walk.submit("address")
    walk.check("Company")
    walk.go("/applications/new/")
    walk.check("New application")
    walk.submit_unchecked("role")
    walk.check("New application, sent empty")
    page.locator("select[name=company]").select_option(label=COMPANY)
    page.locator("input[name=role]").fill(ROLE)
    page.locator("select[name=applied_via]").select_option("email")
    page.locator("input[name=date_applied]").fill((today - dt.timedelta(days=5)).isoformat())
    walk.submit("role")
    application = Application.objects.get(owner=user)
    expect(page).to_have_url(re.compile(rf"/applications/{application.pk}/$"))
    walk.check("Application, just added")
    walk.go("/applications/")
    walk.check("Applications: table")
    walk.go("/applications/board/")
    walk.check("Applications: board")

    # An interview, two days ago, and its self-assessment.
    walk.go(f"/interviews/new/for/{application.pk}/")
    walk.check("New interview")
    page.locator("select[name=round_type]").select_option("technical")
    page.locator("input[name=date]").fill((today - dt.timedelta(days=2)).isoformat())
    page.locator("input[name=start_time]").fill("14:00")
    page.locator("input[name=end_time]").fill("15:00")
    page.locator("[name=new_interviewers]").fill(INTERVIEWER)
    page.locator("textarea[name=questions]").fill(QUESTIONS)
    walk.submit("questions")
    interview = Interview.objects.get(application=application)
    expect(page).to_have_url(re.compile(rf"/interviews/{interview.pk}/$"))
    walk.check("Interview")
    walk.go("/interviews/")
    walk.check("Interviews")
    walk.go(f"/interviews/{interview.pk}/assessment/")
    walk.check("Self-assessment")
    for name, value in [
        ("qualification_fit", "4"),
        ("preparation", "3"),
        ("communication", "4"),
        ("technical_answers", "2"),
        ("rapport", "5"),
        ("confidence", "3"),
    ]:
        walk.choose(name, value)
    page.locator("textarea[name=went_well]").fill("Das Projekt klar erklärt.")
    page.locator("textarea[name=tripped_questions]").fill("Fragen zur Datenqualität.")
    page.locator("textarea[name=skills_to_build]").fill("SQL für Fortgeschrittene")
    walk.data += [
        "Das Projekt klar erklärt.",
        "Fragen zur Datenqualität.",
        "SQL für Fortgeschrittene",
    ]
    walk.submit("went_well")
    expect(page).to_have_url(re.compile(rf"/applications/{application.pk}/$"))
    walk.check("Application with its interview", shot="de-application")
    page.set_viewport_size(PHONE)
    walk.check("Application with its interview, on a phone", shot="de-application-phone")
    page.set_viewport_size(DESKTOP)

    # The rejection opens the plan.
    page.locator("select[name=to_status]").select_option("rejected")
    walk.submit("to_status")
    plan = CopingPlan.objects.get(application=application)
    expect(page).to_have_url(re.compile(rf"/coping/plans/{plan.pk}/$"))
    walk.check("Plan, just opened")

    # Through the plan.
    steps = f"/coping/plans/{plan.pk}"
    walk.go(f"{steps}/reflect/")
    walk.check("Plan: reflect")
    page.locator("textarea[name=performance]").fill("Ruhig, aber zu schnell.")
    walk.data.append("Ruhig, aber zu schnell.")
    walk.submit("performance")
    walk.check("Plan after the first step")
    walk.go(f"{steps}/feelings/")
    walk.check("Plan: feelings and closure")
    walk.choose("mood", "2")
    page.locator("textarea[name=text]").fill("Enttäuscht, aber stolz auf das Gespräch.")
    walk.data.append("Enttäuscht, aber stolz auf das Gespräch.")
    walk.submit("text")
    walk.check("Plan: feelings, the drafted request for feedback")
    walk.go(f"{steps}/widen/")
    walk.check("Plan: widen the net")
    page.locator("input[name=target]").fill("4")
    page.locator("input[name=weeks]").fill("3")
    walk.submit("target")
    walk.check("Plan: widen the net, goal set")
    walk.go(f"{steps}/never_settle/")
    walk.check("Plan: never settle")
    walk.go(f"{steps}/keep_in_touch/")
    walk.check("Plan: keep in touch")
    walk.choose("interested", "yes")
    walk.submit("interested")
    walk.go(f"{steps}/keep_in_touch/")
    walk.check("Plan: keep in touch, the check-in set")

    # The legal step, for Germany: the deadlines counted from the day the rejection came.
    walk.go(f"{steps}/legal/")
    walk.check("Plan: legal options, not yet added")
    page.locator("form:has(input[name=action][value=flag]) button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    walk.check("Plan: legal options")
    form = page.locator("form:has([name=jurisdiction])")
    form.locator("select[name=jurisdiction]").select_option("de")
    form.locator("select[name=kind]").select_option("discriminatory_question")
    form.locator("input[name=happened_on]").fill((today - dt.timedelta(days=2)).isoformat())
    # The rejection reached her today, in Hessen (its public holidays move a last day).
    form.locator("input[name=received_on]").fill(today.isoformat())
    form.locator("select[name=land]").select_option("HE")
    facts = "Im Gespräch wurde nach meiner Familienplanung gefragt."
    form.locator("textarea[name=facts]").fill(facts)
    walk.data.append(facts)
    walk.submit("facts")
    expect(page.locator("main")).to_contain_text(facts)
    walk.check("Plan: legal options, the deadlines for Germany", shot="de-legal-step")
    walk.go(f"{steps}/")
    walk.check("Plan", shot="de-coping-plan")
    page.set_viewport_size(PHONE)
    walk.check("Plan, on a phone")
    page.set_viewport_size(DESKTOP)
    walk.go("/coping/plans/")
    walk.check("Plans")
    walk.go("/coping/journal/")
    walk.check("Journal")

    # Reminders, and what one will say.
    walk.go("/reminders/")
    walk.check("Reminders", shot="de-reminders")
    previews = page.locator("a[href*='/preview/']")
    if previews.count():
        previews.first.click()
        page.wait_for_load_state("networkidle")
        walk.check("Reminder: its email, previewed")

    # Insights.
    walk.go("/insights/")
    walk.check("Insights", shot="de-insights")
    page.set_viewport_size(PHONE)
    walk.check("Insights, on a phone", shot="de-insights-phone")
    page.set_viewport_size(DESKTOP)

    # The work-search log, on the screen, printed and as CSV.
    first, last = today - dt.timedelta(days=30), today
    log = f"/insights/work-search-log/?start={first.isoformat()}&end={last.isoformat()}"
    walk.go(log)
    expect(page.locator("main")).to_contain_text(COMPANY)
    expect(page.locator("main")).to_contain_text("20457 Hamburg")
    walk.check("Work-search log")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})
    walk.check("Work-search log, printed", shot="de-work-search-log-print")
    page.emulate_media(media="screen")
    page.set_viewport_size(DESKTOP)
    csv = page.context.request.get(
        site + f"/insights/work-search-log.csv?start={first.isoformat()}&end={last.isoformat()}"
    )
    walk.check_text("Work-search log as CSV", csv.text())

    walk.go("/home/")
    walk.check("Home")
    walk.go("/accounts/preferences/")
    walk.check("Preferences")

    if walk.english or walk.inaccessible or walk.problems:
        pytest.fail(walk.report(), pytrace=False)
