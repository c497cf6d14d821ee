#!/usr/bin/env python3
"""Checks the module graph against the architecture (README, "Development"):

1. every module imports only what its target declares (plus the toolchain's own modules);
2. no module depends on a module of a higher layer (LAYERS below, lowest first);
3. ClearanceModel and EventSimulation, with everything they depend on, use neither GDAL nor
   OpenBLAS (they build and test without them).

Reads `swift package describe --type json`; prints each violation and exits 1 if there is one.
Usage: python3 scripts/check-layers.py [package directory]
"""
import json, os, re, subprocess, sys

# Lowest first; a target may depend only on targets in earlier entries (same entry: independent).
LAYERS = [
    {"ClearcastDomain", "ParallelWork", "AtomicFiles", "CLinearAlgebra", "CGDAL", "CCrypto"},
    {"LinearAlgebra", "EventSimulation"},
    {"SensitivityAnalysis"},
    {"GeoData"},
    {"RiskModel", "ClearanceModel"},
    {"ResourcePlanning"},
    {"Scenarios"},
    {"Calibration"},
    {"Reporting"},
    {"ClearcastCLI"},
    {"clearcast"},
]
TOOLCHAIN = {"Foundation", "FoundationEssentials", "FoundationXML", "Dispatch", "Synchronization", "Glibc", "Musl",
             "Darwin", "Testing", "XCTest", "_Concurrency"}
FREE_OF = {"ClearanceModel": {"CGDAL", "CLinearAlgebra"}, "EventSimulation": {"CGDAL", "CLinearAlgebra"},
           "ResourcePlanning": {"CGDAL", "CLinearAlgebra"}}
IMPORT = re.compile(r"^(?:@testable\s+|@_exported\s+|public\s+|package\s+|internal\s+)*import\s+(?:struct\s+|enum\s+|class\s+|func\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def imports(text):
    """Modules imported by the header of a Swift file (the imports before the first declaration;
    import-like lines inside string literals further down are not imports)."""
    found = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("//") or stripped.startswith("#if") or stripped.startswith("#endif"):
            continue
        match = IMPORT.match(stripped)
        if not match:
            break
        found.append(match.group(1))
    return found


def main(root):
    described = json.loads(subprocess.run(["swift", "package", "describe", "--type", "json"], cwd=root,
                                          check=True, capture_output=True, text=True).stdout)
    targets = {t["name"]: t for t in described["targets"]}
    layer_of = {name: i for i, layer in enumerate(LAYERS) for name in layer}
    problems = []
    for name, target in targets.items():
        declared = set(target.get("target_dependencies", [])) | set(target.get("product_dependencies", []))
        path = os.path.join(root, target["path"])
        for directory, _, files in os.walk(path):
            for file in files:
                if not file.endswith(".swift"):
                    continue
                with open(os.path.join(directory, file), encoding="utf-8") as handle:
                    for module in imports(handle.read()):
                        if module not in declared and module not in TOOLCHAIN and module != name:
                            problems.append(f"{target['path']}/{os.path.relpath(os.path.join(directory, file), path)}: "
                                            f"imports {module}, which target {name} does not declare")
        if name in layer_of:
            for dependency in target.get("target_dependencies", []):
                if dependency in layer_of and layer_of[dependency] >= layer_of[name] and dependency != name:
                    problems.append(f"{name} (layer {layer_of[name]}) depends on {dependency} "
                                    f"(layer {layer_of[dependency]}): lower layers never depend on higher ones")
        elif target["type"] not in ("test",) and not name.startswith("_"):
            problems.append(f"{name}: not placed in a layer of scripts/check-layers.py")

    def closure(name, seen=None):
        seen = set() if seen is None else seen
        for dependency in targets.get(name, {}).get("target_dependencies", []):
            if dependency not in seen:
                seen.add(dependency)
                closure(dependency, seen)
        return seen

    for name, forbidden in FREE_OF.items():
        for bad in sorted(closure(name) & forbidden):
            problems.append(f"{name} depends (directly or not) on {bad}; it must build without it")
    for problem in problems:
        print("check-layers:", problem)
    print(f"check-layers: {len(targets)} targets, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.getcwd()))
