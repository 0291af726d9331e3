"""The balance report: pairings, determinism, the numbers, verdicts, rendering and the command."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.support import ROOT
from wargame.ai import doctrine_names
from wargame.balance import balance, plan
from wargame.balance.html import render as render_html
from wargame.balance.markdown import WIDTH, _letters, box, escape
from wargame.balance.markdown import render as render_md
from wargame.balance.pairings import pairings
from wargame.balance.report import build
from wargame.balance.runner import PlayedGame, play_job
from wargame.balance.stats import FiveNumbers, lifts
from wargame.cli import main
from wargame.scenario.loader import load_scenario_text
from wargame.simulation import GameSummary, game_seed, play_one, summarise

DOCTRINES = doctrine_names()


# ---------------------------------------------------------------- pairings


def test_two_actors_play_every_combination(tutorial):
    chosen, rule = pairings(tutorial, DOCTRINES)
    assert len(chosen) == 16 == len({p.doctrines for p in chosen})
    assert rule.startswith("every combination")


def _with_actors(count: int):
    actors = "\n".join(f"  - {{id: a{i}, name: Actor {i}, doctrine: dove}}" for i in range(count))
    text = f"id: many\ntitle: Many\nsummary: Many actors.\nactors:\n{actors}\nterms:\n  - {{id: t, text: Talk}}\n"
    return load_scenario_text(text, "many.yaml")


def test_three_actors_play_every_combination():
    chosen, _ = pairings(_with_actors(3), DOCTRINES)
    assert len(chosen) == 64 == len({p.doctrines for p in chosen})


def test_more_actors_cycle_one_at_a_time_around_the_scenario_doctrines():
    scenario = _with_actors(5)
    chosen, rule = pairings(scenario, DOCTRINES)
    baseline = tuple((f"a{i}", "dove") for i in range(5))
    assert chosen[0].doctrines == baseline
    assert len(chosen) == 1 + 5 * 3 == len({p.doctrines for p in chosen})
    for pairing in chosen[1:]:
        changed = [(a, d) for (a, d), (_, base) in zip(pairing.doctrines, baseline) if d != base]
        assert len(changed) == 1
    assert "each actor in turn" in rule


# ---------------------------------------------------------------- playing


def test_a_summary_lists_every_order_in_play_order(tutorial):
    from wargame.ai.autoplay import play_to_end
    from wargame.engine import Game

    seed = game_seed(7, 0)
    game = play_to_end(Game(tutorial, seed))
    summary = summarise(game, 0, seed)
    assert summary.moves == tuple((actor, order.move) for record in game.history
                                  for actor, order in record.orders.items())
    assert len(summary.moves) == sum(len(record.orders) for record in game.history) >= summary.turns
    assert summary == play_one(tutorial, 0, seed)  # play_one is play-to-end, then summarise


def test_the_runner_reuses_simulate_s_summary(tutorial):
    chosen, _ = plan(tutorial)
    doctrines = [p.as_dict() for p in chosen]
    for p, i in ((0, 0), (5, 1), (15, 2)):
        seed = game_seed(7, i)
        played = play_job(tutorial, doctrines, (p, i, seed))
        assert played.summary == play_one(tutorial, i, seed, doctrines[p])
        assert played.moves == tuple(dict.fromkeys(played.summary.moves))  # each pair once, first-played order
        assert len(set(played.moves)) == len(played.moves)
        assert set(played.moves) == set(played.summary.moves)
        assert all(actor in tutorial.actor_ids for actor, _ in played.moves)


def test_same_seed_same_report_whatever_the_workers(tutorial):
    one = render_md(balance(tutorial, runs=3, seed=11, workers=1))
    two = render_md(balance(tutorial, runs=3, seed=11, workers=2))
    assert one == two
    assert render_html(balance(tutorial, runs=3, seed=11, workers=2)) == render_html(
        balance(tutorial, runs=3, seed=11, workers=1))


def test_another_seed_plays_other_games(tutorial):
    def numbers(report):
        return [row.outcomes for row in report.pairings], [row.scores for row in report.actors]

    assert numbers(balance(tutorial, runs=3, seed=1)) != numbers(balance(tutorial, runs=3, seed=2))


def test_progress_counts_every_game(tutorial):
    seen = []
    report = balance(tutorial, runs=2, seed=0, workers=1, progress=seen.append)
    assert seen == list(range(1, report.games + 1))


# ---------------------------------------------------------------- the numbers


@pytest.fixture(scope="module")
def tutorial_report(tutorial):
    return balance(tutorial, runs=4, seed=3, workers=1)


def test_an_ending_the_scenario_removed_raises_no_flag(tutorial_report):
    """The tutorial has no capitulation (``capitulation_below: null``): its absence is no concern to flag."""
    assert "capitulation" not in tutorial_report.endings and tutorial_report.outcomes["capitulation"] == 0
    assert not [flag for flag in tutorial_report.flags if flag.startswith("Capitulation")]
    assert "war" in tutorial_report.endings


def test_counts_add_up(tutorial_report):
    report = tutorial_report
    assert report.games == 4 * len(report.pairings) == 64
    assert sum(report.outcomes.values()) == report.games
    assert sum(report.peaks.values()) == report.games
    assert all(row.games == 4 and sum(row.outcomes.values()) == 4 for row in report.pairings)
    assert sum(row.wins for row in report.actors) <= report.games
    for row in report.actors:
        s = row.scores
        assert s.minimum <= s.q1 <= s.median <= s.q3 <= s.maximum
        assert s.minimum <= s.mean <= s.maximum
        assert set(row.by_doctrine) == set(DOCTRINES)
        for wins, games in row.wins_by_outcome.values():
            assert 0 <= wins <= games
    for pairing in report.pairings:  # the per-pairing outcomes add up to the overall ones
        assert all(count >= 0 for count in pairing.outcomes.values())
    for kind in report.outcomes:
        assert report.outcomes[kind] == sum(row.outcomes[kind] for row in report.pairings)
    assert all(0 <= fired <= report.games for fired in report.triggers.values())
    for line in report.red_lines:
        assert line.honoured + line.ignored <= line.crossed <= report.games
    assert len(report.verdicts) == len(report.actors)


def test_five_numbers():
    s = FiveNumbers.of([1, 2, 3, 4, 100])
    assert (s.minimum, s.q1, s.median, s.q3, s.maximum) == (1, 2, 3, 4, 100)
    assert s.mean == 22
    assert FiveNumbers.of([7]) == FiveNumbers(7.0, 7, 7, 7, 7, 7)


def test_lift_compares_an_outcome_with_all_games():
    strike, talk = ("usa", "strike"), ("usa", "talk")
    games = [("war", frozenset({strike}))] * 5 + [("settled", frozenset({talk}))] * 10 + [
        ("settled", frozenset({strike, talk}))] * 5
    found = lifts(games, ("settled", "war", "defused"))
    (war,) = found["war"]
    assert (war.move, war.in_outcome, war.overall) == ("strike", 1.0, 0.5)
    assert war.lift == 2.0
    assert [row.move for row in found["settled"]] == ["talk"]  # 100% of settlements vs 75% of games
    assert found["settled"][0].lift == pytest.approx(1 / 0.75)
    assert "defused" not in found  # no games: nothing to say


# ---------------------------------------------------------------- verdicts


def _fake_games(outcomes_and_scores):
    """PlayedGames with chosen outcomes and scores (pairing 0), for verdict tests."""
    games = []
    for i, (outcome, kestria, dornland, triggers) in enumerate(outcomes_and_scores):
        summary = GameSummary(
            index=i, seed=i, outcome=outcome, turns=3, peak=4, final_rung=2, capitulated=None,
            red_lines=(("troops_on_bridge", "standing"), ("river_trade_squeeze", "honoured")),
            hotline_lines=(), triggers=triggers, agreements=1, broken=0,
            scores=(("kestria", kestria), ("dornland", dornland)), moves=(("kestria", "quiet_dialogue"),),
        )
        games.append(PlayedGame(0, summary))
    return games


def test_verdicts_name_the_favoured_actor_and_the_flags(tutorial):
    chosen, rule = plan(tutorial)
    rows = [("settled", 20, 5, ("chancellor_protests",))] * 18 + [("settled", 3, 9, ())] * 2 + [
        ("war", -15, -15, ("chancellor_protests",))] * 1
    report = build(tutorial, chosen[:1], rule, _fake_games(rows), 21, 0, DOCTRINES)
    kestria, dornland = report.verdicts
    assert kestria.startswith("Republic of Kestria wins 90% of settlements (mean score +16.7, from -15 to +20; "
                              "best as hawk (+16.7)): consider lowering the value of its terms")
    assert dornland.startswith("Dornish Federation comes out ahead in only 10% of games")
    assert "Settled ends 95% of games: make the terms costlier to accept" in report.flags[0]
    assert any(flag.startswith("Defused ends only 0% of games (0 of 21)") for flag in report.flags)
    assert "Trigger 'fishermen_detained' never fired in 21 games: check its condition" in " ".join(report.flags)
    assert any(flag.startswith("Red line 'troops_on_bridge' (kestria against dornland) was never crossed")
               for flag in report.flags)
    assert not any("river_trade_squeeze" in flag for flag in report.flags)
    assert not any("chancellor_protests" in flag for flag in report.flags)


def test_a_wide_score_margin_is_called_out(tutorial):
    chosen, rule = plan(tutorial)
    rows = [("settled", 15, 5, ()), ("defused", 10, 11, ()), ("stalemate", 15, 4, ())] * 4
    report = build(tutorial, chosen[:1], rule, _fake_games(rows), 12, 0, DOCTRINES)
    assert report.verdicts[0] == (
        "Republic of Kestria's mean score beats every other actor's by 6.7 points (mean score +13.3, from +10 "
        "to +15; best as hawk (+13.3)): consider weaker starting stats or lighter objective weights for it.")
    assert report.verdicts[1].endswith("no balance concern.")
    assert "Republic of Kestria's mean score (+13.3) beats every other actor's by 6.7 points." in report.flags


def test_balanced_actors_get_no_concern(tutorial):
    chosen, rule = plan(tutorial)
    rows = [("settled", 10, 8, ()), ("defused", 8, 10, ()), ("war", -5, -5, ())] * 6
    report = build(tutorial, chosen[:1], rule, _fake_games(rows), 18, 0, DOCTRINES)
    assert report.verdicts == [
        "Republic of Kestria comes out ahead in 33% of games (mean score +4.3, from -5 to +10; "
        "best as hawk (+4.3)): no balance concern.",
        "Dornish Federation comes out ahead in 33% of games (mean score +4.3, from -5 to +10; "
        "best as hawk (+4.3)): no balance concern.",
    ]


def test_a_mediator_is_not_blamed_for_coming_out_behind():
    text = TWO_AND_MEDIATOR
    scenario = load_scenario_text(text, "mediated.yaml")
    chosen, rule = plan(scenario)
    games = []
    for i in range(12):
        summary = GameSummary(
            index=i, seed=i, outcome="settled", turns=3, peak=3, final_rung=1, capitulated=None, red_lines=(),
            hotline_lines=(), triggers=(), agreements=1, broken=0,
            scores=(("east", 10 + i % 2), ("west", 11 - i % 2), ("league", 2)), moves=(),
        )
        games.append(PlayedGame(0, summary))
    report = build(scenario, chosen[:1], rule, games, 12, 0, DOCTRINES)
    assert report.verdicts[2] == ("League of Nations, the mediator, comes out ahead in 0% of games "
                                  "(mean score +2.0, from +2 to +2; best as hawk (+2.0)).")
    assert report.verdicts[0].endswith("no balance concern.")


TWO_AND_MEDIATOR = """\
id: mediated
title: Mediated
summary: Two sides and a mediator.
actors:
  - {id: east, name: Eastland}
  - {id: west, name: Westland}
  - {id: league, name: League of Nations, role: mediator}
