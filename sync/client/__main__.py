"""`python -m sync.client`: sign in and run sync rounds from a shell (ops, fault tests).

Prints one JSON line per round. Exit codes: 0 done, 2 server unreachable, 3 sign-in needed.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from ker_field.store.local import LocalStore
from sync.client.api import ServerApi, ServerUnavailable, SignInRequired
from sync.client.engine import SyncEngine


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sync.client")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--server", required=True, help="e.g. http://127.0.0.1:8765")
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--page-size", type=int, default=1000)
    args = parser.parse_args(argv)
    store = LocalStore.open(args.data_dir)
    api = ServerApi(args.server, store.device_id)
    try:
        me = api.login(args.username, args.password)["user"]
        scopes = [
            f"tenant:{me['tenant_id']}",
            *(f"site:{site}" for site in me["site_ids"]),
            f"user:{me['id']}",
        ]
        engine = SyncEngine(
            store,
            api,
            uuid.UUID(me["id"]),
            lambda: datetime.now(UTC),
            batch_size=args.batch_size,
            page_size=args.page_size,
        )
        for _ in range(args.rounds):
            report = engine.sync_once(scopes)
            print(
                json.dumps(
                    {
                        "applied": report.push.applied,
                        "duplicate": report.push.duplicate,
                        "rejected": report.push.rejected,
                        "retry": report.push.retry,
                        "pulled": report.pull.applied,
                        "blobs": report.blobs.uploaded,
                        "pending": store.pending_count(),
                    }
                ),
                flush=True,
            )
    except ServerUnavailable as exc:
        print(json.dumps({"error": "server_unavailable", "detail": str(exc)}), flush=True)
        return 2
    except SignInRequired as exc:
        print(json.dumps({"error": "sign_in_required", "detail": str(exc)}), flush=True)
        return 3
    finally:
        api.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
