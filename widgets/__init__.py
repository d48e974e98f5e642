"""The helper package behind the media-literacy notebooks.

Analysis modules (``corpus``, ``nlp``, ``stats``, ``quotes``, ``compare``, ``loaded``) never import
ipywidgets; the interactive views live in ``widgets.views`` and the Altair charts in ``widgets.charts``.

>>> import widgets
>>> widgets.load_corpus().ids[0]
'blinken-diplomatic-cover'
"""
from .corpus import Article, Corpus, load_corpus
from .errors import KitError

__version__ = "0.1.0"
__all__ = ["Article", "Corpus", "KitError", "load_corpus", "__version__"]
