"""Business calendars: the clocks every store promise is counted on.

Examples read like POLICIES.md and use real 2026/2027 US federal holidays;
properties check the calendar arithmetic on several calendars, with start
instants drawn both uniformly and right around DST transitions.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mailbot.policy.calendar import BusinessCalendar, Clock, Timeframe

NEW_YORK = ZoneInfo("America/New_York")
CHICAGO = ZoneInfo("America/Chicago")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
US_1 = timedelta(microseconds=1)

# The stores' default calendars (POLICIES.md "Stores" table).
CLINIQUE = BusinessCalendar.create("America/New_York")
PANDORANA = BusinessCalendar.create("America/New_York")
KENDRASCOTTES = BusinessCalendar.create("America/Chicago")
CLTIKTOK = BusinessCalendar.create("America/Los_Angeles", office_hours=["09:00-18:00"])

# Calendars that make DST visible: open on Sundays (US clocks change on a
# Sunday at 02:00), office hours across the night, split timeframes.
SEVEN_DAY_NIGHT = BusinessCalendar.create(
    "America/New_York",
    working_days=range(7),
    office_hours=["00:00-03:00", "08:00-12:00", "13:00-17:30", "22:00-24:00"],
)
SEVEN_DAY_LONDON = BusinessCalendar.create(
    "Europe/London",
    working_days=["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    office_hours={"sun": ["00:30-02:30"], "mon": ["09:00-17:00"], "sat": ["10:00-14:00"]},
    holiday_country="GB",
    closed_dates=[date(2026, 12, 29), date(2027, 3, 28)],
)
# Half-hour DST shift and no holidays.
LORD_HOWE = BusinessCalendar.create(
    "Australia/Lord_Howe", working_days=range(7), office_hours=["01:00-03:00"], holiday_country=None
)
CALENDARS = [CLINIQUE, KENDRASCOTTES, CLTIKTOK, SEVEN_DAY_NIGHT, SEVEN_DAY_LONDON, LORD_HOWE]
CLOSED_TIME_CLOCKS = [c for c in Clock if c is not Clock.CALENDAR_HOURS]


def local(zone: ZoneInfo, *args: int) -> datetime:
    return datetime(*args, tzinfo=zone)  # type: ignore[arg-type,misc]


# -- the policies, as examples ----------------------------------------------


def test_kendrascottes_complaint_friday_afternoon_before_labor_day_is_due_wednesday_same_time() -> None:
    # Friday 2026-09-04 16:30 CDT: 7.5 business hours left on Friday; Saturday,
    # Sunday and Labor Day Monday are skipped; Tuesday gives 24; Wednesday the
    # remaining 16.5 -> Wednesday 16:30.
    received = local(CHICAGO, 2026, 9, 4, 16, 30)
    due = KENDRASCOTTES.add(received, 48, Clock.BUSINESS_HOURS)
    assert due == local(CHICAGO, 2026, 9, 9, 16, 30)
    assert due.tzinfo is UTC


def test_kendrascottes_non_english_complaint_gets_one_and_a_half_times_the_business_hours() -> None:
    received = local(CHICAGO, 2026, 9, 4, 16, 30)
    due = KENDRASCOTTES.add(received, 48 * 1.5, Clock.BUSINESS_HOURS)
    assert due == local(CHICAGO, 2026, 9, 10, 16, 30)  # Thursday
    assert KENDRASCOTTES.elapsed(received, due, Clock.BUSINESS_HOURS) == pytest.approx(72)


def test_two_business_days_from_monday_ten_is_wednesday_ten() -> None:
    assert CLINIQUE.add(local(NEW_YORK, 2026, 9, 14, 10), 2, Clock.BUSINESS_DAYS) == local(NEW_YORK, 2026, 9, 16, 10)


def test_business_days_keep_the_wall_clock_across_the_dst_weekend() -> None:
    # Clocks go back on Sunday 2026-11-01: Friday 10:00 EDT + 1 business day
    # is Monday 10:00 EST, 73 real hours later.
    friday = local(NEW_YORK, 2026, 10, 30, 10)
    monday = CLINIQUE.add(friday, 1, Clock.BUSINESS_DAYS)
    assert monday == local(NEW_YORK, 2026, 11, 2, 10)
    assert monday - friday == timedelta(hours=73)


def test_business_days_starting_on_a_saturday_count_from_monday_morning() -> None:
    saturday = local(NEW_YORK, 2026, 9, 12, 14)
    assert CLINIQUE.add(saturday, 2, Clock.BUSINESS_DAYS) == local(NEW_YORK, 2026, 9, 16, 0)  # end of Tuesday


def test_cliniqueonlinestore_three_business_days_skip_the_observed_independence_day() -> None:
    # 2026-07-04 is a Saturday; the federal holiday is observed Friday 07-03.
    thursday = local(NEW_YORK, 2026, 7, 2, 15)
    assert CLINIQUE.add(thursday, 3, Clock.BUSINESS_DAYS) == local(NEW_YORK, 2026, 7, 8, 15)


def test_pandorana_24_business_hours_over_christmas_2027_observed_on_friday() -> None:
    thursday_evening = local(NEW_YORK, 2027, 12, 23, 18)
    # 6 hours of Thursday, Friday 12-24 observed holiday, weekend, 18 of Monday.
    assert PANDORANA.add(thursday_evening, 24, Clock.BUSINESS_HOURS) == local(NEW_YORK, 2027, 12, 27, 18)


def test_cltiktok_24_hours_pause_over_thanksgiving_but_run_on_weekends() -> None:
    wednesday_noon = local(LOS_ANGELES, 2026, 11, 25, 12)
    due = CLTIKTOK.add(wednesday_noon, 24, Clock.CALENDAR_HOURS_EXCEPT_HOLIDAYS)
    assert due == local(LOS_ANGELES, 2026, 11, 27, 12)  # Thursday 11-26 skipped
    saturday = local(LOS_ANGELES, 2026, 11, 28, 10)
    assert CLTIKTOK.add(saturday, 24, Clock.CALENDAR_HOURS_EXCEPT_HOLIDAYS) == local(LOS_ANGELES, 2026, 11, 29, 10)


def test_cltiktok_thanksgiving_2027_pauses_a_message_received_on_the_holiday() -> None:
    thanksgiving = local(LOS_ANGELES, 2027, 11, 25, 9)
    assert not CLTIKTOK.is_open(thanksgiving, Clock.CALENDAR_HOURS_EXCEPT_HOLIDAYS)
    due = CLTIKTOK.add(thanksgiving, 24, Clock.CALENDAR_HOURS_EXCEPT_HOLIDAYS)
    assert due == local(LOS_ANGELES, 2027, 11, 27, 0)  # all of Friday 11-26


def test_24_business_hours_from_saturday_noon_end_at_the_end_of_monday() -> None:
    saturday_noon = local(NEW_YORK, 2026, 9, 12, 12)
    assert CLINIQUE.next_open(saturday_noon, Clock.BUSINESS_HOURS) == local(NEW_YORK, 2026, 9, 14, 0)
    assert CLINIQUE.add(saturday_noon, 24, Clock.BUSINESS_HOURS) == local(NEW_YORK, 2026, 9, 15, 0)


def test_office_hours_deadline_at_closing_time_stays_at_closing_time() -> None:
    monday_nine = local(NEW_YORK, 2026, 9, 14, 9)
    assert CLINIQUE.add(monday_nine, 8, Clock.OFFICE_HOURS) == local(NEW_YORK, 2026, 9, 14, 17)
    assert CLINIQUE.next_open(local(NEW_YORK, 2026, 9, 14, 17), Clock.OFFICE_HOURS) == local(NEW_YORK, 2026, 9, 15, 9)
    assert CLTIKTOK.add(local(LOS_ANGELES, 2026, 9, 14, 17), 2, Clock.OFFICE_HOURS) == local(
        LOS_ANGELES, 2026, 9, 15, 10
    )


def test_office_hours_with_a_lunch_break_skip_the_break() -> None:
    lunch = BusinessCalendar.create("America/New_York", office_hours=["09:00-12:00", "13:00-17:00"])
    assert lunch.add(local(NEW_YORK, 2026, 9, 14, 11), 4, Clock.OFFICE_HOURS) == local(NEW_YORK, 2026, 9, 14, 16)
    assert lunch.elapsed(local(NEW_YORK, 2026, 9, 14), local(NEW_YORK, 2026, 9, 15), Clock.OFFICE_HOURS) == 7


def test_a_working_day_spanning_dst_still_has_its_office_hours_in_full() -> None:
    # Sunday 2026-03-08 loses 02:00-03:00; the night shift 00:00-03:00 still
    # counts 3 office hours although only 2 real hours pass.
    day, next_day = local(NEW_YORK, 2026, 3, 8), local(NEW_YORK, 2026, 3, 9)
    assert SEVEN_DAY_NIGHT.elapsed(day, next_day, Clock.OFFICE_HOURS) == 3 + 4 + 4.5 + 2
    night_end = SEVEN_DAY_NIGHT.add(day, 3, Clock.OFFICE_HOURS)
    assert night_end == local(NEW_YORK, 2026, 3, 8, 3) and night_end - day == timedelta(hours=2)
    # ...and business hours are real time: that Sunday has 23, the fall-back one 25.
    assert SEVEN_DAY_NIGHT.elapsed(day, next_day, Clock.BUSINESS_HOURS) == 23
    assert SEVEN_DAY_NIGHT.elapsed(local(NEW_YORK, 2026, 11, 1), local(NEW_YORK, 2026, 11, 2), Clock.BUSINESS_HOURS) == 25
    assert SEVEN_DAY_NIGHT.elapsed(day, next_day, Clock.BUSINESS_DAYS) == 1


def test_an_office_deadline_inside_the_skipped_hour_lands_when_the_clock_resumes() -> None:
    day = local(NEW_YORK, 2026, 3, 8)
    assert SEVEN_DAY_NIGHT.add(day, 2.5, Clock.OFFICE_HOURS) == local(NEW_YORK, 2026, 3, 8, 3)


def test_fractional_business_days_are_fractions_of_the_wall_clock_day() -> None:
    monday = local(NEW_YORK, 2026, 9, 14, 10)
    assert CLINIQUE.add(monday, 1.5, Clock.BUSINESS_DAYS) == local(NEW_YORK, 2026, 9, 15, 22)
    assert CLINIQUE.elapsed(monday, local(NEW_YORK, 2026, 9, 15, 22), Clock.BUSINESS_DAYS) == pytest.approx(1.5)


def test_zero_amount_is_the_next_open_instant() -> None:
    sunday = local(CHICAGO, 2026, 9, 6, 12)
    tuesday_nine = local(CHICAGO, 2026, 9, 8, 9)  # Monday is Labor Day
    assert KENDRASCOTTES.add(sunday, 0, Clock.OFFICE_HOURS) == tuesday_nine
    open_instant = local(CHICAGO, 2026, 9, 8, 11)
    assert KENDRASCOTTES.next_open(open_instant, Clock.OFFICE_HOURS) == open_instant


def test_extra_closed_dates_and_subdivision_holidays_are_closed() -> None:
    boston = BusinessCalendar.create(
        "America/New_York", holiday_subdivision="MA", closed_dates=[date(2026, 12, 24)]
    )
    assert not boston.is_working_day(date(2026, 4, 20))  # Patriots' Day (MA only)
    assert CLINIQUE.is_working_day(date(2026, 4, 20))
    assert not boston.is_working_day(date(2026, 12, 24))
    assert boston.add(local(NEW_YORK, 2026, 12, 23, 12), 1, Clock.BUSINESS_DAYS) == local(NEW_YORK, 2026, 12, 28, 12)


def test_working_day_definition() -> None:
    assert CLINIQUE.is_working_day(date(2026, 11, 25))
    assert not CLINIQUE.is_working_day(date(2026, 11, 26))  # Thanksgiving
    assert not CLINIQUE.is_working_day(date(2026, 11, 28))  # Saturday
    assert CLINIQUE.office_timeframes(date(2026, 11, 28)) == ()
    assert CLINIQUE.office_timeframes(date(2026, 11, 27)) == (Timeframe(time(9), time(17)),)


def test_elapsed_is_negative_backwards_and_ignores_closed_time() -> None:
    fri = local(NEW_YORK, 2026, 9, 11, 12)
    mon = local(NEW_YORK, 2026, 9, 14, 12)
    assert CLINIQUE.elapsed(fri, mon, Clock.BUSINESS_HOURS) == 24
    assert CLINIQUE.elapsed(mon, fri, Clock.BUSINESS_HOURS) == -24
    assert CLINIQUE.elapsed(fri, mon, Clock.CALENDAR_HOURS) == 72
    assert CLINIQUE.elapsed(fri, mon, Clock.OFFICE_HOURS) == 8


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: CLINIQUE.add(datetime(2026, 9, 14, 10), 1, Clock.BUSINESS_HOURS), "timezone-aware"),
        (lambda: CLINIQUE.add(local(NEW_YORK, 2026, 9, 14), -1, Clock.BUSINESS_HOURS), ">= 0"),
        (lambda: CLINIQUE.add(local(NEW_YORK, 2026, 9, 14), float("nan"), Clock.BUSINESS_HOURS), "finite"),
        (lambda: BusinessCalendar.create("America/New_York", working_days=()), "non-empty"),
        (lambda: BusinessCalendar.create("America/New_York", holiday_country="XX"), "unknown country"),
        (lambda: BusinessCalendar.create("America/New_York", holiday_subdivision="ZZ"), "no subdivision"),
        (lambda: BusinessCalendar.create("America/New_York", office_hours=["09:00-13:00", "12:00-17:00"]), "overlap"),
        (lambda: Timeframe.parse("17:00-09:00"), "ends before"),
        (lambda: Timeframe.parse("9am-5pm"), "HH:MM"),
        (lambda: BusinessCalendar.create("America/New_York", working_days=["funday"]), "weekday"),
    ],
)
def test_invalid_input_is_rejected(call: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()  # type: ignore[operator]


def test_calendar_without_office_hours_cannot_place_an_office_deadline() -> None:
    no_office = BusinessCalendar.create("America/New_York", office_hours=[])
    with pytest.raises(ValueError, match="no office_hours open time"):
        no_office.add(local(NEW_YORK, 2026, 9, 14), 1, Clock.OFFICE_HOURS)
    assert no_office.add(local(NEW_YORK, 2026, 9, 14), 1, Clock.BUSINESS_HOURS) == local(NEW_YORK, 2026, 9, 14, 1)


# -- properties -----------------------------------------------------------------

_LOW = datetime(2025, 12, 1, tzinfo=UTC)
_SPAN_US = int((datetime(2028, 1, 31, tzinfo=UTC) - _LOW) / US_1)
# DST transitions of the zones above, as UTC instants: starts near them find
# the gaps and the repeated hours.
_TRANSITIONS = [
    datetime(2026, 3, 8, 7, tzinfo=UTC),  # US Eastern spring forward
    datetime(2026, 11, 1, 6, tzinfo=UTC),  # US Eastern fall back
    datetime(2026, 3, 8, 8, tzinfo=UTC),  # US Central
    datetime(2026, 11, 1, 7, tzinfo=UTC),
    datetime(2026, 3, 8, 10, tzinfo=UTC),  # US Pacific
    datetime(2026, 11, 1, 9, tzinfo=UTC),
    datetime(2026, 3, 29, 1, tzinfo=UTC),  # UK
    datetime(2026, 10, 25, 1, tzinfo=UTC),
    datetime(2026, 4, 4, 15, tzinfo=UTC),  # Lord Howe (30 minutes)
    datetime(2026, 10, 3, 15, 30, tzinfo=UTC),
    datetime(2027, 3, 14, 7, tzinfo=UTC),
    datetime(2027, 11, 7, 6, tzinfo=UTC),
]

instants = st.one_of(
    st.integers(0, _SPAN_US).map(lambda us: _LOW + us * US_1),
    st.builds(
        lambda t, minutes, us: t + timedelta(minutes=minutes, microseconds=us),
        st.sampled_from(_TRANSITIONS),
        st.integers(-26 * 60, 26 * 60),
        st.sampled_from([0, 0, 1, 999_999]),
    ),
)
calendars = st.sampled_from(CALENDARS)
clocks = st.sampled_from(list(Clock))


def amounts(clock: Clock) -> st.SearchStrategy[float]:
    top = 15.0 if clock is Clock.BUSINESS_DAYS else 300.0
    return st.one_of(st.floats(0, top), st.integers(0, int(top)).map(float))


def _at_transition(cal: BusinessCalendar, u: datetime) -> bool:
    return u.astimezone(cal.timezone).utcoffset() != (u - US_1).astimezone(cal.timezone).utcoffset()


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(calendars, st.sampled_from(CLOSED_TIME_CLOCKS), instants, st.data())
def test_a_deadline_never_lands_inside_closed_time(
    cal: BusinessCalendar, clock: Clock, start: datetime, data: st.DataObject
) -> None:
    amount = data.draw(amounts(clock).filter(lambda a: a > 0))
    due = cal.add(start, amount, clock)
    # Open, or the closing instant of an open stretch (8 office hours from 09:00 is 17:00).
    assert cal.is_open(due, clock) or cal.is_open(due - US_1, clock)
    assert due >= start


@PROPERTY
@given(calendars, st.sampled_from(CLOSED_TIME_CLOCKS), instants)
def test_next_open_is_open_and_nothing_before_it_is(cal: BusinessCalendar, clock: Clock, start: datetime) -> None:
    opens = cal.next_open(start, clock)
    assert opens >= start and cal.is_open(opens, clock)
    if opens > start:
        assert not cal.is_open(start, clock)
        assert not cal.is_open(opens - US_1, clock)
        assert cal.elapsed(start, opens, clock) == 0


@PROPERTY
@given(calendars, clocks, instants, st.data())
def test_adding_is_monotonic_in_amount(cal: BusinessCalendar, clock: Clock, start: datetime, data: st.DataObject) -> None:
    a, b = sorted((data.draw(amounts(clock)), data.draw(amounts(clock))))
    assert cal.add(start, a, clock) <= cal.add(start, b, clock)


@PROPERTY
@given(calendars, clocks, instants, st.integers(0, 5 * 24 * 3600 * 10**6), st.data())
def test_adding_is_monotonic_in_start(
    cal: BusinessCalendar, clock: Clock, start: datetime, later_us: int, data: st.DataObject
) -> None:
    amount = data.draw(amounts(clock))
    later = start + later_us * US_1
    assert cal.add(start, amount, clock) <= cal.add(later, amount, clock)


@PROPERTY
@given(calendars, clocks, instants, st.data())
def test_add_then_elapsed_round_trips(cal: BusinessCalendar, clock: Clock, start: datetime, data: st.DataObject) -> None:
    amount = data.draw(amounts(clock))
    due = cal.add(start, amount, clock)
    measured = cal.elapsed(start, due, clock)
    if clock is Clock.OFFICE_HOURS or clock is Clock.BUSINESS_DAYS:
        # Wall-clock clocks: an amount ending inside a skipped (spring-forward)
        # hour ends when the clock resumes, so a little more has passed.
        assert measured >= amount - 1e-9
        if not _at_transition(cal, due):
            assert measured == pytest.approx(amount, abs=1e-9)
    else:
        assert measured == pytest.approx(amount, abs=1e-9)


@PROPERTY
@given(calendars, clocks, instants, instants)
def test_elapsed_then_add_finds_the_earliest_instant_with_that_much_open_time(
    cal: BusinessCalendar, clock: Clock, a: datetime, b: datetime
) -> None:
    start, end = min(a, b), max(a, b)
    assume(end - start < timedelta(days=60))
    measured = cal.elapsed(start, end, clock)
    back = cal.add(start, measured, clock)
    if measured == 0:
        assert back == cal.next_open(start, clock)  # may be after `end` when all of it was closed
        return
    assert back <= end + US_1
    assert cal.elapsed(start, back, clock) == pytest.approx(measured, abs=1e-9)
    if cal.is_open(end, clock) and not _at_transition(cal, end):
        # Rounding to whole microseconds is the only slack.
        assert abs(back - end) <= US_1


@PROPERTY
@given(calendars, clocks, instants, instants, instants)
def test_elapsed_is_additive(cal: BusinessCalendar, clock: Clock, a: datetime, b: datetime, c: datetime) -> None:
    x, y, z = sorted((a, b, c))
    assume(z - x < timedelta(days=60))
    assert cal.elapsed(x, y, clock) + cal.elapsed(y, z, clock) == pytest.approx(cal.elapsed(x, z, clock), abs=1e-9)


@PROPERTY
@given(st.sampled_from([SEVEN_DAY_NIGHT, SEVEN_DAY_LONDON, LORD_HOWE]), st.dates(date(2026, 1, 1), date(2027, 12, 31)))
def test_dst_transitions_neither_lose_nor_gain_office_minutes_or_business_days(cal: BusinessCalendar, day: date) -> None:
    zone = cal.timezone
    start = datetime.combine(day, time(0), zone)
    end = datetime.combine(day + timedelta(days=1), time(0), zone)
    frames = cal.office_timeframes(day)
    expected_office = sum(
        ((hi - lo) / timedelta(hours=1) for lo, hi in (f.bounds(day) for f in frames)), start=0.0
    )
    assert cal.elapsed(start, end, Clock.OFFICE_HOURS) == pytest.approx(expected_office)
    working = cal.is_working_day(day)
    assert cal.elapsed(start, end, Clock.BUSINESS_DAYS) == (1 if working else 0)
    real_hours = (end.astimezone(UTC) - start.astimezone(UTC)) / timedelta(hours=1)
    assert cal.elapsed(start, end, Clock.BUSINESS_HOURS) == pytest.approx(real_hours if working else 0)
