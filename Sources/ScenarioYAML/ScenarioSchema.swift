import FunnelModel
import Sampling
/// A JSON Schema (draft 2020-12) of the scenario format (MODEL.md sections
/// 2, 13 and 15), for editors with YAML language support: they validate a
/// scenario file as it is typed and complete its field names.
///
/// The schema is built from the same key lists, field kinds and
/// distribution forms as the loader (`ScenarioReader.topKeys`,
/// `QuantityField`, `Distribution.forms`, ...) and from the defaults the
/// value types declare, so the two cannot drift apart. Every mapping has `additionalProperties: false`.
/// What a schema can say, it says: required fields, numbers or
/// distributions, probabilities within [0, 1], non-negative values, whole
/// numbers, dates, names. What it cannot, the loader checks (`funnelcast
/// validate`): `min <= max`, a distribution's support against its field,
/// unique names, deadlines within the horizon, paths in interventions.
public enum ScenarioSchema {
    /// The schema document.
    public static var document: JSONValue {
        .object([
            ("$schema", "https://json-schema.org/draft/2020-12/schema"),
            ("$id", "urn:funnelcast:scenario"),
            ("title", "Funnelcast scenario"),
            ("description", "A hiring plan for funnelcast (MODEL.md section 15). Check a file fully with `funnelcast validate FILE`."),
            ("type", "object"),
            ("required", ["name", "start", "requisitions"]),
            ("additionalProperties", false),
            ("properties", object(top)),
            ("$defs", defs),
        ])
    }

    /// The schema as JSON text, with a final newline.
    public static var text: String { document.render() + "\n" }

    // MARK: Fields

    typealias Field = (key: String, schema: JSONValue)

    static func object(_ fields: [Field]) -> JSONValue { .object(fields.map { ($0.key, $0.schema) }) }

    static func ref(_ name: String, _ description: String, default d: JSONValue? = nil) -> JSONValue {
        var m: [(String, JSONValue)] = [("$ref", .string("#/$defs/\(name)")), ("description", .string(description))]
        if let d { m.append(("default", d)) }
        return .object(m)
    }

    static func integer(_ description: String, minimum: Int, default d: Int? = nil) -> JSONValue {
        var m: [(String, JSONValue)] = [("type", "integer"), ("minimum", .number(Double(minimum))),
                                        ("maximum", .number(Double(Int32.max))), ("description", .string(description))]
        if let d { m.append(("default", .number(Double(d)))) }
        return .object(m)
    }

    static func mapping(_ description: String, required: [String] = [], _ fields: [Field],
                        extra: [(String, JSONValue)] = []) -> JSONValue {
        var m: [(String, JSONValue)] = [("description", .string(description)), ("type", "object")]
        if !required.isEmpty { m.append(("required", .array(required.map { .string($0) }))) }
        m.append(("additionalProperties", false))
        m.append(("properties", object(fields)))
        return .object(m + extra)
    }

    /// A numeric field: its kind's definition, and the default its value
    /// type declares (none for a `required` field or a "no limit" one).
    static func field<F: QuantityField>(_ f: F, in template: F.Root, _ description: String, required: Bool = false) -> Field {
        let value = required ? nil : f.access.get(template)
        switch f.kind {
        case .integer(let minimum):
            return (f.key, integer(description, minimum: minimum, default: value?.integerValue))
        case .probability:
            return (f.key, ref("probability", description, default: value.map { .number($0.fixedValue) }))
        case .nonNegative, .duration:
            return (f.key, ref("nonNegative", description, default: value.map { .number($0.fixedValue) }))
        }
    }

    /// Values holding the defaults of the sections whose initializers take
    /// required fields (a placeholder for those, never shown).
    static let requisitionTemplate = Requisition(name: "", sourcing: Sourcing(applicantsPerWeek: Quantity(0, kind: .nonNegative)),
                                                 stages: [], offer: Offer(accept: Quantity(0, kind: .probability)))
    static let scenarioTemplate = Scenario(name: "", start: CivilDate(dayNumber: 0), requisitions: [])
    static let stageTemplate = Stage(name: "", pass: Quantity(0, kind: .probability))
    static let poolTemplate = Pool(count: 0, hoursPerWeek: Quantity(0, kind: .nonNegative))

    /// A pool's capacity fields (the single form's and each named pool's).
    static var poolFields: [Field] {
        [
            field(Pool.Field.count, in: poolTemplate, "People in the pool (0: no limit).", required: true),
            field(Pool.Field.hoursPerWeek, in: poolTemplate, "Hours each gives per week.", required: true),
            ("discipline", .object([
                ("description", "How a busy pool takes waiting requests: priority (offers, then later stages first, requisitions taking turns) or fifo (request order)."),
                ("enum", .array(PoolDiscipline.allCases.map { .string($0.rawValue) })),
                ("default", .string(poolTemplate.discipline.rawValue))])),
        ]
    }

