"""The tag vocabulary: one meaning per tag, documented, and naming only things the rules know."""

from dataclasses import fields
from typing import get_args

import pytest

from tests.support import ROOT
from wargame.debrief.model import Metrics
from wargame.engine.indicators import INDICATORS
from wargame.scenario.model import Doctrine, Move
from wargame.scenario.tags import MEANINGS, NEEDS_CHANNEL, Tag, vocabulary_table

FORMAT_DOC = ROOT / "docs" / "scenario-format.md"


def test_every_tag_has_a_meaning() -> None:
    assert list(MEANINGS) == list(Tag)


def test_the_format_document_holds_the_vocabulary_table() -> None:
    assert vocabulary_table() in FORMAT_DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("tag", list(Tag))
def test_every_tag_is_documented(tag: Tag) -> None:
    assert f"| `{tag}` |" in FORMAT_DOC.read_text(encoding="utf-8")


def test_meanings_name_only_known_indicators_metrics_and_doctrines() -> None:
    metrics = {f.name for f in fields(Metrics)}
    for meaning in MEANINGS.values():
        assert meaning.indicator is None or meaning.indicator in INDICATORS
        assert meaning.metric is None or meaning.metric in metrics
        assert set(meaning.likings) <= set(get_args(Doctrine))


def test_tags_load_from_their_spellings_and_compare_equal_to_them() -> None:
    move = Move.model_validate({"id": "talks", "name": "Talks", "category": "diplomatic", "tags": ["engagement"]})
    assert move.tags == [Tag.ENGAGEMENT] == ["engagement"]
    assert move.category == "diplomatic"
    assert "engagement" in NEEDS_CHANNEL
