"""The three places that name our dependencies agree: pyproject.toml, the lock, environment.yml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]


def declared() -> dict[str, Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    requirements = [Requirement(r) for r in project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        requirements += [Requirement(r) for r in extra]
    return {canonicalize_name(r.name): r for r in requirements}


def locked() -> dict[str, str]:
    pins = {}
    for line in (REPO / "requirements" / "lock.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    return pins


def conda() -> dict[str, str]:
    environment = yaml.safe_load((REPO / "environment.yml").read_text())
    pins = {}
    for item in environment["dependencies"]:
        entries = item["pip"] if isinstance(item, dict) else [item]
        for entry in entries:
            match = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*==?\s*([^\s]+)", entry)
            if match:
                pins[canonicalize_name(match[1])] = match[2]
    return pins


def test_every_declared_dependency_is_locked_within_its_range():
    pins = locked()
    for name, requirement in declared().items():
        assert name in pins, f"{name} is declared in pyproject.toml but not locked"
        assert requirement.specifier.contains(pins[name]), (name, str(requirement), pins[name])


def test_environment_yml_lists_every_dependency_at_the_locked_version():
    pins, environment = locked(), conda()
    for name in declared():
        assert name in environment, f"{name} is missing from environment.yml"
        assert environment[name] == pins[name], (name, environment[name], pins[name])
    assert environment["python"] == "3.11"


def test_lock_pins_the_versions_findings_require():
    pins = locked()
    # geoviews 1.15 breaks every projected Polygons render with cartopy 0.26.
    assert pins["geoviews"].startswith("1.15.") and pins["cartopy"] < "0.26"
    assert pins["panel"].startswith("1.9.") and pins["bokeh"].startswith("3.9.")
