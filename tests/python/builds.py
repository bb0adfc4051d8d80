"""What the scheduled-build tests share: the part they rebuild, and how they look at files."""

from __future__ import annotations

import hashlib
from pathlib import Path

#: What the `--select` builds rebuild (on a copy of the warehouse): a small part, to stay
#: fast; the copy, the swap and the cleanup do not depend on how much is built.
SELECT = "path:models/staging/extract path:models/staging/nominal"


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def building_leftovers(warehouse: Path) -> list[str]:
    """The `<warehouse>.building-*` files next to the warehouse, by name."""
    return sorted(p.name for p in warehouse.parent.glob(f"{warehouse.name}.building-*"))
