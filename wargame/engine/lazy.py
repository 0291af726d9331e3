"""A lock-free computed-once property, for the small per-decision records the engine and computer players build."""

from __future__ import annotations


class once:
    """A property computed on first read and kept in the instance, like ``functools.cached_property``.

    Python 3.11's ``cached_property`` takes a lock on every first read, which
    costs more than the small answers it keeps here; without it, two threads
    reading at once would both compute the same answer, which is harmless.
    The instance needs a ``__dict__`` (a frozen dataclass is fine: the answer
    is stored in it directly).
    """

    def __init__(self, compute):
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value
