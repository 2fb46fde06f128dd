"""Each workspace's own settings, edited in the App Home through the real bot (signed requests, Slack stood in
locally): the Home tab shows them, Edit opens the modal, Save stores them (or shows errors under the fields), and
they take effect in that workspace only: an agreement changes the reuse wording, the default reply mode silences
channels that did not choose their own, and the default digest time applies where a channel set none."""

from __future__ import annotations

import json
from typing import Any

from bot.slack.admins import NO_SCOPE, NOT_AN_ADMIN
from bot.slack.home_settings import EDIT_ACTION, MODAL_CALLBACK
from tests.conftest import RunningBot
from tests.slack_signing import block_action, message_event
from tests.test_slack_workspaces import SAME, share, slash, two_workspaces


def submission(team: str, values: dict[str, Any], user: str = "U1") -> dict[str, Any]:
    """A Save click on the settings modal, as Slack posts it (`view_submission`)."""
    return {
        "type": "view_submission", "team": {"id": team}, "user": {"id": user, "team_id": team},
        "api_app_id": "A000TEST", "trigger_id": "trigger.1",
        "view": {"id": "V1", "team_id": team, "type": "modal", "callback_id": MODAL_CALLBACK,
                 "state": {"values": values}},
    }  # fmt: skip


def field(kind: str, **value: Any) -> dict[str, Any]:
    return {"value": {"type": kind, **value}}


def home_text(bot: RunningBot, team_token: str) -> str:
    published = [c for c in bot.slack.calls_to("views.publish") if c.token == team_token]
    return json.dumps(published[-1].params["view"], ensure_ascii=False)


async def open_home(bot: RunningBot, team: str, user: str = "U1") -> None:
    status, _ = await bot.signed.event({"type": "app_home_opened", "user": user, "tab": "home"}, team_id=team)
    assert status == 200
    await bot.settle()


async def admins_workspaces(start_bot: Any) -> tuple[RunningBot, dict[str, str]]:
    """Two installed workspaces, where U1 is an admin (settings are theirs to change) and U2 a member."""
    bot, tokens = await two_workspaces(start_bot)
    bot.slack.users["U1"] = bot.slack.users["U0001"] = {"is_admin": True}  # U0001: block_action's default user
    return bot, tokens


async def test_the_home_tab_edits_this_workspaces_settings_and_they_apply_there_only(start_bot) -> None:
    bot, tokens = await admins_workspaces(start_bot)
    await open_home(bot, "TAAA")
    assert "This workspace" in home_text(bot, tokens["TAAA"]) and "Agreements: none" in home_text(bot, tokens["TAAA"])

    edit = block_action(EDIT_ACTION, "edit", team_id="TAAA")
    edit["container"] = {"type": "view", "view_id": "VHOME"}
    status, _ = await bot.signed.action(edit)
    assert status == 200
    await bot.settle()
    modal = (await bot.slack.wait_for("views.open")).params["view"]
    assert modal["callback_id"] == MODAL_CALLBACK
    offered = [o["value"] for o in modal["blocks"][3]["element"]["options"]]
    assert {"The Associated Press", "Reuters", "AFP"} <= set(offered)

    bad = {"digest_zone": field("plain_text_input", value="Mars/Olympus"),
           "syndication": field("plain_text_input", value="The Daily Nowhere")}  # fmt: skip
    status, answer = await bot.signed.action(submission("TAAA", bad))
    assert status == 200
    errors = json.loads(answer)
    assert errors["response_action"] == "errors" and set(errors["errors"]) == {"digest_zone", "syndication"}

    good = {
        "digest_clock": field("timepicker", selected_time="07:15"),
        "digest_zone": field("plain_text_input", value="Europe/Berlin"),
        "subscriptions": field("multi_static_select", selected_options=[{"value": "AFP"}]),
        "syndication": field("plain_text_input", value="The Guardian"),
    }
    status, _ = await bot.signed.action(submission("TAAA", good))
    assert status == 200
    await bot.settle()
    assert "subscription to AFP; syndication deal with The Guardian" in home_text(bot, tokens["TAAA"])

    await share(bot, "TAAA", "afp-barrons.html")
    await share(bot, "TBBB", "afp-barrons.html")
    covered, not_covered = bot.replies(SAME)
    assert covered.token == tokens["TAAA"] and "your AFP subscription covers this" in covered.params["text"]
    assert "Your AFP subscription covers this" in json.dumps(covered.params["blocks"])
    assert "subscription" not in json.dumps(not_covered.params) and "AFP" in not_covered.params["text"]

    assert "07:15 Europe/Berlin" in await slash(bot, "TAAA", "digest")
    assert "07:15" not in await slash(bot, "TBBB", "digest")


