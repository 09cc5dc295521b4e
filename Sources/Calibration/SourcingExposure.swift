import History

/// Sourcing exposure and cancellations: when a requisition was sourcing
/// (MODEL.md 4 and 16.4: from the opening, paused by freezes, stopped while
/// every opening is covered by an accepted offer, by cancellation, by
/// `max_applicants`, and at as_of) and which freeze starts could cancel it.
enum SourcingExposure {
    /// The instants where coverage changes: +1 at an acceptance, -1 at a
    /// rescinded offer (check_failed after acceptance) or a renege.
    static func coverageChanges(_ r: RequisitionHistory) -> [(t: Double, delta: Int)] {
        var changes: [(t: Double, delta: Int)] = []
        for c in r.candidates {
            guard let a = c.offer?.accepted else { continue }
            changes.append((a.midpoint, 1))
            if let f = c.offer?.checkFailed { changes.append((f.midpoint, -1)) }
            if let g = c.reneged { changes.append((g.midpoint, -1)) }
        }
        return changes.sorted { $0.t < $1.t }
    }

    /// The windows [a, b) in which the requisition was sourcing, freezes included.
    static func windows(_ r: RequisitionHistory, maxApplicants: Int?) -> [(Double, Double)] {
        let open = (r.opened ?? r.firstEvent).earliest
        var end = r.asOf
        if let c = r.cancelled { end = min(end, c.earliest) }
        if let m = maxApplicants {
            let arrivals = r.candidates.compactMap(\.applied).map(\.days).sorted()
            if arrivals.count >= m { end = min(end, arrivals[m - 1]) }
        }
        var out: [(Double, Double)] = []
        var covered = 0
        var from: Double? = open
        for ch in coverageChanges(r) where ch.t < end {
            let was = covered >= r.openings
            covered += ch.delta
            let now = covered >= r.openings
            if !was && now, let f = from { if ch.t > f { out.append((f, ch.t)) }; from = nil }
            if was && !now { from = max(ch.t, open) }
        }
        if let f = from, end > f { out.append((f, end)) }
        return out
    }

    /// Applicants (not the initial pool) over sourcing time outside
    /// freezes, in weeks, with weekly counts from the opening for the
    /// dispersion test.
    static func applicants(_ r: RequisitionHistory, clock: WorkClock, maxApplicants: Int?, into e: inout RequisitionEvidence) {
        let windows = subtract(windows(r, maxApplicants: maxApplicants), clock.freezeUnion)
        let open = (r.opened ?? r.firstEvent).earliest
        var rate = RateEstimate()
        let last = windows.last?.1 ?? open
        let weeks = max(0, Int(((last - open) / 7).rounded(.up)))
        var periods = [(events: Int, exposure: Double)](repeating: (0, 0), count: weeks)
        for (a, b) in windows {
            rate.exposure += (b - a) / 7
            var k = max(0, Int(((a - open) / 7).rounded(.down)))
            while k < weeks {
                let wa = open + 7 * Double(k), wb = wa + 7
                if wa >= b { break }
                periods[k].exposure += max(0, min(b, wb) - max(a, wa)) / 7
                k += 1
            }
        }
        for c in r.candidates where !c.initialPool {
            guard let t = c.applied else { continue }
            // An arrival inside a window (date-only: its midpoint).
            let x = t.midpoint
            guard windows.contains(where: { x >= $0.0 - (t.dateOnly ? 0.5 : 0) && x < $0.1 + (t.dateOnly ? 0.5 : 0) }) else { continue }
            rate.events += 1
            let k = Int(((x - open) / 7).rounded(.down))
            if periods.indices.contains(k) { periods[k].events += 1 }
        }
        // Only whole weeks of exposure enter the dispersion test.
        rate.periods = periods.filter { $0.exposure > 0.999 }
        rate.from = open; rate.to = last
        e.applicantsPerWeek = rate
    }

    /// [a, b) windows minus a sorted union of [s, e) intervals.
    static func subtract(_ windows: [(Double, Double)], _ holes: [(Double, Double)]) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        for (a0, b) in windows {
            var a = a0
            for (s, e) in holes where e > a && s < b {
                if s > a { out.append((a, s)) }
                a = max(a, e)
            }
            if b > a { out.append((a, b)) }
        }
        return out
    }

    /// The cancellation draws (MODEL.md 16.15): one per freeze start per
    /// requisition open then (opened, not cancelled, fewer accepted offers
    /// than openings, before its as_of); a success where it was cancelled
    /// at that freeze start (the same instant, or the same day for dates).
    /// A cancellation at no freeze start counts as one more draw and success.
    static func cancellations(_ log: HistoryLog) -> ProportionEstimate {
        var p = ProportionEstimate()
        for r in log.requisitions {
            let opened = (r.opened ?? r.firstEvent).earliest
            let changes = coverageChanges(r)
            var matched = false
            for f in log.freezes {
                let t = f.started.days
                guard t >= opened, t < r.asOf else { continue }
                if let c = r.cancelled, c.latest < t { continue }
                let covered = changes.filter { $0.t < t }.reduce(0) { $0 + $1.delta }
                guard covered < r.openings else { continue }
                var hit = false
                if let c = r.cancelled, !matched {
                    hit = (c.dateOnly || f.started.dateOnly) ? c.date == f.started.date : abs(c.days - t) < 1e-6
                }
                if hit { matched = true }
                p.add(hit, at: t)
            }
            if let c = r.cancelled, !matched { p.add(true, at: c.days) }
        }
        return p
    }
}
