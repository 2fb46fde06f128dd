"""`provbot`: check an article, run the Slack bot, build a channel's digest, or export its checks
(../shared/CONTRACT.md)."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import replace

from bot.logs import configure_logging
from bot.settings import Settings, SettingsError, load_settings

EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="provbot", description="Where an article really comes from, and what you may do with it."
    )
    parser.add_argument("--version", action="version", version=f"provbot {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    check = commands.add_parser("check", help="analyse one article and print its provenance summary")
    check.add_argument("target", metavar="TARGET", help="an http(s) address, a saved .html page, a text file, or -")
    check.add_argument("--url", help="where a saved page or text came from")
    check.add_argument("--json", action="store_true", help="print the JSON result (schema_version 1)")
    check.add_argument("--no-evidence", action="store_true", help="leave the evidence list out of the text summary")
    check.add_argument(
        "--no-follow", action="store_true", help="do not fetch the original to compare (the JSON `chain` stays empty)"
    )
    commands.add_parser("run", help="start the Slack bot (Socket Mode with SLACK_APP_TOKEN, else HTTP)")
    digest = commands.add_parser("digest", help="build a channel's daily digest now")
    digest.add_argument("channel", metavar="CHANNEL_ID")
    digest.add_argument("--dry-run", action="store_true", help="print the digest instead of posting it")
    digest.add_argument("--team", metavar="TEAM_ID", help="the channel's workspace, when the bot serves several")
    export = commands.add_parser("export", help="print a channel's recorded checks, for records and audits")
    export.add_argument("channel", metavar="CHANNEL_ID")
    export.add_argument("--since", metavar="DATE", help="only checks made on or after DATE (YYYY-MM-DD, UTC)")
    export.add_argument("--format", choices=("csv", "json"), default="csv", help="csv (the default) or json")
    export.add_argument("--team", metavar="TEAM_ID", help="the channel's workspace, when the bot serves several")
    prune = commands.add_parser("prune", help="delete stored data older than PROVBOT_RETENTION_DAYS now")
    prune.add_argument("--days", type=int, metavar="N", help="keep the last N days instead of the setting's")
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("provbot")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _fail(message: str, code: int = EXIT_UNREADABLE) -> int:
    print(f"provbot: {message}", file=sys.stderr)
    return code


def _check(args: argparse.Namespace, settings: Settings) -> int:
    from bot.analysis_pool import AnalysisFailed, AnalysisTimeout
    from bot.chain.render import render_chain_text
    from bot.engine.registry import RegistryError, load_registry
    from bot.fetch.fetcher import FetchError
    from bot.inputs import InputError, check_target
    from bot.render_text import render_text

    try:
        load_registry(settings.outlets_file)  # a bad PROVBOT_OUTLETS is bad usage, said before anything is read
    except RegistryError as error:
        return _fail(str(error), EXIT_USAGE)
    target: str = args.target
    if "://" in target[:12] and not target.lower().startswith(("http://", "https://")):
        return _fail(f"refused: only http and https addresses can be checked, not {target.split(':', 1)[0]}")
    try:
        result = asyncio.run(check_target(target, args.url, settings, follow=not args.no_follow))
    except (InputError, FetchError, AnalysisTimeout, AnalysisFailed) as error:
        return _fail(str(error))
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(result, evidence=not args.no_evidence))
        if result.chain:
            print()
            print(render_chain_text(result.chain, evidence=not args.no_evidence))
    return EXIT_OK


def _run(settings: Settings) -> int:
    from bot.slack.app import run_bot

    settings.require("SLACK_BOT_TOKEN")
    if not settings.slack_app_token:
        settings.require("SLACK_SIGNING_SECRET")
    return run_bot(settings)


def _digest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.digest.cli import digest_command

    return digest_command(settings, args.channel, args.dry_run, team=args.team)


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from bot.channel_teams import TeamChoiceError, choose_team, parse_team
    from bot.checks import channel_checks
    from bot.export import ExportError, parse_channel, parse_since, to_csv, to_json
    from bot.storage import open_database
    from bot.workspace import Workspace, in_workspace

    try:
        channel = parse_channel(args.channel)
        since = parse_since(args.since) if args.since else None
        team = parse_team(args.team) if args.team is not None else None
    except (ExportError, TeamChoiceError) as error:
        return _fail(str(error), EXIT_USAGE)
    records = []
    # an audit must not create an empty database where a mistyped PROVBOT_DB points
    if settings.db_path == ":memory:" or Path(settings.db_path).expanduser().exists():
        db = open_database(settings.db_path)
        try:
            team = choose_team(db, channel, team)
            with in_workspace(Workspace(team) if team else None):
                records = channel_checks(db, channel, since)
        except TeamChoiceError as error:
            return _fail(str(error), EXIT_USAGE)
        finally:
            db.close()
    else:
        print(f"provbot: no database at {settings.db_path} (PROVBOT_DB); nothing recorded", file=sys.stderr)
    sys.stdout.write(to_json(records) if args.format == "json" else to_csv(records))
    return EXIT_OK


def _prune(args: argparse.Namespace, settings: Settings) -> int:
    from bot.retention import prune_all
    from bot.storage import open_database

    if args.days is not None:
        if args.days < 1:
            return _fail("--days must be 1 or more (to erase everything, delete the database file)", EXIT_USAGE)
        settings = replace(settings, retention_days=args.days)
    pruned = prune_all(open_database(settings.db_path), settings)
    for table, count in pruned.items():
        print(f"{table}: {count} row(s) deleted")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        configure_logging(settings.log_level, settings.log_format)
        if args.command == "check":
            return _check(args, settings)
        if args.command == "run":
            return _run(settings)
        if args.command == "export":
            return _export(args, settings)
        if args.command == "prune":
            return _prune(args, settings)
        return _digest(args, settings)
    except SettingsError as error:
        return _fail(str(error), EXIT_USAGE)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the last line of defence: one line, never a traceback
        logging.getLogger("provbot").debug("unexpected error", exc_info=True)
        return _fail(f"unexpected error: {type(error).__name__}: {error}")


if __name__ == "__main__":
    sys.exit(main())
