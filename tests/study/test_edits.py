"""Experiments are edits of a scenario's data, loaded by the ordinary loader."""

from __future__ import annotations

import pytest
import yaml

from wargame.scenario.loader import load_scenario_text
from wargame.simulation import play_one
from wargame.study import edits
from wargame.study.edits import UNANSWERED, Edit, NotApplicable


def test_an_edit_that_changes_nothing_plays_the_same_games(tutorial):
    unchanged = Edit("none", "nothing", lambda data, scenario: None).apply(tutorial)
    assert unchanged.text != tutorial.text  # written back as YAML ...
    assert [play_one(unchanged, i, i) for i in range(3)] == [play_one(tutorial, i, i) for i in range(3)]  # ... same games


def test_channels_edit_sets_every_channel_between_the_sides(cuban):
    edited = edits.set_channels("hotline").apply(cuban)
    assert edited.actor("usa").channels["ussr"] == "hotline"
    assert edited.actor("ussr").channels["cuba"] == "hotline"
    assert edited.actor("usa").channels["un"] == "open"  # the mediator is left alone


def test_the_edit_is_shown_as_yaml_an_author_can_load(tutorial):
    edit = edits.set_channels("severed")
    shown = yaml.safe_load(edit.shown(tutorial))
    assert shown == {"actors": [{"id": "kestria", "channels": {"dornland": "severed"}},
                                {"id": "dornland", "channels": {"kestria": "severed"}}]}
    assert load_scenario_text(edits.dump(edit.data(tutorial))).actor("kestria").channels["dornland"] == "severed"


def test_withholding_tagged_moves_removes_them_from_every_actor(tutorial):
    edited = edits.withhold_tagged("cbm", "transparency").apply(tutorial)
    for actor in edited.actor_ids:
        assert not [m.id for m in edited.moves_for(actor) if {"cbm", "transparency"} & set(m.tags)]
    assert [m.id for m in tutorial.moves_for("kestria") if "cbm" in m.tags]  # there was something to withhold


def test_red_lines_can_be_declared_or_hidden(tutorial):
    hidden = edits.declare_red_lines(False).apply(tutorial)
    assert not any(line.declared for actor in hidden.spec.actors for line in actor.red_lines)
    shown = edits.declare_red_lines(True).apply(tutorial)
    assert all(line.declared for actor in shown.spec.actors for line in actor.red_lines)


def test_never_answered_lines_name_a_move_nobody_may_play(tutorial):
    edited = edits.never_answer().apply(tutorial)
    assert all(line.response == [UNANSWERED] for actor in edited.spec.actors for line in actor.red_lines)
    assert all(UNANSWERED not in [m.id for m in edited.moves_for(actor)] for actor in edited.actor_ids)


def test_mediators_are_cut_off_where_there_are_some(cuban, tutorial):
    edited = edits.cut_off_mediators().apply(cuban)
    assert edited.actor("un").channels["usa"] == "severed"
    assert edited.actor("cuba").channels["un"] == "severed"
    with pytest.raises(NotApplicable, match="no mediator"):
        edits.cut_off_mediators().apply(tutorial)
