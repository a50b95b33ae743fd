"""The five stores' default policies: POLICIES.md's "default" column as YAML.

One self-contained file per store (``<store_id>.yaml``), the shape of a
store's ``policy:`` section (:class:`~mailbot.policy.schema.StorePolicy`).
The shipped ``config/stores.yaml`` carries copies; these files are the
reference the tests hold them to.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import yaml

from mailbot.policy.schema import StorePolicy

__all__ = ["STORES", "default_policies", "default_policy", "default_policy_data"]

STORES: tuple[str, ...] = ("cliniqueonlinestore", "pandorana", "kendrascottes", "cltiktok", "divaalex")


def default_policy_data(store_id: str) -> dict[str, Any]:
    """The raw YAML mapping of ``store_id``'s default policy (KeyError if none)."""
    if store_id not in STORES:
        raise KeyError(store_id)
    data = yaml.safe_load(files(__package__).joinpath(f"{store_id}.yaml").read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{store_id}.yaml is not a mapping")
    return data


def default_policies() -> dict[str, dict[str, Any]]:
    """Every store's raw default policy mapping, by store id."""
    return {store_id: default_policy_data(store_id) for store_id in STORES}


def default_policy(store_id: str) -> StorePolicy:
    """``store_id``'s default policy, validated."""
    return StorePolicy.model_validate(default_policy_data(store_id))
