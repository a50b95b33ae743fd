"""Email templates: every kind renders, check finds what admins break, safety of customer text."""

from __future__ import annotations

import email
import email.policy
import re
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailbot.outbound.compose import Envelope, compose
from mailbot.outbound.template_context import (
    COMMON,
    KIND_VARS,
    LANGUAGES,
    MISSING_ITEMS,
    Kind,
    required_names,
    sample_context,
)
from mailbot.outbound.templates import (
    Rendered,
    TemplateContextError,
    TemplateError,
    TemplateSet,
    check_templates,
    format_local,
    preview,
    strip_reply_prefix,
    tidy_text,
    wrap,
)

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "templates"
# Store ids as the shipped config names them (read without resolving secrets).
STORES = tuple(str(s["id"]) for s in yaml.safe_load((REPO / "config" / "stores.yaml").read_text())["stores"])
CUSTOMER_KINDS = tuple(k for k in Kind if k.customer_facing)
INJECTION = "Order help\r\nBcc: victim@example.com"
SSTI = "{{ 7*7 }} {% if true %}yes{% endif %}"


@pytest.fixture(scope="module")
def shipped() -> TemplateSet:
    return TemplateSet(TEMPLATES, STORES)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A private copy of the shipped templates that a test may edit."""
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES, root)
    return root


def edit(path: Path, text: str) -> None:
    """Rewrite ``path`` and move its mtime forward, as an editor save would."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    stamp = max(before + 1_000_000_000, path.stat().st_mtime_ns)
    import os

    os.utime(path, ns=(stamp, stamp))


def flat(text: str) -> str:
    """Text with line wrapping undone, for phrase assertions."""
    return " ".join(text.split())


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# --------------------------------------------------------------------------
# The shipped set
# --------------------------------------------------------------------------


def test_config_stores_are_the_five_seed_stores() -> None:
    assert set(STORES) == {"cliniqueonlinestore", "pandorana", "kendrascottes", "cltiktok", "divaalex"}
    for store in STORES:
        assert (TEMPLATES / store / "en" / "voice.txt").is_file(), f"{store} has no voice of its own"


def test_shipped_templates_pass_the_check() -> None:
    problems = check_templates(TEMPLATES, STORES)
    assert [str(p) for p in problems] == []


def test_shipped_set_loads_without_problems(shipped: TemplateSet) -> None:
    assert [str(p) for p in shipped.problems] == []


@pytest.mark.parametrize("store", ("default", *STORES))
@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_renders_for_every_store_and_language(shipped: TemplateSet, store: str, kind: Kind) -> None:
    english = shipped.render(store, kind, "en", sample_context(kind, store))
    for lang in LANGUAGES:
        ctx = sample_context(kind, store)
        out = shipped.render(store, kind, lang, ctx)
        if not kind.customer_facing or store == "kendrascottes":
            assert out.language == "en"
        else:
            assert out.language == lang
        if kind is not Kind.TEMPLATE_ERROR:
            assert str(ctx["case_ref"]) in out.subject
        assert out.text.strip() and out.html.lstrip().startswith("<!DOCTYPE html>")
        assert f'<html lang="{out.language}">' in out.html
        assert all(len(line) <= 80 or " " not in line.strip() for line in out.text.splitlines())
        if out.language != "en":
            assert out.text != english.text, f"{store}/{lang}/{kind} is not translated"
        if store not in ("default",) and kind.customer_facing:
            assert any(f"templates/{store}/" in f for f in out.template_files) or store == "default"


@pytest.mark.parametrize("store", STORES)
def test_store_voice_signs_every_customer_email(shipped: TemplateSet, store: str) -> None:
    """The store's signature comes from one file: its voice.txt."""
    voice = (TEMPLATES / store / "en" / "voice.txt").read_text(encoding="utf-8")
    sign_off = re.search(r'set sign_off = "([^"]+)"', voice)
    assert sign_off is not None
    for kind in CUSTOMER_KINDS:
        out = shipped.render(store, kind, "en", sample_context(kind, store))
        assert sign_off.group(1) in out.text
        assert f"templates/{store}/en/voice.txt" in " ".join(out.template_files)


