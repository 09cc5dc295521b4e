import FunnelModel

/// Pools events from several files into compact per-candidate lists, then
/// rebuilds every path (MODEL.md 18). Memory grows with the candidates and
/// their few events, never with the text of the rows: each event is held
/// as a small fixed-size record, names are interned once.
struct HistoryLogBuilder {
    /// One event, compact.
    struct Raw {
        var kind: EventKind
        var stage: Int32
        var time: HistoryTime
        var flag: Bool     // competing_offer / initial_pool
        var file: Int16
        var line: Int32
        var sequence: Int64
    }
    struct Requisition {
        var name: String
        var files: Set<Int> = []
        var stageIndex: [String: Int32] = [:]
        var stageNames: [String] = []
        var candidateIndex: [String: Int] = [:]
        var candidateNames: [String] = []
        var events: [[Raw]] = []
        var own: [Raw] = []
        var openedDetail: (openings: Int, deadline: CivilDate?)? = nil
        var first: HistoryTime
    }
    struct Location { var file: Int; var line: Int }

    var files: [String] = []
    var exported: [HistoryTime?] = []
    var lastEvent: [Double] = []
    var lastDateOnly: [Bool] = []
    var requisitions: [Requisition] = []
    var requisitionIndex: [String: Int] = [:]
    var freezeEvents: [(id: String, raw: Raw)] = []
    var sequence: Int64 = 0
    var rows = 0
    /// The earliest row read (time, file, line), before any cut at as_of.
    var firstRow: (time: HistoryTime, file: Int, line: Int)? = nil

    mutating func beginFile(_ path: String) {
        files.append(path); exported.append(nil); lastEvent.append(-.infinity); lastDateOnly.append(false)
    }

    mutating func add(_ e: HistoryEvent, file f: Int, line: Int) throws(HistoryError) {
        rows += 1
        sequence += 1
        if e.kind != .exported, firstRow.map({ e.time.days < $0.time.days }) ?? true { firstRow = (e.time, f, line) }
        if e.time.latest > lastEvent[f] { lastEvent[f] = e.time.latest; lastDateOnly[f] = e.time.dateOnly }
        var raw = Raw(kind: e.kind, stage: -1, time: e.time, flag: false, file: Int16(f), line: Int32(line), sequence: sequence)
        switch e.kind.scope {
        case .company:
            switch e.kind {
            case .exported:
                if let x = exported[f] {
                    throw HistoryError(file: files[f], line: line, .badRow(column: "event", value: e.kind.rawValue,
                                                                          reason: "appears twice in one file (the first says \(x))"))
                }
                exported[f] = e.time
            default:
                guard !e.detail.isEmpty else {
                    throw HistoryError(file: files[f], line: line, .badDetail(e.detail, reason: "of \(e.kind.rawValue) must be a freeze id pairing start and end"))
                }
                freezeEvents.append((e.detail, raw))
            }
            return
        case .requisition, .candidate: break
        }
        let r: Int
        if let i = requisitionIndex[e.requisition] { r = i } else {
            r = requisitions.count
            requisitionIndex[e.requisition] = r
            requisitions.append(Requisition(name: e.requisition, first: e.time))
        }
        requisitions[r].files.insert(f)
        if e.time < requisitions[r].first { requisitions[r].first = e.time }
        if e.kind.scope == .requisition {
            if e.kind == .opened {
                guard let d = HistoryReader.openedDetail(e.detail) else {
                    throw HistoryError(file: files[f], line: line, .badDetail(e.detail, reason: "of opened must be the openings, then optionally ;deadline=YYYY-MM-DD"))
                }
                requisitions[r].openedDetail = d
            }
            if let dup = requisitions[r].own.first(where: { $0.kind == e.kind }) {
                throw HistoryError(file: files[f], line: line, .impossiblePath(event: e.kind.rawValue,
                    reason: "requisition \(e.requisition) has a second \(e.kind.rawValue) (the first at \(files[Int(dup.file)]):\(dup.line))"))
            }
            requisitions[r].own.append(raw)
            return
        }
        if !e.stage.isEmpty {
            if let s = requisitions[r].stageIndex[e.stage] { raw.stage = s } else {
                let s = Int32(requisitions[r].stageNames.count)
                requisitions[r].stageIndex[e.stage] = s
                requisitions[r].stageNames.append(e.stage)
                raw.stage = s
            }
        }
        raw.flag = (e.kind == .offerDeclined && e.detail == HistoryEvent.competingOffer)
            || (e.kind == .applied && e.detail == HistoryEvent.initialPool)
        if let c = requisitions[r].candidateIndex[e.candidate] {
            requisitions[r].events[c].append(raw)
        } else {
            requisitions[r].candidateIndex[e.candidate] = requisitions[r].candidateNames.count
            requisitions[r].candidateNames.append(e.candidate)
            requisitions[r].events.append([raw])
        }
    }

