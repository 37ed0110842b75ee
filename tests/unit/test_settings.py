"""config.toml: good, bad and missing files."""

from __future__ import annotations

from search import Settings, config_path, load_settings, save_setting


def test_a_missing_file_gives_the_defaults():
    assert load_settings() == (Settings(), [])


def test_a_good_file_is_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = "gruvbox"\nsort = "date"\ntext_width = 72\ndensity = "compact"\n\n[keymap]\nsort = "o"\n'
        'toggle_panel = "f2,ctrl+b"\n'
    )
    settings, problems = load_settings(path)
    assert problems == []
    assert settings == Settings(
        "gruvbox", "date", 72, {"sort": "o", "toggle_panel": "f2,ctrl+b"}, density="compact"
    )


def test_each_bad_value_is_named_with_its_line_and_the_rest_still_applies(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        'sort = "newest"\ntext_width = -4\ncolour = "red"\ntheme = "nord"\ndensity = "tiny"\n'
    )
    settings, problems = load_settings(path)
    assert settings == Settings(theme="nord")
    assert [p.split(": ", 1)[1].split(" ", 1)[0] for p in problems] == [
        "sort",
        "density",
        "text_width",
        "colour",
    ]
    assert [p.split(", ")[1].split(":")[0] for p in problems] == [
        "line 1",
        "line 5",
        "line 2",
        "line 3",
    ]


def test_a_file_that_is_not_toml_gives_the_defaults_and_says_where(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\nsort = \n')
    settings, problems = load_settings(path)
    assert settings == Settings() and "line 2" in problems[0]


def test_saving_the_theme_changes_only_its_line():
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('# mine\ntheme = "nord"\n\n[keymap]\nsort = "o"\n')
    save_setting("theme", "gruvbox")
    assert path.read_text() == '# mine\ntheme = "gruvbox"\n\n[keymap]\nsort = "o"\n'
    path.unlink()
    save_setting("theme", "nord")
    assert load_settings()[0].theme == "nord"


def test_a_saved_search_is_written_into_its_table_and_nothing_else_changes(tmp_path):
    from search import save_search

    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"  # mine\n\n[keymap]\nsort = "o"\n')
    save_search("hegseth", 'person:"Pete Hegseth" is:unread', path)
    save_search("oil", "oil", path)
    save_search("hegseth", "person:hegseth", path)  # replaced, not added twice
    settings, problems = load_settings(path)
    assert problems == [] and settings.theme == "nord" and settings.keymap == {"sort": "o"}
    assert settings.searches == {"hegseth": "person:hegseth", "oil": "oil"}
    assert path.read_text().startswith('theme = "nord"  # mine\n')


def test_query_names_a_saved_search_and_an_unknown_one_is_a_message(seed_library, tmp_path):
    import pytest

    from search import QuerySyntaxError, save_search

    save_search("pelosi", "Pelosi")
    save_search("loop", "query:loop")
    assert seed_library.search("query:pelosi").total == 3
    assert seed_library.search("query:pelosi NOT talks").total == 0
    with pytest.raises(QuerySyntaxError, match="no saved search is named 'nothing'"):
        seed_library.search("query:nothing")
    with pytest.raises(QuerySyntaxError, match="refers to itself"):
        seed_library.search("query:loop")
