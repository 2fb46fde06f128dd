"""Page structures met on a fourth fresh batch of NAEB pages (labelled before any rule saw them); each page here is
invented to reproduce one."""

from __future__ import annotations

from bot.engine import analyse_html
from tests.engine_helpers import page

URL = "https://www.harbor-courier.example/showbiz/2025/tide-pool-festival"
_BODY = "".join(f"<p>Paragraph {n} of the story about the tide pool festival and its guests.</p>" for n in range(20))


def test_each_writer_card_with_a_features_job_under_one_by_is_a_writer() -> None:
    # "By" alone, then one card per writer: her linked name and her job ("Assistant Features Editor")
    cards = "".join(
        f'<div class="author"><a href="/authors/{slug}/">{name}</a><span class="job-title">{job}</span></div>'
        for slug, name, job in (
            ("maren-oakes", "Maren Oakes", "Showbiz Reporter"),
            ("tobias-venn", "Tobias Venn", "Assistant Features Editor"),
        )
    )
    html = page(
        f'<article><h1>Tide pool festival opens</h1><div class="byline"><span class="author-label">By</span>{cards}'
        f"</div>{_BODY}</article>",
        '<meta name="author" content="Maren Oakes"><meta name="author" content="Tobias Venn">',
    )
    assert analyse_html(html, URL).authors == ["Maren Oakes", "Tobias Venn"]
