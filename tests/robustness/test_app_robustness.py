"""No key sequence, and no index lost under the reader's feet, ends the app."""

from __future__ import annotations

import asyncio
import random
import shutil

import pytest
from textual import events

from ..app.pilot import make_app, settle

KEYS = [
    "ctrl+p",
    "pagedown",
    "pageup",
    "down",
    "up",
    "enter",
    "escape",
    "tab",
    "j",
    "k",
    "n",
    "N",
    "s",
    "i",
    "p",
    "slash",
    "a",
    "question_mark",
    "home",
    "end",
    "backspace",
]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 6, 9, 51, 77, 1234])
async def test_a_seeded_key_storm_never_ends_the_app(seed_corpus, tmp_path, seed):
    """Keys arrive in bursts, as from a terminal: the palette gets PageDown before its list exists,
    and Esc, Enter and q close screens twice. Leaving by the palette's Quit is allowed."""
    rnd = random.Random(seed)
    app = make_app(seed_corpus, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:  # re-raises what ended the app
        await settle(pilot)
        for _ in range(60):
            for key in [rnd.choice(KEYS) for _ in range(rnd.randint(1, 6))]:
                app.post_message(events.Key(key, key if len(key) == 1 else None))
            await asyncio.sleep(0.01)
            if not app.is_running:
                break
        await pilot.pause(0.2)
    assert app.return_code in (None, 0)


async def test_the_index_folder_removed_while_reading_is_rebuilt_with_a_notice(
    seed_corpus, tmp_path
):
    app = make_app(seed_corpus, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shutil.rmtree(tmp_path / "index")
        app.library.close()  # the next search opens the index files anew
        await pilot.press("slash", *"Pelosi", "enter")
        await settle(pilot)
        assert any("removed" in n.message for n in app._notifications)
        await pilot.press("slash", "ctrl+u", *"Pelosi", "enter")
        await settle(pilot)
        assert app.results is not None and app.results.total == 3
