"""What a known export is: its name and the headers that identify it."""

from dataclasses import dataclass, field

from rebound.lib.types import StrOrPromise


@dataclass(frozen=True)
class Format:
    # What the user is told the file is (kept with the import: ImportJob.recognised).
    label: StrOrPromise
    headers: frozenset[str]  # normalised headers (columns.norm) it always has
    # Columns that hold the user's own details, not the employer's: left out of the mapping.
    own_details: frozenset[str] = field(default_factory=frozenset)
