"""Every package installed in this environment is pinned in constraints.txt (else a fresh machine may resolve
a different version, or none). Prints the missing ones and exits 1."""

from __future__ import annotations

import sys
from importlib.metadata import distributions
from pathlib import Path

from packaging.utils import canonicalize_name as normal  # PEP 503 names: ruamel.yaml = ruamel-yaml

pinned = {
    normal(line.split("==")[0]) for line in Path("constraints.txt").read_text().splitlines() if line and not line.startswith("#")
}
project = normal("kontum-mttq-site")
installed = {normal(dist.metadata["Name"]) for dist in distributions()} - {project, "pip", "setuptools", "wheel"}
missing = sorted(installed - pinned)
if missing:
    print(f"constraints.txt does not pin: {', '.join(missing)} (add them with their installed versions)", file=sys.stderr)
    sys.exit(1)
