"""Persistent state: the store protocol and its TinyDB implementation."""

from .base import StateStore
from .tinystore import TinyStateStore

__all__ = ["StateStore", "TinyStateStore"]
