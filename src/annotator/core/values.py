"""Value classes without dataclasses: equality, hash and repr from the class's slots.

A dataclass writes its methods as source text and compiles it when its module is imported:
2 to 4 M instructions a class, at every start of every command (fifteen of them were a
sixth of `annotator import`'s start-up). A ``Value`` subclass lists its fields in
``__slots__`` and writes its own ``__init__``; the methods here serve every subclass.

Fields are the public slots, parents' first: a slot whose name starts with ``_`` (a cache
built from the fields) is neither compared nor shown. Two values are equal when they are
of the same class and their fields are; a value is hashable unless its class sets
``__hash__ = None`` (a mutable one). Fields meant never to change are typed ``Final``.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, TypeVar

V = TypeVar("V", bound="Value")


class Value:
    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _field_values: ClassVar[Callable[[Any], tuple[Any, ...]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fields = tuple(
            name
            for klass in reversed(cls.__mro__)
            for name in klass.__dict__.get("__slots__", ())
            if not name.startswith("_")
        )
        cls._field_values = _getter(cls._fields)

    def __eq__(self, other: object) -> bool:
        cls = self.__class__
        if other.__class__ is not cls:
            return NotImplemented
        return cls._field_values(self) == cls._field_values(other)

    def __hash__(self) -> int:
        return hash(self.__class__._field_values(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) == 1:  # attrgetter of one name gives the value, not a tuple
        name = names[0]
        return lambda value: (getattr(value, name),)
    return attrgetter(*names)


def fields(value: Value) -> tuple[Any, ...]:
    """The value's fields, in order."""
    return value.__class__._field_values(value)


def replace(value: V, /, **changes: Any) -> V:
    """A copy of ``value`` with some fields changed (each class's ``__init__`` takes its
    fields by name, and checks them as it does for any new value)."""
    kept = {name: getattr(value, name) for name in value._fields if name not in changes}
    return type(value)(**kept, **changes)
