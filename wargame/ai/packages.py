"""Drafting a proposal: the package of terms I would put to another actor.

Packages of up to ``MAX_PACKAGE`` of the terms either of us may commit to
are searched for the one that is worth my margin to me, no loss to them,
and best by my temper's mix of my gain and fairness; packages the other
side turned down lately are not put again.
"""

from __future__ import annotations

from itertools import combinations

from wargame.ai.ledger import Draft, Ledger, Package, Side, Temper, pressure, reliability
from wargame.ai.scoring import war_risk
from wargame.ai.situation import Situation
from wargame.engine.outcomes import OUTCOME_POINTS
from wargame.engine.phases import OutcomeKind

MAX_PACKAGE = 3  # items in a drafted proposal
MAX_ITEMS = 7  # terms considered when drafting (keeps the search to at most 63 packages)


def draft(sit: Situation, temper: Temper, book: Ledger, other: str, ignore_refusals: bool = False) -> Package | None:
    """The package of terms I would put to ``other``: (my commitments, its commitments), or None."""
    refused = frozenset() if ignore_refusals else recently_refused(sit, other)
    best = best_package(sit, temper, book, other, refused)
    return (best[0], best[1]) if best else None


def ambition(sit: Situation, temper: Temper, book: Ledger, other: str) -> float:
    """What the best deal I could draft for ``other`` would be worth to me (my margin if none)."""
    best = best_package(sit, temper, book, other, frozenset())
    return best[2] if best else temper.accept_margin


def best_package(sit: Situation, temper: Temper, book: Ledger, other: str, refused: frozenset[Package]) -> Draft | None:
    """The best package for ``other`` not in ``refused``: worth my margin to me, not a loss to them.

    The ledger keeps, for this decision, the best package with nothing
    refused (a margin, then a counter or a proposal, in one hotline phase).
    It is also the best of those not refused lately unless it was itself
    refused: the search runs again only then.
    """
    unrefused = (other, frozenset[Package]())
    if unrefused not in book.drafts:
        book.drafts[unrefused] = search_packages(sit, temper, book, other, frozenset())
    best = book.drafts[unrefused]
    if best is None or (best[0], best[1]) not in refused:
        return best
    key = (other, refused)
    if key not in book.drafts:
        book.drafts[key] = search_packages(sit, temper, book, other, refused)
    return book.drafts[key]


def package_items(book: Ledger, other: str, trusted: float) -> tuple[list[Side], list[float]]:
    """The terms worth putting in a package for ``other``, and their value to me (the sums ``deal_value`` makes).

    ``trusted`` is how far I count on ``other``'s promises. Items that help
    neither side and touch no settlement term are left out; of more than
    ``MAX_ITEMS``, every settlement term and the most valuable to either side are kept.
    """
    agreed, gain, burden = book.agreed, book.gain, book.burden
    items: list[Side] = []
    values: list[float] = []
    for side in book.table.sides[other]:
        term_id = side.term
        if term_id in agreed:
            continue
        value = gain[term_id]
        if side.mine:
            value -= burden[term_id]
        elif value > 0:
            value *= trusted  # their promise, discounted by my distrust
        if value <= 0 and side.worth <= 0 and not side.settling:
            continue
        items.append(side)
        values.append(value)
    if len(items) > MAX_ITEMS:
        kept = sorted(range(len(items)), key=lambda i: (not items[i].settling, -max(values[i], items[i].worth)))
        kept = kept[:MAX_ITEMS]
        items, values = [items[i] for i in kept], [values[i] for i in kept]
    return items, values


def search_packages(sit: Situation, temper: Temper, book: Ledger, other: str,
                    refused: frozenset[Package]) -> Draft | None:
    """Every package of the items, in ``PACKAGES`` order: the first of the best score that was not refused lately.

    A package's value is the sum of its items plus the settlement bonus;
    each package's sums extend those of the package it grows from by one
    item, added in the same order as item by item.
    """
    trusted = reliability(sit, temper, other)
    items, values = package_items(book, other, trusted)
    base = temper.peace_wish * pressure(sit)
    bonus = OUTCOME_POINTS[OutcomeKind.SETTLED] + war_risk(sit.rung + 2, sit) * trusted
    default_settles = book.settlement is None
    settles: dict[int, bool] = {0: False}  # by the settlement items in a package, as a bit mask
    sums: list[tuple[float, float, bool, bool, int]] = []  # per package: my value, theirs, offers, asks, settlement mask
    best: Draft | None = None
    best_score: float | None = None
    for combo, parent, last in PACKAGES[len(items)]:
        item = items[last]
        my_value, their_value, offers, asks, mask = sums[parent] if parent >= 0 else (base, 0.0, False, False, 0)
        my_value += values[last]
        their_value += item.worth
        offers |= item.mine
        asks |= item.theirs
        if item.settling:
            mask |= 1 << last
        sums.append((my_value, their_value, offers, asks, mask))
        if default_settles:
            settled = offers and asks
        elif mask in settles:
            settled = settles[mask]
        else:
            terms = frozenset(item.term for i, item in enumerate(items) if mask >> i & 1)
            settled = settles[mask] = book.settles(terms, True)
        if settled:
            my_value += bonus
            their_value += OUTCOME_POINTS[OutcomeKind.SETTLED]
        if my_value < temper.accept_margin or their_value < 0:
            continue
        score = my_value + temper.fairness * min(my_value, their_value) - 0.3 * len(combo)
        if best_score is not None and score <= best_score:
            continue
        offer = tuple(items[i].term for i in combo if items[i].mine)
        ask = tuple(items[i].term for i in combo if items[i].theirs)
        if (offer, ask) not in refused:
            best, best_score = (offer, ask, my_value), score
    return best


def _packages(n: int) -> tuple[tuple[tuple[int, ...], int, int], ...]:
    """The packages of ``n`` items, each with the index of the one it grows from (-1: none) and the item it adds."""
    combos = tuple(c for size in range(1, min(MAX_PACKAGE, n) + 1) for c in combinations(range(n), size))
    index = {combo: i for i, combo in enumerate(combos)}
    return tuple((combo, index.get(combo[:-1], -1), combo[-1]) for combo in combos)


PACKAGES = tuple(_packages(n) for n in range(MAX_ITEMS + 1))
"""``_packages(n)`` for every number of items a search may have (the same for every game: worked out on import)."""


def recently_refused(sit: Situation, other: str) -> frozenset[Package]:
    """Packages ``other`` turned down in the last two turns."""
    return frozenset(
        (e.message.offer, e.message.ask)
        for e in sit.view.outbox
        if e.message.recipient == other and e.status in ("rejected", "countered", "expired")
        and e.turn >= sit.view.turn - 2
    )
