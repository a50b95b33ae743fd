"""The stores' promises as timers: one test per POLICIES.md row, plus the rules
that make them fire on time and exactly once.

Cases run on the shipped default policies (mailbot/policy/defaults/*.yaml) and
real 2026 US holidays (Labor Day Mon 09-07, Columbus Day Mon 10-12,
Thanksgiving Thu 11-26). ``drive`` plays the daemon: sleep until the first
planned firing, act on what is due, record the keys as fired, repeat.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from mailbot.models import CaseStatus, Category
from mailbot.policy.calendar import BusinessCalendar, Clock
from mailbot.policy.defaults import STORES, default_policy, default_policy_data
from mailbot.policy.schema import ActionType, Phase, StorePolicy, TimerKind
from mailbot.policy.timers import (
    CaseFacts,
    CustomerMessage,
    Due,
    StatusChange,
    deadline_for_ack,
    deadlines,
    due,
    plan,
)

NEW_YORK = ZoneInfo("America/New_York")
CHICAGO = ZoneInfo("America/Chicago")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
ZONES = {
    "cliniqueonlinestore": NEW_YORK,
    "pandorana": NEW_YORK,
    "kendrascottes": CHICAGO,
    "cltiktok": LOS_ANGELES,
    "divaalex": NEW_YORK,
}


@cache
def store(store_id: str) -> tuple[StorePolicy, BusinessCalendar]:
    policy = default_policy(store_id)
    return policy, policy.calendar.to_calendar()


def local(store_id: str, *args: int) -> datetime:
    return datetime(*args, tzinfo=ZONES[store_id])  # type: ignore[arg-type,misc]


def case(
    store_id: str,
    received: datetime,
    *,
    category: Category = Category.ORDER_STATUS,
    urgent: bool = False,
    language: str = "en",
    status: CaseStatus = CaseStatus.ACKNOWLEDGED,
    more_messages: tuple[datetime, ...] = (),
    replies: tuple[datetime, ...] = (),
    acknowledged: bool = True,
    **kwargs: Any,
) -> CaseFacts:
    """A case opened by one customer message at ``received`` (INTERNALDATE)."""
    messages = (CustomerMessage(received),) + tuple(CustomerMessage(m) for m in more_messages)
    return CaseFacts(
        store_id=store_id,
        category=category,
        urgent=urgent,
        language=language,
        status=status,
        opened_at=received,
        customer_messages=messages,
        staff_replies=replies,
        acknowledged_at=received + timedelta(seconds=30) if acknowledged else None,
        **kwargs,
    )


def drive(facts: CaseFacts, until: datetime) -> tuple[list[Due], CaseFacts]:
    """Act on every firing up to ``until`` the way the daemon does; returns them in order.

    An ``escalate`` action records ``escalated_at`` (once), as the daemon does.
    """
    policy, calendar = store(facts.store_id)
    acted: list[Due] = []
    for _ in range(500):
        upcoming = plan(facts, policy, calendar)
        if not upcoming or upcoming[0].at > until:
            return acted, facts
        now = upcoming[0].at
        batch = due(facts, policy, calendar, now)
        assert batch, f"plan promised a firing at {now} but nothing was due"
        assert [d.at for d in batch] == sorted(d.at for d in batch)
        acted += batch
        escalated = facts.escalated_at
        for firing in batch:
            if escalated is None and any(a.type is ActionType.ESCALATE for a in firing.actions):
                escalated = firing.at
        facts = replace(facts, fired=facts.fired | {d.key for d in batch}, escalated_at=escalated)
    raise AssertionError("timers kept firing")


def summary(firings: list[Due]) -> list[tuple[str, str, datetime, list[str]]]:
    return [(d.timer, d.phase.value, d.at, [str(a) for a in d.actions]) for d in firings]


def customer_emails(firings: list[Due]) -> list[str]:
    return [a.target or "" for d in firings for a in d.actions if a.type is ActionType.CUSTOMER]


# -- cliniqueonlinestore ------------------------------------------------------------------


def test_cliniqueonlinestore_email_warns_at_2_business_days_and_breaches_at_3_skipping_the_observed_holiday() -> None:
    # Thursday 2026-07-02 15:00; Friday 07-03 is the observed Independence Day.
    received = local("cliniqueonlinestore", 2026, 7, 2, 15)
    fired, _ = drive(case("cliniqueonlinestore", received), until=received + timedelta(days=30))
    assert summary(fired) == [
        ("first_response", "warn", local("cliniqueonlinestore", 2026, 7, 7, 15), ["warn_staff"]),
        ("first_response", "breach", local("cliniqueonlinestore", 2026, 7, 8, 15), ["warn_staff", "escalate:manager"]),
    ]
    policy, calendar = store("cliniqueonlinestore")
    ack = deadline_for_ack(policy, calendar, received, False, "en", Category.ORDER_STATUS)
    assert ack is not None and ack.due == local("cliniqueonlinestore", 2026, 7, 8, 15) and not ack.extended


def test_cliniqueonlinestore_staff_reply_after_the_warning_prevents_the_breach() -> None:
    received = local("cliniqueonlinestore", 2026, 7, 2, 15)
    reply = local("cliniqueonlinestore", 2026, 7, 7, 16)
    warned, facts = drive(case("cliniqueonlinestore", received), until=reply)
    assert [d.phase for d in warned] == [Phase.WARN]
    fired, _ = drive(replace(facts, staff_replies=(reply,)), until=reply + timedelta(days=30))
    assert fired == []


def test_cliniqueonlinestore_urgent_issue_gets_its_first_response_within_1_business_day() -> None:
    received = local("cliniqueonlinestore", 2026, 9, 14, 10)  # Monday
    facts = case("cliniqueonlinestore", received, category=Category.DAMAGED_WRONG_ITEM, urgent=True)
    fired, _ = drive(facts, until=received + timedelta(days=10))
    assert [(d.timer, d.phase.value, d.at) for d in fired] == [
        ("urgent_first_response", "warn", local("cliniqueonlinestore", 2026, 9, 14, 22)),
        ("urgent_first_response", "breach", local("cliniqueonlinestore", 2026, 9, 15, 10)),
    ]
    policy, calendar = store("cliniqueonlinestore")
    ack = deadline_for_ack(policy, calendar, received, True, "en", Category.DAMAGED_WRONG_ITEM)
    assert ack is not None and ack.due == local("cliniqueonlinestore", 2026, 9, 15, 10)
    assert ack.timer == "urgent_first_response" and ack.clock is Clock.BUSINESS_DAYS and ack.amount == 1


def test_cliniqueonlinestore_acknowledgement_not_sent_within_24_hours_warns_staff() -> None:
    received = local("cliniqueonlinestore", 2026, 9, 12, 20)  # Saturday: the ack clock runs 24/7
    facts = case("cliniqueonlinestore", received, status=CaseStatus.NEW, acknowledged=False)
    policy, calendar = store("cliniqueonlinestore")
    assert [(d.timer, d.at, [str(a) for a in d.actions]) for d in due(facts, policy, calendar, received + timedelta(hours=24))] == [
        ("ack_deadline", received + timedelta(hours=24), ["warn_staff"])
    ]
    acknowledged = replace(facts, acknowledged_at=received + timedelta(minutes=1))
    assert due(acknowledged, policy, calendar, received + timedelta(days=2)) == []


def test_cliniqueonlinestore_complex_issue_owes_a_detailed_update_3_to_5_business_days_after_flagging() -> None:
    received = local("cliniqueonlinestore", 2026, 9, 14, 9)
    flagged = local("cliniqueonlinestore", 2026, 9, 14, 11)  # flagged with the first staff reply
    facts = case("cliniqueonlinestore", received, replies=(flagged,), complex_at=flagged)
    fired, _ = drive(facts, until=received + timedelta(days=30))
    assert [(d.timer, d.phase.value, d.at) for d in fired] == [
        ("complex_update", "warn", local("cliniqueonlinestore", 2026, 9, 17, 11)),
        ("complex_update", "breach", local("cliniqueonlinestore", 2026, 9, 21, 11)),
    ]
    updated = replace(facts, staff_replies=(flagged, local("cliniqueonlinestore", 2026, 9, 16, 14)))
    assert drive(updated, until=received + timedelta(days=30))[0] == []


def test_cliniqueonlinestore_complaint_resolution_due_in_3_to_5_business_days_and_pending_holds_the_clock() -> None:
    received = local("cliniqueonlinestore", 2026, 9, 14, 9, 30)
    answered = (local("cliniqueonlinestore", 2026, 9, 14, 12),)
    facts = case("cliniqueonlinestore", received, category=Category.COMPLAINT, replies=answered)
    policy, calendar = store("cliniqueonlinestore")
    times = {d.phase: d.at for d in plan(facts, policy, calendar) if d.timer == "complaint_resolution"}
    assert times == {
        Phase.WARN: local("cliniqueonlinestore", 2026, 9, 17, 9, 30),
        Phase.BREACH: local("cliniqueonlinestore", 2026, 9, 21, 9, 30),
    }
    # Solution proposed Tuesday 09:30, case pending on the customer until
    # Thursday 09:30: two business days held, so everything moves by two.
    history = (
        StatusChange(received, CaseStatus.ACKNOWLEDGED),
        StatusChange(local("cliniqueonlinestore", 2026, 9, 15, 9, 30), CaseStatus.PENDING),
        StatusChange(local("cliniqueonlinestore", 2026, 9, 17, 9, 30), CaseStatus.WAITING_STAFF),
    )
    paused = replace(facts, status=CaseStatus.WAITING_STAFF, status_history=history)
    times = {d.phase: d.at for d in plan(paused, policy, calendar) if d.timer == "complaint_resolution"}
    assert times == {
        Phase.WARN: local("cliniqueonlinestore", 2026, 9, 21, 9, 30),
        Phase.BREACH: local("cliniqueonlinestore", 2026, 9, 23, 9, 30),
    }
    # While it is still pending, nothing of it can come due.
    pending = replace(facts, status=CaseStatus.PENDING, pending_since=history[1].at)
    assert [d for d in plan(pending, policy, calendar) if d.timer == "complaint_resolution"] == []
    assert [r.paused for r in deadlines(pending, policy, calendar) if r.timer == "complaint_resolution"] == [True]


def test_cliniqueonlinestore_sends_one_satisfaction_followup_2_business_days_after_resolution() -> None:
    received = local("cliniqueonlinestore", 2026, 11, 20, 10)
    resolved = local("cliniqueonlinestore", 2026, 11, 24, 10)  # Tuesday before Thanksgiving
    facts = case(
        "cliniqueonlinestore", received, replies=(resolved,), status=CaseStatus.RESOLVED, resolved_at=resolved
    )
    fired, after = drive(facts, until=resolved + timedelta(days=60))
    assert summary(fired) == [
        ("followup", "fire", local("cliniqueonlinestore", 2026, 11, 27, 10), ["customer:satisfaction_followup"])
    ]
    policy, calendar = store("cliniqueonlinestore")
    assert due(after, policy, calendar, resolved + timedelta(days=60)) == []


def test_cliniqueonlinestore_asks_for_missing_order_number_is_not_a_timer_and_feedback_has_no_sla() -> None:
    received = local("cliniqueonlinestore", 2026, 9, 14, 9)
    facts = case("cliniqueonlinestore", received, category=Category.FEEDBACK)
    policy, calendar = store("cliniqueonlinestore")
    assert [d.timer for d in plan(facts, policy, calendar)] == []
    assert deadline_for_ack(policy, calendar, received, False, "en", Category.FEEDBACK) is None


# -- pandorana ----------------------------------------------------------------------------


def test_pandorana_first_response_not_made_in_24_business_hours_sends_one_delay_notice_then_escalates_at_48() -> None:
    received = local("pandorana", 2026, 9, 4, 16)  # Friday before Labor Day
    fired, _ = drive(case("pandorana", received), until=received + timedelta(days=30))
    assert summary(fired) == [
        ("first_response", "warn", local("pandorana", 2026, 9, 8, 10), ["warn_staff"]),
        ("first_response", "breach", local("pandorana", 2026, 9, 8, 16), ["warn_staff", "customer:delay_notice"]),
        ("first_response_escalation", "breach", local("pandorana", 2026, 9, 9, 16), ["escalate:manager"]),
    ]
    assert customer_emails(fired) == ["delay_notice"]
    policy, calendar = store("pandorana")
    ack = deadline_for_ack(policy, calendar, received, False, "en", Category.ORDER_STATUS)
    assert ack is not None and ack.due == local("pandorana", 2026, 9, 8, 16) and ack.timer == "first_response"
    # The delay notice can quote the new time: the 48-hour bound still running.
    at_notice = replace(case("pandorana", received), fired=frozenset(d.key for d in fired[:2]))
    rows = {r.timer: r for r in deadlines(at_notice, policy, calendar)}
    assert rows["first_response_escalation"].breach_at == local("pandorana", 2026, 9, 9, 16)


def test_pandorana_next_response_counts_from_the_oldest_unanswered_message() -> None:
    first = local("pandorana", 2026, 9, 14, 9)
    reply = local("pandorana", 2026, 9, 14, 11)
    again = (local("pandorana", 2026, 9, 14, 13), local("pandorana", 2026, 9, 14, 15))
    facts = case("pandorana", first, replies=(reply,), more_messages=again)
    fired, _ = drive(facts, until=first + timedelta(days=10))
    assert [(d.timer, d.phase.value, d.at) for d in fired] == [
        ("next_response", "warn", local("pandorana", 2026, 9, 15, 7)),
        ("next_response", "breach", local("pandorana", 2026, 9, 15, 13)),
        ("next_response_escalation", "breach", local("pandorana", 2026, 9, 16, 13)),
    ]
    answered = replace(facts, staff_replies=(reply, local("pandorana", 2026, 9, 15, 6)))
    assert drive(answered, until=first + timedelta(days=10))[0] == []


def test_pandorana_refund_progress_update_at_5_business_days_and_breach_at_10() -> None:
    received = local("pandorana", 2026, 9, 14, 12)
    facts = case("pandorana", received, category=Category.REFUND, replies=(received + timedelta(hours=1),))
    fired, _ = drive(facts, until=received + timedelta(days=40))
    assert summary(fired) == [
        ("refund", "warn", local("pandorana", 2026, 9, 21, 12), ["customer:progress_update", "warn_staff"]),
        ("refund", "breach", local("pandorana", 2026, 9, 28, 12), ["warn_staff", "escalate:manager"]),
    ]
    resolved = replace(facts, status=CaseStatus.RESOLVED, resolved_at=local("pandorana", 2026, 9, 18, 12))
    assert drive(resolved, until=received + timedelta(days=40))[0] == []


def test_pandorana_complaint_resolved_within_3_business_days() -> None:
    received = local("pandorana", 2026, 9, 14, 12)
    facts = case("pandorana", received, category=Category.COMPLAINT, replies=(received + timedelta(hours=1),))
    fired, _ = drive(facts, until=received + timedelta(days=40))
    assert [(d.timer, d.phase.value, d.at) for d in fired] == [
        ("complaint_resolution", "warn", local("pandorana", 2026, 9, 16, 12)),
        ("complaint_resolution", "breach", local("pandorana", 2026, 9, 17, 12)),
    ]


# -- kendrascottes --------------------------------------------------------------------------


def test_kendrascottes_reply_within_24_to_48_business_hours_skips_weekend_and_labor_day() -> None:
    received = local("kendrascottes", 2026, 9, 4, 16, 30)
    fired, _ = drive(case("kendrascottes", received), until=received + timedelta(days=30))
    assert summary(fired) == [
        ("first_response", "warn", local("kendrascottes", 2026, 9, 8, 16, 30), ["warn_staff"]),
        ("first_response", "breach", local("kendrascottes", 2026, 9, 9, 16, 30), ["warn_staff", "escalate:senior"]),
        # The breach escalated the case: now the senior owes the answer.
        ("senior_response", "warn", local("kendrascottes", 2026, 9, 10, 16, 30), ["warn_staff"]),
        ("senior_response", "breach", local("kendrascottes", 2026, 9, 11, 16, 30), ["warn_staff", "escalate:manager"]),
    ]


def test_kendrascottes_urgent_matter_answered_within_12_business_hours() -> None:
    received = local("kendrascottes", 2026, 9, 14, 10)
    facts = case("kendrascottes", received, category=Category.SHIPPING_ISSUE, urgent=True)
    fired, _ = drive(facts, until=received + timedelta(days=30))
    assert [(d.timer, d.phase.value, d.at) for d in fired if d.timer != "senior_response"] == [
        ("urgent_first_response", "warn", local("kendrascottes", 2026, 9, 14, 18)),
        ("urgent_first_response", "breach", local("kendrascottes", 2026, 9, 14, 22)),
    ]


def test_kendrascottes_ongoing_issue_gets_an_update_at_least_every_3_to_5_business_days_while_open() -> None:
    received = local("kendrascottes", 2026, 9, 14, 9)
    reply = local("kendrascottes", 2026, 9, 14, 10)
    facts = case("kendrascottes", received, category=Category.RETURN_EXCHANGE, replies=(reply,))
    fired, after = drive(facts, until=local("kendrascottes", 2026, 10, 14))
    assert [(d.key.split("@")[0], d.at) for d in fired] == [
        ("periodic_update#1:warn", local("kendrascottes", 2026, 9, 17, 10)),
        ("periodic_update#1:breach", local("kendrascottes", 2026, 9, 21, 10)),
        ("periodic_update#2:warn", local("kendrascottes", 2026, 9, 24, 10)),
        ("periodic_update#2:breach", local("kendrascottes", 2026, 9, 28, 10)),
        ("periodic_update#3:warn", local("kendrascottes", 2026, 10, 1, 10)),
        ("periodic_update#3:breach", local("kendrascottes", 2026, 10, 5, 10)),
        ("periodic_update#4:warn", local("kendrascottes", 2026, 10, 8, 10)),
        ("periodic_update#4:breach", local("kendrascottes", 2026, 10, 13, 10)),  # Columbus Day skipped
    ]
    assert customer_emails(fired) == ["progress_update"] * 4
    # A staff update restarts the count; resolving stops it.
    updated = replace(after, staff_replies=(reply, local("kendrascottes", 2026, 10, 14, 9)))
    policy, calendar = store("kendrascottes")
    assert [(d.key.split("@")[0], d.at) for d in plan(updated, policy, calendar)] == [
        ("periodic_update#1:warn", local("kendrascottes", 2026, 10, 19, 9)),
        ("periodic_update#1:breach", local("kendrascottes", 2026, 10, 21, 9)),
        ("periodic_update#2:warn", local("kendrascottes", 2026, 10, 26, 9)),
        ("periodic_update#2:breach", local("kendrascottes", 2026, 10, 28, 9)),
    ]
    assert plan(replace(updated, status=CaseStatus.RESOLVED), policy, calendar) == []


def test_kendrascottes_staff_reply_before_the_48_business_hour_mark_prevents_the_senior_escalation() -> None:
    received = local("kendrascottes", 2026, 9, 14, 9)
    proposal = local("kendrascottes", 2026, 9, 15, 15)
    facts = case("kendrascottes", received, category=Category.COMPLAINT)
    before, facts = drive(facts, until=proposal)
    assert [(d.timer, d.phase.value) for d in before] == [("complaint_response", "warn")]
    fired, after = drive(replace(facts, staff_replies=(proposal,)), until=received + timedelta(days=4))
    assert [d for d in fired if d.phase is Phase.BREACH] == []
    assert after.escalated_at is None


def test_kendrascottes_complaint_without_a_proposal_in_48_business_hours_goes_to_a_senior_who_answers_in_24_to_48() -> None:
    received = local("kendrascottes", 2026, 9, 14, 9)
    fired, after = drive(case("kendrascottes", received, category=Category.COMPLAINT), until=received + timedelta(days=10))
    assert summary(fired) == [
        ("complaint_response", "warn", local("kendrascottes", 2026, 9, 15, 9), ["warn_staff"]),
        ("complaint_response", "breach", local("kendrascottes", 2026, 9, 16, 9), ["escalate:senior"]),
        ("senior_response", "warn", local("kendrascottes", 2026, 9, 17, 9), ["warn_staff"]),
        ("senior_response", "breach", local("kendrascottes", 2026, 9, 18, 9), ["warn_staff", "escalate:manager"]),
    ]
    assert after.escalated_at == local("kendrascottes", 2026, 9, 16, 9)


def test_kendrascottes_senior_answer_after_a_staff_escalation_stops_the_senior_clock() -> None:
    received = local("kendrascottes", 2026, 9, 14, 9)
    proposal = local("kendrascottes", 2026, 9, 14, 15)
    unhappy = local("kendrascottes", 2026, 9, 15, 9)
    escalated = local("kendrascottes", 2026, 9, 15, 10)
    facts = case(
        "kendrascottes",
        received,
        category=Category.COMPLAINT,
        replies=(proposal,),
        more_messages=(unhappy,),
        escalated_at=escalated,
    )
    policy, calendar = store("kendrascottes")
    senior = [d for d in plan(facts, policy, calendar) if d.timer == "senior_response"]
    assert [(d.phase, d.at) for d in senior] == [
        (Phase.WARN, local("kendrascottes", 2026, 9, 16, 10)),
        (Phase.BREACH, local("kendrascottes", 2026, 9, 17, 10)),
    ]
    answered = replace(facts, staff_replies=(proposal, local("kendrascottes", 2026, 9, 16, 8)))
    fired, _ = drive(answered, until=received + timedelta(days=10))
    assert [d.timer for d in fired if d.kind is not TimerKind.PERIODIC_UPDATE] == []


def test_kendrascottes_non_english_mail_gets_every_deadline_times_1_5_and_the_ack_says_so() -> None:
    received = local("kendrascottes", 2026, 9, 4, 16, 30)
    fired, _ = drive(case("kendrascottes", received, language="de"), until=received + timedelta(days=30))
    assert [(d.timer, d.phase.value, d.at) for d in fired if d.timer == "first_response"] == [
        ("first_response", "warn", local("kendrascottes", 2026, 9, 9, 4, 30)),  # 36 business h
        ("first_response", "breach", local("kendrascottes", 2026, 9, 10, 16, 30)),  # 72 business h
    ]
    assert "x1.5 (language)" in fired[1].reason
    policy, calendar = store("kendrascottes")
    ack = deadline_for_ack(policy, calendar, received, False, "de", Category.ORDER_STATUS)
    assert ack is not None and ack.extended and ack.amount == 72
    assert ack.due == local("kendrascottes", 2026, 9, 10, 16, 30)
    for language in ("en", "", "und"):
        plain = deadline_for_ack(policy, calendar, received, False, language, Category.ORDER_STATUS)
        assert plain is not None and not plain.extended and plain.due == local("kendrascottes", 2026, 9, 9, 16, 30)


# -- cltiktok --------------------------------------------------------------------------------


def test_cltiktok_24_hour_reply_is_paused_over_thanksgiving() -> None:
    received = local("cltiktok", 2026, 11, 25, 12)
    fired, _ = drive(case("cltiktok", received), until=received + timedelta(days=10))
    assert summary(fired) == [
        ("first_response", "warn", local("cltiktok", 2026, 11, 27, 6), ["warn_staff"]),
        ("first_response", "breach", local("cltiktok", 2026, 11, 27, 12), ["warn_staff", "escalate:manager"]),
    ]


def test_cltiktok_24_hour_reply_runs_through_the_weekend() -> None:
    received = local("cltiktok", 2026, 9, 12, 10)  # Saturday
    policy, calendar = store("cltiktok")
    ack = deadline_for_ack(policy, calendar, received, False, "en", Category.MERCHANT)
    assert ack is not None and ack.due == local("cltiktok", 2026, 9, 13, 10)
    assert ack.clock is Clock.CALENDAR_HOURS_EXCEPT_HOLIDAYS


def test_cltiktok_dispute_and_merchant_routing_carry_the_same_reply_promise() -> None:
    received = local("cltiktok", 2026, 9, 14, 10)
    policy, calendar = store("cltiktok")
    for category in (Category.DISPUTE, Category.MERCHANT, Category.ORDER_STATUS):
        ack = deadline_for_ack(policy, calendar, received, False, "en", category)
        assert ack is not None and ack.due == local("cltiktok", 2026, 9, 15, 10)


# -- divaalex ---------------------------------------------------------------------------------


def test_divaalex_inquiry_not_acknowledged_within_24_hours_warns_staff_and_the_ack_promises_no_reply_time() -> None:
    received = local("divaalex", 2026, 9, 14, 10)
    fired, _ = drive(case("divaalex", received, acknowledged=False, status=CaseStatus.NEW), until=received + timedelta(days=5))
    assert summary(fired) == [("ack_deadline", "breach", local("divaalex", 2026, 9, 15, 10), ["warn_staff"])]
    assert drive(case("divaalex", received), until=received + timedelta(days=5))[0] == []
    policy, calendar = store("divaalex")
    assert deadline_for_ack(policy, calendar, received, False, "en", Category.ORDER_STATUS) is None


@pytest.mark.parametrize(
    ("category", "warn", "breach"),
    [(Category.RETURN_EXCHANGE, (2026, 9, 18, 10), (2026, 9, 21, 10)), (Category.REFUND, (2026, 9, 22, 10), (2026, 9, 23, 10))],
)
def test_divaalex_returns_processed_within_5_business_days_and_refunds_within_7(
    category: Category, warn: tuple[int, ...], breach: tuple[int, ...]
) -> None:
    received = local("divaalex", 2026, 9, 14, 10)
    facts = case("divaalex", received, category=category, replies=(received + timedelta(hours=2),))
    fired, _ = drive(facts, until=received + timedelta(days=30))
    own = [(d.phase.value, d.at, [str(a) for a in d.actions]) for d in fired if d.timer != "manager_followup"]
    assert own == [
        ("warn", local("divaalex", *warn), ["warn_staff"]),
        ("breach", local("divaalex", *breach), ["warn_staff", "escalate:manager"]),
    ]


def test_divaalex_complaint_not_resolved_at_first_contact_goes_to_a_manager_who_follows_up_within_24_hours() -> None:
    received = local("divaalex", 2026, 9, 14, 10)
    first_contact = local("divaalex", 2026, 9, 14, 11)
    facts = case("divaalex", received, category=Category.COMPLAINT, replies=(first_contact,))
    fired, after = drive(facts, until=received + timedelta(days=5))
    assert summary(fired) == [
        ("complaint_escalation", "breach", local("divaalex", 2026, 9, 14, 12), ["escalate:manager"]),
        ("manager_followup", "warn", local("divaalex", 2026, 9, 15, 6), ["warn_staff"]),
        ("manager_followup", "breach", local("divaalex", 2026, 9, 15, 12), ["warn_staff"]),
    ]
    # The manager's follow-up in time stops the clock.
    policy, calendar = store("divaalex")
    escalated = replace(facts, escalated_at=local("divaalex", 2026, 9, 14, 12))
    followed_up = replace(escalated, staff_replies=(first_contact, local("divaalex", 2026, 9, 14, 16)))
    assert due(followed_up, policy, calendar, received + timedelta(days=5)) == []


def test_divaalex_complaint_resolved_at_first_contact_is_not_escalated() -> None:
    received = local("divaalex", 2026, 9, 14, 10)
    first_contact = local("divaalex", 2026, 9, 14, 11)
    facts = case(
        "divaalex",
        received,
        category=Category.COMPLAINT,
        replies=(first_contact,),
        status=CaseStatus.RESOLVED,
        resolved_at=first_contact + timedelta(minutes=2),
    )
    fired, _ = drive(facts, until=received + timedelta(days=5))
    assert [d.timer for d in fired] == ["followup"]


def test_divaalex_case_resolved_tuesday_10_gets_its_satisfaction_followup_48_hours_later_once() -> None:
    received = local("divaalex", 2026, 9, 11, 10)
    resolved = local("divaalex", 2026, 9, 15, 10)
    facts = case("divaalex", received, replies=(resolved,), status=CaseStatus.RESOLVED, resolved_at=resolved)
    fired, after = drive(facts, until=resolved + timedelta(days=30))
    assert summary(fired) == [("followup", "fire", local("divaalex", 2026, 9, 17, 10), ["customer:satisfaction_followup"])]
    policy, calendar = store("divaalex")
    assert plan(after, policy, calendar) == []
    assert due(after, policy, calendar, resolved + timedelta(days=30)) == []


def test_divaalex_customer_writing_back_after_resolution_cancels_the_followup() -> None:
    received = local("divaalex", 2026, 9, 11, 10)
    resolved = local("divaalex", 2026, 9, 15, 10)
    facts = case(
        "divaalex",
        received,
        replies=(resolved,),
        more_messages=(local("divaalex", 2026, 9, 16, 9),),
        status=CaseStatus.RESOLVED,
        resolved_at=resolved,
    )
    policy, calendar = store("divaalex")
    assert [d.timer for d in plan(facts, policy, calendar)] == []


# -- exactly once, catching up, ordering ----------------------------------------------------------


def test_a_fired_key_is_never_due_again() -> None:
    received = local("pandorana", 2026, 9, 14, 9)
    facts = case("pandorana", received)
    policy, calendar = store("pandorana")
    later = received + timedelta(days=20)
    first = due(facts, policy, calendar, later)
    assert first
    done = replace(facts, fired=frozenset(d.key for d in first))
    assert due(done, policy, calendar, later) == []
    assert due(done, policy, calendar, later + timedelta(days=300)) == []
    assert all(d.key not in done.fired for d in plan(done, policy, calendar))


def test_after_downtime_a_breach_supersedes_its_warning() -> None:
    received = local("cliniqueonlinestore", 2026, 9, 14, 9)
    facts = case("cliniqueonlinestore", received)
    policy, calendar = store("cliniqueonlinestore")
    back_up = local("cliniqueonlinestore", 2026, 9, 25, 9)
    assert [(d.timer, d.phase) for d in due(facts, policy, calendar, back_up)] == [("first_response", Phase.BREACH)]
    done = replace(facts, fired=frozenset(d.key for d in due(facts, policy, calendar, back_up)))
    assert plan(done, policy, calendar) == []


def test_after_downtime_a_staff_reply_that_came_in_meanwhile_cancels_the_overdue_breach() -> None:
    received = local("cliniqueonlinestore", 2026, 9, 14, 9)
    late_reply = local("cliniqueonlinestore", 2026, 9, 18, 9)  # after the breach instant
    facts = case("cliniqueonlinestore", received, replies=(late_reply,))
    policy, calendar = store("cliniqueonlinestore")
    assert due(facts, policy, calendar, late_reply + timedelta(hours=1)) == []


def test_after_downtime_a_periodic_update_goes_out_once_not_once_per_missed_cycle() -> None:
    received = local("kendrascottes", 2026, 9, 14, 9)
    reply = local("kendrascottes", 2026, 9, 14, 10)
    facts = case("kendrascottes", received, category=Category.REFUND, replies=(reply,))
    policy, calendar = store("kendrascottes")
    back_up = local("kendrascottes", 2026, 10, 2, 12)  # cycles 1-2 complete, cycle 3 warned (Thu 10-01 10:00)
    ready = due(facts, policy, calendar, back_up)
    assert [d.key.split("@")[0] for d in ready] == ["periodic_update#2:breach", "periodic_update#3:warn"]
    assert customer_emails(ready) == ["progress_update"]
    caught_up = replace(facts, fired=frozenset(d.key for d in ready))
    assert due(caught_up, policy, calendar, back_up) == []
    assert [d.key.split("@")[0] for d in plan(caught_up, policy, calendar)][:1] == ["periodic_update#3:breach"]


def test_due_lists_firings_in_time_order_across_timers() -> None:
    received = local("kendrascottes", 2026, 9, 14, 9)
    facts = case("kendrascottes", received, category=Category.COMPLAINT, urgent=True)
    policy, calendar = store("kendrascottes")
    ready = due(facts, policy, calendar, received + timedelta(days=3))
    assert [d.at for d in ready] == sorted(d.at for d in ready)
    assert {d.timer for d in ready} == {"urgent_first_response", "complaint_response"}


def test_keys_name_the_timer_phase_cycle_and_start() -> None:
    received = datetime(2026, 9, 4, 21, 30, tzinfo=UTC)
    policy, calendar = store("kendrascottes")
    keys = {d.key for d in plan(case("kendrascottes", received), policy, calendar)}
    assert keys == {"first_response:warn@20260904T213000Z", "first_response:breach@20260904T213000Z"}


def test_resolved_and_closed_cases_stop_the_response_clocks() -> None:
    received = local("pandorana", 2026, 9, 14, 9)
    policy, calendar = store("pandorana")
    for status in (CaseStatus.RESOLVED, CaseStatus.CLOSED):
        facts = case("pandorana", received, status=status, resolved_at=received + timedelta(hours=1))
        assert plan(facts, policy, calendar) == []


def test_a_case_marked_answered_without_a_reply_stops_its_first_response() -> None:
    received = local("pandorana", 2026, 9, 14, 9)
    facts = replace(case("pandorana", received), customer_messages=(CustomerMessage(received, answered=True),))
    policy, calendar = store("pandorana")
    assert plan(facts, policy, calendar) == []


def test_auto_close_after_a_quiet_week_in_resolved() -> None:
    data = default_policy_data("divaalex")
    data["timers"] = {"auto_close": {"clock": "calendar_hours", "fire_after": 168, "on_fire": ["close"]}}
    policy = StorePolicy.model_validate(data)
    calendar = policy.calendar.to_calendar()
    received = local("divaalex", 2026, 9, 1, 10)
    resolved = local("divaalex", 2026, 9, 2, 10)
    facts = case("divaalex", received, replies=(resolved,), status=CaseStatus.RESOLVED, resolved_at=resolved)
    [closing] = plan(facts, policy, calendar)
    assert closing.at == resolved + timedelta(days=7) and [str(a) for a in closing.actions] == ["close"]
    reopened = replace(facts, status=CaseStatus.WAITING_STAFF)
    assert plan(reopened, policy, calendar) == []


def test_facts_reject_naive_instants_and_a_history_that_contradicts_the_status() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        case("pandorana", datetime(2026, 9, 14, 9))
    received = local("pandorana", 2026, 9, 14, 9)
    with pytest.raises(ValueError, match="status_history ends with"):
        case("pandorana", received, status_history=(StatusChange(received, CaseStatus.PENDING),))
    policy, calendar = store("pandorana")
    with pytest.raises(ValueError, match="now must be"):
        due(case("pandorana", received), policy, calendar, datetime(2026, 9, 20))


# -- the config schema and the shipped defaults --------------------------------------------------

DEFAULTS_DIR = Path(__file__).resolve().parents[1] / "mailbot" / "policy" / "defaults"


@pytest.mark.parametrize("store_id", STORES)
def test_default_policy_round_trips_through_yaml(store_id: str) -> None:
    policy = default_policy(store_id)
    dumped = yaml.safe_dump(policy.model_dump(mode="json"))
    assert StorePolicy.model_validate(yaml.safe_load(dumped)) == policy


@pytest.mark.parametrize("store_id", STORES)
def test_every_default_timer_names_the_policies_row_it_implements(store_id: str) -> None:
    lines = (DEFAULTS_DIR / f"{store_id}.yaml").read_text().splitlines()
    timer_lines = [i for i, line in enumerate(lines) if re.match(r"^  [a-z_]+:$", line)]
    assert len(timer_lines) == len(default_policy(store_id).timers)
    for index in timer_lines:
        comments = []
        for line in reversed(lines[:index]):
            if not line.strip().startswith("#"):
                break
            comments.append(line)
        assert any("row" in c.lower() for c in comments), f"{lines[index].strip()} has no POLICIES.md row comment"


@pytest.mark.parametrize(
    ("timezone", "working_days", "office_hours"),
    [
        ("America/New_York", ["mon", "tue", "wed", "thu", "fri"], ["09:00-17:00"]),
        ("America/Chicago", ["mon", "tue", "wed", "thu", "fri"], ["09:00-17:00"]),
        ("America/Los_Angeles", ["mon", "tue", "wed", "thu", "fri"], ["09:00-18:00"]),
    ],
)
def test_default_calendars_follow_the_stores_table(timezone: str, working_days: list[str], office_hours: list[str]) -> None:
    expected = {"America/New_York": 3, "America/Chicago": 1, "America/Los_Angeles": 1}[timezone]
    matching = [
        s
        for s in STORES
        if (cal := default_policy(s).calendar).timezone == timezone
        and list(cal.working_days) == working_days
        and list(cal.office_hours) == office_hours
        and cal.holidays is not None
        and cal.holidays.country == "US"
    ]
    assert len(matching) == expected


def _minimal(**timer: Any) -> dict[str, Any]:
    return {"calendar": {"timezone": "America/New_York"}, "timers": {"t": {"kind": "first_response", "clock": "business_hours", **timer}}}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_minimal(breach_after=24, on_breach=["shout"]), "type"),
        (_minimal(breach_after=24, on_breach=[{"customer": "free_gift"}]), "customer needs one of"),
        (_minimal(breach_after=24, on_breach=[{"escalate": "Big Boss"}]), "role name"),
        (_minimal(breach_after=24, on_breach=[{"warn_staff": "x"}]), "takes no target"),
        (_minimal(warn_after=48, breach_after=24), "warn_after must be less"),
        (_minimal(breach_after=24, on_warn=["warn_staff"]), "on_warn given without"),
        (_minimal(), "at least one of"),
        (_minimal(breach_after=-1), "greater than or equal"),
        (_minimal(breach_after=24, every=5), "only apply to periodic"),
        (_minimal(breach_after=24, when={"category": ["gossip"]}), "category"),
        (_minimal(breach_after=24, clock="moon_hours"), "clock"),
        ({"calendar": {"timezone": "Mars/Olympus"}}, "unknown timezone"),
        ({"calendar": {"timezone": "America/New_York", "holidays": {"country": "XX"}}}, "unknown country"),
        ({"calendar": {"timezone": "America/New_York", "office_hours": ["09:00-13:00", "12:00-17:00"]}}, "overlap"),
        ({"calendar": {"timezone": "America/New_York", "working_days": ["someday"]}}, "unknown weekday"),
        (
            {"calendar": {"timezone": "America/New_York"}, "timers": [
                {"name": "a", "kind": "resolution", "clock": "business_days", "breach_after": 1},
                {"name": "a", "kind": "resolution", "clock": "business_days", "breach_after": 2},
            ]},
            "two timers named",
        ),
    ],
)
def test_policy_config_errors_are_reported(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        StorePolicy.model_validate(data)


def test_timer_kind_defaults_to_its_name_and_accepts_role_names() -> None:
    policy = StorePolicy.model_validate(
        {
            "calendar": {"timezone": "America/New_York", "office_hours": {"mon": ["09:00-12:00", "13:00-17:00"]}},
            "timers": {
                "first_response": {"clock": "office_hours", "breach_after": 8},
                "manager_followup": {"clock": "calendar_hours", "breach_after": 24},
            },
        }
    )
    assert [t.kind for t in policy.timers] == [TimerKind.FIRST_RESPONSE, TimerKind.ESCALATION_RESPONSE]
    calendar = policy.calendar.to_calendar()
    monday = datetime(2026, 9, 14, 11, tzinfo=NEW_YORK)
    ack = deadline_for_ack(policy, calendar, monday, False, "en", Category.OTHER)
    # 5 office hours that Monday, the other 3 on the next (only Mondays have office hours).
    assert ack is not None and ack.due == datetime(2026, 9, 21, 12, tzinfo=NEW_YORK)


# -- properties ---------------------------------------------------------------------------------

_T0 = datetime(2026, 9, 1, tzinfo=UTC)
offsets = st.integers(0, 40 * 24 * 60).map(lambda minutes: _T0 + timedelta(minutes=minutes))


@st.composite
def random_cases(draw: st.DrawFn) -> tuple[CaseFacts, datetime]:
    store_id = draw(st.sampled_from(STORES))
    times = sorted(draw(st.lists(offsets, min_size=1, max_size=6)))
    opened = times[0]
    replies = tuple(sorted(draw(st.lists(offsets.filter(lambda t: t > opened), max_size=3))))
    status = draw(st.sampled_from(list(CaseStatus)))
    resolved = draw(st.none() | offsets.filter(lambda t: t >= opened)) if status in (CaseStatus.RESOLVED, CaseStatus.CLOSED) else None
    facts = CaseFacts(
        store_id=store_id,
        category=draw(st.sampled_from(list(Category))),
        urgent=draw(st.booleans()),
        language=draw(st.sampled_from(["en", "de", "es", ""])),
        status=status,
        opened_at=opened,
        customer_messages=tuple(CustomerMessage(t) for t in times),
        staff_replies=replies,
        acknowledged_at=draw(st.none() | st.just(opened + timedelta(minutes=1))),
        complex_at=draw(st.none() | offsets.filter(lambda t: t > opened)),
        escalated_at=draw(st.none() | offsets.filter(lambda t: t > opened)),
        resolved_at=resolved,
        pending_since=draw(st.none() | offsets.filter(lambda t: t > opened)) if status is CaseStatus.PENDING else None,
    )
    return facts, draw(offsets.filter(lambda t: t >= opened))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(random_cases())
def test_due_is_ordered_owed_and_empty_once_acted_on(drawn: tuple[CaseFacts, datetime]) -> None:
    facts, now = drawn
    policy, calendar = store(facts.store_id)
    ready = due(facts, policy, calendar, now)
    assert [d.at for d in ready] == sorted(d.at for d in ready)
    assert all(d.at <= now and d.key not in facts.fired for d in ready)
    assert len({d.key for d in ready}) == len(ready)
    acted = replace(facts, fired=facts.fired | {d.key for d in ready})
    assert due(acted, policy, calendar, now) == []
    assert all(d.key not in acted.fired for d in plan(acted, policy, calendar))
    # Everything plan lists at or before now is due now, unless a later breach superseded a warning.
    for firing in plan(facts, policy, calendar):
        if firing.at <= now and firing.phase is not Phase.WARN and firing.kind is not TimerKind.PERIODIC_UPDATE:
            assert firing.key in {d.key for d in ready}
