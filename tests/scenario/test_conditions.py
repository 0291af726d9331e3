"""The condition language: precedence, evaluation, every error kind with its column, safety."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wargame.errors import ConditionError, WargameError
from wargame.scenario.conditions import (
    MAX_DEPTH,
    MAX_LENGTH,
    Condition,
    Namespace,
    References,
    check_condition,
    parse_condition,
)

NS = Namespace(
    actors=frozenset({"usa", "ussr", "cuba"}),
    stats=frozenset({"resolve", "credibility", "support", "economy", "readiness"}),
    moves=frozenset({"blockade", "airstrike", "backchannel"}),
    red_lines=frozenset({"nukes_in_cuba"}),
    triggers=frozenset({"u2_shot_down"}),
    terms=frozenset({"withdraw_missiles"}),
    actor_aliases=frozenset({"self", "target"}),
)


class FakeEnv:
    """A tiny game state: turn 4 of 10, the USA blockaded on turn 2, Cuba struck on turn 4."""

    def __init__(self, **variables: float):
        self.variables = {"rung": 3, "turn": 4, "turns": 10, "peak": 5, "rung_change": -1, **variables}
        self.stats = {("usa", "resolve"): 70, ("ussr", "resolve"): 25, ("usa", "perceived_rung"): 4,
                      ("cuba", "economy"): 0}
        self.trusts = {("usa", "ussr"): 35, ("ussr", "usa"): 60}
        self.history = [(2, "usa", "blockade"), (4, "cuba", "airstrike")]
        self.aliases = {"self": "usa", "target": "ussr"}
        self.calls: list[tuple] = []

    def var(self, name):
        return self.variables[name]

    def stat(self, actor, stat):
        return self.stats.get((actor, stat), 50)

    def trust(self, actor, other):
        return self.trusts.get((actor, other), 50)

    def played(self, actor, move, within):
        self.calls.append(("played", actor, move, within))
        turn = self.variables["turn"]
        return any(m == move and (actor is None or a == actor) and (within is None or turn - t < within)
                   for t, a, m in self.history)

    def crossed(self, red_line):
        return red_line == "nukes_in_cuba"

    def fired(self, trigger):
        return False

    def agreed(self, term, party=None):
        return term == "withdraw_missiles" and party in (None, "ussr")

    def channel(self, actor, other):
        return "hotline" if {actor, other} == {"usa", "ussr"} else "severed"

    def actor(self, name):
        return self.aliases.get(name, name)


def ev(text: str, env: FakeEnv | None = None) -> bool:
    return parse_condition(text, NS).evaluate(env or FakeEnv())


def error(text: str, ns: Namespace = NS) -> ConditionError:
    with pytest.raises(ConditionError) as info:
        parse_condition(text, ns)
    return info.value


# ---------------------------------------------------------------- precedence and arithmetic

@pytest.mark.parametrize("text, expected", [
    ("1 + 2 * 3 == 7", True),
    ("(1 + 2) * 3 == 9", True),
    ("10 - 4 - 3 == 3", True),          # left-associative
    ("12 / 3 / 2 == 2", True),
    ("-2 * -3 == 6", True),
    ("- (1 + 2) == -3", True),
    ("0.5 + 0.25 == 0.75", True),
    ("not false and false", False),     # (not false) and false
    ("not (false and false)", True),
    ("true or false and false", True),  # and binds tighter than or
    ("(true or false) and false", False),
    ("not rung > 5", True),             # not binds looser than comparisons
    ("not not true", True),
    ("1 != 2", True),
    ("true == true", True),
    ("3 >= 3 and 3 <= 3 and 2 < 3 and 3 > 2", True),
])
def test_precedence(text, expected):
    assert ev(text) is expected


def test_division_by_zero_yields_zero():
    assert ev("5 / 0 == 0")
    assert ev("cuba.economy / cuba.economy == 0")  # the divisor comes from the game state
    assert ev("1 + 7 / (rung - 3) == 1")


def test_long_flat_chains_do_not_recurse():
    assert ev(" and ".join(["true"] * 200))
    assert ev("1" + " + 1" * 450 + " == 451")
    assert not ev(" or ".join(["false"] * 200))


# ---------------------------------------------------------------- variables, stats, functions

@pytest.mark.parametrize("text", [
    "rung == 3", "turn == 4", "turns == 10", "peak == 5", "rung_change == -1",
    "usa.resolve == 70", "ussr.resolve < 30", "usa.perceived_rung == 4", "cuba.readiness == 50",
    "usa.trust.ussr == 35", "ussr.trust.usa == 60",
    "played(blockade)", "played(usa, blockade)", "played(usa, blockade, 3)", "not played(usa, blockade, 2)",
    "not played(ussr, blockade)", "played(airstrike)", "not played(backchannel)",
    "crossed(nukes_in_cuba)", "not fired(u2_shot_down)", "agreed(withdraw_missiles)",
    "channel(usa, ussr) == 'hotline'", "channel(ussr, cuba) == \"severed\"", "channel(usa, cuba) != 'open'",
    "channel(usa, ussr) == channel(ussr, usa)",
])
def test_every_name_evaluates(text):
    assert ev(text) is True


def test_played_passes_actor_move_and_window():
    env = FakeEnv()
    parse_condition("played(blockade) and played(self, blockade, 2)", NS).evaluate(env)
    assert env.calls == [("played", None, "blockade", None), ("played", "usa", "blockade", 2)]


def test_aliases_resolve_through_env_each_time():
    cond = parse_condition("self.resolve > target.resolve and self.trust.target < 40 "
                           "and channel(self, target) == 'hotline'", NS)
    assert cond.evaluate(FakeEnv())
    swapped = FakeEnv()
    swapped.aliases = {"self": "ussr", "target": "usa"}
    assert not cond.evaluate(swapped)


def test_evaluation_tracks_changing_state():
    cond = parse_condition("rung >= 6 and ussr.resolve < 30", NS)
    assert not cond.evaluate(FakeEnv())
    assert cond.evaluate(FakeEnv(rung=6))


def test_references_name_what_the_text_mentions():
    cond = parse_condition("self.resolve > 3 and usa.trust.cuba > 1 and ussr.perceived_rung > 0 "
                           "and played(usa, airstrike) and crossed(nukes_in_cuba) "
                           "and not fired(u2_shot_down) and agreed(withdraw_missiles)", NS)
    assert cond.references == References(
        actors=frozenset({"usa", "cuba", "ussr"}), stats=frozenset({"resolve", "perceived_rung"}),
        moves=frozenset({"airstrike"}), red_lines=frozenset({"nukes_in_cuba"}),
        triggers=frozenset({"u2_shot_down"}), terms=frozenset({"withdraw_missiles"}), aliases=frozenset({"self"}))


def test_references_name_the_aliases_apart_from_actors():
    cond = parse_condition("self.trust.target >= 40 and channel(self, usa) != 'severed'", NS)
    assert cond.references.aliases == {"self", "target"} and cond.references.actors == {"usa"}
    assert parse_condition("usa.resolve > 3", NS).references.aliases == frozenset()


def test_condition_is_frozen_and_hashed_by_text():
    a, b = parse_condition("rung > 1", NS), parse_condition("rung > 1", NS)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert repr(a) == "Condition(text='rung > 1')"
    with pytest.raises(AttributeError):
        a.text = "true"  # type: ignore[misc]
    assert isinstance(a, Condition)


# ---------------------------------------------------------------- errors, with columns

@pytest.mark.parametrize("text, column, message", [
    ("rung >= 6 and usaa.resolve < 3", 15, "unknown actor 'usaa' (did you mean 'usa'?)"),
    ("usa.resolv > 3", 5, "unknown stat 'resolv' (did you mean 'resolve'?)"),
    ("played(blokade)", 8, "unknown move 'blokade' (did you mean 'blockade'?)"),
    ("played(usa, blokade)", 13, "unknown move 'blokade' (did you mean 'blockade'?)"),
    ("crossed(nukes_in_cub)", 9, "unknown red line 'nukes_in_cub' (did you mean 'nukes_in_cuba'?)"),
    ("fired(u2_shot)", 7, "unknown trigger 'u2_shot' (did you mean 'u2_shot_down'?)"),
    ("agreed(withdraw_missile)", 8, "unknown term 'withdraw_missile' (did you mean 'withdraw_missiles'?)"),
    ("true and playd(blockade)", 10, "unknown function 'playd' (did you mean 'played'?)"),
    ("rugn > 3", 1, "unknown variable 'rugn' (did you mean 'rung'?)"),
    ("True", 1, "unknown variable 'True' (did you mean 'true'?)"),
    ("slef.resolve > 1", 1, "unknown actor 'slef' (did you mean 'self'?)"),
    ("channel(usa, ussr) == 'opne'", 23, "unknown channel state 'opne' (did you mean 'open'?)"),
    ("channel(usa, ussr) == 'closed'", 23, "unknown channel state 'closed'"),
])
def test_unknown_names_say_what_where_and_suggest(text, column, message):
    err = error(text)
    assert err.column == column
    assert str(err).startswith(message)
    assert isinstance(err, WargameError)


def test_unknown_name_without_anything_close_lists_known_ones():
    ns = Namespace(frozenset({"usa", "ussr"}), frozenset({"resolve"}))
    assert str(error("zzz.resolve > 1", ns)) == "unknown actor 'zzz' (known: usa, ussr)"
    assert str(error("played(x)", ns)) == "unknown move 'x' (the scenario defines no moves)"


@pytest.mark.parametrize("text, column, fragment", [
    ("rung > 3 && true", 10, "'&&' is not part of the condition language; write 'and'"),
    ("rung > 3 || true", 10, "write 'or'"),
    ("!crossed(nukes_in_cuba)", 1, "write 'not'"),
    ("rung = 3", 6, "write '=='"),
    ("rung => 3", 6, "write '>='"),
    ("rung > 3 AND true", 10, "keywords are lowercase: 'and'"),
    ("(rung > 3 usa.resolve", 11, "expected ')' but found 'usa'"),
    ("(rung > 3", 10, "expected ')' but found the end of the condition"),
    ("played(usa and", 12, "expected ',' or ')' but found 'and'"),
    ("rung >", 7, "expected a value but found the end of the condition"),
    ("rung > 3 rung", 10, "expected an operator or the end of the condition but found 'rung'"),
    ("1 < rung < 3", 10, "comparisons cannot be chained"),
    ("channel(usa, ussr) == 'open", 23, "unterminated string"),
    ("rung $ 3", 6, "unexpected character '$'"),
    ("usa.resolve.x > 1", 5, "only trust takes a third part"),
    ("usa.trust > 1", 5, "trust needs the other actor: write usa.trust.OTHER"),
    ("usa.trust.ussr.x > 1", 15, "too many dots"),
    ("usa > 1", 1, "'usa' is an actor, not a value; write usa.STAT"),
    ("blockade", 1, "'blockade' is a move; write played(blockade)"),
    ("played", 1, "'played' is a function; write played(...)"),
    ("played(usa, blockade, 4, 5)", 1, "played() takes (MOVE), (ACTOR, MOVE) or (ACTOR, MOVE, TURNS)"),
    ("played(usa, blockade, 0)", 23, "whole number of at least 1"),
    ("played(usa, blockade, 1.5)", 23, "whole number of at least 1"),
    ("played('blockade')", 8, "arguments are bare names"),
    ("crossed()", 1, "crossed() takes one red line, not 0 arguments"),
    ("channel(usa) == 'open'", 1, "channel() takes two actors"),
    ("rung > 1e5", 9, "expected an operator or the end of the condition but found 'e5'"),
    ("", 1, "condition is empty"),
    ("   ", 1, "condition is empty"),
    # types
    ("rung and true", 1, "'and' needs true/false on both sides, but this is a number"),
    ("true or usa.resolve", 9, "'or' needs true/false on both sides, but this is a number"),
    ("not rung", 5, "'not' needs true/false, but this is a number"),
    ("rung + true > 1", 8, "'+' needs a number on both sides, but this is true/false"),
    ("-played(blockade) < 1", 2, "'-' needs a number"),
    ("played(blockade) < 3", 1, "'<' needs numbers, but this is true/false"),
    ("rung == true", 6, "'==' compares a number with true/false"),
    ("channel(usa, ussr) == 1", 20, "'==' compares a channel state with a number"),
    ("channel(usa, ussr) > 'open'", 1, "'>' needs numbers, but this is a channel state"),
    ("rung + 1", 1, "a condition must be true or false, but this is a number"),
    ("channel(usa, ussr)", 1, "a condition must be true or false, but this is a channel state"),
])
def test_syntax_shape_and_type_errors_point_at_the_offender(text, column, fragment):
    err = error(text)
    assert fragment in str(err)
    assert err.column == column


def test_check_condition_collects_every_name_and_type_error():
    problems = check_condition("usaa.resolve > 3 and played(blokade) and rung == true and fird(x)", NS)
    assert [(p.column, str(p).split(" (")[0]) for p in problems] == [
        (1, "unknown actor 'usaa'"), (29, "unknown move 'blokade'"),
        (47, "'==' compares a number with true/false; both sides must be the same kind"),
        (59, "unknown function 'fird'"),
    ]
    assert check_condition("rung > 3 && x", NS)[0].column == 10   # a syntax error stops at the first
    assert check_condition("rung >= 6 and ussr.resolve < 30", NS) == []


def test_check_condition_reports_rather_than_raises_for_non_text():
    [problem] = check_condition(True, NS)  # type: ignore[arg-type]  # YAML `when: true`
    assert "must be text, not bool" in str(problem)


# ---------------------------------------------------------------- bounds

def test_length_bound():
    assert ev("true" + " " * (MAX_LENGTH - 4))
    err = error("true" + " " * (MAX_LENGTH - 3))
    assert "too long" in str(err) and err.column == MAX_LENGTH + 1


@pytest.mark.parametrize("opener, closer", [("(", ")"), ("not ", ""), ("-", "")])
def test_depth_bound(opener, closer):
    body = "true" if opener != "-" else "1"
    ok = opener * MAX_DEPTH + body + closer * MAX_DEPTH
    assert parse_condition(ok if opener != "-" else ok + " < 2", NS)
    too_deep = opener * (MAX_DEPTH + 1) + body + closer * (MAX_DEPTH + 1)
    err = error(too_deep if opener != "-" else too_deep + " < 2")
    assert "nested too deeply" in str(err)
    assert err.column == MAX_DEPTH * len(opener) + 1


def test_pathological_nesting_is_a_condition_error_not_recursion_error():
    assert "nested too deeply" in str(error("(" * 1500))
    assert "nested too deeply" in str(error("not " * 450 + "true"))


def test_huge_numbers_are_refused():
    assert "too large" in str(error("rung < " + "9" * 30))


# ---------------------------------------------------------------- safety

@pytest.mark.parametrize("text, column", [
    ("__import__('os')", 1),
    ("rung.__class__", 6),
    ("().__class__", 4),
    ("_secret", 1),
    ("played(__builtins__)", 8),
    ("open('/etc/passwd')", 1),
    ("lambda: 1", 7),
    ("[x for x in ()]", 1),
    ("rung if true else 2", 6),
    ("`ls`", 1),
    ("rung\\\n> 1", 5),
])
def test_dangerous_looking_input_is_refused(text, column):
    assert error(text).column == column


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_garbage_only_ever_raises_condition_error(text):
    try:
        cond = parse_condition(text, NS)
    except ConditionError as err:
        assert 1 <= err.column <= len(text) + 1
    else:
        assert isinstance(cond.evaluate(FakeEnv()), bool)
    assert all(isinstance(p, ConditionError) for p in check_condition(text, NS))


TOKENS = ["rung", "turn", "peak", "usa.resolve", "self.trust.target", "ussr.perceived_rung", "0", "3", "2.5",
          "(", ")", "and", "or", "not", "-", "+", "*", "/", "<", ">=", "==", "!=", "true", "false",
          "'open'", "channel(usa, ussr)", "played(self, blockade, 2)", "crossed(nukes_in_cuba)", ",", ".",
          "usaa", "&&", "=", "'", "played("]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=25))
def test_token_soup_parses_to_bool_or_raises_condition_error(tokens):
    text = " ".join(tokens)
    try:
        cond = parse_condition(text, NS)
    except ConditionError as err:
        assert 1 <= err.column <= len(text) + 1
    else:
        assert isinstance(cond.evaluate(FakeEnv()), bool)
        assert check_condition(text, NS) == []


def test_a_wrong_argument_is_reported_once():
    problems = check_condition("played(3, blockade)", NS)
    assert [(p.column, str(p)) for p in problems] == [
        (8, "expected an actor name but found '3'; arguments are bare names")]


def test_agreed_can_name_the_committed_party():
    """agreed(TERM, ACTOR): the term is in force as ACTOR's commitment, not just anyone's."""
    assert parse_condition("agreed(withdraw_missiles, ussr)", NS).evaluate(FakeEnv())
    assert not parse_condition("agreed(withdraw_missiles, usa)", NS).evaluate(FakeEnv())
    with pytest.raises(ConditionError, match="unknown actor 'ussrr'"):
        parse_condition("agreed(withdraw_missiles, ussrr)", NS)


def test_power_operator_is_named_in_the_error():
    with pytest.raises(ConditionError, match=r"'\*\*' \(power\) is not part") as caught:
        parse_condition("rung ** 2 > 4", NS)
    assert caught.value.column == 6
