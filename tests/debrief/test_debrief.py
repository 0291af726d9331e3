"""The after-action report: its content on seeded games, both renderings, and the comparison of branches."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from tests.support import full_state, random_game, random_order, run_cli
from wargame import saves
from wargame.ai.autoplay import play_to_end
from wargame.debrief import (
    CompareError,
    build_comparison,
    build_report,
    render_comparison_html,
    render_comparison_markdown,
    render_html,
    render_markdown,
)
from wargame.debrief.render_md import inline
from wargame.engine import Game, Inject, Message, Proceed, actor_view

SECTIONS = ("## Outcome", "## Escalation chart", "## Turning points", "## Timeline", "## Red lines and credibility",
            "## Warning indicators", "## Crisis metrics", "## Questions for discussion")


def first_game(scenario, wanted, seeds=range(200)) -> Game:
    """The first seeded random game with the wanted features (searched, so scenario edits do not break tests)."""
    for seed in seeds:
        game = random_game(scenario, seed)
        if wanted(game):
            return game
    raise AssertionError("no seeded game has the features this test needs")


@pytest.fixture(scope="module")
def eventful(cuban):
    """A long game with several red lines crossed, messages and a preemptive strike."""
    return first_game(cuban, lambda g: len(g.history) >= 8 and sum(1 for l in g.red_lines if l.crossed_turn) >= 2
                      and g.envelopes and any("preemptive" in g.scenario.moves[o.move].tags
                                              for r in g.history for o in r.orders.values()))


@pytest.fixture(scope="module")
def report(eventful):
    return build_report(eventful)


class Page(HTMLParser):
    """Collects what an HTML page refers to and checks that its elements nest properly."""

    VOID = {"meta", "br", "hr", "img", "input", "link", "source", "col", "area", "base", "wbr", "embed", "track"}
    SVG_VOID = {"polyline", "circle", "rect", "line", "path"}

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        if tag not in self.VOID:
            self.stack.append(tag)
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1] if self.stack else 'nothing'}")
        else:
            self.stack.pop()
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data


def check_self_contained(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert page.problems == [] and page.stack == [], (page.problems, page.stack)
    assert page.tags[0] == "html" and "body" in page.tags
    assert not {"script", "link", "iframe", "img", "object", "embed", "base", "audio", "video", "source"} & set(page.tags)
    for name, value in page.attributes:
        assert name not in ("src", "href", "xlink:href", "srcset", "action", "xmlns:xlink"), (name, value)
        assert not name.startswith("on"), name  # no event handlers
        assert "http:" not in value and "https:" not in value and "url(" not in value, (name, value)
    assert "url(" not in page.style and "@import" not in page.style and "@font-face" not in page.style
    return page


# ------------------------------------------------------------------ the report's content


def test_the_chart_has_one_point_per_turn(eventful, report):
    points = report.chart.points
    assert [p.turn for p in points] == [r.turn for r in eventful.history] == list(range(1, len(eventful.history) + 1))
    assert [p.rung for p in points] == [r.rung_after for r in eventful.history]
    for point, record in zip(points, eventful.history):
        assert dict(point.perceived) == record.perceived_rung
    assert report.chart.start_rung == eventful.history[0].rung_before


def test_both_renderings_draw_one_chart_point_per_turn(eventful, report):
    turns = len(eventful.history)
    html = render_html(report)
    chart = re.search(r'<svg class="chart".*?</svg>', html, re.S).group(0)
    assert chart.count('<circle class="actual"') == turns
    for actor in eventful.actor_ids:
        assert chart.count(f'<circle class="perceived perceived-{actor}"') == turns
    assert chart.count('class="threshold"') == sum(1 for b in report.chart.bands if b.threshold and b.high < report.chart.top_rung)
    markdown = render_markdown(report)
    block = markdown.split("## Escalation chart", 1)[1].split("```")[1]
    header = block.strip("\n").splitlines()[0].split()
    assert header == [str(t) for t in range(1, turns + 1)]
    table_rows = [line for line in markdown.split("## Escalation chart", 1)[1].split("## Turning points")[0].splitlines()
                  if re.match(r"\| \d+ \|", line)]
    assert len(table_rows) == turns
    for threshold in (b.threshold for b in report.chart.bands if b.threshold):
        if any(b.threshold == threshold and b.high in range(min(p.rung for p in report.chart.points) - 1, report.chart.top_rung)
               for b in report.chart.bands):
            assert escape(threshold) in html  # as the page writes it: "Don&#39;t rock the boat"


def test_every_crossed_red_line_is_in_the_ledger(eventful, report):
    crossed = [line for line in eventful.red_lines if line.crossed_turn is not None]
    assert len(crossed) >= 2
    ledgers = {ledger.actor: ledger for ledger in report.ledgers}
    markdown = render_markdown(report).split("## Red lines and credibility")[1]
    html = render_html(report).split("<h2>Red lines and credibility</h2>")[1]
    for line in crossed:
        owned = [e for e in ledgers[line.owner].own_lines if e.id == line.id]
        assert owned and owned[0].crossed_turn == line.crossed_turn and owned[0].status == line.status
        assert line.id in [e.id for e in ledgers[line.against].lines_crossed]
        assert line.description in markdown
        assert line.description.replace("'", "&#x27;").replace("&", "&amp;") in html or line.description in html


def test_the_ledger_tracks_credibility_per_turn(eventful, report):
    replayed, after_turn = Game(eventful.scenario, eventful.seed), []
    for decision in eventful.decisions:
        replayed.apply(decision)
        if decision == Proceed("orders"):
            after_turn.append({a: s.stats["credibility"] for a, s in replayed.actors.items()})
    for ledger in report.ledgers:
        start = eventful.scenario.actor(ledger.actor).stats.credibility
        assert ledger.credibility == (start, *(values[ledger.actor] for values in after_turn))


def test_the_timeline_has_every_turn_with_actual_and_perceived_moves(eventful, report):
    assert [t.turn for t in report.timeline] == [r.turn for r in eventful.history]
    for entry, record in zip(report.timeline, eventful.history):
        assert {m.actor: m.move_id for m in entry.moves} == {a: o.move for a, o in record.orders.items()}
        for move in entry.moves:
            readings = {r.observer: r for r in move.readings}
            for p in record.perceptions:
                if p.actor == move.actor:
                    assert readings[p.observer].seen == (p.seen is not None)
                    assert readings[p.observer].perceived == p.perceived
        assert len(entry.messages) == sum(1 for e in eventful.envelopes if e.turn == record.turn)
    kinds = {h.kind for t in report.timeline for h in t.happenings}
    assert "red line" in kinds


def test_injects_are_shown_as_the_facilitator_s(cuban):
    game = Game(cuban, 5)
    inject = cuban.spec.injects[0]
    game.apply(Inject(inject.id))
    while not game.history and not game.is_over():
        if game.turn_phase == "orders":
            for actor in game.actor_ids:
                game.apply(random_order(game, actor, random.Random(7)))
        game.proceed()
    report = build_report(game)
    injected = [h for h in report.timeline[0].happenings if h.kind == "inject"]
    assert [h.text for h in injected] == [inject.news or inject.title]
    assert "Facilitator:\n- " + inline(inject.news or inject.title) in render_markdown(report)


def test_indicators_over_time(eventful, report):
    assert [row.turn for row in report.indicators] == [r.turn for r in eventful.history]
    for row, record in zip(report.indicators, eventful.history):
        assert sorted(row.levels) == sorted(record.indicators.values())


def test_metrics_are_counted_from_the_moves_tags(eventful, report):
    *actors, total = report.metrics
    moves = eventful.scenario.moves
    for row in actors:
        played = [moves[r.orders[row.actor].move] for r in eventful.history]
        assert row.escalation_incidents == sum(1 for m in played if {"strike", "buildup"} & set(m.tags))
        assert row.sanctions == sum(1 for m in played if "sanction" in m.tags)
        assert row.military_spending == sum(m.cost.economy for m in played if m.category == "military")
        assert row.messages == sum(1 for e in eventful.envelopes if e.message.sender == row.actor)
    assert total.actor is None
    assert total.messages == len(eventful.envelopes)
    assert total.agreements == sum(1 for a in eventful.agreements if len(set(a.parties)) >= 2)
    for name in ("escalation_incidents", "sanctions", "military_spending", "confidence_measures", "summits", "meetings"):
        assert getattr(total, name) == sum(getattr(row, name) for row in actors)


def test_a_broken_assurance_shows_in_timeline_ledger_and_questions(tutorial):
    game = Game(tutorial, 3)
    game.proceed()
    option = next(o for o in actor_view(game, "kestria").options
                  if o.available and o.move.escalation > 0 and (not o.move.targeted or "dornland" in o.targets))
    game.send(Message("kestria", "dornland", "assurance", "We will not.", move=option.move.id))
    game.proceed()
    game.order("kestria", option.move.id, "dornland" if option.move.targeted else None)
    game.order("dornland", "hold_position")
    game.proceed()
    report = build_report(game)
    (broken,) = [a for a in game.agreements if a.status == "broken"]
    promises = {p.id: p for ledger in report.ledgers for p in ledger.promises}
    assert promises[broken.id].broken_by == "kestria" and promises[broken.id].broken_turn == 1
    assert any(h.kind == "agreement" and "breaks an agreement" in h.text for h in report.timeline[0].happenings)
    assert "broke 1 of 1 commitment" in next(l for l in report.ledgers if l.actor == "kestria").verdict
    assert any("broke the commitment" in q for q in report.questions)
    assert report.metrics[-1].agreements == 0  # an assurance is not a signed agreement


def test_turning_points_name_the_largest_escalations_and_perception_gaps(eventful, report):
    jumps = [p for p in report.turning_points if p.kind == "escalation"]
    changes = sorted((r.rung_after - r.rung_before for r in eventful.history if r.rung_after > r.rung_before), reverse=True)
    assert len(jumps) == min(3, len(changes))
    largest = max(eventful.history, key=lambda r: r.rung_after - r.rung_before)
    assert largest.turn in [p.turn for p in jumps]
    gaps = [p for p in report.turning_points if p.kind == "perception"]
    gaps_by_turn = [(abs(v - r.rung_after), r.turn) for r in eventful.history for v in r.perceived_rung.values()]
    gaps_by_turn += [(abs(p.perceived - p.actual), r.turn) for r in eventful.history for p in r.perceptions if p.misread]
    widest = max(size for size, _ in gaps_by_turn)
    assert {turn for size, turn in gaps_by_turn if size == widest} & {p.turn for p in gaps}  # ties: any of them

    misreads = [p for p in gaps if "on the ladder when it was" in p.text]
    assert misreads
    assert all(" reading" in p.text.rsplit("(", 1)[1] for p in misreads)  # each says what made it noisy


def test_every_off_ramp_was_really_open(eventful, report):
    move_ramps = [(t, r) for t in report.timeline for r in t.off_ramps if r.kind == "move"]
    assert move_ramps
    for entry, ramp in move_ramps:
        record = eventful.history[entry.turn - 1]
        assert record.rung_after > record.rung_before and record.escalation[ramp.actor] > 0
        # replay to that turn's orders and look at what the actor could play
        branch = saves.fork_game(eventful, entry.turn)
        for decision in eventful.decisions[len(branch.decisions):]:
            if branch.turn_phase == "orders":
                break
            branch.apply(decision)
        calm = [o.move.name.lower() for o in actor_view(branch, ramp.actor).options if o.available and o.move.escalation < 0]
        assert calm and any(name in ramp.text for name in calm)


def test_a_refused_proposal_is_an_off_ramp(tutorial):
    game = Game(tutorial, 3)
    game.proceed()
    kestria, dornland = "kestria", "dornland"
    game.send(Message(dornland, kestria, "proposal", "Let us share the river.", ask=("shared_fishing",)))
    game.send(Message(kestria, dornland, "reject", "No.", reply_to=0))
    game.proceed()
    rng = random.Random(1)
    for actor in game.actor_ids:
        game.apply(random_order(game, actor, rng))
    game.proceed()
    offers = [r for r in build_report(game).timeline[0].off_ramps if r.kind == "offer"]
    assert len(offers) == 1 and offers[0].actor == kestria and "rejected" in offers[0].text
    assert "Open the upper Tessel fishing grounds" in offers[0].text


def test_discussion_questions_come_from_the_game(eventful, report):
    assert 3 <= len(report.questions) <= 8
    names = [a.name for a in report.actors]
    specific = [q for q in report.questions if any(n in q for n in names) or "turn" in q.lower()]
    assert len(specific) >= 3
    preemptive = next(m for t in report.timeline for m in t.moves if "preemptive" in m.tags)
    assert any(preemptive.move.lower() in q and "preventive" in q for q in report.questions)
    markdown = render_markdown(report)
    for question in report.questions:
        assert question.split(",")[0].split(".")[0] in markdown.split("## Questions for discussion")[1]


def test_the_markdown_has_every_section_in_order(report):
    markdown = render_markdown(report)
    positions = [markdown.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)
    assert markdown.startswith("# After-action report: ")


def test_the_html_is_self_contained_and_escapes_what_players_wrote(cuban):
    game = Game(cuban, 4)
    game.proceed()
    a, b = next((a, b) for a in game.actor_ids for b in game.actor_ids if a != b and game.channel(a, b) != "severed")
    game.send(Message(a, b, "statement", 'see https://example.org/x.png <script>alert("x")</script> & <img src=x>'))
    play_to_end(game)
    html = render_html(build_report(game))
    check_self_contained(html)
    assert "&lt;script&gt;" in html and "<script" not in html
    markdown = render_markdown(build_report(game))
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown  # HTML-escaped, as in the page


HOSTILE_NAME = 'Kestria <script>alert(1)</script> "><img src=x onerror=alert(2)>'
HOSTILE_NEWS = 'Dornish <script>alert(3)</script> television "><img src=x onerror=alert(4)>'


def test_scenario_text_is_escaped_in_the_page_and_its_charts():
    from tests.support import ROOT
    from wargame.scenario.loader import load_scenario_text

    text = (ROOT / "scenarios" / "tutorial.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Republic of Kestria", f"name: '{HOSTILE_NAME}'", 1)
    text = text.replace("Dornish television shows", HOSTILE_NEWS, 1)  # a folded block: no quoting
    scenario = load_scenario_text(text, "hostile.yaml")
    game = play_to_end(Game(scenario, 3))
    for html in (render_html(build_report(game)), render_comparison_html(build_comparison(game, play_to_end(
            Game(scenario, 4)), HOSTILE_NAME, "b"))):
        check_self_contained(html)
        assert "<script" not in html and "<img" not in html and "onerror=alert" in html
        assert escape(HOSTILE_NAME) in html
        charts = re.findall(r"<svg.*?</svg>", html, re.S)
        assert charts and any("&lt;script&gt;alert(1)&lt;/script&gt;" in chart for chart in charts)
    assert "&lt;script&gt;alert(3)&lt;/script&gt; television &#34;&gt;&lt;img" in render_html(build_report(game))


def test_the_eventful_report_is_self_contained(report):
    check_self_contained(render_html(report))


def test_building_the_report_changes_nothing_and_is_deterministic(eventful):
    before = full_state(eventful)
    first = build_report(eventful)
    assert full_state(eventful) == before
    assert build_report(eventful) == first
    assert render_html(first) == render_html(build_report(eventful))


def test_unfinished_and_unplayed_games_have_a_report(cuban):
    fresh = build_report(Game(cuban, 1))
    assert fresh.chart.points == () and fresh.outcome is None
    assert "no outcome yet" in render_markdown(fresh)
    check_self_contained(render_html(fresh))
    game = Game(cuban, 2)
    while len(game.history) < 2:
        if game.turn_phase == "orders":
            for actor in game.actor_ids:
                game.apply(random_order(game, actor, random.Random(len(game.decisions))))
        game.proceed()
    partial = build_report(game)
    assert len(partial.chart.points) == 2 and partial.outcome is None and "in progress" in partial.status
    check_self_contained(render_html(partial))


# ------------------------------------------------------------------ comparison


def branched(scenario, game: Game, turn: int) -> Game:
    """A fork at ``turn`` played on with random orders from another generator."""
    fork = saves.fork_game(game, turn)
    rng = random.Random(99)
    while not fork.is_over():
        if fork.turn_phase == "orders":
            for actor in fork.actor_ids:
                fork.apply(random_order(fork, actor, rng))
        fork.proceed()
    return fork


def test_compare_starts_at_the_divergence_turn(cuban, eventful):
    fork = branched(cuban, eventful, 4)
    comparison = build_comparison(eventful, fork, "original", "branch")
    assert comparison.divergence_turn == 4
    assert comparison.rows[0].turn == 4
    assert [row.turn for row in comparison.rows] == list(range(4, max(len(eventful.history), len(fork.history)) + 1))
    shared = comparison.shared_decisions
    assert shared >= len(saves.fork_game(eventful, 4).decisions)
    assert eventful.decisions[:shared] == fork.decisions[:shared] and eventful.decisions[shared] != fork.decisions[shared]
    markdown = render_comparison_markdown(comparison)
    turn_sections = re.findall(r"^### Turn (\d+):", markdown, re.M)
    assert turn_sections[0] == "4" and len(turn_sections) == len(comparison.rows)
    assert "on turn 4" in markdown
    html = render_comparison_html(comparison)
    check_self_contained(html)
    assert re.findall(r'<section class="turn" id="turn-(\d+)"', html)[0] == "4"
    assert html.count('<circle class="branch-a"') == len(eventful.history)
    assert html.count('<circle class="branch-b"') == len(fork.history)


def test_compare_through_the_command_line(cuban, eventful, tmp_path, capsys):
    saves.save_game(eventful, tmp_path / "a.json")
    saves.save_game(branched(cuban, eventful, 3), tmp_path / "b.json")
    code, out, _ = run_cli(capsys, "debrief", str(tmp_path / "a.json"), "--compare", str(tmp_path / "b.json"))
    assert code == 0 and out.startswith("# Two branches of") and re.findall(r"^### Turn (\d+):", out, re.M)[0] == "3"
    code, out, _ = run_cli(capsys, "debrief", str(tmp_path / "a.json"), "--compare", str(tmp_path / "a.json"))
    assert code == 0 and "the same game" in out


def test_compare_refuses_games_of_different_scenarios(cuban, tutorial, tmp_path, capsys):
    saves.save_game(Game(cuban, 1), tmp_path / "a.json")
    saves.save_game(Game(tutorial, 1), tmp_path / "b.json")
    code, out, err = run_cli(capsys, "debrief", str(tmp_path / "a.json"), "--compare", str(tmp_path / "b.json"))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "cannot compare a.json and b.json: they are games of different scenarios" in err
    with pytest.raises(CompareError):
        build_comparison(Game(cuban, 1), Game(tutorial, 1))


def test_different_seeds_diverge_from_the_first_turn(cuban):
    a, b = play_to_end(Game(cuban, 1)), play_to_end(Game(cuban, 2))
    comparison = build_comparison(a, b)
    assert comparison.divergence_turn == 1 and "seeds differ" in comparison.divergence


# ------------------------------------------------------------------ the command


def test_debrief_command_writes_markdown_or_html(eventful, tmp_path, capsys):
    save = tmp_path / "game.json"
    saves.save_game(eventful, save)
    code, out, _ = run_cli(capsys, "debrief", str(save))
    assert code == 0 and out == render_markdown(build_report(eventful))
    code, out, _ = run_cli(capsys, "debrief", str(save), "-o", str(tmp_path / "report.html"))
    assert code == 0 and (tmp_path / "report.html").read_text(encoding="utf-8") == render_html(build_report(eventful))
    code, out, _ = run_cli(capsys, "debrief", str(save), "--format", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>")
    code, out, _ = run_cli(capsys, "debrief", str(save), "--format", "md", "-o", str(tmp_path / "r.txt"))
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("# After-action report")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_debrief_output_to_a_missing_folder_is_one_line(eventful, tmp_path, capsys):
    save = tmp_path / "game.json"
    saves.save_game(eventful, save)
    code, _, err = run_cli(capsys, "debrief", str(save), "-o", str(tmp_path / "no" / "such" / "r.md"))
    assert code == 1 and err.startswith("wargame: error: cannot write") and err.count("\n") == 1


def test_calming_moves_are_counted_at_face_value_and_as_the_ladder_counted_them(eventful, report):
    """The metric behind "talk is cheap": each side's calming moves, at face value and as the ladder counted them."""
    moves = eventful.scenario.moves
    for row in report.metrics[:-1]:
        played = [(moves[r.orders[row.actor].move], r.escalation[row.actor]) for r in eventful.history]
        assert row.calming_weight == sum(-m.escalation for m, _ in played if m.escalation < 0)
        assert row.calming_counted == pytest.approx(sum(-counted for m, counted in played if m.escalation < 0), abs=0.01)
    assert any(row.calming_share is not None and row.calming_share < 1 for row in report.metrics)
    markdown = render_markdown(report)
    assert "Calming moves: counted of face value" in markdown
    discounted = [m for entry in report.timeline for m in entry.moves if round(m.escalation, 1) != m.weight]
    assert discounted, "no move in this game was counted otherwise than its weight"
    assert discounted[0].escalation_words in markdown and " of its " in discounted[0].escalation_words


def test_gestures_that_hardly_counted_raise_a_question(repeated_concessions):
    """A side that repeats one concession four turns running sees most of it discounted, and the class is asked why."""
    report = build_report(repeated_concessions(4))
    kestria = next(m for m in report.metrics if m.actor == "kestria")
    assert kestria.calming_weight == 8 and kestria.calming_share < 0.5
    assert any(q.startswith("Republic of Kestria's calming moves were worth ▼8") for q in report.questions)
