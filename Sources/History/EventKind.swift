/// The event names of the history format (MODEL.md 18.4-18.5), and who
/// each one belongs to: the company, a requisition, or a candidate.

/// What an event row is about, which fixes which columns it must fill.
public enum EventScope: Sendable, Equatable {
    /// `requisition` is `*`; no candidate, no stage.
    case company
    /// A requisition name; no candidate, no stage.
    case requisition
    /// A requisition and a candidate; a stage only for `stage` events.
    case candidate
}

/// One kind of event of the history, named as in the `event` column.
///
/// The order of the candidate cases is the order of a candidate's path in
/// MODEL.md section 5, so a sort by kind never reorders a path.
public enum EventKind: String, CaseIterable, Sendable, Comparable {
    // Company events (requisition `*`).
    case freezeStarted = "freeze_started"
    case freezeEnded = "freeze_ended"
    case exported
    // Requisition events.
    case opened, approved, cancelled
    // Candidate events, in path order.
    case applied
    case hrDone = "hr_done"
    case contactFailed = "contact_failed"
    case replied, interviewed
    case noShow = "no_show"
    case passed, rejected, finalist
    case offerMade = "offer_made"
    case offerSent = "offer_sent"
    case offerAccepted = "offer_accepted"
    case offerDeclined = "offer_declined"
    case checkPassed = "check_passed"
    case checkFailed = "check_failed"
    case checkDisputed = "check_disputed"
    case checkCleared = "check_cleared"
    case started, reneged, withdrawn, released

    public var scope: EventScope {
        switch self {
        case .freezeStarted, .freezeEnded, .exported: return .company
        case .opened, .approved, .cancelled: return .requisition
        default: return .candidate
        }
    }

    /// True for the per-stage events, whose `stage` column must be set.
    public var needsStage: Bool {
        switch self {
        case .hrDone, .contactFailed, .replied, .interviewed, .noShow, .passed, .rejected: return true
        default: return false
        }
    }

    /// True for the events that only happen at an interview stage.
    public var isInterviewOnly: Bool {
        switch self {
        case .contactFailed, .replied, .interviewed, .noShow: return true
        default: return false
        }
    }

    /// True where the candidate's path ends: nothing of theirs can follow.
    public var endsPath: Bool {
        switch self {
        case .contactFailed, .noShow, .rejected, .offerDeclined, .checkFailed,
             .started, .reneged, .withdrawn, .released: return true
        default: return false
        }
    }

    /// Compact code for storage (declaration order).
    public var code: UInt8 { UInt8(Self.allCases.firstIndex(of: self)!) }

    public static func < (a: EventKind, b: EventKind) -> Bool { a.code < b.code }

    /// Kinds by name, for the reader.
    static let byName: [String: EventKind] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}
