import FunnelModel

/// `funnelcast compare A.yaml B.yaml` (docs/model.md, "Comparing two
/// files"): the second file run as a variant of the first, on the first
/// file's trials and seed, so every trial of B meets the random numbers of
/// the same trial of A and each metric's change is a paired difference.
///
/// Two files pair up when they forecast the same thing: the same
/// requisitions (by name, in the same order: they are the scopes compared
/// trial by trial and the keys of their streams), the same start date and
/// the same horizon (every time and every "within the horizon" is measured
/// from the one and cut at the other). Everything else may differ: stages,
/// rates, pools, openings, deadlines. Where B's structure differs (another
/// stage, another pool), its candidates still draw from the same streams;
/// the pairing stays exact in trials and only gains less variance.
public enum ScenarioPair {
    /// B as a variant of A, named `label`, with the lines that say what of
    /// B is not used (its trials, seed and interventions); throws a
    /// one-line error naming both files, the field and its values when the
    /// two cannot be compared.
    public static func variant(of baseline: Scenario, baselineLabel: String,
                               other: Scenario, label: String) throws(SensitivityError) -> InterventionComparison.Variant {
        let aNames = baseline.requisitions.map(\.name), bNames = other.requisitions.map(\.name)
        let need = "; compare A B needs the same requisitions in the same order, the same start and the same horizon"
        if aNames != bNames {
            if aNames.count != bNames.count {
                throw SensitivityError("\(label): requisitions: \(bNames.count) (\(quoted(bNames))) where \(baselineLabel) has "
                                       + "\(aNames.count) (\(quoted(aNames)))" + need)
            }
            let i = aNames.indices.first { aNames[$0] != bNames[$0] } ?? 0
            throw SensitivityError("\(label): requisitions[\(i)].name: '\(bNames[i])' where \(baselineLabel) has '\(aNames[i])'" + need)
        }
        if baseline.start != other.start {
            throw SensitivityError("\(label): start: \(other.start) where \(baselineLabel) has \(baseline.start)" + need)
        }
        if baseline.horizonDays != other.horizonDays {
            throw SensitivityError("\(label): horizon_days: \(number(other.horizonDays)) where \(baselineLabel) has "
                                   + number(baseline.horizonDays) + need)
        }
        var b = other
        var notes: [String] = []
        if b.trials != baseline.trials || b.seed != baseline.seed {
            notes.append("\(label)'s trials (\(b.trials)) and seed (\(b.seed)) are not used: both files run "
                         + "\(baseline.trials) trials with seed \(baseline.seed), the same random numbers")
        }
        if !b.interventions.isEmpty {
            let n = b.interventions.count
            notes.append("\(label)'s \(n) intervention\(n == 1 ? "" : "s") \(n == 1 ? "is" : "are") not run: "
                         + "compare A B compares the two files' plans as written")
        }
        b.trials = baseline.trials
        b.seed = baseline.seed
        b.interventions = []
        return InterventionComparison.Variant(name: label, notes: notes, scenario: b)
    }

    private static func quoted(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }

    private static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
