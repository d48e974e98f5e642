// The marking widget's text: draws words and marks, reports clicks and keys. Python keeps all state and
// logic (widgets/views/marking.py); this file only draws what the model says and sends events back.
// A click is drawn at once (a kernel round trip takes about 50 ms, too slow to feel immediate); when
// the model's new state arrives, the drawing is made to match it exactly, so Python stays the truth.
// Every piece of article text reaches the page through textContent / text nodes, never as markup.

const INVISIBLE = {
  "\u200b": "[ZWSP]", "\u200c": "[ZWNJ]", "\u200d": "[ZWJ]", "\u2060": "[WJ]", "\ufeff": "[BOM]",
  "\u202e": "[RLO]", "\u202d": "[LRO]", "\u2066": "[LRI]", "\u2067": "[RLI]", "\u2068": "[FSI]",
  "\u2069": "[PDI]", "\u202a": "[LRE]", "\u202b": "[RLE]", "\u202c": "[PDF]",
};
const INVISIBLE_RE = /[\u200b\u200c\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/;
const FLAG_CLASSES = [[1, "ml-you-cmp"], [2, "ml-tool"], [4, "ml-key"], [8, "ml-keyno"]];
const FLAG_WORDS = [[1, "you"], [2, "the tool"], [4, "the key"], [8, "the key does not count it"]];

// Append text to a parent, showing invisible and direction-changing characters as visible tags.
function appendText(parent, text) {
  if (!INVISIBLE_RE.test(text)) {
    parent.appendChild(document.createTextNode(text));
    return;
  }
  let run = "";
  for (const ch of text) {
    const tag = INVISIBLE[ch];
    if (tag) {
      if (run) parent.appendChild(document.createTextNode(run));
      run = "";
      const span = document.createElement("span");
      span.className = "ml-invisible";
      span.title = "invisible character";
      span.textContent = tag;
      parent.appendChild(span);
    } else {
      run += ch;
    }
  }
  if (run) parent.appendChild(document.createTextNode(run));
}

function render({ model, el }) {
  const uid = "mlw" + Math.random().toString(36).slice(2, 10);
  const area = document.createElement("div");
  area.className = "ml-text ml-marking-text mathjax_ignore";
  area.tabIndex = 0;
  area.setAttribute("role", "listbox");
  area.setAttribute("aria-multiselectable", "true");
  // Keys pressed in the text are the widget's, not JupyterLab's (no "D, D" deleting the cell).
  area.setAttribute("data-lm-suppress-shortcuts", "true");
  el.classList.add("ml-marking");
  el.appendChild(area);

  let spans = [];
  let shownMarked = new Set();
  let shownFlags = [];
  let labelEls = [];
  let cursor = 0;
  let scheduled = false;

  function build() {
    scheduled = false;
    const text = model.get("text");
    const words = model.get("words");
    const frag = document.createDocumentFragment();
    spans = [];
    let pos = 0;
    words.forEach(([s, e], i) => {
      if (s > pos) appendText(frag, text.slice(pos, s));
      const w = document.createElement("span");
      w.className = "ml-word";
      w.id = uid + "-" + i;
      w.dataset.i = String(i);
      w.setAttribute("role", "option");
      w.setAttribute("aria-selected", "false");
      appendText(w, text.slice(s, e));
      frag.appendChild(w);
      spans.push(w);
      pos = e;
    });
    if (pos < text.length) appendText(frag, text.slice(pos));
    area.replaceChildren(frag);
    shownMarked = new Set();
    shownFlags = [];
    labelEls = [];
    drawMarks();
    drawFlags();
    drawLabels();
    drawCursor(model.get("cursor"), false);
    area.setAttribute("aria-label", model.get("description"));
  }

  function scheduleBuild() {
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(build);
    }
  }

  // Draw a change before the kernel confirms it (the next "marked" from Python corrects any difference).
  function drawAhead(indices, on) {
    for (const i of indices) {
      const w = spans[i];
      if (!w) continue;
      const mark = on === null ? !w.classList.contains("ml-you") : on;
      w.classList.toggle("ml-you", mark);
      w.setAttribute("aria-selected", mark ? "true" : "false");
      if (mark) shownMarked.add(i);
      else shownMarked.delete(i);
    }
  }

  function drawMarks() {
    area.dataset.synced = String(Number(area.dataset.synced || 0) + 1);
    const now = new Set(model.get("marked"));
    for (const i of shownMarked) {
      if (!now.has(i) && spans[i]) {
        spans[i].classList.remove("ml-you");
        spans[i].setAttribute("aria-selected", "false");
      }
    }
    for (const i of now) {
      if (!shownMarked.has(i) && spans[i]) {
        spans[i].classList.add("ml-you");
        spans[i].setAttribute("aria-selected", "true");
      }
    }
    shownMarked = now;
  }

  function drawFlags() {
    const flags = model.get("flags");
    area.classList.toggle("ml-comparing", flags.length > 0);
    const n = Math.max(flags.length, shownFlags.length);
    for (let i = 0; i < n && i < spans.length; i++) {
      const f = flags[i] || 0;
      if (f === (shownFlags[i] || 0)) continue;
      for (const [bit, cls] of FLAG_CLASSES) spans[i].classList.toggle(cls, (f & bit) !== 0);
      const who = FLAG_WORDS.filter(([bit]) => (f & bit) !== 0).map(([, w]) => w);
      if (who.length) spans[i].title = "marked by: " + who.join(", ");
      else spans[i].removeAttribute("title");
    }
    shownFlags = flags.slice();
  }

  function drawLabels() {
    for (const l of labelEls) l.remove();
    labelEls = [];
    for (const [i, text] of model.get("labels")) {
      const w = spans[i];
      if (!w) continue;
      const label = document.createElement("span");
      label.className = "ml-label";
      label.setAttribute("aria-hidden", "true");
      label.textContent = text;
      w.after(label);
      labelEls.push(label);
    }
  }

  function drawCursor(i, scroll) {
    if (spans[cursor]) spans[cursor].classList.remove("ml-cursor");
    cursor = Math.max(0, Math.min(i, spans.length - 1));
    const w = spans[cursor];
    if (!w) {
      area.removeAttribute("aria-activedescendant");
      return;
    }
    w.classList.add("ml-cursor");
    area.setAttribute("aria-activedescendant", w.id);
    if (scroll) w.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  function moveTo(i) {
    drawCursor(i, true);
    model.set("cursor", cursor);
    model.save_changes();
  }

  function send(content) {
    if (content.kind === "toggle") drawAhead([content.index], null);
    else if (content.kind === "range") {
      const all = [];
      for (let i = content.first; i <= content.last; i++) all.push(i);
      drawAhead(all, true);
    }
    model.send(content);
  }

  function onKeydown(event) {
    if (!spans.length) return;
    const key = event.key;
    let handled = true;
    if (key === "ArrowRight" || key === "ArrowLeft") {
      const step = key === "ArrowRight" ? 1 : -1;
      const next = Math.max(0, Math.min(cursor + step, spans.length - 1));
      if (event.shiftKey) {
        send({ kind: "range", first: Math.min(cursor, next), last: Math.max(cursor, next) });
      }
      moveTo(next);
    } else if (key === "Home") {
      moveTo(0);
    } else if (key === "End") {
      moveTo(spans.length - 1);
    } else if (key === " " || key === "Spacebar" || key === "Enter") {
      send({ kind: "toggle", index: cursor });
    } else if (key === "Escape") {
      area.blur();
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  function wordOf(node) {
    const elem = node && (node.nodeType === 1 ? node : node.parentElement);
    const w = elem && elem.closest ? elem.closest(".ml-word") : null;
    return w && area.contains(w) ? Number(w.dataset.i) : null;
  }

  let downAt = null;
  function onMousedown(event) {
    downAt = wordOf(event.target);
  }

  function onMouseup(event) {
    const upAt = wordOf(event.target);
    const selection = window.getSelection();
    let first = null;
    let last = null;
    if (selection && !selection.isCollapsed && area.contains(selection.anchorNode)) {
      const a = wordOf(selection.anchorNode);
      const b = wordOf(selection.focusNode);
      if (a !== null && b !== null && a !== b) {
        first = Math.min(a, b);
        last = Math.max(a, b);
      }
    }
    if (first === null && downAt !== null && upAt !== null && downAt !== upAt) {
      first = Math.min(downAt, upAt);
      last = Math.max(downAt, upAt);
    }
    if (first !== null) {
      send({ kind: "range", first, last });
      if (selection) selection.removeAllRanges();
      moveTo(last);
    } else if (upAt !== null && upAt === downAt) {
      send({ kind: "toggle", index: upAt });
      moveTo(upAt);
    }
    downAt = null;
    area.focus({ preventScroll: true });
  }

  area.addEventListener("keydown", onKeydown);
  area.addEventListener("mousedown", onMousedown);
  area.addEventListener("mouseup", onMouseup);

  const onText = () => scheduleBuild();
  const onMarked = () => { if (!scheduled) drawMarks(); };
  const onFlags = () => { if (!scheduled) drawFlags(); };
  const onLabels = () => { if (!scheduled) drawLabels(); };
  const onCursor = () => { if (!scheduled && model.get("cursor") !== cursor) drawCursor(model.get("cursor"), false); };
  const onDescription = () => area.setAttribute("aria-label", model.get("description"));
  const handlers = [
    ["change:text", onText], ["change:words", onText], ["change:marked", onMarked], ["change:flags", onFlags],
    ["change:labels", onLabels], ["change:cursor", onCursor], ["change:description", onDescription],
  ];
  for (const [name, handler] of handlers) model.on(name, handler);
  build();

  return () => {
    for (const [name, handler] of handlers) model.off(name, handler);
    area.removeEventListener("keydown", onKeydown);
    area.removeEventListener("mousedown", onMousedown);
    area.removeEventListener("mouseup", onMouseup);
  };
}

export default { render };