    func error(_ raw: Raw, _ problem: HistoryProblem) -> HistoryError {
        HistoryError(file: files[Int(raw.file)], line: Int(raw.line), problem)
    }

    /// Where each file's observation ends: the given as_of, capped at the
    /// file's `exported`; else `exported`; else just after the last event.
    func fileEnds(asOf: Double?, warnings: inout [String]) -> [Double] {
        files.indices.map { f in
            if let x = exported[f] {
                return asOf.map { Swift.min($0, x.days) } ?? x.days
            }
            if let asOf { return asOf }
            warnings.append("\(files[f]): no exported row and no --as-of; the observation ends just after the last event, so a quiet period at the end is cut off")
            // Just after the last event: events at as_of are unknown.
            return lastEvent[f] + (lastDateOnly[f] ? 0 : 1.0 / 86_400)
        }
    }

    mutating func finish(asOf: Double?, template: [String: [String]]?) throws(HistoryError) -> HistoryLog {
        var warnings: [String] = []
        let ends = fileEnds(asOf: asOf, warnings: &warnings)
        let companyEnd = ends.max() ?? 0
        var dropped = 0

        // Freezes, paired by id.
        var freezes: [FreezeRecord] = []
        var freezeIndex: [String: Int] = [:]
        for (id, raw) in freezeEvents.sorted(by: { ($0.raw.time.days, $0.raw.sequence) < ($1.raw.time.days, $1.raw.sequence) }) {
            if raw.time.days >= ends[Int(raw.file)] { dropped += 1; continue }
            if raw.kind == .freezeStarted {
                if let i = freezeIndex[id], freezes[i].started == raw.time { continue }  // the same freeze in two files
                guard freezeIndex[id] == nil else {
                    throw error(raw, .impossiblePath(event: id, reason: "freeze id started twice"))
                }
                freezeIndex[id] = freezes.count
                freezes.append(FreezeRecord(id: id, started: raw.time, ended: nil))
            } else {
                guard let i = freezeIndex[id] else {
                    throw error(raw, .impossiblePath(event: id, reason: "freeze_ended before any freeze_started of this id"))
                }
                if freezes[i].ended == raw.time { continue }
                guard freezes[i].ended == nil else { throw error(raw, .impossiblePath(event: id, reason: "freeze id ended twice")) }
                freezes[i].ended = raw.time
            }
        }

        var out: [RequisitionHistory] = []
        var gaps = 0, withGaps = 0
        var start = HistoryTime(days: .infinity)
        for f in freezes where f.started < start { start = f.started }
        for index in requisitions.indices {
            let req = requisitions[index]
            // The raw events go as their paths are built: the peak is the
            // larger of the two, not their sum.
            requisitions[index].events = []
            let end = req.files.map { ends[$0] }.max() ?? companyEnd
            // The stage order: the template's, or inferred from the paths.
            var order: [Int]
            if let template {
                guard let names = template[req.name] else {
                    let raw = (req.own + req.events.flatMap { $0 }).min { $0.sequence < $1.sequence }!
                    throw error(raw, .notInTemplate(req.name, reason: "requisition is not in the template"))
                }
                for (s, n) in req.stageNames.enumerated() where !names.contains(n) {
                    let raw = req.events.flatMap { $0 }.first { $0.stage == Int32(s) }!
                    throw error(raw, .notInTemplate(n, reason: "stage is not one of requisition \(req.name)'s in the template (\(names.joined(separator: ", ")))"))
                }
                // Template stages the log never shows keep their place (-1).
                order = names.map { n in req.stageIndex[n].map(Int.init) ?? -1 }
            } else {
                order = Self.inferOrder(req)
            }
            let stageNames: [String] = template?[req.name] ?? order.map { req.stageNames[$0] }
            // Raw stage index -> position in stageNames.
            var position = [Int](repeating: -1, count: req.stageNames.count)
            for (p, raw) in order.enumerated() where raw >= 0 { position[raw] = p }

            var r = RequisitionHistory(name: req.name, stages: stageNames,
                                       interviewObserved: Array(repeating: false, count: stageNames.count),
                                       candidates: [], asOf: end, firstEvent: req.first)
            if req.first < start { start = req.first }
            for raw in req.own {
                if raw.time.days >= end { dropped += 1; continue }
                switch raw.kind {
                case .opened:
                    r.opened = raw.time
                    r.openings = req.openedDetail?.openings ?? 1
                    r.deadline = req.openedDetail?.deadline
                case .approved: r.approved = raw.time
                case .cancelled: r.cancelled = raw.time
                default: break
                }
            }
            r.candidates.reserveCapacity(req.events.count)
            for (c, events) in req.events.enumerated() {
                var sorted = events.filter { $0.time.days < end }
                dropped += events.count - sorted.count
                if sorted.isEmpty { continue }
                sorted.sort { ($0.time.days, $0.sequence) < ($1.time.days, $1.sequence) }
                var path = try PathBuilder(name: req.candidateNames[c], position: position, builder: self).build(sorted)
                for v in path.visits where v.contactFailed != nil || v.replied != nil || v.interviewed != nil || v.noShow != nil {
                    r.interviewObserved[v.stage] = true
                }
                if path.gaps > 0 { gaps += path.gaps; withGaps += 1 }
                path.visits.sort { $0.stage < $1.stage }
                r.candidates.append(path)
            }
            out.append(r)
        }
        if start.days == .infinity { start = HistoryTime(days: companyEnd) }
        var log = HistoryLog(requisitions: out, freezes: freezes, asOf: companyEnd, start: start,
                             candidatesWithGaps: withGaps, gaps: gaps, eventsAfterAsOf: dropped, rows: rows, warnings: warnings)
        log.firstRow = firstRow.map { ($0.time, files[$0.file], $0.line) }
        log.exportedRows = files.indices.compactMap { f in exported[f].map { ($0, files[f]) } }
        return log
    }

    /// Stage order from the paths: each stage's mean position in the
    /// sequences of stages candidates visited (ties by first appearance).
    static func inferOrder(_ req: Requisition) -> [Int] {
        let n = req.stageNames.count
        var sum = [Double](repeating: 0, count: n), count = [Double](repeating: 0, count: n)
        for events in req.events {
            var seen: [Int32] = []
            for e in events.sorted(by: { ($0.time.days, $0.sequence) < ($1.time.days, $1.sequence) }) where e.stage >= 0 {
                if !seen.contains(e.stage) { seen.append(e.stage) }
            }
            for (p, s) in seen.enumerated() { sum[Int(s)] += Double(p); count[Int(s)] += 1 }
        }
        return (0..<n).sorted { a, b in
            let ma = sum[a] / max(1, count[a]), mb = sum[b] / max(1, count[b])
            return ma != mb ? ma < mb : a < b
        }
    }
}
