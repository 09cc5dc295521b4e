/// One scheduled event of a trial. Small and trivially copyable so the
/// queue's storage is reused across trials without per-event allocation.
public struct Event: Sendable {
    public var time: Double
    /// Insertion order: ties in time are served first-scheduled first
    /// (SimPy's rule), which makes every trial deterministic.
    public var sequence: UInt32
    public var kind: EventKind
    public var requisition: UInt16
    /// A candidate index, a freeze index or an arrival generation.
    public var subject: Int32
}

public enum EventKind: UInt8, Sendable {
    case open, arrival, approval, freezeStart, freezeEnd, maxWait
    case hrDone, interviewerRequest, interview, leave
    case offerAnswer, checkResult, checkCleared, start
}

/// A binary min-heap of events keyed on (time, sequence).
public struct EventQueue: Sendable {
    private var heap: [Event] = []
    private var nextSequence: UInt32 = 0

    public init() {}

    public var isEmpty: Bool { heap.isEmpty }
    public var count: Int { heap.count }

    /// Empties the queue, keeping its storage.
    public mutating func reset() {
        heap.removeAll(keepingCapacity: true)
        nextSequence = 0
    }

    /// (time, sequence) order. Times are never negative (push turns -0
    /// into +0), and the bit patterns of non-negative doubles order as the
    /// doubles do: integer comparisons, which compile without branches,
    /// where double comparisons branch on NaN.
    @inline(__always)
    private static func before(_ a: Event, _ b: Event) -> Bool {
        let ta = a.time.bitPattern, tb = b.time.bitPattern
        return (ta < tb) || ((ta == tb) && (a.sequence < b.sequence))
    }

    public mutating func push(_ time: Double, _ kind: EventKind, requisition: Int, subject: Int32 = 0) {
        assert(time >= 0, "event time \(time)")
        let e = Event(time: time + 0, sequence: nextSequence, kind: kind, requisition: UInt16(requisition), subject: subject)
        nextSequence &+= 1
        heap.append(e)
        heap.withUnsafeMutableBufferPointer { h in
            var i = h.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                if !EventQueue.before(e, h[parent]) { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = e
        }
    }

    public mutating func pop() -> Event? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        let n = heap.count
        if n == 0 { return top }
        // Floyd's sift-down: move the hole at the root down to a leaf along
        // the smaller children (one comparison per level, chosen without a
        // branch), then sift `last` up from there; `last` came from the
        // bottom, so it rarely climbs. (time, sequence) is a strict total
        // order, so the events come out in the same order as with the
        // textbook sift-down. The buffer is unique and in bounds by
        // construction; unchecked access keeps these loops tight.
        heap.withUnsafeMutableBufferPointer { h in
            var i = 0
            var l = 1
            while l + 1 < n {
                let c = l &+ (EventQueue.before(h[l &+ 1], h[l]) ? 1 : 0)
                h[i] = h[c]
                i = c
                l = 2 &* i &+ 1
            }
            if l < n {
                h[i] = h[l]
                i = l
            }
            while i > 0 {
                let parent = (i &- 1) / 2
                if !EventQueue.before(last, h[parent]) { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = last
        }
        return top
    }
}