def test_stores_speak_with_their_own_policy_wording(shipped: TemplateSet) -> None:
    def ack(store: str, **extra: object) -> str:
        return shipped.render(store, Kind.ACK, "en", dict(sample_context(Kind.ACK, store), urgent=False, **extra)).text

    assert "2-3 business days" in ack("cliniqueonlinestore")
    assert "24 business hours" in ack("pandorana") and "keep you informed" in ack("pandorana")
    assert "24-48 business hours" in ack("kendrascottes")
    assert "within 24 hours" in ack("cltiktok")
    assert "confirms that we have received" in ack("divaalex")
    dispute = shipped.render("cltiktok", Kind.DISPUTE_EVIDENCE, "en", sample_context(Kind.DISPUTE_EVIDENCE, "cltiktok"))
    assert "final decision" in dispute.text and "screenshots" in dispute.text
    ret = shipped.render("pandorana", Kind.RETURN_INSTRUCTIONS, "en", sample_context(Kind.RETURN_INSTRUCTIONS, "pandorana"))
    assert "return authorization number is: RMA-20261124-0042" in ret.text


def test_kendrascottes_answers_other_languages_in_english_with_the_extended_note(shipped: TemplateSet) -> None:
    ctx = dict(sample_context(Kind.ACK, "kendrascottes"), extended_for_language=True)
    out = shipped.render("kendrascottes", Kind.ACK, "fr", ctx)
    assert out.language == "en"
    assert "primarily in English" in out.text and "slightly longer" in out.text
    plain = shipped.render("kendrascottes", Kind.ACK, "en", sample_context(Kind.ACK, "kendrascottes"))
    assert "primarily in English" not in plain.text


def test_unknown_language_falls_back_to_english(shipped: TemplateSet) -> None:
    out = shipped.render("pandorana", Kind.ACK, "pt-BR", sample_context(Kind.ACK, "pandorana"))
    assert out.language == "en"
    assert shipped.render("pandorana", Kind.ACK, "es-MX", sample_context(Kind.ACK, "pandorana")).language == "es"


def test_ack_varies_by_category_urgency_and_missing_items(shipped: TemplateSet) -> None:
    base = sample_context(Kind.ACK)
    urgent = shipped.render("default", Kind.ACK, "en", dict(base, urgent=True, category="other", missing=[])).text
    calm = shipped.render("default", Kind.ACK, "en", dict(base, urgent=False, category="other", missing=[])).text
    assert "urgent" in urgent and "urgent" not in calm
    feedback = shipped.render("default", Kind.ACK, "en", dict(base, urgent=False, category="feedback", missing=[])).text
    assert "feedback" in feedback
    asks = shipped.render("default", Kind.ACK, "en", dict(base, missing=list(MISSING_ITEMS))).text
    assert "your order number" in asks and "photos of the item" in asks
    assert "please reply to this email with" not in calm


def test_ack_subject_is_re_original_subject_and_reference(shipped: TemplateSet) -> None:
    ctx = dict(sample_context(Kind.ACK), subject="RE: Fwd: Where is my parcel?")
    assert shipped.render("default", Kind.ACK, "en", ctx).subject == "Re: Where is my parcel? [CS-000123]"
    empty = dict(sample_context(Kind.ACK), subject="")
    assert shipped.render("default", Kind.ACK, "en", empty).subject == "Re: your message [CS-000123]"


