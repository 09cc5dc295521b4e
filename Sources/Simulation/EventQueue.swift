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

/// The event list of a trial: a min-heap of events keyed on (time,
/// sequence), plus one slot per requisition for its next arrival.
///
/// The heap holds only 16-byte keys; what an event is about lives in a
/// side table indexed by its sequence number (sequence numbers restart at
/// 0 each trial, so the table is as long as the trial's pushes and keeps
/// its storage). Sifting then moves a third less memory than whole events,
/// and four keys share a cache line.
///
/// Arrivals are a third of a trial's events and each requisition has at
/// most one that matters at a time (the next of its arrival process), so
/// they wait in slots beside the heap: a slot costs a store where the heap
/// costs a sift up and a sift down. An arrival pushed into a slot replaces
/// the slot's earlier one, which was stale (the engine only schedules an
/// arrival once the previous one is popped or superseded). Pops still come
/// out in (time, sequence) order, heap and slots together.
public struct EventQueue: Sendable {
    /// (time, sequence) packed so that one unsigned comparison orders it:
    /// the time's bit pattern (non-negative doubles order as their bits)
    /// above the sequence number. A 128-bit comparison compiles to two
    /// instructions without a branch.
    @usableFromInline
    struct Key: Sendable {
        var bits: UInt128
        init(time: UInt64, sequence: UInt32) { bits = UInt128(time) << 32 | UInt128(sequence) }
        var time: UInt64 { UInt64(truncatingIfNeeded: bits >> 32) }
        var sequence: UInt32 { UInt32(truncatingIfNeeded: bits) }
    }

    /// What an event is about, indexed by sequence.
    @usableFromInline
    struct Payload: Sendable {
        var kind: EventKind
        var requisition: UInt16
        var subject: Int32
    }

    private var heap: [Key] = []
    private var payloads: [Payload] = []
    /// The pending arrival of each requisition (`empty` when none).
    private var slots: [Key] = []
    /// The slot with the earliest arrival, -1 when every slot is empty.
    private var firstSlot = -1
    private static let empty = Key(time: .max, sequence: .max)

    public init() {}

    public var isEmpty: Bool { heap.isEmpty && firstSlot < 0 }
    /// Pending events, arrivals included.
    public var count: Int { heap.count + slots.reduce(0) { $0 + ($1.time == .max ? 0 : 1) } }

    /// Empties the queue, keeping its storage, with an arrival slot for
    /// each of `requisitions` requisitions.
    public mutating func reset(requisitions: Int = 0) {
        heap.removeAll(keepingCapacity: true)
        payloads.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        slots.append(contentsOf: repeatElement(EventQueue.empty, count: requisitions))
        firstSlot = -1
    }

    /// Schedules the next arrival of `requisition`, replacing any arrival
    /// of that requisition still pending. Needs a slot (`reset(requisitions:)`).
    public mutating func pushArrival(_ time: Double, requisition: Int, generation: Int32) {
        assert(time >= 0, "event time \(time)")
        let key = Key(time: (time + 0).bitPattern, sequence: UInt32(truncatingIfNeeded: payloads.count))
        payloads.append(Payload(kind: .arrival, requisition: UInt16(requisition), subject: generation))
        slots[requisition] = key
        findFirstSlot()
    }

    /// Few requisitions: a scan, once per arrival, beats a second heap.
    @inline(__always)
    private mutating func findFirstSlot() {
        firstSlot = -1
        var best = EventQueue.empty
        for i in slots.indices where EventQueue.before(slots[i], best) {
            best = slots[i]
            firstSlot = i
        }
    }

    /// (time, sequence) order. Times are never negative (push turns -0
    /// into +0), and the bit patterns of non-negative doubles order as the
    /// doubles do: integer comparisons, which compile without branches,
    /// where double comparisons branch on NaN.
    @inline(__always)
    private static func before(_ a: Key, _ b: Key) -> Bool { a.bits < b.bits }

    public mutating func push(_ time: Double, _ kind: EventKind, requisition: Int, subject: Int32 = 0) {
        assert(time >= 0, "event time \(time)")
        let e = Key(time: (time + 0).bitPattern, sequence: UInt32(truncatingIfNeeded: payloads.count))
        payloads.append(Payload(kind: kind, requisition: UInt16(requisition), subject: subject))
        heap.append(e)
        heap.withUnsafeMutableBufferPointer { h in
            var i = h.count &- 1
            while i > 0 {
                let parent = (i &- 1) / 2
                if !EventQueue.before(e, h[parent]) { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = e
        }
    }

    public mutating func pop() -> Event? {
        if firstSlot >= 0 && (heap.isEmpty || EventQueue.before(slots[firstSlot], heap[0])) {
            let top = slots[firstSlot]
            slots[firstSlot] = EventQueue.empty
            findFirstSlot()
            return event(top)
        }
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        let n = heap.count
        if n > 0 {
            // Floyd's sift-down: move the hole at the root down to a leaf
            // along the smaller children (one comparison per level, chosen
            // without a branch), then sift `last` up from there; `last` came
            // from the bottom, so it rarely climbs. (time, sequence) is a
            // strict total order, so the events come out in the same order
            // as with the textbook sift-down. The buffer is unique and in
            // bounds by construction; unchecked access keeps these loops tight.
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
        }
        return event(top)
    }

    @inline(__always)
    private func event(_ top: Key) -> Event {
        let p = payloads[Int(top.sequence)]
        return Event(time: Double(bitPattern: top.time), sequence: top.sequence,
                     kind: p.kind, requisition: p.requisition, subject: p.subject)
    }
}
