import Foundation
import FunnelModel
import Yams

/// `interventions[]` (MODEL.md section 13): named sets of changes, each
/// pattern checked against the scenario's parameter paths.
extension ScenarioReader {
    static let changeForms = "a number, a distribution, \"x0.6\" (multiply) or \"+2\" / \"-1\" (add)"

    mutating func interventions(_ node: Node, scenario: Scenario, writtenPools: Set<String> = []) -> [Intervention] {
        guard case .sequence(let seq) = node else {
            report(node, "interventions", "expected a list of interventions (- name: ..., changes: ...), not \(ScenarioReader.shape(node))",
                   value: ScenarioReader.render(node))
            return []
        }
        let parameters = scenario.parameters
        var names: [String: Int?] = [:]
        var out: [Intervention] = []
        for (i, item) in seq.enumerated() {
            let path = FieldPath.item("interventions", item, index: i)
            guard let f = fields(item, path, allowed: ["name", "changes"], what: "an intervention mapping") else { continue }
            let name = self.name(f, what: "intervention", names: &names, identifier: false) ?? ""
            guard let cn = f["changes"] else {
                missing(f, "changes", " (a mapping from parameter paths to \(ScenarioReader.changeForms))")
                continue
            }
            guard case .mapping(let cm) = cn else {
                report(cn, f.path("changes"), "expected a mapping from parameter paths to \(ScenarioReader.changeForms), not \(ScenarioReader.shape(cn))",
                       value: ScenarioReader.render(cn))
                continue
            }
            if cm.isEmpty { report(cn, f.path("changes"), "lists no changes") }
            var changes: [ParameterChange] = []
            var replaced: [(path: String, line: Int?)] = []
            var sites: [(node: Node, path: String)] = []
            for (pattern, keyNode, value) in pairs(cm, f.path("changes")) {
                let cpath = f.path("changes") + "[\"\(pattern)\"]"
                guard let change = change(pattern, keyNode: keyNode, value: value, path: cpath, parameters: parameters) else { continue }
                changes.append(change)
                sites.append((value, cpath))
                if case .replace = change.operation {
                    for p in parameters where PathPattern.matches(pattern, p.slot.path) { replaced.append((p.slot.path, value.mark?.line)) }
                }
            }
            checkAbsentPools(replaced, scenario: scenario, path: f.path("changes"), skipping: writtenPools)
            checkApplies(changes, sites: sites, name: name, scenario: scenario)
            out.append(Intervention(name: name, changes: changes))
        }
        return out
    }

    /// One change; nil where its pattern or value is wrong (reported).
    mutating func change(_ pattern: String, keyNode: Node, value: Node, path: String,
                         parameters: [(slot: ParameterSlot, value: Quantity?)]) -> ParameterChange? {
        let matched = parameters.filter { PathPattern.matches(pattern, $0.slot.path) }
        if matched.isEmpty {
            let closest = Suggest.closestPaths(pattern, parameters.map(\.slot.path))
            report(keyNode, path, "the pattern matches no parameter; closest: \(closest.joined(separator: ", "))")
        }
        guard let op = operation(value, path) else { return nil }
        guard !matched.isEmpty else { return nil }
        let written = ScenarioReader.render(value)
        switch op {
        case .replace(let d):
            // One report per kind of field the pattern reaches.
            var seen: [QuantityKind] = []
            for m in matched {
                let kind = m.value?.kind ?? m.slot.id.kind
                guard !seen.contains(kind) else { continue }
                seen.append(kind)
                if let problem = kind.problem(with: d) {
                    report(value, path, "cannot replace \(m.slot.path): \(problem)", value: written)
                }
            }
        case .multiply, .add:
            let absent = matched.filter { $0.value == nil }.map(\.slot.path)
            if !absent.isEmpty {
                let shown = absent.prefix(3).joined(separator: ", ") + (absent.count > 3 ? ", ..." : "")
                report(value, path,
                       "\(shown) \(absent.count == 1 ? "is" : "are") not set (no limit): a \"no limit\" field can be set to a number but not multiplied or added to",
                       value: written)
            }
        }
        return ParameterChange(pattern: pattern, operation: op)
    }

    /// `"x0.6"` (multiply), `"+2"` / `"-1"` (add), else a replacement number
    /// or distribution. Its fit to the fields it reaches is checked by the caller.
    mutating func operation(_ node: Node, _ path: String) -> ParameterChange.Operation? {
        if case .scalar(let s) = node, !ScenarioReader.isNull(node) {
            let t = s.string.trimmingCharacters(in: .whitespaces)
            if let first = t.first, "xX×*".contains(first) {
                let rest = String(t.dropFirst()).trimmingCharacters(in: .whitespaces)
                guard let factor = ScenarioReader.decimal(rest), factor.isFinite else {
                    report(node, path, "a multiplication is written \"x0.6\"", value: ScenarioReader.render(node))
                    return nil
                }
                guard factor >= 0 else {
                    report(node, path, "a multiplier must not be negative", value: ScenarioReader.render(node))
                    return nil
                }
                return .multiply(factor)
            }
            if t.hasPrefix("+") || t.hasPrefix("-") {
                guard let amount = ScenarioReader.decimal(t), amount.isFinite else {
                    report(node, path, "an addition is written \"+2\" or \"-1\"", value: ScenarioReader.render(node))
                    return nil
                }
                return .add(amount)
            }
            return number(node, path, expected: ScenarioReader.changeForms).map { .replace(.constant($0)) }
        }
        return distribution(node, path).map { .replace($0) }
    }

    /// The intervention as `compare` will apply it (issue 15, point 7): a
    /// change that makes the plan invalid (a pool count below 1) is
    /// reported at the line of the change that reached the field. Only on
    /// a scenario that is otherwise valid so far, so one mistake is not
    /// reported twice.
    mutating func checkApplies(_ changes: [ParameterChange], sites: [(node: Node, path: String)], name: String,
                               scenario: Scenario) {
        guard !changes.isEmpty, issues.isEmpty else { return }
        do { _ = try scenario.applying(changes) } catch {
            let at = Array(zip(changes, sites)).last { PathPattern.matches($0.0.pattern, error.path) || $0.0.pattern == error.path }?.1
                ?? sites.last!
            report(at.node, at.path, "intervention '\(name)' makes \(error.path) invalid: \(error.message)",
                   value: error.value ?? ScenarioReader.render(at.node))
        }
    }

    /// Setting an absent pool takes both its count and its hours.
    mutating func checkAbsentPools(_ replaced: [(path: String, line: Int?)], scenario: Scenario, path: String,
                                   skipping: Set<String>) {
        for role in PoolRole.allCases where scenario.pool(role) == nil && !skipping.contains(role.rawValue) {
            let label = role.rawValue
            let count = replaced.first { $0.path == ParameterID.pool(role, .count).path }
            let hours = replaced.first { $0.path == ParameterID.pool(role, .hoursPerWeek).path }
            if let given = count ?? hours, (count == nil) != (hours == nil) {
                let other = count == nil ? "count" : "hours_per_week"
                report(line: given.line, path,
                       "the plan has no \(label) pool; an intervention that adds one must set both \(label).count and \(label).hours_per_week (\(label).\(other) is missing)")
            }
        }
    }
}