def test_deadlines_are_shown_in_the_store_timezone_and_language() -> None:
    due = datetime(2026, 11, 24, 22, 0, tzinfo=UTC)
    assert format_local(due, "America/New_York", "en") == "Tuesday 24 November, 17:00 EST"
    assert format_local(due, "America/Los_Angeles", "es") == "martes 24 de noviembre, 14:00 PST"
    assert format_local(due, "America/Chicago", "fr") == "mardi 24 novembre, 16:00 CST"
    assert format_local(due, "America/New_York", "de") == "Dienstag, 24. November, 17:00 EST"
    summer = due + timedelta(days=200)  # 2027-06-12, daylight saving time
    assert format_local(summer, "America/New_York", "en", "date") == "Saturday 12 June"
    assert format_local(summer, "America/New_York", "en", "time") == "18:00 EDT"
    with pytest.raises(ValueError):
        format_local(datetime(2026, 11, 24, 22, 0), "America/New_York", "en")


def test_helpers() -> None:
    assert strip_reply_prefix("Re: AW: Fwd: hello") == "hello"
    assert strip_reply_prefix("Return policy") == "Return policy"
    wrapped = tidy_text("word " * 40 + "\n\n\n\n> " + "quoted " * 20 + "\n-- \n")
    lines = wrapped.splitlines()
    assert all(len(line) <= 76 for line in lines)
    assert "\n\n\n" not in wrapped
    assert [line for line in lines if line.startswith(">")] and "-- " in lines


_PIECES = st.sampled_from([*"ab c-.\u00e9\t\n\r\x0b\x0c\xa0\u3000", " ", " ", "  ", "word", "x" * 30])


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(_PIECES, max_size=60).map("".join),
    st.integers(1, 80),
    st.sampled_from(["", " ", "> ", "1. ", "x" * 90]),
    st.sampled_from(["", "> ", "   ", "x" * 90]),
)
def test_wrapping_cuts_lines_exactly_where_textwrap_does(text: str, width: int, first: str, rest: str) -> None:
    import textwrap

    expected = textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest,
                             break_long_words=False, break_on_hyphens=False)
    assert wrap(text, width, first, rest) == expected


# --------------------------------------------------------------------------
# Strictness and customer text
# --------------------------------------------------------------------------


def test_context_lacking_a_documented_variable_is_refused(shipped: TemplateSet) -> None:
    ctx = sample_context(Kind.ACK)
    del ctx["first_response_due"]
    with pytest.raises(TemplateContextError, match="first_response_due"):
        shipped.render("default", Kind.ACK, "en", ctx)


def test_every_kind_documents_its_context_with_samples() -> None:
    for kind in Kind:
        names = required_names(kind)
        assert len(names) == len(set(names))
        sample = sample_context(kind)
        assert set(names) <= set(sample)
        assert KIND_VARS[kind] and all(v.doc for v in KIND_VARS[kind] + COMMON)


@pytest.mark.parametrize("store", ("default", *STORES))
def test_injection_in_subject_and_name_goes_out_as_inert_text(shipped: TemplateSet, store: str) -> None:
    for kind in Kind:
        for lang in LANGUAGES:
            ctx = sample_context(kind, store)
            if "subject" in ctx:
                ctx["subject"] = INJECTION + " " + SSTI
                ctx["customer"] = {"name": "Eve\r\nBcc: victim@example.com <b>{{ 7*7 }}</b>", "email": "eve@example.net"}
            out = shipped.render(store, kind, lang, ctx)
            assert "\r" not in out.subject and "\n" not in out.subject
            assert "49" not in out.subject + out.text + out.html
            assert "\r" not in out.text
            assert "<b>" not in out.html  # the customer's markup arrives escaped
            if "subject" in ctx and kind is Kind.ACK:
                assert "{{ 7*7 }}" in out.subject and "{{ 7*7 }}" in out.text
                assert "&lt;b&gt;{{ 7*7 }}&lt;/b&gt;" in out.html
            message = email.message_from_bytes(
                compose(
                    Envelope(
                        message_id="x@example.com",
                        from_name="Store",
                        from_address="store@example.com",
                        to=("eve@example.net",),
                        date=datetime(2026, 11, 24, tzinfo=UTC),
                    ),
                    out.subject,
                    out.text,
                    out.html,
                ),
                policy=email.policy.default,
            )
            assert message["Bcc"] is None
            assert message["Subject"] == out.subject


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(subject=st.text(max_size=200), name=st.text(max_size=60))
def test_any_customer_text_stays_data(shipped: TemplateSet, subject: str, name: str) -> None:
    ctx = dict(sample_context(Kind.ACK, "pandorana"), subject=subject, customer={"name": name, "email": "a@example.net"})
    out = shipped.render("pandorana", Kind.ACK, "en", ctx)
    assert not re.search(r"[\x00-\x1f\x7f\u2028\u2029]", out.subject)
    assert out.subject.endswith("[CS-000123]")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", out.text)
    for raw in (subject, name):
        if "<" in raw:
            # every "<" of customer text arrives escaped: the markup count is the template's own
            assert out.html.count("<") == shipped.render(
                "pandorana", Kind.ACK, "en", dict(ctx, subject="x", customer={"name": "x", "email": "a@example.net"})
            ).html.count("<")


