"""Timeline: merging dated mentions across sources, and order (hand-built records)."""

from __future__ import annotations

from itertools import count

from newsprism.compare.timeline import TimelineOptions, merge_mentions
from newsprism.extract.number_records import DatedMention, DateHow, SpanCitation

_SENTENCES: dict[tuple[str, str], int] = {}
_NUMBERS = count()


def mention(
    article: str, text: str, date: str | None, how: DateHow = "weekday", date_text: str = "Tuesday"
) -> DatedMention:
    """A mention in its own sentence; the same text in the same article is the same sentence."""
    sentence = _SENTENCES.setdefault((article, text), next(_NUMBERS))
    return DatedMention(
        date=date,
        date_text=date_text,
        resolved=date is not None,
        how=how if date is not None else "unresolved",
        citation=SpanCitation(article_id=article, sentence=sentence, start=0, end=len(text), text=text),
        date_start=0,
        date_end=len(date_text),
    )


def test_same_date_and_similar_sentence_is_one_event_cited_by_both() -> None:
    entries = merge_mentions(
        [
            mention("a", "Stoltenberg said on Tuesday there was no sign of de-escalation.", "2022-02-15"),
            mention("b", "On Tuesday Stoltenberg said NATO saw no sign of de-escalation.", "2022-02-15"),
        ],
        TimelineOptions(),
    )
    assert len(entries) == 1
    assert [c.article_id for c in entries[0].citations] == ["a", "b"]
    assert entries[0].text.startswith("Stoltenberg said")


def test_different_dates_or_different_events_stay_apart() -> None:
    same_words = "Stoltenberg said there was no sign of de-escalation."
    assert (
        len(
            merge_mentions(
                [mention("a", same_words, "2022-02-15"), mention("b", same_words, "2022-02-16")], TimelineOptions()
            )
        )
        == 2
    )
    other = mention("b", "Biden said on Tuesday the claim was unconfirmed.", "2022-02-15")
    assert len(merge_mentions([mention("a", same_words, "2022-02-15"), other], TimelineOptions())) == 2


def test_resolved_by_date_then_unresolved_in_text_order() -> None:
    entries = merge_mentions(
        [
            mention("a", "Talks end on Sunday.", None, date_text="Sunday"),
            mention("a", "Crimea was annexed in 2014.", "2014", how="absolute", date_text="2014"),
            mention("a", "Troops left on Tuesday.", "2022-02-15"),
            mention("b", "Talks began on Monday.", None, date_text="Monday"),
        ],
        TimelineOptions(),
    )
    assert [e.date or e.date_text for e in entries] == ["2014", "2022-02-15", "Sunday", "Monday"]
    assert [e.how for e in entries] == ["absolute", "weekday", "unresolved", "unresolved"]


def test_a_sentence_is_placed_once_by_its_most_precise_date_and_fragments_not_at_all() -> None:
    text = "There will be no escalation next week or next month, he said in 2022."
    entries = merge_mentions(
        [
            mention("a", text, None, date_text="next week"),
            mention("a", text, None, date_text="next month"),
            mention("a", text, "2022", how="absolute", date_text="2022"),
            mention("b", "Wednesday”.", None, date_text="Wednesday"),
        ],
        TimelineOptions(),
    )
    assert [(e.date_text, [c.article_id for c in e.citations]) for e in entries] == [("2022", ["a"])]
