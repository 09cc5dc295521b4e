import XCTest
@testable import Simulation

/// The event list against a plain sort: whatever is pushed, heap and
/// arrival slots together, comes out in (time, sequence) order, with what
/// each event is about; a slot keeps only its latest arrival.
final class EventQueueTests: XCTestCase {
    /// A small deterministic generator for the pushes (xorshift64*).
    private struct Pushes {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
        /// A time in [0, 50), coarse so that ties are common.
        mutating func time() -> Double { Double(next() % 200) / 4 }
    }

    private struct Expected { var time: Double; var sequence: UInt32; var kind: EventKind; var requisition: UInt16; var subject: Int32 }

    /// Interleaves pushes, arrival pushes and pops (a simulation's pattern:
    /// nothing earlier than the last pop is pushed) and checks every pop.
    private func check(seed: UInt64, operations: Int, requisitions: Int) {
        var queue = EventQueue()
        var random = Pushes(state: seed)
        for round in 0..<2 {   // the second round reuses the memory
            queue.reset(requisitions: requisitions)
            var pending: [Expected] = []
            var arrivals = [Expected?](repeating: nil, count: requisitions)
            var sequence: UInt32 = 0
            var now = 0.0
            var pops = 0
            for _ in 0..<operations {
                switch random.next() % 10 {
                case 0..<5:
                    let t = now + random.time()
                    let kind: EventKind = random.next() % 2 == 0 ? .hrDone : .interview
                    let r = Int(random.next() % UInt64(max(1, requisitions)))
                    let subject = Int32(truncatingIfNeeded: random.next() % 100_000)
                    queue.push(t, kind, requisition: r, subject: subject)
                    pending.append(Expected(time: t, sequence: sequence, kind: kind, requisition: UInt16(r), subject: subject))
                    sequence += 1
                case 5..<7 where requisitions > 0:
                    let t = now + random.time()
                    let r = Int(random.next() % UInt64(requisitions))
                    let generation = Int32(truncatingIfNeeded: random.next() % 1000)
                    queue.pushArrival(t, requisition: r, generation: generation)
                    arrivals[r] = Expected(time: t, sequence: sequence, kind: .arrival, requisition: UInt16(r), subject: generation)
                    sequence += 1
                default:
                    let all = pending + arrivals.compactMap { $0 }
                    guard let want = all.min(by: { ($0.time, $0.sequence) < ($1.time, $1.sequence) }) else {
                        XCTAssertNil(queue.pop(), "round \(round): the queue should be empty")
                        continue
                    }
                    guard let got = queue.pop() else { return XCTFail("round \(round): pop \(pops) came back empty") }
                    XCTAssertEqual(got.time, want.time, "round \(round), pop \(pops)")
                    XCTAssertEqual(got.sequence, want.sequence, "round \(round), pop \(pops)")
                    XCTAssertEqual(got.kind, want.kind, "round \(round), pop \(pops)")
                    XCTAssertEqual(got.requisition, want.requisition, "round \(round), pop \(pops)")
                    XCTAssertEqual(got.subject, want.subject, "round \(round), pop \(pops)")
                    if want.kind == .arrival {
                        arrivals[Int(want.requisition)] = nil
                    } else {
                        pending.removeAll { $0.sequence == want.sequence }
                    }
                    now = want.time
                    pops += 1
                }
                XCTAssertEqual(queue.count, pending.count + arrivals.compactMap { $0 }.count)
            }
            XCTAssertGreaterThan(pops, operations / 5)
        }
    }

    func testPopsComeOutInTimeThenSequenceOrder() {
        // 4,000 operations: the heap and the payload table outgrow their
        // first allocations (64 and 256 entries).
        check(seed: 0x9E37_79B9_7F4A_7C15, operations: 4000, requisitions: 3)
    }

    func testWithoutArrivalSlots() {
        check(seed: 12345, operations: 1500, requisitions: 0)
    }

    func testManyRequisitions() {
        check(seed: 777, operations: 3000, requisitions: 40)
    }

    func testAnArrivalReplacesTheSlotsEarlierOne() {
        var queue = EventQueue()
        queue.reset(requisitions: 2)
        queue.pushArrival(5, requisition: 1, generation: 1)
        queue.push(6, .hrDone, requisition: 0, subject: 9)
        queue.pushArrival(7, requisition: 1, generation: 2)   // the stale one at 5 is gone
        let first = queue.pop()
        XCTAssertEqual(first?.time, 6)
        XCTAssertEqual(first?.kind, .hrDone)
        let second = queue.pop()
        XCTAssertEqual(second?.time, 7)
        XCTAssertEqual(second?.subject, 2)
        XCTAssertNil(queue.pop())
        XCTAssertTrue(queue.isEmpty)
    }

    func testTiesGoFirstScheduledFirst() {
        var queue = EventQueue()
        queue.reset(requisitions: 1)
        queue.push(3, .interview, requisition: 0, subject: 1)
        queue.pushArrival(3, requisition: 0, generation: 0)
        queue.push(3, .leave, requisition: 0, subject: 2)
        XCTAssertEqual(queue.pop()?.kind, .interview)
        XCTAssertEqual(queue.pop()?.kind, .arrival)
        XCTAssertEqual(queue.pop()?.kind, .leave)
    }
}
