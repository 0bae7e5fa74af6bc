"""What the explorer had to change or drop, told to the user as plain text."""

from __future__ import annotations

import html

from ycsp_panel.i18n import t
from ycsp_panel.state import ExplorerState
from ycsp_panel.views.base import HTMLView

NOTICE_CSS = """
.ycsp-notices { border-left: 4px solid #E69F00; background: #fff8e6; padding: 6px 10px;
  font-size: 14px; }
.ycsp-notices ul { margin: 0; padding-left: 18px; }
"""


def notices_html(state: ExplorerState) -> str:
    """The latest notices in the state's language, escaped: URL text never becomes markup."""
    if not state.notices:
        return ""
    items = "".join(f"<li>{html.escape(n.text(state.lang))}</li>" for n in state.notices)
    heading = html.escape(t("notices.heading", state.lang))
    return (
        f'<div class="ycsp-notices" role="status" aria-live="polite">'
        f"<strong>{heading}</strong><ul>{items}</ul></div>"
    )


class Notices(HTMLView):
    """The state's notices; empty and out of the way when there are none."""

    watches = ("notices", "lang")
    stylesheets = (NOTICE_CSS,)

    def html(self) -> str:
        return notices_html(self.state)
