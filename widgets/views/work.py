"""WorkSaver: buttons to save your checked answers, notes and marks to a file you download, and to load them back.

>>> saver = WorkSaver(filename="/tmp/medialit-doctest-work.json")
>>> saver.save_button.description
'Save my work'
"""
from __future__ import annotations

import base64
from pathlib import Path

import ipywidgets as W

from .. import exercises
from ..render import escape


class WorkSaver(W.VBox):
    """Save: writes the file and shows a download link. Load: upload a file saved earlier.

    The messages name the buttons (a student using them never typed ``save_work()``).
    """

    def __init__(self, *, filename: str = "my-medialit-work.json"):
        self.filename = filename
        self.name = W.Text(description="Your name:", placeholder="for your teacher (optional)",
                           tooltip="Saved in the file so your teacher knows whose work it is")
        self.save_button = W.Button(description="Save my work", icon="save", tooltip="Save answers, notes and marks to a file")
        self.upload = W.FileUpload(accept=".json", multiple=False, description="Load saved work")
        self.status = W.HTML()
        self.errors = W.Output()
        self.save_button.on_click(self._on_save)
        self.upload.observe(self._on_upload, names="value")
        super().__init__([W.HBox([self.name, self.save_button, self.upload]), self.status, self.errors])

    def save(self) -> str:
        """Save to the file and show a link that downloads the same content to this computer (never raises)."""
        message = exercises.save_work(self.filename, name=self.name.value.strip() or None, _made_by="button")
        link = ""
        path = Path(self.filename)
        if message.startswith("Saved"):
            try:
                payload = base64.b64encode(path.read_bytes()).decode("ascii")
            except OSError:
                payload = ""
            if payload:
                name = escape(path.name)
                link = (f"<p><a download=\"{name}\" href=\"data:application/json;base64,{payload}\">"
                        f"Download {name} now</a></p>")
        self.status.value = f"<p>{escape(message)}</p>{link}"
        return message

    def load_bytes(self, content: bytes, name: str = "uploaded.json") -> str:
        """Load work from the bytes of an uploaded file.

        A copy of a saved-work file is kept next to the notebook (``uploaded-NAME``); anything else is
        refused with a message, and no copy of it is kept.
        """
        work = exercises.read_work(content)
        if work.ok:
            target = Path(self.filename).with_name("uploaded-" + Path(name).name)
            try:
                target.write_bytes(content)
            except OSError:
                pass  # the copy is a convenience: the work is loaded from memory either way
        message = exercises.load_work_content(content, name, _made_by="button")
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