    /// `recruiters` / `interviewers`: one pool or a list of named pools (MODEL.md 21.1).
    static func pools(_ description: String) -> JSONValue {
        .object([("description", .string(description)),
                 ("anyOf", [.object([("$ref", "#/$defs/pool")]),
                            .object([("type", "array"), ("minItems", 1), ("items", .object([("$ref", "#/$defs/namedPool")]))])])])
    }

    static var top: [Field] {
        let fields: [Field] = [
            ("name", .object([("type", "string"), ("minLength", 1), ("pattern", "\\S"),
                              ("description", "A short title for the plan.")])),
            ("start", ref("date", "The plan's first day (day 0), YYYY-MM-DD.")),
            ("horizon_days", .object([("type", "number"), ("exclusiveMinimum", 0), ("maximum", 1_000_000),
                                      ("default", .number(scenarioTemplate.horizonDays)),
                                      ("description", "Calendar days simulated; what has not happened by then is \"not within horizon\".")])),
            ("trials", integer("Monte Carlo trials (the command line's --trials overrides it).", minimum: 1, default: scenarioTemplate.trials)),
            ("seed", .object([("type", "integer"), ("minimum", 0), ("maximum", .number(Double(UInt64.max))), ("default", .number(Double(scenarioTemplate.seed))),
                              ("description", "Master seed: the same seed gives the same forecast (--seed overrides it).")])),
            ("calendar", mapping("Working days and holidays (HR's clock).", [
                ("workdays", .object([("type", "array"), ("minItems", 1), ("uniqueItems", true), ("items", .object([("$ref", "#/$defs/weekday")])),
                                      ("default", .array(CalendarSpec().workdays.map { .string($0.name) })),
                                      ("description", "Working weekdays.")])),
                ("holidays", .object([("type", "array"), ("description", "Holiday ranges, inclusive; no HR work on these days."),
                                      ("items", mapping("A holiday.", required: ["from"], [
                                          ("name", .object([("type", "string"), ("description", "What the holiday is.")])),
                                          ("from", ref("date", "First day, YYYY-MM-DD.")),
                                          ("to", ref("date", "Last day, YYYY-MM-DD (default: from).")),
                                      ]))])),
                ("seasonality", mapping("Month multipliers on every applicant rate (months left out: 1); arrivals are a non-homogeneous Poisson process.",
                                        Month.allCases.map { m in
                                            (m.name, ref("nonNegative", "Multiplier of the applicant rates in \(m.name).", default: .number(1)))
                                        })),
            ])),
            ("weather", mapping("Bad-weather days raise interview no-shows.", [
                field(Weather.Field.badDayProbability, in: Weather(), "Probability that a day is a bad-weather day."),
                field(Weather.Field.noShowMultiplier, in: Weather(), "Multiplies every interview's no-show probability on a bad day."),
            ])),
            ("budget", mapping("Budget approval and company-wide freezes.", [
                field(Budget.Field.approvalDays, in: Budget(), "Calendar days from opening until offers may go out (drawn per requisition)."),
                field(Budget.Field.freezesPerYear, in: Budget(), "Budget freezes per year (a Poisson process)."),
                field(Budget.Field.freezeDays, in: Budget(), "How long a freeze lasts, calendar days (drawn per freeze); required when freezes_per_year is not 0."),
                field(Budget.Field.cancelProbability, in: Budget(), "Probability that an open requisition is cancelled at a freeze's start."),
                ("freeze_windows", .object([("type", "array"),
                                            ("description", "Known freezes, dates inclusive, on or after start, not overlapping; each acts as a random freeze (no work, no sourcing, no offers, cancellations drawn at its start)."),
                                            ("items", mapping("A freeze window.", required: ["from"], [
                                                ("name", .object([("type", "string"), ("description", "What the freeze is.")])),
                                                ("from", ref("date", "First day, YYYY-MM-DD.")),
                                                ("to", ref("date", "Last day, YYYY-MM-DD (default: from).")),
                                            ]))])),
            ], extra: [
                ("if", .object([("required", ["freezes_per_year"]),
                                ("properties", .object([("freezes_per_year", .object([("not", .object([("const", 0)]))]))]))])),
                ("then", .object([("required", ["freeze_days"])])),
            ])),
            ("recruiters", pools("The recruiter pool, or a list of named pools (requisitions name theirs, default the first); absent: no limit.")),
            ("interviewers", pools("The interviewer pool, or a list of named pools (requisitions name theirs, default the first); absent: no limit.")),
            ("costs", mapping("Hourly and per-hire costs.", [
                field(Costs.Field.recruiterHourly, in: Costs(), "Cost of an hour of recruiter time."),
                field(Costs.Field.interviewerHourly, in: Costs(), "Cost of an hour of interviewer time."),
                field(Costs.Field.perHire, in: Costs(), "Cost of each start (onboarding, fees)."),
            ])),
            ("requisitions", .object([("type", "array"), ("minItems", 1), ("items", .object([("$ref", "#/$defs/requisition")])),
                                      ("description", "The positions to fill, each with its own funnel; names unique.")])),
            ("interventions", .object([("type", "array"), ("items", .object([("$ref", "#/$defs/intervention")])),
                                       ("description", "Named sets of parameter changes to compare with the plan.")])),
        ]
        assert(fields.map(\.key) == ScenarioReader.topKeys, "the schema's top-level fields differ from the loader's")
        return fields
    }

