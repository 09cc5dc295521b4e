import Forecast

/// The command a part belongs to, with every option that shapes its result
/// (MODEL.md 20): what a part's header records as `command` and `options`,
/// and what a merge reads back to finish the command. --threads, --out,
/// --shard and the run limits change no number and are not recorded.
public enum ShardedCommand: Sendable, Equatable {
    /// `run`: trials.csv rows kept or not, and the CSV delimiter as given.
    case run(trialsCSV: Bool, delimiter: String)
    /// `compare`: the interventions named (empty: all).
    case compare(interventions: [String])
    /// `sensitivity --method tornado|sobol|correlation`.
    case sensitivity(Sensitivity)
    /// `plan`: its shards split the levers, each searched whole.
    case plan(Plan)
    /// `report`: the scenario's interventions compared or not
    /// (`--no-interventions`); its merge writes the HTML page.
    case report(interventions: Bool)

    /// `plan`'s options, as `PlanJob` takes them.
    public struct Plan: Sendable, Equatable {
        public var levers: [String]
        public var target: Double
        public var metric: String?, scope: String?
        public var min: Double?, max: Double?
        public var precision: Precision?

        public init(levers: [String], target: Double, metric: String?, scope: String?, min: Double?, max: Double?,
                    precision: Precision?) {
            self.levers = levers; self.target = target; self.metric = metric; self.scope = scope
            self.min = min; self.max = max; self.precision = precision
        }
    }

    public struct Sensitivity: Sendable, Equatable {
        public enum Method: String, Sendable, CaseIterable { case tornado, sobol, correlation }
        public var method: Method
        public var metric: String?, scope: String?
        public var parameters: [String]
        public var swing: Double, bootstrap: Int

        public init(method: Method, metric: String?, scope: String?, parameters: [String], swing: Double, bootstrap: Int) {
            self.method = method; self.metric = metric; self.scope = scope
            self.parameters = parameters; self.swing = swing; self.bootstrap = bootstrap
        }
    }

    /// The header's `command`.
    public var name: String {
        switch self {
        case .run: return "run"
        case .compare: return "compare"
        case .sensitivity: return "sensitivity"
        case .plan: return "plan"
        case .report: return "report"
        }
    }

    /// The header's `options`, in a fixed order (lists as repeated keys).
    public var options: [PartHeader.Option] {
        switch self {
        case let .run(trialsCSV, delimiter):
            return [.init("trials-csv", String(trialsCSV)), .init("delimiter", delimiter)]
        case let .compare(names):
            return names.map { .init("intervention", $0) }
        case let .sensitivity(s):
            var o: [PartHeader.Option] = [.init("method", s.method.rawValue), .init("metric", s.metric ?? ""),
                                          .init("scope", s.scope ?? "")]
            o += s.parameters.map { .init("parameter", $0) }
            // Only the option the method reads: a tornado's swing, a Sobol's resamples.
            if s.method == .tornado { o.append(.init("swing", String(s.swing))) }
            if s.method == .sobol { o.append(.init("bootstrap", String(s.bootstrap))) }
            return o
        case let .plan(p):
            // Numbers as Swift prints a Double: they read back as the same bits.
            func number(_ v: Double?) -> String { v.map { String($0) } ?? "" }
            var o = p.levers.map { PartHeader.Option("lever", $0) }
            o += [.init("target", String(p.target)), .init("metric", p.metric ?? ""), .init("scope", p.scope ?? ""),
                  .init("min", number(p.min)), .init("max", number(p.max)),
                  .init("precision", number(p.precision?.halfWidth)),
                  .init("precision-relative", String(p.precision?.isRelative ?? false))]
            return o
        case let .report(interventions):
            return [.init("interventions", String(interventions))]
        }
    }

    /// The command a header records; nil where it is none of these.
    public init?(_ header: PartHeader) {
        let o = header.options
        func all(_ key: String) -> [String] { o.filter { $0.key == key }.map(\.value) }
        func one(_ key: String) -> String? { all(key).first }
        switch header.command {
        case "run":
            guard let csv = one("trials-csv").flatMap(Bool.init), let d = one("delimiter") else { return nil }
            self = .run(trialsCSV: csv, delimiter: d)
        case "compare":
            self = .compare(interventions: all("intervention"))
        case "sensitivity":
            guard let m = one("method").flatMap(Sensitivity.Method.init(rawValue:)) else { return nil }
            let metric = one("metric") ?? "", scope = one("scope") ?? ""
            self = .sensitivity(Sensitivity(method: m, metric: metric.isEmpty ? nil : metric, scope: scope.isEmpty ? nil : scope,
                                            parameters: all("parameter"), swing: one("swing").flatMap(Double.init) ?? 0.2,
                                            bootstrap: one("bootstrap").flatMap(Int.init) ?? 1000))
        case "plan":
            guard let target = one("target").flatMap(Double.init) else { return nil }
            func number(_ key: String) -> Double? { one(key).flatMap(Double.init) }
            func text(_ key: String) -> String? { one(key).flatMap { $0.isEmpty ? nil : $0 } }
            let precision = number("precision").map {
                Precision(halfWidth: $0, isRelative: one("precision-relative").flatMap(Bool.init) ?? false)
            }
            self = .plan(Plan(levers: all("lever"), target: target, metric: text("metric"), scope: text("scope"),
                              min: number("min"), max: number("max"), precision: precision))
        case "report":
            guard let i = one("interventions").flatMap(Bool.init) else { return nil }
            self = .report(interventions: i)
        default:
            return nil
        }
        guard options == o else { return nil }
    }
}
