"""Draw the Slack reply for an article as a phone would show it: docs/slack-reply.png for the README.

    .venv/bin/python docs/reply_picture.py ARTICLE [--url URL]   # needs `chromium` (apt-get install chromium)

The Block Kit comes from the bot's own renderer (`bot.slack.render.render_analysis`); this script only turns its
mrkdwn into HTML styled like Slack's thread view and asks headless Chromium for a screenshot.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from bot.engine.registry import load_registry
from bot.inputs import analyse_path
from bot.settings import load_settings
from bot.slack.render import render_analysis

HERE = Path(__file__).parent
WIDTH, HEIGHT = 390, 844  # one phone screen (CSS pixels)
EMOJI = {":warning:": "⚠️"}

STYLE = """
body { margin: 0; font: 15px/1.45 'DejaVu Sans', sans-serif; color: #1d1c1d; background: #fff; width: 390px; }
.bar { background: #3f0e40; color: #fff; padding: 14px 16px; font-weight: bold; }
.bar small { display: block; font-weight: normal; opacity: .8; font-size: 12px; }
.parent { padding: 12px 16px; border-bottom: 1px solid #ddd; color: #616061; font-size: 14px; }
.msg { display: flex; padding: 12px 16px; gap: 10px; }
.avatar { width: 36px; height: 36px; border-radius: 6px; background: #1264a3; color: #fff; flex: none;
          display: flex; align-items: center; justify-content: center; font-weight: bold; }
.name { font-weight: bold; } .app { font-size: 10px; background: #ddd; padding: 1px 3px; border-radius: 2px; }
.time { color: #616061; font-size: 12px; }
.section { margin: 4px 0 8px; word-wrap: break-word; }
a { color: #1264a3; text-decoration: none; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 6px; }
.button { border: 1px solid #bbb; border-radius: 4px; padding: 4px 12px; font-weight: bold; font-size: 14px; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: 12px; background: #f6f6f6; color: #c01343; }
"""


def mrkdwn(text: str) -> str:
    """Slack's mrkdwn (escaped already: &amp; &lt; &gt;) as HTML: links, bold, italics, code, emoji names."""
    out = re.sub(r"<(https?://[^|>]+)\|([^>]+)>", r'<a href="\1">\2</a>', text)
    out = re.sub(r"<(https?://[^|>]+)>", r'<a href="\1">\1</a>', out)
    out = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"<b>\1</b>", out)
    out = re.sub(r"(?<![\w_])_([^_\n]+)_(?![\w_])", r"<i>\1</i>", out)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    for name, char in EMOJI.items():
        out = out.replace(name, char)
    return out.replace("\n", "<br>")


def block_html(block: dict[str, Any]) -> str:
    if block["type"] == "section":
        return f'<div class="section">{mrkdwn(block["text"]["text"])}</div>'
    if block["type"] == "actions":
        buttons = "".join(f'<span class="button">{html.escape(e["text"]["text"])}</span>' for e in block["elements"])
        return f'<div class="actions">{buttons}</div>'
    if block["type"] == "context":
        return f'<div class="section" style="font-size:12px;color:#616061">{mrkdwn(block["elements"][0]["text"])}</div>'
    return ""


def page(blocks: list[dict[str, Any]], pasted: str) -> str:
    body = "".join(block_html(b) for b in blocks)
    return (
        f"<!doctype html><meta charset=utf-8><style>{STYLE}</style>"
        '<div class="bar">Thread<small>#newsdesk</small></div>'
        f'<div class="parent"><b>Dana</b> {html.escape(pasted)}</div>'
        '<div class="msg"><div class="avatar">P</div><div>'
        '<span class="name">Provenance Bot</span> <span class="app">APP</span> <span class="time">10:42</span>'
        f"{body}</div></div>"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article")
    parser.add_argument("--url")
    parser.add_argument("--out", default=str(HERE / "slack-reply.png"))
    args = parser.parse_args()
    settings = load_settings()
    analysis = analyse_path(args.article, args.url, settings, load_registry(settings.outlets_file))
    rendered = render_analysis(analysis, check_id=1, url=args.url)
    pasted = "(an article's text, pasted)" if analysis.input.kind == "text" else f"{args.url or args.article}"
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("reply_picture: chromium is not installed")
    with tempfile.TemporaryDirectory() as folder:
        mock = Path(folder) / "reply.html"
        mock.write_text(page(rendered.blocks, pasted), encoding="utf-8")
        subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={args.out}", mock.as_uri()],
            check=True, capture_output=True,
        )  # fmt: skip
    print(f"{args.out}: {rendered.text}")


if __name__ == "__main__":
    main()
