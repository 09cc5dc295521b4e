import Foundation
import FunnelModel
import Sampling
import Yams

/// Reading numbers and distribution mappings (MODEL.md section 2) from YAML
/// nodes: the written form (its `dist`, its parameter keys, its numbers) is
/// read here; the distribution's own rules are `Distribution(_:_:)`'s and the
/// field's are `QuantityKind.problem(with:)`, reported here with the node's
/// line and the value as written.
extension ScenarioReader {
    /// A plain number (`.constant`) or a distribution mapping, with its
    /// parameters checked (but not the field's range: see `rangeProblem`).
    mutating func distribution(_ node: Node, _ path: String) -> Distribution? {
        let expected = "a number or a distribution such as \(Distribution.example)"
        switch node {
        case .scalar:
            guard let v = number(node, path, expected: expected) else { return nil }
            if let problem = Quantity.magnitudeProblem(.constant(v)) {
                report(node, path, problem, value: ScenarioReader.render(node))
                return nil
            }
            return .constant(v)
        case .sequence, .alias:
            report(node, path, "expected \(expected), not \(ScenarioReader.shape(node))", value: ScenarioReader.render(node))
            return nil
        case .mapping(let m):
            guard let d = distribution(mapping: m, node: node, path: path) else { return nil }
            if let problem = Quantity.magnitudeProblem(d) {
                report(node, path, problem, value: ScenarioReader.render(node))
                return nil
            }
            return d
        }
    }

    private mutating func distribution(mapping m: Node.Mapping, node: Node, path: String) -> Distribution? {
        let written = ScenarioReader.render(node)
        let known = Distribution.names.joined(separator: ", ")
        var distNode: Node?
        var params: [(key: String, keyNode: Node, value: Node)] = []
        for p in pairs(m, path) {
            if p.key == "dist" { distNode = p.value } else { params.append(p) }
        }
        guard let distNode else {
            report(node, path, "a distribution needs 'dist' (one of \(known)), as in \(Distribution.example)",
                   value: written)
            return nil
        }
        guard case .scalar(let ds) = distNode, !ScenarioReader.isNull(distNode),
              let forms = Distribution.forms[ds.string] else {
            let given = ScenarioReader.render(distNode)
            var message = "unknown distribution; known: \(known)"
            if let guess = Suggest.closest(given, among: Distribution.names) {
                message = "unknown distribution; did you mean '\(guess)'? Known: \(known)"
            }
            report(distNode, FieldPath.join(path, "dist"), message, value: given)
            return nil
        }
        let name = ds.string
        let formsText = Distribution.formsText(name)
        let allowed = Set(forms.joined())
        var ok = true
        for p in params where !allowed.contains(p.key) {
            var message = "unknown parameter '\(p.key)' for \(name)"
            if let guess = Suggest.closest(p.key, among: Array(allowed).sorted()) { message += "; did you mean '\(guess)'?" }
            message += " (\(name) takes \(formsText))"
            report(p.keyNode, FieldPath.join(path, p.key), message)
            ok = false
        }
        guard ok else { return nil }
        let given = params.map(\.key)
        guard forms.contains(where: { Set($0) == Set(given) }) else {
            if given.isEmpty {
                report(node, path, "\(name) needs its parameters: \(formsText)", value: written)
            } else if let form = forms.filter({ Set(given).isSubset(of: Set($0)) }).min(by: { $0.count < $1.count }) {
                let absent = form.filter { !given.contains($0) }
                report(node, path, "\(name) is missing \(absent.joined(separator: ", ")) (\(name) takes \(formsText))", value: written)
            } else {
                report(node, path, "\(name) takes exactly one of \(formsText), not a mix of them", value: written)
            }
            return nil
        }

        // The numbers.
        var v: [String: Double] = [:]
        for p in params where p.key != "values" && p.key != "weights" {
            if let x = number(p.value, FieldPath.join(path, p.key)) { v[p.key] = x } else { ok = false }
        }
        guard ok else { return nil }

        var values: [Double]?, weights: [Double]?
        if name == "empirical" {
            values = list(params, "values", path)
            let hasWeights = params.contains { $0.key == "weights" }
            weights = hasWeights ? list(params, "weights", path) : nil
            guard values != nil, !hasWeights || weights != nil else { return nil }
        }
        do {
            return try Distribution(name, v, values: values, weights: weights)
        } catch {
            report(node, path, error.message, value: written)
            return nil
        }
    }

    /// The numbers of an empirical table's `values` or `weights` list; nil
    /// where it is absent or no list of numbers (reported).
    private mutating func list(_ params: [(key: String, keyNode: Node, value: Node)], _ key: String,
                               _ path: String) -> [Double]? {
        guard let p = params.first(where: { $0.key == key }) else { return nil }
        let lpath = FieldPath.join(path, key)
        guard case .sequence(let seq) = p.value else {
            report(p.value, lpath, "expected a list of numbers such as [14, 30, 60], not \(ScenarioReader.shape(p.value))",
                   value: ScenarioReader.render(p.value))
            return nil
        }
        guard !seq.isEmpty else {
            report(p.value, lpath, "must list at least one number")
            return nil
        }
        var out: [Double] = []
        var ok = true
        for (i, item) in seq.enumerated() {
            if let x = number(item, lpath + "[\(i)]") { out.append(x) } else { ok = false }
        }
        return ok ? out : nil
    }

    /// A field's value: a whole number for integer kinds, else a number or a
    /// distribution whose support fits the kind. Reports and returns nil on
    /// any problem.
    mutating func quantity(_ node: Node, _ path: String, kind: QuantityKind) -> Quantity? {
        if case .integer(let minimum) = kind {
            return integer(node, path, minimum: minimum).map { Quantity(Double($0), kind: kind) }
        }
        guard let d = distribution(node, path) else { return nil }
        if let problem = kind.problem(with: d) {
            report(node, path, problem, value: ScenarioReader.render(node))
            return nil
        }
        return Quantity(d, kind: kind)
    }

    /// An optional field's value; nil where absent or wrong (reported).
    mutating func quantity(_ f: Fields, _ key: String, _ kind: QuantityKind) -> Quantity? {
        guard let node = f[key] else { return nil }
        return quantity(node, f.path(key), kind: kind)
    }

    /// A required field: reported where absent; a placeholder of 0 keeps
    /// the walk going (the scenario is rejected anyway).
    mutating func requiredQuantity(_ f: Fields, _ key: String, _ kind: QuantityKind, _ hint: String = "") -> Quantity {
        if f[key] == nil { missing(f, key, hint) }
        return quantity(f, key, kind) ?? Quantity(0, kind: kind)
    }

    /// The fields `list` of one section, each written one replacing the
    /// value `root` holds (its type's default, or a placeholder for a
    /// required field); a required field (`required`: its hint) that is
    /// absent is reported.
    mutating func read<F: QuantityField>(_ f: Fields, into root: inout F.Root, _ list: [F], required: [F: String] = [:]) {
        for field in list {
            if let hint = required[field], f[field.key] == nil { missing(f, field.key, hint) }
            guard let q = quantity(f, field.key, field.kind) else { continue }
            switch field.access {
            case .value(let k): root[keyPath: k] = q
            case .optional(let k): root[keyPath: k] = q
            }
        }
    }
}
