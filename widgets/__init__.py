"""The helper package behind the media-literacy notebooks.

Analysis modules (``corpus``, ``nlp``, ``stats``, ``quotes``, ``compare``, ``loaded``) never import
ipywidgets; the interactive views live in ``widgets.views`` and the Altair charts in ``widgets.charts``.

>>> import widgets
>>> widgets.load_corpus().ids[0]
'blinken-diplomatic-cover'
"""
from .corpus import Article, Corpus, load_corpus
from .errors import KitError, install_friendly_errors

__version__ = "0.1.0"

# In a notebook, expected mistakes (a typo in an article id, an unreadable file) show as one friendly
# line, not a traceback. Only acts inside IPython, and is safe to repeat when a cell is re-run.
install_friendly_errors()
__all__ = ["Article", "Corpus", "KitError", "load_corpus", "__version__"]