async def test_the_default_reply_mode_silences_channels_that_did_not_choose_their_own(start_bot) -> None:
    bot, tokens = await admins_workspaces(start_bot)
    quiet = {"reply_mode": field("static_select", selected_option={"value": "on-request"})}
    status, _ = await bot.signed.action(submission("TBBB", quiet))
    assert status == 200
    await share(bot, "TBBB", "rt-original.html")  # B's channels answer only when asked now
    await share(bot, "TAAA", "rt-original.html")  # A keeps its automatic replies
    assert [r.token for r in bot.replies(SAME)] == [tokens["TAAA"]]
    assert "auto" in await slash(bot, "TBBB", "mode auto")  # a channel's own choice wins over the default
    await share(bot, "TBBB", "conversation-via-ap.html")
    assert [r.token for r in bot.replies(SAME)] == [tokens["TAAA"], tokens["TBBB"]]


PAGE = """<!doctype html><html><head><title>Harbour dredging to start in May</title></head><body><article>
<h1>Harbour dredging to start in May</h1><p>By Ana Reyes</p>
<p>The port authority said on Monday that dredging of the inner harbour will begin in May and last six weeks.</p>
<p>Fishing boats will moor at the north quay while the work goes on, the authority said in a statement.</p>
</article></body></html>"""
OWN_OUTLETS = """[[outlet]]
name = "Harbour Gazette"
domains = ["127.0.0.1"]
kind = "news"
[outlet.terms]
category = "permission-granted"
summary = "Harbour Gazette stories may be republished by partner newsrooms with credit."
"""


async def test_a_workspaces_own_outlets_are_known_to_its_checks_only(start_bot) -> None:
    bot, tokens = await admins_workspaces(start_bot)
    broken = {"outlets": field("plain_text_input", value="[[outlet]]\nkind = 'news'")}
    status, answer = await bot.signed.action(submission("TAAA", broken))
    assert status == 200 and set(json.loads(answer)["errors"]) == {"outlets"}  # a row without a name
    own = {"outlets": field("plain_text_input", value=OWN_OUTLETS)}
    status, _ = await bot.signed.action(submission("TAAA", own))
    assert status == 200
    url = bot.articles.add("harbour.html", PAGE)
    for team in ("TAAA", "TBBB"):
        status, _ = await bot.signed.event(message_event(f"<{url}>", channel=SAME), team_id=team)
        assert status == 200
        await bot.settle()
    in_a, in_b = bot.replies(SAME)
    assert in_a.token == tokens["TAAA"] and "Harbour Gazette" in json.dumps(in_a.params)
    assert in_b.token == tokens["TBBB"] and "Harbour Gazette" not in json.dumps(in_b.params)
    await open_home(bot, "TAAA")
    assert "Own outlets: 1" in home_text(bot, tokens["TAAA"])


async def test_only_admins_and_owners_may_change_the_settings_others_see_them_read_only(start_bot) -> None:
    bot, tokens = await admins_workspaces(start_bot)
    bot.slack.users["U3"] = {"is_owner": True}
    await open_home(bot, "TAAA", user="U2")
    member_home = home_text(bot, tokens["TAAA"])
    assert "This workspace" in member_home and NOT_AN_ADMIN in member_home and EDIT_ACTION not in member_home
    [asked] = bot.slack.calls_to("users.info")
    assert asked.params["user"] == "U2" and asked.token == tokens["TAAA"]

    edit = block_action(EDIT_ACTION, "edit", team_id="TAAA", user="U2")  # a button from before they lost the role
    status, _ = await bot.signed.action(edit)
    assert status == 200
    await bot.settle()
    assert bot.slack.calls_to("views.open") == []

    quiet = {"reply_mode": field("static_select", selected_option={"value": "on-request"})}
    status, answer = await bot.signed.action(submission("TAAA", quiet, user="U2"))
    assert status == 200 and json.loads(answer) == {"response_action": "errors", "errors": {"reply_mode": NOT_AN_ADMIN}}
    await share(bot, "TAAA", "rt-original.html")
    assert [r.token for r in bot.replies(SAME)] == [tokens["TAAA"]]  # still automatic: nothing was saved

    status, _ = await bot.signed.action(submission("TAAA", quiet, user="U3"))  # an owner may
    assert status == 200
    await bot.settle()
    await open_home(bot, "TAAA", user="U3")
    owner_home = home_text(bot, tokens["TAAA"])
    assert EDIT_ACTION in owner_home and NOT_AN_ADMIN not in owner_home and "on request" in owner_home


async def test_without_the_users_read_scope_the_settings_are_read_only_and_say_why(start_bot) -> None:
    bot, tokens = await admins_workspaces(start_bot)
    bot.slack.fail("users.info", "missing_scope")
    await open_home(bot, "TBBB")
    home = home_text(bot, tokens["TBBB"])
    assert NO_SCOPE in home and EDIT_ACTION not in home
