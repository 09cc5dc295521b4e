import Foundation
import FunnelModel
import Yams

/// `requisitions[]` and their `stages[]` (MODEL.md section 15): names, the
/// funnel's sections, and the dates against the horizon.
extension ScenarioReader {
    mutating func requisitions(_ top: Fields, start: CivilDate?, horizon: Double?) -> [Requisition] {
        guard let node = top["requisitions"] else {
            missing(top, "requisitions", " (at least one)")
            return []
        }
        guard case .sequence(let seq) = node else {
            report(node, "requisitions", "expected a list of requisitions (- name: ...), not \(ScenarioReader.shape(node))",
                   value: ScenarioReader.render(node))
            return []
        }
        if seq.isEmpty { report(node, "requisitions", ScenarioRules.noRequisitions, value: "[]") }
        var names: [String: Int?] = [:]
        var out: [Requisition] = []
        for (i, item) in seq.enumerated() {
            if let r = requisition(item, index: i, start: start, horizon: horizon, names: &names) { out.append(r) }
        }
        return out
    }

    /// A list item's name, unique among its siblings; for requisitions and
    /// stages (`identifier`) also `[A-Za-z0-9_-]+`. Returns the name even
    /// where it is wrong, for paths.
    mutating func name(_ f: Fields, what: String, names: inout [String: Int?], reserved: [String] = [],
                       identifier: Bool = true) -> String? {
        guard let node = f["name"] else {
            missing(f, "name")
            return nil
        }
        guard let name = text(node, f.path("name")) else { return nil }
        if let problem = ScenarioRules.emptyNameProblem(name) {
            report(node, f.path("name"), problem)
            return name
        }
        if identifier, let problem = ScenarioRules.identifierProblem(name, what: what, reserved: reserved) {
            report(node, f.path("name"), problem, value: name)
        }
        if let first = names[name] {
            report(node, f.path("name"), ScenarioRules.duplicateName(name, what: what, firstLine: first), value: name)
        } else {
            names[name] = node.mark?.line
        }
        return name
    }

    mutating func requisition(_ item: Node, index: Int, start: CivilDate?, horizon: Double?,
                              names: inout [String: Int?]) -> Requisition? {
        let path = FieldPath.item("requisitions", item, index: index)
        guard let f = fields(item, path, allowed: ScenarioReader.requisitionKeys, what: "a requisition mapping") else { return nil }
        let name = self.name(f, what: "requisition", names: &names, reserved: ScenarioRules.reservedRequisitionNames) ?? "requisition\(index)"

        // A placeholder of 0 for the required fields; the defaults are the value types' own.
        var r = Requisition(name: name, sourcing: Sourcing(applicantsPerWeek: Quantity(0, kind: Requisition.Field.applicantsPerWeek.kind)),
                            stages: [], offer: Offer(accept: Quantity(0, kind: Requisition.Field.accept.kind)))
        let batched: Bool
        if let n = f["openings"], case .sequence = n { batched = true } else { batched = false }
        if !batched { read(f, into: &r, [Requisition.Field.openings]) }
        // opens_day: days after the plan's start, or a date (YYYY-MM-DD) on
        // or after it, read as the days from the start to that date.
        if let n = f["opens_day"], case .scalar(let text) = n, let day = CivilDate(iso: text.string.trimmingCharacters(in: .whitespaces)) {
            if let start {
                if day - start < 0 {
                    report(n, f.path("opens_day"), ScenarioRules.opensBeforeStart(start: start), value: "\(day)")
                } else {
                    r.opensDay = Double(day - start)
                }
            }
        } else if let n = f["opens_day"], let v = plainNumber(n, f.path("opens_day")) {
            if v < 0 {
                report(n, f.path("opens_day"), ScenarioRules.negativeOpensDay, value: ScenarioReader.render(n))
            } else {
                r.opensDay = v
            }
        }
        if batched, let n = f["openings"] {
            batches(n, f, into: &r, start: start, horizon: horizon)
        } else if let n = f["deadline"] {
            r.deadline = date(n, f.path("deadline"))
        }
        cohortStarts(f, into: &r, start: start)

        if let n = f["sourcing"], case .sequence = n {
            r.sourcing.channels = channels(n, f.path("sourcing"))
        } else if let n = f["sourcing"] {
            section(n, f, "sourcing", into: &r, required: [.applicantsPerWeek: ""])
        } else {
            missing(f, "sourcing", " (with at least applicants_per_week)")
        }
        if let n = f["candidate"] { section(n, f, "candidate", into: &r) }

        if let n = f["stages"] {
            if case .sequence(let seq) = n {
                if seq.isEmpty { report(n, f.path("stages"), ScenarioRules.noStages, value: "[]") }
                var stageNames: [String: Int?] = [:]
                for (i, s) in seq.enumerated() {
                    if let stage = stage(s, index: i, parent: f.path("stages"), names: &stageNames) { r.stages.append(stage) }
                }
            } else {
                report(n, f.path("stages"), "expected a list of stages (- name: ...), not \(ScenarioReader.shape(n))",
                       value: ScenarioReader.render(n))
            }
        } else {
            missing(f, "stages", " (at least one)")
        }

        if let n = f["decision"] { section(n, f, "decision", into: &r) }
        if let n = f["offer"] {
            section(n, f, "offer", into: &r, required: [.accept: " (probability that an offer is accepted)"])
        } else {
            missing(f, "offer", " (with at least accept)")
        }
        if let n = f["background_check"] {
            let fields = BackgroundCheck.Field.allCases
            if let b = self.fields(n, f.path("background_check"), allowed: fields.map(\.key)) {
                var c = BackgroundCheck()
                read(b, into: &c, fields)
                r.backgroundCheck = c
            }
        }
        read(f, into: &r, Requisition.Field.afterCheck)
        for role in PoolRole.allCases {
            guard let n = f[role.rawValue], let pool = text(n, f.path(role.rawValue)) else { continue }
            if let problem = ScenarioRules.poolNameProblem(pool, role: role, pools: poolsRead[role] ?? []) {
                report(n, f.path(role.rawValue), problem, value: pool)
            }
            if role == .recruiters { r.recruiterPool = pool } else { r.interviewerPool = pool }
        }

        if !batched { checkDates(f, opensDay: r.opensDay, deadline: r.deadline, start: start, horizon: horizon) }
        return r
    }