terms:
  - {id: talks, text: Hold talks}
"""


# ---------------------------------------------------------------- rendering

HOSTILE = """\
id: hostile
title: "Crisis | <script>alert('t')</script> *bold*"
summary: Names that would break HTML or Markdown if not escaped.
turns: 4
actors:
  - id: east
    name: "East <img src=x onerror=alert(1)> | Land"
  - id: west
    name: "West & [link](http://example.com) \\"><img src=x onerror=alert(2)>"
moves:
  withhold: [request_mediation]
terms:
  - id: talks
    text: Hold talks
triggers:
  - id: news
    when: turn == 1
    news: Hello.
"""


@pytest.fixture(scope="module")
def hostile_report():
    return balance(load_scenario_text(HOSTILE, "hostile.yaml"), runs=2, seed=0)


def test_html_is_self_contained_and_escaped(hostile_report):
    page = render_html(hostile_report)
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    tags = re.findall(r"<[a-zA-Z][^>]*>", page)
    assert not [tag for tag in tags if re.search(r"\b(src|href|xlink:href)\s*=|url\(", tag)]
    assert {re.sub(r"\s.*", "", tag) for tag in tags if "http" in tag} == {"<svg"}  # only the SVG namespace
    assert "@import" not in page and "url(" not in page
    for chart in re.findall(r"<svg.*?</svg>", page, re.S):
        ET.fromstring(chart)  # every chart is well-formed XML
    assert page.count("<svg") == 5  # outcomes, pairings, scores, peaks, triggers (no red lines here)
    (scores,) = [chart for chart in re.findall(r"<svg.*?</svg>", page, re.S) if "Score spread" in chart]
    assert "West &amp; [link](http://example.com) &#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in scores


def test_markdown_tables_keep_their_shape(hostile_report):
    text = render_md(hostile_report)
    assert "East <img" not in text and "East &lt;img" in text  # HTML-escaped, as in the page
    assert text.startswith(r"# Balance report: Crisis \| &lt;script&gt;alert('t')&lt;/script&gt; \*bold\*")
    for table in re.findall(r"(?:^\|.*\|\n)+", text, re.M):
        rows = [line for line in table.splitlines()]
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, rows


def test_markdown_names_every_section(tutorial_report):
    text = render_md(tutorial_report)
    for heading in ("## Verdict", "## Outcomes", "## Outcomes by pairing", "## Scores", "## Peak rung",
                    "## Triggers", "## Red lines", "## Moves that go with each outcome"):
        assert f"\n{heading}\n" in text


@pytest.mark.parametrize("counts", [
    {"settled": 7, "defused": 7, "stalemate": 6, "capitulation": 0, "war": 0},
    {"settled": 1, "defused": 1, "stalemate": 1, "capitulation": 0, "war": 0},
    {"settled": 0, "defused": 0, "stalemate": 0, "capitulation": 0, "war": 3},
])
def test_text_bars_are_always_full_width(counts):
    bar = _letters(counts, sum(counts.values()))
    assert len(bar) == WIDTH
    assert bar.count("W") == round(WIDTH * counts["war"] / sum(counts.values()))


def test_text_box_plot():
    assert box(FiveNumbers(5, 0, 2, 5, 8, 10), 0, 10, width=11) == "├─███┃███─┤"
    assert box(FiveNumbers(5, 5, 5, 5, 5, 5), 0, 10, width=11) == "     ┃     "


def test_escape_leaves_ids_readable():
    assert escape("troops_on_bridge") == "troops_on_bridge"
    assert escape("a|b") == r"a\|b"


# ---------------------------------------------------------------- the command


def test_command_writes_html_chosen_by_suffix(tmp_path, capsys):
    target = tmp_path / "report.html"
    assert main(["balance", "tutorial", "--runs", "1", "-o", str(target)]) == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    err = capsys.readouterr().err
    assert err == f"wrote {target}: 16 games, 16 pairings\n"  # no progress bar: stderr is not a terminal


def test_command_prints_markdown_by_default(capsys):
    assert main(["balance", "tutorial", "--runs", "1", "--seed", "4"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Balance report: Tutorial: The Tessel Bridge Incident\n")
    assert "seed 4: 16 games, 1 for each of 16 pairings" in out


def test_command_format_overrides_the_suffix(tmp_path):
    target = tmp_path / "report.html"
    assert main(["balance", "tutorial", "--runs", "1", "--format", "md", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Balance report")


def test_command_errors_are_one_line(tmp_path, capsys):
    assert main(["balance", "no-such-scenario"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("wargame: error: no-such-scenario: no scenario of that name")
    assert main(["balance", "tutorial", "--runs", "1", "-o", str(tmp_path / "missing" / "x.md")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(f"wargame: error: cannot write {tmp_path / 'missing' / 'x.md'}:")
    with pytest.raises(SystemExit) as usage:
        main(["balance", "tutorial", "--runs", "0"])
    assert usage.value.code == 2



# ---------------------------------------------------------------- the overview page (docs/balance.md)


def test_overview_section_has_the_report_s_numbers(tutorial_report):
    from wargame.balance.markdown import percent
    from wargame.balance.overview import section

    text = section("tutorial", "ab" * 32, tutorial_report)
    (row,) = [line for line in text.splitlines() if re.fullmatch(r"\| \d+ \(.*\) \|", line)]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells == [f"{count} ({percent(count / 64)})" for count in tutorial_report.outcomes.values()]
    for line in tutorial_report.verdicts + tutorial_report.flags:
        assert f"\n- {escape(line)}" in text
    assert "`wargame balance tutorial --runs 4 --seed 3`" in text
    assert "sha256 `abababababab…`" in text


@pytest.fixture
def only_shipped(monkeypatch):
    """Scenarios are found in the checkout's folder only (not in ./scenarios of the caller or the user folder)."""
    from wargame import catalog

    monkeypatch.setattr(catalog, "folders", lambda: [("bundled", ROOT / "scenarios")])


