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
    /// A `priority` pool is free: it takes its next waiting request (MODEL.md 21.2).
    case poolFree
}

/// The event list of a trial: a 4-ary min-heap of events keyed on (time,
/// sequence), plus one slot per requisition for its next arrival.
///
/// The heap holds only 16-byte keys; what an event is about lives in a
/// side table indexed by its sequence number (sequence numbers restart at
/// 0 each trial, so the table is as long as the trial's pushes and keeps
/// its memory). Sifting then moves a third less memory than whole events,
/// and four keys share a cache line.
///
/// Arrivals are a third of a trial's events and each requisition has at
/// most one that matters at a time (the next of its arrival process), so
/// they wait in slots beside the heap: a slot costs a store where the heap
/// costs a sift up and a sift down. An arrival pushed into a slot replaces
/// the slot's earlier one, which was stale (the engine only schedules an
/// arrival once the previous one is popped or superseded). Pops still come
/// out in (time, sequence) order, heap and slots together.
///
/// The queue keeps its events in raw memory that it grows itself, so no
/// write has to ask whether the storage is shared (as an Array's does) and
/// the sift loops index memory that `push` keeps large enough. A private
/// owner object frees that memory with the last copy of the queue; copies
/// share it, so hold one queue per trial simulator, as the engine does.
/// (Not a noncopyable type: Swift 6.3 fails to compile a noncopyable
/// engine under ThreadSanitizer, "Invalid bitcast".)
struct EventQueue {
    /// (time, sequence) packed so that one unsigned comparison orders it:
    /// the time's bit pattern (non-negative doubles order as their bits)
    /// above the sequence number. A 128-bit comparison compiles to two
    /// instructions without a branch.
    struct Key {
        var bits: UInt128
        @inline(__always) init(time: UInt64, sequence: UInt32) { bits = UInt128(time) << 32 | UInt128(sequence) }
        @inline(__always) var time: UInt64 { UInt64(truncatingIfNeeded: bits >> 32) }
        @inline(__always) var sequence: UInt32 { UInt32(truncatingIfNeeded: bits) }
        /// An empty slot: after every event time.
        @inline(__always) static var empty: Key { Key(time: .max, sequence: .max) }
    }

    /// What an event is about, indexed by sequence.
    struct Payload {
        var kind: EventKind
        var requisition: UInt16
        var subject: Int32
    }

    /// The heap: keys in heap[0..<heapCount], room for heapCapacity.
    private var heap: UnsafeMutablePointer<Key>
    private var heapCount = 0, heapCapacity = 64
    /// Payloads by sequence: payloads[0..<pushes], room for payloadCapacity.
    private var payloads: UnsafeMutablePointer<Payload>
    private var pushes = 0, payloadCapacity = 256
    /// The pending arrival of each requisition (`Key.empty` when none).
    private var slots: UnsafeMutablePointer<Key>
    private var slotCount = 0, slotCapacity = 0
    /// The slot with the earliest arrival, -1 when every slot is empty.
    private var firstSlot = -1

    /// Frees the memory when the queue (and any copy) is gone.
    private final class Owner {
        var heap: UnsafeMutablePointer<Key>
        var payloads: UnsafeMutablePointer<Payload>
        var slots: UnsafeMutablePointer<Key>
        init(_ heap: UnsafeMutablePointer<Key>, _ payloads: UnsafeMutablePointer<Payload>, _ slots: UnsafeMutablePointer<Key>) {
            self.heap = heap
            self.payloads = payloads
            self.slots = slots
        }
        deinit {
            heap.deallocate()
            payloads.deallocate()
            slots.deallocate()
        }
    }
    private let owner: Owner

    init() {
        heap = .allocate(capacity: heapCapacity)
        payloads = .allocate(capacity: payloadCapacity)
        slots = .allocate(capacity: 0)
        owner = Owner(heap, payloads, slots)
    }

    var isEmpty: Bool { heapCount == 0 && firstSlot < 0 }
    /// Pending events, arrivals included.
    var count: Int {
        var n = heapCount
        for i in 0..<slotCount where slots[i].time != .max { n += 1 }
        return n
    }

    /// Empties the queue, keeping its memory, with an arrival slot for
    /// each of `requisitions` requisitions.
    mutating func reset(requisitions: Int = 0) {
        heapCount = 0
        pushes = 0
        if requisitions > slotCapacity {
            slots.deallocate()
            slots = .allocate(capacity: requisitions)
            owner.slots = slots
            slotCapacity = requisitions
        }
        slotCount = requisitions
        slots.initialize(repeating: .empty, count: requisitions)
        firstSlot = -1
    }