    /// `sourcing` as a list of channels (MODEL.md 21.5): each
    /// `{channel, applicants_per_week, initial_pool, cost_per_applicant,
    /// max_applicants, pass_factor}`, names unique in the requisition.
    mutating func channels(_ node: Node, _ path: String) -> [SourcingChannel] {
        guard case .sequence(let seq) = node else { return [] }
        guard !seq.isEmpty else {
            report(node, path, "a list of sourcing channels needs at least one channel ({channel, applicants_per_week, ...})", value: "[]")
            return []
        }
        let list = SourcingChannel.Field.allCases
        var names: [String: Int?] = [:]
        var out: [SourcingChannel] = []
        for (i, item) in seq.enumerated() {
            var written: String?
            if case .mapping(let m) = item, let n = m["channel"], case .scalar(let t) = n, !ScenarioReader.isNull(n) { written = t.string }
            let ipath = ScenarioRules.itemPath(path, name: written, index: i)
            guard let f = fields(item, ipath, allowed: ["channel"] + list.map(\.key), what: "a channel mapping") else { continue }
            guard let node = f["channel"] else {
                missing(f, "channel", " (the channel's name, such as job_board)")
                continue
            }
            guard let name = text(node, f.path("channel")) else { continue }
            if let problem = ScenarioRules.emptyNameProblem(name) {
                report(node, f.path("channel"), problem)
                continue
            }
            if let problem = ScenarioRules.identifierProblem(name, what: "channel") {
                report(node, f.path("channel"), problem, value: name)
            } else if name == ScenarioRules.allChannels {
                report(node, f.path("channel"), ScenarioRules.reservedChannelName, value: name)
            }
            if let first = names[name] {
                report(node, f.path("channel"), ScenarioRules.duplicateName(name, what: "channel", firstLine: first), value: name)
                continue
            }
            names[name] = node.mark?.line
            var c = SourcingChannel(name: name, applicantsPerWeek: Quantity(0, kind: SourcingChannel.Field.applicantsPerWeek.kind))
            read(f, into: &c, list, required: [.applicantsPerWeek: " (applicants per calendar week from this channel)"])
            out.append(c)
        }
        return out
    }

    /// One of a requisition's sections (sourcing, candidate, decision,
    /// offer): its fields are `Requisition.Field`s of that section.
    mutating func section(_ node: Node, _ f: Fields, _ name: String, into r: inout Requisition,
                          required: [Requisition.Field: String] = [:]) {
        let list = Requisition.Field.allCases.filter { $0.section == name }
        guard let s = fields(node, f.path(name), allowed: list.map(\.key)) else { return }
        read(s, into: &r, list, required: required)
    }

    /// The dates of MODEL.md 17.3 (`ScenarioRules.dateProblem`), reported at
    /// the deadline, or at opens_day where there is no deadline.
    mutating func checkDates(_ f: Fields, opensDay: Double, deadline: CivilDate?, start: CivilDate?, horizon: Double?) {
        guard let start, let horizon else { return }
        let written = f["deadline"] != nil ? deadline : nil
        switch ScenarioRules.dateProblem(opensDay: opensDay, deadline: written, start: start, horizon: horizon) {
        case .deadline(let message)?:
            guard let node = f["deadline"], let deadline else { return }
            report(node, f.path("deadline"), message, value: "\(deadline), day \(deadline - start)")
        case .opensDay(let message)?:
            guard let n = f["opens_day"] else { return }
            report(n, f.path("opens_day"), message, value: ScenarioReader.render(n))
        case nil:
            return
        }
    }

    mutating func stage(_ item: Node, index: Int, parent: String, names: inout [String: Int?]) -> Stage? {
        let path = FieldPath.item(parent, item, index: index)
        guard let f = fields(item, path, allowed: ScenarioReader.stageKeys, what: "a stage mapping") else { return nil }
        let name = self.name(f, what: "stage", names: &names) ?? "stage\(index)"
        var interview = false
        var interviewKnown = true
        if let n = f["interview"] {
            if let b = bool(n, f.path("interview")) { interview = b } else { interviewKnown = false }
        }
        var s = Stage(name: name, interview: interview, pass: Quantity(0, kind: Stage.Field.pass.kind))
        read(f, into: &s, Stage.Field.allCases, required: [.pass: " (probability that a candidate passes this stage)"])
        if !interview && interviewKnown {
            for field in Stage.Field.allCases where field.isInterviewOnly {
                if let n = f[field.key] {
                    report(n, f.path(field.key), ScenarioRules.interviewOnly(field), value: ScenarioReader.render(n))
                }
            }
        }
        return s
    }
}
