"""The README's commands work from any clone: every path they use is in the repository or comes
from a variable the README tells the reader to set."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_scoring_commands_take_the_question_sets_path_and_say_where_they_live():
    section = README.split("Scoring the assistant", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    assert "not in this repository" in section.split("```", 1)[0] and "dev.jsonl" in section
    assert re.search(r"^EVAL=", block, re.M), "the block sets the folder it reads"
    for path in re.findall(r"[\w.$\"{}/-]*/[\w.$\"{}/-]+", block.split("\n", 1)[1]):
        path = path.strip('"')
        assert path.startswith(("$EVAL/", ".venv/")), f"{path} exists only in one workspace"
