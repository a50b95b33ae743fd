"""The understanding layer on the mail our team wrote, and whether a model fitted
on that mail would carry over to real help-desk tickets.

    .venv/bin/python bench/eval_team_mail.py               # the rules, per set (no corpus needed)
    .venv/bin/python bench/eval_team_mail.py --transfer    # and the model check (needs ../shared/corpus)

The sets are in bench/team_mail/ (see its README): mails written for the
purpose by writers who never saw the rules, each labelled by its writer with
one mailbot category. "tuning" sets were read while rules were written;
"held-out" sets were only ever run, before and after a round, and never read.

Per set: macro-F1 over the categories the set's labels use (the help-desk
sets use mostly the ticket data set's four: other, payment, product_question,
return_exchange), and accuracy.

--transfer fits the project's naive Bayes (bench/train_intent_model.py's
``fit``: uniform priors, as the shipped model; on accent-folded text) on the
non-English tuning sets and asks it where no rule names a category
("category:no_rule"; the classifier says ``other`` there), choosing among
the categories the mail's context reasons leave (classify.RULED_OUT). It
reports that on the held-out sets and, when ../shared/corpus is there, on the
non-English dev half of the help-desk tickets (CC BY-NC: test input only,
nothing is fitted on it). A model that helps on the first and not on the
second has learned how our writers write, not what the tickets' queues mean.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import understanding_corpus as corpus  # noqa: E402
from metrics import accuracy, per_label_f1  # noqa: E402
from train_intent_model import fit  # noqa: E402

from mailbot.models import Category  # noqa: E402
from mailbot.understanding import understand  # noqa: E402
from mailbot.understanding.classify import RULED_OUT  # noqa: E402
from mailbot.understanding.model import NaiveBayes  # noqa: E402
from mailbot.understanding.rules import fold  # noqa: E402

TEAM_MAIL = Path(__file__).resolve().parent / "team_mail"

# (file stem, role, number of mails, what the set is). In the order the sets were written.
SETS: tuple[tuple[str, str, int, str], ...] = (
    ("en_A", "tuning", 200, "English shop mail and help-desk tickets"),
    ("en_B", "tuning", 200, "English help-desk tickets"),
    ("en_C", "tuning", 220, "English tickets and shop mail"),
    ("en_D", "tuning", 200, "English tickets, shop and marketplace mail"),
    ("multi_E", "tuning", 260, "de/es/fr/pt help-desk mail"),
    ("multi_F", "tuning", 220, "de/es/fr/pt help-desk mail"),
    ("multi_G", "tuning", 200, "de/es/fr/pt help-desk mail"),
    ("TDE", "tuning", 130, "German shop and help-desk mail"),
    ("TES", "tuning", 130, "Spanish shop and help-desk mail"),
    ("TFR", "tuning", 130, "French shop and help-desk mail"),
    ("TPT", "tuning", 130, "Portuguese shop and help-desk mail"),
    ("THD", "tuning", 120, "de/es/fr/pt borderline help-desk mails"),
    ("TSH", "tuning", 120, "de/es/fr/pt short mails"),
    ("HDE", "held-out", 100, "de/es shop and help-desk mail"),
    ("HFR", "held-out", 100, "fr/pt shop and help-desk mail"),
    ("W2DE", "tuning", 100, "German tickets in the queues' own terms"),
    ("W2ES", "tuning", 100, "Spanish tickets in the queues' own terms"),
    ("W2FR", "tuning", 100, "French tickets in the queues' own terms"),
    ("W2PT", "tuning", 100, "Portuguese tickets in the queues' own terms"),
    ("X2A", "held-out", 100, "de/es tickets in the queues' own terms"),
    ("X2B", "held-out", 100, "fr/pt tickets in the queues' own terms"),
)


@dataclass(frozen=True)
class Mail:
    set_name: str
    language: str  # "en" for the English sets, whose rows carry no language
    subject: str
    body: str
    category: str


@dataclass(frozen=True)
class Read:
    """What the classifier made of one mail."""

    category: str
    no_rule: bool  # no rule named a category: the answer is the fallback, other
    ruled_out: frozenset[Category]  # categories a context reason set aside for this mail


def load(stem: str) -> list[Mail]:
    path = TEAM_MAIL / f"{stem}.jsonl"
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [Mail(stem, row.get("lang", "en"), row["subject"], row["body"], row["category"]) for row in rows]


@lru_cache(maxsize=None)  # the held-out sets are read by both sections: classify each mail once
def read(subject: str, body: str) -> Read:
    result = understand(corpus.message_from_text(subject, body))
    ruled_out = frozenset().union(*(RULED_OUT.get(reason, frozenset()) for reason in result.reasons))
    return Read(result.category.value, "category:no_rule" in result.reasons, ruled_out)


def score(gold: Sequence[str], pred: Sequence[str]) -> str:
    _rows, macro = per_label_f1(gold, pred)
    return f"{macro:.3f} / {accuracy(gold, pred):.3f}"


def with_model(model: NaiveBayes, subject: str, body: str, rules: Read) -> str:
    """The classifier's category, or the model's best permitted guess where no rule named one."""
    if not rules.no_rule:
        return rules.category
    posterior = model.posterior(fold(f"{subject}\n{body}"))
    permitted = [(category, p) for category, p in posterior.items() if category not in rules.ruled_out]
    return max(permitted, key=lambda item: item[1])[0].value if permitted else rules.category


def section_rules() -> None:
    print("CLASSIFIER on the team's sets (phrase rules; for English also the Bitext model): macro-F1 / accuracy")
    print(f"  {'set':<9}{'role':<10}{'n':>5}  {'score':<15} what")
    for stem, role, _count, what in SETS:
        mails = load(stem)
        pred = [read(m.subject, m.body).category for m in mails]
        print(f"  {stem:<9}{role:<10}{len(mails):>5}  {score([m.category for m in mails], pred):<15} {what}")


def section_transfer() -> None:
    sets = {stem: (role, load(stem)) for stem, role, _count, _what in SETS}
    non_english = {stem: (role, mails) for stem, (role, mails) in sets.items() if all(m.language != "en" for m in mails)}
    training = [
        corpus.Example(fold(f"{m.subject}\n{m.body}"), m.category, m.category, m.set_name)
        for role, mails in non_english.values() if role == "tuning" for m in mails
    ]
    model = NaiveBayes.from_json(json.dumps(fit(training)))
    print(f"\nTRANSFER: naive Bayes fitted on the non-English tuning sets ({len(training)} mails), asked where no"
          " rule names a category, among the categories no context ruled out")
    print(f"  {'data':<38}{'classifier':<17}{'with the model':<17}")

    def report(name: str, items: list[tuple[str, str, str]]) -> None:
        gold = [category for _s, _b, category in items]
        reads = [read(subject, body) for subject, body, _c in items]
        guesses = [with_model(model, subject, body, r) for (subject, body, _c), r in zip(items, reads)]
        print(f"  {name:<38}{score(gold, [r.category for r in reads]):<17}{score(gold, guesses):<17}")

    for stem, (role, mails) in non_english.items():
        if role == "held-out":
            report(f"{stem} (held-out)", [(m.subject, m.body, m.category) for m in mails])
    if not (corpus.INTENTS / corpus.MULTILINGUAL_FILE).is_file():
        print(f"  help-desk tickets: skipped, {corpus.INTENTS / corpus.MULTILINGUAL_FILE} not found")
        return
    dev_half, _test_half = corpus.multilingual_split()
    tickets = [(t.subject, t.body, category) for t, category in corpus.mapped_tickets(dev_half) if t.language != "en"]
    report("help-desk tickets, non-English dev", tickets)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transfer", action="store_true", help="also fit a model on the team's mail and check it")
    args = parser.parse_args()
    section_rules()
    if args.transfer:
        section_transfer()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
