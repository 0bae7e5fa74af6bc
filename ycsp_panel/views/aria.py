"""Mends the ARIA of third-party widgets that axe rates serious or critical.

``AriaMend`` shows one widget and re-applies the fixes whenever the widget redraws:

- Tabulator: the grid owns a focusable scroll box with no role (``aria-required-children``).
  The box becomes the body's row group (still focusable, so keyboard users can scroll it) and
  the inner row group steps aside, so rows sit in grid > rowgroup > row as ARIA requires.
- Choices.js (Panel's MultiChoice): chosen items carry ``aria-selected`` on plain divs
  (``aria-allowed-attr``), and its search input is named "null". The attribute goes; the input
  gets the widget's label as its name.
"""

from __future__ import annotations

import panel as pn
import param
from panel.custom import Child

# A wide Tabulator scrolls inside its box, header and rows together; its header must not run
# past the box (the page would scroll sideways on a phone).
NARROW_TABLE_CSS = ".tabulator { overflow: hidden !important; max-width: 100%; }"


class AriaMend(pn.custom.JSComponent):
    """``AriaMend(target=widget, input_name="…")``: the widget, with its ARIA mended."""

    target = Child()
    input_name = param.String(default="", doc="Accessible name for inputs named 'null'")

    _esm = """
    export function render({ model }) {
      const child = model.get_child("target");
      const mend = (root) => {
        for (const holder of root.querySelectorAll(".tabulator-tableholder")) {
          if (holder.getAttribute("role") !== "rowgroup") holder.setAttribute("role", "rowgroup");
          const rows = holder.querySelector(":scope > .tabulator-table");
          if (rows && rows.getAttribute("role") !== "presentation") {
            rows.setAttribute("role", "presentation");
          }
        }
        for (const item of root.querySelectorAll(".choices__item[aria-selected]:not([role])")) {
          item.removeAttribute("aria-selected");
        }
        if (model.input_name) {
          for (const input of root.querySelectorAll('input[aria-label="null"]')) {
            input.setAttribute("aria-label", model.input_name);
          }
        }
      };
      const watch = () => {
        const root = child.shadowRoot;
        if (!root) { requestAnimationFrame(watch); return; }
        mend(root);
        const options = { childList: true, subtree: true, attributes: true,
                          attributeFilter: ["aria-selected", "aria-label", "role"] };
        new MutationObserver(() => mend(root)).observe(root, options);
      };
      watch();
      model.on("input_name", () => child.shadowRoot && mend(child.shadowRoot));
      return child;
    }
    """
