"""Every ```pycon transcript on a page shows what the REPL shows (tests/checker/transcripts.py),
on each Python of the run its `python="..."` tag (if any) is for."""

from __future__ import annotations

import pytest
from checker.pythons import Python, no_python_for, per_python
from checker.transcripts import Transcript, find_transcripts, run_transcript

TRANSCRIPTS = find_transcripts()


@pytest.mark.parametrize(
    ("transcript", "python"),
    list(per_python(TRANSCRIPTS, lambda t: t.fence.settings.get("python"), lambda t: t.name)),
)
def test_transcript(transcript: Transcript, python: Python | None, record_property):
    if python is None:
        no_python_for(transcript.fence.settings["python"], transcript.name)
    record_property("python", python.name)
    if problems := run_transcript(transcript, python.path):
        pytest.fail(f"on Python {python.name}:\n" + "\n".join(problems), pytrace=False)
