"""A small multinomial naive Bayes text model, stored as compact JSON.

Trained by ``bench/train_intent_model.py`` on the Bitext customer-service
training files only (CDLA-Sharing-1.0; see ``data/README.md``). It knows the
English categories Bitext has examples of; the phrase rules cover the rest.

The model file holds, per feature, the log-probability of that feature under
each category (rounded to 3 decimals, which costs nothing in accuracy and
halves the file). Loading is a single ``json.loads``. Pure: reading the
packaged file is done once by :func:`load_default_model` via importlib.resources.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..models import Category

MODEL_FILE = "intent_nb.json"

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Numbers carry no intent but their presence does ("order 123" vs "an order").
_NUMBER_RE = re.compile(r"^\d+$")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; digit runs become ``<num>``."""
    out = []
    for token in _TOKEN_RE.findall(text.lower()):
        out.append("<num>" if _NUMBER_RE.match(token) else token)
    return out


def features(text: str) -> list[str]:
    """Unigrams and bigrams, the feature set the model is trained on."""
    words = tokens(text)
    feats = list(words)
    feats.extend(f"{a} {b}" for a, b in zip(words, words[1:]))
    return feats


@dataclass(frozen=True)
class NaiveBayes:
    categories: tuple[Category, ...]
    log_prior: tuple[float, ...]
    table: dict[str, tuple[float, ...]]

    def posterior(self, text: str) -> dict[Category, float]:
        """Posterior probability per category. Unknown features are skipped.

        Returns an empty dict when the text has no known feature at all: the
        model has nothing to say, and the caller falls back to the rules.
        """
        scores = list(self.log_prior)
        known = 0
        for feat in features(text):
            row = self.table.get(feat)
            if row is None:
                continue
            known += 1
            for i, value in enumerate(row):
                scores[i] += value
        if known == 0:
            return {}
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {cat: e / total for cat, e in zip(self.categories, exps)}

    def coverage(self, text: str) -> float:
        """Share of the word tokens of ``text`` the model has seen (0..1).

        Bitext-like sentences score about 1.0; text from another domain
        (software support, newsletters) about 0.5. Below a threshold the
        posterior is a guess and the caller should not trust it.
        """
        words = tokens(text)
        if not words:
            return 0.0
        return sum(1 for w in words if w in self.table) / len(words)

    @classmethod
    def from_json(cls, raw: str) -> NaiveBayes:
        data = json.loads(raw)
        categories = tuple(Category(c) for c in data["categories"])
        table = {feat: tuple(row) for feat, row in data["table"].items()}
        return cls(categories, tuple(data["log_prior"]), table)


@lru_cache(maxsize=1)
def load_default_model() -> NaiveBayes | None:
    """The packaged model, or None if it is not installed (rules still work)."""
    try:
        raw = resources.files("mailbot.understanding").joinpath("data", MODEL_FILE).read_text("utf-8")
    except (FileNotFoundError, OSError, ModuleNotFoundError):
        return None
    return NaiveBayes.from_json(raw)
