/// Rebuilds one candidate's path from their events in time order, refusing
/// what cannot have happened and counting what the export left out.
struct PathBuilder {
    let name: String
    /// Raw stage index -> position in the requisition's stage order.
    let position: [Int]
    let builder: HistoryLogBuilder

    func impossible(_ raw: HistoryLogBuilder.Raw, _ why: String) -> HistoryError {
        builder.error(raw, .impossiblePath(event: raw.kind.rawValue, reason: "candidate \(name): \(why)"))
    }

    func build(_ events: [HistoryLogBuilder.Raw]) throws(HistoryError) -> CandidatePath {
        var p = CandidatePath(name: name, first: events[0].time)
        var ended: EventKind? = nil
        func visitIndex(_ stage: Int) -> Int {
            if let i = p.visits.firstIndex(where: { $0.stage == stage }) { return i }
            p.visits.append(StageVisit(stage: stage))
            return p.visits.count - 1
        }
        for e in events {
            p.last = e.time
            if let ended {
                // A dispute that fails: check_failed at the same instant.
                if e.kind == ended {
                    throw impossible(e, "a second \(e.kind.rawValue)")
                }
                throw impossible(e, "\(e.kind.rawValue) after the path ended with \(ended.rawValue)")
            }
            if e.kind.needsStage {
                let s = position[Int(e.stage)]
                let i = visitIndex(s)
                func set(_ k: WritableKeyPath<StageVisit, HistoryTime?>) throws(HistoryError) {
                    if p.visits[i][keyPath: k] != nil { throw impossible(e, "a second \(e.kind.rawValue) at one stage") }
                    p.visits[i][keyPath: k] = e.time
                }
                switch e.kind {
                case .hrDone: try set(\.hrDone)
                case .contactFailed: try set(\.contactFailed)
                case .replied: try set(\.replied)
                case .interviewed: try set(\.interviewed)
                case .noShow: try set(\.noShow)
                case .passed: try set(\.passed)
                case .rejected: try set(\.rejected)
                default: break
                }
            } else {
                switch e.kind {
                case .applied:
                    if p.applied != nil { throw impossible(e, "applied twice") }
                    p.applied = e.time; p.initialPool = e.flag
                case .finalist:
                    if p.finalist != nil { throw impossible(e, "a second finalist") }
                    p.finalist = e.time
                case .offerMade:
                    if p.offer != nil { throw impossible(e, "a second offer_made") }
                    var o = OfferPath(); o.made = e.time; p.offer = o
                case .offerSent:
                    if p.offer?.sent != nil { throw impossible(e, "a second offer_sent") }
                    if p.offer == nil { p.offer = OfferPath() }
                    p.offer!.sent = e.time
                case .offerAccepted, .offerDeclined:
                    guard p.offer != nil else { throw impossible(e, "\(e.kind.rawValue) with no offer_made or offer_sent before it") }
                    if p.offer!.accepted != nil { throw impossible(e, "\(e.kind.rawValue) after offer_accepted") }
                    if e.kind == .offerAccepted { p.offer!.accepted = e.time } else {
                        p.offer!.declined = e.time; p.offer!.declinedCompeting = e.flag
                    }
                case .checkPassed, .checkFailed, .checkDisputed, .checkCleared:
                    guard p.offer?.accepted != nil else { throw impossible(e, "\(e.kind.rawValue) with no offer_accepted before it") }
                    switch e.kind {
                    case .checkPassed:
                        if p.offer!.checkResult != nil { throw impossible(e, "check_passed after another check result") }
                        p.offer!.checkPassed = e.time
                    case .checkDisputed:
                        if p.offer!.checkResult != nil { throw impossible(e, "check_disputed after another check result") }
                        p.offer!.checkDisputed = e.time
                    case .checkCleared:
                        if p.offer!.checkCleared != nil { throw impossible(e, "a second check_cleared") }
                        p.offer!.checkCleared = e.time
                    default:
                        p.offer!.checkFailed = e.time
                    }
                case .started: p.started = e.time
                case .reneged: p.reneged = e.time
                case .withdrawn, .released:
                    if e.stage >= 0 { p.leftAtStage = position[Int(e.stage)] }
                    if e.kind == .withdrawn { p.withdrawn = e.time } else { p.released = e.time }
                default: break
                }
            }
            if e.kind.endsPath { ended = e.kind }
        }
        p.gaps = Self.countGaps(p)
        return p
    }

    /// Events the path implies but the log lacks (MODEL.md 18.5): applied,
    /// stages skipped before the last one reached, a stage's HR action,
    /// reply or interview, finalist, offer_made, offer_sent before an
    /// acceptance, offer_accepted before a check or a start, the check's
    /// clean result before a start where a check ran, check_disputed
    /// before check_cleared.
    static func countGaps(_ p: CandidatePath) -> Int {
        var gaps = 0
        if p.applied == nil { gaps += 1 }
        let reached = p.visits.map(\.stage).max() ?? -1
        let stagesDone = p.finalist != nil || p.offer != nil || p.started != nil
        for s in 0..<max(0, reached) where p.visits.first(where: { $0.stage == s }) == nil { gaps += 1 }
        for v in p.visits {
            if v.hrDone == nil { gaps += 1 }
            let interview = v.replied != nil || v.interviewed != nil || v.noShow != nil
            if interview && v.replied == nil && (v.interviewed != nil || v.noShow != nil) { gaps += 1 }
            if v.replied != nil && v.interviewed == nil && v.noShow == nil && (v.passed != nil || v.rejected != nil) { gaps += 1 }
            if v.stage < reached && v.passed == nil { gaps += 1 }
        }
        if stagesDone, let last = p.visits.last, last.passed == nil { gaps += 1 }
        if (p.offer != nil || p.started != nil) && p.finalist == nil { gaps += 1 }
        if let o = p.offer {
            if o.made == nil { gaps += 1 }
            if o.accepted != nil && o.sent == nil { gaps += 1 }
            if o.checkCleared != nil && o.checkDisputed == nil { gaps += 1 }
        }
        if (p.started != nil || p.reneged != nil) && p.offer?.accepted == nil { gaps += 1 }
        return gaps
    }
}
