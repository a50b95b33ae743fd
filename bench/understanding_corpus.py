"""Loading the third-party corpus for training and evaluating the understanding layer.

The corpus lives next to the clone, in ``../shared/corpus`` (see its README
for sources and licences). Nothing from it is copied into the repository;
only the naive Bayes model fitted on the CDLA-Sharing Bitext *training* files
is committed (mailbot/understanding/data/intent_nb.json).

The split, fixed here and used by both scripts:

* training files: ``bitext_cs_llm_train_4514``, ``bitext_cs_llm_gpt35_6480``,
  ``bitext_cs_utterances_20k_2020``, minus every row whose normalised text
  also occurs in the held-out file;
* held-out file: ``bitext_cs_utterances_8k_2020`` (balanced, ~300 per intent),
  never used for fitting or for tuning rules or thresholds;
* a seeded 10 % of the training rows (:data:`DEV_SEED`) is the dev split on
  which thresholds were chosen.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
INTENTS = CORPUS / "intents"
MAPPING_FILE = ROOT / "bench" / "intent_mapping.yaml"

TRAIN_FILES = (
    "bitext_cs_llm_train_4514.csv",
    "bitext_cs_llm_gpt35_6480.csv",
    "bitext_cs_utterances_20k_2020.csv",
)
HELD_OUT_FILE = "bitext_cs_utterances_8k_2020.csv"
MULTILINGUAL_FILE = "multilingual/customer_support_tickets_multilang_v3_sample.csv"
DEV_SEED = 20240611
DEV_FRACTION = 0.10

csv.field_size_limit(10_000_000)


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    category: str
    source: str
    order_span: str | None = None  # the order number as written, for llm rows that mark one


def load_mapping() -> dict[str, Any]:
    with MAPPING_FILE.open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _read_bitext(name: str, mapping: dict[str, str]) -> list[Example]:
    path = INTENTS / name
    out = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            text = row.get("instruction") or row.get("utterance") or ""
            intent = row["intent"].strip()
            if not text.strip() or intent not in mapping:
                continue
            span = None
            if row.get("entity_type") == "order_id" and row.get("start_offset"):
                try:
                    span = text[int(row["start_offset"]) : int(row["end_offset"])]
                except ValueError:
                    span = None
            out.append(Example(text, intent, mapping[intent], name, span))
    return out


def require_corpus() -> None:
    if not INTENTS.is_dir():
        raise SystemExit(f"corpus not found at {CORPUS} (expected ../shared/corpus next to the clone)")


def held_out() -> list[Example]:
    mapping = load_mapping()["bitext"]
    return _read_bitext(HELD_OUT_FILE, mapping)


def training(include_dev: bool = True) -> list[Example]:
    """Training rows (deduplicated against the held-out file); optionally without the dev split."""
    mapping = load_mapping()["bitext"]
    test_texts = {normalise(e.text) for e in held_out()}
    seen: set[str] = set()
    rows = []
    for name in TRAIN_FILES:
        for example in _read_bitext(name, mapping):
            key = normalise(example.text)
            if key in test_texts or key in seen:
                continue
            seen.add(key)
            rows.append(example)
    if include_dev:
        return rows
    dev_keys = {normalise(e.text) for e in dev()}
    return [e for e in rows if normalise(e.text) not in dev_keys]


def dev() -> list[Example]:
    rows = training(include_dev=True)
    rng = random.Random(DEV_SEED)
    return [e for e in rows if rng.random() < DEV_FRACTION]


@dataclass(frozen=True)
class Ticket:
    subject: str
    body: str
    language: str
    queue: str
    priority: str
    tags: tuple[str, ...]
    business_type: str = ""


def multilingual_split() -> tuple[list[Ticket], list[Ticket]]:
    """(dev, test): a seeded half of the tickets for development, the other half for reporting."""
    rng = random.Random(DEV_SEED)
    dev_rows: list[Ticket] = []
    test_rows: list[Ticket] = []
    for ticket in multilingual():
        (dev_rows if rng.random() < 0.5 else test_rows).append(ticket)
    return dev_rows, test_rows


def multilingual() -> list[Ticket]:
    """The CC BY-NC help-desk tickets: test input only."""
    path = INTENTS / MULTILINGUAL_FILE
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            tags = tuple(row[f"tag_{i}"] for i in range(1, 10) if row.get(f"tag_{i}"))
            out.append(
                Ticket(
                    row["subject"] or "", row["body"] or "", row["language"], row["queue"], row["priority"], tags,
                    row.get("business_type") or "",
                )
            )
    return out



def mapped_tickets(tickets: list[Ticket]) -> list[tuple[Ticket, str]]:
    """The tickets whose queue maps to one category (bench/intent_mapping.yaml), with that category."""
    config = load_mapping()
    mapping = config["multilingual_queue"]
    shops = set(config["multilingual_shop_business_types"])
    ambiguous = set(config["multilingual_ambiguous_for_shops"])
    out = []
    for ticket in tickets:
        category = mapping.get(ticket.queue)
        if not category or (ticket.business_type in shops and ticket.queue in ambiguous):
            continue
        out.append((ticket, category))
    return out


EML = CORPUS / "eml"


def message_from_text(subject: str, text: str, sender: str = "customer@example.com") -> Any:
    """A ParsedMessage for a plain customer text, as an ordinary mail client would send it.

    Headers are the minimum a real client sets, so only the body and subject
    can make the text look like machine mail.
    """
    from mailbot.models import Address, ParsedMessage

    return ParsedMessage(
        message_id="bench@example.com",
        subject=subject,
        from_=Address("Customer", sender),
        to=(Address("Support", "support@shop.example"),),
        cc=(),
        reply_to=(),
        date=None,
        in_reply_to=(),
        references=(),
        headers=(("from", f"Customer <{sender}>"), ("to", "support@shop.example"), ("subject", subject)),
        text=text,
        html="",
        content_type="text/plain",
        attachments=(),
        return_path=sender,
        size=len(text.encode("utf-8")),
    )


def rfc822_files() -> list[Path]:
    """Every RFC 822 message file in the corpus (.eml, and the .txt message folders)."""
    out: list[Path] = []
    for path in sorted(EML.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(EML).as_posix()
        if path.suffix == ".eml":
            out.append(path)
        elif path.suffix == ".txt" and rel.split("/")[0] in ("cpython-test_email", "flufl-bounce"):
            out.append(path)
    return out
