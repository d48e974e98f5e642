"""WorkSaver: buttons to save your checked answers and notes to a file you download, and to load them back.

>>> saver = WorkSaver(filename="/tmp/medialit-doctest-work.json")
>>> saver.save_button.description
'Save my work'
"""
from __future__ import annotations

import base64
import json
from pathlib import Path

import ipywidgets as W

from .. import exercises
from ..render import escape


class WorkSaver(W.VBox):
    """Save: writes the file and shows a download link. Load: upload a file saved earlier."""

    def __init__(self, *, filename: str = "my-medialit-work.json"):
        self.filename = filename
        self.save_button = W.Button(description="Save my work", icon="save", tooltip="Save answers and notes to a file")
        self.upload = W.FileUpload(accept=".json", multiple=False, description="Load saved work")
        self.status = W.HTML()
        self.errors = W.Output()
        self.save_button.on_click(self._on_save)
        self.upload.observe(self._on_upload, names="value")
        super().__init__([W.HBox([self.save_button, self.upload]), self.status, self.errors])

    def save(self) -> str:
        """Save to the file and show a link that downloads the same content to this computer."""
        message = exercises.save_work(self.filename)
        payload = base64.b64encode(Path(self.filename).read_bytes()).decode("ascii")
        name = escape(Path(self.filename).name)
        self.status.value = (f"<p>{escape(message)}</p><p><a download=\"{name}\" "
                             f"href=\"data:application/json;base64,{payload}\">Download {name} now</a></p>")
        return message

    def load_bytes(self, content: bytes, name: str = "uploaded.json") -> str:
        """Load work from the bytes of an uploaded file (a copy is written next to the notebook first)."""
        target = Path(self.filename).with_name("uploaded-" + Path(name).name)
        try:
            json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            message = f"{name} is not a saved-work file (it cannot be read as JSON). Choose the file that Save made."
        else:
            target.write_bytes(content)
            message = exercises.load_work(target)
        self.status.value = f"<p>{escape(message)}</p>"
        return message

    def _on_save(self, _button) -> None:
        with self.errors:
            self.save()

    def _on_upload(self, change) -> None:
        with self.errors:
            for item in change["new"]:
                self.load_bytes(bytes(item["content"]), item["name"])


__all__ = ["WorkSaver"]