def test_staff_text_is_escaped_in_staff_emails(shipped: TemplateSet) -> None:
    ctx = dict(sample_context(Kind.COMMAND_CONFIRMATION), rejected=["<img src=x onerror=alert(1)>"])
    out = shipped.render("default", Kind.COMMAND_CONFIRMATION, "en", ctx)
    assert "<img" not in out.html and "&lt;img" in out.html


# --------------------------------------------------------------------------
# check: what admins break is reported with file and line
# --------------------------------------------------------------------------


def test_check_reports_an_undefined_variable_with_file_and_line(tree: Path) -> None:
    target = tree / "pandorana" / "en" / "ack.txt"
    text = target.read_text(encoding="utf-8").replace(
        "{% block body %}\n", "{% block body %}\nYour order: {{ ordr_id }}\n", 1
    )
    edit(target, text)
    line = line_of(target, "ordr_id")
    problems = [str(p) for p in check_templates(tree, STORES, only_store="pandorana")]
    assert any(p.startswith(f"{target}:{line}: undefined variable") and "ordr_id" in p for p in problems), problems


def test_check_reports_a_syntax_error_with_file_and_line(tree: Path) -> None:
    target = tree / "default" / "fr" / "delay_notice.html"
    lines = target.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "<p>{% if order_id %}oops</p>")
    edit(target, "\n".join(lines) + "\n")
    problems = check_templates(tree, STORES, only_store="pandorana")
    hits = [p for p in problems if p.path == str(target)]
    assert hits and hits[0].line >= 4 and "syntax error" in hits[0].message, [str(p) for p in problems]
    assert str(hits[0]).startswith(f"{target}:{hits[0].line}: syntax error")


def test_check_reports_an_error_inside_a_layout_at_the_layout_line(tree: Path) -> None:
    target = tree / "divaalex" / "en" / "voice.txt"
    text = target.read_text(encoding="utf-8").replace('{% set sign_off = "Kind regards," %}', '{% set sign_off = store.nam %}')
    edit(target, text)
    line = line_of(target, "store.nam")
    problems = [str(p) for p in check_templates(tree, STORES, only_store="divaalex")]
    assert any(p.startswith(f"{target}:{line}: undefined variable") for p in problems), problems


def test_check_reports_missing_kind_missing_language_and_missing_subject(tree: Path) -> None:
    (tree / "default" / "en" / "escalation.txt").unlink()
    (tree / "default" / "de" / "ack.html").unlink()
    sat = tree / "default" / "es" / "satisfaction_followup.txt"
    edit(sat, re.sub(r"\{% block subject %\}.*?\{% endblock %\}\n", "", sat.read_text(encoding="utf-8")))
    problems = [str(p) for p in check_templates(tree, STORES, only_store="pandorana")]
    assert f"{tree}/default/en/escalation.txt:1: missing kind: escalation has no escalation.txt in en" in problems
    assert f"{tree}/default/de/ack.html:1: missing language: ack has no ack.html in de" in problems
    assert any(p.startswith(f"{sat}:1: subject missing") for p in problems), problems


