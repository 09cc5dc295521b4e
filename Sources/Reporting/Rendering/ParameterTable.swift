import FunnelModel

/// `funnelcast validate --parameters`: every parameter path with its value
/// and whether it is uncertain (MODEL.md 13, 17.13).
public enum ParameterTable {
    public static func render(_ scenario: Scenario) -> String {
        let rows = scenario.parameterDescriptions
        var t = TextTable(columns: [.left("parameter"), .left("value"), .left("kind"), .left("uncertain")])
        for p in rows { t.add([p.path, p.value, kind(p.kind), p.isUncertain ? "yes" : "no"]) }
        return "\(rows.count) parameters, \(rows.filter(\.isUncertain).count) uncertain (drawn once per trial); "
            + "durations given as distributions are drawn per event.\n" + t.render() + "\n"
    }

    static func kind(_ k: QuantityKind) -> String {
        switch k {
        case .probability: return "probability"
        case .nonNegative: return "rate, cost or multiplier"
        case .duration: return "duration"
        case .integer: return "whole number"
        }
    }
}
