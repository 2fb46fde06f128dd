"""`provbot`: check an article, run the Slack bot, or build a channel's digest (../shared/CONTRACT.md)."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from bot.model import Analysis

EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="provbot", description="Where an article really comes from, and what you may do with it."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    check = commands.add_parser("check", help="analyse one article and print its provenance summary")
    check.add_argument("target", metavar="TARGET", help="an http(s) address, a saved .html page, a text file, or -")
    check.add_argument("--url", help="where a saved page or text came from")
    check.add_argument("--json", action="store_true", help="print the JSON result (schema_version 1)")
    check.add_argument("--no-evidence", action="store_true", help="leave the evidence list out of the text summary")
    commands.add_parser("run", help="start the Slack bot (Socket Mode with SLACK_APP_TOKEN, else HTTP)")
    digest = commands.add_parser("digest", help="build a channel's daily digest now")
    digest.add_argument("channel", metavar="CHANNEL_ID")
    digest.add_argument("--dry-run", action="store_true", help="print the digest instead of posting it")
    return parser


def _fail(message: str, code: int = EXIT_UNREADABLE) -> int:
    print(f"provbot: {message}", file=sys.stderr)
    return code


def _check(args: argparse.Namespace, settings: Settings) -> int:
    from bot.analysis_pool import AnalysisFailed, AnalysisTimeout
    from bot.engine.registry import RegistryError, load_registry
    from bot.fetch.fetcher import FetchError
    from bot.inputs import InputError
    from bot.render_text import render_text

    try:
        load_registry(settings.outlets_file)  # a bad PROVBOT_OUTLETS is bad usage, said before anything is read
    except RegistryError as error:
        return _fail(str(error), EXIT_USAGE)
    target: str = args.target
    if "://" in target[:12] and not target.lower().startswith(("http://", "https://")):
        return _fail(f"refused: only http and https addresses can be checked, not {target.split(':', 1)[0]}")
    try:
        result = asyncio.run(_analyse_target(target, args.url, settings))
    except (InputError, FetchError, AnalysisTimeout, AnalysisFailed) as error:
        return _fail(str(error))
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_text(result, evidence=not args.no_evidence))
    return EXIT_OK


async def _analyse_target(target: str, url: str | None, settings: Settings) -> Analysis:
    """The target analysed in a worker process under PROVBOT_ANALYSIS_TIMEOUT, as the bot does. The worker is
    forked before anything else runs (no threads yet), from a process that has already loaded the registry."""
    from bot.analysis_pool import AnalysisPool
    from bot.inputs import analyse_address, analyse_path

    pool = AnalysisPool(
        timeout=settings.analysis_timeout, workers=1, outlets_file=settings.outlets_file, start_method="fork"
    )
    async with pool:
        if target.lower().startswith(("http://", "https://")):
            return await analyse_address(target, settings, pool)
        return await analyse_path(target, url, settings, pool)


def _run(settings: Settings) -> int:
    from bot.slack.app import run_bot

    settings.require("SLACK_BOT_TOKEN")
    if not settings.slack_app_token:
        settings.require("SLACK_SIGNING_SECRET")
    return run_bot(settings)


def _digest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.digest.cli import digest_command

    return digest_command(settings, args.channel, args.dry_run)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        if args.command == "check":
            return _check(args, settings)
        if args.command == "run":
            return _run(settings)
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
