"""lessons/ is generated from solutions/: check that it is in step, and that the generator is right."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat

from widgets.notebooks import lesson_source, make_lesson, out_of_step

ROOT = Path(__file__).resolve().parents[1]


def test_lessons_are_in_step_with_solutions():
    problems = out_of_step(ROOT)
    assert not problems, "\n".join(problems) + "\nFix: run `medialit build-lessons` and commit lessons/."


def test_every_lesson_has_goals_time_exercises_limits_and_next_steps():
    for path in sorted((ROOT / "lessons").glob("*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        text = "\n".join(c.source for c in cells if c.cell_type == "markdown")
        for needed in ("you will learn", "Time needed", "Where th", "Next steps"):
            assert needed in text, f"{path.name} has no '{needed}' section"
        # Exercises a student can check in the notebook: numbered in the prose, checked in code.
        checks = [c for c in cells if c.cell_type == "code" and re.search(r"\bcheck(_\w+)?\(", c.source)]
        assert len(checks) >= 3, f"{path.name} has fewer than three checkable exercises"
        assert re.search(r"\*\*\d\.\d+\*\*", text), f"{path.name} numbers no exercise like **1.2**"


def test_no_solution_reaches_a_lesson():
    for path in sorted((ROOT / "lessons").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            assert "BEGIN SOLUTION" not in cell.source and "END SOLUTION" not in cell.source
            assert "teacher" not in cell.get("metadata", {}).get("tags", [])


def test_placeholders_keep_variable_names_and_indentation():
    source = "if True:\n    ### BEGIN SOLUTION\n    answer = 3\n    other = 4\n    ### END SOLUTION\n    print(answer)"
    assert lesson_source(source) == (
        "if True:\n    answer = ...  # YOUR ANSWER HERE\n    other = ...  # YOUR ANSWER HERE\n    print(answer)"
    )
    assert lesson_source("### BEGIN SOLUTION\nprint(1)\n### END SOLUTION") == "# YOUR CODE HERE\npass"


def test_teacher_cells_removed_and_exercise_outputs_cleared():
    nb = nbformat.v4.new_notebook()
    teacher = nbformat.v4.new_markdown_cell("Teacher note")
    teacher.metadata["tags"] = ["teacher"]
    exercise = nbformat.v4.new_code_cell("### BEGIN SOLUTION\nanswer = 1\n### END SOLUTION")
    exercise.outputs = [nbformat.v4.new_output("stream", text="1")]
    plain = nbformat.v4.new_code_cell("print(2)")
    plain.outputs = [nbformat.v4.new_output("stream", text="2")]
    nb.cells = [teacher, exercise, plain]
    lesson = make_lesson(nb)
    assert [c.source for c in lesson.cells] == ["answer = ...  # YOUR ANSWER HERE", "print(2)"]
    assert lesson.cells[0].outputs == [] and lesson.cells[0].metadata["tags"] == ["exercise"]
    assert lesson.cells[1].outputs  # other outputs kept
    assert len(nb.cells) == 3  # the solution notebook itself is not changed


def _lesson_markdown(name: str) -> str:
    path = next((ROOT / "lessons").glob(f"{name}-*.ipynb"))
    return "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")


def test_no_teacher_material_in_a_student_lesson():
    """Teacher demos (editing data/, error messages of teacher files) live in the teacher guide or in
    cells tagged ``teacher`` of solutions/, which build-lessons leaves out."""
    for path in sorted((ROOT / "lessons").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            headings = [line for line in cell.source.splitlines() if line.startswith("#")]
            assert not any("teacher" in h.lower() for h in headings), f"{path.name}: {headings}"
            if cell.cell_type == "code":
                assert "LexiconError" not in cell.source and "parse_lexicon" not in cell.source, path.name


def test_lesson_times_are_the_same_everywhere_and_optional_parts_are_marked():
    """A reader new to the material takes about 60 minutes for lessons 02-04 (issue 13): the README, the
    teacher guide and each lesson say so, and each lesson marks what a 45-minute class can leave out."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    for name in ("02", "03", "04"):
        text = _lesson_markdown(name)
        minutes = int(re.search(r"\*\*Time needed:\*\* about (\d+) minutes", text).group(1))
        assert minutes >= 60, f"lesson {name} says {minutes} minutes"
        assert re.search(rf"lessons/{name}-[\w-]+\.ipynb` \| [^|]+ \| {minutes} min\*? \|", readme), name
        assert re.search(rf"\| {name} · [^|]+ \| [^|]+ \| {minutes} min \(45 without the \*Optional\* parts\) \|", guide), name
        assert "45-minute class, leave out the parts marked **Optional**" in text
        assert text.count("**Optional**") + text.count("*(Optional.)*") >= 2, f"lesson {name} marks nothing optional"
