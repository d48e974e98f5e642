"""More stories to compare: small sets of articles about one event, each in its own folder
``data/stories/<story-id>/`` laid out like the kit's data folder (``articles/*.txt`` and an
``articles.csv`` of data cards with the columns ``story``, ``licence`` and ``source_url``).

The kit ships one, a practice story **made up for the kit**: three short reports of an invented
school board's phone ban, in the voices of three invented outlets (a news agency, a local paper that
leaves the protest out, a partisan website), with things planted for students to find (see
``data/README.md``). No real, openly licensed set ships: the kit was built with no internet access,
and the only copies of openly licensed news at hand were stored web pages whose terms forbid copying
them word for word. A teacher can add a real set as one more folder and check it with
``medialit check data/stories/<story-id>``.

The default corpus (``data/articles/``, Xi Jinping's visit to Moscow) is not a story folder: load it
with :func:`widgets.corpus.load_corpus` as always.

>>> list_stories()
('practice-phone-ban',)
>>> practice = load_story("practice-phone-ban")
>>> len(practice), story_name(practice)
(3, "Practice story: Quillhaven's school board bans phones (made up for this kit)")
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .errors import KitError
from .wording import did_you_mean, plural

STORIES_FOLDER = "stories"


def stories_dir(data_dir=None) -> Path:
    """The folder that holds the story folders (``data/stories``).

    >>> stories_dir().name, stories_dir().is_dir()
    ('stories', True)
    >>> stories_dir("/some/data").as_posix()
    '/some/data/stories'
    """
    from .corpus import default_data_dir

    return (Path(data_dir) if data_dir is not None else default_data_dir()) / STORIES_FOLDER


def list_stories(data_dir=None) -> tuple[str, ...]:
    """The ids of the stories in the data folder (folder names, sorted).

    >>> list_stories()
    ('practice-phone-ban',)
    >>> import tempfile
    >>> list_stories(tempfile.mkdtemp())   # a data folder with no stories/
    ()
    """
    folder = stories_dir(data_dir)
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.name for p in folder.iterdir() if (p / "articles").is_dir()))


def load_story(story_id: str, *, data_dir=None, warn: bool = True):
    """Load one story's articles and data cards (a :class:`~widgets.corpus.Corpus`).

    Raises :class:`~widgets.errors.KitError` naming the stories there are when ``story_id`` is not one.

    >>> load_story("moon-landing")
    Traceback (most recent call last):
    ...
    widgets.errors.KitError: There is no story called "moon-landing". Fix: Use one of: practice-phone-ban.
    """
    from .corpus import load_corpus

    known = list_stories(data_dir)
    if story_id not in known:
        raise KitError(f'There is no story called "{story_id}".{did_you_mean(story_id, known)}',
                       fix=f"Use one of: {', '.join(known)}." if known else
                       f"Put a story folder (articles/ and articles.csv) in {stories_dir(data_dir)}.")
    return load_corpus(stories_dir(data_dir) / story_id, warn=warn)


def article_names(articles: Sequence, names: Sequence[str] | None = None, *, what: str = "compare()") -> tuple[str, ...]:
    """What to call each of a group of articles in results: ``names`` when given (one per article, all
    different), else the article ids. ``what`` names the function in the error.

    >>> from widgets.corpus import article_from_text
    >>> article_names([article_from_text("One.", id="a"), article_from_text("Two.", id="b")])
    ('a', 'b')
    >>> article_names([article_from_text("One.", id="a")], ["x", "y"], what="who_is_quoted()")
    Traceback (most recent call last):
    ...
    widgets.errors.KitError: who_is_quoted() got 1 article but 2 names. Fix: Give one name per article, or leave names out to use the article ids.
    """
    names = tuple(a.id for a in articles) if names is None else tuple(names)
    if len(names) != len(articles):
        raise KitError(f"{what} got {plural(len(articles), 'article')} but {plural(len(names), 'name')}.",
                       fix="Give one name per article, or leave names out to use the article ids.")
    if len(set(names)) != len(names):
        dupes = sorted({n for n in names if names.count(n) > 1})
        raise KitError(f"Two articles have the same name: {', '.join(dupes)}.",
                       fix="Pick each article once (or give distinct names).")
    return names


def story_name(articles) -> str | None:
    """The story the articles' data cards name (column ``story``), or None when no card names one or
    the cards name different stories.

    >>> from widgets.corpus import article_from_text
    >>> story_name([article_from_text("One.", story="Floods in Leeds"), article_from_text("Two.")])
    'Floods in Leeds'
    >>> story_name([article_from_text("One.", story="Floods"), article_from_text("Two.", story="Fires")]) is None
    True
    """
    from .corpus import UNKNOWN

    named = {getattr(getattr(a, "card", None), "story", UNKNOWN) for a in articles}
    named.discard(UNKNOWN)
    named.discard("")
    return named.pop() if len(named) == 1 else None


__all__ = ["STORIES_FOLDER", "article_names", "list_stories", "load_story", "stories_dir", "story_name"]