def test_overview_takes_every_scenario_found_easiest_first(only_shipped):
    from wargame.balance.overview import every_scenario

    levels = ["tutorial", "beginner", "intermediate", "advanced"]
    found = every_scenario()
    assert sorted(name for name, _ in found) == sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))
    ranks = [levels.index(scenario.spec.difficulty) for _, scenario in found]
    assert ranks == sorted(ranks)


def test_overview_page_is_the_same_whatever_the_workers(tutorial):
    from wargame.balance.overview import build_page

    one = build_page([("tutorial", tutorial)], 1, 0, 1, "cmd")
    assert one == build_page([("tutorial", tutorial)], 1, 0, 2, "cmd")
    assert "| [tutorial](#balance-tutorial) | 16 |" in one
    assert one.count("\n## ") == 1


def test_balance_all_writes_the_overview_page(monkeypatch, tmp_path, capsys):
    from wargame import catalog

    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "tutorial.yaml").write_text((ROOT / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8"))
    monkeypatch.setattr(catalog, "folders", lambda: [("local", folder)])
    page = tmp_path / "page.md"
    assert main(["balance", "--all", "--runs", "1", "--workers", "2", "-o", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert f"$ wargame balance --all --runs 1 --seed 0 -o {page}\n" in text  # --workers left out
    assert "| [tutorial](#balance-tutorial) | 16 |" in text and text.count("\n## ") == 1
    assert capsys.readouterr().err == "tutorial: 16 games\n"


def test_balance_wants_a_scenario_or_all(capsys):
    for argv in (["balance"], ["balance", "tutorial", "--all"]):
        with pytest.raises(SystemExit) as usage:
            main(argv)
        assert usage.value.code == 2
    assert main(["balance", "--all", "--format", "html"]) == 1
    assert capsys.readouterr().err.endswith("wargame: error: --all writes one Markdown page; leave out --format html\n")


def test_docs_balance_covers_every_shipped_scenario_and_says_how_to_regenerate(only_shipped):
    from wargame.balance.overview import COMMAND, every_scenario

    page = (ROOT / "docs" / "balance.md").read_text(encoding="utf-8")
    assert re.search(rf"^\$ {re.escape(COMMAND)} --runs \d+ --seed \d+ -o docs/balance\.md$", page, re.M)
    for name, _ in every_scenario():
        assert f"(`{name}`)\n" in page and f"| [{name}](#balance-{name}) |" in page


def test_a_scripted_player_keeps_its_side_while_the_others_vary(tutorial):
    """A side the scenario gives to ``careful`` or ``careless`` is not a doctrine to pair: the others vary around it."""
    from wargame.study.edits import scripted_side

    scripted = scripted_side("careless").apply(tutorial)
    chosen, rule = pairings(scripted, DOCTRINES)
    side = next(a.id for a in scripted.spec.actors if a.doctrine == "careless")
    assert len(chosen) == 4 == len({p.doctrines for p in chosen})
    assert all(p.as_dict()[side] == "careless" for p in chosen)
    assert "for the 1 actors" in rule