    static var requisition: JSONValue {
        let fields: [Field] = [
            ("name", .object([("type", "string"), ("pattern", "^[A-Za-z0-9_-]+$"), ("not", .object([("const", "plan")])),
                              ("description", "Letters, digits, '_' and '-'; unique; not 'plan'.")])),
            field(Requisition.Field.openings, in: requisitionTemplate, "Positions to fill."),
            ("opens_day", .object([("oneOf", .array([.object([("type", "number"), ("minimum", 0)]),
                                                     .object([("type", "string"), ("format", "date")])])),
                                   ("default", 0),
                                   ("description", "Day (since start) the requisition opens, or its date (YYYY-MM-DD, on or after start).")])),
            ("deadline", ref("date", "Every opening should have started by the end of this day (default: the horizon).")),
            ("sourcing", mapping("Where applicants come from.", required: ["applicants_per_week"], [
                field(Requisition.Field.applicantsPerWeek, in: requisitionTemplate, "Applicants per calendar week (Poisson).", required: true),
                field(Requisition.Field.initialPool, in: requisitionTemplate, "Candidates already there at the opening."),
                field(Requisition.Field.costPerApplicant, in: requisitionTemplate, "Cost of each applicant."),
                field(Requisition.Field.maxApplicants, in: requisitionTemplate, "Sourcing stops at this many applicants (absent: no limit)."),
            ])),
            ("candidate", mapping("How candidates behave.", [
                field(Requisition.Field.competingOffersPerWeek, in: requisitionTemplate, "Rate at which a candidate accepts an offer elsewhere."),
                field(Requisition.Field.replyDays, in: requisitionTemplate, "Calendar days until a candidate answers an invitation."),
                field(Requisition.Field.contactFailure, in: requisitionTemplate, "Probability that an invitation never reaches the candidate."),
            ])),
            ("stages", .object([("type", "array"), ("minItems", 1), ("items", .object([("$ref", "#/$defs/stage")])),
                                ("description", "The funnel's steps, in order; names unique in the requisition.")])),
            ("decision", mapping("When the hiring manager decides.", [
                field(Requisition.Field.slateSize, in: requisitionTemplate, "Finalists to wait for before deciding."),
                field(Requisition.Field.maxWaitDays, in: requisitionTemplate, "Longest a finalist waits for the decision (absent: no limit)."),
            ])),
            ("offer", mapping("The offer.", required: ["accept"], [
                field(Requisition.Field.offerWorkdays, in: requisitionTemplate, "Working days to prepare an offer."),
                field(Requisition.Field.offerRecruiterHours, in: requisitionTemplate, "Recruiter hours per offer."),
                field(Requisition.Field.accept, in: requisitionTemplate, "Probability that an offer is accepted.", required: true),
                field(Requisition.Field.responseDays, in: requisitionTemplate, "Calendar days until the candidate answers."),
            ])),
            ("background_check", mapping("The background check after acceptance (absent: no check).", [
                field(BackgroundCheck.Field.workdays, in: BackgroundCheck(), "Working days the check takes."),
                field(BackgroundCheck.Field.fail, in: BackgroundCheck(), "Probability that it fails for cause."),
                field(BackgroundCheck.Field.falseFail, in: BackgroundCheck(), "Probability that it fails wrongly."),
                field(BackgroundCheck.Field.dispute, in: BackgroundCheck(), "Probability that a wrong failure is cleared on dispute."),
                field(BackgroundCheck.Field.disputeDays, in: BackgroundCheck(), "Calendar days a dispute adds."),
                field(BackgroundCheck.Field.cost, in: BackgroundCheck(), "Cost of each check."),
            ])),
            field(Requisition.Field.noticeDays, in: requisitionTemplate, "Calendar days of notice before the start."),
            field(Requisition.Field.renege, in: requisitionTemplate, "Probability that an accepted candidate never starts."),
            ("recruiters", .object([("type", "string"), ("description", "The recruiter pool it draws on, by name (a list of pools); default the first.")])),
            ("interviewers", .object([("type", "string"), ("description", "The interviewer pool it draws on, by name (a list of pools); default the first.")])),
        ]
        assert(fields.map(\.key) == ScenarioReader.requisitionKeys, "the schema's requisition fields differ from the loader's")
        return .object([("type", "object"), ("required", ["name", "sourcing", "stages", "offer"]),
                        ("additionalProperties", false), ("properties", object(fields))])
    }