def test_check_reports_typos_stray_files_and_unsafe_templates(tree: Path) -> None:
    edit(tree / "cltiktok" / "en" / "ackk.txt", "{% extends 'base.txt' %}")
    edit(tree / "cltiktok" / "en" / "delay_notice.txt", (tree / "default" / "en" / "delay_notice.txt").read_text())
    edit(tree / "cltiktok" / "en" / "_sneaky.txt", "{{ ''.__class__.__mro__ }}")
    ack = tree / "cltiktok" / "en" / "ack.txt"
    edit(ack, ack.read_text(encoding="utf-8").replace("{% block body %}\n", "{% block body %}\n{% include '_sneaky.txt' %}\n", 1))
    problems = [str(p) for p in check_templates(tree, STORES, only_store="cltiktok")]
    assert any("ackk.txt:1: unknown kind 'ackk'" in p for p in problems), problems
    assert any("delay_notice.txt:1: delay_notice.txt is overridden but delay_notice.html is not" in p for p in problems)
    assert any(f"{tree}/cltiktok/en/_sneaky.txt:1:" in p for p in problems), problems


def test_check_flags_template_directories_of_unknown_stores(tree: Path) -> None:
    shutil.copytree(tree / "pandorana", tree / "pandorama")
    problems = [str(p) for p in check_templates(tree, ["pandorana"])]
    assert f"{tree}/pandorama:1: no store with this id in the configuration: these templates are never used" in problems


def test_broken_default_set_refuses_to_load(tree: Path) -> None:
    (tree / "default" / "en" / "staff_warning.html").unlink()
    with pytest.raises(TemplateError) as info:
        TemplateSet(tree, ["pandorana"])
    assert any("staff_warning.html" in str(p) for p in info.value.problems)


def test_broken_store_override_falls_back_to_default_at_startup(tree: Path) -> None:
    target = tree / "pandorana" / "en" / "ack.html"
    edit(target, target.read_text(encoding="utf-8").replace("{% endblock %}", "{{ nope }}{% endblock %}"))
    templates = TemplateSet(tree, ["pandorana"])
    assert any(p.path == str(target) for p in templates.problems)
    out = templates.render("pandorana", Kind.ACK, "en", sample_context(Kind.ACK, "pandorana"))
    assert str(tree / "default" / "en" / "ack.html") in out.template_files
    assert "nope" not in out.html


