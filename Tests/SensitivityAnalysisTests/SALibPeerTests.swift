import _TestSupport
import Foundation
import SensitivityAnalysis
import Testing

/// The estimators against SALib (the reference Python library) on the same design and outputs: SALib
/// implements the same formulas (Saltelli 2010 first-order, Jansen total, Morris with the sample
/// standard deviation), so the point estimates must agree to rounding. Skipped, saying so, where
/// SALib is not installed (`pip install SALib`).
@Suite("SALib peer")
struct SALibPeerTests {
    static let script = """
    import json, sys
    import numpy as np
    from SALib.analyze import morris, sobol
    data = json.load(open(sys.argv[1]))
    problem = {"num_vars": data["d"], "names": [f"x{i}" for i in range(data["d"])], "bounds": [[0, 1]] * data["d"]}
    if data["method"] == "sobol":
        r = sobol.analyze(problem, np.array(data["y"]), calc_second_order=False, num_resamples=10, print_to_console=False)
        out = {"first": list(r["S1"]), "total": list(r["ST"])}
    else:
        r = morris.analyze(problem, np.array(data["x"]), np.array(data["y"]), num_levels=4, num_resamples=10)
        out = {"muStar": list(r["mu_star"]), "mu": list(r["mu"]), "sigma": list(r["sigma"])}
    print(json.dumps(out))
    """

    static func salib(_ design: SensitivityDesign, _ outputs: [Double]) throws -> [String: [Double]] {
        let scratch = try ScratchDirectory("salib")
        let input = try JSONSerialization.data(withJSONObject: [
            "d": design.dimension, "method": design.method.rawValue, "x": design.points, "y": outputs,
        ] as [String: Any])
        let path = try scratch.write(input, to: "design.json")
        let run = try TestEnvironment.runPython(["-c", script, path])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [Double]]
        return object ?? [:]
    }

    @Test(.enabled(if: TestEnvironment.hasPythonModules(["SALib"]), "needs python3 with SALib: pip install SALib"))
    func sobolAgreesWithSALib() throws {
        let design = SensitivityDesign.sobol(dimension: 3, baseSamples: 1000, seed: 2)
        let outputs = design.points.map(SensitivityIndicesTests.ishigami)
        let ours = SensitivityIndices.sobol(design, outputs: outputs, resamples: 10)
        let theirs = try Self.salib(design, outputs)
        for i in 0..<3 {
            #expect(abs(ours[i].first.value - (theirs["first"]?[i] ?? .nan)) < 1e-9)
            #expect(abs(ours[i].total.value - (theirs["total"]?[i] ?? .nan)) < 1e-9)
        }
    }

    @Test(.enabled(if: TestEnvironment.hasPythonModules(["SALib"]), "needs python3 with SALib: pip install SALib"))
    func morrisAgreesWithSALib() throws {
        let design = SensitivityDesign.morris(dimension: 6, trajectories: 30, seed: 4)
        let outputs = design.points.map(SensitivityIndicesTests.g)
        let ours = SensitivityIndices.morris(design, outputs: outputs)
        let theirs = try Self.salib(design, outputs)
        for i in 0..<6 {
            #expect(abs(ours[i].muStar - (theirs["muStar"]?[i] ?? .nan)) < 1e-9)
            #expect(abs(ours[i].mu - (theirs["mu"]?[i] ?? .nan)) < 1e-9)
            #expect(abs(ours[i].sigma - (theirs["sigma"]?[i] ?? .nan)) < 1e-9)
        }
    }
}
