"""One rule for every view (issue 13 item 13): a loaded word in the headline is highlighted, wherever the
article is shown, and the headline is drawn above the body; site chrome and appended teasers stay out."""
from widgets.corpus import Corpus, article_from_text
from widgets.export import export_html
from widgets.render.loaded import show_loaded
from widgets.views.loaded import LoadedLanguageHighlighter
from widgets.views.models import LoadedModel

TEXT = ("Senator Slams Regime Over Brutal Crackdown\n\n"
        "Home > World > Senator Slams Regime\n\n"
        "The senator spoke on Monday about the new law and asked for a vote.\n\n"
        "Related: a shocking scandal elsewhere")


def article():
    return article_from_text(TEXT, id="headline", title="Senator Slams Regime Over Brutal Crackdown",
                             body_starts_at="The senator", body_ends_before="Related:")


def test_headline_is_found_above_the_body_and_not_in_site_chrome():
    a = article()
    assert a.headline_span == (0, 42)
    assert a.in_headline_or_body(8, 13) and not a.in_body(8, 13)
    chrome = TEXT.index("Slams", 50)  # the headline repeated in the site's breadcrumbs
    assert not a.in_headline_or_body(chrome, chrome + 5)


def test_loaded_model_counts_headline_words_but_not_teasers():
    model = LoadedModel(Corpus([article()]), article_id="headline")
    words = {m.text for m in model.matches}
    assert {"Slams", "Regime", "Brutal", "Crackdown"} <= words
    assert "shocking" not in words and "scandal" not in words


def test_highlighter_and_show_loaded_draw_the_headline_with_its_marks():
    view = LoadedLanguageHighlighter(Corpus([article()]), article_id="headline")
    html = view.text.value
    assert 'class="ml-headline"' in html and html.index("Slams") < html.index("The senator")
    assert html.count('class="ml-mark"') == len(view.model.visible)
    shown = show_loaded(article())._repr_html_()
    assert 'class="ml-headline"' in shown and "Slams<span" in shown.replace("</mark>", "")


def test_export_counts_headline_words(tmp_path):
    result = export_html(article(), tmp_path / "a.html", charts=False)
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "in the headline and the article body" in page and 'class="ml-headline"' in page
    assert result.path.exists()


def test_title_case_headline_words_are_matched_like_lower_case_ones():
    from widgets.loaded import find_loaded
    assert "Slams" in {m.text for m in find_loaded("Senator Slams Regime Over Brutal Crackdown")}
    assert "slams" in {m.text for m in find_loaded("The senator slams the plan.")}


def test_a_card_title_missing_from_the_text_draws_no_headline_and_loses_nothing():
    """A teacher's card may give a title the file does not hold (typed differently, or cut): the body still shows."""
    a = article_from_text("Home > World\n\nThe regime launched a brutal crackdown.", id="no-headline",
                          title="A Title Nobody Printed", body_starts_at="The regime")
    assert a.headline_span is None and a.headline == ""
    view = LoadedLanguageHighlighter(Corpus([a]), article_id="no-headline")
    assert 'class="ml-headline"' not in view.text.value
    assert {"regime", "brutal"} <= {m.text for m in view.model.matches}
