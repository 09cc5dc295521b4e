import FunnelModel
import Simulation

/// `--parameters PATTERN ...` for the analyses over uncertain parameters
/// (Sobol, correlation): the patterns' `*` matches one path segment.
public enum ParameterSelection {
    /// Indices into `model.uncertainPaths` of the parameters the patterns
    /// match (nil: no patterns, all of them). A pattern that matches no
    /// uncertain parameter is an error listing the closest ones.
    public static func uncertain(_ patterns: [String], in model: SimulationModel) throws(SensitivityError) -> [Int]? {
        guard !patterns.isEmpty else { return nil }
        guard !model.uncertainPaths.isEmpty else {
            throw SensitivityError("--parameters: the scenario has no uncertain parameters (distributions on probabilities, "
                                   + "rates or costs)", badOption: true)
        }
        let all = model.scenario.parameters.map(\.slot.path)
        for p in patterns where !model.uncertainPaths.contains(where: { PathPattern.matches(p, $0) }) {
            if let fixed = all.first(where: { PathPattern.matches(p, $0) }) {
                throw SensitivityError("--parameters \(p): the pattern matches only fixed parameters (such as \(fixed)), "
                                       + "no uncertain one; uncertain: " + model.uncertainPaths.joined(separator: ", "), badOption: true)
            }
        }
        do {
            let paths = try PathPattern.select(patterns, from: model.uncertainPaths, what: "uncertain parameter")
            return paths.map { model.uncertainPaths.firstIndex(of: $0)! }
        } catch {
            throw SensitivityError("--parameters \(error)", badOption: true)
        }
    }
}
