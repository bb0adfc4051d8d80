"""The exports of `countylines export`: i2, GraphML, partner and public.

Each kind is written into its own folder under `out` (`out/i2`, `out/graphml`,
`out/partner`, `out/public`), so the files that name people never sit in the folder that is
sent outside the force. A folder is built privately (`out/.<kind>.partial-*`, mode 0700),
finished with a `manifest.json` (the build it came from, each file's SHA-256) and only then
renamed into place: a half-written export never looks complete. `out/.export.lock` keeps two
exports into one folder from overlapping. The warehouse is opened read-only and only the
public marts and reference seeds are read (exposures in models/_exposures.yml).
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from countylines.build import build_lock
from countylines.export.common import (
    ExportError,
    build_provenance,
    check_relations,
    connect,
    remove_stale_partials,
    staged_folder,
    write_manifest,
)
from countylines.export.graphml import write_graphml
from countylines.export.i2 import write_i2
from countylines.export.partner import KEY_ENV, check_key, key_from_environment, write_partner
from countylines.export.public import write_public

__all__ = ["KINDS", "ExportError", "write_exports"]

#: Every kind, in the order they are written.
KINDS = ["i2", "graphml", "partner", "public"]


def _choose_kinds(kinds: list[str] | None, key: bytes | None, console: Console) -> list[str]:
    """Validate the asked kinds; by default all, partner only when a key is set."""
    if kinds:
        unknown = sorted(set(kinds) - set(KINDS))
        if unknown:
            raise ExportError(
                f"Unknown export kind(s): {', '.join(unknown)}; choose from {', '.join(KINDS)}."
            )
        if "partner" in kinds and key is None:
            raise ExportError(
                f"The partner export needs the pseudonymisation key in {KEY_ENV} "
                "(the force's secret; it is never stored in the warehouse or the export)."
            )
        return [kind for kind in KINDS if kind in kinds]
    if key is None:
        console.print(
            f"[yellow]Skipping the partner export: {KEY_ENV} is not set (the force's "
            "pseudonymisation key; set it to write the partner export).[/yellow]"
        )
        return [kind for kind in KINDS if kind != "partner"]
    return list(KINDS)


def write_exports(
    warehouse: Path, out: Path, kinds: list[str] | None, console: Console
) -> list[Path]:
    """Write the asked exports of the warehouse under out; return the paths written.

    Raises ExportError (nothing replaced) on an unknown kind, a partner export without a
    usable key, a warehouse without the marts, or another export running into out.
    """
    key = key_from_environment()
    chosen = _choose_kinds(kinds, key, console)
    if "partner" in chosen and key is not None:
        check_key(key)
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} exists and is not a folder.")
    out.mkdir(parents=True, exist_ok=True)
    connection = connect(warehouse)
    try:
        check_relations(connection, chosen)
        provenance = build_provenance(connection)
        with build_lock(out / ".export") as locked:
            if not locked:
                raise ExportError(f"Another export into {out} is running.")
            remove_stale_partials(out, KINDS)
            written: list[Path] = []
            for kind in chosen:
                with staged_folder(out, kind) as folder:
                    if kind == "i2":
                        files = write_i2(connection, folder, provenance, console)
                    elif kind == "graphml":
                        files = write_graphml(connection, folder, provenance)
                    elif kind == "partner":
                        files = write_partner(connection, folder, key, provenance)
                    else:
                        files = write_public(connection, folder, provenance)
                    files.append(write_manifest(folder, kind, provenance))
                written.extend(out / kind / path.name for path in files)
    finally:
        connection.close()
    return written