    static var stage: JSONValue {
        let fields: [Field] = [
            ("name", .object([("type", "string"), ("pattern", "^[A-Za-z0-9_-]+$"),
                              ("description", "Letters, digits, '_' and '-'; unique in the requisition.")])),
            ("interview", .object([("type", "boolean"), ("default", false),
                                   ("description", "An interview: contact, reply, interviewer time and no-shows.")])),
            field(Stage.Field.hrWorkdays, in: stageTemplate, "Working days the recruiter takes to act."),
            field(Stage.Field.recruiterHours, in: stageTemplate, "Recruiter hours per candidate."),
            field(Stage.Field.interviewerHours, in: stageTemplate, "Interviewer hours per interview (interview stages only)."),
            field(Stage.Field.noShow, in: stageTemplate, "Probability that the candidate does not come (interview stages only)."),
            field(Stage.Field.pass, in: stageTemplate, "Probability that a candidate passes this stage.", required: true),
        ]
        assert(fields.map(\.key) == ScenarioReader.stageKeys, "the schema's stage fields differ from the loader's")
        let interviewOnly = JSONValue.object([("required", ["interview"]),
                                              ("properties", .object([("interview", .object([("const", true)]))]))])
        return .object([("type", "object"), ("required", ["name", "pass"]), ("additionalProperties", false),
                        ("properties", object(fields)),
                        ("dependentSchemas", .object([("interviewer_hours", interviewOnly), ("no_show", interviewOnly)]))])
    }

    static var intervention: JSONValue {
        let decimal = "(?:[0-9][0-9_]*(?:\\.[0-9_]*)?|\\.[0-9][0-9_]*)(?:[eE][+-]?[0-9]+)?"
        return .object([
            ("type", "object"), ("required", ["name", "changes"]), ("additionalProperties", false),
            ("properties", .object([
                ("name", .object([("type", "string"), ("minLength", 1), ("description", "What the intervention is.")])),
                ("changes", .object([
                    ("type", "object"), ("minProperties", 1),
                    ("description", "Parameter path patterns ('*' matches one segment) and their change."),
                    ("additionalProperties", .object([("anyOf", [
                        .object([("type", "number"), ("description", "Replace with this number.")]),
                        .object([("$ref", "#/$defs/distribution")]),
                        .object([("type", "string"), ("pattern", .string("^\\s*[xX×*]\\s*\(decimal)\\s*$")),
                                 ("description", "Multiply every draw: \"x0.6\".")]),
                        .object([("type", "string"), ("pattern", .string("^\\s*[+-]\(decimal)\\s*$")),
                                 ("description", "Add to every draw: \"+2\", \"-1\".")]),
                    ])])),
                ])),
            ])),
        ])
    }

    // MARK: Values and distributions

