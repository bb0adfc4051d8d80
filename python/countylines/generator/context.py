"""What every source module receives: the world, the nominal index, the scale and the seed."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from countylines.generator.config import Scale, stream
from countylines.generator.identity import NominalIndex
from countylines.generator.world import World
from countylines.generator.worlds import WORLDS, WorldProfile


@dataclass
class SourceOutput:
    """Tables a source module produced (clean) and its identity rows for the truth."""

    tables: dict[str, pd.DataFrame]
    identity: list[pd.DataFrame] = field(default_factory=list)


@dataclass
class Context:
    """Shared, read-only inputs of the source modules."""

    world: World
    index: NominalIndex
    scale: Scale
    seed: int
    profile: WorldProfile = WORLDS["standard"]

    def rng(self, name: str) -> np.random.Generator:
        """The random stream for one named part of the generator."""
        return stream(self.seed, name)

    def identity_rows(
        self, system: str, source_ids: np.ndarray, persons: np.ndarray
    ) -> pd.DataFrame:
        """Identity rows (source_system, source_id, person_id), one per distinct source id."""
        frame = pd.DataFrame(
            {
                "source_system": system,
                "source_id": np.asarray(source_ids, dtype=object),
                "person_id": self.world.persons["person_id"].to_numpy()[
                    np.asarray(persons, dtype=int)
                ],
            }
        )
        return frame.drop_duplicates("source_id", ignore_index=True)
