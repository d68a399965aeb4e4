"""Issue 28, "the board at a glance": each card says how long the application has been in its
column, how much its owner wants it, and its tags; in English and German, with the ages moving
at the owner's midnight though no data changed, and the board still a fixed number of queries
whatever its size."""

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications.models import Application, Tag
from applications.pipeline import Status
from applications.selectors import _board_cards_portable, board_cards
from applications.tag_services import application_set_tags
from applications.templatetags.board_tags import time_in_stage, whole_months
from rebound.fragments import data_version
from tests.factories import ApplicationFactory, CompanyFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.frozen("2027-03-10 10:00Z")]

# Alice lives in Berlin (UserFactory): 11:00 on 10 March there.
TODAY = dt.date(2027, 3, 10)


def _card(page: str, pk: int) -> str:
    """One card's HTML from the board, whitespace as it is."""
    match = re.search(rf'<article [^>]*id="card-{pk}".*?</article>', page, re.S)
    assert match, f"no card {pk} on the board"
    return match.group(0)


def _text(html: str) -> str:
    """What the card says, tags stripped: visible words and the screen reader's alike."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _board(client, **params: str) -> str:
    response = client.get(reverse("applications:board"), params)
    assert response.status_code == 200
    return response.content.decode()


def _application(owner, *, since: dt.date, status: str = Status.SCREENING, **fields):
    company = CompanyFactory(owner=owner, name=fields.pop("company", "Acme"))
    return ApplicationFactory(
        company=company, role="Analyst", status=status, status_changed_on=since, **fields
    )


# --- time in stage, as words --------------------------------------------------------------


@pytest.mark.parametrize(
    ("since", "shown", "said"),
    [
        (TODAY, "Today", "In this stage since today"),
        # A date ahead of the clock (a device that was ahead) is no negative age.
        (dt.date(2027, 3, 11), "Today", "In this stage since today"),
        (dt.date(2027, 3, 9), "1 day", "In this stage for 1 day"),
        (dt.date(2027, 3, 5), "5 days", "In this stage for 5 days"),
        # 13 days is still days; 14 is two weeks; 20 days is two whole weeks, 21 three.
        (dt.date(2027, 2, 25), "13 days", "In this stage for 13 days"),
        (dt.date(2027, 2, 24), "2 weeks", "In this stage for 2 weeks"),
        (dt.date(2027, 2, 18), "2 weeks", "In this stage for 2 weeks"),
        (dt.date(2027, 2, 17), "3 weeks", "In this stage for 3 weeks"),
        # 62 days: 8 weeks; 63 days (6 January): two whole months (to 6 March).
        (dt.date(2027, 1, 7), "8 weeks", "In this stage for 8 weeks"),
        (dt.date(2027, 1, 6), "2 months", "In this stage for 2 months"),
        # 10 November to 10 March: four whole months; from the 11th, not yet four.
        (dt.date(2026, 11, 10), "4 months", "In this stage for 4 months"),
        (dt.date(2026, 11, 11), "3 months", "In this stage for 3 months"),
        (dt.date(2025, 3, 10), "24 months", "In this stage for 24 months"),
    ],
)
def test_time_in_stage_in_words(since, shown, said):
    assert time_in_stage(since, TODAY) == (shown, said)


def test_whole_months_count_as_a_person_does():
    assert whole_months(dt.date(2027, 1, 31), dt.date(2027, 2, 28)) == 0
    assert whole_months(dt.date(2027, 1, 31), dt.date(2027, 3, 31)) == 2
    assert whole_months(dt.date(2026, 12, 15), dt.date(2027, 3, 15)) == 3


# --- the card on the board ------------------------------------------------------------------


def test_it_shows_how_long_a_card_has_been_in_its_column(alice_client, alice):
    five = _application(alice, since=dt.date(2027, 3, 5), company="Acme")
    three_weeks = _application(alice, since=dt.date(2027, 2, 17), company="Globex")
    today = _application(alice, since=TODAY, company="Initech", status=Status.APPLIED)
    months = _application(alice, since=dt.date(2026, 11, 10), company="Hooli")
    page = _board(alice_client)

    card = _card(page, five.pk)
    assert '<span aria-hidden="true">5 days</span>' in card
    assert '<span class="visually-hidden">In this stage for 5 days</span>' in card
    assert '<span aria-hidden="true">3 weeks</span>' in _card(page, three_weeks.pk)
    assert '<span aria-hidden="true">Today</span>' in _card(page, today.pk)
    assert "In this stage since today" in _card(page, today.pk)
    assert '<span aria-hidden="true">4 months</span>' in _card(page, months.pk)


def test_the_age_is_counted_to_the_owners_own_today(client):
    # 23:30 UTC on 10 March is already 11 March in Tokyo: a card moved on the 10th there is
    # a day old, though the server's date still says the 10th.
    tokyo = UserFactory(timezone="Asia/Tokyo")
    client.force_login(tokyo)
    with time_machine.travel("2027-03-10 23:30Z", tick=False):
        moved = _application(tokyo, since=dt.date(2027, 3, 10))
        assert '<span aria-hidden="true">1 day</span>' in _card(_board(client), moved.pk)


def test_it_shows_the_excitement_compactly_and_says_it_in_full(alice_client, alice):
    three = _application(alice, since=TODAY, excitement=3, company="Acme")
    five = _application(alice, since=TODAY, excitement=5, company="Globex")
    one = _application(alice, since=TODAY, excitement=1, company="Initech")
    page = _board(alice_client)
    card = _card(page, three.pk)
    assert '<span aria-hidden="true">★★★☆☆</span>' in card
    assert '<span class="visually-hidden">Excitement 3 of 5</span>' in card
    assert "★★★★★</span>" in _card(page, five.pk)
    assert "Excitement 5 of 5" in _card(page, five.pk)
    assert "★☆☆☆☆</span>" in _card(page, one.pk)
    assert "Excitement 1 of 5" in _card(page, one.pk)


def test_a_card_without_tags_has_no_tag_list(alice_client, alice):
    plain = _application(alice, since=TODAY)
    assert "board-tags" not in _card(_board(alice_client), plain.pk)


def test_it_shows_the_tags_by_name_and_the_rest_as_a_count(alice_client, alice):
    few = _application(alice, since=TODAY, company="Acme")
    many = _application(alice, since=TODAY, company="Globex")
    application_set_tags(application=few, names=["remote", "Fintech"])
    # Five tags, by name ignoring case: Alpha, beta, delta, Gamma, zeta. Three are named.
    application_set_tags(application=many, names=["zeta", "Alpha", "Gamma", "beta", "delta"])
    page = _board(alice_client)

    card = _card(page, few.pk)
    assert '<ul class="board-tags" aria-label="Tags">' in card
    assert re.findall(r'<li class="badge[^"]*">([^<]+)</li>', card) == ["Fintech", "remote"]
    assert "+" not in _text(card)

    card = _card(page, many.pk)
    assert re.findall(r'<li class="badge[^"]*">([^<]+)</li>', card) == ["Alpha", "beta", "delta"]
    assert 'title="Gamma, zeta"><span aria-hidden="true">+2</span>' in card
    assert '<span class="visually-hidden">2 more tags</span>' in card


def test_a_tag_name_is_escaped(alice_client, alice):
    odd = _application(alice, since=TODAY)
    application_set_tags(application=odd, names=['<b>"bold"</b> & co'])
    card = _card(_board(alice_client), odd.pk)
    assert "&lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; co" in card and "<b>" not in card


def test_another_users_tags_never_appear(alice_client, alice, bob):
    mine = _application(alice, since=TODAY)
    application_set_tags(application=mine, names=["remote"])
    theirs = _application(bob, since=TODAY, company="Bob's own")
    application_set_tags(application=theirs, names=["secret-plan", "remote"])
    for page in (_board(alice_client), _board(alice_client, tag="remote")):
        assert "secret-plan" not in page and "Bob&#x27;s own" not in page
        card = _card(page, mine.pk)
        assert re.findall(r'<li class="badge[^"]*">([^<]+)</li>', card) == ["remote"]
        assert f'id="card-{theirs.pk}"' not in page


def test_the_board_filtered_by_a_tag_shows_each_cards_tags(alice_client, alice):
    tagged = _application(alice, since=TODAY, company="Acme")
    other = _application(alice, since=TODAY, company="Globex")
    application_set_tags(application=tagged, names=["remote", "fintech"])
    application_set_tags(application=other, names=["onsite"])
    page = _board(alice_client, tag="remote")
    # All of the card's tags, not only the one the board is filtered by.
    card = _card(page, tagged.pk)
    assert re.findall(r'<li class="badge[^"]*">([^<]+)</li>', card) == ["fintech", "remote"]
    assert f'id="card-{other.pk}"' not in page


def test_the_board_in_german(alice_client, alice):
    alice.language = "de"
    alice.save(update_fields=["language"])
    five = _application(alice, since=dt.date(2027, 3, 5), excitement=3, company="Acme")
    weeks = _application(alice, since=dt.date(2027, 2, 17), company="Globex")
    months = _application(alice, since=dt.date(2026, 11, 10), company="Hooli")
    one = _application(alice, since=dt.date(2027, 3, 9), company="Umbrella")
    today = _application(alice, since=TODAY, company="Initech")
    application_set_tags(application=five, names=["a", "b", "c", "d"])
    page = _board(alice_client)

    card = _card(page, five.pk)
    assert '<span aria-hidden="true">5 Tage</span>' in card
    assert "Seit 5 Tagen in diesem Status" in card
    assert '<span class="visually-hidden">Begeisterung 3 von 5</span>' in card
    assert 'aria-label="Schlagwörter"' in card and "1 weiteres Schlagwort" in card
    assert '<span aria-hidden="true">3 Wochen</span>' in _card(page, weeks.pk)
    assert "Seit 3 Wochen in diesem Status" in _card(page, weeks.pk)
    assert '<span aria-hidden="true">4 Monate</span>' in _card(page, months.pk)
    assert "Seit 4 Monaten in diesem Status" in _card(page, months.pk)
    assert '<span aria-hidden="true">1 Tag</span>' in _card(page, one.pk)
    assert "Seit 1 Tag in diesem Status" in _card(page, one.pk)
    assert '<span aria-hidden="true">Heute</span>' in _card(page, today.pk)
    assert "Seit heute in diesem Status" in _card(page, today.pk)


# --- a new day, the same data -------------------------------------------------------------


def test_the_cards_age_a_day_at_midnight_without_any_change(alice_client, alice):
    five = _application(alice, since=dt.date(2027, 3, 5))
    assert '<span aria-hidden="true">5 days</span>' in _card(_board(alice_client), five.pk)
    # The board is cached now, under the data as it stands (rebound.fragments)...
    version = data_version(alice)
    assert version
    with time_machine.travel("2027-03-11 10:00Z", tick=False):
        # ...and nothing changes overnight, yet the card is a day older.
        page = _board(alice_client)
        assert '<span aria-hidden="true">6 days</span>' in _card(page, five.pk)
    assert data_version(alice) == version
    # Back on the day before, that day's board again.
    assert '<span aria-hidden="true">5 days</span>' in _card(_board(alice_client), five.pk)


def test_the_board_is_cached_per_day(alice_client, alice, django_assert_num_queries):
    _application(alice, since=dt.date(2027, 3, 5))
    _board(alice_client)
    # The same day: from the cache (session, user, data version).
    with django_assert_num_queries(3):
        _board(alice_client)
    # The next day, the same data: the columns built afresh once (the counts and the cards:
    # two more; the tag filter, which shows no day, is still cached), then cached for the day.
    with time_machine.travel("2027-03-11 10:00Z", tick=False):
        with django_assert_num_queries(5):
            _board(alice_client)
        with django_assert_num_queries(3):
            _board(alice_client)


# --- a move ---------------------------------------------------------------------------------


def test_a_card_moved_on_the_board_says_today(alice_client, alice):
    card = _application(alice, since=dt.date(2027, 2, 17), status=Status.SCREENING)
    assert '<span aria-hidden="true">3 weeks</span>' in _card(_board(alice_client), card.pk)
    response = alice_client.post(
        reverse("applications:application_change_status", args=[card.pk]),
        {"to_status": Status.INTERVIEWING},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    moved = _card(response.content.decode(), card.pk)
    assert 'data-from="interviewing"' in moved
    assert '<span aria-hidden="true">Today</span>' in moved
    # And the full page says so too.
    assert '<span aria-hidden="true">Today</span>' in _card(_board(alice_client), card.pk)


# --- the SQL of each database gives the same cards ----------------------------------------


def test_both_paths_read_the_same_ages_excitement_and_tags(alice, bob):
    acme = CompanyFactory(owner=alice, name="Acme")
    made = []
    for i in range(12):
        status = Status.values[i % 4]
        application = ApplicationFactory(company=acme, role=f"Role {i}", status=status)
        Application.objects.filter(pk=application.pk).update(
            excitement=1 + i % 5, status_changed_on=TODAY - dt.timedelta(days=7 * i)
        )
        application_set_tags(
            application=application, names=["Zürich", "zoo", "Äpfel", "b"][: i % 5]
        )
        made.append(application)
    theirs = ApplicationFactory(company=CompanyFactory(owner=bob), role="Not yours")
    application_set_tags(application=theirs, names=["secret"])
    limits = dict.fromkeys(Status.values, 100)
    b = Tag.objects.get(owner=alice, name="b")
    for tag in (None, b):
        cards = board_cards(owner=alice, limits=limits, tag=tag)
        assert _board_cards_portable(owner=alice, limits=limits, tag=tag) == cards
    cards = {card.pk: card for card in board_cards(owner=alice, limits=limits, tag=None)}
    assert len(cards) == 12
    for i, application in enumerate(made):
        card = cards[application.pk]
        assert card.status_changed_on == TODAY - dt.timedelta(days=7 * i)
        assert card.excitement == 1 + i % 5
    # By name as a reader sorts them: case and accents aside ("Äpfel" among the a's).
    assert cards[made[4].pk].tag_names == ("Äpfel", "b", "zoo", "Zürich")
    assert cards[made[0].pk].tag_names == ()


# --- a fixed number of queries ----------------------------------------------------------------


def _tagged(owner, n: int) -> None:
    """n applications across the columns, each with two to four of six tags."""
    companies = CompanyFactory.create_batch(3, owner=owner)
    tags = [Tag.objects.get_or_create(owner=owner, name=f"tag {i}")[0] for i in range(6)]
    existing = Application.objects.filter(owner=owner).count()
    for i in range(existing, existing + n):
        ApplicationFactory(
            company=companies[i % 3],
            status=Status.values[i % len(Status.values)],
            status_changed_on=TODAY - dt.timedelta(days=i % 200),
        )
    through = Application.tags.through
    through.objects.bulk_create(
        [
            through(application_id=pk, tag_id=tags[(pk + k) % 6].pk)
            for pk in Application.objects.filter(owner=owner).values_list("pk", flat=True)
            for k in range(2 + pk % 3)
        ],
        ignore_conflicts=True,
    )


def test_the_board_makes_as_many_queries_for_500_tagged_cards_as_for_5(alice_client, alice):
    def count(**params: str) -> int:
        # Cold each time: a new day's key would do, but the cache is the simplest to clear.
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert alice_client.get(reverse("applications:board"), params).status_code == 200
        return len(ctx.captured_queries)

    _tagged(alice, 5)
    few, few_filtered = count(), count(tag="tag 1")
    _tagged(alice, 495)
    many, many_filtered = count(), count(tag="tag 1")
    many_shown = count(show=Status.APPLIED)
    # session, user, data version, the counts per column, the cards with their tags (one
    # query), the tags for the filter; the filtered board reads its tag first.
    assert few == many == many_shown == 6, (few, many, many_shown)
    assert few_filtered == many_filtered == 7, (few_filtered, many_filtered)
    # The 500 were all there to be counted: every card shows its tags.
    page = alice_client.get(reverse("applications:board")).content.decode()
    assert page.count('<ul class="board-tags"') == 9 * 12