def test_a_restart_does_not_check_again_what_passed_but_does_check_an_edit(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mailbot.outbound import templates as templates_module

    checked: list[tuple[str, str, str]] = []
    real = templates_module.check_chain

    def counting(chain: object, kind: Kind, now: datetime = templates_module.SAMPLE_NOW) -> list[object]:
        checked.append((chain.store, kind.value, chain.language))  # type: ignore[attr-defined]
        return real(chain, kind, now)  # type: ignore[arg-type]

    monkeypatch.setattr(templates_module, "check_chain", counting)
    results = tmp_path / "state" / "template-checks.json"
    first = TemplateSet(tree, ["pandorana"], checked_file=results)
    assert first.problems == () and len(checked) > 20
    checked.clear()

    assert TemplateSet(tree, ["pandorana"], checked_file=results).problems == ()
    assert checked == []  # the same files passed last time

    target = tree / "pandorana" / "en" / "ack.html"
    edit(target, target.read_text(encoding="utf-8").replace("{% endblock %}", "{{ nope }}{% endblock %}"))
    again = TemplateSet(tree, ["pandorana"], checked_file=results)
    assert ("pandorana", "ack", "en") in checked
    assert any(p.path == str(target) for p in again.problems)  # a broken edit is still caught


# --------------------------------------------------------------------------
# Hot reload
# --------------------------------------------------------------------------


def render_ack(templates: TemplateSet, store: str = "pandorana") -> Rendered:
    return templates.render(store, Kind.ACK, "en", sample_context(Kind.ACK, store))


def test_reload_picks_up_an_edit_and_ignores_a_broken_one(tree: Path) -> None:
    templates = TemplateSet(tree, ["pandorana"])
    voice = tree / "pandorana" / "en" / "voice.txt"
    assert templates.reload_if_changed() == []

    edit(voice, voice.read_text(encoding="utf-8").replace("Warm regards,", "Sparkling regards,"))
    assert templates.reload_if_changed() == []
    assert "Sparkling regards," in render_ack(templates).text

    good = voice.read_text(encoding="utf-8")
    edit(voice, good.replace('"Sparkling regards,"', "sign_of"))
    problems = templates.reload_if_changed()
    line = line_of(voice, "sign_of")
    assert [str(p) for p in problems if p.path == str(voice)]
    assert all(p.store == "pandorana" for p in problems)
    assert any(str(p).startswith(f"{voice}:{line}: undefined variable") for p in problems), [str(p) for p in problems]
    # the last good version keeps being sent, in every language of the store
    assert "Sparkling regards," in render_ack(templates).text
    assert templates.render("pandorana", Kind.DELAY_NOTICE, "en", sample_context(Kind.DELAY_NOTICE, "pandorana"))
    # reported once, not on every scan
    assert templates.reload_if_changed() == []
    edit(voice, voice.read_text(encoding="utf-8") + "\n")
    assert templates.reload_if_changed() == []

    edit(voice, good.replace("Sparkling regards,", "Fixed regards,"))
    assert templates.reload_if_changed() == []
    assert "Fixed regards," in render_ack(templates).text
    # broken again after a fix: reported again
    edit(voice, good.replace('"Sparkling regards,"', "sign_of"))
    assert templates.reload_if_changed()


def test_a_broken_shared_layout_does_not_leak_into_last_good_versions(tree: Path) -> None:
    templates = TemplateSet(tree, ["pandorana", "divaalex"])
    before = render_ack(templates, "divaalex")
    base = tree / "default" / "common" / "base.txt"
    edit(base, base.read_text(encoding="utf-8").replace("{{ voice.sign_off }}", "{{ voice.sign_of }}"))
    problems = templates.reload_if_changed()
    assert any(p.path == str(base) for p in problems)
    for store in ("default", "pandorana", "divaalex"):
        out = render_ack(templates, store)
        assert out.text.strip()
    assert render_ack(templates, "divaalex").text == before.text


def test_a_new_store_override_file_is_used_after_reload(tree: Path) -> None:
    templates = TemplateSet(tree, ["divaalex"])
    target = tree / "divaalex" / "en" / "delay_notice.txt"
    html = tree / "divaalex" / "en" / "delay_notice.html"
    edit(target, (tree / "default" / "en" / "delay_notice.txt").read_text(encoding="utf-8").replace(
        "We are sorry for the wait.", "We apologise for the wait."))
    edit(html, (tree / "default" / "en" / "delay_notice.html").read_text(encoding="utf-8").replace(
        "We are sorry for the wait.", "We apologise for the wait."))
    assert templates.reload_if_changed() == []
    out = templates.render("divaalex", Kind.DELAY_NOTICE, "en", sample_context(Kind.DELAY_NOTICE, "divaalex"))
    assert "We apologise for the wait." in flat(out.text) and "We apologise for the wait." in out.html
    # deleting the override goes back to the default wording
    target.unlink()
    html.unlink()
    assert templates.reload_if_changed() == []
    out = templates.render("divaalex", Kind.DELAY_NOTICE, "en", sample_context(Kind.DELAY_NOTICE, "divaalex"))
    assert "We are sorry for the wait." in flat(out.text)


def test_render_time_failure_falls_back_and_is_reported_once(tree: Path) -> None:
    # A branch the sample cases do not take: an order id that is a mapping.
    target = tree / "pandorana" / "en" / "delay_notice.txt"
    html = tree / "pandorana" / "en" / "delay_notice.html"
    text = (tree / "default" / "en" / "delay_notice.txt").read_text(encoding="utf-8")
    edit(target, text.replace("{% block body %}\n", "{% block body %}\n{% if order_id == 'X-1' %}{{ order_id.missing }}{% endif %}\n", 1))
    shutil.copy(tree / "default" / "en" / "delay_notice.html", html)
    templates = TemplateSet(tree, ["pandorana"])
    assert templates.problems == ()
    ctx = dict(sample_context(Kind.DELAY_NOTICE, "pandorana"), order_id="X-1")
    out = templates.render("pandorana", Kind.DELAY_NOTICE, "en", ctx)
    assert str(tree / "default" / "en" / "delay_notice.txt") in out.template_files
    reported = templates.reload_if_changed()
    assert [p.path for p in reported] == [str(target)]
    templates.render("pandorana", Kind.DELAY_NOTICE, "en", ctx)
    assert templates.reload_if_changed() == []


# --------------------------------------------------------------------------
# Preview
# --------------------------------------------------------------------------


@pytest.mark.parametrize("store", STORES)
def test_preview_writes_an_eml_and_an_html_file(tmp_path: Path, store: str) -> None:
    paths = preview(TEMPLATES, store, "ack", "es", tmp_path)
    assert [p.suffix for p in paths] == [".eml", ".html"]
    message = email.message_from_bytes(paths[0].read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    assert "[CS-000123]" in str(message["Subject"])
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    assert html.get_content().replace("\r\n", "\n") == paths[1].read_text(encoding="utf-8")
    expected = "en" if store == "kendrascottes" else "es"
    assert paths[0].name == f"{store}-ack-{expected}.eml"


def test_preview_shows_a_broken_template_as_file_line_message(tree: Path, tmp_path: Path) -> None:
    target = tree / "cltiktok" / "en" / "ack.txt"
    edit(target, target.read_text(encoding="utf-8").replace("{% block body %}\n", "{% block body %}\n{{ ordr }}\n", 1))
    with pytest.raises(TemplateError) as info:
        preview(tree, "cltiktok", Kind.ACK, "en", tmp_path / "out")
    assert str(info.value.problems[0]).startswith(f"{target}:{line_of(target, 'ordr')}: undefined variable")


def every_preview(out: Path, stores: tuple[str, ...] = STORES) -> dict[str, list[Path]]:
    """Every store x kind x language preview; returns the HTML files per store."""
    found: dict[str, list[Path]] = {}
    for store in stores:
        for kind in Kind:
            for lang in LANGUAGES if kind.customer_facing else ("en",):
                html = preview(TEMPLATES, store, kind, lang, out)[1]
                found.setdefault(store, [])
                if html not in found[store]:
                    found[store].append(html)
    return found


def test_every_preview_renders(tmp_path: Path) -> None:
    found = every_preview(tmp_path)
    assert set(found) == set(STORES)
    assert len(found["pandorana"]) == len(CUSTOMER_KINDS) * len(LANGUAGES) + len(Kind) - len(CUSTOMER_KINDS)
    assert len(found["kendrascottes"]) == len(Kind)


_: Callable[..., object] = every_preview  # shared with test_templates_browser


def test_a_per_category_ack_file_replaces_ack_for_that_category_only(tree: Path) -> None:
    folder = tree / "pandorana" / "en"
    for suffix, body in ((".txt", "Refunds take 5-10 business days."), (".html", "<p>Refunds take 5-10 business days.</p>")):
        base = "base" + suffix
        subject = "{% block subject %}Your refund [{{ case_ref }}]{% endblock %}\n" if suffix == ".txt" else ""
        edit(folder / f"ack_refund{suffix}", f'{{% extends "{base}" %}}\n{subject}{{% block body %}}\n{body}\n{{% endblock %}}\n')
    assert check_templates(tree, STORES, only_store="pandorana") == []
    templates = TemplateSet(tree, ["pandorana"])
    refund = templates.render("pandorana", Kind.ACK, "en", dict(sample_context(Kind.ACK, "pandorana"), category="refund"))
    assert refund.subject == "Your refund [CS-000123]" and "5-10 business days" in refund.text
    other = templates.render("pandorana", Kind.ACK, "en", dict(sample_context(Kind.ACK, "pandorana"), category="payment"))
    assert other.subject.startswith("Re: ") and "5-10 business days" not in other.text
    edit(folder / "ack_refnud.txt", "{% extends 'base.txt' %}")
    problems = [str(p) for p in check_templates(tree, STORES, only_store="pandorana")]
    assert f"{folder}/ack_refnud.txt:1: unknown kind 'ack_refnud': this file is never used" in problems


def test_a_file_saved_in_another_encoding_is_reported_not_fatal(tree: Path) -> None:
    target = tree / "divaalex" / "en" / "ack.txt"
    text = target.read_text(encoding="utf-8").replace("{% block body %}\n", "{% block body %}\nCafé crème\n", 1)
    target.write_bytes(text.encode("latin-1"))
    line = text.splitlines().index("Café crème") + 1
    problems = [str(p) for p in check_templates(tree, STORES, only_store="divaalex")]
    assert any(p.startswith(f"{target}:{line}: syntax error: not valid UTF-8") for p in problems), problems
    templates = TemplateSet(tree, ["divaalex"])
    assert any(p.path == str(target) for p in templates.problems)
    out = render_ack(templates, "divaalex")
    assert str(tree / "default" / "en" / "ack.txt") in out.template_files


def test_settings_are_checked(tree: Path) -> None:
    edit(tree / "kendrascottes" / "settings.yaml", "languages: [es, it]\ncolour: red\n")
    problems = [str(p) for p in check_templates(tree, STORES, only_store="kendrascottes")]
    settings_file = tree / "kendrascottes" / "settings.yaml"
    assert f"{settings_file}:1: unknown language 'it' (known: en, es, fr, de)" in problems
    assert f"{settings_file}:1: languages must include 'en'" in problems
    assert f"{settings_file}:1: unknown setting 'colour'" in problems


def test_preview_of_an_unknown_kind_says_which_kinds_exist(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="unknown kind 'acknowledgment'.*ack, delay_notice"):
        preview(TEMPLATES, "pandorana", "acknowledgment", "en", tmp_path)


def test_system_and_staff_values_are_escaped_in_staff_html(shipped: TemplateSet) -> None:
    ctx = dict(sample_context(Kind.STAFF_WARNING), timer="<b>odd_timer</b>", owner="<i>Jo</i>")
    out = shipped.render("default", Kind.STAFF_WARNING, "en", ctx)
    assert "<b>" not in out.html and "<i>" not in out.html and "&lt;b&gt;odd timer" in out.html


def test_check_refuses_txt_macros_that_html_parts_call(tree: Path) -> None:
    partial = tree / "pandorana" / "en" / "_bits.txt"
    edit(partial, "{% macro shout(x) %}{{ x|upper }}{% endmacro %}\n")
    html = tree / "pandorana" / "en" / "ack.html"
    edit(html, html.read_text(encoding="utf-8").replace('{% block body %}\n', '{% import "_bits.txt" as bits %}{% block body %}\n<p>{{ bits.shout(customer.name) }}</p>\n', 1))
    problems = [str(p) for p in check_templates(tree, STORES, only_store="pandorana")]
    assert any(p.startswith(f"{partial}:1: defines a macro and is used by an HTML part") for p in problems), problems
