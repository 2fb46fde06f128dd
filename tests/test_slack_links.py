"""Links and text in Slack messages (bot/slack/links.py)."""

from __future__ import annotations

from bot.slack.links import extract_links, is_from_bot, is_readable, plain_text


def test_angle_bracket_links_with_labels_and_entities() -> None:
    text = "see <https://ex.com/a?x=1&amp;y=2|the story> and <https://ex.org/b>"
    assert extract_links({"text": text}) == ["https://ex.com/a?x=1&y=2", "https://ex.org/b"]


def test_bare_urls_trailing_punctuation_and_brackets() -> None:
    text = "read https://ex.com/a, then (https://ex.com/b) and https://en.wikipedia.org/wiki/Foo_(bar)."
    assert extract_links({"text": text}) == [
        "https://ex.com/a",
        "https://ex.com/b",
        "https://en.wikipedia.org/wiki/Foo_(bar)",
    ]


def test_rich_text_link_elements() -> None:
    message = {
        "text": "",
        "blocks": [
            {
                "type": "rich_text",
                "elements": [
                    {
                        "type": "rich_text_section",
                        "elements": [
                            {"type": "text", "text": "look "},
                            {"type": "link", "url": "https://ex.com/rich?a=1&amp;b=2", "text": "here"},
                        ],
                    },
                    {"type": "rich_text_list", "elements": [{"type": "link", "url": "https://ex.net/list"}]},
                ],
            }
        ],
    }
    assert extract_links(message) == ["https://ex.com/rich?a=1&b=2", "https://ex.net/list"]


def test_each_link_once_across_forms_and_tracking_tags() -> None:
    message = {
        "text": "<https://ex.com/a?utm_source=x|a> https://ex.com/a",
        "blocks": [{"type": "rich_text", "elements": [{"type": "link", "url": "https://ex.com/a"}]}],
    }
    assert extract_links(message) == ["https://ex.com/a?utm_source=x"]


def test_slack_own_links_users_channels_and_other_schemes_dropped() -> None:
    text = (
        "<@U123> <#C123|general> <!here> <mailto:a@b.org|mail> <https://files.slack.com/files-pri/T1-F1/x.pdf>"
        " <https://myteam.slack.com/team/U123|Ann> https://app.slack.com/client/T1 <https://real.example/story>"
    )
    assert extract_links({"text": text}) == ["https://real.example/story"]


def test_plain_text_for_pastes() -> None:
    assert plain_text("<https://x.org|X> says &lt;b&gt; &amp; <@U1> <!channel>") == "X says <b> & @U1 @channel"
    assert plain_text(None) == ""


def test_who_is_read() -> None:
    assert is_readable({"type": "message", "text": "hi", "user": "U1"})
    assert is_readable({"subtype": "thread_broadcast", "user": "U1"})
    assert not is_readable({"subtype": "bot_message", "bot_id": "B1"})
    assert not is_readable({"user": "U1", "bot_id": "B1"})
    assert not is_readable({"subtype": "channel_join", "user": "U1"})
    assert not is_readable({"subtype": "message_deleted"})
    assert is_from_bot({"bot_profile": {"id": "B2"}})
