"""The helper package behind the media-literacy notebooks.

Analysis modules (``corpus``, ``nlp``, ``stats``, ``quotes``, ``compare``, ``loaded``) never import
ipywidgets; the interactive views live in ``widgets.views`` and the Altair charts in ``widgets.charts``.
Importing the package changes nothing outside it: a lesson's first cell calls ``medialit.setup_notebook()``,
which checks that ``import widgets`` gives this kit and turns on the friendly error messages.

>>> import widgets
>>> widgets.KIT_NAME
'medialit-kit'
>>> widgets.load_corpus().ids[0]
'blinken-diplomatic-cover'
"""
from .corpus import Article, Corpus, load_corpus
from .errors import KitError, install_friendly_errors

__version__ = "0.1.0"
#: What this package is: the helper package of the media-literacy kit (the distribution ``medialit-kit``).
#: Another package named ``widgets`` would not have it; ``medialit.kit_problem()`` checks for it.
KIT_NAME = "medialit-kit"

__all__ = ["Article", "Corpus", "KIT_NAME", "KitError", "install_friendly_errors", "load_corpus", "__version__"]
