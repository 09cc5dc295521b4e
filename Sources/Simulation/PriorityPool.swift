// A capacity pool of MODEL.md 21.2-21.3 as a queue: the server's clock
// (`free`, in work time), its discipline, and under `priority` the waiting
// requests by (requisition, class) with the turn-taking record. The engine
// asks it to take the next request when it becomes free
// (`TrialEngine+Pools.swift`); what a request does once taken is the
// engine's. Storage is kept from trial to trial: after the first trials
// a request costs no allocation.

import FunnelModel

/// One request waiting for a pool: what the engine needs to finish it once
/// the pool takes it.
struct PoolRequest {
    enum Kind: UInt8 {
        /// A stage's HR action (recruiters): `extra` is its workdays.
        case stageAction
        /// An interview (interviewers): requested at `time` (T2 of 16.9).
        case interview
        /// An offer's preparation (recruiters): `extra` is its workdays.
        case offer
    }
    /// When it was requested (calendar time) and the work clock then (for its wait).
    var time: Double
    var work: Double
    var hours: Double
    var extra: Double
    var candidate: Int32
    var kind: Kind
    var stage: Int16
}

struct PriorityPool {
    /// Hours of work the pool does per working day.
    var speed: Double
    /// Work time at which the pool is next free.
    var free: Double = 0
    let discipline: PoolDiscipline
    /// Priority classes: 0 offers, then 1 (a last stage), 2, ...
    let classes: Int
    let requisitions: Int
    /// A `poolFree` event is in the queue for this pool.
    var wakePending = false
    /// Requests queued (live or not) over all queues.
    private(set) var waitingCount = 0
    /// The queue of each (requisition, class): waiting[r * classes + k],
    /// served from heads[...] on; emptied (keeping storage) each trial.
    private var waiting: [[PoolRequest]]
    private var heads: [Int]
    /// The sequence number of the service that last took a request of
    /// (requisition, class); -1 never.
    private var lastServed: [Int]
    private var services = 0
    /// Requests queued (live or not) per class: empty classes are skipped.
    private var classWaiting: [Int]

    init(speed: Double, discipline: PoolDiscipline, requisitions: Int, classes: Int) {
        self.speed = speed
        self.discipline = discipline
        self.requisitions = requisitions
        self.classes = classes
        waiting = Array(repeating: [], count: requisitions * classes)
        heads = Array(repeating: 0, count: requisitions * classes)
        lastServed = Array(repeating: -1, count: requisitions * classes)
        classWaiting = Array(repeating: 0, count: classes)
    }

    /// Empty and free at work time 0, keeping storage; `speed` for the trial.
    mutating func reset(speed: Double) {
        self.speed = speed
        free = 0
        wakePending = false
        waitingCount = 0
        services = 0
        for k in classWaiting.indices { classWaiting[k] = 0 }
        for i in waiting.indices {
            waiting[i].removeAll(keepingCapacity: true)
            heads[i] = 0
            lastServed[i] = -1
        }
    }

    /// Whether a request made now (work clock `work`) would wait.
    @inline(__always)
    func mustWait(atWork work: Double) -> Bool { waitingCount > 0 || wakePending || work < free }

    /// Books a request the pool takes at once (or any `fifo` request):
    /// (start, end) in work time, `free` moved to the end.
    @inline(__always)
    mutating func book(atWork work: Double, hours: Double) -> (start: Double, end: Double) {
        let s = Swift.max(work, free)
        let e = s + hours / speed
        free = e
        return (s, e)
    }

    /// Records that requisition `r`'s request of class `k` was taken now
    /// (for the turns within a class).
    @inline(__always)
    mutating func served(_ r: Int, _ k: Int) {
        lastServed[r * classes + k] = services
        services += 1
    }

    mutating func enqueue(_ request: PoolRequest, requisition r: Int, class k: Int) {
        waiting[r * classes + k].append(request)
        waitingCount += 1
        classWaiting[k] += 1
    }

    /// Takes the next request by MODEL.md 21.2: the highest class (lowest
    /// number), the requisition whose last request of that class was taken
    /// longest ago (never first, ties by requisition order), its earliest
    /// request. Requests `isLive` rejects are dropped on the way, uncounted.
    mutating func take(isLive: (PoolRequest) -> Bool) -> (requisition: Int, class: Int, request: PoolRequest)? {
        while waitingCount > 0 {
            for k in 0..<classes where classWaiting[k] > 0 {
                var best = -1, bestServed = Int.max
                for r in 0..<requisitions {
                    let q = r * classes + k
                    // Drop the dead at the front so the front is the live earliest.
                    while heads[q] < waiting[q].count && !isLive(waiting[q][heads[q]]) {
                        heads[q] += 1
                        waitingCount -= 1
                        classWaiting[k] -= 1
                    }
                    if heads[q] < waiting[q].count && lastServed[q] < bestServed {
                        best = r
                        bestServed = lastServed[q]
                    }
                }
                if best >= 0 {
                    let q = best * classes + k
                    let request = waiting[q][heads[q]]
                    heads[q] += 1
                    waitingCount -= 1
                    classWaiting[k] -= 1
                    if heads[q] == waiting[q].count {
                        waiting[q].removeAll(keepingCapacity: true)
                        heads[q] = 0
                    }
                    served(best, k)
                    return (best, k, request)
                }
            }
        }
        return nil
    }
}