    static var defs: JSONValue {
        let days = Weekday.allCases.map(\.name)
        let anyCase = days.map { d in d.map { "[\($0.uppercased())\($0)]" }.joined() }.joined(separator: "|")
        return .object([
            ("date", .object([("type", "string"), ("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
                              ("description", "A date, YYYY-MM-DD.")])),
            ("weekday", .object([("anyOf", [.object([("enum", .array(days.map { .string($0) }))]),
                                            .object([("type", "string"), ("pattern", .string("^(?:\(anyCase))$"))])])])),
            ("pool", mapping("A capacity pool: people and the hours each gives per week.", required: ["count", "hours_per_week"], poolFields)),
            ("namedPool", mapping("One pool of a list: its name (unique in the list) and its capacity.",
                                  required: ["name", "count", "hours_per_week"],
                                  [("name", .object([("type", "string"), ("pattern", "^[A-Za-z0-9_-]+$"),
                                                     ("description", "The pool's name, as requisitions name it (letters, digits, '_' and '-').")]))]
                                      + poolFields)),
            ("requisition", requisition),
            ("stage", stage),
            ("intervention", intervention),
            ("nonNegative", .object([
                ("description", "A number >= 0 or a distribution {dist: ...} that gives no negative values."),
                ("anyOf", [.object([("type", "number"), ("minimum", 0)]), .object([("$ref", "#/$defs/nonNegativeDistribution")])]),
            ])),
            ("probability", .object([
                ("description", .string("A probability: a number in [0, 1] or a distribution within [0, 1] (beta, or uniform, "
                    + "triangular, pert, empirical within [0, 1]).")),
                ("anyOf", [.object([("type", "number"), ("minimum", 0), ("maximum", 1)]),
                           .object([("$ref", "#/$defs/probabilityDistribution")])]),
            ])),
            ("distribution", .object([("description", "A distribution (MODEL.md section 2)."),
                                      ("anyOf", .array(forms(.any)))])),
            ("nonNegativeDistribution", .object([("description", "A distribution with no negative values."),
                                                 ("anyOf", .array(forms(.nonNegative)))])),
            ("probabilityDistribution", .object([("description", "A distribution within [0, 1]."),
                                                 ("anyOf", .array(forms(.probability)))])),
        ])
    }

    /// The range a distribution's values must keep.
    enum Range { case any, nonNegative, probability }

    /// One schema per accepted parameter set of each distribution, for `range`.
    static func forms(_ range: Range) -> [JSONValue] {
        var out: [JSONValue] = []
        for name in Distribution.names {
            for parameters in Distribution.forms[name] ?? [] {
                guard let schema = form(name, parameters, range) else { continue }
                out.append(schema)
            }
        }
        return out
    }

    /// A distribution form's schema, or nil where it can never fit `range`
    /// (a normal, lognormal, gamma, ... is never a probability).
    static func form(_ name: String, _ parameters: [String], _ range: Range) -> JSONValue? {
        let unbounded: Set<String> = ["normal", "lognormal", "gamma", "exponential", "weibull", "poisson"]
        if range == .probability && unbounded.contains(name) { return nil }
        if name == "empirical" && parameters.contains("weights") { return nil }  // one schema for both forms

        let positive = JSONValue.object([("type", "number"), ("exclusiveMinimum", 0)])
        let number = JSONValue.object([("type", "number")])
        // The bounds of values the field takes (for constant, uniform, triangular, pert, empirical).
        var bounded: [(String, JSONValue)] = [("type", "number")]
        if range != .any { bounded.append(("minimum", 0)) }
        if range == .probability { bounded.append(("maximum", 1)) }
        let value = JSONValue.object(bounded)

        var properties: [(String, JSONValue)] = [("dist", .object([("const", .string(name))]))]
        for p in parameters {
            let schema: JSONValue
            switch (name, p) {
            case ("constant", _), ("uniform", _), ("triangular", _), ("pert", _): schema = value
            case ("lognormal", "mu"): schema = number
            case ("beta", "mean"): schema = .object([("type", "number"), ("exclusiveMinimum", 0), ("exclusiveMaximum", 1)])
            case ("beta", "successes"): schema = .object([("type", "integer"), ("minimum", 0)])
            case ("beta", "trials"): schema = .object([("type", "integer"), ("minimum", 1)])
            case ("empirical", "values"): schema = .object([("type", "array"), ("minItems", 1), ("items", value)])
            default: schema = positive
            }
            properties.append((p, schema))
        }
        var required: [JSONValue] = [.string("dist")] + parameters.map { .string($0) }
        if name == "empirical" {
            properties.append(("weights", .object([("type", "array"), ("minItems", 1),
                                                   ("items", .object([("type", "number"), ("minimum", 0)]))])))
            required = ["dist", "values"]
        }
        let title = "\(name): " + (name == "empirical" ? "values (+ weights)" : parameters.joined(separator: ", "))
        var object: [(String, JSONValue)] = [("title", .string(title))]
        if name == "beta" && parameters == ["successes", "trials"] {
            object.append(("description", .string("s successes in n trials: Beta(s + 1, n - s + 1) (a uniform prior updated by the "
                           + "counts), mean (s + 1) / (n + 2); successes: 21, trials: 30 is Beta(22, 10), mean 0.6875, not 0.7.")))
        }
        return .object(object + [("type", "object"), ("required", .array(required)),
                                 ("additionalProperties", false), ("properties", .object(properties))])
    }
}
