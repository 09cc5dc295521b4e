import FunnelModel
import Sampling

// The start of a trial, before its first event: the plan-level draws in
// the order MODEL.md 16/17.17 fixes (uncertain parameters, then freezes
// and weather, then the rest), the per-trial values they resolve, the
// capacity pools, and the events that begin the trial (openings, budget
// approvals, freeze starts and ends). Apart from the event handlers
// because it runs once per trial and draws only from the plan streams.

extension TrialEngine {
    /// Draws (or takes) the trial's plan-level values and queues its first events.
    mutating func setUp(parameters: [Double]?, _ outcome: inout TrialOutcome) {
        // 1. Uncertain parameters.
        if let parameters {
            for i in outcome.parameters.indices { outcome.parameters[i] = parameters[i] }
        } else {
            for i in model.uncertainQuantities.indices {
                planStream.seek(keys.parameters, model.parameterStreams[i], 0, trial)
                let q = model.uncertainQuantities[i]
                outcome.parameters[i] = q.draw(planStream)
                tally(q.distribution.drawKind, seek: true)
            }
        }
        let u = outcome.parameters
        resolve(u)
        if model.isSeasonal { resolveSeasons(u) }

        // 2. Freezes and weather.
        let horizon = model.horizon
        freezes.removeAll(keepingCapacity: true)
        let freezeRate = model.freezesPerYear.value(u) / 365
        if freezeRate > 0, let freezeDays = model.freezeDays {
            var t = 0.0
            var n: UInt32 = 0
            while true {
                planStream.seek(keys.freezes, StreamLayout.freezeGap, n, trial)
                t += planStream.exponential(mean: 1 / freezeRate)
                tally(.exponential, seek: true)
                if t > horizon { break }
                planStream.seek(keys.freezes, StreamLayout.freezeLength, n, trial)
                freezes.append((t, t + freezeDays.draw(planStream)))
                tally(freezeDays.distribution.drawKind, seek: true)
                n += 1
            }
        }
        // The known freezes (MODEL.md 21.7) after the random ones: freeze f
        // is random below `randomFreezes`, window f - randomFreezes above.
        randomFreezes = freezes.count
        freezes.append(contentsOf: model.freezeWindows)
        calendar.rebuild(workingDays: model.workingDays, freezes: freezes)
        let p = model.badDayProbability.value(u)
        let days = Int(horizon.rounded(.down)) + 1
        badDay.removeAll(keepingCapacity: true)
        planStream.seek(keys.weather, 0, 0, trial)
        for _ in 0..<days { badDay.append(p > 0 && planStream.bernoulli(p)) }
        if p > 0 { for _ in 0..<days { tally(.uniform) } }
        noShowMultiplier = model.noShowMultiplier.value(u)

        // Pools.
        resetPools(u)

        // 3. The rest: requisitions open, freezes start and end.
        for (i, f) in freezes.enumerated() {
            queue.push(f.start, .freezeStart, requisition: 0, subject: Int32(i))
            if f.end <= horizon { queue.push(f.end, .freezeEnd, requisition: 0, subject: Int32(i)) }
        }
        for r in model.requisitions.indices {
            state[r].reset()
            arrivalStreams[r].seek(keys.arrivals[r], 0, 0, trial)
            let spec = model.requisitions[r]
            if spec.opensDay <= horizon { queue.push(spec.opensDay, .open, requisition: r) }
            planStream.seek(keys.approval, UInt32(r), 0, trial)
            let approvalDays = model.approvalDays
            let approval = spec.opensDay + approvalDays.draw(planStream)
            tally(approvalDays.distribution.drawKind, seek: true)
            state[r].approvalTime = approval
            if approval <= horizon { queue.push(approval, .approval, requisition: r) }
        }
    }

    /// The trial's integrated seasonal multiplier, Λ(t) = ∫₀ᵗ m(s) ds, at
    /// each month segment's start. Where every month is 0 no applicant can
    /// ever arrive: the rates are taken as 0, so sourcing counts as stopped
    /// (MODEL.md 16.6) rather than waiting forever.
    private mutating func resolveSeasons(_ u: [Double]) {
        let starts = model.seasonStarts
        seasonRate.removeAll(keepingCapacity: true)
        seasonCum.removeAll(keepingCapacity: true)
        var cum = 0.0
        for k in starts.indices {
            let m = model.seasonMultipliers[model.seasonMonths[k]].value(u)
            seasonRate.append(m)
            seasonCum.append(cum)
            if k + 1 < starts.count { cum += m * (starts[k + 1] - starts[k]) }
        }
        if !seasonRate.contains(where: { $0 > 0 }) {
            for r in resolved.indices { resolved[r].applicantsPerWeek = 0 }
        }
    }

    /// Per-trial values of each requisition, resolved once per trial.
    private mutating func resolve(_ u: [Double]) {
        for r in model.requisitions.indices {
            let spec = model.requisitions[r]
            func fill(_ v: inout Resolved) {
                v.applicantsPerWeek = spec.applicantsPerWeek.value(u)
                v.competingOffersPerWeek = spec.competingOffersPerWeek.value(u)
                v.contactFailure = spec.contactFailure.value(u)
                v.accept = spec.accept.value(u)
                v.renege = spec.renege.value(u)
                // In place: the arrays keep their storage from trial to trial.
                if v.noShow.count != spec.stages.count {
                    v.noShow = Array(repeating: 0, count: spec.stages.count)
                    v.pass = v.noShow
                }
                for (i, stage) in spec.stages.enumerated() {
                    v.noShow[i] = stage.noShow.value(u)
                    v.pass[i] = stage.pass.value(u)
                }
                if let c = spec.check {
                    v.fail = c.fail.value(u); v.falseFail = c.falseFail.value(u); v.dispute = c.dispute.value(u)
                }
            }
            fill(&resolved[r])
        }
    }
}
