"""Timers across restarts and outages, and the end of a case's life, on the real mail stack.

Every ``run`` is a separate ``mailbot run --once --now T``: a new daemon whose
only memory is the state on disk. (POLICIES.md: "Every timer above fires on
time, once, across restarts"; the issue: "missed timers fire once on start, in
order, never a burst of duplicates"; "auto-close of resolved or pending cases
after a configurable quiet period".)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from .support import World
from .test_policy_scenarios import COMPLAINT, ORDER_QUESTION, REFUND, Desk, MakeDesk, shown_date, text

pytestmark = pytest.mark.mailstack


@pytest.fixture
def desk(make_world: Callable[..., World]) -> Callable[..., Desk]:
    def make(sid: str, overrides: dict[str, Any] | None = None) -> Desk:
        return Desk(make_world(sid, overrides={sid: overrides} if overrides else {}), sid)

    return make


# -- exactly once --------------------------------------------------------------------------------------


def test_a_timer_fires_exactly_once_across_separate_runs(desk: MakeDesk) -> None:
    """pandorana's delay notice (question of Tuesday 10 November 2026, 15:00 EST, Veterans Day
    on Wednesday: due Thursday 12 November 15:00): three daemons started at that very
    instant and after it, and one started with an earlier ``--now`` (a dry run),
    send it once between them."""
    d = desk("pandorana")
    d.customer_writes(d.at(2026, 11, 10, 15, 0), *ORDER_QUESTION)
    d.run(d.at(2026, 11, 10, 15, 1))
    d.run(d.at(2026, 11, 12, 15, 0))
    d.run(d.at(2026, 11, 12, 15, 0))
    d.run(d.at(2026, 11, 12, 14, 0))
    d.run(d.at(2026, 11, 12, 15, 1))
    assert d.kinds() == ["ack", "staff_warning", "delay_notice"]  # the 18-hour warning was superseded by the breach
    assert d.case().fired == (
        "first_response:breach@20261110T200000Z",
    )
    d.mailbox(d.customer(), 2)
    d.assert_each_sent_once()


def test_an_edited_promise_applies_to_open_cases_at_the_next_start(desk: MakeDesk) -> None:
    """Every number stays editable per store: pandorana's first response cut to 12 business
    hours (warning at 6) after a question of Tuesday 10 November 2026, 15:00 EST was
    acknowledged. The next daemon plans from the state and the new promise: the
    delay notice is due at 9 h of Tuesday + 3 h of Thursday = Thursday 12 November
    03:00 (Wednesday is Veterans Day), not at 15:00."""
    d = desk("pandorana")
    d.customer_writes(d.at(2026, 11, 10, 15, 0), *ORDER_QUESTION)
    d.run(d.at(2026, 11, 10, 15, 1))
    timers = d.world.store("pandorana")["policy"]["timers"]
    timers["first_response"].update(warn_after=6, breach_after=12)
    d.run(d.at(2026, 11, 12, 2, 59))
    assert d.kinds() == ["ack", "staff_warning"]
    d.run(d.at(2026, 11, 12, 3, 0))
    assert d.kinds() == ["ack", "staff_warning", "staff_warning", "delay_notice"]


# -- outages --------------------------------------------------------------------------------------------


def test_after_a_long_outage_missed_timers_fire_once_in_order(desk: MakeDesk) -> None:
    """pandorana: a question of Tuesday 10 November 2026, 15:00 EST is first seen on Monday 16
    November 12:00, after a week without mailbot. Everything owed fires in one run,
    each once, in the order of its instant: the acknowledgement, the 24-hour breach
    (Thursday 12 15:00: staff warning and delay notice; the 18-hour warning before
    it is moot) and the 48-hour escalation (Friday 13 15:00)."""
    d = desk("pandorana")
    d.customer_writes(d.at(2026, 11, 10, 15, 0), *ORDER_QUESTION)
    d.run(d.at(2026, 11, 16, 12, 0))
    assert d.kinds() == ["ack", "staff_warning", "delay_notice", "escalation"]
    assert d.case().opened_at == d.at(2026, 11, 10, 15, 0)
    d.run(d.at(2026, 11, 16, 12, 1))
    d.run(d.at(2026, 11, 17, 12, 0))
    assert d.kinds() == ["ack", "staff_warning", "delay_notice", "escalation"]
    d.mailbox(d.customer(), 2)
    d.assert_each_sent_once()


def test_after_an_outage_a_chain_of_escalations_fires_each_link_once_in_order(desk: MakeDesk) -> None:
    """kendrascottes: a complaint of Friday 16 January 2026, 16:30 CST, acknowledged at once;
    mailbot is then down until Monday 2 February. Both links of the chain were
    missed: the senior escalation (Wednesday 21 January 16:30) and the senior's own
    48-business-hour deadline (Friday 23 January 16:30, to the manager). Each goes
    out once, the senior's first, and the escalation keeps its instant."""
    d = desk("kendrascottes")
    d.customer_writes(d.at(2026, 1, 16, 16, 30), *COMPLAINT)
    d.run(d.at(2026, 1, 16, 16, 31))
    for minute in (0, 1, 2):
        d.run(d.at(2026, 2, 2, 9, minute))
    assert [o.to for o in d.records("escalation")] == [(d.escalation["senior"],), (d.escalation["manager"],)]
    assert d.case().escalated_at == d.at(2026, 1, 21, 16, 30)
    assert d.kinds() == ["ack", "escalation", "staff_warning", "escalation"]
    d.assert_each_sent_once()