    /// (time, sequence) order. Times are never negative (push turns -0
    /// into +0), and the bit patterns of non-negative doubles order as the
    /// doubles do: integer comparisons, which compile without branches,
    /// where double comparisons branch on NaN.
    @inline(__always)
    private static func before(_ a: Key, _ b: Key) -> Bool { a.bits < b.bits }

    /// Records what the event is about; returns its key.
    @inline(__always)
    private mutating func record(_ time: Double, _ payload: Payload) -> Key {
        assert(time >= 0, "event time \(time)")
        if pushes == payloadCapacity {
            EventQueue.double(&payloads, count: pushes, capacity: &payloadCapacity)
            owner.payloads = payloads
        }
        (payloads + pushes).initialize(to: payload)
        defer { pushes += 1 }
        return Key(time: (time + 0).bitPattern, sequence: UInt32(truncatingIfNeeded: pushes))
    }

    mutating func push(_ time: Double, _ kind: EventKind, requisition: Int, subject: Int32 = 0) {
        let e = record(time, Payload(kind: kind, requisition: UInt16(requisition), subject: subject))
        if heapCount == heapCapacity {
            EventQueue.double(&heap, count: heapCount, capacity: &heapCapacity)
            owner.heap = heap
        }
        heapCount += 1
        siftUp(e, from: heapCount - 1)
    }

    /// Moves the hole at `i` up past the parents that `e` comes before,
    /// then puts `e` there.
    @inline(__always)
    private func siftUp(_ e: Key, from i: Int) {
        let h = heap
        var i = i
        while i > 0 {
            let parent = (i &- 1) / 4
            if !EventQueue.before(e, h[parent]) { break }
            h[i] = h[parent]
            i = parent
        }
        h[i] = e
    }

    /// Moves `count` elements to memory twice as large (a trial's pushes
    /// stop growing it after the first trials).
    private static func double<T>(_ p: inout UnsafeMutablePointer<T>, count: Int, capacity: inout Int) {
        let bigger = UnsafeMutablePointer<T>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: p, count: count)
        p.deallocate()
        p = bigger
        capacity *= 2
    }

    /// Schedules the next arrival of `requisition`, replacing any arrival
    /// of that requisition still pending. Needs a slot (`reset(requisitions:)`).
    mutating func pushArrival(_ time: Double, requisition: Int, generation: Int32) {
        precondition(requisition >= 0 && requisition < slotCount, "no arrival slot for requisition \(requisition)")
        slots[requisition] = record(time, Payload(kind: .arrival, requisition: UInt16(requisition), subject: generation))
        findFirstSlot()
    }

    /// Few requisitions: a scan, once per arrival, beats a second heap.
    @inline(__always)
    private mutating func findFirstSlot() {
        var first = -1
        var best = Key.empty
        for i in 0..<slotCount where EventQueue.before(slots[i], best) {
            best = slots[i]
            first = i
        }
        firstSlot = first
    }

    mutating func pop() -> Event? {
        if firstSlot >= 0 && (heapCount == 0 || EventQueue.before(slots[firstSlot], heap[0])) {
            let top = slots[firstSlot]
            slots[firstSlot] = .empty
            findFirstSlot()
            return event(top)
        }
        guard heapCount > 0 else { return nil }
        let h = heap
        let top = h[0]
        heapCount -= 1
        let n = heapCount
        let last = h[n]
        if n > 0 {
            // Four children per node (of i: 4i+1 ... 4i+4): half the levels
            // of a binary heap, and a pop's cost is its chain of dependent
            // loads, one per level; the four children are compared in two
            // independent pairs. Floyd's sift-down: move the hole at the
            // root down to a leaf along the smallest children (chosen
            // without a branch), then sift `last` up from there; `last`
            // came from the bottom, so it rarely climbs. (time, sequence)
            // is a strict total order, so the events come out in the same
            // order as from any other heap.
            var i = 0
            var c = 1
            while c &+ 3 < n {
                let a = c &+ (EventQueue.before(h[c &+ 1], h[c]) ? 1 : 0)
                let b = c &+ (EventQueue.before(h[c &+ 3], h[c &+ 2]) ? 3 : 2)
                let m = EventQueue.before(h[b], h[a]) ? b : a
                h[i] = h[m]
                i = m
                c = 4 &* i &+ 1
            }
            if c < n {
                var m = c
                if c &+ 1 < n && EventQueue.before(h[c &+ 1], h[m]) { m = c &+ 1 }
                if c &+ 2 < n && EventQueue.before(h[c &+ 2], h[m]) { m = c &+ 2 }
                h[i] = h[m]
                i = m
            }
            siftUp(last, from: i)
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