def test_after_an_outage_a_chain_of_escalations_completes_in_one_run(desk: MakeDesk) -> None:
    """The same outage: ``mailbot run --once --now T`` runs everything due at T, so one run
    catches up both links of the chain."""
    d = desk("kendrascottes")
    d.customer_writes(d.at(2026, 1, 16, 16, 30), *COMPLAINT)
    d.run(d.at(2026, 1, 16, 16, 31))
    d.run(d.at(2026, 2, 2, 9, 0))
    assert [o.to for o in d.records("escalation")] == [(d.escalation["senior"],), (d.escalation["manager"],)]


def test_after_an_outage_a_periodic_update_goes_out_once_not_once_per_missed_cycle(desk: MakeDesk) -> None:
    """kendrascottes' update every 5 business days, counted from a staff reply on Monday 9
    February 2026, 10:00 CST (Presidents' Day on Monday 16): cycles end on business
    days 5, 10, 15, 20, 25 = Tuesday 17 March 10:00. Mailbot, down from 9 February
    to Wednesday 18 March, sends the customer one update (not five), promising the
    next by business day 30, Tuesday 24 March."""
    d = desk("kendrascottes")
    question = d.customer_writes(d.at(2026, 2, 9, 9, 0), *REFUND)
    d.run(d.at(2026, 2, 9, 9, 1))
    d.staff_reply_from_shared_mailbox(d.at(2026, 2, 9, 10, 0), question, "Your refund was approved today.")
    d.run(d.at(2026, 2, 9, 10, 1))
    d.run(d.at(2026, 3, 18, 12, 0))
    assert d.kinds() == ["ack", "progress_update", "staff_warning"]
    assert [k.split("@")[0] for k in d.case().fired] == ["periodic_update#5:breach"]
    _, update = d.mailbox(d.customer(), 2)
    assert f"you'll hear from us again by {shown_date(d.at(2026, 3, 24, 10, 0))}" in text(update)
    d.run(d.at(2026, 3, 18, 12, 1))
    assert d.kinds() == ["ack", "progress_update", "staff_warning"]
    d.assert_each_sent_once()


# -- the end of a case ------------------------------------------------------------------------------------

# No store's policy names a quiet period; a store that wants one adds it like this.
AUTO_CLOSE = {"policy": {"timers": {"auto_close": {"clock": "calendar_hours", "fire_after": 168, "on_fire": ["close"]}}}}


def test_resolved_and_pending_cases_close_after_a_quiet_week_unless_the_customer_writes(desk: MakeDesk) -> None:
    """divaalex with a 7-day (168 h) quiet period: of three cases set resolved or pending on
    Tuesday 6 October 2026, 10:00 EDT, the two that stay quiet are closed on Tuesday
    13 October 10:00; the one whose customer wrote back on Friday 9 October is open
    and waiting on staff. A customer writing to a closed case reopens it."""
    d = desk("divaalex", AUTO_CLOSE)
    ann = d.customer_writes(d.at(2026, 10, 5, 9, 0), *ORDER_QUESTION, name="ann")
    bob = d.customer_writes(d.at(2026, 10, 5, 9, 0), "Question about the red dress", "Is the red dress available in size M?\nBob", name="bob")
    cat = d.customer_writes(d.at(2026, 10, 5, 9, 0), "Question about the blue scarf", "Is the blue scarf silk?\nCat", name="cat")
    d.run(d.at(2026, 10, 5, 9, 1))
    d.command(d.at(2026, 10, 6, 10, 0), ann, "#resolved")
    d.command(d.at(2026, 10, 6, 10, 0), bob, "#pending")
    d.command(d.at(2026, 10, 6, 10, 0), cat, "#pending")
    d.customer_replies(d.at(2026, 10, 9, 10, 0), cat, "Also, does it come in green?", name="cat")
    d.run(d.at(2026, 10, 13, 9, 59))
    assert [c.status for c in d.cases()] == ["resolved", "pending", "waiting_staff"]
    d.run(d.at(2026, 10, 13, 10, 0))
    assert [c.status for c in d.cases()] == ["closed", "closed", "waiting_staff"]
    assert d.kinds(d.cases()[0]) == ["ack", "command_confirmation", "satisfaction_followup"]

    d.customer_replies(d.at(2026, 10, 14, 10, 0), ann, "The order never came after all.", name="ann")
    d.run(d.at(2026, 10, 14, 10, 1))
    assert d.cases()[0].status == "waiting_staff"
    assert len(d.cases()) == 3
    d.assert_each_sent_once()
